/**
 * Filters that must filter everything they name (issue 19): unticked zones drop their intervals and
 * intercepts from the in-view counts (their holes stay: the trace is still drawn there), a section
 * slab or clip box keeps only what is inside it, and the hole mask combines the hole search with a
 * list of holes. Hand-counted on three vertical holes 100 m apart, through the count index and
 * through its per-piece fallback.
 */
import { describe, expect, it } from 'vitest';
import { SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import { combineHoleMasks, holeMatches, holeSearchMask, segmentVisible, type FilterState } from '../src/domain/holeFilter';
import { countInView, holeAttrsOf, outlinesInView, type CountInput } from '../src/domain/viewCounts';
import { interceptPoints } from '../src/domain/interceptFlags';
import { buildCountIndex } from '../src/domain/countIndex';
import { boxPlanes, slabPlanes, type HalfSpace } from '../src/domain/section';
import { rowZoneCodes, zoneShownMask } from '../src/domain/zoneCodes';
import { drain } from '../src/domain/sliced';
import { createVeinscapeStore } from '../src/state/store';
import { filterStateFrom, holeMaskOf } from '../src/state/filterState';
import { DEFAULT_FILTERS } from '../src/state/slices/filters';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };
const holes = [0, 1, 2].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 }));
const attrs = holeAttrsOf(holes, ['P0']);
/** Hole h is vertical at x = 100 h, y = 0 (local m, origin [0, 0, 0]). */
const X = [0, 100, 200];
const zones = [{ id: 'A' }, { id: 'B' }];

type Piece = [hole: number, row: number, value: number, z0: number, z1: number];
function buffer(pieces: Piece[]): SegmentBuffer {
  const b = new SegmentBuilder([0, 0, 0]);
  for (const [h, row, value, z0, z1] of pieces) b.push([X[h], 0, z0], [X[h], 0, z1], { value, hole: [attrs.code[h], attrs.program[h], attrs.year[h], h], mask: 0, row, d0: -z0, d1: -z1 });
  return b.finish();
}

/**
 * Hole 0: row 0 (zone A, 2 g/t, z 0..-10), row 1 (no zone, 3 g/t, -10..-20), trace -20..-40.
 * Hole 1: row 2 (zone B, 4 g/t, 0..-10), row 3 (zone A, 1 g/t, -10..-20), trace -20..-40.
 * Hole 2: trace 0..-10, row 4 (zone B, 5 g/t, -10..-20).
 * Intercepts: hole 0 in A (mid z -5), hole 1 in B (mid z -15), hole 2 with no zone (mid z -5).
 */
const intervalPieces: Piece[] = [[0, 0, 2, 0, -10], [0, 1, 3, -10, -20], [1, 2, 4, 0, -10], [1, 3, 1, -10, -20], [2, 4, 5, -10, -20]];
// The zone column as the loader stores it: codes into its categories ('X' is no zone of the model).
const table = { hole: Int32Array.of(0, 0, 1, 1, 2), categorical: { zone: { categories: ['B', 'X', 'A'], codes: Int32Array.of(2, -1, 0, 2, 0) } } };
const rowZones = rowZoneCodes(table, zones);
const intercepts = interceptPoints(
  [
    { holeIndex: 0, from: 0, to: 10, grade: 2, midpoint: [X[0], 0, -5], zoneId: 'A' },
    { holeIndex: 1, from: 10, to: 20, grade: 1, midpoint: [X[1], 0, -15], zoneId: 'B' },
    { holeIndex: 2, from: 0, to: 10, grade: 3, midpoint: [X[2], 0, -5], zoneId: null },
  ],
  [0, 0, 0],
  zones,
);
const indexed: CountInput = {
  traces: buffer([[0, 0, -1, -20, -40], [1, 1, -1, -20, -40], [2, 2, -1, 0, -10]]),
  intervals: buffer(intervalPieces),
  holes: attrs,
  intercepts,
  rowZones,
};
// A piece of row 4 also in hole 0 (at z -20..-30): a row in two holes, so no count index (every
// piece tested). It is out of every section below and in zone B, so the counts are the same.
const perPiece: CountInput = { ...indexed, intervals: buffer([...intervalPieces, [0, 4, 5, -20, -30]]) };

const flat = (hs: HalfSpace[]) => Float64Array.from(hs.flatMap((h) => [...h.normal, h.constant]));
const hide = (...ids: string[]) => zoneShownMask(zones, Object.fromEntries(ids.map((id) => [id, false])));
/** A north-south slab 20 m wide through x = 100: hole 1 only. */
const slab = flat(slabPlanes(0, [100, 0], 20));
/** A box from z -12 to 0 over all three holes: the top piece of each. */
const box = flat(boxPlanes([-10, -10, -12], [210, 10, 0]));

describe('zone codes', () => {
  it('a row belongs to the zone its zone column names; no category or an unknown one is no zone', () => {
    expect(Array.from(rowZones)).toEqual([1, 0, 2, 1, 2]);
    expect(Array.from(rowZoneCodes(table, zones, 'lithology'))).toEqual([0, 0, 0, 0, 0]);
    expect(hide()).toBeNull();
    expect(Array.from(hide('B')!.subarray(0, 3))).toEqual([1, 1, 0]);
  });
});

describe.each([
  ['through the count index', indexed],
  ['testing every piece', perPiece],
])('in-view counts with zones and sections, %s', (_, input) => {
  const counts = (patch: Partial<FilterState>) => countInView(input, { ...ALL, ...patch });
  it('uses the path it says', () => {
    const ix = drain(buildCountIndex(input.traces, input.intervals, 3));
    expect(ix === null).toBe(input === perPiece);
  });
  it('everything: 3 holes, 5 rows, 3 intercepts', () => {
    expect(counts({})).toEqual({ holes: 3, intervals: 5, intercepts: 3 });
  });
  it('an unticked zone drops its rows and intercepts, never a hole; rows with no zone stay', () => {
    expect(counts({ zoneShown: hide('A') })).toEqual({ holes: 3, intervals: 3, intercepts: 2 });
    expect(counts({ zoneShown: hide('B') })).toEqual({ holes: 3, intervals: 3, intercepts: 2 });
    expect(counts({ zoneShown: hide('A', 'B') })).toEqual({ holes: 3, intervals: 1, intercepts: 1 });
    expect(counts({ zoneShown: hide('A'), gradeCutoff: 3 })).toEqual({ holes: 3, intervals: 3, intercepts: 1 });
  });
  it('a section slab keeps the one hole inside it, with its rows and intercept', () => {
    expect(counts({ planes: slab })).toEqual({ holes: 1, intervals: 2, intercepts: 1 });
    expect(counts({ planes: slab, zoneShown: hide('A') })).toEqual({ holes: 1, intervals: 1, intercepts: 1 });
    expect(counts({ planes: slab, zoneShown: hide('B') })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
  });
  it('a clip box keeps the pieces whose midpoint is inside; a hole is in view through any of them', () => {
    expect(counts({ planes: box })).toEqual({ holes: 3, intervals: 2, intercepts: 2 });
    expect(counts({ planes: box, zoneShown: hide('A') })).toEqual({ holes: 3, intervals: 1, intercepts: 1 });
    expect(counts({ planes: box, elevMin: -1 })).toEqual({ holes: 0, intervals: 0, intercepts: 0 });
  });
  it('a slab beside every hole keeps nothing', () => {
    expect(counts({ planes: flat(slabPlanes(0, [50, 0], 20)) })).toEqual({ holes: 0, intervals: 0, intercepts: 0 });
  });
});

describe('picking follows the same rules (segmentVisible)', () => {
  const iv = indexed.intervals;
  it('an interval of an unticked zone is not drawn as an interval, but still as the trace', () => {
    expect(segmentVisible(iv, 0, { ...ALL, zoneShown: hide('A') }, true, rowZones)).toBe(false);
    expect(segmentVisible(iv, 0, { ...ALL, zoneShown: hide('A') }, false, rowZones)).toBe(true);
    expect(segmentVisible(iv, 1, { ...ALL, zoneShown: hide('A') }, true, rowZones)).toBe(true); // no zone
  });
  it('a piece outside the section is not drawn at all', () => {
    expect(segmentVisible(iv, 0, { ...ALL, planes: slab }, false)).toBe(false);
    expect(segmentVisible(iv, 2, { ...ALL, planes: slab }, true)).toBe(true);
  });
});

describe('resource outlines in view', () => {
  const square = (x: number) => [[x, -5, 0], [x + 10, -5, 0], [x + 10, 5, 0], [x, 5, 0]];
  const outlines = [
    { category: 'measured' as const, zone: 'A', outline: square(95) },
    { category: 'indicated' as const, zone: 'B', outline: square(300) },
    { category: 'inferred' as const, outline: square(0) },
  ];
  const on = { layer: true, categories: { measured: true, indicated: true, inferred: true }, zoneVisible: {} };
  it('follow the layer, the category ticks, the zone ticks and the section', () => {
    expect(outlinesInView(outlines, on, null, [0, 0, 0])).toBe(3);
    expect(outlinesInView(outlines, { ...on, layer: false }, null, [0, 0, 0])).toBe(0);
    expect(outlinesInView(outlines, { ...on, categories: { measured: true, indicated: false, inferred: true } }, null, [0, 0, 0])).toBe(2);
    expect(outlinesInView(outlines, { ...on, zoneVisible: { A: false } }, null, [0, 0, 0])).toBe(2);
    expect(outlinesInView(outlines, on, slab, [0, 0, 0])).toBe(1);
    // The planes are local: the same slab with the outlines 1,000 m east of the origin.
    expect(outlinesInView(outlines.map((o) => ({ ...o, outline: o.outline.map((p) => [p[0] + 1000, p[1], p[2]]) })), on, slab, [1000, 0, 0])).toBe(1);
  });
});

describe('hole mask: the hole search and a list of holes', () => {
  const ids = ['RK05-012', 'RK05-120', 'Ré-7', 'DDH-3'];
  it('search: substring, case and accents ignored; several terms', () => {
    expect(Array.from(holeSearchMask(ids, 'rk05-12')!)).toEqual([0, 1, 0, 0]);
    expect(Array.from(holeSearchMask(ids, 're-7, ddh')!)).toEqual([0, 0, 1, 1]);
    expect(holeSearchMask(ids, '  ')).toBeNull();
  });
  it('matches listed as typed: exact match first, then the others by id', () => {
    expect(holeMatches(ids, 'rk05-012')).toEqual([0]);
    expect(holeMatches(ids, '12')).toEqual([0, 1]);
    expect(holeMatches(['A-10', 'A-1', 'B-A-1'], 'a-1')).toEqual([1, 0, 2]);
  });
  it('a list of holes limits on top of the search; null = no limit', () => {
    expect(combineHoleMasks(ids, null, null)).toBeNull();
    expect(Array.from(combineHoleMasks(ids, null, ['DDH-3', 'RK05-012'])!)).toEqual([1, 0, 0, 1]);
    expect(Array.from(combineHoleMasks(ids, holeSearchMask(ids, 'rk05'), ['DDH-3', 'RK05-012'])!)).toEqual([1, 0, 0, 0]);
  });
  it('the store: filters.onlyHoles (default null) combines with the search in the hole mask the counts and the renderer use', () => {
    expect(DEFAULT_FILTERS.onlyHoles).toBeNull();
    const store = createVeinscapeStore();
    const model = { holes: ids.map((id) => ({ id })) } as never;
    store.setState({ model });
    const mask = () => holeMaskOf(store.getState());
    expect(mask()).toBeNull();
    store.getState().setFilters({ onlyHoles: ['Ré-7', 'DDH-3'] });
    expect(Array.from(mask()!)).toEqual([0, 0, 1, 1]);
    store.getState().setFilters({ holeSearch: 'ddh' });
    expect(Array.from(mask()!)).toEqual([0, 0, 0, 1]);
    expect(Array.from(filterStateFrom(store.getState()).holeMask!)).toEqual([0, 0, 0, 1]);
    store.getState().setFilters({ onlyHoles: null });
    expect(Array.from(mask()!)).toEqual([0, 0, 0, 1]);
    store.getState().resetFilters();
    expect(mask()).toBeNull();
  });
});

describe('filterStateFrom: zone ticks and the section, as the counts get them', () => {
  it('zone mask from the Layers ticks; planes from the slab, local and at true scale', () => {
    const store = createVeinscapeStore();
    store.setState({ model: { holes: [], zones } as never, prepared: { origin: [1000, 2000, 0], programs: [] } as never, zoneVisible: { A: true, B: true } });
    expect(filterStateFrom(store.getState()).zoneShown).toBeNull();
    expect(filterStateFrom(store.getState()).planes).toBeNull();
    store.getState().setZoneVisible('B', false);
    expect(Array.from(filterStateFrom(store.getState()).zoneShown!.subarray(0, 3))).toEqual([1, 1, 0]);
    // A north-south slab 20 m wide through world easting 1,100: local x from 90 to 110.
    store.getState().setSection({ mode: 'slab', azimuth: 0, centre: [1100, 2000], width: 20 });
    store.setState({ verticalExaggeration: 3 });
    const f = filterStateFrom(store.getState());
    expect(countInView(indexed, { ...ALL, planes: f.planes })).toEqual({ holes: 1, intervals: 2, intercepts: 1 });
    store.getState().setSection({ mode: 'box', box: { min: [990, 1990, -12], max: [1210, 2010, 0] } });
    expect(countInView(indexed, { ...ALL, planes: filterStateFrom(store.getState()).planes })).toEqual({ holes: 3, intervals: 2, intercepts: 2 });
  });
});

describe('zones and sections on data/rocmec1.json, against a piece-by-piece count', async () => {
  const { readFileSync } = await import('node:fs');
  const { loadDepositText } = await import('../src/data/load');
  const { prepare } = await import('../src/domain/prepare');
  const { model } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
  const p = prepare(model!);
  const input: CountInput = { traces: p.traces, intervals: p.intervals, holes: holeAttrsOf(model!.holes, p.programs), rowZones: p.intervalZones };
  /** Holes with a piece whose midpoint is in the planes; assayed rows ≥ cut with such a piece and a shown zone. */
  function byPiece(planes: Float64Array | null, shown: Uint8Array | null, cut: number) {
    const holes = new Set<number>(), rows = new Set<number>();
    const inside = (b: SegmentBuffer, i: number) => {
      const m = [0, 1, 2].map((a) => 0.5 * (b.start[i * 3 + a] + b.end[i * 3 + a]));
      for (let k = 0; planes && k < planes.length; k += 4) if (planes[k] * m[0] + planes[k + 1] * m[1] + planes[k + 2] * m[2] + planes[k + 3] < 0) return false;
      return true;
    };
    for (const b of [p.traces, p.intervals]) for (let i = 0; i < b.count; i++) if (inside(b, i)) holes.add(b.hole[i * 4 + 3]);
    const iv = p.intervals;
    for (let i = 0; i < iv.count; i++) {
      if (!(iv.value[i] >= 0 && iv.value[i] >= cut) || !inside(iv, i)) continue;
      if (shown && shown[p.intervalZones[iv.row[i]]] === 0) continue;
      rows.add(iv.row[i]);
    }
    return { holes: holes.size, intervals: rows.size };
  }
  // The middle of the collars, local m: sections through the drilled ground.
  const n = p.collars.length / 3;
  const [cx, cy, cz] = [0, 1, 2].map((a) => p.collars.filter((_, i) => i % 3 === a).reduce((s, v) => s + v, 0) / n);
  const slabAt = (az: number, dx: number, w: number) => flat(slabPlanes(az, [cx + dx, cy], w));
  const zMid = cz - 150;
  const noMcDowell = zoneShownMask(model!.zones, { 'mcdowell-1': false, 'mcdowell-2': false, 'mcdowell-3': false });
  const cases: [string, Float64Array | null, Uint8Array | null, number][] = [
    ['McDowell unticked', null, noMcDowell, 0],
    ['McDowell unticked, cut-off 2', null, noMcDowell, 2],
    ['a 50 m slab at 337°', slabAt(337, 0, 50), null, 0],
    ['a 20 m slab at 60°, 30 m east, with McDowell unticked', slabAt(60, 30, 20), noMcDowell, 1],
    ['a clip box round the middle', flat(boxPlanes([cx - 200, cy - 200, zMid - 100], [cx + 150, cy + 100, zMid + 50])), noMcDowell, 0],
  ];
  it.each(cases)('%s', (_, planes, shown, cut) => {
    const c = countInView(input, { ...ALL, planes, zoneShown: shown, gradeCutoff: cut });
    expect({ holes: c.holes, intervals: c.intervals }).toEqual(byPiece(planes, shown, cut));
    expect(c.intervals).toBeGreaterThan(0);
    if (planes) expect(c.holes).toBeLessThan(model!.holes.length);
  });
  it('unticking McDowell drops exactly its assayed rows', () => {
    const all = countInView(input, ALL).intervals;
    const t = model!.intervals[0];
    const zone = t.categorical.zone;
    let mc = 0;
    for (let r = 0; r < t.hole.length; r++) if (t.numeric.Au[r] >= 0 && zone.codes[r] >= 0 && zone.categories[zone.codes[r]].startsWith('mcdowell-')) mc++;
    expect(mc).toBeGreaterThan(100);
    expect(countInView(input, { ...ALL, zoneShown: noMcDowell }).intervals).toBe(all - mc);
  });
});
