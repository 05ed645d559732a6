/**
 * Wavefront OBJ surfaces (and `l` polylines), as mining software exports them: real project
 * coordinates (UTM-size metres, Z up; OBJ itself states no unit and no up axis).
 *
 * Why not three's OBJLoader: it stores positions in Float32Array, and a northing near 6.8 million m
 * loses about 0.5 m in float32. Every coordinate here is parsed straight to float64 (a fast
 * path for plain decimals with at most 15 digits, which is exact; Number() for the rest).
 *
 * Objects: `o name` and `g name` each start a separate surface. Inside an `o`, each `g` makes a
 * surface named `o/g`; faces before any `o`/`g` go to one named after the file. Returning to a
 * name already seen appends to that surface. Each surface keeps only the vertices its faces use,
 * re-indexed from 0. `l` records of a group make one ImportedLines of the same name.
 *
 * Faces: `v`, `v/vt`, `v//vn`, `v/vt/vn`, positive (1-based) or negative (relative) indices.
 * Triangles as they are; quads split on the diagonal that keeps both halves facing the face's
 * Newell normal (so concave quads are right); larger n-gons ear-clipped in the plane of their
 * Newell normal (fan above 256 vertices, reported). Free-form geometry (curv, surf) is ignored.
 *
 * Colour: `usemtl` + `mtllib`, MTL `Kd r g b` (0..1, read as sRGB as three's MTLLoader does) →
 * '#rrggbb'. A surface takes the material of its first face; other materials are reported.
 *
 * Linear in the file size: the text is walked line by line with indexOf('\n'), never split whole.
 */
import type { ImportIssue, ImportedObject, Importer } from './types';
import { say, type MessageParams, type Said } from '../../domain/message';

/** Growable typed array. */
class Grow<T extends Float64Array | Uint32Array | Int32Array> {
  n = 0;
  constructor(public a: T) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new (this.a.constructor as new (n: number) => T)(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

interface Part {
  id: number;
  name: string;
  line: number;
  /** named by `o`/`g` (the implicit first part is not) */
  explicit: boolean;
  /** global vertex indices, three per triangle */
  tri: Grow<Uint32Array>;
  lines: Uint32Array[];
  /** undefined before the first face/line; null = used without a material */
  material?: string | null;
  others?: Set<string>;
  lastMtl?: string | null;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal number in text[s, e): exact fast path for [-+]digits[.digits] with at most 15
 * significant digits (mantissa < 2^53 and 10^k exact, so one division rounds correctly); anything
 * else (more digits, exponents) through Number(). NaN when not a finite number.
 */
function parseNum(text: string, s: number, e: number): number {
  let i = s, neg = false, m = 0, digits = 0, frac = 0, dot = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) { neg = c === 45; i++; }
  for (; i < e; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 || c !== 48) digits++;
      m = m * 10 + (c - 48);
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (i === e && digits <= 15 && frac <= 15 && e - s > (neg || text.charCodeAt(s) === 43 ? 1 : 0) + (dot ? 1 : 0)) {
    const v = frac ? m / POW10[frac] : m;
    return neg ? -v : v;
  }
  const v = Number(text.slice(s, e));
  return Number.isFinite(v) ? v : NaN;
}

function hex(r: number, g: number, b: number): string {
  const c = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** MTL: material name → '#rrggbb' from `Kd r g b`. */
function parseMtl(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let cur: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('newmtl')) cur = line.slice(6).trim();
    else if (cur !== null && /^Kd\s/.test(line)) {
      const [r, g, b] = line.slice(2).trim().split(/\s+/).map(Number);
      if ([r, g, b].every(Number.isFinite)) out.set(cur, hex(r, g, b));
    }
  }
  return out;
}

const IGNORED = new Set(['vt', 'vn', 'vp', 's', 'mg', 'lod', 'bevel', 'c_interp', 'd_interp', 'shadow_obj', 'trace_obj', 'usemap', 'maplib']);
const MAX_NGON = 256;
const MESSAGES_PER_KIND = 20;

export const importObj: Importer = (bytes, fileName, options = {}) => {
  const issues: ImportIssue[] = [];
  const meta = { format: 'Wavefront OBJ' };
  const perKind = new Map<string, number>();
  const report = (kind: string, line: number, said: Said, severity: 'error' | 'warning' = 'error', id?: string) => {
    const k = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, k);
    if (k <= MESSAGES_PER_KIND) issues.push({ path: line ? `${fileName}:${line}` : fileName, ...said, severity, ...(id ? { id } : {}) });
  };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.obj.binary') }], meta };
  }
  const text = new TextDecoder().decode(bytes);
  const len = text.length;
  const baseName = fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '') || 'OBJ';

  const V = new Grow(new Float64Array(3 * 4096)); // x, y, z per vertex; NaN = unusable
  const owner = new Grow(new Int32Array(4096)); // part current when each vertex was declared
  const parts: Part[] = [];
  const byName = new Map<string, Part>();
  const partNamed = (name: string, line: number, explicit: boolean): Part => {
    let p = byName.get(name);
    if (!p) {
      p = { id: parts.length, name, line, explicit, tri: new Grow(new Uint32Array(1024)), lines: [] };
      parts.push(p);
      byName.set(name, p);
    }
    return p;
  };
  let cur = partNamed(baseName, 0, false);
  let oName: string | null = null;
  let mtl: string | null = null;
  const colors = new Map<string, string>();
  const libs = new Set<string>();
  let libsMissing = false;
  const unknownMtl = new Set<string>();
  const unknownKw = new Set<string>();
  let faces = 0, lineRecords = 0;
  let badVertexFaces = 0, badVertexFirst = 0;

  // token bounds of the current line, and the face's resolved vertex indices (reused)
  let ts = new Int32Array(64), te = new Int32Array(64), fv = new Int32Array(64);
  const tokenize = (s: number, e: number): number => {
    let n = 0;
    for (let i = s; i < e; ) {
      let c = text.charCodeAt(i);
      while (i < e && (c === 32 || c === 9 || c === 13)) c = text.charCodeAt(++i);
      if (i >= e || c === 35) break; // '#' starts a comment
      if (n === ts.length) {
        const a = new Int32Array(n * 2), b = new Int32Array(n * 2);
        a.set(ts); b.set(te); ts = a; te = b;
        fv = new Int32Array(n * 2);
      }
      ts[n] = i;
      while (i < e && c !== 32 && c !== 9 && c !== 13) c = text.charCodeAt(++i);
      te[n++] = i;
    }
    return n;
  };
  const rest = (n: number): string => (n > 1 ? text.slice(ts[1], te[n - 1]) : '');

  /** Token k as a vertex index (the part before any '/'), 0-based, or why not (a key of surfaces.obj.index and its values). */
  const vertexIndex = (k: number): number | [string, MessageParams] => {
    let i = ts[k], neg = false, v = 0, d = 0;
    const e = te[k];
    if (text.charCodeAt(i) === 45) { neg = true; i++; }
    for (; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 47) break;
      if (c < 48 || c > 57) return ['notIndex', { text: text.slice(ts[k], e) }];
      v = v * 10 + (c - 48);
      d++;
    }
    if (d === 0) return ['notIndex', { text: text.slice(ts[k], e) }];
    const nv = V.n / 3;
    if (v === 0) return ['zero', {}];
    const g = neg ? nv - v : v - 1;
    if (g < 0 || g >= nv) return ['range', { index: neg ? -v : v, nv }];
    return g;
  };

  /** Resolves tokens 1..n-1 into fv; false (reported) when one is bad or unusable. */
  const resolve = (n: number, lineNo: number, what: 'face' | 'line'): boolean => {
    let bad = false;
    for (let k = 1; k < n; k++) {
      const g = vertexIndex(k);
      if (typeof g !== 'number') {
        report('index', lineNo, say(`surfaces.obj.${what}Skipped`, { ...g[1], reasonKey: `surfaces.obj.index.${g[0]}` }));
        return false;
      }
      if (Number.isNaN(V.a[3 * g])) bad = true;
      fv[k - 1] = g;
    }
    if (bad) {
      if (badVertexFaces++ === 0) badVertexFirst = lineNo;
      return false;
    }
    return true;
  };

  const noteMaterial = (p: Part) => {
    if (p.lastMtl === mtl && p.material !== undefined) return;
    p.lastMtl = mtl;
    if (p.material === undefined) p.material = mtl;
    else if (mtl !== p.material) (p.others ??= new Set()).add(mtl ?? '(none)');
  };

  const onProgress = options.onProgress;
  let lastTick = performance.now();
  let pos = 0, lineNo = 0;
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = len;
    const s = pos;
    pos = end + 1;
    lineNo++;
    if (onProgress && (lineNo & 8191) === 0) {
      const now = performance.now();
      if (now - lastTick >= 50) { lastTick = now; onProgress(s / len); }
    }
    const n = tokenize(s, end);
    if (n === 0) continue;
    const k0 = ts[0], kl = te[0] - k0, c0 = text.charCodeAt(k0);
    if (kl === 1 && c0 === 118) { // v x y z [w] [r g b]
      let x = NaN, y = NaN, z = NaN;
      if (n < 4) report('vertex', lineNo, say('surfaces.obj.vertexShort'));
      else {
        x = parseNum(text, ts[1], te[1]); y = parseNum(text, ts[2], te[2]); z = parseNum(text, ts[3], te[3]);
        if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(z)) {
          report('vertex', lineNo, say('surfaces.obj.vertexNonNumeric', { text: text.slice(ts[1], te[Math.min(n, 4) - 1]), vertex: V.n / 3 + 1 }));
          x = y = z = NaN;
        }
      }
      V.push(x); V.push(y); V.push(z);
      owner.push(cur.id);
    } else if (kl === 1 && c0 === 102) { // f
      faces++;
      if (n < 4) { report('short', lineNo, say('surfaces.obj.faceShort', { k: n - 1 })); continue; }
      if (!resolve(n, lineNo, 'face')) continue;
      noteMaterial(cur);
      triangulate(fv, n - 1, V.a, cur.tri, () => report('ngon', lineNo, say('surfaces.obj.ngon', { k: n - 1, max: MAX_NGON }), 'warning'));
    } else if (kl === 1 && c0 === 108) { // l v1 v2 ...
      lineRecords++;
      if (n < 3) { report('short', lineNo, say('surfaces.obj.lineShort')); continue; }
      if (!resolve(n, lineNo, 'line')) continue;
      noteMaterial(cur);
      cur.lines.push(Uint32Array.from(fv.subarray(0, n - 1)));
    } else {
      const kw = text.slice(k0, te[0]);
      if (kw === 'o') {
        oName = rest(n) || `object ${parts.length}`;
        cur = partNamed(oName, lineNo, true);
      } else if (kw === 'g') {
        const g = rest(n) || 'default';
        cur = partNamed(oName !== null ? `${oName}/${g}` : g, lineNo, true);
      } else if (kw === 'usemtl') {
        mtl = rest(n) || null;
        if (mtl !== null && !colors.has(mtl) && !unknownMtl.has(mtl) && !libsMissing) {
          unknownMtl.add(mtl);
          report('usemtl', lineNo, say(libs.size ? 'surfaces.obj.noMaterial' : 'surfaces.obj.noMaterialNoLib', { material: mtl }), 'warning');
        }
      } else if (kw === 'mtllib') {
        for (let k = 1; k < n; k++) {
          const lib = text.slice(ts[k], te[k]);
          const key = lib.split(/[\\/]/).pop()!.toLowerCase();
          if (libs.has(key)) continue;
          libs.add(key);
          const b = options.companions?.get(key);
          if (!b) {
            libsMissing = true;
            report('mtllib', lineNo, say('surfaces.obj.noLibrary', { library: lib }), 'warning');
          } else for (const [name, c] of parseMtl(new TextDecoder().decode(b))) colors.set(name, c);
        }
      } else if (!IGNORED.has(kw)) unknownKw.add(kw.length > 20 ? kw.slice(0, 20) + '...' : kw);
    }
  }

  const nv = V.n / 3;
  if (nv === 0 && faces === 0 && lineRecords === 0) {
    return { objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.obj.noRecords') }], meta };
  }
  if (faces === 0 && lineRecords === 0) report('empty', 0, say('surfaces.obj.verticesOnly', { nv }));
  if (unknownKw.size) report('kw', 0, say('surfaces.obj.recordsIgnored', { records: [...unknownKw].slice(0, 10).join(', ') }), 'warning');
  if (badVertexFaces) report('badv', badVertexFirst, say('surfaces.obj.badVertexFaces', { n: badVertexFaces }));

  // One object per part: only the vertices its faces use, re-indexed in order of first use.
  const objects: ImportedObject[] = [];
  const stamp = new Int32Array(nv).fill(-1);
  const local = new Uint32Array(nv);
  const used = new Uint8Array(nv);
  const Va = V.a;
  for (const p of parts) {
    const color = p.material ? colors.get(p.material) : undefined;
    const col = color ? { color } : {};
    if (p.others) report('mtl', p.line, say(p.material ? 'surfaces.obj.materials' : 'surfaces.obj.materialsNone', { name: p.name, n: p.others.size + 1, material: p.material ?? '' }), 'warning', p.name);
    const t = p.tri.a, tn = p.tri.n;
    if (tn > 0) {
      let count = 0;
      const triangles = new Uint32Array(tn);
      for (let i = 0; i < tn; i++) {
        const g = t[i];
        if (stamp[g] !== p.id) { stamp[g] = p.id; local[g] = count++; used[g] = 1; }
        triangles[i] = local[g];
      }
      const vertices = new Float64Array(count * 3);
      for (let i = 0; i < tn; i++) {
        const g = t[i], l = local[g] * 3;
        vertices[l] = Va[3 * g]; vertices[l + 1] = Va[3 * g + 1]; vertices[l + 2] = Va[3 * g + 2];
      }
      objects.push({ type: 'mesh', name: p.name, vertices, triangles, ...col });
    }
    if (p.lines.length) {
      const lines = p.lines.map((l) => {
        const out = new Float64Array(l.length * 3);
        l.forEach((g, i) => { used[g] = 1; out.set(Va.subarray(3 * g, 3 * g + 3), 3 * i); });
        return out;
      });
      objects.push({ type: 'lines', name: p.name, lines, ...col });
    }
  }
  // A named group with vertices but no faces: warn when no other group's faces use them either
  // (a Maya-style file lists all vertices under one group and the faces under others).
  const idle = new Int32Array(parts.length);
  for (let i = 0; i < nv; i++) if (!used[i]) idle[owner.a[i]]++;
  for (const p of parts) {
    if (p.explicit && p.tri.n === 0 && p.lines.length === 0 && idle[p.id] > 0) {
      report('nofaces', p.line, say('surfaces.obj.groupNoFaces', { name: p.name, count: idle[p.id] }), 'warning', p.name);
    }
  }
  for (const [kind, k] of perKind) {
    if (k > MESSAGES_PER_KIND) issues.push({ path: fileName, severity: kind === 'ngon' || kind === 'nofaces' ? 'warning' : 'error', ...say('surfaces.obj.more', { more: k - MESSAGES_PER_KIND, all: k }) });
  }
  onProgress?.(1);
  return { objects, issues, meta };
};

/**
 * Triangles of one face (global indices f[0..n-1]) appended to `out`, winding kept.
 * `fanned` is called when a face is too large to ear-clip.
 */
function triangulate(f: Int32Array, n: number, V: Float64Array, out: Grow<Uint32Array>, fanned: () => void): void {
  if (n === 3) { out.push(f[0]); out.push(f[1]); out.push(f[2]); return; }
  // Newell normal, coordinates relative to the first vertex (UTM magnitudes cancel otherwise)
  const ox = V[3 * f[0]], oy = V[3 * f[0] + 1], oz = V[3 * f[0] + 2];
  let nx = 0, ny = 0, nz = 0;
  for (let i = 0; i < n; i++) {
    const a = 3 * f[i], b = 3 * f[(i + 1) % n];
    const ay = V[a + 1] - oy, az = V[a + 2] - oz, ax = V[a] - ox;
    const by = V[b + 1] - oy, bz = V[b + 2] - oz, bx = V[b] - ox;
    nx += (ay - by) * (az + bz); ny += (az - bz) * (ax + bx); nz += (ax - bx) * (ay + by);
  }
  const tri = (a: number, b: number, c: number) => { out.push(f[a]); out.push(f[b]); out.push(f[c]); };
  const fan = (from: number[]) => { for (let i = 1; i + 1 < from.length; i++) tri(from[0], from[i], from[i + 1]); };
  const all = Array.from({ length: n }, (_, i) => i);
  if (nx === 0 && ny === 0 && nz === 0) return fan(all); // degenerate: no plane to work in
  // the face projected on the coordinate plane most nearly its own (2-D orientation = sign of the dropped axis)
  const ax = Math.abs(nx), ay = Math.abs(ny), az = Math.abs(nz);
  const drop = ax >= ay && ax >= az ? 0 : ay >= az ? 1 : 2;
  const sign = (drop === 0 ? nx : drop === 1 ? ny : nz) > 0 ? 1 : -1;
  const ui = (drop + 1) % 3, vi = (drop + 2) % 3, o = [ox, oy, oz];
  const u = new Float64Array(n), v = new Float64Array(n);
  for (let i = 0; i < n; i++) { u[i] = V[3 * f[i] + ui] - o[ui]; v[i] = V[3 * f[i] + vi] - o[vi]; }
  const cross = (a: number, b: number, c: number) => ((u[b] - u[a]) * (v[c] - v[b]) - (v[b] - v[a]) * (u[c] - u[b])) * sign;
  if (n === 4) {
    // the diagonal 0-2 when both halves turn the face's way, else 1-3 (the quad is concave at 1 or 3)
    if (cross(0, 1, 2) > 0 && cross(0, 2, 3) > 0) { tri(0, 1, 2); tri(0, 2, 3); } else { tri(1, 2, 3); tri(1, 3, 0); }
    return;
  }
  if (n > MAX_NGON) { fanned(); return fan(all); }
  const inside = (p: number, a: number, b: number, c: number) =>
    !((u[p] === u[a] && v[p] === v[a]) || (u[p] === u[b] && v[p] === v[b]) || (u[p] === u[c] && v[p] === v[c])) &&
    cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
  const ring = all.slice();
  let i = 0, miss = 0;
  while (ring.length > 3) {
    const m = ring.length, a = ring[(i + m - 1) % m], b = ring[i], c = ring[(i + 1) % m];
    let ear = cross(a, b, c) > 0;
    for (let k = 0; ear && k < m; k++) if (inside(ring[k], a, b, c)) ear = false;
    if (ear) {
      tri(a, b, c);
      ring.splice(i, 1);
      i %= ring.length;
      miss = 0;
    } else {
      i = (i + 1) % m;
      if (++miss > m) return fan(ring); // self-intersecting or collinear: no ear left, fan the rest
    }
  }
  tri(ring[0], ring[1], ring[2]);
}
