/**
 * The intercepts as columns (src/domain/interceptRows.ts): each intercept read back as the
 * calculator's object, with the figures made when read (core length, width, gram-metres, labels)
 * worked out here by hand, and the readers that go through the columns (points, summary,
 * selection by hole, by depth and by predicate).
 */
import { describe, expect, it } from 'vitest';
import { InterceptRowsBuilder, type IntervalFigures } from '../src/domain/interceptRows';
import { summariseFlagged } from '../src/domain/interceptQuery';
import { interceptPoints, interceptRange } from '../src/domain/interceptFlags';

const holes = [{ id: 'RK-1' }, { id: 'RK-2' }];
const vein = { zoneId: 'v1', dip: 60, normal: [0.5, 0, 0.8660254037844386] as [number, number, number], distance: 0, pierced: true };

/** Intercept A: RK-1 100-102.5 m, 6.074 g/t (7.5 uncapped), TW 1.2, HW 0.82 m, rows 7-9, including 100.5-100.7 m at 21.4 g/t (TW 0.1, HW 0.2). */
const a: IntervalFigures = { from: 100, to: 102.5, sampledLength: 2.3, unsampledLength: 0.2, rows: [7, 8, 9], grade: 6.074, gradeUncapped: 7.5, trueWidth: 1.2, horizontalWidth: 0.82, widthKind: 'horizontal', midpoint: [5000.5, 2000.25, 300.125] };
const inc: IntervalFigures = { from: 100.5, to: 100.7, sampledLength: 0.2, unsampledLength: 0, rows: [8], grade: 21.4, gradeUncapped: 21.4, trueWidth: 0.1, horizontalWidth: 0.2, widthKind: 'horizontal', midpoint: [5000.4, 2000.2, 300.5] };
/** Intercept B: RK-2 40-41.5 m, 3 g/t, no vein near (widths unknown: core length), row 12, no zone. */
const b: IntervalFigures = { from: 40, to: 41.5, sampledLength: 1.5, unsampledLength: 0, rows: [12], grade: 3, gradeUncapped: 3, trueWidth: null, horizontalWidth: null, widthKind: 'core', midpoint: [6000, 2500, 350] };

function rows() {
  const build = new InterceptRowsBuilder(holes, { unit: 'g/t', element: 'Au' });
  build.add(0, a, 'v1', vein, [inc]);
  build.add(1, b, null, null, []);
  return build.finish();
}

describe('an intercept read back from the columns', () => {
  it('has the figures it was given and those made from them, worked out by hand', () => {
    const r = rows();
    expect(r.length).toBe(2);
    const x = r.at(0);
    expect(x).toMatchObject({ holeId: 'RK-1', holeIndex: 0, from: 100, to: 102.5, sampledLength: 2.3, unsampledLength: 0.2, rows: [7, 8, 9], grade: 6.074, gradeUncapped: 7.5, trueWidth: 1.2, horizontalWidth: 0.82, widthKind: 'horizontal', zoneId: 'v1', midpoint: [5000.5, 2000.25, 300.125] });
    // Core length 102.5 - 100 = 2.5 m; width the horizontal one, 0.82 m; 6.074 x 0.82 = 4.98068 g/t·m.
    expect(x.coreLength).toBe(2.5);
    expect(x.width).toBe(0.82);
    expect(x.gramMetres).toBeCloseTo(4.98068, 12);
    expect(x.vein).toEqual(vein);
    expect(x.label).toBe('6.07 g/t Au over 0.82 m (HW), including 21.40 g/t over 0.20 m');
    expect(x.labelParts).toEqual({ grade: 6.074, unit: 'g/t', element: 'Au', width: 0.82, widthKind: 'horizontal', including: [{ grade: 21.4, width: 0.2 }] });
    expect(x.including).toHaveLength(1);
    // The clause: 100.5-100.7 m (0.2 m of core, to float64), its own label with no clause, the intercept's zone and vein.
    expect(x.including[0]).toMatchObject({ holeId: 'RK-1', from: 100.5, to: 100.7, rows: [8], grade: 21.4, width: 0.2, label: '21.40 g/t Au over 0.20 m (HW)', zoneId: 'v1' });
    expect(x.including[0].coreLength).toBeCloseTo(0.2, 12);
    expect(x.including[0].gramMetres).toBeCloseTo(4.28, 12);
  });

  it('keeps unknown widths unknown: core length named, null widths, no vein, no zone, no clause', () => {
    const y = rows().at(1);
    expect(y).toMatchObject({ holeId: 'RK-2', holeIndex: 1, trueWidth: null, horizontalWidth: null, widthKind: 'core', width: 1.5, gramMetres: 4.5, zoneId: null, vein: null, including: [] });
    expect(y.label).toBe('3.00 g/t Au over 1.50 m (core length)');
  });

  it('gives the same figures through toArray, ofHole, atDepth and select', () => {
    const r = rows();
    expect(r.toArray().map((x) => x.holeId)).toEqual(['RK-1', 'RK-2']);
    expect(r.ofHole(1).map((x) => x.from)).toEqual([40]);
    expect(r.ofHole(0)[0].label).toBe(r.at(0).label);
    expect(r.atDepth(0, 101)?.from).toBe(100);
    expect(r.atDepth(0, 102.5)?.from).toBe(100);
    expect(r.atDepth(0, 103)).toBeNull();
    expect(r.atDepth(1, 101)).toBeNull();
    const second = r.select((i) => i === 1);
    expect(second.length).toBe(1);
    expect(second.at(0)).toEqual(r.at(1));
    const first = r.select((i) => i === 0);
    expect(first.at(0)).toEqual(r.at(0));
  });
});

describe('a hole\'s intercepts, by binary search where the rows are in hole order', () => {
  /** Intercepts at from = 10 x hole + k (1 m long) for the holes listed, in that order. */
  function ofHoles(order: number[]) {
    const ids = Array.from({ length: 6 }, (_, i) => ({ id: `H${i}` }));
    const build = new InterceptRowsBuilder(ids, { unit: 'g/t', element: 'Au' });
    const seen = new Map<number, number>();
    for (const h of order) {
      const k = seen.get(h) ?? 0;
      seen.set(h, k + 1);
      build.add(h, { ...b, from: 10 * h + k, to: 10 * h + k + 1 }, null, null, []);
    }
    return build.finish();
  }
  it('in hole order: each hole\'s run, none for a hole without any, before the first or after the last', () => {
    const r = ofHoles([0, 0, 2, 2, 2, 3, 5]);
    expect(r.ofHole(0).map((x) => x.from)).toEqual([0, 1]);
    expect(r.ofHole(2).map((x) => x.from)).toEqual([20, 21, 22]);
    expect(r.ofHole(3).map((x) => x.from)).toEqual([30]);
    expect(r.ofHole(5).map((x) => x.from)).toEqual([50]);
    expect(r.ofHole(1)).toEqual([]);
    expect(r.ofHole(4)).toEqual([]);
    expect(r.atDepth(2, 21.5)?.from).toBe(21);
    expect(r.atDepth(2, 30)).toBeNull();
    expect(r.atDepth(5, 50)?.from).toBe(50);
  });
  it('out of hole order (not the calculator\'s, but allowed): every row is looked at', () => {
    const r = ofHoles([2, 0, 2, 5, 0]);
    expect(r.ofHole(0).map((x) => x.from)).toEqual([0, 1]);
    expect(r.ofHole(2).map((x) => x.from)).toEqual([20, 21]);
    expect(r.atDepth(0, 1.5)?.from).toBe(1);
    expect(r.atDepth(5, 50.5)?.from).toBe(50);
  });
});

describe('readers that go through the columns', () => {
  it('the points of the in-view count: the rows\' own arrays, the origin, zone codes; the rule reads local midpoints and mid depths', () => {
    const r = rows();
    const p = interceptPoints(r, [5000, 2000, 300], [{ id: 'v0' }, { id: 'v1' }]);
    // No copies: the columns themselves.
    expect(p.hole).toBe(r.extras.hole);
    expect(p.mid).toBe(r.main.midpoint);
    expect(p.grade).toBe(r.main.grade);
    expect([...p.hole]).toEqual([0, 1]);
    expect([...p.grade]).toEqual([6.074, 3]);
    expect(p.origin).toEqual([5000, 2000, 300]);
    // Zone codes: 1 + the zone's index among the model's zones (zoneCodes.ts), 0 for none.
    expect([...p.zone]).toEqual([2, 0]);
    // Local elevations 300.125 - 300 = 0.125 and 350 - 300 = 50; mid depths (100 + 102.5) / 2 = 101.25
    // and (40 + 41.5) / 2 = 40.75; local eastings 0.5 and 1000.
    const w = { pass: Uint8Array.of(1, 1), zMin: -1e9, zMax: 1e9, dMin: -Infinity, dMax: Infinity, cut: 0 };
    const flags = (patch: object) => {
      const f = new Uint8Array(2);
      interceptRange(p, { ...w, ...patch }, 0, 2, f);
      return [...f];
    };
    expect(flags({ zMin: 0.125, zMax: 0.125 })).toEqual([1, 0]);
    expect(flags({ zMin: 50, zMax: 50 })).toEqual([0, 1]);
    expect(flags({ dMin: 101.25, dMax: 101.25 })).toEqual([1, 0]);
    expect(flags({ dMin: 40.75, dMax: 40.75 })).toEqual([0, 1]);
    // The plane x - 1 >= 0 (local) keeps B (x 1000), not A (x 0.5).
    expect(flags({ planes: Float64Array.of(1, 0, 0, -1) })).toEqual([0, 1]);
    expect(flags({ cut: 3.5 })).toEqual([1, 0]);
  });

  it('the summary: horizontal width unknown in B, so both over core length when both are in view', () => {
    const r = rows();
    // Both: core lengths 2.5 and 1.5 m: (6.074 x 2.5 + 3 x 1.5) / 4 = 4.92125 g/t over 2 m.
    const both = summariseFlagged(r, null);
    expect(both).toMatchObject({ count: 2, widthKind: 'core', width: 2 });
    expect(both.grade).toBeCloseTo(4.92125, 12);
    // A alone: its horizontal width.
    expect(summariseFlagged(r, Uint8Array.of(1, 0))).toMatchObject({ count: 1, widthKind: 'horizontal', grade: 6.074, width: 0.82 });
  });
});
