/// <reference lib="webworker" />
/**
 * Builds the surfaces' buffers (fault cuts, local float32 positions, normals, bounds) for the
 * loading worker, on the machine's other core, while the loading worker desurveys the holes:
 * at 10,000 holes and 2 M vein triangles the two halves of `prepare` take about 1 s each. The
 * result goes back as transferables. See surfaceJob.ts.
 */
import { surfaceBuffers } from '../domain/prepare';
import { surfaceBounds } from '../domain/bounds';
import type { SurfaceJobRequest, SurfaceJobResult } from './surfaceJob';

const post = (m: SurfaceJobResult, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (e: MessageEvent<SurfaceJobRequest>) => {
  try {
    const surfaces = surfaceBuffers(e.data.input, e.data.origin);
    const out = new Set<ArrayBuffer>();
    for (const s of surfaces) {
      s.bounds = surfaceBounds(s.positions);
      for (const a of [s.positions, s.normals, s.masks, s.indices, s.bounds]) if (a) out.add(a.buffer as ArrayBuffer);
    }
    post({ surfaces }, [...out]);
  } catch (err) {
    post({ surfaces: null, error: (err as Error).message });
  }
};
