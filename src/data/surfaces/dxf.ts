/**
 * DXF (AutoCAD Drawing Exchange Format) surfaces and strings, as mining software exports them.
 *
 * Read: 3DFACE, polyface POLYLINE (70 bit 64) and MESH as one triangle mesh per layer (vertices
 * merged on exactly equal coordinates), 3D and 2D POLYLINE, LWPOLYLINE and LINE as one lines object
 * per layer. Other entities are counted and reported; BLOCKS are not expanded (INSERT is reported).
 * Coordinates stay float64 as written, in the file's units (the header's $INSUNITS is only
 * reported: mining files often say inches for metres).
 *
 * Both encodings are read. ASCII: group-code line / value line pairs, LF, CRLF or CR, any version,
 * with or without HEADER. Binary: after the 22-byte sentinel "AutoCAD Binary DXF\r\n\x1a\0", R12
 * (AC1009 and older) writes 1-byte group codes (255 escapes a 2-byte little-endian code) and R13+
 * writes 2-byte little-endian codes; the value's type follows from the code (doubles 8 bytes,
 * int16/32/64, 1-byte booleans, zero-terminated strings, length-prefixed binary chunks). Which width
 * is told by the first tag, always (0, "SECTION"): its second byte is 0 only with 2-byte codes.
 *
 * The text is decoded once and walked by index (indexOf of the line break), so a 200 MB file costs
 * no array of lines; a record (one entity: its tags up to the next group 0) is kept at a time.
 */
import type { ImportIssue, ImportResult, ImportedObject, Importer } from './types';
import { aciHex, rgbHex } from './aci';
import { say, type MessageParams, type Said } from '../../domain/message';

const OK = 0, END = 1, BAD_CODE = 2, NO_VALUE = 3;
/** $INSUNITS codes → unit symbols (0 = unitless). */
const UNITS = ['', 'in', 'ft', 'mi', 'mm', 'cm', 'm', 'km', 'µin', 'mil', 'yd', 'Å', 'nm', 'µm', 'dm', 'dam', 'hm', 'Gm', 'au', 'ly', 'pc', 'us-ft', 'us-in', 'us-yd', 'us-mi'];
const READ = new Set(['3DFACE', 'POLYLINE', 'LWPOLYLINE', 'LINE', 'MESH']);

/** A stream of group code / value tags; `at` is the group code's 1-based line (text) or byte offset (binary). */
interface Tags { code: number; value: string; at: number; next(): number; done(): number; fraction(): number }

class TextTags implements Tags {
  code = 0; value = ''; at = 0;
  private p = 0;
  private line = 0;
  constructor(private s: string, private nl: string) {}
  next(): number {
    const s = this.s, n = s.length, p = this.p;
    if (p >= n) return END;
    let e = s.indexOf(this.nl, p);
    if (e < 0) e = n;
    let i = p, c = 0, v = 0, digits = 0, sign = 1;
    while (i < e && ((c = s.charCodeAt(i)) === 32 || c === 9)) i++;
    if (i < e && s.charCodeAt(i) === 45) { sign = -1; i++; }
    while (i < e && (c = s.charCodeAt(i) - 48) >= 0 && c <= 9) { v = v * 10 + c; i++; digits++; }
    while (i < e && ((c = s.charCodeAt(i)) === 32 || c === 9 || c === 13)) i++;
    this.at = ++this.line;
    if (i < e || digits === 0) {
      const rest = /\S/g;
      rest.lastIndex = p;
      if (!rest.test(s)) { this.line--; return END; } // trailing blank lines
      this.value = s.slice(p, e).trim();
      return BAD_CODE;
    }
    if (e + 1 >= n) return NO_VALUE;
    let ve = s.indexOf(this.nl, e + 1);
    if (ve < 0) ve = n;
    this.p = ve + 1; this.line++;
    this.code = sign * v;
    this.value = s.slice(e + 1, ve > e + 1 && s.charCodeAt(ve - 1) === 13 ? ve - 1 : ve);
    return OK;
  }
  done() { return this.line; }
  fraction() { return this.p / this.s.length; }
}

class BinaryTags implements Tags {
  code = 0; value = ''; at = 0;
  private p = 22;
  private dv: DataView;
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  constructor(private b: Uint8Array, private oneByte: boolean) { this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength); }
  next(): number {
    const b = this.b, n = b.length;
    let p = this.p, c: number;
    if (p >= n) return END;
    this.at = p;
    if (this.oneByte && b[p] !== 255) c = b[p++];
    else {
      if (this.oneByte) p++; // 255: a 2-byte code follows
      if (p + 2 > n) return NO_VALUE;
      c = b[p] | (b[p + 1] << 8);
      p += 2;
    }
    const kind = KIND[c] ?? 's';
    if (kind === 's') { // zero-terminated string
      const z = b.indexOf(0, p);
      if (z < 0) return NO_VALUE;
      const raw = b.subarray(p, z);
      try { this.value = this.utf8.decode(raw); } catch { this.value = String.fromCharCode(...raw); } // R12..R2004: a code page
      p = z + 1;
    } else if (kind === 'x') { // binary chunk: 1-byte length, then the bytes (not needed here)
      if (p >= n || p + 1 + b[p] > n) return NO_VALUE;
      this.value = '';
      p += 1 + b[p];
    } else {
      const len = kind === 'd' || kind === 'q' ? 8 : kind === 'i' ? 4 : kind === 'h' ? 2 : 1;
      if (p + len > n) return NO_VALUE;
      const dv = this.dv;
      // String() of a double gives back exactly the same double through Number().
      this.value = String(kind === 'd' ? dv.getFloat64(p, true) : kind === 'q' ? dv.getBigInt64(p, true) : kind === 'i' ? dv.getInt32(p, true) : kind === 'h' ? dv.getInt16(p, true) : b[p]);
      p += len;
    }
    this.code = c;
    this.p = p;
    return OK;
  }
  done() { return this.p; }
  fraction() { return this.p / this.b.length; }
}

/** The value type of each group code in binary DXF: double, int16, int32, int64, boolean byte, binary chunk, else string. */
const KIND: string[] = new Array(1072).fill('s');
for (const [kind, ...r] of [['d', 10, 59, 110, 149, 210, 239, 460, 469, 1010, 1059], ['h', 60, 79, 170, 179, 270, 289, 370, 389, 400, 409, 1060, 1070],
  ['i', 90, 99, 420, 429, 440, 459, 1071, 1071], ['q', 160, 169], ['b', 290, 299], ['x', 310, 319, 1004, 1004]] as [string, ...number[]][]) {
  for (let i = 0; i < r.length; i += 2) KIND.fill(kind, r[i], r[i + 1] + 1);
}

/** One layer's triangles: vertices merged on exactly equal float64 coordinates (open-addressing hash on their bits). */
class MeshBuilder {
  xyz = new Float64Array(3 * 256); n = 0;
  tri = new Uint32Array(768); nt = 0;
  private slots = new Int32Array(512).fill(-1);
  vertex(x: number, y: number, z: number): number {
    x += 0; y += 0; z += 0; // -0 → 0: equal coordinates must hash alike
    const mask = this.slots.length - 1, xyz = this.xyz;
    for (let s = hash3(x, y, z) & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s];
      if (i < 0) break;
      if (xyz[3 * i] === x && xyz[3 * i + 1] === y && xyz[3 * i + 2] === z) return i;
    }
    if (3 * this.n + 3 > xyz.length) { this.xyz = new Float64Array(xyz.length * 2); this.xyz.set(xyz); }
    this.xyz[3 * this.n] = x; this.xyz[3 * this.n + 1] = y; this.xyz[3 * this.n + 2] = z;
    if (2 * ++this.n > this.slots.length) this.rehash(); else this.place(this.n - 1);
    return this.n - 1;
  }
  private place(i: number) {
    const mask = this.slots.length - 1, xyz = this.xyz;
    let s = hash3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]) & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = i;
  }
  private rehash() {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let i = 0; i < this.n; i++) this.place(i);
  }
  triangle(a: number, b: number, c: number) {
    if (this.nt + 3 > this.tri.length) { const t = new Uint32Array(this.tri.length * 2); t.set(this.tri); this.tri = t; }
    this.tri[this.nt++] = a; this.tri[this.nt++] = b; this.tri[this.nt++] = c;
  }
}

const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);
function hash3(x: number, y: number, z: number): number {
  F64[0] = x; let h = U32[0] ^ Math.imul(U32[1], 0x85ebca6b);
  F64[0] = y; h = Math.imul(h ^ U32[0], 0x9e3779b1) ^ Math.imul(U32[1], 0xc2b2ae35);
  F64[0] = z; h = Math.imul(h ^ U32[0], 0x9e3779b1) ^ Math.imul(U32[1], 0x27d4eb2f);
  h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

interface Layer { name: string; mesh?: MeshBuilder; lines: Float64Array[]; color?: string | null; tried: number; degenerate: number; degenerateAt: number; short: number }
interface Poly { type: string; layer: Layer; at: number; flags: number; elevation: number; ext: number[]; pts: number[]; faces: number[]; faceAt: number[] }

export const importDxf: Importer = (bytes, fileName, options) => {
  const issues: ImportIssue[] = [];
  const binary = bytes.length >= 22 && new TextDecoder('latin1').decode(bytes.subarray(0, 22)) === 'AutoCAD Binary DXF\r\n\x1a\0';
  const where = (at: number) => (binary ? `${fileName}@${at}` : `${fileName}:${at}`);
  const report = (severity: 'error' | 'warning', at: number | null, said: Said, id?: string) =>
    issues.push({ path: at === null ? fileName : where(at), ...said, severity, ...(id === undefined ? {} : { id }) });
  // Why the file is not DXF: a message of its own (surfaces.dxf.not.*), nested in the report's line.
  const fail = (reason: string, params: MessageParams = {}): ImportResult => ({ objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.dxf.notDxf', { ...params, reasonKey: `surfaces.dxf.not.${reason}` }) }], meta: { format: 'DXF' } });

  let tags: Tags;
  if (binary) {
    const b0 = bytes[22], b1 = bytes[23];
    if ((b0 === 0 && b1 === 0) || (b0 === 0xe7 && b1 === 3)) tags = new BinaryTags(bytes, false); // (0, "SECTION") or a 999 comment, 2-byte codes
    else if (b0 === 0 || b0 === 255) tags = new BinaryTags(bytes, true);
    else return fail('sentinel');
  } else {
    let text: string;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('windows-1252').decode(bytes); } // R2007+ is UTF-8, older files a code page
    tags = new TextTags(text, text.includes('\n') ? '\n' : '\r');
  }

  const layers = new Map<string, Layer>();
  const layerColors = new Map<string, string>(); // from TABLES/LAYER
  const ignored = new Map<string, { n: number; at: number }>();
  let version = '', unit: string | undefined, section = '', poly: Poly | null = null, bulges = 0, bulgeAt = 0;
  // The record being read: the tags from one group 0 to the next.
  let type = '', recAt = 0, started = false, eof = false;
  const codes: number[] = [], vals: string[] = [], ats: number[] = [];
  let bad: { at: number; code: number; text: string } | null = null;
  const num = (k: number): number => {
    const s = vals[k], v = Number(s);
    if (Number.isFinite(v) && (v !== 0 || /\d/.test(s))) return v;
    bad ??= { at: ats[k], code: codes[k], text: s.trim() };
    return 0;
  };
  const text = (s: string) => (s.includes('\\U+') ? s.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);
  const find = (code: number) => codes.indexOf(code);
  const real = (code: number, fallback: number) => { const k = find(code); return k < 0 ? fallback : num(k); };
  const int = (code: number, fallback: number) => Math.trunc(real(code, fallback));

  function layerOf(): Layer {
    const k = find(8), name = k < 0 ? '0' : text(vals[k]);
    let l = layers.get(name);
    if (!l) layers.set(name, (l = { name, lines: [], tried: 0, degenerate: 0, degenerateAt: 0, short: 0 }));
    l.tried++;
    if (!layerColors.has(name)) { // no layer table entry: the entities' own colour, when they all agree (420 beats 62)
      const t = find(420), a = find(62);
      const c = t >= 0 ? rgbHex(Number(vals[t])) : a >= 0 ? aciHex(Number(vals[a])) ?? null : null;
      l.color = l.color === undefined || l.color === c ? c : null;
    }
    return l;
  }
  /** Reports the first bad number of the record; true when the entity must be skipped. */
  function rejected(what: string, l: Layer): boolean {
    if (!bad) return false;
    const key = bad.code >= 10 && bad.code < 40 ? 'surfaces.dxf.badCoordinate' : 'surfaces.dxf.badValue';
    report('error', bad.at, say(key, { code: bad.code, text: bad.text, what }), l.name);
    bad = null;
    return true;
  }

  // Triangles of one polygon (corners in `pc`, flat xyz): consecutive repeated corners dropped (a
  // 3DFACE triangle repeats its 3rd or its 1st corner), then a fan; a polygon left with no
  // non-degenerate triangle counts as a degenerate face of its layer.
  let pc = new Float64Array(12);
  const same = (i: number, j: number) => pc[3 * i] === pc[3 * j] && pc[3 * i + 1] === pc[3 * j + 1] && pc[3 * i + 2] === pc[3 * j + 2];
  const keep: number[] = [], vid: number[] = [];
  function polygon(l: Layer, k: number, at: number) {
    keep.length = 0;
    for (let i = 0; i < k; i++) if (!keep.length || !same(keep[keep.length - 1], i)) keep.push(i);
    while (keep.length > 1 && same(keep[keep.length - 1], keep[0])) keep.pop();
    const m = (l.mesh ??= new MeshBuilder());
    let added = 0;
    vid.length = 0;
    const v = (i: number) => (vid[i] ??= m.vertex(pc[3 * keep[i]], pc[3 * keep[i] + 1], pc[3 * keep[i] + 2]));
    for (let j = 1; j + 1 < keep.length; j++) {
      if (same(keep[0], keep[j]) || same(keep[0], keep[j + 1]) || same(keep[j], keep[j + 1])) continue;
      m.triangle(v(0), v(j), v(j + 1));
      added++;
    }
    if (!added && !l.degenerate++) l.degenerateAt = at;
  }
  /** Corners by index into a flat xyz list; false (and reported) when one is out of range. */
  function corners(l: Layer, src: number[], idx: number[], at: number, what: string): boolean {
    const nv = src.length / 3;
    for (const i of idx) if (i < 0 || i >= nv) {
      report('error', at, say('surfaces.dxf.indexRange', { what, index: what === 'MESH' ? i : i + 1, nv }), l.name);
      return false;
    }
    if (pc.length < 3 * idx.length) pc = new Float64Array(3 * idx.length);
    idx.forEach((i, j) => pc.set(src.slice(3 * i, 3 * i + 3), 3 * j));
    return true;
  }
  function line(l: Layer, pts: number[], closed: boolean, ext?: number[]) {
    if (ext && (ext[0] !== 0 || ext[1] !== 0 || ext[2] !== 1)) ocsToWorld(pts, ext);
    const n = pts.length;
    if (closed && n >= 6 && (pts[0] !== pts[n - 3] || pts[1] !== pts[n - 2] || pts[2] !== pts[n - 1])) pts.push(pts[0], pts[1], pts[2]);
    if (pts.length < 6) { l.short++; return; }
    l.lines.push(Float64Array.from(pts));
  }

  function face3d() {
    const l = layerOf();
    pc.fill(0, 0, 12);
    let has4 = false;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k], j = c >= 10 && c <= 13 ? 0 : c >= 20 && c <= 23 ? 1 : c >= 30 && c <= 33 ? 2 : -1;
      if (j < 0) continue;
      pc[3 * (c % 10) + j] = num(k);
      if (c % 10 === 3) has4 = true;
    }
    if (rejected('3DFACE', l)) return;
    if (!has4) pc.copyWithin(9, 6, 9);
    polygon(l, 4, recAt);
  }
  function lwpolyline() {
    const l = layerOf(), pts: number[] = [], ext = [0, 0, 1];
    let elevation = 0;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c === 10) pts.push(num(k), 0, 0);
      else if (c === 20 && pts.length) pts[pts.length - 2] = num(k);
      else if (c === 38) elevation = num(k);
      else if (c === 42 && num(k) !== 0 && !bulges++) bulgeAt = ats[k];
      else if (c >= 210 && c <= 230 && c % 10 === 0) ext[(c - 210) / 10] = num(k);
    }
    const flags = int(70, 0);
    if (rejected('LWPOLYLINE', l)) return;
    for (let i = 2; i < pts.length; i += 3) pts[i] = elevation;
    line(l, pts, (flags & 1) === 1, ext);
  }
  function lineEntity() {
    const l = layerOf(), p = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c >= 10 && c <= 31 && c % 10 <= 1) p[(c % 10) * 3 + Math.floor(c / 10) - 1] = num(k);
    }
    if (!rejected('LINE', l)) line(l, p, false);
  }
  function mesh() {
    const l = layerOf(), pts: number[] = [], list: number[] = [], listAt: number[] = [];
    let sub = false, nv = 0, left = 0;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c === 100) sub = vals[k].trim() === 'AcDbSubDMesh'; // a 92 before it is R2000 proxy-graphics size, not a count
      else if (!sub) continue;
      else if (c === 92) nv = Math.trunc(num(k));
      else if (c === 10 && pts.length < 3 * nv) pts.push(num(k), 0, 0);
      else if ((c === 20 || c === 30) && pts.length) pts[pts.length - (c === 20 ? 2 : 1)] = num(k);
      else if (c === 93) left = Math.trunc(num(k));
      else if (c === 90 && left > 0) { list.push(Math.trunc(num(k))); listAt.push(ats[k]); left--; } // 90s after the face list are edges and overrides
    }
    if (rejected('MESH', l)) return;
    for (let k = 0; k < list.length; k += Math.max(list[k], 0) + 1) {
      const idx = list.slice(k + 1, k + 1 + list[k]);
      if (idx.length === list[k] && corners(l, pts, idx, listAt[k], 'MESH')) polygon(l, idx.length, listAt[k]);
    }
  }
  function startPolyline() {
    const l = layerOf(), flags = int(70, 0), ext = [real(210, 0), real(220, 0), real(230, 1)];
    let type = flags & 64 ? 'polyface' : flags & 16 ? 'polygon mesh' : flags & 8 ? '3d' : '2d';
    const elevation = real(30, 0); // a 2D polyline's height: the z of its own (dummy) point
    if (type === 'polygon mesh') { ignore('POLYLINE (polygon mesh)'); l.tried--; }
    if (rejected('POLYLINE', l)) type = 'bad'; // its VERTEX records are still consumed
    poly = { type, layer: l, at: recAt, flags, elevation, ext, pts: [], faces: [], faceAt: [] };
  }
  function vertex(p: Poly) {
    const flags = int(70, 0), x = find(10), y = find(20), z = find(30);
    const xyz = [x < 0 ? 0 : num(x), y < 0 ? 0 : num(y), z < 0 ? 0 : num(z)];
    if (p.type === 'polyface' && flags & 128 && !(flags & 64)) { // a face record: 1-based indices, negative = invisible edge, 0 = no corner
      p.faces.push(int(71, 0), int(72, 0), int(73, 0), int(74, 0));
      p.faceAt.push(recAt);
    } else if (!(flags & 16)) { // 16: spline frame control point, not on the line
      if (p.type === '2d') xyz[2] = p.elevation;
      p.pts.push(...xyz);
      const b = find(42);
      if (p.type === '2d' && b >= 0 && num(b) !== 0 && !bulges++) bulgeAt = ats[b];
    }
    if (bad && p.type !== 'bad') { rejected('POLYLINE', p.layer); p.type = 'bad'; }
  }
  function endPolyline() {
    const p = poly!;
    poly = null;
    if (p.type === 'bad' || p.type === 'polygon mesh') return;
    if (p.type !== 'polyface') return line(p.layer, p.pts, (p.flags & 1) === 1, p.type === '2d' ? p.ext : undefined);
    if (!p.faces.length) report('warning', p.at, say('surfaces.dxf.polyfaceEmpty', { nv: p.pts.length / 3 }), p.layer.name);
    for (let f = 0; f < p.faces.length; f += 4) {
      const idx = p.faces.slice(f, f + 4).filter((i) => i !== 0).map((i) => Math.abs(i) - 1);
      if (corners(p.layer, p.pts, idx, p.faceAt[f / 4], 'polyface')) polygon(p.layer, idx.length, p.faceAt[f / 4]);
    }
  }
  function ignore(what: string) {
    const g = ignored.get(what);
    if (g) g.n++; else ignored.set(what, { n: 1, at: recAt });
  }

  function flush() {
    if (poly && type !== 'VERTEX' && type !== 'SEQEND') endPolyline(); // a POLYLINE without its SEQEND
    bad = null;
    if (type === 'SECTION') {
      const k = find(2);
      section = k < 0 ? '' : vals[k].trim();
      if (section === 'HEADER') for (let k = 0, name = ''; k < codes.length; k++) {
        if (codes[k] === 9) name = vals[k].trim();
        else if (name === '$ACADVER' && codes[k] === 1) version = vals[k].trim();
        else if (name === '$INSUNITS' && codes[k] === 70) unit = UNITS[Number(vals[k])] || undefined;
      }
    } else if (type === 'ENDSEC') section = '';
    else if (section === 'TABLES' && type === 'LAYER') {
      const n = find(2), t = find(420), a = find(62);
      const c = t >= 0 ? rgbHex(Number(vals[t])) : a >= 0 ? aciHex(Number(vals[a])) : undefined; // 62 < 0: layer off, same colour
      if (n >= 0 && c) layerColors.set(text(vals[n]), c);
    } else if (section === 'ENTITIES') {
      if (type === 'VERTEX' && poly) vertex(poly);
      else if (type === 'SEQEND') { if (poly) endPolyline(); }
      else if (type === '3DFACE') face3d();
      else if (type === 'POLYLINE') startPolyline();
      else if (type === 'LWPOLYLINE') lwpolyline();
      else if (type === 'LINE') lineEntity();
      else if (type === 'MESH') mesh();
      else ignore(type);
    }
    codes.length = vals.length = ats.length = 0;
  }

  const progress = options?.onProgress;
  let last = performance.now(), count = 0, status: number;
  while ((status = tags.next()) === OK) {
    if (tags.code === 999) continue; // comment
    if (tags.code !== 0) {
      if (!started) return fail(binary ? 'groupAtByte' : 'groupAtLine', { at: tags.at, code: tags.code });
      codes.push(tags.code); vals.push(tags.value); ats.push(tags.at);
      continue;
    }
    if (started) flush();
    else if (tags.value.trim() !== 'SECTION') { // entities without any section: read them, if they are entities
      if (!READ.has(tags.value.trim())) return fail(binary ? 'entityAtByte' : 'entityAtLine', { at: tags.at, value: tags.value.trim() });
      section = 'ENTITIES';
      report('warning', tags.at, say('surfaces.dxf.noSection'));
    }
    started = true;
    type = tags.value.trim(); recAt = tags.at;
    if (type === 'EOF') { eof = true; break; } // anything after it is not read
    if (progress && (++count & 4095) === 0 && performance.now() - last >= 50) { last = performance.now(); progress(tags.fraction()); }
  }
  if (status === BAD_CODE && !started) return fail('groupCode', { at: tags.at, value: tags.value.slice(0, 40) });
  if (status === END && !started) return fail('empty');
  if (!eof) {
    const complete = status === END && (type === 'ENDSEC' || type === 'SEQEND' || (section !== 'ENTITIES' && !poly));
    if (complete) flush(); // only the EOF marker is missing
    else if (poly && type !== 'VERTEX' && type !== 'SEQEND') endPolyline(); // complete, though its SEQEND is missing
    const inside = poly ? 'POLYLINE' : section === 'ENTITIES' && type !== 'ENDSEC' ? type : '';
    const endAt = status === NO_VALUE ? tags.at : tags.done(); // the last line, or the binary tag cut short
    const end: MessageParams = binary ? { byte: bytes.length } : { line: endAt };
    const endKey = binary ? 'Byte' : 'Line';
    if (status === BAD_CODE) report('error', tags.at, say(inside ? 'surfaces.dxf.badCodeInside' : 'surfaces.dxf.badCode', { value: tags.value.slice(0, 40), inside }));
    else if (inside && !complete) report('error', endAt, say(`surfaces.dxf.endsInside${endKey}`, { ...end, inside }));
    else report('warning', null, say(`surfaces.dxf.noEof${endKey}`, end));
  } else if (poly) endPolyline();

  const objects: ImportedObject[] = [];
  for (const l of layers.values()) {
    const color = layerColors.get(l.name) ?? l.color ?? undefined;
    const c = color ? { color } : {};
    const m = l.mesh && l.mesh.nt > 0 ? l.mesh : null;
    if (m) objects.push({ type: 'mesh', name: l.name, vertices: m.xyz.slice(0, 3 * m.n), triangles: m.tri.slice(0, m.nt), ...c });
    if (l.lines.length) objects.push({ type: 'lines', name: m ? `${l.name} (lines)` : l.name, lines: l.lines, ...c });
    if (l.degenerate) report('warning', l.degenerateAt, say('surfaces.dxf.degenerate', { count: l.degenerate, layer: l.name }), l.name);
    if (l.short) report('warning', null, say('surfaces.dxf.shortLines', { count: l.short, layer: l.name }), l.name);
    if (!m && !l.lines.length && l.tried) report('error', null, say(l.tried > 1 ? 'surfaces.dxf.layerUnread' : 'surfaces.dxf.layerOnlyUnread', { layer: l.name, n: l.tried }), l.name);
  }
  for (const [what, g] of ignored) {
    report('warning', g.at, say(what === 'INSERT' ? 'surfaces.dxf.ignoredInsert' : 'surfaces.dxf.ignored', { count: g.n, what }));
  }
  if (bulges) report('warning', bulgeAt, say('surfaces.dxf.bulges', { count: bulges }));
  return { objects, issues, meta: { format: version ? `DXF ${version}${binary ? ' (binary)' : ''}` : binary ? 'DXF (binary)' : 'DXF', ...(unit ? { declaredUnit: unit } : {}) } };
};

/**
 * 2D entities (LWPOLYLINE, 2D POLYLINE) are stored in their object coordinate system; with an
 * extrusion direction other than +Z, AutoCAD's arbitrary axis algorithm gives the world axes.
 */
function ocsToWorld(pts: number[], n: number[]) {
  const len = Math.hypot(n[0], n[1], n[2]);
  if (!len) return;
  const az = n.map((v) => v / len);
  // Ax = (|Nx| < 1/64 and |Ny| < 1/64 ? world Y : world Z) × Az
  const ax = Math.abs(az[0]) < 1 / 64 && Math.abs(az[1]) < 1 / 64 ? [az[2], 0, -az[0]] : [-az[1], az[0], 0];
  const la = Math.hypot(ax[0], ax[1], ax[2]);
  for (let i = 0; i < 3; i++) ax[i] /= la;
  const ay = [az[1] * ax[2] - az[2] * ax[1], az[2] * ax[0] - az[0] * ax[2], az[0] * ax[1] - az[1] * ax[0]];
  for (let i = 0; i < pts.length; i += 3) {
    const [x, y, z] = [pts[i], pts[i + 1], pts[i + 2]];
    for (let j = 0; j < 3; j++) pts[i + j] = x * ax[j] + y * ay[j] + z * az[j];
  }
}
