/**
 * Work that must happen before a new layer is first drawn (building its geometry, uploading its
 * buffers and textures, linking its shader program), run one step per main-thread task.
 *
 * Why: on software WebGL the first frame of a large deposit did all of it at once, one task of
 * 0.5-0.8 s. A job is a generator: each `yield` ends a step, and the next step runs in a later
 * task, so input and other work get in between. Jobs belong to a batch (the dataset version that
 * mounted them); a layer is shown only once its whole batch is done, so a new dataset appears in
 * one frame rather than layer by layer (each partial frame of a big deposit costs seconds of
 * software rasterising). A step may also yield a promise: the queue waits for it before any next
 * step (e.g. until the GPU process has digested an upload, see gpuFence.ts).
 */

import { laterTask } from '../domain/sliced';

export type WarmJob<T = unknown> = Generator<void | Promise<unknown>, T, void>;

/**
 * The batch of a job no dataset's first picture waits for: a shown layer's rebuild (the
 * emphasised grades after a change of the intercept cut-off, lodOverlayJob.ts). It keeps no
 * batch pending (frames go on, the layer draws what it drew) and is not counted by the progress
 * bar; `idle()` (what `veinscape.ready()` waits for) waits for it too.
 */
export const NO_BATCH = -1;

interface Entry {
  batch: number;
  job: WarmJob;
  onDone: (value: unknown) => void;
}

/** Runs a callback in a later task (a message, which is not clamped like nested timeouts). */
export type Scheduler = (run: () => void) => void;

export class WarmQueue {
  private entries: Entry[] = [];
  private scheduled = false;
  /** a step's promise is pending */
  private waiting = false;
  private listeners = new Set<() => void>();
  private schedule: Scheduler | null;
  /** jobs ever added and jobs ended (done or dropped) of the latest batch, for a progress bar */
  private counted = { batch: -1, added: 0, ended: 0 };

  constructor(schedule?: Scheduler) {
    this.schedule = schedule ?? null;
  }

  /** Queues a job; returns a function that drops it (when its layer goes away first). */
  add<T>(batch: number, job: WarmJob<T>, onDone: (value: T) => void = () => undefined): () => void {
    const entry: Entry = { batch, job, onDone: onDone as (value: unknown) => void };
    this.entries.push(entry);
    this.count(batch, 1, 0);
    this.kick();
    this.notify();
    return () => {
      const i = this.entries.indexOf(entry);
      if (i < 0) return;
      this.entries.splice(i, 1);
      this.count(batch, 0, 1);
      entry.job.return(undefined as never);
      this.notify();
    };
  }

  /** Whether any job of any batch is queued or running. */
  get busy(): boolean {
    return this.entries.length > 0;
  }

  /** Resolves once no job of any batch is queued or running. */
  idle(): Promise<void> {
    if (this.entries.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.entries.length > 0) return;
        off();
        resolve();
      });
    });
  }

  /** Whether any job of this batch is still waiting or running. */
  pending(batch: number): boolean {
    return this.entries.some((e) => e.batch === batch);
  }

  /**
   * The share of this batch's jobs that have ended, 0 to 1: what the
   * progress bar shows while a new dataset's layers go up to the GPU. Counted for the latest batch
   * only (an older one is dropped with its layers).
   */
  fraction(batch: number): number {
    const c = this.counted;
    // An older batch is over; a newer one, or one whose layers have not queued yet (the 3D scene
    // commits after the interface that asks), has not started.
    if (batch < c.batch) return 1;
    return batch > c.batch || c.added === 0 ? 0 : Math.min(1, c.ended / c.added);
  }

  /**
   * A new batch counts the older jobs still queued ahead of it too (the shader programs compiled
   * before any dataset, ShaderWarmup.tsx): its layers wait for them, and the bar moves as they end.
   */
  private count(batch: number, added: number, ended: number): void {
    if (batch === NO_BATCH) return;
    // (called after the queue has changed: a new job is already among the entries)
    if (batch > this.counted.batch) this.counted = { batch, added: this.entries.length - added, ended: 0 };
    const c = this.counted;
    if (batch === c.batch) c.added += added;
    if (batch <= c.batch) c.ended += ended;
  }

  /** Called after every change of what is pending (a job added, finished or dropped). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private kick(): void {
    if (this.scheduled || this.waiting || this.entries.length === 0) return;
    this.scheduled = true;
    (this.schedule ??= laterTask)(this.step);
  }

  /** One step of the oldest job. */
  private step = (): void => {
    this.scheduled = false;
    const entry = this.entries[0];
    if (!entry) return;
    let result: IteratorResult<void | Promise<unknown>, unknown>;
    try {
      result = entry.job.next();
    } catch (e) {
      // A layer that cannot be prepared ahead is still drawn (three prepares it in the frame).
      console.error('warm-up step failed', e);
      result = { done: true, value: undefined };
    }
    if (result.done) {
      this.entries.shift();
      this.count(entry.batch, 0, 1);
      entry.onDone(result.value);
      this.notify();
    } else if (result.value) {
      this.waiting = true;
      const resume = () => {
        this.waiting = false;
        this.kick();
      };
      result.value.then(resume, resume);
      return;
    }
    this.kick();
  };
}

/** The page's queue (one renderer, one main thread). */
export const warmQueue = new WarmQueue();
