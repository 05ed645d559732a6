/**
 * The count index behind the in-view counts (src/domain/countIndex.ts): hand-counted cases for
 * each of its paths (hole wholly inside / outside the windows, straddling them: binary search on
 * elevation, scan with a depth window; rows from the highest values, split rows, an upward and a
 * curved hole) and for the fallback when the index cannot be used.
 */
import { describe, expect, it } from 'vitest';
import { SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import type { FilterState } from '../src/domain/holeFilter';
import { countInView, countInViewSteps, holeAttrsOf, type CountInput } from '../src/domain/viewCounts';
import { buildCountIndex } from '../src/domain/countIndex';
import { drain } from '../src/domain/sliced';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };
const holes = [0, 1, 2, 3].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 }));
const attrs = holeAttrsOf(holes, ['P0']);

/** Each piece: vertical, from z0 to z1 (local m), depths d0..d1 (m), value (g/t, -1 none), row. */
type Piece = [hole: number, row: number, value: number, z0: number, z1: number, d0: number, d1: number];
function buffer(pieces: Piece[]): SegmentBuffer {
  const b = new SegmentBuilder([0, 0, 0]);
  for (const [h, row, value, z0, z1, d0, d1] of pieces) {
    b.push([0, 0, z0], [0, 0, z1], { value, hole: [attrs.code[h], attrs.program[h], attrs.year[h], h], mask: 0, row, d0, d1 });
  }
  return b.finish();
}

/**
 * Hole 0, drilled down: rows 0-3, mid z -5, -15, -25, -35, mid depth 5..35, grades 1, 4, 2, 6.
 * Hole 1, drilled up (underground): rows 4 (3 g/t, mid z 5) and 5 (not assayed, mid z 15), then a
 *   trace piece at mid z 30 (depths 5, 15, 30).
 * Hole 2, curved: trace pieces only, mid z -10, -30, -20 in depth order (depths 10, 30, 50).
 * Hole 3: row 6 cut in two by a fault, 5 g/t above (mid z -10, depth 10) and, to test each
 *   piece on its own, 1 g/t below (mid z -20, depth 20); row 7 at 0 g/t (mid z -30, depth 30).
 */
function dataset(): CountInput {
  return {
    traces: buffer([
      [1, 1, -1, 20, 40, 20, 40],
      [2, 2, -1, 0, -20, 0, 20],
      [2, 2, -1, -20, -40, 20, 40],
      [2, 2, -1, -15, -25, 40, 60],
    ]),
    intervals: buffer([
      [0, 0, 1, 0, -10, 0, 10],
      [0, 1, 4, -10, -20, 10, 20],
      [0, 2, 2, -20, -30, 20, 30],
      [0, 3, 6, -30, -40, 30, 40],
      [1, 4, 3, 0, 10, 0, 10],
      [1, 5, -1, 10, 20, 10, 20],
      [3, 6, 5, -5, -15, 5, 15],
      [3, 6, 1, -15, -25, 15, 25],
      [3, 7, 0, -25, -35, 25, 35],
    ]),
    holes: attrs,
  };
}
const data = dataset();
const counts = (patch: Partial<FilterState>, input = data) => {
  const c = countInView(input, { ...ALL, ...patch });
  return { holes: c.holes, intervals: c.intervals };
};

describe('in-view counts through the count index: hand-counted', () => {
  it('builds an index for this data', () => {
    const ix = drain(buildCountIndex(data.traces, data.intervals, 4))!;
    expect(ix).not.toBeNull();
    // Rows kept relative to their hole's lowest: the marks of split rows need as many places as the
    // widest hole has rows (hole 0, rows 0-3), not one per row of the table (8).
    expect(ix.prow).toBeInstanceOf(Uint16Array);
    expect(ix.mark.length).toBe(4);
  });
  it('no windows: every hole; every row with a value ≥ 0 (a 0 g/t row too)', () => {
    expect(counts({})).toEqual({ holes: 4, intervals: 7 });
    // A negative cut-off still needs a value ≥ 0; NaN limits exclude nothing.
    expect(counts({ gradeCutoff: -5 })).toEqual({ holes: 4, intervals: 7 });
    expect(counts({ elevMin: NaN, elevMax: NaN })).toEqual({ holes: 4, intervals: 7 });
  });
  it('cut-off: a grade equal to it counts; a split row counts once, by its best piece', () => {
    expect(counts({ gradeCutoff: 3 })).toEqual({ holes: 4, intervals: 4 });
    expect(counts({ gradeCutoff: 6 })).toEqual({ holes: 4, intervals: 1 });
    expect(counts({ gradeCutoff: 6.5 })).toEqual({ holes: 4, intervals: 0 });
  });
  it('a narrow window between two pieces\' mid elevations leaves the hole out', () => {
    // [-12, -8]: hole 0 has mids -5 and -15 around it; hole 2 (-10) and hole 3 (-10) are in.
    expect(counts({ elevMin: -12, elevMax: -8 })).toEqual({ holes: 2, intervals: 1 });
  });
  it('each piece of a split row is tested on its own: the piece in the window is below the cut-off', () => {
    // [-22, -18]: only hole 2's -20 and row 6's lower piece (1 g/t).
    expect(counts({ elevMin: -22, elevMax: -18 })).toEqual({ holes: 2, intervals: 1 });
    expect(counts({ elevMin: -22, elevMax: -18, gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 0 });
  });
  it('elevation minimum: only the upward hole, its assayed row', () => {
    expect(counts({ elevMin: 0 })).toEqual({ holes: 1, intervals: 1 });
  });
  it('elevation maximum: holes straddling it, their rows below it', () => {
    // ≤ -20: hole 0 rows 2, 3; hole 2 (-30, -20); hole 3 rows 6 (lower piece) and 7.
    expect(counts({ elevMax: -20 })).toEqual({ holes: 3, intervals: 4 });
    expect(counts({ elevMax: -20, gradeCutoff: 2 })).toEqual({ holes: 3, intervals: 2 });
  });
  it('depth and elevation windows together', () => {
    // depth 12..28 and z ≤ -18: hole 0 row 2 (z -25, depth 25); hole 3 row 6 lower piece (z -20, depth 20).
    expect(counts({ depthMin: 12, depthMax: 28, elevMax: -18 })).toEqual({ holes: 2, intervals: 2 });
    // depth 40..60 alone: hole 2's last piece (depth 50) only.
    expect(counts({ depthMin: 40, depthMax: 60 })).toEqual({ holes: 1, intervals: 0 });
  });
  it('hole filters', () => {
    expect(counts({ holeMask: Uint8Array.of(0, 1, 1, 1) })).toEqual({ holes: 3, intervals: 3 });
    expect(counts({ holeMask: Uint8Array.of(0, 1, 1, 1), elevMax: -20 })).toEqual({ holes: 2, intervals: 2 });
  });
  it('a count abandoned while the index is being built leaves it to the next count', () => {
    const fresh: CountInput = { ...data, intervals: { ...data.intervals } };
    const first = countInViewSteps(fresh, { ...ALL, gradeCutoff: 3 });
    first.next();
    first.next();
    expect(counts({ gradeCutoff: 3 }, fresh)).toEqual({ holes: 4, intervals: 4 });
    expect(counts({ elevMax: -20 }, fresh)).toEqual({ holes: 3, intervals: 4 });
  });
});

describe('in-view counts without the index', () => {
  it('a row with pieces in two holes: the index is not used and the row counts once', () => {
    const input: CountInput = {
      traces: buffer([]),
      intervals: buffer([
        [0, 0, 2, 0, -10, 0, 10],
        [1, 0, 2, -10, -20, 10, 20],
        [1, 1, 5, -20, -30, 20, 30],
      ]),
      holes: attrs,
    };
    expect(drain(buildCountIndex(input.traces, input.intervals, 4))).toBeNull();
    expect(counts({}, input)).toEqual({ holes: 2, intervals: 2 });
    // Mid z -5 (hole 0, row 0), -15 (hole 1, row 0), -25 (hole 1, row 1).
    expect(counts({ elevMax: -12 }, input)).toEqual({ holes: 1, intervals: 2 });
    expect(counts({ elevMin: -12 }, input)).toEqual({ holes: 1, intervals: 1 });
  });
  it('a piece without an elevation (NaN) is never outside a window, as in the per-piece test', () => {
    const input: CountInput = {
      traces: buffer([]),
      intervals: buffer([
        [0, 0, 2, NaN, -10, 0, 10],
        [0, 1, 5, -10, -20, 10, 20],
      ]),
      holes: attrs,
    };
    expect(counts({ elevMin: 100 }, input)).toEqual({ holes: 1, intervals: 1 });
    expect(counts({ elevMin: -16, elevMax: -14 }, input)).toEqual({ holes: 1, intervals: 2 });
  });
});

describe('in-view counts on random holes against a per-piece count', () => {
  /** Seeded (mulberry32), so a failure repeats. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const rnd = random(7);
  // Four holes wandering up and down, some rows cut in two or three pieces, some unassayed.
  const tr: Piece[] = [], iv: Piece[] = [];
  let row = 0;
  for (let h = 0; h < 4; h++) {
    let z = 0, d = 0;
    for (let k = 0; k < 60; k++) {
      const pieces = 1 + Math.floor(rnd() * 3 * (rnd() < 0.2 ? 1 : 0));
      const value = rnd() < 0.1 ? -1 : Math.round(rnd() * 80) / 10;
      for (let p = 0; p < pieces; p++) {
        const dz = (rnd() - 0.7) * 12, dd = 1 + rnd() * 4;
        (rnd() < 0.15 ? tr : iv).push([h, rnd() < 0.15 ? h : row, value, z, z + dz, d, d + dd]);
        z += dz;
        d += dd;
      }
      row++;
    }
  }
  const input: CountInput = { traces: buffer(tr), intervals: buffer(iv), holes: attrs };

  /** Holes and rows by testing every piece (mid elevation and depth, value, hole mask). */
  function perPiece(f: FilterState) {
    const holesSeen = new Set<number>(), rows = new Set<number>();
    const test = (p: Piece, isInterval: boolean) => {
      const [h, r, v, z0, z1, d0, d1] = p;
      const z = (Math.fround(z0) + Math.fround(z1)) / 2, d = (Math.fround(d0) + Math.fround(d1)) / 2;
      if (f.holeMask && !f.holeMask[h]) return;
      if (z < f.elevMin || z > f.elevMax || d < (f.depthMin ?? -Infinity) || d > (f.depthMax ?? Infinity)) return;
      holesSeen.add(h);
      if (isInterval && Math.fround(v) >= f.gradeCutoff && v >= 0) rows.add(r);
    };
    tr.forEach((p) => test(p, false));
    iv.forEach((p) => test(p, true));
    return { holes: holesSeen.size, intervals: rows.size };
  }

  it('agrees on 200 random filter settings', () => {
    for (let k = 0; k < 200; k++) {
      const a = (rnd() - 0.6) * 150, b = a + rnd() * 60;
      const f: FilterState = {
        ...ALL,
        gradeCutoff: rnd() < 0.2 ? 0 : Math.round(rnd() * 80) / 10,
        elevMin: rnd() < 0.3 ? -1e9 : a,
        elevMax: rnd() < 0.3 ? 1e9 : b,
        depthMin: rnd() < 0.7 ? undefined : rnd() * 200,
        depthMax: rnd() < 0.7 ? undefined : 100 + rnd() * 200,
        holeMask: rnd() < 0.8 ? null : Uint8Array.from([0, 1, 2, 3], () => (rnd() < 0.5 ? 1 : 0)),
      };
      expect(counts(f, input), JSON.stringify(f)).toEqual(perPiece(f));
    }
  });
});
