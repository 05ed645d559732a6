/** The loading worker, as a separate file next to the app (the normal build). */
export function createLoaderWorker(): Worker {
  return new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module' });
}
