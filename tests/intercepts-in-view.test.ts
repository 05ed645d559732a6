/**
 * Which intercepts are in view (domain/viewCounts.ts `interceptsInView`, the rule of the in-view
 * count, used by the intercept table, its summary and CSV, and the 3D labels): five hand-placed
 * intercepts, each filter checked against flags worked out by hand, and the count equal to the
 * number of flags set. Then the table's wording of what it lists, and, on the sample, the table's
 * flags and the 3D labels against a selection made here by zone and grade.
 */
import { describe, expect, it } from 'vitest';
import { programMask, statusTypeMask, type FilterState } from '../src/domain/holeFilter';
import { countInView, flagInView, holeAttrsOf, interceptsInView } from '../src/domain/viewCounts';
import { InterceptFlagger, interceptPoints } from '../src/domain/interceptFlags';
import { summariseFlagged, summaryOfTally, tallyColumnsOf } from '../src/domain/interceptQuery';
import { SegmentBuilder } from '../src/domain/segments';
import { slabPlanes } from '../src/domain/section';
import { zoneShownMask } from '../src/domain/zoneCodes';
import { csvScopeNote, summaryText, tableCountText } from '../src/ui/intercepts/table';
import { interceptsToCsv } from '../src/domain/intercepts';
import { flaggedCount, interceptFlagsOf, rowsInView, viewFiltersOn } from '../src/state/interceptsInView';
import { DEFAULT_FILTERS } from '../src/state/slices/filters';
import { readFileSync } from 'node:fs';
import { loadDepositText } from '../src/data/load';
import { prepare } from '../src/domain/prepare';
import { queryInterceptSteps } from '../src/domain/interceptQuery';
import { drain } from '../src/domain/sliced';
import { InterceptRowsBuilder } from '../src/domain/interceptRows';
import { createVeinscapeStore } from '../src/state/store';
import { DEFAULT_INTERCEPT_QUERY } from '../src/state/slices/intercepts';
import { collectLabels, overlayAnchors, type Projector } from '../src/overlay/labels';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };
const programs = ['P0', 'P1'];
/** Hole 0: drilled, surface, P0; hole 1: planned, surface, P1. */
const holes = holeAttrsOf(
  [
    { status: 'drilled', type: 'surface', program: 'P0', year: 2000 },
    { status: 'planned', type: 'surface', program: 'P1', year: 2010 },
  ],
  programs,
);
const zones = [{ id: 'v1' }, { id: 'v2' }];
const origin = [1000, 2000, 300];
/**
 * Local midpoints (world minus origin) x, z and mid depths:
 * #0 hole 0, x 0,   z -10,  depth 11,    5 g/t,   zone v1
 * #1 hole 0, x 10,  z -50,  depth 51,    1 g/t,   zone v2
 * #2 hole 1, x 30,  z -20,  depth 20.5,  8 g/t,   zone v1
 * #3 hole 1, x 60,  z -80,  depth 81,    3 g/t,   no zone
 * #4 hole 0, x 100, z -100, depth 100.5, 0.5 g/t, zone v2
 */
const points = interceptPoints(
  [
    { holeIndex: 0, from: 10, to: 12, grade: 5, midpoint: [1000, 2000, 290], zoneId: 'v1' },
    { holeIndex: 0, from: 50, to: 52, grade: 1, midpoint: [1010, 2000, 250], zoneId: 'v2' },
    { holeIndex: 1, from: 20, to: 21, grade: 8, midpoint: [1030, 2000, 280], zoneId: 'v1' },
    { holeIndex: 1, from: 80, to: 82, grade: 3, midpoint: [1060, 2000, 220], zoneId: null },
    { holeIndex: 0, from: 100, to: 101, grade: 0.5, midpoint: [1100, 2000, 200], zoneId: 'v2' },
  ],
  origin,
  zones,
);
/** A section along north (azimuth 0) through local x 22.5, 35 m wide: keeps x from 5 to 40 m (#1 and #2). */
const slab = Float64Array.from(slabPlanes(0, [22.5, 0], 35).flatMap((h) => [...h.normal, h.constant]));
const empty = new SegmentBuilder([0, 0, 0]).finish();

function flags(patch: Partial<FilterState>): number[] {
  const f = { ...ALL, ...patch };
  const out = [...interceptsInView(points, holes, f)];
  // The count in view is the number of flags set: one rule for both.
  expect(countInView({ traces: empty, intervals: empty, holes, intercepts: points }, f).intercepts).toBe(out.reduce((a, b) => a + b, 0));
  return out;
}

describe('interceptsInView: hand-counted flags, and the count agrees', () => {
  it('no filter: all five', () => expect(flags({})).toEqual([1, 1, 1, 1, 1]));
  it('the section slab keeps the two inside it', () => expect(flags({ planes: slab })).toEqual([0, 1, 1, 0, 0]));
  it('unticked zone v1: its two go; the one with no zone stays', () => {
    expect(flags({ zoneShown: zoneShownMask(zones, { v1: false }) })).toEqual([0, 1, 0, 1, 1]);
  });
  it('slab and zone v2 unticked together: only #2', () => {
    expect(flags({ planes: slab, zoneShown: zoneShownMask(zones, { v2: false }) })).toEqual([0, 0, 1, 0, 0]);
  });
  it('hole filters: status, programme, year, hole mask', () => {
    expect(flags({ statusTypeMask: statusTypeMask({ drilled: true, planned: false }, { surface: true, underground: true }) })).toEqual([1, 1, 0, 0, 1]);
    expect(flags({ programMask: programMask(programs, { P0: false }) })).toEqual([0, 0, 1, 1, 0]);
    expect(flags({ yearMin: 2005 })).toEqual([0, 0, 1, 1, 0]);
    expect(flags({ holeMask: Uint8Array.of(0, 1) })).toEqual([0, 0, 1, 1, 0]);
  });
  it('elevation window (local m) on the midpoint, depth window on the mid depth', () => {
    expect(flags({ elevMin: -90, elevMax: -40 })).toEqual([0, 1, 0, 1, 0]);
    expect(flags({ depthMin: 0, depthMax: 60 })).toEqual([1, 1, 1, 0, 0]);
  });
  it('grade cut-off: grade ≥ the cut-off stays', () => expect(flags({ gradeCutoff: 3 })).toEqual([1, 0, 1, 1, 0]));
  it('10,003 intercepts (flagged in several blocks): the five above repeated, a 3 g/t cut-off keeps #0, #2, #3 of each five', () => {
    const five = [
      { holeIndex: 0, from: 10, to: 12, grade: 5, midpoint: [1000, 2000, 290], zoneId: 'v1' },
      { holeIndex: 0, from: 50, to: 52, grade: 1, midpoint: [1010, 2000, 250], zoneId: 'v2' },
      { holeIndex: 1, from: 20, to: 21, grade: 8, midpoint: [1030, 2000, 280], zoneId: 'v1' },
      { holeIndex: 1, from: 80, to: 82, grade: 3, midpoint: [1060, 2000, 220], zoneId: null },
      { holeIndex: 0, from: 100, to: 101, grade: 0.5, midpoint: [1100, 2000, 200], zoneId: 'v2' },
    ];
    const many = interceptPoints(Array.from({ length: 10003 }, (_, i) => five[i % 5]), origin, zones);
    const out = interceptsInView(many, holes, { ...ALL, gradeCutoff: 3 });
    expect([...out]).toEqual(Array.from({ length: 10003 }, (_, i) => ([0, 2, 3].includes(i % 5) ? 1 : 0)));
    // 2,000 runs of five keep 3 each; the last three (#0, #1, #2) keep 2.
    expect(out.reduce((a, b) => a + b, 0)).toBe(6002);
    // The count alone (no flags kept, a reused block of the other filters' flags) says the same.
    expect(countInView({ traces: empty, intervals: empty, holes, intercepts: many }, { ...ALL, gradeCutoff: 3 }).intercepts).toBe(6002);
    // With an elevation window of -60 to -15 m: #1 (z -50, 1 g/t) and #2 (z -20, 8 g/t) pass it, #2 alone the cut-off.
    expect(countInView({ traces: empty, intervals: empty, holes, intercepts: many }, { ...ALL, gradeCutoff: 3, elevMin: -60, elevMax: -15 }).intercepts).toBe(2001);
  });
});

/** One hole's attributes: drilled, surface, programme 0. */
const one = { code: Uint8Array.of(0), program: Int32Array.of(0), year: Float64Array.of(0) };

/**
 * `runs` runs of three intercepts of one hole: 2 g/t over HW 1 m (core 10-11 m), 4 g/t over HW 3 m
 * (core 20-22 m), 6 g/t with no horizontal width (core 30-34 m).
 */
function threeRows(runs: number) {
  const b = new InterceptRowsBuilder([{ id: 'H1' }], { unit: 'g/t', element: 'Au' });
  const fig = (from: number, to: number, grade: number, hw: number | null) => ({ from, to, sampledLength: to - from, unsampledLength: 0, rows: [0], grade, gradeUncapped: grade, trueWidth: null, horizontalWidth: hw, widthKind: 'core' as const, midpoint: [0, 0, 0] as [number, number, number] });
  for (let k = 0; k < runs; k++) {
    b.add(0, fig(10, 11, 2, 1), null, null, []);
    b.add(0, fig(20, 22, 4, 3), null, null, []);
    b.add(0, fig(30, 34, 6, null), null, null, []);
  }
  return b.finish();
}

describe('the flagger of a filter change (domain/interceptFlags.ts): a cut-off change tests the grade alone, with the same flags', () => {
  const full = (f: FilterState) => [...interceptsInView(points, holes, f)];
  it('a run of cut-off and window changes gives the flags of a full pass at each step, worked out by hand', () => {
    const flagger = new InterceptFlagger(points);
    const step = (patch: Partial<FilterState>) => {
      const f = { ...ALL, ...patch };
      const out = [...flagInView(flagger, holes, f).flags];
      expect(out).toEqual(full(f));
      return out;
    };
    // Grades 5, 1, 8, 3, 0.5 g/t.
    expect(step({ gradeCutoff: 3 })).toEqual([1, 0, 1, 1, 0]);
    expect(step({ gradeCutoff: 5 })).toEqual([1, 0, 1, 0, 0]);
    expect(step({ gradeCutoff: 1 })).toEqual([1, 1, 1, 1, 0]);
    // Elevation -90 to -40 m keeps #1 (z -50) and #3 (z -80); then the cut-off alone again.
    expect(step({ gradeCutoff: 3, elevMin: -90, elevMax: -40 })).toEqual([0, 0, 0, 1, 0]);
    expect(step({ gradeCutoff: 1, elevMin: -90, elevMax: -40 })).toEqual([0, 1, 0, 1, 0]);
    expect(step({ gradeCutoff: 0, elevMin: -90, elevMax: -40 })).toEqual([0, 1, 0, 1, 0]);
    // The same section planes in a new array are the same filter; another slab is not.
    expect(step({ gradeCutoff: 3, planes: Float64Array.from(slab) })).toEqual([0, 0, 1, 0, 0]);
    expect(step({ gradeCutoff: 1, planes: Float64Array.from(slab) })).toEqual([0, 1, 1, 0, 0]);
    expect(step({ gradeCutoff: 1, planes: Float64Array.from(slabPlanes(0, [60, 0], 10).flatMap((h) => [...h.normal, h.constant])) })).toEqual([0, 0, 0, 1, 0]);
    // Hole filters and zones: a full pass again.
    expect(step({ gradeCutoff: 1, holeMask: Uint8Array.of(0, 1) })).toEqual([0, 0, 1, 1, 0]);
    expect(step({ gradeCutoff: 4, holeMask: Uint8Array.of(0, 1) })).toEqual([0, 0, 1, 0, 0]);
    expect(step({ gradeCutoff: 0, zoneShown: zoneShownMask(zones, { v2: false }) })).toEqual([1, 0, 1, 1, 0]);
  });
  it('a cut-off change reads the grades alone (the other filters\' flags are kept): a midpoint moved since is not tested again', () => {
    const own = interceptPoints([{ holeIndex: 0, from: 10, to: 12, grade: 5, midpoint: [1000, 2000, 290], zoneId: null }], origin);
    const flagger = new InterceptFlagger(own);
    const f = { ...ALL, elevMin: -20, elevMax: 0 };
    expect([...flagInView(flagger, holes, f).flags]).toEqual([1]); // z -10: inside
    own.mid[2] = 250; // z -50: outside the window
    expect([...flagInView(flagger, holes, { ...f, gradeCutoff: 2 }).flags]).toEqual([1]);
    // The window changed: a full pass, which sees it.
    expect([...flagInView(flagger, holes, { ...f, elevMin: -25, gradeCutoff: 2 }).flags]).toEqual([0]);
  });
  it('an elevation window change tests the window (and the grade) alone: the other filters\' flags are kept, the midpoint is read again', () => {
    const own = interceptPoints([{ holeIndex: 0, from: 10, to: 12, grade: 5, midpoint: [1000, 2000, 290], zoneId: null }], origin);
    const flagger = new InterceptFlagger(own);
    // Mid depth 11 m, inside a 0-20 m depth window; z -10 m (local).
    const f = { ...ALL, depthMin: 0, depthMax: 20, elevMin: -20, elevMax: 0 };
    expect([...flagInView(flagger, holes, f).flags]).toEqual([1]);
    own.from[0] = 30; // mid depth 31 m: outside the depth window, but the depth is not tested again
    own.to[0] = 32;
    own.mid[2] = 250; // z -50 m: the window is, and it is outside -20..0
    expect([...flagInView(flagger, holes, { ...f, elevMin: -25 }).flags]).toEqual([0]);
    expect([...flagInView(flagger, holes, { ...f, elevMin: -60, gradeCutoff: 2 }).flags]).toEqual([1]);
    expect([...flagInView(flagger, holes, { ...f, elevMin: -60, gradeCutoff: 6 }).flags]).toEqual([0]);
    // The depth window changed: a full pass, which sees the new depth.
    expect([...flagInView(flagger, holes, { ...f, elevMin: -60, depthMax: 25 }).flags]).toEqual([0]);
  });
  it('the same filter state twice: the same flags back, not made again', () => {
    const flagger = new InterceptFlagger(points);
    const a = flagInView(flagger, holes, { ...ALL, gradeCutoff: 3 });
    expect(flagInView(flagger, holes, { ...ALL, gradeCutoff: 3, belowCutoff: 'hide' })).toBe(a);
  });
  it('the tally made with the flags is the summary of the flagged rows, by hand', () => {
    // Three intercepts of one hole: 2 g/t over HW 1 m, 4 g/t over HW 3 m, 6 g/t with no horizontal width; core 1, 2, 4 m.
    const rows = threeRows(1);
    const flagger = new InterceptFlagger(interceptPoints(rows, [0, 0, 0]), tallyColumnsOf(rows));
    // ≥ 3 g/t: the last two; the third has no HW, so core length: (4 x 2 + 6 x 4) / 6 = 5.333 g/t over (2 + 4) / 2 = 3 m.
    const hi = flagInView(flagger, one, { ...ALL, gradeCutoff: 3 });
    expect([...hi.flags]).toEqual([0, 1, 1]);
    const s3 = summaryOfTally(hi.tally!, 'g/t', 'horizontal');
    expect(s3).toMatchObject({ count: 2, widthKind: 'core', width: 3 });
    expect(s3.grade).toBeCloseTo(32 / 6, 12);
    expect(s3).toEqual(summariseFlagged(rows, hi.flags, 'g/t', 'horizontal'));
    // A cut-off of 1 (the cut-off alone changed: from the kept flags) keeps all three: core length again,
    // (2 x 1 + 4 x 2 + 6 x 4) / 7 g/t over 7 / 3 m.
    const all = flagInView(flagger, one, { ...ALL, gradeCutoff: 1 });
    expect(summaryOfTally(all.tally!, 'g/t', 'horizontal')).toMatchObject({ count: 3, widthKind: 'core', grade: 34 / 7, width: 7 / 3 });
    // The first two alone (mid depths 10.5 and 21 m, a depth window to 25 m): both have a horizontal width.
    const low = flagInView(flagger, one, { ...ALL, gradeCutoff: 0, holeMask: Uint8Array.of(1), depthMax: 25 });
    expect([...low.flags]).toEqual([1, 1, 0]);
    // HW known for both: (2 x 1 + 4 x 3) / 4 = 3.5 g/t over (1 + 3) / 2 = 2 m.
    expect(summaryOfTally(low.tally!, 'g/t', 'horizontal')).toEqual({ count: 2, widthKind: 'horizontal', grade: 3.5, width: 2, unit: 'g/t' });
    expect(summaryOfTally(low.tally!, 'g/t', 'horizontal')).toEqual(summariseFlagged(rows, low.flags, 'g/t', 'horizontal'));
  });
  it('the tally over several blocks (the flagged rows listed block by block), by hand', () => {
    // 3,001 runs of the three above (9,003 rows, three blocks of 4,096).
    const rows = threeRows(3001);
    const flagger = new InterceptFlagger(interceptPoints(rows, [0, 0, 0]), tallyColumnsOf(rows));
    // ≥ 3 g/t: 6,002 rows, the 6 g/t ones without HW, so core length: 3,001 x (4 x 2 + 6 x 4) g/t·m
    // over 3,001 x 6 m = 16/3 g/t, over 18,006 / 6,002 = 3 m.
    const hi = flagInView(flagger, one, { ...ALL, gradeCutoff: 3 });
    expect(summaryOfTally(hi.tally!, 'g/t', 'horizontal')).toEqual({ count: 6002, widthKind: 'core', grade: 16 / 3, width: 3, unit: 'g/t' });
    // The cut-off alone changed (4.5 g/t): the 6 g/t rows alone, 6 g/t over 4 m of core.
    const top = flagInView(flagger, one, { ...ALL, gradeCutoff: 4.5 });
    expect(summaryOfTally(top.tally!, 'g/t', 'horizontal')).toEqual({ count: 3001, widthKind: 'core', grade: 6, width: 4, unit: 'g/t' });
    expect([...top.flags.subarray(9000)]).toEqual([0, 0, 1]);
    // Mid depths 10.5 and 21 m (a depth window to 25 m, a full pass): every one has a HW, (2 + 12) / 4 = 3.5 g/t over 2 m.
    const low = flagInView(flagger, one, { ...ALL, gradeCutoff: 0, depthMax: 25 });
    expect(summaryOfTally(low.tally!, 'g/t', 'horizontal')).toEqual({ count: 6002, widthKind: 'horizontal', grade: 3.5, width: 2, unit: 'g/t' });
    expect(summariseFlagged(rows, low.flags, 'g/t', 'horizontal')).toEqual(summaryOfTally(low.tally!, 'g/t', 'horizontal'));
  });
});

describe('the table lists the flagged rows and says so', () => {
  it('rowsInView keeps the flagged rows in order, as objects; all of them without flags', () => {
    // Five intercepts of hole 0 at 10-11, 20-21, ... 50-51 m.
    const b = new InterceptRowsBuilder([{ id: 'H1' }], { unit: 'g/t', element: 'Au' });
    for (let k = 1; k <= 5; k++) b.add(0, { from: 10 * k, to: 10 * k + 1, sampledLength: 1, unsampledLength: 0, rows: [k], grade: 2, gradeUncapped: 2, trueWidth: null, horizontalWidth: null, widthKind: 'core', midpoint: [0, 0, 0] }, null, null, []);
    const rows = b.finish();
    expect(rowsInView(rows, Uint8Array.of(0, 1, 1, 0, 0)).map((r) => r.from)).toEqual([20, 30]);
    expect(rowsInView(rows, Uint8Array.of(1, 1, 1, 1, 1)).map((r) => r.from)).toEqual([10, 20, 30, 40, 50]);
    expect(rowsInView(rows, null)).toHaveLength(5);
  });
  it('the count in view (the summary and export button, table closed) is the number of rows the list would hold', () => {
    expect(flaggedCount(5, Uint8Array.of(0, 1, 1, 0, 0))).toBe(2);
    expect(flaggedCount(5, Uint8Array.of(0, 0, 0, 0, 0))).toBe(0);
    // No flags, or flags of another list (the intercepts recomputed since): every row, as rowsInView.
    expect(flaggedCount(5, null)).toBe(5);
    expect(flaggedCount(5, Uint8Array.of(1, 0))).toBe(5);
  });
  it('counts flags across blocks: 10,003 flags, one in three set (i % 3 === 0), are 3,335', () => {
    const flags = Uint8Array.from({ length: 10003 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    expect(flaggedCount(10003, flags)).toBe(3335);
    flags[10001] = 1; // 10,001 % 3 = 2: one more
    expect(flaggedCount(10003, flags)).toBe(3336);
  });
  it('header count, summary and CSV note', () => {
    expect(tableCountText(200, { onlyInView: true, inView: 380, total: 454 })).toBe('showing 200 of 380 in view · 454 in all');
    expect(tableCountText(200, { onlyInView: false, inView: 380, total: 454 })).toBe('showing 200 of 454 · 380 in view');
    const s = { count: 2, grade: 3, width: 1.5, widthKind: 'horizontal' as const, unit: 'g/t' };
    expect(summaryText(s, 'Au', { onlyInView: true, inView: 2, total: 5 })).toBe('2 of 5 intercepts in view · 3.00 g/t Au over 1.50 m (HW, width-weighted)');
    expect(summaryText({ ...s, count: 5 }, 'Au', { onlyInView: false, inView: 2, total: 5 })).toMatch(/^5 intercepts \(2 in view\) · /);
    // Nothing hidden: the plain sentence.
    expect(summaryText(s, 'Au', { onlyInView: true, inView: 2, total: 2 })).toMatch(/^2 intercepts · /);
    expect(csvScopeNote({ onlyInView: true, inView: 2, total: 5 }, ['section slab 35 m wide'])).toBe('intercepts in view: 2 of 5 (filters: section slab 35 m wide)');
    // The note comes first as a "#" line; the header and columns are unchanged.
    const csv = interceptsToCsv([], 'g/t', ['intercepts in view: 0 of 5 (filters: zones unticked: A\nB)']).split('\r\n');
    expect(csv[0]).toBe('# intercepts in view: 0 of 5 (filters: zones unticked: A B)');
    expect(csv[1]).toBe(interceptsToCsv([], 'g/t').split('\r\n')[0]);
  });
});

describe('on the sample: the table flags and the 3D labels agree with a count made here', () => {
  it('McDowell unticked and a 5 g/t cut-off: the flagged rows and the labelled intercepts are the non-McDowell ones at ≥ 5 g/t', () => {
    const { model, report } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
    const store = createVeinscapeStore();
    store.getState().setDataset(model!, prepare(model!), report);
    const s0 = store.getState();
    store.setState({ intercepts: drain(queryInterceptSteps(s0.model!, s0.prepared!.paths, DEFAULT_INTERCEPT_QUERY)), interceptLabels: true });
    const mcdowell = model!.zones.filter((z) => z.system === 'McDowell').map((z) => z.id);
    expect(mcdowell.length).toBe(4);
    store.getState().setZonesVisible(mcdowell, false);
    store.getState().setFilters({ gradeCutoff: 5 });
    const s = store.getState();
    // Independent of the rule: by zone and grade alone (no other filter is on).
    const expected = s.intercepts.toArray().filter((r) => !(r.zoneId !== null && mcdowell.includes(r.zoneId)) && r.grade >= 5);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(s.intercepts.length);
    expect(expected.length).toBeLessThanOrEqual(400); // the labels' own cap
    const flags = interceptFlagsOf(s)!;
    expect(rowsInView(s.intercepts, flags)).toEqual(expected);
    // Every intercept label of the view (a plan view wide enough to hold them all).
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const project: Projector = (x, y, z) => [x, y, z];
    const texts = new Set(expected.map((r) => `${r.holeId}: ${r.label}`));
    const labels = collectLabels(s, anchors, null, project, { text: '#000', muted: '#555', halo: '#fff', accent: '#a00' }).labels.filter((l) => l.text.includes(': '));
    expect(new Set(labels.map((l) => l.text))).toEqual(texts);
    expect(labels).toHaveLength(expected.length);
  });
});

describe('the CSV note names the filters in the interface language', () => {
  const model = { zones: [{ id: 'mcd', name: 'McDowell vein', texts: { name: { en: 'McDowell vein', fr: 'Filon McDowell' } } }] } as unknown as Parameters<typeof viewFiltersOn>[0]['model'];
  const filters = { ...DEFAULT_FILTERS, status: { drilled: true, planned: false }, gradeCutoff: 0.5, depthMin: 1234.5, depthMax: null, yearMin: 1996, yearMax: 2007, programs: {} };
  const s = { model, prepared: null, filters, zoneVisible: { mcd: false }, section: { mode: 'slab', width: 25 } } as unknown as Parameters<typeof viewFiltersOn>[0];
  it('in English, as before', () => {
    expect(viewFiltersOn(s, 'g/t', 'en')).toEqual(['status: drilled only', 'drilling years 1996 to 2007', 'depth 1234.5 to … m', 'grade ≥ 0.5 g/t', 'zones unticked: McDowell vein', 'section slab 25 m wide']);
  });
  it('in French, with French numbers and the French zone name', () => {
    expect(viewFiltersOn(s, 'g/t', 'fr')).toEqual([
      'statut\u00a0: forés seulement',
      'années de forage 1996 à 2007',
      'profondeur 1\u202f234,5 à … m',
      'teneur ≥ 0,5 g/t',
      'zones décochées\u00a0: Filon McDowell',
      'tranche de section de 25 m',
    ]);
  });
});
