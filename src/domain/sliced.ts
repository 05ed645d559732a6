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

export interface SlicedRun<T> {
  /** resolves with the generator's result; never settles once cancelled */
  promise: Promise<T>;
  /** stop at the next yield; the promise never settles */
  cancel(): void;
}

/**
 * Run `steps` in slices of about `budgetMs` (ms) of main-thread time, each slice a separate task
 * (setTimeout 0) so input events and frames get in between. A step that throws rejects the promise.
 * With `after`, the first slice waits until that promise settles.
 */
export function runSliced<T>(steps: Iterator<unknown, T>, budgetMs = 8, after?: Promise<unknown>): SlicedRun<T> {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<T>((resolve, reject) => {
    const slice = () => {
      if (cancelled) return;
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
      timer = setTimeout(slice, 0);
    };
    const begin = () => {
      if (!cancelled) timer = setTimeout(slice, 0);
    };
    // `after`: inputs still on their way (e.g. vein grids from the loading worker); start then.
    if (after) after.then(begin, begin);
    else begin();
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
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
