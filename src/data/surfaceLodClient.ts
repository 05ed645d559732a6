/**
 * A large surface's simplified copies for the page: those built during the load (surfaces.worker.ts,
 * travelling with the buffer), else, where the load had no second worker or it failed, built now in
 * surfaceLod.worker.ts: one worker, one surface at a time, started on the first request and ended
 * when none is left. `surfaceLevelsIdle()` lets `veinscape.ready()` wait until
 * the copies asked for are back (the picture would change when they arrive).
 */
import type { SurfaceBuffer } from '../domain/surfaceBuffer';
import { boxDiagonal, type SurfaceLevel } from '../domain/surfaceLod';

export interface SurfaceLodRequest {
  id: number;
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** the surface box's diagonal, m */
  diagonal: number;
}

export interface SurfaceLodResult {
  id: number;
  /** coarser with the index; null: the worker failed (the surface is drawn at full detail) */
  levels: SurfaceLevel[] | null;
  error?: string;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (levels: SurfaceLevel[] | null) => void>();
let idle: (() => void)[] = [];

function settle(id: number, levels: SurfaceLevel[] | null): void {
  const resolve = waiting.get(id);
  waiting.delete(id);
  resolve?.(levels);
  if (waiting.size > 0) return;
  worker?.terminate();
  worker = null;
  const done = idle;
  idle = [];
  // After the callers' own reactions to the result (a new frame asked for), in a later task.
  setTimeout(() => done.forEach((f) => f()), 0);
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined' || !/^https?:$/.test(globalThis.location?.protocol ?? '')) return null;
  try {
    const w = new Worker(new URL('./surfaceLod.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<SurfaceLodResult>) => settle(e.data.id, e.data.levels);
    const fail = () => [...waiting.keys()].forEach((id) => settle(id, null));
    w.onerror = (e) => {
      e.preventDefault();
      fail();
    };
    w.onmessageerror = fail;
    return w;
  } catch {
    return null;
  }
}

/** Each surface's copies, asked for once (a layer drawn again, e.g. after "grade on the vein", reuses them). */
const asked = new WeakMap<SurfaceBuffer, Promise<SurfaceLevel[] | null>>();

/** The simplified copies of `s` (copies of its arrays go to the worker), or null when none can be built. */
export function requestSurfaceLevels(s: SurfaceBuffer): Promise<SurfaceLevel[] | null> {
  // Built with the buffer during the load (surfaces.worker.ts): nothing to ask for.
  if (s.levels) return Promise.resolve(s.levels);
  let p = asked.get(s);
  if (!p) {
    p = build(s);
    asked.set(s, p);
  }
  return p;
}

function build(s: SurfaceBuffer): Promise<SurfaceLevel[] | null> {
  worker ??= startWorker();
  if (!worker) return Promise.resolve(null);
  const diagonal = boxDiagonal(s.bounds);
  if (!(diagonal > 0)) return Promise.resolve(null);
  const id = nextId++;
  const req: SurfaceLodRequest = { id, positions: s.positions, normals: s.normals, indices: s.indices, diagonal };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    // A structured clone: the page keeps its arrays (drawn and picked at full detail).
    worker!.postMessage(req);
  });
}

/** Resolves once no copy is being built. */
export function surfaceLevelsIdle(): Promise<void> {
  if (waiting.size === 0) return Promise.resolve();
  return new Promise((r) => idle.push(r));
}
