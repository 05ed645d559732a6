import { describe, expect, it } from 'vitest';
import { runSliced } from '../src/domain/sliced';

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
