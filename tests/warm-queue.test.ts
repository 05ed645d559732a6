import { describe, expect, it } from 'vitest';
import { NO_BATCH, WarmQueue, type WarmJob } from '../src/scene/warmQueue';

/** A scheduler the test drives by hand: each `runTask()` is one main-thread task. */
function manual() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void tasks.push(run),
    runTask: () => tasks.shift()?.(),
    get waiting() {
      return tasks.length;
    },
  };
}

function* steps(log: string[], name: string, n: number): WarmJob<string> {
  for (let i = 0; i < n; i++) {
    log.push(`${name}${i}`);
    if (i < n - 1) yield;
  }
  return name;
}

describe('WarmQueue', () => {
  it('runs one step per task, jobs in the order they came', () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    const log: string[] = [];
    q.add(1, steps(log, 'a', 2));
    q.add(1, steps(log, 'b', 2));
    expect(log).toEqual([]);
    s.runTask();
    expect(log).toEqual(['a0']);
    s.runTask();
    expect(log).toEqual(['a0', 'a1']);
    s.runTask();
    s.runTask();
    expect(log).toEqual(['a0', 'a1', 'b0', 'b1']);
    expect(s.waiting).toBe(0);
  });

  it('keeps a batch pending until its last job is done, and hands each job its result', () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    const results: string[] = [];
    const seen: boolean[] = [];
    q.subscribe(() => seen.push(q.pending(7)));
    q.add(7, steps([], 'a', 1), (r) => results.push(r));
    q.add(7, steps([], 'b', 2), (r) => results.push(r));
    q.add(8, steps([], 'c', 1));
    expect(q.pending(7)).toBe(true);
    s.runTask(); // a done
    expect(results).toEqual(['a']);
    expect(q.pending(7)).toBe(true);
    s.runTask(); // b0
    s.runTask(); // b done
    expect(results).toEqual(['a', 'b']);
    expect(q.pending(7)).toBe(false);
    expect(q.pending(8)).toBe(true);
    expect(seen.at(-1)).toBe(false);
  });

  it('drops a cancelled job and runs the finally of a started one', () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    const log: string[] = [];
    function* job(): WarmJob<void> {
      try {
        log.push('start');
        yield;
        log.push('never');
      } finally {
        log.push('cleaned');
      }
    }
    const cancel = q.add(3, job());
    s.runTask();
    cancel();
    expect(q.pending(3)).toBe(false);
    s.runTask();
    expect(log).toEqual(['start', 'cleaned']);
  });

  it('waits for a yielded promise before the next step', async () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    const log: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    function* job(): WarmJob<void> {
      log.push('upload');
      yield gate;
      log.push('draw');
    }
    q.add(1, job());
    s.runTask();
    expect(s.waiting).toBe(0);
    release();
    await gate;
    await Promise.resolve();
    s.runTask();
    expect(log).toEqual(['upload', 'draw']);
    expect(q.pending(1)).toBe(false);
  });

  it('finishes a job whose step throws, so its dataset is still shown', () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    const done: unknown[] = [];
    function* job(): WarmJob<void> {
      throw new Error('lost context');
    }
    const error = console.error;
    console.error = () => undefined;
    try {
      q.add(2, job(), (v) => done.push(v));
      s.runTask();
    } finally {
      console.error = error;
    }
    expect(done).toEqual([undefined]);
    expect(q.pending(2)).toBe(false);
  });

  // The progress bar's last tenth while a dataset's layers warm up (StatusBar.tsx).
  it("tells the share of a batch's jobs ended, a dropped job counting as ended", () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    // Nothing queued yet: not started (the layers queue after the bar has asked).
    expect(q.fraction(3)).toBe(0);
    q.add(3, steps([], 'a', 1));
    q.add(3, steps([], 'b', 2));
    const dropC = q.add(3, steps([], 'c', 1));
    q.add(3, steps([], 'd', 1));
    expect(q.fraction(3)).toBe(0);
    s.runTask(); // a done: 1 of 4
    expect(q.fraction(3)).toBe(0.25);
    s.runTask(); // b's first step: still 1 of 4
    expect(q.fraction(3)).toBe(0.25);
    dropC(); // 2 of 4
    expect(q.fraction(3)).toBe(0.5);
    s.runTask(); // b done: 3 of 4
    s.runTask(); // d done
    expect(q.fraction(3)).toBe(1);
    // A new batch starts its own count; the older one no longer has any job pending.
    q.add(4, steps([], 'e', 1));
    expect(q.fraction(4)).toBe(0);
    expect(q.fraction(3)).toBe(1);
  });

  it("counts the older jobs a batch waits behind (programs compiled before any dataset)", () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    q.add(0, steps([], 'p', 1));
    q.add(0, steps([], 'q', 1));
    s.runTask(); // p done; q still ahead of the dataset's layers
    q.add(1, steps([], 'a', 1));
    q.add(1, steps([], 'b', 1));
    expect(q.fraction(1)).toBe(0); // q, a, b to go
    s.runTask(); // q
    expect(q.fraction(1)).toBeCloseTo(1 / 3, 10);
    s.runTask(); // a
    s.runTask(); // b
    expect(q.fraction(1)).toBe(1);
  });

  // A shown layer's rebuild (the emphasised grades after a new intercept cut-off): frames go on
  // while it runs, and veinscape.ready() waits for it through idle().
  it('runs a job outside any batch: no batch pending, not in the progress, idle only once it is done', async () => {
    const s = manual();
    const q = new WarmQueue(s.schedule);
    q.add(5, steps([], 'a', 1));
    s.runTask(); // batch 5 done: 1 of 1
    let idle = false;
    q.add(NO_BATCH, steps([], 'r', 3));
    void q.idle().then(() => (idle = true));
    expect(q.pending(5)).toBe(false);
    expect(q.fraction(5)).toBe(1);
    s.runTask(); // r0
    s.runTask(); // r1
    await Promise.resolve();
    expect(idle).toBe(false);
    s.runTask(); // r done
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(q.fraction(5)).toBe(1);
  });
});
