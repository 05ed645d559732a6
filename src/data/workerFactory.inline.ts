/**
 * The loading worker inlined into the bundle (the offline roadshow build): a page opened from the
 * file system cannot start a worker from a file, but it can from a blob the bundle carries.
 */
import LoaderWorker from './loader.worker.ts?worker&inline';

export function createLoaderWorker(): Worker {
  return new LoaderWorker();
}
