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
    // Sparse, for a copy of a copy: its index uses a tenth of the vertices, and the simplifier
    // then works on those alone (the stress sheets' second copy: 135 -> 45 ms, the same copy).
    const flags: Parameters<typeof MeshoptSimplifier.simplify>[5] = source === indices ? ['ErrorAbsolute', 'LockBorder'] : ['ErrorAbsolute', 'LockBorder', 'Sparse'];
    const [index, error] = MeshoptSimplifier.simplifyWithAttributes(source, positions, 3, normals, 3, [w, w, w], null, 0, target, flags);
    if (index.length > SURFACE_LOD_MAX_SHARE * finer) continue;
    levels.push({ indices: index, error: sourceError + error });
    finer = index.length;
    source = index;
    sourceError += error;
  }
  return levels;
}

/** Cells a side of the made-up sheet of warmSurfaceLevels (20,000 triangles). */
const WARM_CELLS = 100;

/**
 * Runs the simplifier once on a small made-up sheet (a 100 m square of 1 m cells, a 5 m bump), so
 * that the browser has compiled its WebAssembly to fast code before the first real surface: V8
 * starts a module on its baseline compiler and swaps in the optimised code only between calls, so
 * the first simplification of a 500,000-triangle sheet ran all in baseline code (in Node, 820-880
 * ms for the first sheet's copies against 550-620 ms for the next; 670-720 ms after this).
 */
export async function warmSurfaceLevels(): Promise<void> {
  const n = WARM_CELLS;
  const positions = new Float32Array((n + 1) * (n + 1) * 3);
  const normals = new Float32Array(positions.length);
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const v = (j * (n + 1) + i) * 3;
      positions.set([i, j, 5 * Math.sin((Math.PI * i) / n) * Math.sin((Math.PI * j) / n)], v);
      normals[v + 2] = 1;
    }
  }
  const indices = new Uint32Array(n * n * 6);
  for (let j = 0, k = 0; j < n; j++) {
    for (let i = 0; i < n; i++, k += 6) {
      const a = j * (n + 1) + i;
      indices.set([a, a + 1, a + n + 1, a + 1, a + n + 2, a + n + 1], k);
    }
  }
  await surfaceLevels(positions, normals, indices, Math.hypot(n, n));
}
