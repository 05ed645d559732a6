/**
 * GOCAD ASCII objects: TSurf (`.ts`), PLine (`.pl`) and the TSurf objects inside a Model3d (`.ml`).
 *
 * A file holds several objects, each `GOCAD <Type> <version>` ... `END`. Coordinates are kept as
 * stored (metres or whatever AXIS_UNIT says); `ZPOSITIVE Depth` is reported in meta, never applied.
 * Vertex ids are arbitrary integers (0- or 1-based, restarting per object), so they go through a
 * Map id -> vertex index; ATOM/PATOM ids alias an existing vertex instead of duplicating it.
 *
 * Linear time on 100 MB files: the text is walked with indexOf('\n') and each line is tokenised
 * in place by character codes (no split of the whole file, no regex per line).
 */
import { say, type Said } from '../../domain/message';
import type {
  ImportedAttribute, ImportedMeta, ImportedObject, ImportIssue, ImportOptions, ImportResult, Importer,
} from './types';

/** What the importer knows per object beyond the shared result types (for tests and diagnostics). */
export interface GocadObjectInfo {
  name: string;
  /** 'TSurf', 'PLine', 'Model3d', ... */
  type: string;
  /** 1-based line of the `GOCAD` record */
  line: number;
  /** TFACE (TSurf) or ILINE (PLine) records: parts merged into the one object */
  parts: number;
  /** ATOM + PATOM records (aliases of existing vertices) */
  atoms: number;
  /** GEOLOGICAL_TYPE as written (e.g. 'fault'), when given */
  geologicalType?: string;
}

/** Growable typed array: doubles its capacity, so pushes stay amortised O(1). */
class Grow<T extends Float64Array | Uint32Array> {
  n = 0;
  constructor(public a: T, private readonly make: (size: number) => T) {}
  push(v: number): void {
    if (this.n === this.a.length) { const b = this.make(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
  done(): T { return this.a.slice(0, this.n) as T; }
}
const f64 = (cap = 1024) => new Grow(new Float64Array(cap), (s) => new Float64Array(s));
const u32 = (cap = 1024) => new Grow(new Uint32Array(cap), (s) => new Uint32Array(s));

/** Splits text[s, e) on blanks and tabs into `out`; with `quotes`, "a b" is one token, kept verbatim. */
function tokenize(text: string, s: number, e: number, out: string[], quotes = false): number {
  let n = 0;
  let i = s;
  while (i < e) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9) { i++; continue; }
    if (quotes && c === 34) {
      const q = text.indexOf('"', i + 1);
      const stop = q < 0 || q > e ? e : q;
      out[n++] = text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    const t = i;
    while (i < e && (c = text.charCodeAt(i)) !== 32 && c !== 9) i++;
    out[n++] = text.slice(t, i);
  }
  return n;
}

const NAMED: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#00ff00', blue: '#0000ff', yellow: '#ffff00',
  cyan: '#00ffff', magenta: '#ff00ff', grey: '#bebebe', gray: '#bebebe', orange: '#ffa500', brown: '#a52a2a',
};

/** `r g b [a]` as floats 0..1 (or 0..255 when any exceeds 1), `#rrggbb`, or an X11 name. */
export function gocadColor(value: string): string | undefined {
  const v = value.trim();
  if (/^#[0-9a-f]{6}/i.test(v)) return v.slice(0, 7).toLowerCase();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  const p = v.split(/\s+/).slice(0, 3).map(Number);
  if (p.length < 3 || p.some((x) => !Number.isFinite(x) || x < 0)) return undefined;
  const scale = p.some((x) => x > 1) ? 1 : 255;
  return '#' + p.map((x) => Math.min(255, Math.round(x * scale)).toString(16).padStart(2, '0')).join('');
}

interface Obj {
  info: GocadObjectInfo;
  color?: string;
  verts: Grow<Float64Array>;
  nv: number;
  ids: Map<number, number>;
  propNames: string[];
  noData: number[];
  props: Grow<Float64Array>[];
  missingValues: number;
  tris: Grow<Uint32Array>;
  /** PLine: vertex indices in record order, SEG pairs, and where each ILINE starts in both */
  order: number[];
  segs: number[];
  partStarts: [number, number][];
}

export function parseGocad(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult & { info: GocadObjectInfo[] } {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const len = text.length;
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '');
  const objects: ImportedObject[] = [];
  const issues: ImportIssue[] = [];
  const infos: GocadObjectInfo[] = [];
  const meta: ImportedMeta = { format: 'GOCAD' };
  const formats: string[] = [];
  const perKind = new Map<string, number>();
  const LIMIT = 50; // issues of one kind listed; the rest are counted in one summary line
  const report = (severity: 'error' | 'warning', line: number, kind: string, said: Said, id?: string) => {
    const k = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, k);
    if (k <= LIMIT) issues.push({ path: line > 0 ? `${fileName}:${line}` : fileName, ...said, severity, ...(id ? { id } : {}) });
  };
  const names = new Map<string, number>();
  const tok: string[] = [];
  let obj: Obj | null = null;
  const current = (): Obj | null => obj; // read through a call: `obj` is also set inside begin()
  let block: 'none' | 'header' | 'brace' | 'crs' = 'none';
  let lineNo = 0;
  let pos = 0;
  let lastTick = Date.now();
  let zConflict = false;

  const begin = (type: string, version: string) => {
    infos.push({ name: `${base} ${infos.length + 1}`, type, line: lineNo, parts: 0, atoms: 0 });
    const label = `GOCAD ${type}${version ? ' ' + version : ''}`;
    if (!formats.includes(label)) formats.push(label);
    if (type !== 'TSurf' && type !== 'PLine' && type !== 'Model3d') {
      report('warning', lineNo, 'type', say('surfaces.gocad.type', { type }));
    }
    obj = {
      info: infos[infos.length - 1], verts: f64(), nv: 0, ids: new Map(), propNames: [], noData: [],
      props: [], missingValues: 0, tris: u32(), order: [], segs: [], partStarts: [],
    };
    block = 'none';
  };

  const finish = (o: Obj) => {
    const info = o.info;
    if (info.type !== 'TSurf' && info.type !== 'PLine') return;
    const seen = names.get(info.name) ?? 0;
    names.set(info.name, seen + 1);
    let name = info.name;
    if (seen > 0) {
      name = `${info.name} (${seen + 1})`;
      report('warning', info.line, 'dupname', say(seen === 1 ? 'surfaces.gocad.dupNameTwo' : 'surfaces.gocad.dupName', { n: seen + 1, original: info.name, name }), name);
    }
    if (o.missingValues > 0) {
      report('warning', info.line, 'values', say('surfaces.gocad.values', { n: o.missingValues }), name);
    }
    const v = o.verts.done();
    const cols = o.props.map((p) => p.done());
    if (info.type === 'TSurf') {
      if (o.tris.n === 0) { report('warning', info.line, 'empty', say('surfaces.gocad.tsurfEmpty', { name }), name); return; }
      const attributes: ImportedAttribute[] = o.propNames.map((pn, k) => ({ name: pn, values: cols[k] }));
      objects.push({
        type: 'mesh', name, vertices: v, triangles: o.tris.done(),
        ...(o.color ? { color: o.color } : {}), ...(attributes.length ? { attributes } : {}),
      });
      return;
    }
    const { lines, pointOrder } = buildPolylines(o, (line, said) => report('warning', line, 'line', said, name));
    if (lines.length === 0) { report('warning', info.line, 'empty', say('surfaces.gocad.plineEmpty', { name }), name); return; }
    const out: Float64Array[] = lines.map((idx) => {
      const a = new Float64Array(idx.length * 3);
      idx.forEach((vi, j) => { a[j * 3] = v[vi * 3]; a[j * 3 + 1] = v[vi * 3 + 1]; a[j * 3 + 2] = v[vi * 3 + 2]; });
      return a;
    });
    // line attributes: one value per point of the polylines concatenated in order (closing repeats included)
    const attributes: ImportedAttribute[] = o.propNames.map((pn, k) => ({ name: pn, values: Float64Array.from(pointOrder, (vi) => cols[k][vi]) }));
    objects.push({
      type: 'lines', name, lines: out, ...(o.color ? { color: o.color } : {}), ...(attributes.length ? { attributes } : {}),
    });
  };

  const vertexIndex = (o: Obj, t: string): number | undefined => o.ids.get(Number(t));

  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    const complete = nl >= 0;
    if (!complete) nl = len;
    let e = nl;
    if (e > pos && text.charCodeAt(e - 1) === 13) e--;
    const s = pos;
    pos = nl + 1;
    lineNo++;
    if ((lineNo & 8191) === 0 && options.onProgress) {
      const now = Date.now();
      if (now - lastTick >= 50) { lastTick = now; options.onProgress(s / len); }
    }
    const o = current();
    if (o && !complete && text.slice(s, e).trim() !== 'END') {
      // a last line with no newline inside an object may be cut short: do not trust its numbers
      report('warning', lineNo, 'truncated', say('surfaces.gocad.truncatedLine', { line: lineNo, name: o.info.name }), o.info.name);
      finish(o);
      obj = null;
      break;
    }
    const n = tokenize(text, s, e, tok);
    if (n === 0) continue;
    const kw = tok[0];
    if (!o) {
      if (kw === 'GOCAD' && n >= 2) { begin(tok[1], n >= 3 ? tok[2] : ''); continue; }
      if (kw.charCodeAt(0) === 35) continue; // '#' comment
      if (infos.length === 0) {
        return { objects: [], issues: [{ path: fileName, ...say('surfaces.gocad.notGocad'), severity: 'error' }], meta, info: infos };
      }
      report('warning', lineNo, 'stray', say('surfaces.gocad.stray'));
      continue;
    }
    if (block === 'header' || block === 'brace') {
      const close = find(text, 125, s, e); // '}'
      if (block === 'header') readHeaderText(o, text.slice(s, close < 0 ? e : close), false);
      if (close >= 0) block = 'none';
      continue;
    }
    if (block === 'crs') {
      if (kw === 'END_ORIGINAL_COORDINATE_SYSTEM') block = 'none';
      else readCrsLine(o, kw, text, s, e);
      continue;
    }
    const type = o.info.type;
    switch (kw) {
      case 'VRTX': case 'PVRTX': {
        if (type !== 'TSurf' && type !== 'PLine') break;
        const id = Number(tok[1]);
        const x = Number(tok[2]), y = Number(tok[3]), z = Number(tok[4]);
        if (n < 5 || !Number.isInteger(id) || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
          report('error', lineNo, 'vrtx', say('surfaces.gocad.vrtx', { kw, id: tok[1] ?? '' }), o.info.name);
          break;
        }
        if (o.ids.has(id)) { report('error', lineNo, 'dupid', say('surfaces.gocad.dupId', { kw, id }), o.info.name); break; }
        o.ids.set(id, o.nv);
        o.order.push(o.nv);
        o.nv++;
        o.verts.push(x); o.verts.push(y); o.verts.push(z);
        if (kw === 'PVRTX' && n - 5 < o.props.length) o.missingValues++;
        for (let k = 0; k < o.props.length; k++) {
          const raw = kw === 'PVRTX' && 5 + k < n ? Number(tok[5 + k]) : NaN;
          o.props[k].push(Number.isNaN(raw) || raw === o.noData[k] ? NaN : raw);
        }
        break;
      }
      case 'ATOM': case 'PATOM': {
        if (type !== 'TSurf' && type !== 'PLine') break;
        // a new id sharing vertex `ref`'s position: alias it (PATOM property values stay those of `ref`)
        const id = Number(tok[1]);
        const vi = vertexIndex(o, tok[2]);
        if (n < 3 || !Number.isInteger(id) || vi === undefined) {
          report('error', lineNo, 'atom', say(tok[2] === undefined ? 'surfaces.gocad.atomNone' : 'surfaces.gocad.atom', { kw, id: tok[1] ?? '', ref: tok[2] ?? '' }), o.info.name);
          break;
        }
        o.ids.set(id, vi);
        o.order.push(vi);
        o.info.atoms++;
        break;
      }
      case 'TRGL': {
        if (type !== 'TSurf') break;
        const a = vertexIndex(o, tok[1]), b = vertexIndex(o, tok[2]), c = vertexIndex(o, tok[3]);
        if (n < 4 || a === undefined || b === undefined || c === undefined) {
          const bad = [tok[1], tok[2], tok[3]].filter((t) => t === undefined || vertexIndex(o, t) === undefined);
          report('error', lineNo, 'trgl', say(bad.some((t) => t === undefined) ? 'surfaces.gocad.trglShort' : 'surfaces.gocad.trgl', { ids: bad.map((t) => t ?? '(missing)').join(', ') }), o.info.name);
          break;
        }
        o.tris.push(a); o.tris.push(b); o.tris.push(c);
        break;
      }
      case 'SEG': {
        if (type !== 'PLine') break;
        const a = vertexIndex(o, tok[1]), b = vertexIndex(o, tok[2]);
        if (n < 3 || a === undefined || b === undefined) {
          report('error', lineNo, 'seg', say('surfaces.gocad.seg'), o.info.name);
          break;
        }
        o.segs.push(a, b);
        break;
      }
      case 'TFACE': if (type === 'TSurf') o.info.parts++; break;
      case 'ILINE':
        if (type === 'PLine') { o.info.parts++; o.partStarts.push([o.order.length, o.segs.length]); }
        break;
      case 'HEADER': {
        const open = find(text, 123, s, e); // '{'
        if (open < 0) break;
        const close = find(text, 125, open, e);
        readHeaderText(o, text.slice(open + 1, close < 0 ? e : close), true);
        if (close < 0) block = 'header';
        break;
      }
      case 'GOCAD_ORIGINAL_COORDINATE_SYSTEM': block = 'crs'; break;
      case 'ZPOSITIVE': case 'AXIS_UNIT': case 'AXIS_NAME': readCrsLine(o, kw, text, s, e); break;
      case 'GEOLOGICAL_TYPE': if (n > 1) o.info.geologicalType = tok[1]; break;
      case 'PROPERTIES': {
        if (type === 'Model3d') break;
        const m = tokenize(text, s, e, tok, true);
        const fresh = tok.slice(1, m);
        o.propNames = fresh;
        o.noData = fresh.map(() => NaN);
        o.props = fresh.map(() => { const g = f64(Math.max(16, o.nv)); for (let i = 0; i < o.nv; i++) g.push(NaN); return g; });
        break;
      }
      case 'NO_DATA_VALUES':
        for (let k = 0; k + 1 < n && k < o.noData.length; k++) o.noData[k] = Number(tok[k + 1]);
        break;
      case 'ESIZES':
        for (let k = 1; k < n; k++) {
          if (tok[k] !== '1') { report('warning', lineNo, 'esize', say('surfaces.gocad.esize'), o.info.name); break; }
        }
        break;
      case 'END': finish(o); obj = null; break;
      case 'GOCAD':
        report('warning', lineNo, 'noend', say('surfaces.gocad.noEnd', { name: o.info.name }), o.info.name);
        finish(o);
        begin(tok[1] ?? '', tok[2] ?? '');
        break;
      default:
        // PROPERTY_CLASS_HEADER X {, and any other `... {` record: skip its body up to `}`
        if (tok[n - 1].charCodeAt(tok[n - 1].length - 1) === 123) block = 'brace';
    }
  }
  const open = current();
  if (open) {
    report('warning', lineNo, 'truncated', say('surfaces.gocad.truncated', { line: lineNo, name: open.info.name }), open.info.name);
    finish(open);
  }
  for (const [kind, count] of perKind) {
    if (count > LIMIT) issues.push({ path: fileName, ...say('surfaces.gocad.more', { more: count - LIMIT, kind }), severity: 'warning' });
  }
  if (zConflict) issues.push({ path: fileName, ...say('surfaces.gocad.zConflict'), severity: 'warning' });
  meta.format = formats.join(' + ') || 'GOCAD';
  options.onProgress?.(1);
  return { objects, issues, meta, info: infos };

  function readHeaderText(o: Obj, body: string, inline: boolean) {
    // one `key: value` per line; an inline header (`HEADER {name:a *solid*color:1 0 0}`) has several
    for (const part of inline ? splitInlineHeader(body) : [body]) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      const key = part.slice(0, colon).trim();
      const value = part.slice(colon + 1).trim();
      if (key === 'name' && value) o.info.name = value;
      else if (key === '*solid*color' && o.info.type !== 'PLine') o.color = gocadColor(value) ?? o.color;
      else if (key === '*line*color' && o.info.type === 'PLine') o.color = gocadColor(value) ?? o.color;
    }
  }

  function readCrsLine(o: Obj, kw: string, t: string, s: number, e: number) {
    const q: string[] = [];
    const m = tokenize(t, s, e, q, true);
    if (kw === 'NAME' && m > 1 && meta.crs === undefined) meta.crs = q.slice(1, m).join(' ').trim();
    else if (kw === 'AXIS_UNIT' && m > 1 && meta.declaredUnit === undefined) meta.declaredUnit = q[1].trim();
    else if (kw === 'AXIS_NAME' && m > 3 && q[3].trim().toUpperCase() !== 'Z') {
      report('warning', lineNo, 'axis', say('surfaces.gocad.axis', { axes: q.slice(1, m).join(' '), third: q[3] }), o.info.name);
    } else if (kw === 'ZPOSITIVE' && m > 1) {
      const z = q[1].toLowerCase() === 'depth' ? 'down' : 'up';
      if (meta.zPositive === undefined) meta.zPositive = z;
      else if (meta.zPositive !== z) zConflict = true;
    }
  }
}

/** First index of char code `c` in text[s, e), or -1 (bounded: indexOf could scan the rest of a 100 MB file). */
function find(text: string, c: number, s: number, e: number): number {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

function splitInlineHeader(body: string): string[] {
  // a token containing ':' starts a new key; the tokens after it until the next key are its value
  const out: string[] = [];
  for (const t of body.trim().split(/\s+/)) {
    if (t.includes(':') || out.length === 0) out.push(t);
    else out[out.length - 1] += ' ' + t;
  }
  return out;
}

/**
 * PLine parts to polylines (vertex indices). SEG records give connectivity: chains start at a vertex
 * with no incoming SEG; what is left are loops, which end by repeating their first vertex. A part
 * with no SEG record falls back to its vertex order.
 */
function buildPolylines(o: Obj, warn: (line: number, said: Said) => void): { lines: number[][]; pointOrder: number[] } {
  const lines: number[][] = [];
  const starts = o.partStarts.length ? o.partStarts : [[0, 0] as [number, number]];
  let short = 0;
  starts.forEach(([v0, s0], p) => {
    const [v1, s1] = p + 1 < starts.length ? starts[p + 1] : [o.order.length, o.segs.length];
    if (s1 === s0) {
      if (v1 - v0 >= 2) lines.push(o.order.slice(v0, v1)); else if (v1 > v0) short++;
      return;
    }
    const out = new Map<number, number[]>();
    const indeg = new Map<number, number>();
    for (let k = s0; k < s1; k += 2) {
      const a = o.segs[k], b = o.segs[k + 1];
      const list = out.get(a);
      if (list) list.push(k); else out.set(a, [k]);
      indeg.set(b, (indeg.get(b) ?? 0) + 1);
    }
    const used = new Set<number>();
    const walk = (start: number) => {
      const chain = [start];
      let v = start;
      for (;;) {
        const next = out.get(v)?.find((k) => !used.has(k));
        if (next === undefined) break;
        used.add(next);
        v = o.segs[next + 1];
        chain.push(v);
      }
      if (chain.length >= 2) lines.push(chain); else short++;
    };
    for (let k = s0; k < s1; k += 2) if (!used.has(k) && !indeg.has(o.segs[k])) walk(o.segs[k]);
    for (let k = s0; k < s1; k += 2) if (!used.has(k)) walk(o.segs[k]);
  });
  if (short > 0) warn(o.info.line, say('surfaces.gocad.shortParts', { n: short }));
  const pointOrder: number[] = [];
  for (const l of lines) for (const v of l) pointOrder.push(v);
  return { lines, pointOrder };
}

/** GOCAD ASCII TSurf / PLine / Model3d files to meshes and polylines. */
export const importGocad: Importer = (bytes, fileName, options) => {
  const { objects, issues, meta } = parseGocad(bytes, fileName, options);
  return { objects, issues, meta };
};
