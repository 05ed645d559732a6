/**
 * Veinscape's glTF axis convention, shared by the glTF exporter (src/export/meshExport.ts) and the
 * glTF importer (gltf.ts) so that a file written by one reads back in place with the other.
 *
 * Project coordinates are (e, n, z): easting, northing, elevation in metres, Z up. glTF is Y up
 * by specification (+Y up, +Z toward the viewer, right-handed), and its float32 accessors cannot
 * hold UTM coordinates (about 0.5 m lost at 5.3 million m), so the exporter writes positions
 * relative to a project origin (e0, n0, z0) and rotated to Y up:
 *
 *   x_gl = e - e0      y_gl = z - z0      z_gl = -(n - n0)
 *
 * a proper rotation (+90 degrees about east, determinant +1): handedness and triangle winding are
 * kept, and north is -Z as in every glTF viewer. The inverse, applied by the importer in float64:
 *
 *   e = x_gl + e0      n = -z_gl + n0     z = y_gl + z0
 *
 * The origin and the convention travel in `asset.extras.veinscape = { origin: [e0, n0, z0],
 * upAxis: 'y', units?: 'm', crs?: '...' }`; upAxis 'z' would mean positions are relative to the
 * origin but not rotated (x = e - e0, y = n - n0, z = z - z0).
 */

/** [e0, n0, z0], metres in project coordinates. */
import { say, type Said } from '../../domain/message';
export type GltfOrigin = readonly [number, number, number];

/** What `asset.extras.veinscape` (or a scene's `extras.veinscape`) holds. */
export interface VeinscapeGltfInfo {
  origin: [number, number, number];
  /** axes of the positions in the file: 'y' = the rotation above (what the exporter writes) */
  upAxis: 'y' | 'z';
  units?: string;
  crs?: string;
}

/**
 * Project (e, n, z) flat triples → glTF (x, y, z) relative to `origin`. `out` may be a
 * Float32Array (the glb's accessor: the subtraction happens in float64 first, then one rounding)
 * or a Float64Array; it defaults to a new Float64Array.
 */
export function toGltfAxes<T extends Float32Array | Float64Array = Float64Array>(
  world: ArrayLike<number>,
  origin: GltfOrigin,
  out?: T,
): T {
  const o = out ?? (new Float64Array(world.length) as T);
  const [e0, n0, z0] = origin;
  for (let i = 0; i + 2 < world.length; i += 3) {
    const e = world[i], n = world[i + 1], z = world[i + 2];
    o[i] = e - e0;
    o[i + 1] = z - z0;
    o[i + 2] = n0 - n; // = -(n - n0) exactly, without a -0
  }
  return o;
}

/** glTF (x, y, z) flat triples, relative to `origin` → project (e, n, z), float64. */
export function fromGltfAxes(gl: ArrayLike<number>, origin: GltfOrigin, out?: Float64Array): Float64Array {
  const o = out ?? new Float64Array(gl.length);
  const [e0, n0, z0] = origin;
  for (let i = 0; i + 2 < gl.length; i += 3) {
    const x = gl[i], y = gl[i + 1], z = gl[i + 2];
    o[i] = x + e0;
    o[i + 1] = n0 - z;
    o[i + 2] = y + z0;
  }
  return o;
}

/**
 * The Veinscape block of a glTF `extras` object, or null when there is none; a block that is
 * present but malformed gives a message instead (the caller reports it and ignores it).
 */
export function readVeinscapeExtras(extras: unknown): VeinscapeGltfInfo | Said | null {
  if (!extras || typeof extras !== 'object') return null;
  const v = (extras as Record<string, unknown>).veinscape;
  if (v === undefined) return null;
  if (!v || typeof v !== 'object') return say('surfaces.gltf.extras.notObject');
  const b = v as Record<string, unknown>;
  const o = b.origin;
  if (!Array.isArray(o) || o.length !== 3 || !o.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    return say('surfaces.gltf.extras.origin');
  }
  const up = b.upAxis ?? 'y'; // glTF's own convention when the block does not say
  if (up !== 'y' && up !== 'z') return say('surfaces.gltf.extras.upAxis', { value: JSON.stringify(up) });
  return {
    origin: [o[0], o[1], o[2]],
    upAxis: up,
    ...(typeof b.units === 'string' ? { units: b.units } : {}),
    ...(typeof b.crs === 'string' ? { crs: b.crs } : {}),
  };
}
