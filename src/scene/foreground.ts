/**
 * What background computations (runSliced's `background`: intercepts, data checks) give way to:
 * the picture of a newly loaded dataset, from the warm-up of its layers (warmQueue.ts) until the
 * GPU has finished its first frame. At 10,000 holes the intercepts (0.9 s of main-thread slices)
 * ran between the warm-up's steps and beside the first frame's software rasterising, both of
 * which then waited for the CPU. Set once the 3D scene is mounted: a page without one (no WebGL)
 * has no foreground, and a picture that never comes holds nothing back for more than PICTURE_WAIT_MS.
 */
import { setForeground } from '../domain/sliced';
import { store } from '../state/store';
import { warmQueue } from './warmQueue';

/** At most this long (ms) a background computation waits for a dataset's picture. */
const PICTURE_WAIT_MS = 30_000;

/**
 * The latest dataset version whose picture the GPU has finished, or that background work stopped
 * waiting for (PICTURE_WAIT_MS after it first waited): a version is waited for once, not again at
 * each slice.
 */
let finished = 0;

/** The wait for the picture of the version being waited for (one at a time, one per version). */
let wait: { version: number; done: Promise<void>; end: () => void } | null = null;

/** Called once the GPU has finished the first frame that drew dataset `version`. */
export function pictureFinished(version: number): void {
  finished = Math.max(finished, version);
  if (wait && wait.version <= version) wait.end();
}

function busy(): Promise<unknown> | null {
  if (warmQueue.busy) return warmQueue.idle();
  const { version } = store.getState();
  if (version === 0 || finished >= version) return null;
  if (wait?.version !== version) {
    // A newer dataset: an older one's wait ends (its work was cancelled with it, or goes on now).
    wait?.end();
    let end = () => undefined as void;
    const done = new Promise<void>((resolve) => (end = resolve));
    const timer = setTimeout(() => pictureFinished(version), PICTURE_WAIT_MS);
    wait = { version, done, end: () => { clearTimeout(timer); end(); } };
  }
  return wait.done;
}

/** The scene is mounted: from now on its pictures come before background work. */
export function installForeground(): void {
  setForeground(busy);
}
