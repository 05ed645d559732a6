/**
 * OMF 1 reader (omf-python 1.x, header version `OMF-v0.9.0`), plus the geometry helpers the OMF 2
 * readers share (colour, segment chaining, grid surfaces, index checks).
 *
 * File layout, verified on omf-python's `assets/v1/test_file.omf` and omf-rust's
 * `tests/omf1/plane_surface.omf` (all integers little-endian):
 *   bytes 0..3    magic 84 83 82 81
 *   bytes 4..35   version string, NUL-padded ('OMF-v0.9.0')
 *   bytes 36..51  project uid (16 raw bytes; the index key is its 8-4-4-4-12 hex form)
 *   bytes 52..59  int64 byte offset of the JSON index, which runs to the end of the file
 *   bytes 60..    zlib blocks, one per array; the index gives each one's {start, length (compressed
 *                 bytes), dtype ('<f8', '<i8', ...)}
 * The JSON index maps uids to objects with a `__class__`: Project, PointSetElement, LineSetElement,
 * SurfaceElement (its geometry is a SurfaceGeometry or a SurfaceGridGeometry), VolumeElement,
 * ScalarData, ImageTexture, Vector3Array / Int2Array / Int3Array / ScalarArray, ...
 * Positions are geometry vertices + geometry `origin` + project `origin`, in the project's length
 * unit (`units`, usually empty: metres by convention). No axis swap.
 */
import { unzlibSync } from 'fflate';
import type { ImportIssue, ImportOptions, ImportResult, ImportedAttribute, ImportedObject } from './types';
import { say, type MessageKey, type MessageParams } from '../../domain/message';
import type { Said } from '../../domain/message';

/** A reading failure located at a byte offset of the file (reported as `file@offset`), with its catalogue message. */
export class OmfError extends Error {
  readonly said: Said;
  constructor(readonly offset: number | undefined, key: string, params: MessageParams = {}) {
    const said = say(`surfaces.omf.err.${key}` as MessageKey, params);
    super(said.message);
    this.said = said;
  }
}

/** What is being read, for a failure's message: a part of an element (surfaces.omf.part.*), nested as `{{whatKey}}`. */
export const part = (key: string, params: MessageParams): MessageParams => ({ ...params, whatKey: `surfaces.omf.part.${key}` });

/** A failure's reason as values to nest in a report line (`$t(messages:{{reasonKey}})`): ours from the catalogue, a library's text as given. */
export function reasonOf(e: unknown): MessageParams {
  return e instanceof OmfError ? { ...e.said.params, reasonKey: e.said.key } : { error: (e as Error).message, reasonKey: 'surfaces.omf.err.library' };
}

export type Vec3 = [number, number, number];
type Json = Record<string, unknown>;

export const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export function vec3(x: unknown, fallback: Vec3 = [0, 0, 0]): Vec3 {
  return Array.isArray(x) && x.length === 3 && x.every((c) => typeof c === 'number') ? (x as Vec3) : fallback;
}

// ---------------------------------------------------------------- shared helpers (OMF 1 and 2)

const NAMED: Record<string, string> = {
  k: '#000000', black: '#000000', w: '#ffffff', white: '#ffffff', r: '#ff0000', red: '#ff0000',
  g: '#008000', green: '#008000', lime: '#00ff00', b: '#0000ff', blue: '#0000ff', c: '#00ffff', cyan: '#00ffff',
  m: '#ff00ff', magenta: '#ff00ff', y: '#ffff00', yellow: '#ffff00', gray: '#808080', grey: '#808080',
  orange: '#ffa500', brown: '#a52a2a', purple: '#800080', pink: '#ffc0cb', gold: '#ffd700', navy: '#000080',
  olive: '#808000', teal: '#008080', maroon: '#800000', silver: '#c0c0c0',
};

/**
 * '#rrggbb' from an OMF colour: [r, g, b] or [r, g, b, a] in 0..255 (alpha dropped), '#rgb' /
 * '#rrggbb', or a colour name. undefined when absent; null when present but not understood.
 */
export function colorHex(c: unknown): string | null | undefined {
  if (c == null) return undefined;
  if (Array.isArray(c) && (c.length === 3 || c.length === 4) && c.every((x) => typeof x === 'number' && x >= 0 && x <= 255)) {
    return '#' + c.slice(0, 3).map((x: number) => Math.round(x).toString(16).padStart(2, '0')).join('');
  }
  if (typeof c === 'string') {
    const s = c.trim().toLowerCase();
    if (/^#[0-9a-f]{6}$/.test(s)) return s;
    if (/^#[0-9a-f]{3}$/.test(s)) return '#' + [...s.slice(1)].map((h) => h + h).join('');
    return NAMED[s] ?? null;
  }
  return null;
}

/** Index of the first entry that is not a whole number in 0..n-1, or -1. */
export function badIndex(idx: ArrayLike<number>, n: number): number {
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    if (!(k >= 0 && k < n && Number.isInteger(k))) return i;
  }
  return -1;
}

/** Float64 indices (checked by `badIndex`) to the Uint32Array the result types use. */
export function toIndices(idx: ArrayLike<number>, n: number, what: MessageParams): Uint32Array {
  const bad = badIndex(idx, n);
  if (bad >= 0) throw new OmfError(undefined, 'index', { ...what, index: idx[bad], position: bad, n });
  return Uint32Array.from(idx);
}

/** Adds the element and project origins (same length unit as the vertices) in place. */
export function shift(v: Float64Array, ...origins: Vec3[]): Float64Array {
  for (const o of origins) {
    if (o[0] === 0 && o[1] === 0 && o[2] === 0) continue;
    for (let i = 0; i < v.length; i += 3) { v[i] += o[0]; v[i + 1] += o[1]; v[i + 2] += o[2]; }
  }
  return v;
}

/**
 * Segments (index pairs) to polylines: a segment that starts where the previous one ended extends
 * it (so a closed ring repeats its first point at the end); any other segment starts a new line.
 * Every segment survives: sum over lines of (points - 1) = segment count.
 */
export function chainSegments(v: Float64Array, seg: Uint32Array): Float64Array[] {
  const lines: Float64Array[] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length < 2) return;
    const out = new Float64Array(cur.length * 3);
    cur.forEach((k, i) => out.set(v.subarray(k * 3, k * 3 + 3), i * 3));
    lines.push(out);
  };
  for (let s = 0; s + 1 < seg.length; s += 2) {
    if (cur.length && cur[cur.length - 1] === seg[s]) cur.push(seg[s + 1]);
    else { flush(); cur = [seg[s], seg[s + 1]]; }
  }
  flush();
  return lines;
}

/**
 * A grid surface (OMF 1 SurfaceGridGeometry, OMF 2 GridSurface): vertex (i, j) = origin + u * (sum of
 * the first i cell sizes along u) + v * (same along v) + n * height, n = unit u x v. Vertices and
 * heights run u fastest (index i + j * (nu + 1)), as OMF orders grid data; two triangles per cell.
 * u and v are unit vectors, sizes and heights in the project's length unit.
 */
export function gridMesh(origin: Vec3, u: Vec3, v: Vec3, du: ArrayLike<number>, dv: ArrayLike<number>, heights?: ArrayLike<number>) {
  const nu = du.length + 1, nv = dv.length + 1;
  if (heights && heights.length !== nu * nv) {
    throw new OmfError(undefined, 'gridHeights', { nu, nv, nuv: nu * nv, heights: heights.length });
  }
  const cum = (d: ArrayLike<number>) => { const c = [0]; for (let i = 0; i < d.length; i++) c.push(c[i] + d[i]); return c; };
  const pu = cum(du), pv = cum(dv);
  const n: Vec3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const len = Math.hypot(...n) || 1;
  const vertices = new Float64Array(nu * nv * 3);
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const k = i + j * nu, h = heights ? heights[k] : 0;
      for (let a = 0; a < 3; a++) vertices[k * 3 + a] = origin[a] + u[a] * pu[i] + v[a] * pv[j] + (n[a] / len) * h;
    }
  }
  const triangles = new Uint32Array((nu - 1) * (nv - 1) * 6);
  let t = 0;
  for (let j = 0; j + 1 < nv; j++) {
    for (let i = 0; i + 1 < nu; i++) {
      const a = i + j * nu, b = a + 1, c = a + nu + 1, d = a + nu;
      triangles.set([a, b, c, a, c, d], t);
      t += 6;
    }
  }
  return { vertices, triangles };
}

// ---------------------------------------------------------------- OMF 1

export const OMF1_MAGIC = [0x84, 0x83, 0x82, 0x81];
const HEADER_BYTES = 60;

function adler32(b: Uint8Array): number {
  let a = 1, s = 0;
  for (let i = 0; i < b.length; ) {
    const end = Math.min(i + 3800, b.length); // keep the sums below 2^31 between reductions
    for (; i < end; i++) { a += b[i]; s += a; }
    a %= 65521; s %= 65521;
  }
  return ((s << 16) | a) >>> 0;
}

const DTYPES: Record<string, [number, (d: DataView, o: number) => number]> = {
  '<f8': [8, (d, o) => d.getFloat64(o, true)],
  '<f4': [4, (d, o) => d.getFloat32(o, true)],
  // int64 as lo + hi * 2^32: exact for any index or count below 2^53
  '<i8': [8, (d, o) => d.getUint32(o, true) + d.getInt32(o + 4, true) * 4294967296],
  '<i4': [4, (d, o) => d.getInt32(o, true)],
  '<u4': [4, (d, o) => d.getUint32(o, true)],
};

/** Reads one index; every array, element and data object is looked up through it. */
class Omf1File {
  constructor(readonly bytes: Uint8Array, readonly index: Json, readonly dataEnd: number) {}

  obj(uid: unknown, what: MessageParams): Json {
    const o = typeof uid === 'string' ? this.index[uid] : undefined;
    if (!isObj(o)) throw new OmfError(undefined, 'missing', { ...what, uid: String(uid) });
    return o;
  }

  /** A Vector3Array / Int2Array / Int3Array / ScalarArray (uid) as a flat Float64Array of `width`-tuples. */
  array(uid: unknown, width: number, what: MessageParams): Float64Array {
    const arr = this.obj(uid, what).array;
    if (Array.isArray(arr)) return Float64Array.from(arr.flat() as number[]); // inline JSON arrays exist (colormaps)
    if (!isObj(arr) || typeof arr.start !== 'number' || typeof arr.length !== 'number') {
      throw new OmfError(undefined, 'noArrayRef1', what);
    }
    const start = arr.start, len = arr.length, dtype = DTYPES[String(arr.dtype)];
    if (!dtype) throw new OmfError(start, 'arrayType', { ...what, dtype: String(arr.dtype) });
    if (start < HEADER_BYTES || start + len > this.dataEnd) {
      throw new OmfError(start, 'zlibPast', { ...what, start, len, end: this.dataEnd });
    }
    const block = this.bytes.subarray(start, start + len);
    let raw: Uint8Array;
    try {
      raw = unzlibSync(block);
    } catch (e) {
      throw new OmfError(start, 'zlibCorrupt', { ...what, start, error: (e as Error).message });
    }
    // fflate does not check the zlib trailer: a flipped byte can inflate to wrong numbers silently
    const want = ((block[len - 4] << 24) | (block[len - 3] << 16) | (block[len - 2] << 8) | block[len - 1]) >>> 0;
    if (adler32(raw) !== want) throw new OmfError(start, 'adler', { ...what, start });
    const [size, get] = dtype;
    if (raw.length % (size * width)) throw new OmfError(start, 'tuples', { ...what, bytes: raw.length, width, dtype: String(arr.dtype) });
    const d = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const out = new Float64Array(raw.length / size);
    for (let i = 0; i < out.length; i++) out[i] = get(d, i * size);
    return out;
  }
}

/** Vertex-located ScalarData → attributes; everything else in `data` and `textures` named in one warning. */
function readData(f: Omf1File, el: Json, nVertices: number, name: string, path: string, issues: ImportIssue[]): ImportedAttribute[] {
  const attrs: ImportedAttribute[] = [];
  const ignored: string[] = [];
  for (const uid of Array.isArray(el.data) ? el.data : []) {
    try {
      const d = f.obj(uid, part('dataUid', {}));
      const dn = `'${String(d.name ?? uid)}'`;
      if (d.__class__ === 'ScalarData' && d.location === 'vertices') {
        const values = f.array(d.array, 1, part('data', { data: String(d.name ?? uid), element: name }));
        if (values.length === nVertices) attrs.push({ name: String(d.name ?? uid), values });
        else ignored.push(`vertex data ${dn} (${values.length} values for ${nVertices} vertices)`);
      } else if (d.__class__ === 'ScalarData') ignored.push(`${String(d.location).replace(/s$/, '')} data ${dn}`);
      else ignored.push(`${String(d.__class__)} ${dn}`);
    } catch (e) {
      const off = e instanceof OmfError ? e.offset : undefined;
      issues.push({ path: off === undefined ? path : `${path}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.withoutIt', { ...reasonOf(e), name }) });
    }
  }
  for (const uid of Array.isArray(el.textures) ? el.textures : []) {
    const t = f.index[uid as string];
    ignored.push(`texture '${String(isObj(t) ? t.name : uid)}'`);
  }
  if (ignored.length) issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.ignoredVertexValues', { name, list: ignored.join('; ') }) });
  return attrs;
}

function readElement(f: Omf1File, el: Json, name: string, projectOrigin: Vec3, path: string, issues: ImportIssue[]): ImportedObject | null {
  const cls = String(el.__class__);
  const color = colorHex(el.color);
  if (color === null) issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.colour', { name, colour: JSON.stringify(el.color) }) });
  const common = { name, ...(color ? { color } : {}) };
  const withAttrs = (n: number) => { const a = readData(f, el, n, name, path, issues); return a.length ? { attributes: a } : {}; };
  if (cls === 'VolumeElement' || cls === 'VolumeGridElement') {
    issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.volume', { name }) });
    return null;
  }
  if (!['PointSetElement', 'LineSetElement', 'SurfaceElement', 'SurfaceGridElement'].includes(cls)) {
    issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.otherElement', { name, type: cls }) });
    return null;
  }
  const g = f.obj(el.geometry, part('geometry', { element: name }));
  const origin = vec3(g.origin);
  if (g.__class__ === 'SurfaceGridGeometry') {
    const du = g.tensor_u, dv = g.tensor_v;
    if (!Array.isArray(du) || !Array.isArray(dv)) throw new OmfError(undefined, 'noTensor', { element: name });
    const heights = g.offset_w ? f.array(g.offset_w, 1, part('offsetW', { element: name })) : undefined;
    const m = gridMesh(origin, vec3(g.axis_u, [1, 0, 0]), vec3(g.axis_v, [0, 1, 0]), du as number[], dv as number[], heights);
    shift(m.vertices, projectOrigin);
    return { type: 'mesh', ...common, ...m, ...withAttrs(m.vertices.length / 3) };
  }
  const vertices = shift(f.array(g.vertices, 3, part('vertices', { element: name })), origin, projectOrigin);
  const n = vertices.length / 3;
  if (cls === 'PointSetElement') return { type: 'points', ...common, vertices, ...withAttrs(n) };
  if (cls === 'LineSetElement') {
    const seg = toIndices(f.array(g.segments, 2, part('segments', { element: name })), n, part('segments', { element: name }));
    return { type: 'lines', ...common, lines: chainSegments(vertices, seg), ...withAttrs(n) };
  }
  const triangles = toIndices(f.array(g.triangles, 3, part('triangles', { element: name })), n, part('triangles', { element: name }));
  return { type: 'mesh', ...common, vertices, triangles, ...withAttrs(n) };
}

const uuid = (b: Uint8Array) => {
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function readOmf1(bytes: Uint8Array, fileName: string, options?: ImportOptions): ImportResult {
  const issues: ImportIssue[] = [];
  const objects: ImportedObject[] = [];
  const fail = (at: number, said: Said): ImportResult => {
    issues.push({ path: `${fileName}@${at}`, severity: 'error', ...said });
    return { objects, issues, meta: { format: 'OMF 1' } };
  };
  if (bytes.length < HEADER_BYTES) return fail(bytes.length, say('surfaces.omf.header', { header: HEADER_BYTES, bytes: bytes.length }));
  const version = new TextDecoder('latin1').decode(bytes.subarray(4, 36)).replace(/\0+$/, '');
  const meta = { format: `OMF 1 (${version})` };
  if (!/^OMF-v0\.9/.test(version)) issues.push({ path: `${fileName}@4`, severity: 'warning', ...say('surfaces.omf.version', { version }) });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonAt = Number(dv.getBigInt64(52, true));
  if (!(jsonAt >= HEADER_BYTES && jsonAt < bytes.length)) {
    return { ...fail(52, say('surfaces.omf.indexOffset', { at: jsonAt, bytes: bytes.length })), meta };
  }
  let index: unknown;
  try {
    index = JSON.parse(new TextDecoder().decode(bytes.subarray(jsonAt)));
  } catch (e) {
    return { ...fail(jsonAt, say('surfaces.omf.indexJson', { at: jsonAt, error: (e as Error).message })), meta };
  }
  if (!isObj(index)) return { ...fail(jsonAt, say('surfaces.omf.indexObject', { at: jsonAt })), meta };
  const f = new Omf1File(bytes, index, jsonAt);
  const project = isObj(index[uuid(bytes.subarray(36, 52))]) ? (index[uuid(bytes.subarray(36, 52))] as Json)
    : (Object.values(index).find((o) => isObj(o) && o.__class__ === 'Project') as Json | undefined);
  if (!project) return { ...fail(36, say('surfaces.omf.noProject')), meta };
  const unit = typeof project.units === 'string' && project.units.trim() ? { declaredUnit: project.units.trim() } : {};
  const projectOrigin = vec3(project.origin);
  const uids = Array.isArray(project.elements) ? project.elements : [];
  uids.forEach((uid, i) => {
    const el = index[uid as string];
    const name = isObj(el) && typeof el.name === 'string' && el.name ? el.name : String(uid);
    try {
      if (!isObj(el)) throw new OmfError(jsonAt, 'elementMissing', { uid: String(uid) });
      const o = readElement(f, el, name, projectOrigin, fileName, issues);
      if (o) objects.push(o);
    } catch (e) {
      const off = e instanceof OmfError ? e.offset : undefined;
      issues.push({ path: off === undefined ? fileName : `${fileName}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.notLoaded', { ...reasonOf(e), name }) });
    }
    options?.onProgress?.((i + 1) / uids.length);
  });
  return { objects, issues, meta: { ...meta, ...unit } };
}
