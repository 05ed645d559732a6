/**
 * Background computations (intercepts, data checks) give way to a new dataset's picture
 * (src/scene/foreground.ts): they wait until the GPU has finished its first frame, once per
 * dataset, at most PICTURE_WAIT_MS, and a newer dataset's picture replaces an older one's wait.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSliced, setForeground } from '../src/domain/sliced';
import { store } from '../src/state/store';
import { installForeground, pictureFinished } from '../src/scene/foreground';

function* count(log: string[]): Generator<void, number> {
  for (let i = 0; i < 3; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return 3;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('background work waits for the picture', () => {
  afterEach(() => {
    vi.useRealTimers();
    setForeground(() => null);
  });

  it('waits while the dataset on screen has no finished picture, then runs; a plain run never waits', async () => {
    installForeground();
    store.setState({ version: 5 });
    const bg: string[] = [];
    const fg: string[] = [];
    const background = runSliced(count(bg), 0, undefined, true);
    await expect(runSliced(count(fg), 0).promise).resolves.toBe(3);
    await settle();
    expect(bg).toEqual([]);
    // An older dataset's picture does not release it.
    pictureFinished(4);
    await settle();
    expect(bg).toEqual([]);
    pictureFinished(5);
    await expect(background.promise).resolves.toBe(3);
    // Once finished, later background runs of the same dataset do not wait.
    const again: string[] = [];
    await expect(runSliced(count(again), 0, undefined, true).promise).resolves.toBe(3);
  });

  it('a picture that never comes holds background work back 30 s, once', async () => {
    installForeground();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.setState({ version: 9 });
    const bg: string[] = [];
    const run = runSliced(count(bg), 0, undefined, true);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(bg).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_500);
    vi.useRealTimers();
    await expect(run.promise).resolves.toBe(3);
    const later: string[] = [];
    await expect(runSliced(count(later), 0, undefined, true).promise).resolves.toBe(3);
  });
});
