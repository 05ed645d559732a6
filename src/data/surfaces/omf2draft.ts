/**
 * Reader for omf-python's OMF 2 draft (the 2.0 alpha on omf-python's `v2` branch; not the OMF 2.0
 * standard that omf-rust writes). Read rather than refused: the draft is simple enough (a zip of
 * deflated members: `project.json` plus one raw little-endian array per member) that reading it
 * costs less than explaining why not.
 *
 * project.json: {schema 'org.omf.v2.project', version '2.0', metadata {coordinate_reference_system,
 * ...}, elements [...]}. Each element has `schema`:
 *   org.omf.v2.element.pointset           vertices
 *   org.omf.v2.element.lineset            vertices, segments
 *   org.omf.v2.element.surface            vertices, triangles
 *   org.omf.v2.element.surfacetensorgrid  corner, axis_u, axis_v, tensor_u, tensor_v, offset_w
 *   org.omf.v2.element.blockmodel.*       reported, not loaded
 * An array is {data_type 'Float64Array' | 'Int32Array' | ..., shape, size (bytes), array: member
 * name}. Colour sits in `metadata.color` ([r, g, b]). Attributes: org.omf.v2.attribute.numeric on
 * 'vertices' are read; the rest, and `textures`, are named in a warning. Vertices are relative to
 * the project origin (omf-python's docstring); the test file has no origin field, so 0 applies.
 */
import type { ImportIssue, ImportOptions, ImportResult, ImportedAttribute, ImportedObject } from './types';
import type { ZipArchive } from './omf';
import { OmfError, chainSegments, colorHex, gridMesh, isObj, part, reasonOf, shift, toIndices, vec3, type Vec3 } from './omf1';
import { say, type MessageParams } from '../../domain/message';

type Json = Record<string, unknown>;

const TYPES: Record<string, [number, (d: DataView, o: number) => number]> = {
  Float64Array: [8, (d, o) => d.getFloat64(o, true)],
  Float32Array: [4, (d, o) => d.getFloat32(o, true)],
  Int32Array: [4, (d, o) => d.getInt32(o, true)],
  Uint32Array: [4, (d, o) => d.getUint32(o, true)],
  Int16Array: [2, (d, o) => d.getInt16(o, true)],
  Uint16Array: [2, (d, o) => d.getUint16(o, true)],
  Int8Array: [1, (d, o) => d.getInt8(o)],
  Uint8Array: [1, (d, o) => d.getUint8(o)],
  // int64 as lo + hi * 2^32: exact below 2^53
  Int64Array: [8, (d, o) => d.getUint32(o, true) + d.getInt32(o + 4, true) * 4294967296],
  BigInt64Array: [8, (d, o) => d.getUint32(o, true) + d.getInt32(o + 4, true) * 4294967296],
};

/** A draft array reference as a flat Float64Array; checks its shape's last dimension is `width`. */
function readArray(zip: ZipArchive, ref: unknown, width: number, what: MessageParams): Float64Array {
  if (!isObj(ref) || typeof ref.array !== 'string') throw new OmfError(undefined, 'noArrayRef', what);
  const t = TYPES[String(ref.data_type)];
  const at = zip.offsetOf(ref.array);
  if (!t) throw new OmfError(at, 'arrayType', { ...what, dtype: String(ref.data_type) });
  const bytes = zip.read(ref.array);
  const shape = Array.isArray(ref.shape) ? (ref.shape as number[]) : [];
  const count = shape.reduce((a, b) => a * b, 1);
  if ((shape.length > 1 ? shape[shape.length - 1] : 1) !== width || bytes.length !== count * t[0]) {
    throw new OmfError(at, 'shape', { ...what, member: ref.array, bytes: bytes.length, shape: JSON.stringify(shape), dtype: String(ref.data_type), wants: count * t[0], width });
  }
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = t[1](d, i * t[0]);
  return out;
}

function readAttributes(zip: ZipArchive, el: Json, n: number, name: string, path: string, issues: ImportIssue[]) {
  const attrs: ImportedAttribute[] = [];
  const ignored: string[] = [];
  for (const a of Array.isArray(el.attributes) ? el.attributes : []) {
    if (!isObj(a)) continue;
    const an = String(a.name ?? '');
    if (a.schema !== 'org.omf.v2.attribute.numeric') { ignored.push(`${String(a.schema).replace(/^org\.omf\.v2\.attribute\./, '')} attribute '${an}'`); continue; }
    if (a.location !== 'vertices') { ignored.push(`${String(a.location).replace(/s$/, '')} data '${an}'`); continue; }
    try {
      const values = readArray(zip, a.array, 1, part('attribute', { attribute: an, element: name }));
      if (values.length === n) attrs.push({ name: an, values });
      else ignored.push(`attribute '${an}' (${values.length} values for ${n} vertices)`);
    } catch (e) {
      const off = e instanceof OmfError ? e.offset : undefined;
      issues.push({ path: off === undefined ? path : `${path}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.withoutIt', { ...reasonOf(e), name }) });
    }
  }
  for (const t of Array.isArray(el.textures) ? el.textures : []) ignored.push(`texture '${String(isObj(t) ? t.name : '')}'`);
  if (ignored.length) issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.ignoredNumeric', { name, list: ignored.join('; ') }) });
  return attrs.length ? { attributes: attrs } : {};
}

function readElement(zip: ZipArchive, el: Json, name: string, projectOrigin: Vec3, path: string, issues: ImportIssue[]): ImportedObject | null {
  const schema = String(el.schema).replace(/^org\.omf\.v2\.element\./, '');
  const md = isObj(el.metadata) ? el.metadata : {};
  const rawColor = el.color ?? md.color;
  const color = colorHex(rawColor);
  if (color === null) issues.push({ path, severity: 'warning', id: name, ...say('surfaces.omf.colour', { name, colour: JSON.stringify(rawColor) }) });
  const common = { name, ...(color ? { color } : {}) };
  if (schema === 'surfacetensorgrid') {
    const du = el.tensor_u, dv = el.tensor_v;
    if (!Array.isArray(du) || !Array.isArray(dv)) throw new OmfError(undefined, 'noTensor', { element: name });
    const heights = el.offset_w ? readArray(zip, el.offset_w, 1, part('offsetW', { element: name })) : undefined;
    const m = gridMesh(vec3(el.corner ?? el.origin), vec3(el.axis_u, [1, 0, 0]), vec3(el.axis_v, [0, 1, 0]), du as number[], dv as number[], heights);
    shift(m.vertices, projectOrigin);
    return { type: 'mesh', ...common, ...m, ...readAttributes(zip, el, m.vertices.length / 3, name, path, issues) };
  }
  if (schema === 'pointset' || schema === 'lineset' || schema === 'surface') {
    const vertices = shift(readArray(zip, el.vertices, 3, part('vertices', { element: name })), vec3(el.origin), projectOrigin);
    const n = vertices.length / 3;
    if (schema === 'pointset') return { type: 'points', ...common, vertices, ...readAttributes(zip, el, n, name, path, issues) };
    if (schema === 'lineset') {
      const seg = toIndices(readArray(zip, el.segments, 2, part('segments', { element: name })), n, part('segments', { element: name }));
      return { type: 'lines', ...common, lines: chainSegments(vertices, seg), ...readAttributes(zip, el, n, name, path, issues) };
    }
    const triangles = toIndices(readArray(zip, el.triangles, 3, part('triangles', { element: name })), n, part('triangles', { element: name }));
    return { type: 'mesh', ...common, vertices, triangles, ...readAttributes(zip, el, n, name, path, issues) };
  }
  issues.push({ path, severity: 'warning', id: name, ...(schema.startsWith('blockmodel') ? say('surfaces.omf.blockModel', { name }) : say('surfaces.omf.draftElement', { name, schema: String(el.schema) })) });
  return null;
}

export function readOmf2Draft(zip: ZipArchive, fileName: string, options?: ImportOptions): ImportResult {
  const issues: ImportIssue[] = [];
  const objects: ImportedObject[] = [];
  const format = 'OMF 2 draft (omf-python 2.0 alpha)';
  let p: Json;
  try {
    const j: unknown = JSON.parse(new TextDecoder().decode(zip.read('project.json')));
    if (!isObj(j)) throw new OmfError(zip.offsetOf('project.json'), 'notJsonObject');
    p = j;
  } catch (e) {
    const off = e instanceof OmfError ? e.offset : zip.offsetOf('project.json');
    issues.push({ path: `${fileName}@${off ?? 0}`, severity: 'error', ...say('surfaces.omf.projectJson', reasonOf(e)) });
    return { objects, issues, meta: { format } };
  }
  const md = isObj(p.metadata) ? p.metadata : {};
  const crs = p.coordinate_reference_system ?? md.coordinate_reference_system;
  const units = p.units ?? md.units;
  issues.push({ path: fileName, severity: 'warning', ...say('surfaces.omf.draft', { format }) });
  const elements = Array.isArray(p.elements) ? p.elements : [];
  elements.forEach((el, i) => {
    const name = isObj(el) && typeof el.name === 'string' && el.name ? el.name : `element ${i + 1}`;
    try {
      if (!isObj(el)) throw new OmfError(undefined, 'notElement', { file: 'project.json' });
      const o = readElement(zip, el, name, vec3(p.origin), fileName, issues);
      if (o) objects.push(o);
    } catch (e) {
      const off = e instanceof OmfError ? e.offset : undefined;
      issues.push({ path: off === undefined ? fileName : `${fileName}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.notLoaded', { ...reasonOf(e), name }) });
    }
    options?.onProgress?.((i + 1) / elements.length);
  });
  return {
    objects, issues,
    meta: { format, ...(typeof crs === 'string' && crs ? { crs } : {}), ...(typeof units === 'string' && units ? { declaredUnit: units } : {}) },
  };
}
