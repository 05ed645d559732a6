/**
 * The loading worker's side of surfaces.worker.ts: posts a copy of the surfaces (and the zones and
 * faults that decide how they are cut) to a second worker, which builds their buffers on the
 * other core while this one desurveys the holes. Resolves with the buffers, or with null when no
 * second worker could help (none can be started here, as in the offline roadshow's inlined
 * worker, or it failed): the caller then builds them itself, with the same code.
 */
import type { Model } from './model';
import type { SurfaceInput } from '../domain/prepare';
import type { SurfaceBuffer } from '../domain/surfaceBuffer';
import type { Vec3 } from '../domain/vec3';

export interface SurfaceJobRequest {
  input: SurfaceInput;
  /** the local origin of the dataset (prepare's), m */
  origin: Vec3;
}

export interface SurfaceJobResult {
  surfaces: SurfaceBuffer[] | null;
  error?: string;
}

/** Worth a second worker: below this many surface triangles the copy and start cost more than they save. */
export const SURFACE_JOB_MIN_TRIANGLES = 100_000;

/**
 * The second worker, started while the file is read (loader.worker.ts: half-way through a URL, at
 * once for an opened file): a worker started by a worker is fetched and set up through its
 * parent's event loop, so one created when the surfaces are due would sit idle until the parent's
 * long desurvey task ends (seen in traces: it then ran after it, not beside it). Started early, it
 * is ready when the job is posted.
 */
let prestarted: Worker | null = null;

function createWorker(): Worker | null {
  // A worker inlined as a blob (or a page opened from the file system) cannot start one from a file.
  if (typeof Worker === 'undefined' || !/^https?:$/.test(self.location.protocol)) return null;
  try {
    return new Worker(new URL('./surfaces.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Before the long tasks of a load (while its file is read). */
export function prestartSurfaceWorker(): void {
  prestarted ??= createWorker();
}

function takeWorker(): Worker | null {
  const w = prestarted ?? createWorker();
  prestarted = null;
  return w;
}

export function startSurfaceJob(model: Model, origin: Vec3): Promise<SurfaceBuffer[] | null> {
  const triangles = model.surfaces.reduce((n, s) => n + s.triangles.length / 3, 0);
  if (triangles < SURFACE_JOB_MIN_TRIANGLES) {
    takeWorker()?.terminate();
    return Promise.resolve(null);
  }
  const worker = takeWorker();
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (surfaces: SurfaceBuffer[] | null) => {
      worker.terminate();
      resolve(surfaces);
    };
    worker.onmessage = (e: MessageEvent<SurfaceJobResult>) => done(e.data.surfaces);
    worker.onerror = (e) => {
      e.preventDefault();
      done(null);
    };
    worker.onmessageerror = () => done(null);
    // A structured clone: the surfaces' arrays are copied (the model keeps its own for the page).
    const input: SurfaceInput = { zones: model.zones, faults: model.faults, surfaces: model.surfaces };
    const req: SurfaceJobRequest = { input, origin };
    worker.postMessage(req);
  });
}
