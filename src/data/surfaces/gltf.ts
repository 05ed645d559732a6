/**
 * glTF 2.0 (.glb and .gltf) surfaces, lines and points.
 *
 * The container (GLB header and chunks, buffers from the BIN chunk, data: URIs or companion
 * files) and the JSON references are checked here first, so that a damaged file reports where
 * (`file@byte` for GLB structure) and every sound primitive still loads: @gltf-transform/core's
 * reader throws on the first bad reference. It is then given a cleaned copy holding only buffers,
 * buffer views, accessors, materials and meshes, through `WebIO.readJSON` (no fetch, so it runs
 * in a Web Worker and in Node alike), and decodes the accessors (interleaved, sparse, normalized).
 *
 * Transforms: the node hierarchy of the default scene (else the first, else every root node) is
 * composed here in float64 from each node's `matrix` or TRS (@gltf-transform would decompose a
 * matrix): a placement translation of millions of metres stays exact. A mesh placed by several
 * nodes gives several objects; meshes no scene node places are not loaded (glTF draws nothing
 * for them) and are reported.
 *
 * Axes: glTF is Y up by specification; positions are not rotated and meta.upAxis = 'y' (the
 * caller reports it and lets the user rotate). A file Veinscape wrote carries
 * `asset.extras.veinscape = { origin: [e0, n0, z0], upAxis: 'y' }` (or on the scene's extras):
 * then the origin is added back and the axes turned to project (e, n, z) with fromGltfAxes
 * (gltfAxes.ts), and meta.upAxis = 'z'.
 *
 * Colour: the material's baseColorFactor, which glTF defines as linear, encoded to sRGB
 * (IEC 61966-2-1) as '#rrggbb', the CSS/three convention the rest of the app uses. Textures and
 * vertex colours (COLOR_0) are not read. Units: metres by the glTF specification.
 */
import { Logger, WebIO, type Accessor, type GLTF } from '@gltf-transform/core';
import { fromGltfAxes, readVeinscapeExtras } from './gltfAxes';
import { say, type MessageParams, type Said } from '../../domain/message';
import type { ImportIssue, ImportedMeta, ImportedObject, ImportOptions, ImportResult, Importer } from './types';

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const COMPRESSION = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_meshopt_compression'];

type Issue = (said: Said, severity?: 'error' | 'warning', at?: number) => void;
/** A reason nested in a message (`$t(messages:{{…Key}})`): its key under surfaces.gltf and its values. */
type Why = [string, MessageParams];
const isIndex = (i: unknown, n: number): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < n;
const finiteArray = (a: unknown, n: number): a is number[] => Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The JSON and the BIN chunk of a GLB, or of a .gltf's text; null when unreadable (reported). */
function readContainer(bytes: Uint8Array, fileName: string, issue: Issue): { json: GLTF.IGLTF; bin?: Uint8Array; glb: boolean; binTruncated: boolean } | null {
  const fail = (said: Said, at?: number) => {
    issue(said, 'error', at);
    return null;
  };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glb = bytes.length >= 4 && dv.getUint32(0, true) === GLB_MAGIC;
  let text: string;
  let bin: Uint8Array | undefined;
  let binTruncated = false;
  if (glb) {
    if (bytes.length < 12) return fail(say('surfaces.gltf.glbHeader', { bytes: bytes.length }), bytes.length);
    const version = dv.getUint32(4, true);
    if (version !== 2) return fail(say('surfaces.gltf.glbVersion', { version }), 4);
    if (bytes.length < 20) return fail(say('surfaces.gltf.glbJsonHeader', { bytes: bytes.length }), 12);
    const total = dv.getUint32(8, true);
    if (total > bytes.length) issue(say('surfaces.gltf.glbTruncated', { total, bytes: bytes.length }), 'error', bytes.length);
    else if (total < bytes.length) issue(say('surfaces.gltf.glbTrailing', { n: bytes.length - total }), 'warning', total);
    const end = Math.min(total, bytes.length);
    const jsonLength = dv.getUint32(12, true);
    if (dv.getUint32(16, true) !== CHUNK_JSON) return fail(say('surfaces.gltf.glbFirstChunk'), 16);
    if (20 + jsonLength > end) return fail(say('surfaces.gltf.glbJsonTruncated', { declared: jsonLength, remain: end - 20 }), 12);
    text = new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength));
    const b = 20 + jsonLength + ((4 - (jsonLength % 4)) % 4);
    if (b + 8 <= end && dv.getUint32(b + 4, true) === CHUNK_BIN) {
      const binLength = dv.getUint32(b, true);
      bin = bytes.subarray(b + 8, Math.min(b + 8 + binLength, end));
      binTruncated = bin.length < binLength;
      if (binTruncated) issue(say('surfaces.gltf.glbBinTruncated', { declared: binLength, holds: bin.length }), 'error', b);
    } else if (b < end && b + 8 > end) issue(say('surfaces.gltf.glbChunkHeader'), 'error', b);
  } else {
    if (/\.glb$/i.test(fileName)) {
      const magic = [...bytes.subarray(0, 4)].map((c) => c.toString(16).padStart(2, '0')).join(' ');
      return fail(say('surfaces.gltf.badMagic', { magic }), 0);
    }
    if (bytes.subarray(0, 1024).includes(0)) return fail(say('surfaces.gltf.binary'));
    text = new TextDecoder().decode(bytes);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(say('surfaces.gltf.badJson', { error: (e as Error).message }), glb ? 20 : undefined);
  }
  const asset = (json as GLTF.IGLTF | null)?.asset;
  if (!json || typeof json !== 'object' || !asset || typeof asset !== 'object') return fail(say('surfaces.gltf.noAsset'));
  if (!String(asset.version).startsWith('2.')) return fail(say('surfaces.gltf.version', { version: String(asset.version) }));
  return { json: json as GLTF.IGLTF, bin, glb, binTruncated };
}

function decodeDataUri(uri: string): Uint8Array | null {
  const comma = uri.indexOf(',');
  if (comma < 0) return null;
  try {
    const s = /;base64$/i.test(uri.slice(0, comma)) ? atob(uri.slice(comma + 1)) : decodeURIComponent(uri.slice(comma + 1));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
    return out;
  } catch {
    return null;
  }
}

/** Column-major 4x4, float64. */
type M4 = Float64Array;
const IDENTITY: M4 = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

function mul(a: M4, b: M4): M4 {
  const o = new Float64Array(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) {
    o[c * 4 + r] = a[r] * b[c * 4] + a[4 + r] * b[c * 4 + 1] + a[8 + r] * b[c * 4 + 2] + a[12 + r] * b[c * 4 + 3];
  }
  return o;
}

/** A node's local matrix: `matrix` when given, else translation * rotation * scale. */
function localMatrix(n: GLTF.INode, warn: (reason: string) => void): M4 {
  if (n.matrix !== undefined) {
    if (finiteArray(n.matrix, 16)) return new Float64Array(n.matrix);
    warn('matrix');
  }
  const t = finiteArray(n.translation, 3) ? n.translation : [0, 0, 0];
  const s = finiteArray(n.scale, 3) ? n.scale : [1, 1, 1];
  let [x, y, z, w] = finiteArray(n.rotation, 4) ? n.rotation : [0, 0, 0, 1];
  const len = Math.hypot(x, y, z, w) || 1; // the specification wants unit quaternions; normalise stray ones
  x /= len; y /= len; z /= len; w /= len;
  if ((n.translation && t !== n.translation) || (n.scale && s !== n.scale) || (n.rotation && !finiteArray(n.rotation, 4))) warn('trs');
  return new Float64Array([
    (1 - 2 * (y * y + z * z)) * s[0], 2 * (x * y + w * z) * s[0], 2 * (x * z - w * y) * s[0], 0,
    2 * (x * y - w * z) * s[1], (1 - 2 * (x * x + z * z)) * s[1], 2 * (y * z + w * x) * s[1], 0,
    2 * (x * z + w * y) * s[2], 2 * (y * z - w * x) * s[2], (1 - 2 * (x * x + y * y)) * s[2], 0,
    t[0], t[1], t[2], 1,
  ]);
}

function linearToSrgbHex(rgb: number[]): string {
  const enc = (c: number) => {
    const x = Math.min(1, Math.max(0, Number.isFinite(c) ? c : 1));
    const s = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
    return Math.round(s * 255).toString(16).padStart(2, '0');
  };
  return `#${enc(rgb[0])}${enc(rgb[1])}${enc(rgb[2])}`;
}

/** Positions as float64 (normalized integer positions, KHR_mesh_quantization, decoded). */
function positionsOf(a: Accessor): Float64Array {
  const n = a.getCount();
  const out = new Float64Array(n * 3);
  if (!a.getNormalized()) out.set(a.getArray()!.subarray(0, n * 3));
  else for (let i = 0, e = [0, 0, 0]; i < n; i++) out.set(a.getElement(i, e), 3 * i);
  return out;
}

/** Triangles of a TRIANGLES / TRIANGLE_STRIP / TRIANGLE_FAN index list (winding as the spec defines). */
function trianglesOf(mode: number, ix: Uint32Array): Uint32Array {
  if (mode === 4) return ix.subarray(0, ix.length - (ix.length % 3));
  const out: number[] = [];
  for (let i = 0; i + 2 < ix.length; i++) {
    const [a, b, c] = mode === 5 ? [ix[i], ix[i + 1 + (i % 2)], ix[i + 2 - (i % 2)]] : [ix[i + 1], ix[i + 2], ix[0]];
    if (a !== b && b !== c && a !== c) out.push(a, b, c); // strips use repeated indices as restarts
  }
  return Uint32Array.from(out);
}

/** Only the vertices the triangles use, re-indexed in order of first use. */
function compact(p: Float64Array, tri: Uint32Array): { vertices: Float64Array; triangles: Uint32Array } {
  const map = new Int32Array(p.length / 3).fill(-1);
  const triangles = new Uint32Array(tri.length);
  let n = 0;
  for (let i = 0; i < tri.length; i++) triangles[i] = map[tri[i]] < 0 ? (map[tri[i]] = n++) : map[tri[i]];
  const vertices = new Float64Array(3 * n);
  for (let g = 0; g < map.length; g++) if (map[g] >= 0) vertices.set(p.subarray(3 * g, 3 * g + 3), 3 * map[g]);
  return { vertices, triangles };
}

export const importGltf: Importer = async (bytes, fileName, options = {}): Promise<ImportResult> => {
  try {
    return await readGltf(bytes, fileName, options);
  } catch (e) {
    // JSON of the wrong shape (an object where an array belongs, ...) that the checks above let through
    return { objects: [], issues: [{ path: fileName, severity: 'error', ...say('surfaces.gltf.malformed', { error: (e as Error).message }) }], meta: { format: 'glTF' } };
  }
};

async function readGltf(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const issue: Issue = (said, severity = 'error', at) => issues.push({ path: at === undefined ? fileName : `${fileName}@${at}`, ...said, severity });
  const c = readContainer(bytes, fileName, issue);
  const meta: ImportedMeta = { format: c?.glb ? 'glTF 2.0 (GLB)' : 'glTF 2.0', upAxis: 'y', declaredUnit: 'm' };
  if (!c) return { objects: [], issues, meta: { format: 'glTF' } };
  const { json } = c;
  options.onProgress?.(0.2);
  const required = Array.isArray(json.extensionsRequired) ? json.extensionsRequired : [];
  const compressed = required.filter((e) => COMPRESSION.includes(e));
  if (compressed.length) {
    issue(say('surfaces.gltf.compressed', { extensions: compressed.join(', ') }));
    return { objects: [], issues, meta };
  }
  for (const e of required) if (e !== 'KHR_mesh_quantization') issue(say('surfaces.gltf.extension', { extension: e }), 'warning');
  const textures = Array.isArray((json as { textures?: unknown[] }).textures) ? (json as { textures: unknown[] }).textures.length : 0;
  if (textures > 0) issue(say('surfaces.gltf.textures', { n: textures }), 'warning');

  // Buffers: bytes from the BIN chunk, a data: URI or a companion file; shorter than declared → zero-padded (reported; views into the missing part are refused below).
  const resources: Record<string, Uint8Array> = { __none: new Uint8Array(0) };
  const avail: number[] = [];
  const buffers = (json.buffers ?? []).map((b, i): GLTF.IBuffer => {
    const declared = Number.isInteger(b.byteLength) && b.byteLength >= 0 ? b.byteLength : 0;
    let data: Uint8Array | null = null;
    if (b.uri === undefined) {
      data = c.glb && i === 0 ? c.bin ?? null : null;
      if (!data) issue(say('surfaces.gltf.bufferNoData', { i }));
    } else if (b.uri.startsWith('data:')) {
      data = decodeDataUri(b.uri);
      if (!data) issue(say('surfaces.gltf.bufferDataUri', { i }));
    } else {
      let key = b.uri;
      try { key = decodeURIComponent(b.uri); } catch { /* keep as written */ }
      key = key.split(/[\\/]/).pop()!.toLowerCase();
      data = options.companions?.get(key) ?? null;
      if (!data) issue(say('surfaces.gltf.bufferExternal', { i, uri: b.uri }));
    }
    data ??= new Uint8Array(0);
    avail.push(Math.min(data.length, declared));
    if (data.length < declared) {
      // (a truncated BIN chunk is already reported with its byte offset)
      if (data.length > 0 && !(b.uri === undefined && c.binTruncated)) issue(say('surfaces.gltf.bufferShort', { i, holds: data.length, declared }));
      const padded = new Uint8Array(declared);
      padded.set(data);
      data = padded;
    }
    resources[`__b${i}`] = data;
    return { byteLength: declared, uri: `__b${i}` };
  });
  // Buffer views: a view outside its buffer is replaced by an empty one (accessors on it are refused).
  const viewAvail: number[] = [];
  const views = (json.bufferViews ?? []).map((v, i): GLTF.IBufferView => {
    const off = v.byteOffset ?? 0, b = buffers[v.buffer as number];
    const ok = isIndex(v.buffer, buffers.length) && Number.isInteger(off) && off >= 0 && Number.isInteger(v.byteLength) && off + v.byteLength <= b.byteLength;
    if (!ok) {
      viewAvail.push(-1);
      issue(say('surfaces.gltf.viewOutside', { i }));
      return { buffer: buffers.length, byteLength: 0 };
    }
    viewAvail.push(Math.max(0, Math.min(v.byteLength, avail[v.buffer] - off)));
    return { ...v, byteOffset: off };
  });
  const viewRange = (view: unknown, off: number, bytesNeeded: number): Why | null => {
    if (!isIndex(view, views.length)) return ['view.range', { view: String(view), views: views.length }];
    if (viewAvail[view] < 0) return ['view.invalid', { view }];
    if (off + bytesNeeded > views[view].byteLength) return ['view.pastView', { view }];
    if (off + bytesNeeded > viewAvail[view]) return ['view.pastData', {}];
    return null;
  };
  // Accessors: a bad one is replaced by an empty one; its reason stays for the primitives that use it.
  const accessorBad: (Why | null)[] = [];
  const accessors = (json.accessors ?? []).map((a): GLTF.IAccessor => {
    const comp = COMPONENT_BYTES[a.componentType], size = TYPE_SIZE[a.type];
    let bad: Why | null = null;
    if (!comp || !size) bad = ['accessor.type', { componentType: String(a.componentType), type: String(a.type) }];
    else if (!Number.isInteger(a.count) || a.count < 0) bad = ['accessor.count', { value: String(a.count) }];
    else if (a.bufferView !== undefined) {
      const stride = views[a.bufferView]?.byteStride ?? comp * size;
      bad = viewRange(a.bufferView, a.byteOffset ?? 0, a.count ? (a.count - 1) * stride + comp * size : 0);
    }
    if (!bad && a.sparse) {
      const s = a.sparse, ic = COMPONENT_BYTES[s.indices?.componentType];
      bad = !ic || !Number.isInteger(s.count) ? ['accessor.sparse', {}]
        : viewRange(s.indices.bufferView, s.indices.byteOffset ?? 0, s.count * ic) ?? viewRange(s.values?.bufferView, s.values?.byteOffset ?? 0, s.count * comp * size);
    }
    accessorBad.push(bad);
    return bad ? { componentType: 5126, type: 'SCALAR', count: 0 } : a;
  });
  const materials = (json.materials ?? []).map((m): GLTF.IMaterial => {
    const f = m.pbrMetallicRoughness?.baseColorFactor;
    return { name: m.name, ...(finiteArray(f, 4) ? { pbrMetallicRoughness: { baseColorFactor: f } } : {}) };
  });
  // Primitives: only those whose POSITION and indices accessors are sound; others reported and skipped.
  const kept: number[][] = [];
  const meshes = (json.meshes ?? []).map((m, mi): GLTF.IMesh => {
    const prims: GLTF.IMeshPrimitive[] = [];
    kept.push([]);
    (m.primitives ?? []).forEach((p, pi) => {
      const where = `meshes[${mi}]${m.name ? ` '${m.name}'` : ''} primitive ${pi}`;
      const refs: [string, unknown][] = [['POSITION', p.attributes?.POSITION], ...(p.indices !== undefined ? [['indices', p.indices] as [string, unknown]] : [])];
      let problem: Why | null = null;
      if (p.extensions && COMPRESSION.some((e) => p.extensions![e])) problem = ['primitive.compressed', {}];
      else if (p.attributes?.POSITION === undefined) problem = ['primitive.noPosition', {}];
      else if (p.mode !== undefined && !isIndex(p.mode, 7)) problem = ['primitive.mode', { mode: String(p.mode) }];
      for (const [what, a] of refs) {
        if (problem) break;
        if (!isIndex(a, accessors.length)) problem = ['primitive.accessorRange', { what, a: String(a), accessors: accessors.length }];
        else if (accessorBad[a]) problem = ['primitive.accessorBad', { ...accessorBad[a]![1], what, a, accessorKey: `surfaces.gltf.${accessorBad[a]![0]}` }];
        else if (what === 'POSITION' && accessors[a].type !== 'VEC3') problem = ['primitive.notVec3', { a, type: accessors[a].type }];
        else if (what === 'indices' && (accessors[a].type !== 'SCALAR' || ![5121, 5123, 5125].includes(accessors[a].componentType))) problem = ['primitive.indices', { a }];
      }
      if (problem) return issue(say('surfaces.gltf.primitiveSkipped', { ...problem[1], where, reasonKey: `surfaces.gltf.${problem[0]}` }));
      let mat = {};
      if (isIndex(p.material, materials.length)) mat = { material: p.material };
      else if (p.material !== undefined) issue(say('surfaces.gltf.material', { where, material: String(p.material) }), 'warning');
      prims.push({ attributes: { POSITION: p.attributes.POSITION }, ...(p.indices !== undefined ? { indices: p.indices } : {}), ...(p.mode !== undefined ? { mode: p.mode } : {}), ...mat });
      kept[mi].push(pi);
    });
    return { name: m.name, primitives: prims };
  });

  const io = new WebIO().setLogger(new Logger(Logger.Verbosity.SILENT));
  const clean: GLTF.IGLTF = { asset: { version: '2.0' }, buffers: [...buffers, { byteLength: 0, uri: '__none' }], bufferViews: views, accessors, materials, meshes };
  let doc;
  try {
    doc = await io.readJSON({ json: clean, resources: resources as Record<string, Uint8Array<ArrayBuffer>> });
  } catch (e) {
    issue(say('surfaces.gltf.decode', { error: (e as Error).message }));
    return { objects: [], issues, meta };
  }
  options.onProgress?.(0.6);
  const docMeshes = doc.getRoot().listMeshes();

  // Veinscape's own origin and axes (gltfAxes.ts), from the asset's extras or the scene's.
  const scenes = json.scenes ?? [];
  const sceneIndex = isIndex(json.scene, scenes.length) ? json.scene : scenes.length ? 0 : -1;
  if (json.scene !== undefined && sceneIndex !== json.scene) issue(say('surfaces.gltf.scene', { scene: String(json.scene), used: sceneIndex }), 'warning');
  let vs = readVeinscapeExtras(json.asset.extras);
  if (vs === null && sceneIndex >= 0) vs = readVeinscapeExtras(scenes[sceneIndex].extras);
  if (vs && 'key' in vs) {
    issue(say('surfaces.gltf.extrasIgnored', { ...vs.params, reasonKey: vs.key }), 'warning');
    vs = null;
  }
  if (vs) {
    meta.upAxis = 'z';
    if (vs.units) meta.declaredUnit = vs.units;
    if (vs.crs) meta.crs = vs.crs;
  }

  const objects: ImportedObject[] = [];
  const nodes = json.nodes ?? [];
  const placed = new Set<number>();
  const emit = (mi: number, world: M4, nodeName: string | undefined) => {
    placed.add(mi);
    const prims = docMeshes[mi].listPrimitives();
    prims.forEach((prim, k) => {
      const base = nodeName || json.meshes![mi].name || `mesh ${mi}`;
      const name = (json.meshes![mi].primitives?.length ?? 0) > 1 ? `${base} (primitive ${kept[mi][k]})` : base; // numbered as in the file
      const local = positionsOf(prim.getAttribute('POSITION')!);
      const nv = local.length / 3;
      const p = new Float64Array(local.length);
      const m = world;
      for (let i = 0; i < local.length; i += 3) {
        const x = local[i], y = local[i + 1], z = local[i + 2];
        p[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
        p[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
        p[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
      }
      if (vs && vs.upAxis === 'y') fromGltfAxes(p, vs.origin, p);
      else if (vs) for (let i = 0; i < p.length; i++) p[i] += vs.origin[i % 3];
      const ia = prim.getIndices();
      const ix = ia ? Uint32Array.from(ia.getArray()!) : Uint32Array.from({ length: nv }, (_, i) => i);
      const maxIndex = ix.reduce((a, b) => Math.max(a, b), -1);
      if (maxIndex >= nv) return issue(say('surfaces.gltf.indexRange', { mesh: base, primitive: kept[mi][k], index: maxIndex, nv }));
      // a colour only where the file gives a factor (a material without one is glTF's default white)
      const material = meshes[mi].primitives[k].material;
      const factor = material !== undefined && materials[material].pbrMetallicRoughness ? prim.getMaterial()?.getBaseColorFactor() : undefined;
      const col = factor ? { color: linearToSrgbHex(factor) } : {};
      const mode = prim.getMode();
      if (mode >= 4) {
        const t = compact(p, trianglesOf(mode, ix));
        if (t.triangles.length) objects.push({ type: 'mesh', name, ...t, ...col });
        else issue(say('surfaces.gltf.noTriangle', { mesh: name }), 'warning');
      } else if (mode === 0) {
        const v = new Float64Array(ix.length * 3);
        ix.forEach((g, i) => v.set(p.subarray(3 * g, 3 * g + 3), 3 * i));
        objects.push({ type: 'points', name, vertices: v, ...col });
      } else {
        // LINES joined into polylines where a segment starts at the previous one's end
        const runs: number[][] = [];
        if (mode === 1) {
          for (let i = 0; i + 1 < ix.length; i += 2) {
            const last = runs[runs.length - 1];
            if (last && last[last.length - 1] === ix[i]) last.push(ix[i + 1]);
            else runs.push([ix[i], ix[i + 1]]);
          }
        } else runs.push(mode === 2 && ix.length > 2 ? [...ix, ix[0]] : [...ix]);
        const lines = runs.filter((r) => r.length >= 2).map((r) => {
          const l = new Float64Array(r.length * 3);
          r.forEach((g, i) => l.set(p.subarray(3 * g, 3 * g + 3), 3 * i));
          return l;
        });
        if (lines.length) objects.push({ type: 'lines', name, lines, ...col });
      }
    });
  };
  const visit = (ni: number, parent: M4, path: Set<number>) => {
    if (!isIndex(ni, nodes.length)) return issue(say('surfaces.gltf.nodeRange', { node: String(ni), nodes: nodes.length }));
    if (path.has(ni)) return issue(say('surfaces.gltf.cycle', { node: ni }));
    const n = nodes[ni];
    const world = mul(parent, localMatrix(n, (reason) => issue(say(`surfaces.gltf.node.${reason === 'matrix' ? 'matrix' : 'trs'}`, { node: ni }), 'warning')));
    if (n.mesh !== undefined) {
      if (isIndex(n.mesh, docMeshes.length)) emit(n.mesh, world, n.name);
      else issue(say('surfaces.gltf.meshRange', { node: ni, mesh: String(n.mesh), meshes: docMeshes.length }));
    }
    path.add(ni);
    for (const ch of n.children ?? []) visit(ch, world, path);
    path.delete(ni);
  };
  if (sceneIndex >= 0) for (const ni of scenes[sceneIndex].nodes ?? []) visit(ni, IDENTITY, new Set());
  else if (nodes.length) {
    const child = new Set(nodes.flatMap((n) => n.children ?? []));
    nodes.forEach((_, ni) => !child.has(ni) && visit(ni, IDENTITY, new Set()));
  } else docMeshes.forEach((_, mi) => emit(mi, IDENTITY, undefined)); // no nodes at all: the meshes as stored
  const unplaced = docMeshes.map((_, mi) => mi).filter((mi) => !placed.has(mi));
  if (unplaced.length) issue(say('surfaces.gltf.unplaced', { n: unplaced.length, meshes: unplaced.slice(0, 5).map((mi) => json.meshes![mi].name || `mesh ${mi}`).join(', ') }), 'warning');
  if (!objects.length && !issues.some((i) => i.severity === 'error')) issue(say('surfaces.gltf.empty'));
  options.onProgress?.(1);
  return { objects, issues, meta };
}
