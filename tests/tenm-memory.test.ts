/**
 * What the page and the counter keep of ten million intervals (issue 22): the counter keeps the
 * pieces' midpoints in place of their ends, one mid depth and hole index per piece and no
 * fault-block masks, and still counts what a hand count gives; the page keeps no copy of the segC
 * texture once uploaded, and writes it again from the segments when the colouring changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactHoles, compactMasks, holeAttrAt, holeIndexAt, holesByRow, SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import { segmentVisible, type FilterState } from '../src/domain/holeFilter';
import { packSegments } from '../src/domain/segmentPack';
import { builtCountIndex, countInView } from '../src/domain/viewCounts';
import { holeAttrsOf } from '../src/domain/viewCounts';
import { countedPieces, createCounter } from '../src/data/countHost';
import { buildSegmentGpuData } from '../src/scene/geometry/segmentGeometry';
import { validateDeposit } from '../src/data/load';
import { datasetContent } from '../src/data/datasetContent';
import { narrowCodes, narrowHoles } from '../src/data/rowColumns';
import { contentHash } from '../src/domain/fingerprint';
import { buildSegmentLod, levelReps } from '../src/domain/segmentLod';
import { buildLodOverlay, fullDetailOverlayIndex } from '../src/domain/segmentLodOverlay';
import { drain } from '../src/domain/sliced';
import { packPaths, packStations, unpackPaths, unpackStations } from '../src/data/pathTransfer';
import { desurvey, pathDirection, pathPoint, positionAtDepth } from '../src/domain/desurvey';

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
    const counts = (f: Partial<FilterState>) => count({ kind: 'count', id: 1, filters: { ...ALL, ...f } }).counts;
    expect(counts({})).toEqual({ holes: 2, intervals: 4, intercepts: 0 });
    // Mids between -30 and -10: rows 1 (-15) and 2 (-25) of hole 0, and hole 1's trace (-20).
    expect(counts({ elevMin: -30, elevMax: -10 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // At or above 3 g/t: rows 1 and 3.
    expect(counts({ gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // Mid depth 12-28 m: rows 1 and 2 (mid depths 15, 25); hole 1's trace mid depth is 20.
    expect(counts({ depthMin: 12, depthMax: 28 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
  });

  it('counts by hand by zone and section once the index has let go of what only its build read', () => {
    // Zone codes per row: rows 0 and 1 in zone 1, rows 2 and 3 in zone 2.
    const count = createCounter({ traces, intervals, holes: attrs, rowZones: Uint8Array.from([1, 1, 2, 2]) });
    const counts = (f: Partial<FilterState>) => count({ kind: 'count', id: 1, filters: { ...ALL, ...f } }).counts;
    expect(counts({})).toEqual({ holes: 2, intervals: 4, intercepts: 0 });
    // zone 2 unticked: rows 0 and 1 remain; hole 1 stays in view by its trace
    expect(counts({ zoneShown: Uint8Array.from([1, 1, 0]) })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // the same at or above 3 g/t: row 1 alone
    expect(counts({ zoneShown: Uint8Array.from([1, 1, 0]), gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 1, intercepts: 0 });
    // a section keeping x ≥ 5 (hole 1 at x = 10): its row 3 and its trace
    expect(counts({ planes: Float64Array.from([1, 0, 0, -5]) })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
    // and the first count's answer again
    expect(counts({ gradeCutoff: 3 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
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

describe('one hole entry per piece on the page', () => {
  // Hole 0: drilled surface hole (code 0) of program 1, 2015, two pieces; hole 2: planned
  // underground (code 3) of program 0, no year, one piece. Hole 1 has no piece.
  const b = new SegmentBuilder([0, 0, 0]);
  b.push([0, 0, 0], [0, 0, -10], { value: 1, hole: [0, 1, 2015, 0], mask: 1, row: 0, d0: 0, d1: 10 });
  b.push([0, 0, -10], [0, 0, -20], { value: 5, hole: [0, 1, 2015, 0], mask: 1, row: 1, d0: 10, d1: 20 });
  b.push([20, 0, 0], [20, 0, -10], { value: 3, hole: [3, 0, 0, 2], mask: 1, row: 2, d0: 0, d1: 10 });
  const full = b.finish();
  const compact = compactHoles(full);

  it('keeps 2 bytes a piece for the hole, and the attributes once per hole', () => {
    expect(full.hole.byteLength).toBe(3 * 16);
    expect(compact.hole.byteLength).toBe(3 * 2);
    expect([0, 1, 2].map((i) => holeIndexAt(compact, i))).toEqual([0, 0, 2]);
    expect([0, 1, 2].map((k) => holeAttrAt(compact, 1, k as 0 | 1 | 2))).toEqual([0, 1, 2015]);
    expect([0, 1, 2].map((k) => holeAttrAt(compact, 2, k as 0 | 1 | 2))).toEqual([3, 0, 0]);
    // the same answers from the four-entry form
    expect(holeIndexAt(full, 2)).toBe(2);
    expect(holeAttrAt(full, 0, 2)).toBe(2015);
  });

  it('hides and picks by the same hole filters', () => {
    const f = (x: Partial<FilterState>) => ({ ...ALL, ...x });
    // program 1 hidden: hole 0's pieces
    expect([0, 1, 2].map((i) => segmentVisible(compact, i, f({ programMask: ~0b10 >>> 0 }), false))).toEqual([false, false, true]);
    // planned underground (code 3) hidden: hole 2's piece
    expect([0, 1, 2].map((i) => segmentVisible(compact, i, f({ statusTypeMask: 0b0111 }), false))).toEqual([true, true, false]);
    // years 2016-2020: hole 0 (2015) hidden, hole 2 (no year) kept
    expect([0, 1, 2].map((i) => segmentVisible(compact, i, f({ yearMin: 2016, yearMax: 2020 }), false))).toEqual([false, false, true]);
    // hole mask: hole 2 hidden
    expect([0, 1, 2].map((i) => segmentVisible(compact, i, f({ holeMask: Uint8Array.from([1, 1, 0]) }), false))).toEqual([true, true, false]);
  });

  it('packs the same per-hole texels for the shader', () => {
    const p = packSegments(compact);
    expect(Array.from(p.holeAttr.subarray(0, 12))).toEqual([0, 1, 2015, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    // segC: depth from, depth to, hole index, value
    expect(Array.from(p.segC.subarray(8, 12))).toEqual([0, 10, 2, 3]);
  });

  it('counts by hand on the page from the compact form', () => {
    const holes3 = holeAttrsOf([0, 1, 2].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 })), ['P0']);
    const none = new SegmentBuilder([0, 0, 0]).finish();
    // at or above 2 g/t: rows 1 and 2, in holes 0 and 2
    expect(countInView({ traces: none, intervals: compact, holes: holes3, intercepts: null, rowZones: null }, { ...ALL, gradeCutoff: 2 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // A row in two holes: no count index, every piece tested. Row 0 in holes 0 and 2 (4 g/t), row 1 in hole 0 (1 g/t).
    const shared = new SegmentBuilder([0, 0, 0]);
    shared.push([0, 0, 0], [0, 0, -10], { value: 4, hole: [0, 1, 2015, 0], mask: 1, row: 0, d0: 0, d1: 10 });
    shared.push([0, 0, -10], [0, 0, -20], { value: 1, hole: [0, 1, 2015, 0], mask: 1, row: 1, d0: 10, d1: 20 });
    shared.push([20, 0, 0], [20, 0, -10], { value: 4, hole: [3, 0, 0, 2], mask: 1, row: 0, d0: 0, d1: 10 });
    const sharedCompact = compactHoles(shared.finish());
    expect(sharedCompact.hole.length).toBe(3);
    expect(countInView({ traces: none, intervals: sharedCompact, holes: holes3, intercepts: null, rowZones: null }, { ...ALL, gradeCutoff: 2 })).toEqual({ holes: 2, intervals: 1, intercepts: 0 });
    // below 15 m of elevation (mids -5, -15, -5): hole 0's second piece alone, 1 g/t
    expect(countInView({ traces: none, intervals: sharedCompact, holes: holes3, intercepts: null, rowZones: null }, { ...ALL, elevMax: -10 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
  });

  it('keeps the hole index in 2 bytes up to hole 65,535, in a float32 past it', () => {
    const upTo = (h: number) => {
      const wide = new SegmentBuilder([0, 0, 0]);
      wide.push([0, 0, 0], [0, 0, -1], { value: 1, hole: [0, 0, 0, 7], mask: 1, row: 0, d0: 0, d1: 1 });
      wide.push([9, 0, 0], [9, 0, -1], { value: 1, hole: [0, 0, 0, h], mask: 1, row: 1, d0: 0, d1: 1 });
      return compactHoles(wide.finish());
    };
    const two = upTo(65535);
    expect(two.hole.byteLength).toBe(2 * 2);
    expect([holeIndexAt(two, 0), holeIndexAt(two, 1)]).toEqual([7, 65535]);
    const four = upTo(65536);
    expect(four.hole.byteLength).toBe(2 * 4);
    expect([holeIndexAt(four, 0), holeIndexAt(four, 1)]).toEqual([7, 65536]);
  });

  it('stays four entries a piece where a hole is not one hole', () => {
    const odd = new SegmentBuilder([0, 0, 0]);
    odd.push([0, 0, 0], [0, 0, -1], { value: 1, hole: [0, 1, 2015, 0], mask: 1, row: 0, d0: 0, d1: 1 });
    odd.push([0, 0, -1], [0, 0, -2], { value: 1, hole: [0, 2, 2015, 0], mask: 1, row: 1, d0: 1, d1: 2 });
    const a = odd.finish();
    expect(compactHoles(a)).toBe(a);
    const neg = new SegmentBuilder([0, 0, 0]);
    neg.push([0, 0, 0], [0, 0, -1], { value: 1, hole: [0, 0, 0, -1], mask: 1, row: 0, d0: 0, d1: 1 });
    const c = neg.finish();
    expect(compactHoles(c)).toBe(c);
  });
});

describe('fault-block masks in a byte on the page', () => {
  const withMasks = (masks: number[]) => {
    const b = new SegmentBuilder([0, 0, 0]);
    masks.forEach((mask, k) => b.push([0, 0, 10 - k], [0, 0, 9 - k], { value: 1, hole: [0, 0, 0, 0], mask, row: k, d0: k, d1: k + 1 }));
    return b.finish();
  };

  it('one byte a piece up to 255, two up to 65,535, the same values', () => {
    const small = compactMasks(withMasks([0, 3, 255]));
    expect(small.mask).toBeInstanceOf(Uint8Array);
    expect(Array.from(small.mask)).toEqual([0, 3, 255]);
    const wide = compactMasks(withMasks([1, 256, 65535]));
    expect(wide.mask).toBeInstanceOf(Uint16Array);
    expect(Array.from(wide.mask)).toEqual([1, 256, 65535]);
  });

  it('float32 where a mask is not a whole number from 0 to 65,535', () => {
    for (const masks of [[1, 65536], [1, -1], [1, 0.5]]) {
      const b = withMasks(masks);
      expect(compactMasks(b)).toBe(b);
    }
  });

  it('packs the same masks for the shader', () => {
    const p = packSegments(compactMasks(withMasks([5, 7])));
    // segA: start x, y, z, mask per segment
    expect(Array.from(p.segA.subarray(0, 8))).toEqual([0, 0, 10, 5, 0, 0, 9, 7]);
  });
});

describe('the interval table: hole and code columns in fewer bytes', () => {
  const text = readFileSync(new URL('./fixtures/mini-deposit.json', import.meta.url), 'utf8');
  // mini-deposit.json's assays, by hand: 4 rows of DH-1 (hole 0), 3 of DH-2 (hole 1); zone v1 on
  // rows 2 and 6, blank elsewhere (-1).
  const HOLES = [0, 0, 0, 0, 1, 1, 1];
  const ZONES = [-1, -1, 0, -1, -1, -1, 0];
  // The fingerprint of mini-deposit.json made by Session 14's code, which kept both as int32.
  const BEFORE = '974d48a5c0548a2958d3faf6cdaffb72ed10a2f28f8aa9a56416bdf5df25b002';

  it('2 bytes a row for the hole, 1 for a zone code, the same values', () => {
    const t = validateDeposit(JSON.parse(text), 'mini.json').model!.intervals[0];
    expect(t.hole).toBeInstanceOf(Uint16Array);
    expect(Array.from(t.hole)).toEqual(HOLES);
    expect(t.categorical.zone.codes).toBeInstanceOf(Int8Array);
    expect(Array.from(t.categorical.zone.codes)).toEqual(ZONES);
  });

  it('leaves the dataset fingerprint as it was, in the worker and on the page', async () => {
    const model = validateDeposit(JSON.parse(text), 'mini.json').model!;
    expect(await contentHash(datasetContent(model))).toBe(BEFORE);
    // What the page receives from the worker (a structured clone: the narrowed columns as they are).
    const sent = structuredClone(model);
    expect(sent.intervals[0].hole).toBeInstanceOf(Uint16Array);
    expect(await contentHash(datasetContent(sent))).toBe(BEFORE);
  });

  it('keeps 4 bytes where the values do not fit', () => {
    expect(narrowHoles(Int32Array.from([0, 65535]))).toBeInstanceOf(Uint16Array);
    const many = narrowHoles(Int32Array.from([0, 65536]));
    expect(many).toBeInstanceOf(Int32Array);
    expect(Array.from(many)).toEqual([0, 65536]);
    expect(Array.from(narrowCodes(Int32Array.from([-1, 127])))).toEqual([-1, 127]);
    expect(narrowCodes(Int32Array.from([-1, 127]))).toBeInstanceOf(Int8Array);
    const two = narrowCodes(Int32Array.from([-1, 128]));
    expect(two).toBeInstanceOf(Int16Array);
    expect(Array.from(two)).toEqual([-1, 128]);
    const four = narrowCodes(Int32Array.from([-1, 32768]));
    expect(four).toBeInstanceOf(Int32Array);
    expect(Array.from(four)).toEqual([-1, 32768]);
  });
});

describe('level 0 of the levels of detail keeps a tile byte per piece, not its order', () => {
  // Holes A at (0, 0) and B at (1000, 1000), pieces in the layer A0, B0, A1, B1: A is in the first
  // tile, B in the last, so level 0 lists pieces 0, 2 (tile 0) then 1, 3 (tile 63).
  const b = new SegmentBuilder([0, 0, 0]);
  const piece = (x: number, h: number, d: number, value: number, row: number) => b.push([x, x, -d], [x, x, -d - 1], { value, hole: [0, 0, 0, h], mask: 0, row, d0: d, d1: d + 1 });
  piece(0, 0, 0, 5, 0);
  piece(1000, 1, 0, 1, 1);
  piece(0, 0, 1, 5, 2);
  piece(1000, 1, 1, 5, 3);
  const layer = b.finish();
  const lod = buildSegmentLod(layer, 4);

  it('one byte a piece for its tile, the order made again when asked', () => {
    expect(lod.levels[0].reps).toBeUndefined();
    expect(Array.from(lod.segmentTile)).toEqual([0, 63, 0, 63]);
    expect(Array.from(drain(levelReps(lod, 0)))).toEqual([0, 2, 1, 3]);
    // in steps of one piece: the same order
    expect(Array.from(drain(levelReps(lod, 0, 1)))).toEqual([0, 2, 1, 3]);
  });

  it('the emphasised grades at 2 g/t: level 0 entries 0, 1 and 3 (pieces 0, 2, 3), their quads', () => {
    const o = buildLodOverlay(lod, layer.value, 2);
    // entry e's quad is vertices 4e..4e+3 of level 0
    expect(Array.from(o.index.subarray(0, 18)).filter((_, k) => k % 6 === 0)).toEqual([0, 4, 12]);
    // without levels: the same pieces in the same order, as the layer's own vertices (4i)
    expect(Array.from(fullDetailOverlayIndex(lod, layer.value, 2)).filter((_, k) => k % 6 === 0)).toEqual([0, 8, 12]);
  });
});

describe('survey stations kept packed on the page until read', () => {
  const A = [{ depth: 0, azimuth: 90, dip: -60 }, { depth: 50.25, azimuth: 91.5, dip: -61 }];
  const B = [{ depth: 0, azimuth: 340, dip: -45 }];
  const received = () => {
    const holes = [{ id: 'A', stations: [] as typeof A }, { id: 'B', stations: [] as typeof A }, { id: 'C', stations: [] as typeof A }];
    unpackStations(holes, structuredClone(packStations([{ stations: A }, { stations: B }, { stations: [] }])));
    return holes;
  };

  it('no station object before a hole is read; then the same stations, as a plain property', () => {
    const holes = received();
    expect(typeof Object.getOwnPropertyDescriptor(holes[0], 'stations')!.get).toBe('function');
    expect(holes[0].stations).toEqual(A);
    expect(Object.getOwnPropertyDescriptor(holes[0], 'stations')!.value).toEqual(A);
    expect(holes[0].stations).toBe(holes[0].stations);
    expect(holes[2].stations).toEqual([]);
  });

  it('spread, cloned and written as JSON with its stations; an assignment replaces them', () => {
    const holes = received();
    expect({ ...holes[1] }).toEqual({ id: 'B', stations: B });
    expect(structuredClone(holes[0])).toEqual({ id: 'A', stations: A });
    expect(JSON.parse(JSON.stringify(holes[1]))).toEqual({ id: 'B', stations: B });
    holes[0].stations = B;
    expect(holes[0].stations).toEqual(B);
    const frozen = Object.freeze(received()[1]);
    expect(frozen.stations).toEqual(B);
  });
});

describe('hole paths on the page are views of the arrays the worker sent', () => {
  // Two vertical holes (dip -90): collars (100, 200, 300) and (0, 0, 50), 30 m and 10 m deep.
  const a = desurvey({ holeId: 'A', collar: [100, 200, 300], depth: 30, stations: [{ depth: 0, azimuth: 0, dip: -90 }] }).path;
  const b = desurvey({ holeId: 'B', collar: [0, 0, 50], depth: 10, stations: [{ depth: 0, azimuth: 0, dip: -90 }] }).path;
  const packed = structuredClone(packPaths([a, b]));
  const back = unpackPaths(packed);

  it('no copy of positions or directions, 3 numbers a station', () => {
    expect(back[1].points.buffer).toBe(packed.points.buffer);
    expect(back[1].directions.buffer).toBe(packed.directions.buffer);
    expect(back[1].points.length).toBe(2 * 3);
  });

  it('the same stations and positions along the hole, by hand', () => {
    // to the nanometre (a direction from azimuth and dip carries 1e-16 of rounding)
    const nm = (v: number[]) => v.map((x) => Math.round(x * 1e9) / 1e9 + 0);
    expect(back[0].depths).toEqual([0, 30]);
    expect(nm(pathPoint(back[0], 1))).toEqual([100, 200, 270]);
    expect(nm(pathPoint(back[1], 0))).toEqual([0, 0, 50]);
    expect(nm(pathDirection(back[1], 1))).toEqual([0, 0, -1]);
    // 4 m down B: 46 m of elevation; past its end the last direction goes on
    expect(nm(positionAtDepth(back[1], 4))).toEqual([0, 0, 46]);
    expect(nm(positionAtDepth(back[1], 12))).toEqual([0, 0, 38]);
  });
});

describe("interval pieces' holes read from their rows on the page", () => {
  // The table: rows 0-1 in hole 0, row 2 in hole 2 (Int32, as at 100,000 holes). Hole 0: drilled
  // surface hole of program 1, 2015; hole 2: planned underground (code 3) of program 0, no year.
  // Row 1 is cut in two pieces (a station at 15 m).
  const tableHoles = Int32Array.from([0, 0, 2]);
  const b = new SegmentBuilder([0, 0, 0]);
  b.push([0, 0, 0], [0, 0, -10], { value: 1, hole: [0, 1, 2015, 0], mask: 1, row: 0, d0: 0, d1: 10 });
  b.push([0, 0, -10], [0, 0, -15], { value: 5, hole: [0, 1, 2015, 0], mask: 1, row: 1, d0: 10, d1: 15 });
  b.push([0, 0, -15], [0, 0, -20], { value: 5, hole: [0, 1, 2015, 0], mask: 1, row: 1, d0: 15, d1: 20 });
  b.push([20, 0, 0], [20, 0, -10], { value: 3, hole: [3, 0, 0, 2], mask: 1, row: 2, d0: 0, d1: 10 });
  const byRow = holesByRow(compactHoles(b.finish()), tableHoles);

  it('keeps no hole entry of its own: the table column itself, and the same holes and attributes', () => {
    expect(byRow.rowHoles).toBe(tableHoles);
    expect(byRow.hole.length).toBe(0);
    expect([0, 1, 2, 3].map((i) => holeIndexAt(byRow, i))).toEqual([0, 0, 0, 2]);
    expect([0, 1, 2].map((k) => holeAttrAt(byRow, 2, k as 0 | 1 | 2))).toEqual([0, 1, 2015]);
    expect([0, 1, 2].map((k) => holeAttrAt(byRow, 3, k as 0 | 1 | 2))).toEqual([3, 0, 0]);
    // The page gets one array for the table and the pieces (one structured clone, as the worker's message).
    const { model, pieces } = structuredClone({ model: tableHoles, pieces: byRow });
    expect(pieces.rowHoles).toBe(model);
  });

  it('hides by the hole filters and counts by hand', () => {
    const f = (x: Partial<FilterState>) => ({ ...ALL, ...x });
    expect([0, 1, 2, 3].map((i) => segmentVisible(byRow, i, f({ programMask: ~0b10 >>> 0 }), false))).toEqual([false, false, false, true]);
    expect([0, 1, 2, 3].map((i) => segmentVisible(byRow, i, f({ holeMask: Uint8Array.from([1, 1, 0]) }), false))).toEqual([true, true, true, false]);
    const holes3 = holeAttrsOf([0, 1, 2].map(() => ({ status: 'drilled', type: 'surface', program: 'P0', year: 2000 })), ['P0']);
    const none = new SegmentBuilder([0, 0, 0]).finish();
    // at or above 2 g/t: rows 1 (two pieces, counted once) and 2, in holes 0 and 2
    expect(countInView({ traces: none, intervals: byRow, holes: holes3, intercepts: null, rowZones: null }, { ...ALL, gradeCutoff: 2 })).toEqual({ holes: 2, intervals: 2, intercepts: 0 });
    // mid elevation at or below -12: row 1's two pieces (mids -12.5, -17.5), hole 0
    expect(countInView({ traces: none, intervals: byRow, holes: holes3, intercepts: null, rowZones: null }, { ...ALL, elevMax: -12 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
  });

  it('keeps its own entries where a piece is not in its row\'s hole', () => {
    const compact = compactHoles(b.finish());
    expect(holesByRow(compact, Int32Array.from([0, 2, 2]))).toBe(compact);
    expect(holesByRow(compact, Int32Array.from([0, 0]))).toBe(compact);
  });
});

describe("the count index keeps each piece's row in two bytes", () => {
  // Hole 0 (x 0): row 0 z 0 → -10 at 1 g/t, row 1 in two pieces z -10 → -15 → -20 at 4 g/t.
  // Hole 1 (x 10): a trace piece z 0 → -40; row a z -40 → -50 at 6 g/t, row b in two pieces
  // z -50 → -55 → -60 at 2 g/t. Depths are minus the elevations. Rows 0, 1 and b in zone 1, a in zone 2.
  const layers = (a: number, b: number) => {
    const piece = (b: SegmentBuilder, h: number, row: number, value: number, z0: number, z1: number) =>
      b.push([10 * h, 0, z0], [10 * h, 0, z1], { value, hole: [0, 0, 2000, h], mask: 0, row, d0: -z0, d1: -z1 });
    const iv = new SegmentBuilder([0, 0, 0]);
    piece(iv, 0, 0, 1, 0, -10);
    piece(iv, 0, 1, 4, -10, -15);
    piece(iv, 0, 1, 4, -15, -20);
    piece(iv, 1, a, 6, -40, -50);
    piece(iv, 1, b, 2, -50, -55);
    piece(iv, 1, b, 2, -55, -60);
    const tr = new SegmentBuilder([0, 0, 0]);
    piece(tr, 1, -1, -1, 0, -40);
    const rowZones = new Uint8Array(b + 1);
    rowZones.set([1, 1]);
    rowZones[a] = 2;
    rowZones[b] = 1;
    return { intervals: iv.finish(), traces: tr.finish(), holes: attrs, intercepts: null, rowZones };
  };

  for (const [a, b, narrow] of [[5, 6, true], [5, 70_005, false]] as const) {
    it(`counts by hand with hole 1's rows at ${a} and ${b} (${narrow ? 'two bytes from its first row' : 'four bytes: its rows span over 65,534'})`, () => {
      const src = layers(a, b);
      const count = (f: Partial<FilterState>) => countInView(src, { ...ALL, ...f });
      expect(count({})).toEqual({ holes: 2, intervals: 4, intercepts: 0 });
      const ix = builtCountIndex(src.intervals)!;
      if (narrow) {
        expect(ix.prow).toBeInstanceOf(Uint16Array);
        expect(Array.from(ix.rowBase!)).toEqual([0, 5]);
      } else {
        expect(ix.prow).toBeInstanceOf(Int32Array);
      }
      // at or above 2 g/t: rows 1, a and b, each split row once
      expect(count({ gradeCutoff: 2 })).toEqual({ holes: 2, intervals: 3, intercepts: 0 });
      // zone 2 hidden: rows 0, 1 and b; zone 1 hidden: row a, hole 0 still in view
      expect(count({ zoneShown: Uint8Array.from([1, 1, 0]) })).toEqual({ holes: 2, intervals: 3, intercepts: 0 });
      expect(count({ zoneShown: Uint8Array.from([1, 0, 1]) })).toEqual({ holes: 2, intervals: 1, intercepts: 0 });
      // mid elevation -60 to -45: hole 1's rows a (-45) and b (-52.5, -57.5), a run of its elevation order
      expect(count({ elevMin: -60, elevMax: -45 })).toEqual({ holes: 1, intervals: 2, intercepts: 0 });
      // mid depth at least 52 m: row b's two pieces (52.5, 57.5), tested one by one
      expect(count({ depthMin: 52 })).toEqual({ holes: 1, intervals: 1, intercepts: 0 });
      // a section keeping x ≥ 5: hole 1, its rows a and b
      expect(count({ planes: Float64Array.from([1, 0, 0, -5]) })).toEqual({ holes: 1, intervals: 2, intercepts: 0 });
    });
  }
});
