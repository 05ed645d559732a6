/// <reference lib="webworker" />
/**
 * Simplified copies of a large surface's index (surfaceLevels.ts), built here so the page's main
 * thread never runs the simplifier (0.5-1.5 s per half-million-triangle sheet).
 */
import { surfaceLevels } from './surfaceLevels';
import type { SurfaceLodRequest, SurfaceLodResult } from './surfaceLodClient';

const post = (m: SurfaceLodResult, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<SurfaceLodRequest>) => {
  const { id, positions, normals, indices, diagonal } = e.data;
  try {
    const levels = await surfaceLevels(positions, normals, indices, diagonal);
    post({ id, levels }, levels.map((l) => l.indices.buffer as ArrayBuffer));
  } catch (err) {
    post({ id, levels: null, error: (err as Error).message });
  }
};
