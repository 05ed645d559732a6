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

  constructor(schedule?: Scheduler) {
    this.schedule = schedule ?? null;
  }

  /** Queues a job; returns a function that drops it (when its layer goes away first). */
  add<T>(batch: number, job: WarmJob<T>, onDone: (value: T) => void = () => undefined): () => void {
    const entry: Entry = { batch, job, onDone: onDone as (value: unknown) => void };
    this.entries.push(entry);
    this.kick();
    this.notify();
    return () => {
      const i = this.entries.indexOf(entry);
      if (i < 0) return;
      this.entries.splice(i, 1);
      entry.job.return(undefined as never);
      this.notify();
    };
  }

  /** Whether any job of this batch is still waiting or running. */
  pending(batch: number): boolean {
    return this.entries.some((e) => e.batch === batch);
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
