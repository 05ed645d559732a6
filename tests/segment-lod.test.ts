/**
 * Levels of detail of the intervals layer (src/domain/segmentLod.ts, segmentLodChoice.ts), on
 * hand-made holes whose merged runs, grades and tiles are worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { buildSegmentLod, lodEntry, LOD_TILES, mortonTile, type LodSource, type SegmentLod } from '../src/domain/segmentLod';
import { chooseLevels, lodRanges, lodTriangles, type LodView } from '../src/domain/segmentLodChoice';
import { buildLodOverlay, fullDetailOverlayIndex, lodOverlaySteps, overlayRanges } from '../src/domain/segmentLodOverlay';

interface Seg {
  hole: number;
  from: number;
  to: number;
  value: number;
  /** plan position of the hole (a vertical hole: z = -depth) */
  x: number;
  y: number;
  mask?: number;
}

function source(segs: Seg[]): LodSource {
  const n = segs.length;
  const s: LodSource = {
    count: n,
    start: new Float32Array(n * 3),
    end: new Float32Array(n * 3),
    value: new Float32Array(n),
    hole: new Float32Array(n * 4),
    mask: new Float32Array(n),
    depth: new Float32Array(n * 2),
  };
  segs.forEach((g, i) => {
    s.start.set([g.x, g.y, 0 - g.from], i * 3);
    s.end.set([g.x, g.y, 0 - g.to], i * 3);
    s.value[i] = g.value;
    s.hole[i * 4 + 3] = g.hole;
    s.mask[i] = g.mask ?? 0;
    s.depth.set([g.from, g.to], i * 2);
  });
  return s;
}

// Hole 0 at (0, 0): four 1 m intervals, grades 0.5, 3, 0.2, 1. Hole 1 at (1000, 1000): two 2 m
// intervals, no grade then 2. Median length 1 m: level 1 merges to 2 m, level 2 to 8 m.
const TWO_HOLES: Seg[] = [
  { hole: 0, from: 0, to: 1, value: 0.5, x: 0, y: 0 },
  { hole: 0, from: 1, to: 2, value: 3, x: 0, y: 0 },
  { hole: 0, from: 2, to: 3, value: 0.2, x: 0, y: 0 },
  { hole: 0, from: 3, to: 4, value: 1, x: 0, y: 0 },
  { hole: 1, from: 0, to: 2, value: -1, x: 1000, y: 1000 },
  { hole: 1, from: 2, to: 4, value: 2, x: 1000, y: 1000 },
];

const entries = (lod: SegmentLod, k: number) => Array.from({ length: lod.levels[k].count }, (_, e) => lodEntry(lod.levels[k], e));

describe('building the levels', () => {
  const lod = buildSegmentLod(source(TWO_HOLES), 4);

  it('puts each hole in the tile of its plan position (Morton order) and bounds the tiles', () => {
    // Hole 0 is in grid cell (0, 0), hole 1 in cell (7, 7): the first and the last tile.
    expect(mortonTile(0, 0)).toBe(0);
    expect(mortonTile(7, 7)).toBe(LOD_TILES - 1);
    expect(mortonTile(1, 0)).toBe(1);
    expect(mortonTile(0, 1)).toBe(2);
    const l0 = lod.levels[0];
    expect(l0.tileStart[1] - l0.tileStart[0]).toBe(4);
    expect(l0.tileStart[LOD_TILES] - l0.tileStart[LOD_TILES - 1]).toBe(2);
    expect(Array.from(lod.tileBounds.slice(0, 6))).toEqual([0, 0, -4, 0, 0, 0]);
    expect(Array.from(lod.tileBounds.slice((LOD_TILES - 1) * 6))).toEqual([1000, 1000, -4, 1000, 1000, 0]);
  });

  it('level 0 is every interval; level 1 pairs the 1 m intervals; level 2 is one run per hole', () => {
    expect(lod.levels.length).toBe(3);
    expect(entries(lod, 0).map((e) => [e.first, e.last])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
    // 2 m runs: 0-1 and 2-3 of hole 0; hole 1's intervals are already 2 m long.
    expect(entries(lod, 1).map((e) => [e.first, e.last])).toEqual([[0, 1], [2, 3], [4, 4], [5, 5]]);
    expect(entries(lod, 2).map((e) => [e.first, e.last])).toEqual([[0, 3], [4, 5]]);
  });

  it('a merged run stands for its highest grade (filters) and takes its colour value', () => {
    // Hole 0: 0.5, 3 -> 3 (interval 1); 0.2, 1 -> 1 (interval 3); all four -> 3. Hole 1: none, 2 -> 2.
    expect(entries(lod, 1).map((e) => e.rep)).toEqual([1, 3, 4, 5]);
    expect(entries(lod, 2).map((e) => e.rep)).toEqual([1, 5]);
  });

  it("a merged run's end points are its first interval's start and its last interval's end", () => {
    // The shader draws an entry from start[first] to end[last]: hole 0 from 0 m to 4 m depth.
    const s = source(TWO_HOLES);
    const e = entries(lod, 2)[0];
    expect(Array.from(s.start.slice(e.first * 3, e.first * 3 + 3))).toEqual([0, 0, 0]);
    expect(Array.from(s.end.slice(e.last * 3, e.last * 3 + 3))).toEqual([0, 0, -4]);
    // Its geometric error: the longest merged run in the tile, 4 m at level 2, 2 m at level 1, none at level 0.
    expect(lod.levels[2].tileError[0]).toBe(4);
    expect(lod.levels[1].tileError[0]).toBe(2);
    expect(lod.levels[0].tileError[0]).toBe(0);
    // Hole 1 merges nothing at level 1.
    expect(lod.levels[1].tileError[LOD_TILES - 1]).toBe(0);
  });

  it('never merges across holes, fault blocks or a long gap', () => {
    const segs: Seg[] = [
      { hole: 0, from: 0, to: 1, value: 1, x: 0, y: 0 },
      { hole: 0, from: 1, to: 2, value: 1, x: 0, y: 0, mask: 1 },
      { hole: 0, from: 2, to: 3, value: 1, x: 0, y: 0, mask: 1 },
      { hole: 0, from: 40, to: 41, value: 1, x: 0, y: 0, mask: 1 },
      { hole: 1, from: 41, to: 42, value: 1, x: 0, y: 0, mask: 1 },
      { hole: 1, from: 42, to: 43, value: 1, x: 0, y: 0, mask: 1 },
    ];
    const l = buildSegmentLod(source(segs), 4);
    // Runs possible: 1-2 (same block, contiguous) and 4-5 (hole 1). 0 is in another block, 3 is
    // 37 m below 2 and of another hole than 4.
    const coarsest = entries(l, l.levels.length - 1).map((e) => [e.first, e.last]);
    expect(coarsest).toEqual([[0, 0], [1, 2], [3, 3], [4, 5]]);
  });

  it('on a grid of holes, every level holds each interval exactly once, in runs of one hole and one tile', () => {
    const segs: Seg[] = [];
    for (let h = 0; h < 100; h++) {
      for (let i = 0; i < 30; i++) segs.push({ hole: h, from: i * 1.5, to: i * 1.5 + 1.5, value: ((h * 31 + i * 7) % 13) / 2, x: (h % 10) * 50, y: Math.floor(h / 10) * 50 });
    }
    const s = source(segs);
    const l = buildSegmentLod(s, 64);
    expect(l.levels.length).toBeGreaterThan(2);
    for (let k = 0; k < l.levels.length; k++) {
      const level = l.levels[k];
      const seen = new Uint8Array(s.count);
      for (let t = 0; t < LOD_TILES; t++) {
        for (let e = level.tileStart[t]; e < level.tileStart[t + 1]; e++) {
          const { first, last, rep } = lodEntry(level, e);
          let max = -Infinity;
          for (let i = first; i <= last; i++) {
            seen[i]++;
            expect(segs[i].hole).toBe(segs[first].hole);
            max = Math.max(max, segs[i].value);
            // The tile of the entry is the tile of each member: the hole's grid cell (holes are 50 m apart, 450 m across, 8 cells).
            const cx = Math.min(7, Math.floor((segs[i].x / 450) * 8));
            const cy = Math.min(7, Math.floor((segs[i].y / 450) * 8));
            expect(mortonTile(cx, cy)).toBe(t);
          }
          expect(segs[rep].value).toBe(max);
        }
      }
      expect(seen.every((c) => c === 1)).toBe(true);
      // Coarser levels hold fewer entries: 3000 intervals at level 0.
      if (k === 0) expect(level.count).toBe(3000);
      else expect(level.count).toBeLessThan(l.levels[k - 1].count);
    }
  });
});

describe('choosing the levels', () => {
  const lod = buildSegmentLod(source(TWO_HOLES), 4);
  // A perspective camera at hole 0's collar: 500 px per metre at 1 m (a 90° view 1000 px high).
  const view = (over: Partial<LodView> = {}): LodView => ({
    eye: [0, 0, 0],
    boxes: lod.tileBounds,
    errorScale: 1,
    pixelsPerMetre: 500,
    orthographic: false,
    errorPx: 1.5,
    budget: Infinity,
    ...over,
  });
  const far = LOD_TILES - 1;

  it('a tile at the camera draws full detail, a far one its coarsest level', () => {
    // Hole 1 is √2 km away: its 4 m level-2 run spans 4 × 500 / 1414 = 1.41 px ≤ 1.5.
    const levels = chooseLevels(lod, view(), null);
    expect(levels[0]).toBe(0);
    expect(levels[far]).toBe(2);
    expect(lodTriangles(lod, levels)).toBe(2 * (4 + 1));
  });

  it('closer in, the far tile goes back to full detail', () => {
    // From 100 m, 4 m spans 20 px: level 1 merges nothing in hole 1 (0 px), so level 1.
    const levels = chooseLevels(lod, view({ eye: [1000, 1000, 100] }), null);
    expect(levels[far]).toBe(1);
  });

  it('hysteresis: a tile goes coarser only once the coarser level is under half the pixel limit', () => {
    // Last frame drew it at level 0: level 2 at 1.41 px is over 0.75 px, level 1 (0 px) is not.
    const previous = new Uint8Array(LOD_TILES);
    expect(chooseLevels(lod, view(), previous)[far]).toBe(1);
    // Going finer needs no margin: a tile drawn at level 2 next to the camera is drawn at level 0.
    expect(chooseLevels(lod, view(), new Uint8Array(LOD_TILES).fill(2))[0]).toBe(0);
  });

  it('orthographic: pixels per metre are the same at any distance', () => {
    // 0.3 px per metre: hole 0's 4 m run is 1.2 px (level 2); at 0.5 px per metre it is 2 px, its 2 m runs 1 px (level 1).
    expect(chooseLevels(lod, view({ orthographic: true, pixelsPerMetre: 0.3 }), null)[0]).toBe(2);
    expect(chooseLevels(lod, view({ orthographic: true, pixelsPerMetre: 0.5 }), null)[0]).toBe(1);
  });

  it('the triangle budget coarsens the tiles where it shows least', () => {
    // Full choice: 4 + 1 entries = 10 triangles. At most 5: hole 0 goes to level 1 (2 entries, 6), then level 2 (1 entry, 4).
    const levels = chooseLevels(lod, view({ budget: 5 }), null);
    expect(levels[0]).toBe(2);
    expect(lodTriangles(lod, levels)).toBe(4);
  });

  it('draw ranges: one per run of tiles at one level; fewer draws allowed, runs are drawn finer', () => {
    const levels = chooseLevels(lod, view(), null);
    expect(lodRanges(lod, levels.slice(), 8)).toEqual([
      // Tiles 1-62 are empty: they join the run they are in.
      { level: 0, start: 0, count: 4, from: 0, to: 62 },
      { level: 2, start: 1, count: 1, from: 63, to: 63 },
    ]);
    // One draw: hole 1 is drawn at level 0 with hole 0 (entries 0-5 of level 0).
    expect(lodRanges(lod, levels.slice(), 1)).toEqual([{ level: 0, start: 0, count: 6, from: 0, to: 63 }]);
    // One draw and at most 5 triangles: hole 1 at level 0 would make 12, so hole 0 joins hole 1 at level 2 (one entry each).
    expect(lodRanges(lod, levels.slice(), 1, 5)).toEqual([{ level: 2, start: 0, count: 2, from: 0, to: 63 }]);
  });
});

describe('the emphasised grades drawn by levels', () => {
  const lod = buildSegmentLod(source(TWO_HOLES), 4);
  const values = TWO_HOLES.map((g) => g.value);
  /** Kept entries of level k, as [first, last] of the runs they draw (index: 4 vertices per entry). */
  const kept = (o: ReturnType<typeof buildLodOverlay>, k: number) => {
    const out: number[][] = [];
    for (let i = o.tileStart[k][0]; i < o.tileStart[k][LOD_TILES]; i++) {
      const e = o.index[i * 6] / 4;
      const { first, last } = lodEntry(lod.levels[k], e);
      out.push([first, last]);
    }
    return out;
  };

  it("each level keeps exactly the runs whose highest grade is at or above the floor, tile after tile", () => {
    // Floor 1.5. Level 0: interval 1 (3) in tile 0, interval 5 (2) in the last tile. Level 1: run
    // 0-1 (max 3) and interval 5; run 2-3 (max 1) and interval 4 (no grade) are left out. Level 2:
    // both holes' runs (max 3 and 2).
    const o = buildLodOverlay(lod, values, 1.5);
    expect(kept(o, 0)).toEqual([[1, 1], [5, 5]]);
    expect(kept(o, 1)).toEqual([[0, 1], [5, 5]]);
    expect(kept(o, 2)).toEqual([[0, 3], [4, 5]]);
    // Levels one after the other in one index; per tile: one kept entry in tile 0, one in the last.
    expect(Array.from(o.tileStart[0].slice(0, 2))).toEqual([0, 1]);
    expect(o.tileStart[0][LOD_TILES - 1]).toBe(1);
    expect(o.tileStart[0][LOD_TILES]).toBe(2);
    expect([o.tileStart[1][0], o.tileStart[1][1], o.tileStart[1][LOD_TILES]]).toEqual([2, 3, 4]);
    expect([o.tileStart[2][0], o.tileStart[2][1], o.tileStart[2][LOD_TILES]]).toEqual([4, 5, 6]);
    // Two triangles per kept entry: interval 1 is vertices 4-7.
    expect(o.index.length).toBe(6 * 6);
    expect(Array.from(o.index.slice(0, 6))).toEqual([4, 5, 6, 6, 5, 7]);
  });

  // Built as a warm-up job at ten million intervals (16.7 M entries): each step a task of its own.
  it('built in steps of two entries, it keeps the same runs, and each step looks at two entries', () => {
    // Entries by hand: level 0 the 6 intervals; level 1 hole 0's two 2 m runs and hole 1's two
    // intervals (no grade, then 2: not merged); level 2 one run per hole. Counted, then filled: 24 looks.
    // Before them level 0's entries are made again from the segments' tiles, two segments a step:
    // 6 segments, 3 steps, 2 yields between them.
    expect(lod.levels.map((l) => l.count)).toEqual([6, 4, 2]);
    const steps = lodOverlaySteps(lod, values, 1.5, 2);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBe(2 + 12);
    const o = r.value;
    expect(kept(o, 0)).toEqual([[1, 1], [5, 5]]);
    expect(kept(o, 1)).toEqual([[0, 1], [5, 5]]);
    expect(kept(o, 2)).toEqual([[0, 3], [4, 5]]);
    expect([o.tileStart[2][0], o.tileStart[2][LOD_TILES]]).toEqual([4, 6]);
    expect(Array.from(o.index.slice(0, 6))).toEqual([4, 5, 6, 6, 5, 7]);
  });

  it("a run is kept for its best interval alone: at 2.5 hole 0's 4 m run stays, hole 1 is gone at every level", () => {
    const o = buildLodOverlay(lod, values, 2.5);
    expect(kept(o, 0)).toEqual([[1, 1]]);
    expect(kept(o, 1)).toEqual([[0, 1]]);
    expect(kept(o, 2)).toEqual([[0, 3]]);
  });

  it("draws the main draw's levels, tile for tile: fewer triangles where the main draw is coarser", () => {
    const o = buildLodOverlay(lod, values, 1.5);
    // Hole 0 at full detail, hole 1 at level 2 (as chosen above from hole 0's collar).
    const main = lodRanges(lod, chooseLevels(lod, { eye: [0, 0, 0], boxes: lod.tileBounds, errorScale: 1, pixelsPerMetre: 500, orthographic: false, errorPx: 1.5, budget: Infinity }, null), 8);
    expect(overlayRanges(o, main)).toEqual([
      { level: 0, start: 0, count: 1, from: 0, to: 62 },
      { level: 2, start: 5, count: 1, from: 63, to: 63 },
    ]);
    // Everything at level 1, one draw: run 0-1 and interval 5 (entries 2 and 3 of the index).
    const levels = new Uint8Array(LOD_TILES).fill(1);
    expect(overlayRanges(o, lodRanges(lod, levels, 8))).toEqual([{ level: 1, start: 2, count: 2, from: 0, to: 63 }]);
    // A floor nothing reaches: no draw at all.
    expect(overlayRanges(buildLodOverlay(lod, values, 10), main)).toEqual([]);
  });

  it('on a grid of holes, each tile keeps the entries whose members reach the floor, in the level\'s order', () => {
    const segs: Seg[] = [];
    for (let h = 0; h < 100; h++) {
      for (let i = 0; i < 30; i++) segs.push({ hole: h, from: i * 1.5, to: i * 1.5 + 1.5, value: ((h * 31 + i * 7) % 13) / 2, x: (h % 10) * 50, y: Math.floor(h / 10) * 50 });
    }
    const l = buildSegmentLod(source(segs), 64);
    const o = buildLodOverlay(l, segs.map((g) => g.value), 5);
    for (let k = 0; k < l.levels.length; k++) {
      const level = l.levels[k];
      for (let t = 0; t < LOD_TILES; t++) {
        // Expected from the members themselves: entries of the tile holding an interval of grade 5 or more.
        const want: number[] = [];
        for (let e = level.tileStart[t]; e < level.tileStart[t + 1]; e++) {
          const { first, last } = lodEntry(level, e);
          if (segs.slice(first, last + 1).some((g) => g.value >= 5)) want.push(e);
        }
        const got: number[] = [];
        for (let i = o.tileStart[k][t]; i < o.tileStart[k][t + 1]; i++) got.push(o.index[i * 6] / 4);
        expect(got).toEqual(want);
      }
    }
  });

  it('without levels (?lod=off) the same segments are drawn in the same tile order, as the layer\'s own vertices', () => {
    // Hole 1 (the last tile) first in the layer, hole 0 (tile 0) after it: tile order puts hole 0 first.
    const segs: Seg[] = [TWO_HOLES[4], TWO_HOLES[5], ...TWO_HOLES.slice(0, 4)];
    const l = buildSegmentLod(source(segs), 4);
    // Floor 1.5: hole 0's 3 (segment 3 of this layer), then hole 1's 2 (segment 1).
    expect(Array.from(fullDetailOverlayIndex(l, segs.map((g) => g.value), 1.5))).toEqual([12, 13, 14, 14, 13, 15, 4, 5, 6, 6, 5, 7]);
  });
});

describe('the building\'s progress', () => {
  it('reports the tiles, the full level, then each coarser level kept, never back', () => {
    const seen: number[] = [];
    const lod = buildSegmentLod(source(TWO_HOLES), 4, (f) => seen.push(f));
    // 0.2 after the tiles, 0.3 after level 0, then 0.3 + 0.7 k / 6 for each coarser level k kept
    // (LOD_MAX_LEVELS = 6): two here (2 m and 8 m, as above).
    expect(lod.levels).toHaveLength(3);
    expect(seen).toEqual([0.2, 0.3, 0.3 + 0.7 / 6, 0.3 + (0.7 * 2) / 6]);
  });
});
