import { describe, expect, it } from 'vitest';
import { runSliced, setForeground } from '../src/domain/sliced';

function* count(log: string[]): Generator<void, number> {
  for (let i = 0; i < 3; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return 3;
}

describe('runSliced after a promise', () => {
  it('takes no step before the promise settles, then runs to the end', async () => {
    const log: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const run = runSliced(count(log), 8, gate);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    release();
    await expect(run.promise).resolves.toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });
  it('never starts when cancelled while waiting', async () => {
    const log: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const run = runSliced(count(log), 8, gate);
    run.cancel();
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
  });
});

describe('a background run gives way to the foreground', () => {
  it('waits before a slice while the foreground is busy, and goes on once it is done; a plain run does not wait', async () => {
    let busy: Promise<void> | null = null;
    let release = () => undefined as void;
    busy = new Promise<void>((r) => (release = r));
    setForeground(() => busy);
    try {
      const bg: string[] = [];
      const fg: string[] = [];
      // 0 ms slices: one step a slice, so the gate is looked at between steps.
      const background = runSliced(count(bg), 0, undefined, true);
      const plain = runSliced(count(fg), 0);
      await expect(plain.promise).resolves.toBe(3);
      await new Promise((r) => setTimeout(r, 20));
      expect(bg).toEqual([]);
      busy = null;
      release();
      await expect(background.promise).resolves.toBe(3);
      expect(bg).toEqual(['step 0', 'step 1', 'step 2']);
    } finally {
      setForeground(() => null);
    }
  });
});
