/**
 * Simplified copies of a large surface (domain/surfaceLod.ts), by meshoptimizer's simplifier (npm
 * `meshoptimizer`, MIT, kept by its author since 2016 and used by glTF-Transform's `simplify`; its
 * WebAssembly is inlined in the module, so it runs in a worker with no fetch). It collapses edges
 * and keeps a subset of the vertices, so a copy is only a new index over the surface's own
 * positions, normals and fault masks, with its error in metres: nothing else to upload or keep.
 */
import { MeshoptSimplifier } from 'meshoptimizer';
import { SURFACE_LOD_ERRORS, SURFACE_LOD_MAX_SHARE, SURFACE_LOD_NORMAL_TOLERANCE, type SurfaceLevel } from '../domain/surfaceLod';

/** The copies, coarser with the index (none when simplifying does not halve the triangles). `diagonal`: of the surface's box, m. */
export async function surfaceLevels(positions: Float32Array, normals: Float32Array, indices: Uint32Array, diagonal: number): Promise<SurfaceLevel[]> {
  await MeshoptSimplifier.ready;
  const levels: SurfaceLevel[] = [];
  let finer = indices.length;
  // Each copy is simplified from the last one kept (a tenth of the triangles on the stress
  // sheets), not from the full surface again, which cost as much as the first pass. Its error from the full
  // surface is at most the sum of the two (the triangle inequality), and is recorded so.
  let source = indices;
  let sourceError = 0;
  for (const share of SURFACE_LOD_ERRORS) {
    const target = Math.max(share * diagonal - sourceError, 0);
    // Normals weighed so that, for an error of `target` metres, a normal moves by at most
    // SURFACE_LOD_NORMAL_TOLERANCE: the copy shades as the full surface does.
    const w = target / SURFACE_LOD_NORMAL_TOLERANCE;
    // LockBorder: the outline and the cuts along faults (a vertex of two fault blocks is two
    // vertices, so a cut is a border) stay where they are, and neighbouring blocks still meet.
    const [index, error] = MeshoptSimplifier.simplifyWithAttributes(source, positions, 3, normals, 3, [w, w, w], null, 0, target, ['ErrorAbsolute', 'LockBorder']);
    if (index.length > SURFACE_LOD_MAX_SHARE * finer) continue;
    levels.push({ indices: index, error: sourceError + error });
    finer = index.length;
    source = index;
    sourceError += error;
  }
  return levels;
}
