/**
 * In-view counts answered by the loading worker (src/data/countHost.ts) and requested by the page
 * (src/data/countClient.ts). The worker keeps copies of the pieces, then transfers the originals
 * to the page: counts from the copies must equal counts taken before the transfer, whatever the
 * filters. The page side is driven with a stand-in worker.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDepositText } from '../src/data/load';
import { prepare } from '../src/domain/prepare';
import { queryIntercepts } from '../src/domain/interceptQuery';
import { DEFAULT_INTERCEPT_QUERY } from '../src/state/slices/intercepts';
import { countInView, holeAttrsOf, type CountInput, type ViewCounts } from '../src/domain/viewCounts';
import { interceptPoints } from '../src/domain/interceptFlags';
import { segmentTransferables } from '../src/domain/segments';
import type { FilterState } from '../src/domain/holeFilter';
import { zoneShownMask } from '../src/domain/zoneCodes';
import { slabPlanes } from '../src/domain/section';
import { countSourceOf, createCounter, type CountAnswer, type CountRequest } from '../src/data/countHost';
import { adoptCounter, counterState, countInWorker, dropCounter, expectCounter, onCounterChange } from '../src/data/countClient';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };

describe('worker counter on the sample deposit', () => {
  const { model } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
  const prepared = prepare(model!);
  const points = interceptPoints(queryIntercepts(model!, prepared.paths, DEFAULT_INTERCEPT_QUERY), prepared.origin, model!.zones);
  const input: CountInput = { traces: prepared.traces, intervals: prepared.intervals, holes: holeAttrsOf(model!.holes, prepared.programs), intercepts: points, rowZones: prepared.intervalZones };
  const slab = Float64Array.from(slabPlanes(337, [0, 0], 60).flatMap((h) => [...h.normal, h.constant]));
  const noMcDowell = zoneShownMask(model!.zones, { 'mcdowell-1': false, 'mcdowell-2': false, 'mcdowell-3': false });
  const zMid = 0.5 * (prepared.bounds.min[2] + prepared.bounds.max[2]) - prepared.origin[2];
  const cases: FilterState[] = [
    ALL,
    { ...ALL, gradeCutoff: 3 },
    { ...ALL, gradeCutoff: 8, belowCutoff: 'hide' },
    { ...ALL, elevMin: zMid - 60, elevMax: zMid + 40 },
    { ...ALL, depthMin: 50, depthMax: 200, gradeCutoff: 1 },
    { ...ALL, statusTypeMask: 0b0001 },
    { ...ALL, holeMask: Uint8Array.from(model!.holes, (_, i) => (i % 3 === 0 ? 1 : 0)) },
    { ...ALL, zoneShown: noMcDowell },
    { ...ALL, planes: slab, gradeCutoff: 1 },
  ];
  // Taken before the originals move away, as on the page.
  const expected = cases.map((f) => countInView(input, f));
  const source = countSourceOf(model!, prepared);
  // The transfer to the page detaches the worker's originals.
  structuredClone([prepared.traces, prepared.intervals], { transfer: [...segmentTransferables(prepared.traces), ...segmentTransferables(prepared.intervals)] });
  const counter = createCounter(source);

  it('the originals are gone (so the copies are what is counted)', () => {
    expect(prepared.intervals.start.length).toBe(0);
  });
  it('counts from the copies equal the counts before the transfer, for every filter', () => {
    expect(expected[0].holes).toBe(model!.holes.length);
    expect(new Set(expected.map((c) => c.intervals)).size).toBeGreaterThan(3); // the filters change the answer
    // The zone ticks (the worker keeps the rows' zone codes) and the section change it too.
    expect(expected[7].intervals).toBeLessThan(expected[0].intervals);
    expect(expected[7].intercepts).toBeLessThan(expected[0].intercepts);
    expect(expected[8].holes).toBeLessThan(expected[0].holes);
    // The counter counts holes and interval rows; the intercepts are counted on the page (0 here).
    cases.forEach((f, i) => {
      const a = counter({ kind: 'count', id: i, filters: f });
      expect(a).toEqual({ type: 'counts', id: i, counts: { ...expected[i], intercepts: 0 } });
    });
  });
  it('reports a failed count with its id instead of throwing', () => {
    const broken = createCounter({ ...source, holes: { code: new Uint8Array(0), program: new Int32Array(0), year: new Float64Array(0) }, traces: null as never });
    const a = broken({ kind: 'count', id: 7, filters: ALL });
    expect(a.id).toBe(7);
    expect(a.counts).toBeNull();
    expect(a.error).toBeTruthy();
  });
});

/** Stands in for the loading worker once it is a counter: answers from a table of counts. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CountAnswer>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: CountRequest[] = [];
  terminated = false;
  constructor(private readonly answer: (r: CountRequest) => ViewCounts | null) {}
  postMessage(r: CountRequest) {
    this.sent.push(r);
    const counts = this.answer(r);
    queueMicrotask(() => this.onmessage?.({ data: { type: 'counts', id: r.id, counts, error: counts ? undefined : 'broken' } } as MessageEvent<CountAnswer>));
  }
  terminate() {
    this.terminated = true;
  }
  crash(message: string) {
    this.onerror?.({ message } as ErrorEvent);
  }
}

describe('the page side of the counter', () => {
  const counts = (n: number): ViewCounts => ({ holes: n, intervals: 10 * n, intercepts: 100 * n });

  it('pending from done to extras, then counted in the worker; requests carry the filters alone', async () => {
    const prepared = {};
    let changes = 0;
    const off = onCounterChange(() => changes++);
    expect(counterState(prepared)).toBe('none');
    expectCounter(prepared);
    expect(counterState(prepared)).toBe('pending');
    const w = new FakeWorker((r) => counts(r.filters.gradeCutoff));
    adoptCounter(prepared, w as unknown as Worker);
    expect(counterState(prepared)).toBe('ready');
    expect(changes).toBe(1);
    expect(await countInWorker(prepared, { ...ALL, gradeCutoff: 2 })).toEqual(counts(2));
    expect(await countInWorker(prepared, { ...ALL, gradeCutoff: 5 })).toEqual(counts(5));
    expect(w.sent.map((r) => Object.keys(r).sort())).toEqual([['filters', 'id', 'kind'], ['filters', 'id', 'kind']]);
    off();
  });
  it('the next dataset\'s counter ends the previous worker; the old dataset is counted on the page', async () => {
    const a = {}, b = {};
    const wa = new FakeWorker(() => counts(1));
    const wb = new FakeWorker(() => counts(2));
    adoptCounter(a, wa as unknown as Worker);
    adoptCounter(b, wb as unknown as Worker);
    expect(wa.terminated).toBe(true);
    expect(counterState(a)).toBe('none');
    await expect(countInWorker(a, ALL)).rejects.toThrow(/no counter/);
    expect(await countInWorker(b, ALL)).toEqual(counts(2));
  });
  it('a crashed or failing counter rejects, and the dataset falls back to the page', async () => {
    const p = {};
    const w = new FakeWorker(() => null);
    adoptCounter(p, w as unknown as Worker);
    await expect(countInWorker(p, ALL)).rejects.toThrow(/broken/);
    expect(counterState(p)).toBe('ready'); // one failed count: the worker is still there
    w.postMessage = () => undefined; // the next request gets no answer: the crash must reject it
    const waiting = countInWorker(p, ALL);
    w.crash('out of memory');
    await expect(waiting).rejects.toThrow(/out of memory/);
    expect(counterState(p)).toBe('none');
    expect(w.terminated).toBe(true);
  });
  it('a worker that will not count (no extras) leaves the dataset to the page', () => {
    const p = {};
    expectCounter(p);
    dropCounter(p);
    expect(counterState(p)).toBe('none');
  });
});
