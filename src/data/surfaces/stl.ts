/**
 * STL surfaces, binary and ASCII. STL has no units, no colours we read and no shared vertices: each
 * triangle repeats its three corners, so corners are merged by exact position (the same float64
 * value, -0 = +0) into an indexed mesh; a closed wireframe gets about half as many vertices as
 * triangles.
 *
 * Binary: 80-byte header, uint32 LE triangle count, then 50 bytes per triangle (normal, three
 * vertices as float32 LE, uint16 attribute word). Each float32 widens to float64 exactly (the
 * stored value, e.g. 2289334.25 ft: at 2.3 million the float32 step is 0.25). The stored normals
 * are ignored (often not unit length); winding is kept as stored.
 *
 * Binary or ASCII is told by size (84 + 50 n == byteLength), not by the word 'solid': binary
 * headers may begin with 'solid' too. ASCII: `solid name` ... `facet normal` / `outer loop` /
 * `vertex x y z` x3 / `endloop` / `endfacet` ... `endsolid`; several solids make several objects.
 */
import type { ImportIssue, ImportResult, Importer, ImportedMesh } from './types';
import { say, type Said } from '../../domain/message';

const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer);

/** Vertices merged by exact position: open-addressing hash on the coordinates' float64 bits. */
class VertexSet {
  xyz: Float64Array;
  n = 0;
  private table: Int32Array;
  private mask: number;
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.xyz = new Float64Array(Math.max(3 * 1024, 3 * expected));
  }
  private static hash(x: number, y: number, z: number): number {
    let h = 0x811c9dc5;
    f64[0] = x; h = Math.imul(h ^ w32[0], 0x9e3779b1); h = Math.imul(h ^ w32[1], 0x85ebca77);
    f64[0] = y; h = Math.imul(h ^ w32[0], 0xc2b2ae3d); h = Math.imul(h ^ w32[1], 0x27d4eb2f);
    f64[0] = z; h = Math.imul(h ^ w32[0], 0x165667b1); h = Math.imul(h ^ w32[1], 0x9e3779b1);
    h ^= h >>> 15; h = Math.imul(h, 0x7feb352d); return h ^ (h >>> 16);
  }
  /** The index of (x, y, z), added when new. Coordinates must be finite. */
  add(x: number, y: number, z: number): number {
    x += 0; y += 0; z += 0; // -0 → +0: the same position
    const p = this.xyz;
    let h = VertexSet.hash(x, y, z) & this.mask;
    for (;;) {
      const id = this.table[h];
      if (id < 0) break;
      if (p[3 * id] === x && p[3 * id + 1] === y && p[3 * id + 2] === z) return id;
      h = (h + 1) & this.mask;
    }
    const id = this.n++;
    if (3 * this.n > this.xyz.length) {
      const b = new Float64Array(this.xyz.length * 2);
      b.set(this.xyz);
      this.xyz = b;
    }
    this.xyz[3 * id] = x; this.xyz[3 * id + 1] = y; this.xyz[3 * id + 2] = z;
    this.table[h] = id;
    if (2 * this.n > this.table.length) this.grow();
    return id;
  }
  private grow(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.n; id++) {
      let h = VertexSet.hash(this.xyz[3 * id], this.xyz[3 * id + 1], this.xyz[3 * id + 2]) & this.mask;
      while (this.table[h] >= 0) h = (h + 1) & this.mask;
      this.table[h] = id;
    }
  }
  vertices(): Float64Array {
    return this.xyz.slice(0, 3 * this.n);
  }
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '') || 'STL';
}

/** ASCII STL: 'solid' first, a facet or endsolid keyword soon after, and no binary control bytes. */
function looksAscii(b: Uint8Array): boolean {
  const head = b.subarray(0, 1024);
  for (const c of head) if (c < 9 || (c > 13 && c < 32)) return false;
  const text = new TextDecoder('latin1').decode(head);
  return /^\s*solid\b/i.test(text) && (/\b(facet|endsolid)\b/i.test(text) || b.length < 1024);
}

/**
 * A binary file whose size and count disagree is taken as STL only if its triangles look like
 * coordinates: random bytes read as float32 are mostly NaN, infinite or of absurd magnitude.
 */
function plausibleBinary(dv: DataView, triangles: number): boolean {
  const k = Math.min(triangles, 100);
  if (k === 0) return false;
  let sane = 0;
  for (let t = 0; t < k; t++) {
    for (let j = 0; j < 9; j++) {
      const v = dv.getFloat32(84 + 50 * t + 12 + 4 * j, true);
      if (Number.isFinite(v) && Math.abs(v) < 1e12 && (v === 0 || Math.abs(v) > 1e-12)) sane++;
    }
  }
  return sane >= 0.9 * 9 * k;
}

function binaryName(header: Uint8Array, fallback: string): string {
  let end = header.indexOf(0);
  if (end < 0) end = header.length;
  const h = header.subarray(0, end);
  if (h.length === 0 || h.some((c) => c < 32 || c > 126)) return fallback;
  const text = new TextDecoder('latin1').decode(h).trim().replace(/^solid\b\s*/, '');
  return text || fallback;
}

function readBinary(bytes: Uint8Array, fileName: string, onProgress?: (f: number) => void): ImportResult {
  const issues: ImportIssue[] = [];
  const meta = { format: 'STL (binary)' };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = dv.getUint32(80, true);
  const fits = Math.floor((bytes.length - 84) / 50);
  let count = declared;
  if (84 + 50 * declared !== bytes.length) {
    if (!plausibleBinary(dv, Math.min(declared, fits))) {
      return { objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.stl.notStl') }], meta: { format: 'STL' } };
    }
    if (declared > fits) {
      count = fits;
      issues.push({ path: `${fileName}@${84 + 50 * fits}`, severity: 'error', ...say('surfaces.stl.truncated', { declared, fits, bytes: bytes.length, expected: 84 + 50 * declared }) });
    } else {
      issues.push({ path: `${fileName}@${84 + 50 * declared}`, severity: 'warning', ...say('surfaces.stl.trailing', { extra: bytes.length - 84 - 50 * declared, declared }) });
    }
  }
  const set = new VertexSet(Math.ceil(count / 2) + 8);
  const tri = new Uint32Array(3 * count);
  let t = 0, bad = 0, firstBad = 0, last = performance.now();
  const c = new Float64Array(9);
  for (let i = 0; i < count; i++) {
    const off = 84 + 50 * i + 12; // skip the normal
    let ok = true;
    for (let j = 0; j < 9; j++) {
      const v = dv.getFloat32(off + 4 * j, true);
      if (!Number.isFinite(v)) ok = false;
      c[j] = v;
    }
    if (!ok) {
      if (bad++ === 0) firstBad = off;
      continue;
    }
    tri[t++] = set.add(c[0], c[1], c[2]);
    tri[t++] = set.add(c[3], c[4], c[5]);
    tri[t++] = set.add(c[6], c[7], c[8]);
    if (onProgress && (i & 65535) === 65535) {
      const now = performance.now();
      if (now - last >= 50) { last = now; onProgress(i / count); }
    }
  }
  if (bad) issues.push({ path: `${fileName}@${firstBad}`, severity: 'error', ...say('surfaces.stl.nonFinite', { n: bad }) });
  if (t === 0) {
    issues.push({ path: fileName, severity: 'error', ...say('surfaces.stl.noTriangles') });
    return { objects: [], issues, meta };
  }
  const name = binaryName(bytes.subarray(0, 80), baseName(fileName));
  const mesh: ImportedMesh = { type: 'mesh', name, vertices: set.vertices(), triangles: tri.slice(0, t) };
  return { objects: [mesh], issues, meta };
}

function readAscii(bytes: Uint8Array, fileName: string, onProgress?: (f: number) => void): ImportResult {
  const issues: ImportIssue[] = [];
  const text = new TextDecoder().decode(bytes);
  const objects: ImportedMesh[] = [];
  const fallback = baseName(fileName);
  const at = (line: number) => `${fileName}:${line}`;
  let name = fallback, startLine = 0, set: VertexSet | null = null, tri: number[] = [];
  // the current facet's corners (x, y, z each); badLoop: one could not be read (already reported)
  let loop: number[] = [], badLoop = false, loopLine = 0, fanned = 0;
  let errors = 0;
  const err = (line: number, said: Said) => {
    if (++errors <= 20) issues.push({ path: at(line), severity: 'error', ...said, id: name });
  };
  const flushLoop = (line: number) => {
    const k = loop.length / 3;
    if (k > 0 && !badLoop) {
      if (k < 3) err(line, say('surfaces.stl.facetShort', { k }));
      else {
        set ??= new VertexSet(1024);
        const ids = [];
        for (let i = 0; i < k; i++) ids.push(set.add(loop[3 * i], loop[3 * i + 1], loop[3 * i + 2]));
        if (k > 3) fanned++;
        for (let i = 1; i + 1 < k; i++) tri.push(ids[0], ids[i], ids[i + 1]);
      }
    }
    loop = [];
    badLoop = false;
  };
  const endSolid = () => {
    if (tri.length && set) objects.push({ type: 'mesh', name, vertices: set.vertices(), triangles: Uint32Array.from(tri) });
    else if (startLine) issues.push({ path: at(startLine), severity: 'warning', ...say('surfaces.stl.solidEmpty', { name }), id: name });
    set = null;
    tri = [];
    startLine = 0;
  };
  let pos = 0, lineNo = 0, open = false, last = performance.now();
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    lineNo++;
    if (!line) continue;
    if (onProgress && (lineNo & 65535) === 0) {
      const now = performance.now();
      if (now - last >= 50) { last = now; onProgress(pos / text.length); }
    }
    const sp = line.search(/\s/);
    const kw = (sp < 0 ? line : line.slice(0, sp)).toLowerCase();
    if (kw === 'vertex') {
      if (loop.length === 0) loopLine = lineNo;
      const v = line.slice(sp).trim().split(/\s+/).map(Number);
      if (v.length < 3 || !v.slice(0, 3).every(Number.isFinite)) {
        err(lineNo, say('surfaces.stl.badVertex', { text: line.slice(sp).trim() }));
        badLoop = true;
      } else loop.push(v[0], v[1], v[2]);
    } else if (kw === 'endloop' || kw === 'endfacet' || kw === 'facet' || kw === 'outer') {
      flushLoop(lineNo);
    } else if (kw === 'solid') {
      flushLoop(lineNo);
      if (open) {
        issues.push({ path: at(lineNo), severity: 'warning', ...say('surfaces.stl.noEndsolidBefore', { name }), id: name });
        endSolid();
      }
      name = line.slice(5).trim() || fallback;
      startLine = lineNo;
      open = true;
    } else if (kw === 'endsolid') {
      flushLoop(lineNo);
      endSolid();
      open = false;
      name = fallback;
    } else err(lineNo, say('surfaces.stl.badKeyword', { kw: kw.slice(0, 20) }));
  }
  if (loop.length) {
    err(loopLine, say('surfaces.stl.endsInFacet'));
    loop = [];
  }
  if (open) issues.push({ path: at(lineNo), severity: 'warning', ...say('surfaces.stl.noEndsolid'), id: name });
  endSolid();
  if (errors > 20) issues.push({ path: fileName, severity: 'error', ...say('surfaces.stl.moreErrors', { more: errors - 20, all: errors }) });
  if (fanned) issues.push({ path: fileName, severity: 'warning', ...say('surfaces.stl.fanned', { n: fanned }) });
  if (objects.length === 0 && !issues.some((i) => i.severity === 'error')) issues.push({ path: fileName, severity: 'error', ...say('surfaces.stl.noFacets') });
  return { objects, issues, meta: { format: 'STL (ASCII)' } };
}

export const importStl: Importer = (bytes, fileName, options = {}) => {
  let r: ImportResult;
  if (bytes.length >= 84 && 84 + 50 * new DataView(bytes.buffer, bytes.byteOffset, 84).getUint32(80, true) === bytes.length) {
    r = readBinary(bytes, fileName, options.onProgress);
  } else if (looksAscii(bytes)) r = readAscii(bytes, fileName, options.onProgress);
  else if (bytes.length >= 84) r = readBinary(bytes, fileName, options.onProgress);
  else r = { objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.stl.tooShort', { bytes: bytes.length }) }], meta: { format: 'STL' } };
  options.onProgress?.(1);
  return r;
};
