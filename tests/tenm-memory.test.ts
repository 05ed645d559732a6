/**
 * What the page and the counter keep of ten million intervals (issue 22): the counter keeps the
 * pieces' midpoints in place of their ends, one mid depth and hole index per piece and no
 * fault-block masks, and still counts what a hand count gives; the page keeps no copy of the segC
 * texture once uploaded, and writes it again from the segments when the colouring changes.
 */
import { describe, expect, it } from 'vitest';
import { SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import type { FilterState } from '../src/domain/holeFilter';
import { holeAttrsOf } from '../src/domain/viewCounts';
import { countedPieces, createCounter } from '../src/data/countHost';
import { buildSegmentGpuData } from '../src/scene/geometry/segmentGeometry';

const ALL: FilterState = { gradeCutoff: 0, belowCutoff: 'dim', elevMin: -1e9, elevMax: 1e9, statusTypeMask: 0b1111, programMask: ~0 >>> 2 };
const holes = [0, 1].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 }));
const attrs = holeAttrsOf(holes, ['P0']);

/** Vertical pieces [hole, row, value, z0, z1, d0, d1] at x = 10 h m. */
function buffer(pieces: [number, number, number, number, number, number, number][]): SegmentBuffer {
  const b = new SegmentBuilder([0, 0, 0]);
  for (const [h, row, value, z0, z1, d0, d1] of pieces) b.push([10 * h, 0, z0], [10 * h, 0, z1], { value, hole: [0, 0, 2000, h], mask: 3, row, d0, d1 });
  return b.finish();
}

describe('the counter keeps midpoints', () => {
  // Hole 0: rows 0-2, z 0 → -10 → -20 → -30 (mids -5, -15, -25), 1, 4 and 2 g/t.
  // Hole 1: row 3, z -40 → -50 (mid -45), 6 g/t; a trace piece z 0 → -40 (mid -20).
  const intervals = buffer([
    [0, 0, 1, 0, -10, 0, 10],
    [0, 1, 4, -10, -20, 10, 20],
    [0, 2, 2, -20, -30, 20, 30],
    [1, 3, 6, -40, -50, 40, 50],
  ]);
  const traces = buffer([[1, 1, -1, 0, -40, 0, 40]]);

  it('one array of midpoints for both ends, no masks', () => {
    const kept = countedPieces(intervals);
    expect(kept.start).toBe(kept.end);
    expect(Array.from(kept.start)).toEqual([0, 0, -5, 0, 0, -15, 0, 0, -25, 10, 0, -45]);
    expect(kept.mask.length).toBe(0);
    expect(kept.row).toBe(intervals.row);
    // One mid depth and one hole index per piece.
    expect(Array.from(kept.depth)).toEqual([5, 15, 25, 45]);
    expect(Array.from(kept.hole)).toEqual([0, 0, 0, 1]);
  });

  it('counts by hand from the midpoints', () => {
    const count = createCounter({ traces, intervals, holes: attrs, rowZones: null });
    const counts = (f: Partial<FilterState>) => count({ kind: 'count', id: 1, filters: { ...ALL, ...f }, intercepts: null }).counts;
    expect(counts({})).toEqual({ holes: 2, intervals: 4, intercepts: 0 });
    // Mids between -30 and -10: rows 1 (-15) and 2 (-25) of hole 0, and hole 1's trace (-20).
    expect(counts({ elevMin: -30, elevMax: -10 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // At or above 3 g/t: rows 1 and 3.
    expect(counts({ gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // Mid depth 12-28 m: rows 1 and 2 (mid depths 15, 25); hole 1's trace mid depth is 20.
    expect(counts({ depthMin: 12, depthMax: 28 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
  });
});

describe('segC after upload', () => {
  const b = buffer([
    [0, 0, 1, 0, -10, 0, 10],
    [1, 1, 4, -10, -20, 12.5, 20.25],
  ]);

  it('is dropped once uploaded and written again from the segments for a new colouring', () => {
    const gpu = buildSegmentGpuData(b);
    const image = gpu.segC.image as { data: Float32Array | null };
    expect(Array.from(image.data!.subarray(0, 8))).toEqual([0, 10, 0, 1, 12.5, 20.25, 1, 4]);
    gpu.segC.onUpdate!(gpu.segC); // what three calls once the texture is on the GPU
    expect(image.data).toBeNull();
    gpu.setColorValues(Float32Array.from([7, 9]));
    // depth from, depth to, hole index, colour value per segment, as packed at load
    expect(Array.from(image.data!.subarray(0, 8))).toEqual([0, 10, 0, 7, 12.5, 20.25, 1, 9]);
    expect(gpu.colourChanged).toBe(true);
    expect(gpu.segC.version).toBeGreaterThan(0);
  });
});
