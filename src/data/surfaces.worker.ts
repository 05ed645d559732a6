/// <reference lib="webworker" />
/**
 * Builds the surfaces' buffers (fault cuts, local float32 positions, normals, bounds) for the
 * loading worker, on the machine's other core, while the loading worker desurveys the holes:
 * at 10,000 holes and 2 M vein triangles the two halves of `prepare` take about 1 s each. The
 * result goes back as transferables. From 400,000 surface triangles two of these workers share
 * the surfaces (surfaceJobParts), each given the fault surfaces that cut its own. See surfaceJob.ts.
 */
import { faultModelsOf, surfaceBuffers } from '../domain/prepare';
import { surfaceBounds } from '../domain/bounds';
import type { SurfaceJobRequest, SurfaceJobResult, SurfaceJobStep, SurfaceWarmRequest } from './surfaceJob';
import { surfaceLevels, warmSurfaceLevels } from './surfaceLevels';
import { boxDiagonal, SURFACE_LOD_MIN_TRIANGLES, type SurfaceLevel } from '../domain/surfaceLod';
import type { SurfaceBuffer } from '../domain/surfaceBuffer';

/**
 * A large surface's simplified copies, built here during the load (on this core, beside the holes'
 * desurvey) so its first frame draws them. Asked for when first drawn, they came seconds after the
 * first picture, and `ready()` waited for them (10,000 x 100: 9.0 -> 14.1 s). Undefined when the
 * surface is small or the simplifier fails: the page then asks for them itself.
 */
async function levelsOf(s: SurfaceBuffer): Promise<SurfaceLevel[] | undefined> {
  const diagonal = boxDiagonal(s.bounds);
  if (s.indices.length / 3 < SURFACE_LOD_MIN_TRIANGLES || !(diagonal > 0)) return undefined;
  try {
    return await surfaceLevels(s.positions, s.normals, s.indices, diagonal);
  } catch {
    return undefined;
  }
}

const post = (m: SurfaceJobResult | SurfaceJobStep, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<SurfaceJobRequest | SurfaceWarmRequest>) => {
  if ('warm' in e.data) {
    // A warm-up that fails is no loss: the job then runs as it did without one.
    await warmSurfaceLevels().catch(() => undefined);
    return;
  }
  try {
    const { input, origin, build = input.surfaces.length } = e.data;
    // The faults cut with every fault surface sent, this worker builds the first `build` surfaces.
    const surfaces = surfaceBuffers({ ...input, surfaces: input.surfaces.slice(0, build) }, origin, faultModelsOf(input));
    const out = new Set<ArrayBuffer>();
    // Steps for the load's progress: the buffers, then each surface's copies.
    const steps = 1 + surfaces.length;
    post({ step: 1, steps });
    for (const [i, s] of surfaces.entries()) {
      s.bounds = surfaceBounds(s.positions);
      s.levels = await levelsOf(s);
      post({ step: 2 + i, steps });
      for (const a of [s.positions, s.normals, s.masks, s.indices, s.bounds, ...(s.levels ?? []).map((l) => l.indices)]) if (a) out.add(a.buffer as ArrayBuffer);
    }
    post({ surfaces }, [...out]);
  } catch (err) {
    post({ surfaces: null, error: (err as Error).message });
  }
};
