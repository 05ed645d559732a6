/**
 * The page keeps a piece's end point and end depth once where it is the next piece's start
 * (segmentEnds.ts shareEnds): every reader gets the same numbers as from the whole buffer, worked
 * out here by hand, and the picks, filters, counts and bounds are the same.
 */
import { describe, expect, it } from 'vitest';
import { Matrix4, OrthographicCamera } from 'three';
import { compactHoles, compactMasks, copySegments, SegmentBuilder, segmentTransferables, type SegmentBuffer } from '../src/domain/segments';
import { endBounds, endDepthAt, readEnd, shareEnds, startDepthAt, withOwnEnds } from '../src/domain/segmentEnds';
import { segmentVisible, type FilterState } from '../src/domain/holeFilter';
import { pickSegment } from '../src/domain/pick';
import { buildPickIndex, pickIndexed } from '../src/domain/pickIndex';
import { countInView, holeAttrsOf } from '../src/domain/viewCounts';
import { packSegments } from '../src/domain/segmentPack';
import { layerBounds, localBox } from '../src/domain/bounds';
import type { Prepared } from '../src/domain/prepare';
import { buildSegmentGpuData } from '../src/scene/geometry/segmentGeometry';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };

/**
 * Hole 0 at x = 0: rows 0-2 contiguous, z 0 → -10 → -20 → -30 (depths 0-30), row 1 cut in two
 * pieces at z -15 (a station); hole 1 at x = 10: row 3, z -40 → -50 (depths 40-50), then a gap,
 * row 4 z -60 → -70 (depths 60-70). Pieces 0-3 in hole 0, 4-5 in hole 1. Values 1, 4, 4, 2, 6, 3.
 */
function layer(): SegmentBuffer {
  const b = new SegmentBuilder([0, 0, 0]);
  const push = (h: number, row: number, value: number, z0: number, z1: number, d0: number, d1: number) =>
    b.push([10 * h, 0, z0], [10 * h, 0, z1], { value, hole: [0, 0, 2000, h], mask: 1, row, d0, d1 });
  push(0, 0, 1, 0, -10, 0, 10);
  push(0, 1, 4, -10, -15, 10, 15);
  push(0, 1, 4, -15, -20, 15, 20);
  push(0, 2, 2, -20, -30, 20, 30);
  push(1, 3, 6, -40, -50, 40, 50);
  push(1, 4, 3, -60, -70, 60, 70);
  return compactMasks(compactHoles(b.finish()));
}

/** End points and depths by hand: [x, y, z, d0, d1] per piece. */
const ENDS = [
  [0, 0, -10, 0, 10],
  [0, 0, -15, 10, 15],
  [0, 0, -20, 15, 20],
  [0, 0, -30, 20, 30],
  [10, 0, -50, 40, 50],
  [10, 0, -70, 60, 70],
];

describe('piece ends kept once where the next piece starts', () => {
  const whole = layer();
  const shared = shareEnds(whole);

  it('keeps only the ends that are not the next start: the holes\' last pieces and the gap', () => {
    expect(shared.shared).toBeDefined();
    expect(shared.end.length).toBe(0);
    expect(shared.depth.length).toBe(0);
    // Pieces 3 (hole 0's last), 4 (before the gap) and 5 (the last): 3 points, 3 depths.
    expect(Array.from(shared.shared!.points)).toEqual([0, 0, -30, 10, 0, -50, 10, 0, -70]);
    expect(Array.from(shared.shared!.depths)).toEqual([30, 50, 70]);
    expect(Array.from(shared.shared!.from)).toEqual([0, 10, 15, 20, 40, 60]);
    expect(shared.shared!.own[0]).toBe(0b111000);
    // The starts are the buffer's own.
    expect(shared.start).toBe(whole.start);
  });

  it('gives every piece the end and depths worked out by hand', () => {
    const p = [0, 0, 0];
    ENDS.forEach(([x, y, z, d0, d1], i) => {
      readEnd(shared, i, p);
      expect(p).toEqual([x, y, z]);
      expect(startDepthAt(shared, i)).toBe(d0);
      expect(endDepthAt(shared, i)).toBe(d1);
      // The whole buffer through the same readers.
      readEnd(whole, i, p);
      expect(p).toEqual([x, y, z]);
      expect([startDepthAt(whole, i), endDepthAt(whole, i)]).toEqual([d0, d1]);
    });
  });

  it('reads kept ends past the first 32 pieces (the rank of each word)', () => {
    // 40 holes of 2 contiguous pieces: piece 2h ends at z -10 (shared), 2h + 1 at z -20 (kept).
    const b = new SegmentBuilder([0, 0, 0]);
    for (let h = 0; h < 40; h++) {
      b.push([h, 0, 0], [h, 0, -10], { value: 1, hole: [0, 0, 0, h], mask: 0, row: 2 * h, d0: 0, d1: 10 });
      b.push([h, 0, -10], [h, 0, -20], { value: 1, hole: [0, 0, 0, h], mask: 0, row: 2 * h + 1, d0: 10, d1: 20 });
    }
    const s = shareEnds(b.finish());
    expect(s.shared!.points.length).toBe(40 * 3);
    const p = [0, 0, 0];
    for (const i of [1, 31, 33, 63, 65, 79]) {
      readEnd(s, i, p);
      expect(p).toEqual([(i - 1) / 2, 0, -20]);
      expect(endDepthAt(s, i)).toBe(20);
    }
    readEnd(s, 64, p);
    expect(p).toEqual([32, 0, -10]);
  });

  it('is whole again as it was, and survives a copy and a transfer list', () => {
    const back = withOwnEnds(shared);
    expect(Array.from(back.end)).toEqual(Array.from(whole.end));
    expect(Array.from(back.depth)).toEqual(Array.from(whole.depth));
    const copy = copySegments(shared);
    const p = [0, 0, 0];
    readEnd(copy, 5, p);
    expect(p).toEqual([10, 0, -70]);
    expect(endDepthAt(copy, 1)).toBe(15);
    // Start, end, value, hole, mask, row, depth, hole attributes, and the 5 arrays of the shared ends.
    expect(new Set(segmentTransferables(shared)).size).toBe(13);
  });

  it('stays whole where most ends are not the next start, or a zero\'s sign differs', () => {
    const gaps = new SegmentBuilder([0, 0, 0]);
    // Three pieces with gaps between them: no end is shared.
    for (let k = 0; k < 3; k++) gaps.push([0, 0, -10 * k], [0, 0, -10 * k - 5], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: k, d0: 10 * k, d1: 10 * k + 5 });
    const g = gaps.finish();
    expect(shareEnds(g)).toBe(g);
    // -0 and 0 are the same number but not the same bits: the end is kept.
    const signs = new SegmentBuilder([0, 0, 0]);
    signs.push([0, 0, 0], [-0, 0, -10], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 0, d0: 0, d1: 10 });
    signs.push([0, 0, -10], [0, 0, -20], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 1, d0: 10, d1: 20 });
    signs.push([0, 0, -20], [0, 0, -30], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 2, d0: 20, d1: 30 });
    signs.push([0, 0, -30], [0, 0, -40], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 3, d0: 30, d1: 40 });
    const s = shareEnds(signs.finish());
    expect(Array.from(s.shared!.own)).toEqual([0b1001]);
    const p = [1, 1, 1];
    readEnd(s, 0, p);
    expect(Object.is(p[0], -0)).toBe(true);
  });

  it('hides by elevation, depth and section planes by the midpoints worked out by hand', () => {
    const f = (x: Partial<FilterState>) => ({ ...ALL, ...x });
    // mid elevations -5, -12.5, -17.5, -25, -45, -65
    expect([0, 1, 2, 3, 4, 5].map((i) => segmentVisible(shared, i, f({ elevMin: -20, elevMax: -10 }), false))).toEqual([false, true, true, false, false, false]);
    // mid depths 5, 12.5, 17.5, 25, 45, 65
    expect([0, 1, 2, 3, 4, 5].map((i) => segmentVisible(shared, i, f({ depthMin: 15, depthMax: 50 }), false))).toEqual([false, false, true, true, true, false]);
    // a plane keeping x ≥ 5 (mid x 0 in hole 0, 10 in hole 1)
    expect([0, 1, 2, 3, 4, 5].map((i) => segmentVisible(shared, i, f({ planes: Float64Array.from([1, 0, 0, -5]) }), false))).toEqual([false, false, false, false, true, true]);
  });

  it('picks the same piece at the same place along it, with and without the index', () => {
    // Looking along +y at the holes (orthographic, 1 px = 0.1 m): x right, z up.
    const cam = new OrthographicCamera(-32, 32, 20, -20, -100, 100);
    cam.up.set(0, 0, 1);
    cam.position.set(5, -50, -35);
    cam.lookAt(5, 0, -35);
    cam.updateMatrixWorld();
    const m = new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;
    const vp = { width: 640, height: 400 };
    // z = -47.5 on hole 1 (x = 10): 3/4 down piece 4; z = -17.5 on hole 0: half-way down piece 2.
    for (const [x, z, piece, t] of [[10, -47.5, 4, 0.75], [0, -17.5, 2, 0.5]]) {
      const cursor: [number, number] = [((x - 5) / 64 + 0.5) * 640, (0.5 - (z + 35) / 40) * 400];
      const none = () => [0, 0, 0] as [number, number, number];
      for (const r of [pickSegment(shared, m, vp, cursor, 4, none, () => true), pickIndexed(buildPickIndex(shared), m, vp, cursor, 4, none, () => true)]) {
        expect(r?.index).toBe(piece);
        expect(r?.t).toBeCloseTo(t, 9);
      }
    }
  });

  it('counts by hand on the page from the shared form', () => {
    const holes = holeAttrsOf([0, 1].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 })), ['P0']);
    const none = new SegmentBuilder([0, 0, 0]).finish();
    const count = (f: Partial<FilterState>) => countInView({ traces: none, intervals: shared, holes, intercepts: null, rowZones: null }, { ...ALL, ...f });
    // at or above 3 g/t: rows 1, 3 and 4 (4, 6, 3 g/t) in both holes
    expect(count({ gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 3, intercepts: 0 });
    // mid elevation -20 to -10: pieces 1 and 2, both row 1
    expect(count({ elevMin: -20, elevMax: -10 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
    // mid depth 40 to 70: rows 3 and 4 in hole 1
    expect(count({ depthMin: 40, depthMax: 70 })).toEqual({ holes: 1, intervals: 2, intercepts: 0 });
  });

  it('frames the same box and packs the same depths for the shader', () => {
    expect(Array.from(endBounds(shared))).toEqual([0, 0, -70, 10, 0, -10]);
    const prepared = (b: SegmentBuffer) => ({ intervals: b, traces: new SegmentBuilder([0, 0, 0]).finish(), workings: new SegmentBuilder([0, 0, 0]).finish(), collars: new Float32Array([0, 0, 0]), surfaces: [], extent: null, origin: [0, 0, 0] }) as unknown as Prepared;
    expect(Array.from(layerBounds(prepared(shared)).intervals)).toEqual([0, 0, -70, 10, 0, -10]);
    expect(localBox(prepared(shared))).toEqual({ min: [0, 0, -70], max: [10, 0, 0] });
    // segC: depth from, depth to, hole index, value; piece 4
    expect(Array.from(packSegments(shared).segC.subarray(16, 20))).toEqual([40, 50, 1, 6]);
  });

  it('writes the shader\'s depths again for a new colouring', () => {
    const gpu = buildSegmentGpuData(shared, packSegments(whole));
    gpu.setColorValues(Float32Array.from([7, 8, 9, 10, 11, 12]));
    const c = (gpu.segC.image as { data: Float32Array }).data;
    // depth from, depth to, hole index, colour value: pieces 2 (shared end), 3 (kept), 4 (kept, after the hole's change)
    expect(Array.from(c.subarray(8, 20))).toEqual([15, 20, 0, 9, 20, 30, 0, 10, 40, 50, 1, 11]);
  });
});
