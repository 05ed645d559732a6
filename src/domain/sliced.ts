/**
 * Long computations written as generators that `yield` at safe points (between holes, every few
 * thousand segments), so the same code runs to completion in tests and exports (`drain`) or in
 * short slices on the main thread (`runSliced`), keeping input and frames flowing. No
 * react/three/zustand.
 */

/** Run a step generator to completion synchronously and return its result. */
export function drain<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `run` in a later task: a message on a channel, not setTimeout(0). Browsers clamp nested
 * timeouts to 4 ms from the fifth on (HTML spec), so a computation in 8 ms slices chained by
 * timeouts sat idle a third of the time: 100 chained timeouts took 416 ms in Chromium, 100 chained
 * messages 2 ms. Falls back to setTimeout where there is no MessageChannel.
 */
export function laterTask(run: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(run, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
    // In Node (tests), an open port would keep the process alive.
    (channel.port1 as unknown as { unref?: () => void }).unref?.();
  }
  queued.push(run);
  channel.port2.postMessage(null);
}

let channel: MessageChannel | null = null;
const queued: (() => void)[] = [];

/** Resolves in a later task (see laterTask). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => laterTask(resolve));
}

export interface SlicedRun<T> {
  /** resolves with the generator's result; never settles once cancelled */
  promise: Promise<T>;
  /** stop at the next yield; the promise never settles */
  cancel(): void;
}

/**
 * What background runs give way to: null while nothing must come first, else a promise that
 * settles when it is done. The page sets it to a new dataset's picture, from the warm-up of its
 * layers until the GPU has finished its first frame (scene/foreground.ts): the intercepts of
 * 10,000 holes, computed while the first picture was being prepared, took 0.9 s of the main thread
 * between its steps.
 */
let foreground: () => Promise<unknown> | null = () => null;

export function setForeground(f: () => Promise<unknown> | null): void {
  foreground = f;
}

/**
 * Run `steps` in slices of about `budgetMs` (ms) of main-thread time, each slice a separate task
 * (laterTask) so input events and frames get in between. A step that throws rejects the promise.
 * With `after`, the first slice waits until that promise settles. A `background` run (nothing on
 * screen waits for it) waits before each slice while the foreground (setForeground) is busy.
 */
export function runSliced<T>(steps: Iterator<unknown, T>, budgetMs = 8, after?: Promise<unknown>, background = false): SlicedRun<T> {
  let cancelled = false;
  const promise = new Promise<T>((resolve, reject) => {
    const slice = () => {
      if (cancelled) return;
      const first = background ? foreground() : null;
      if (first) {
        first.then(() => laterTask(slice), () => laterTask(slice));
        return;
      }
      const end = performance.now() + budgetMs;
      try {
        do {
          const r = steps.next();
          if (r.done) {
            resolve(r.value);
            return;
          }
        } while (performance.now() < end);
      } catch (e) {
        reject(e);
        return;
      }
      laterTask(slice);
    };
    const begin = () => {
      if (!cancelled) laterTask(slice);
    };
    // `after`: inputs still on their way (e.g. vein grids from the loading worker); start then.
    if (after) after.then(begin, begin);
    else begin();
  });
  return {
    promise,
    cancel: () => {
      // The slice already queued sees the flag and stops.
      cancelled = true;
    },
  };
}

/**
 * Take the first step now, so a generator that checks its arguments before its first `yield`
 * throws here, synchronously; the returned iterator goes on from there (and still gives the
 * result when the first step was also the last).
 */
export function started<T>(steps: Iterator<unknown, T>): Iterator<unknown, T> {
  const first = steps.next();
  return first.done ? { next: () => first } : steps;
}
