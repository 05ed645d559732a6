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
import { SURFACE_LOD_MIN_TRIANGLES } from '../domain/surfaceLod';

export interface SurfaceJobRequest {
  input: SurfaceInput;
  /** the local origin of the dataset (prepare's), m */
  origin: Vec3;
  /** build the first `build` surfaces of input (the others are faults that cut them); all when absent */
  build?: number;
}

/** Asks a prestarted worker to warm its simplifier up (surfaceLevels.ts) while it waits for the job. */
export interface SurfaceWarmRequest {
  warm: true;
}

export interface SurfaceJobResult {
  surfaces: SurfaceBuffer[] | null;
  error?: string;
}

/**
 * A surfaces worker's step done (a surface's buffers, or its simplified copies), so the load's
 * progress moves while it waits for them: at 10,000 x 100 the copies kept the bar still for 1.5 s.
 */
export interface SurfaceJobStep {
  step: number;
  /** the worker's steps in all */
  steps: number;
}

/** Worth a second worker: below this many surface triangles the copy and start cost more than they save. */
export const SURFACE_JOB_MIN_TRIANGLES = 100_000;

/**
 * The surfaces split for two workers: each part's input holds the surfaces it builds first (in
 * the model's order), then the fault surfaces that cut them and are not among them; `indices` are
 * the built surfaces' places in the model. Balanced by triangles (the work of cutting and
 * simplifying grows with them), the largest first into the lighter part.
 */
export function surfaceJobParts(input: SurfaceInput, parts: number): { input: SurfaceInput; build: number; indices: number[] }[] {
  const load = Array.from({ length: parts }, () => 0);
  const members: number[][] = Array.from({ length: parts }, () => []);
  const order = input.surfaces.map((_, i) => i).sort((a, b) => input.surfaces[b].triangles.length - input.surfaces[a].triangles.length || a - b);
  for (const i of order) {
    const k = load.indexOf(Math.min(...load));
    members[k].push(i);
    load[k] += input.surfaces[i].triangles.length;
  }
  const faultIds = new Set(input.faults.map((f) => f.surface));
  return members.filter((m) => m.length > 0).map((m) => {
    const indices = m.sort((a, b) => a - b);
    const mine = new Set(indices);
    const cutters = input.surfaces.filter((s, i) => faultIds.has(s.id) && !mine.has(i));
    return { input: { zones: input.zones, faults: input.faults, surfaces: [...indices.map((i) => input.surfaces[i]), ...cutters] }, build: indices.length, indices };
  });
}

/** Two workers from this many surface triangles: below, one does it within the holes' desurvey. */
export const SURFACE_JOB_SPLIT_TRIANGLES = 400_000;

/**
 * The second and third workers, started while the file is read (loader.worker.ts: half-way
 * through a URL, at once for an opened file): a worker started by a worker is fetched and set up
 * through its parent's event loop, so one created when the surfaces are due would sit idle until
 * the parent's long desurvey task ends (seen in traces: it then ran after it, not beside it).
 * Started early, they are ready when the job is posted. Two, because at 10,000 x 100 the surfaces
 * (fault cuts and simplified copies) took 2.8 s on one worker while the holes took 1.05 s on the
 * loading one, which then waited 1.75 s for them.
 */
let prestarted: Worker[] = [];

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
  while (prestarted.length < 2) {
    const w = createWorker();
    if (!w) return;
    prestarted.push(w);
  }
}

/**
 * Whether a parsed, not yet validated document (JSON or the binary form's) holds a surface large
 * enough to get simplified copies: its `triangles` list of corner indices, 3 a triangle, an array
 * or a typed array. A lower bound (the fault cuts add triangles), enough to decide a warm-up.
 */
export function hasSurfaceForCopies(doc: unknown): boolean {
  const surfaces = (doc as { surfaces?: unknown } | null)?.surfaces;
  if (!Array.isArray(surfaces)) return false;
  return surfaces.some((s) => {
    const t = (s as { triangles?: { length?: unknown } } | null)?.triangles;
    return typeof t?.length === 'number' && t.length / 3 >= SURFACE_LOD_MIN_TRIANGLES;
  });
}

/**
 * The prestarted workers warm their simplifier up while this worker validates the document: at
 * 10,000 x 100 its first sheet was otherwise simplified in the browser's baseline WebAssembly code.
 * Asked only when the document has a surface to copy, so a small load does not pay for it.
 */
export function warmSurfaceWorkers(): void {
  const warm: SurfaceWarmRequest = { warm: true };
  for (const w of prestarted) w.postMessage(warm);
}

function takeWorkers(count: number): Worker[] {
  const out = prestarted.splice(0, count);
  for (const w of prestarted.splice(0)) w.terminate();
  while (out.length < count) {
    const w = createWorker();
    if (!w) break;
    out.push(w);
  }
  return out;
}

/** One worker's part: its buffers, in the order of its `build` surfaces, or null when it failed. */
function runPart(worker: Worker, req: SurfaceJobRequest, onStep: (done: number) => void): Promise<SurfaceBuffer[] | null> {
  return new Promise((resolve) => {
    const done = (surfaces: SurfaceBuffer[] | null) => {
      worker.terminate();
      resolve(surfaces);
    };
    worker.onmessage = (e: MessageEvent<SurfaceJobResult | SurfaceJobStep>) => {
      if ('step' in e.data) onStep(e.data.step / e.data.steps);
      else done(e.data.surfaces);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done(null);
    };
    worker.onmessageerror = () => done(null);
    // A structured clone: the surfaces' arrays are copied (the model keeps its own for the page).
    worker.postMessage(req);
  });
}

/** `onProgress`: the share of the job's steps done (0-1), each part's steps counted alike. */
export async function startSurfaceJob(model: Model, origin: Vec3, onProgress: (done: number) => void = () => undefined): Promise<SurfaceBuffer[] | null> {
  const triangles = model.surfaces.reduce((n, s) => n + s.triangles.length / 3, 0);
  if (triangles < SURFACE_JOB_MIN_TRIANGLES) {
    takeWorkers(0);
    return null;
  }
  const input: SurfaceInput = { zones: model.zones, faults: model.faults, surfaces: model.surfaces };
  const parts = surfaceJobParts(input, triangles >= SURFACE_JOB_SPLIT_TRIANGLES ? 2 : 1);
  const workers = takeWorkers(parts.length);
  if (workers.length < parts.length) {
    workers.forEach((w) => w.terminate());
    return null;
  }
  const shares = parts.map(() => 0);
  const built = await Promise.all(
    parts.map((p, k) =>
      runPart(workers[k], { input: p.input, origin, build: p.build }, (done) => {
        shares[k] = done;
        onProgress(shares.reduce((a, b) => a + b, 0) / shares.length);
      }),
    ),
  );
  const out: SurfaceBuffer[] = new Array(model.surfaces.length);
  for (const [k, p] of parts.entries()) {
    const b = built[k];
    if (!b || b.length !== p.build) return null;
    p.indices.forEach((i, j) => (out[i] = b[j]));
  }
  return out;
}
