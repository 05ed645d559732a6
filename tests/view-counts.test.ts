/**
 * Counts in view (src/domain/viewCounts.ts): hand-counted small cases, then the sample dataset
 * against a brute-force count with the renderer's own per-segment test (`segmentVisible`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import { programMask, segmentVisible, statusTypeMask, type FilterState } from '../src/domain/holeFilter';
import { countInView, countInViewSteps, holeAttrsOf, type CountInput } from '../src/domain/viewCounts';
import { interceptPoints } from '../src/domain/interceptFlags';
import { drain, runSliced, started } from '../src/domain/sliced';
import { loadDepositText } from '../src/data/load';
import { prepare } from '../src/domain/prepare';
import { queryIntercepts } from '../src/domain/interceptQuery';
import { createVeinscapeStore } from '../src/state/store';
import { DEFAULT_INTERCEPT_QUERY } from '../src/state/slices/intercepts';
import { filterStateFrom } from '../src/state/filterState';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };
const programs = ['P0', 'P1'];
/**
 * Hole 0: drilled, surface, P0, 2000; traces and two interval rows (row 1 cut in two pieces).
 * Hole 1: planned, surface, P1, 2010; intervals only (no trace piece left): row 2 at 0.5 g/t, row 3 not assayed.
 * Hole 2: drilled, underground, P0, no year; one trace piece only.
 * Each piece: vertical, [top z, bottom z] local m, depths [d0, d1] m.
 */
const holes = [
  { status: 'drilled', type: 'surface', program: 'P0', year: 2000 },
  { status: 'planned', type: 'surface', program: 'P1', year: 2010 },
  { status: 'drilled', type: 'underground', program: 'P0' },
];
function buffer(pieces: [hole: number, row: number, value: number, z0: number, z1: number][]): SegmentBuffer {
  const attrs = holeAttrsOf(holes, programs);
  const b = new SegmentBuilder([0, 0, 0]);
  for (const [h, row, value, z0, z1] of pieces) {
    const hole: [number, number, number, number] = [attrs.code[h], attrs.program[h], attrs.year[h], h];
    b.push([0, 0, z0], [0, 0, z1], { value, hole, mask: 0, row, d0: -z0, d1: -z1 });
  }
  return b.finish();
}
const small: CountInput = {
  traces: buffer([[0, 0, -1, 0, -50], [0, 0, -1, -50, -100], [2, 2, -1, 0, -10]]),
  intervals: buffer([[0, 0, 5, -10, -20], [0, 1, 2, -60, -65], [0, 1, 2, -65, -70], [1, 2, 0.5, -30, -40], [1, 3, -1, -40, -50]]),
  holes: holeAttrsOf(holes, programs),
  intercepts: interceptPoints(
    [
      { holeIndex: 0, from: 10, to: 20, grade: 5, midpoint: [0, 0, 85] },
      { holeIndex: 1, from: 30, to: 40, grade: 0.5, midpoint: [0, 0, 65] },
    ],
    100,
  ),
};
const counts = (patch: Partial<FilterState>) => countInView(small, { ...ALL, ...patch });

describe('countInView: hand-counted', () => {
  it('everything: 3 holes (one with intervals only), 3 assayed rows, 2 intercepts', () => {
    expect(counts({})).toEqual({ holes: 3, intervals: 3, intercepts: 2 });
  });
  it('the cut-off drops rows and intercepts, never holes (dimmed or hidden)', () => {
    expect(counts({ gradeCutoff: 1 })).toEqual({ holes: 3, intervals: 2, intercepts: 1 });
    expect(counts({ gradeCutoff: 1, belowCutoff: 'hide' })).toEqual({ holes: 3, intervals: 2, intercepts: 1 });
    expect(counts({ gradeCutoff: 6 })).toEqual({ holes: 3, intervals: 0, intercepts: 0 });
  });
  it('elevation window: a hole in view through its intervals alone; a missing assay keeps its hole but is not counted', () => {
    expect(counts({ elevMin: -50, elevMax: -30 })).toEqual({ holes: 1, intervals: 1, intercepts: 1 });
    expect(counts({ elevMin: -48, elevMax: -42 })).toEqual({ holes: 1, intervals: 0, intercepts: 0 });
  });
  it('a row cut in two pieces, both in view, counts once', () => {
    expect(counts({ elevMin: -70, elevMax: -60 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
  });
  it('depth window (mid depth of each piece)', () => {
    expect(counts({ depthMax: 10 })).toEqual({ holes: 1, intervals: 0, intercepts: 0 });
    expect(counts({ depthMin: 60, depthMax: 80 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
  });
  it('hole filters: status, type, programme, year, search', () => {
    const drilled = statusTypeMask({ drilled: true, planned: false }, { surface: true, underground: true });
    expect(counts({ statusTypeMask: drilled })).toEqual({ holes: 2, intervals: 2, intercepts: 1 });
    const surface = statusTypeMask({ drilled: true, planned: true }, { surface: true, underground: false });
    expect(counts({ statusTypeMask: surface })).toEqual({ holes: 2, intervals: 3, intercepts: 2 });
    expect(counts({ programMask: programMask(programs, { P1: false }) })).toEqual({ holes: 2, intervals: 2, intercepts: 1 });
    expect(counts({ yearMax: 2005 })).toEqual({ holes: 2, intervals: 2, intercepts: 1 });
    expect(counts({ holeMask: Uint8Array.of(0, 1, 0) })).toEqual({ holes: 1, intervals: 1, intercepts: 1 });
  });
  it('without intercepts the intercept count is 0', () => {
    expect(countInView({ ...small, intercepts: null }, ALL).intercepts).toBe(0);
  });
});

describe('countInView on data/rocmec1.json', () => {
  const { model, report } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
  const prepared = prepare(model!);
  const rows = queryIntercepts(model!, prepared.paths, DEFAULT_INTERCEPT_QUERY);
  const input: CountInput = { traces: prepared.traces, intervals: prepared.intervals, holes: holeAttrsOf(model!.holes, prepared.programs), intercepts: interceptPoints(rows, prepared.origin[2]) };

  /** Holes and rows with the renderer's per-segment test. */
  function bruteForce(f: FilterState) {
    const seen = new Set<number>();
    const rowSet = new Set<number>();
    for (const b of [prepared.traces, prepared.intervals]) {
      for (let i = 0; i < b.count; i++) if (segmentVisible(b, i, f, false)) seen.add(Math.round(b.hole[i * 4 + 3]));
    }
    const iv = prepared.intervals;
    for (let i = 0; i < iv.count; i++) if (iv.value[i] >= f.gradeCutoff && iv.value[i] >= 0 && segmentVisible(iv, i, f, true)) rowSet.add(iv.row[i]);
    return { holes: seen.size, intervals: rowSet.size };
  }

  const zMid = (prepared.bounds.min[2] + prepared.bounds.max[2]) / 2 - prepared.origin[2];
  const cases: [string, Partial<FilterState>][] = [
    ['all', {}],
    ['cut-off 3, hidden', { gradeCutoff: 3, belowCutoff: 'hide' }],
    ['elevation', { elevMin: zMid - 100, elevMax: zMid + 50 }],
    ['elevation minimum only, cut-off 1', { elevMin: zMid, gradeCutoff: 1 }],
    ['elevation maximum only, cut-off 3', { elevMax: zMid, gradeCutoff: 3 }],
    ['depth', { depthMin: 20, depthMax: 120 }],
    ['depth and elevation, cut-off 2', { depthMin: 20, depthMax: 120, elevMin: zMid - 50, gradeCutoff: 2 }],
    ['drilled surface holes, 2005 on', { statusTypeMask: 1, yearMin: 2005 }],
  ];
  it.each(cases)('%s: holes and rows as the per-segment test says', (_, patch) => {
    const f = { ...ALL, programMask: programMask(prepared.programs, {}), ...patch };
    const c = countInView(input, f);
    expect({ holes: c.holes, intervals: c.intervals }).toEqual(bruteForce(f));
    expect(c.holes).toBeGreaterThan(0);
  });

  it('steps can be spread over tasks and give the same result', async () => {
    const f = { ...ALL, programMask: programMask(prepared.programs, {}), gradeCutoff: 2 };
    // Fresh buffers: the first count of a dataset also builds its count index, in steps.
    const fresh: CountInput = { ...input, intervals: { ...input.intervals } };
    const steps = countInViewSteps(fresh, f);
    let n = 0;
    const counted = drain({ next: () => (n++, steps.next()) });
    expect(n).toBeGreaterThan(2);
    expect(await runSliced(countInViewSteps(fresh, f), 1).promise).toEqual(counted);
  });

  it('the store computes intercepts in slices on demand, with a pending flag, and the counts agree', async () => {
    const store = createVeinscapeStore();
    store.getState().setDataset(model!, prepared, report);
    expect(store.getState().intercepts.length).toBe(0);
    store.getState().ensureIntercepts();
    expect(store.getState().interceptsPending).toBe(true);
    const done = await store.getState().runIntercepts(); // the same run, reused
    expect(store.getState().interceptsPending).toBe(false);
    expect(done).toBe(store.getState().intercepts);
    expect(done.length).toBe(rows.length);
    // Invalid settings throw at once and keep the rows.
    expect(() => store.getState().setInterceptQuery({ minLength: -1 })).toThrow(RangeError);
    expect(store.getState().intercepts).toBe(done);
    const c = countInView(input, filterStateFrom(store.getState()));
    expect(c.intercepts).toBe(rows.length);
  });
});

describe('started', () => {
  it('gives the result of a generator that finished on its first step', () => {
    function* one(): Generator<void, number> {
      return 7;
    }
    expect(drain(started(one()))).toBe(7);
  });
});
