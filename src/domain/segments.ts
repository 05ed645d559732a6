/**
 * Flat arrays describing line segments (interval pieces, hole traces, workings) for instanced
 * drawing: one instance per segment, so any number of holes costs one draw call per layer.
 * Coordinates are local (world minus origin) float32 metres.
 */
import type { Vec3 } from './vec3';
import { sharedTransferables, type SharedEnds } from './segmentEnds';

export interface SegmentBuffer {
  count: number;
  /**
   * local start / end points, 3 floats per segment, m; `end` empty where the ends are `shared`
   * (read them through segmentEnds.ts readEnd, which takes either form)
   */
  start: Float32Array;
  end: Float32Array;
  /** grade (g/t) or layer-specific code; -1 = no value */
  value: Float32Array;
  /**
   * 4 per segment: status+type code (planned=1, underground=2), program index, year, hole index;
   * or, in a compact buffer (compactHoles), 1 per segment: the hole index, the other three once
   * per hole in `holeAttrs` (two bytes a segment where the hole indices fit). Read through
   * holeIndexAt / holeAttrAt, which take either.
   */
  hole: Float32Array | Uint16Array;
  /** a compact buffer's status+type code, program index and year of each hole index (3 per hole) */
  holeAttrs?: Float32Array;
  /**
   * Interval pieces on the page (holesByRow): each piece's hole index is its row's, `rowHoles[row[i]]`,
   * read from the interval table's own hole column (the same array as the model's, not a copy),
   * and `hole` is empty. holeIndexAt / holeAttrAt read it.
   */
  rowHoles?: Int32Array | Uint16Array;
  /** fault block bit mask (an integer; one or two bytes a segment once compacted: compactMasks) */
  mask: Float32Array | Uint8Array | Uint16Array;
  /** source record: interval row, hole index, working index... */
  row: Int32Array;
  /**
   * depth along the hole at start / end, m (0 for non-hole layers); empty where the ends are
   * `shared` (startDepthAt / endDepthAt take either form)
   */
  depth: Float32Array;
  /** the ends kept once where a segment's end is the next one's start (segmentEnds.ts shareEnds) */
  shared?: SharedEnds;
  /**
   * The same segments already laid out for the GPU (packed by the loading worker so the page does
   * no per-segment work); opaque here, built and read by the scene.
   */
  gpu?: unknown;
}

export interface SegmentAttrs {
  value: number;
  hole: [number, number, number, number];
  mask: number;
  row: number;
  d0: number;
  d1: number;
}

/** Growable builder so callers need not count segments first. */
export class SegmentBuilder {
  private n = 0;
  private cap: number;
  private buf: SegmentBuffer;
  /** capacity: expected number of segments (grows past it; an exact guess avoids all copies) */
  constructor(private readonly origin: Vec3, capacity = 1024) {
    this.cap = Math.max(1, capacity);
    this.buf = SegmentBuilder.alloc(this.cap);
  }

  private static alloc(cap: number): SegmentBuffer {
    return {
      count: 0,
      start: new Float32Array(cap * 3),
      end: new Float32Array(cap * 3),
      value: new Float32Array(cap),
      hole: new Float32Array(cap * 4),
      mask: new Float32Array(cap),
      row: new Int32Array(cap),
      depth: new Float32Array(cap * 2),
    };
  }

  push(a: Vec3, b: Vec3, at: SegmentAttrs): void {
    this.pushRaw(a, b, at.value, at.hole, at.mask, at.row, at.d0, at.d1);
  }

  /** The same without an attribute object: called once per interval piece of a million-row table. */
  pushRaw(a: ArrayLike<number>, b: ArrayLike<number>, value: number, hole: ArrayLike<number>, mask: number, row: number, d0: number, d1: number): void {
    if (this.n === this.cap) {
      const next = SegmentBuilder.alloc(this.cap * 2);
      for (const k of ['start', 'end', 'value', 'hole', 'mask', 'row', 'depth'] as const) next[k].set(this.buf[k] as never);
      this.buf = next;
      this.cap *= 2;
    }
    const i = this.n++;
    const o = this.origin;
    const b3 = this.buf;
    b3.start[i * 3] = a[0] - o[0]; b3.start[i * 3 + 1] = a[1] - o[1]; b3.start[i * 3 + 2] = a[2] - o[2];
    b3.end[i * 3] = b[0] - o[0]; b3.end[i * 3 + 1] = b[1] - o[1]; b3.end[i * 3 + 2] = b[2] - o[2];
    b3.value[i] = value;
    b3.hole[i * 4] = hole[0]; b3.hole[i * 4 + 1] = hole[1]; b3.hole[i * 4 + 2] = hole[2]; b3.hole[i * 4 + 3] = hole[3];
    b3.mask[i] = mask;
    b3.row[i] = row;
    b3.depth[i * 2] = d0;
    b3.depth[i * 2 + 1] = d1;
  }

  finish(): SegmentBuffer {
    const n = this.n;
    const b = this.buf;
    if (n === this.cap) return { ...b, count: n };
    return copySegments({ ...b, count: n });
  }
}

/**
 * A copy of every array of a buffer (trimmed to `count`, without its GPU layout): what the loading
 * worker keeps of a layer once the original has moved to the page, to build the picking index
 * from and to count with (countHost.ts). One copy serves both.
 */
export function copySegments(b: SegmentBuffer): SegmentBuffer {
  const n = b.count;
  return {
    count: n,
    start: b.start.slice(0, n * 3),
    end: b.end.slice(0, n * 3),
    value: b.value.slice(0, n),
    hole: b.hole.slice(0, isCompact(b) ? n : n * 4),
    ...(b.holeAttrs ? { holeAttrs: b.holeAttrs.slice() } : {}),
    ...(b.rowHoles ? { rowHoles: b.rowHoles.slice() } : {}),
    mask: b.mask.slice(0, n),
    row: b.row.slice(0, n),
    depth: b.depth.slice(0, b.shared ? 0 : n * 2),
    ...(b.shared ? { shared: { own: b.shared.own.slice(), rank: b.shared.rank.slice(), points: b.shared.points.slice(), depths: b.shared.depths.slice(), from: b.shared.from.slice() } } : {}),
  };
}

/** The typed arrays of a buffer, for transfer out of a worker without copying. */
export function segmentTransferables(s: SegmentBuffer): ArrayBuffer[] {
  return [...[s.start, s.end, s.value, s.hole, s.mask, s.row, s.depth, ...(s.holeAttrs ? [s.holeAttrs] : []), ...(s.rowHoles ? [s.rowHoles] : [])].map((a) => a.buffer as ArrayBuffer), ...sharedTransferables(s.shared)];
}

type HoleFields = Pick<SegmentBuffer, 'count' | 'hole'> & Partial<Pick<SegmentBuffer, 'rowHoles' | 'row'>>;

/** One hole entry per segment (compactHoles), not four; or none, the row's (holesByRow). */
function isCompact(b: HoleFields): boolean {
  return b.count > 0 && (b.hole.length === b.count || b.rowHoles !== undefined);
}

/**
 * Hole entries per segment, the hole index last (for loops that read `hole` directly; a buffer
 * whose holes are its rows' has none: read `rowHoles[row[i]]`).
 */
export function holeStride(b: HoleFields): 1 | 4 {
  return isCompact(b) ? 1 : 4;
}

/** Segment i's hole index (an exact integer in float32; -1 or another code where not a hole's). */
export function holeIndexAt(b: HoleFields, i: number): number {
  if (b.rowHoles) return b.rowHoles[b.row![i]];
  return isCompact(b) ? b.hole[i] : b.hole[i * 4 + 3];
}

/** Segment i's hole attribute k: 0 status+type code, 1 program index, 2 year. */
export function holeAttrAt(b: HoleFields & Pick<SegmentBuffer, 'holeAttrs'>, i: number, k: 0 | 1 | 2): number {
  return isCompact(b) ? b.holeAttrs![holeIndexAt(b, i) * 3 + k] : b.hole[i * 4 + k];
}

/**
 * The same interval pieces with no hole entry of their own where each piece's hole is its row's
 * in the table (`rowHoles`, the table's hole column: the page has it already): 4 bytes a piece
 * less at 100,000 holes (46 MB at 11.45 M pieces), 2 below 65,536 holes. The buffer itself when it
 * is not compact or a piece's hole is not its row's.
 */
export function holesByRow(b: SegmentBuffer, rowHoles: Int32Array | Uint16Array): SegmentBuffer {
  const n = b.count;
  if (n === 0 || b.rowHoles || !b.holeAttrs || b.hole.length !== n) return b;
  for (let i = 0; i < n; i++) {
    const r = b.row[i];
    if (!(r >= 0 && r < rowHoles.length) || rowHoles[r] !== b.hole[i]) return b;
  }
  return { ...b, hole: new Uint16Array(0), rowHoles };
}

/**
 * The same segments with one hole entry each (its index) instead of four: the status+type code,
 * program and year are a hole's, so they are kept once per hole. 12 bytes a segment less: 120 MB
 * at 10,000,000 interval pieces on the page; the index in two bytes, not a float32, where every
 * hole index is at most 65,535 (2 bytes less: 20 MB at 10,000 holes). The buffer itself when it
 * cannot be compacted (a segment whose hole index is not a whole number from 0, or a hole whose
 * segments disagree).
 */
export function compactHoles(b: SegmentBuffer): SegmentBuffer {
  const n = b.count;
  if (n === 0 || isCompact(b)) return b;
  let holes = 0;
  for (let i = 0; i < n; i++) {
    const h = b.hole[i * 4 + 3];
    if (!(h >= 0 && Number.isInteger(h))) return b;
    if (h + 1 > holes) holes = h + 1;
  }
  const attrs = new Float32Array(holes * 3);
  const seen = new Uint8Array(holes);
  const hole = holes <= 65536 ? new Uint16Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const h = b.hole[i * 4 + 3];
    hole[i] = h;
    for (let k = 0; k < 3; k++) {
      const v = b.hole[i * 4 + k];
      if (seen[h] === 0) attrs[h * 3 + k] = v;
      else if (!Object.is(attrs[h * 3 + k], v)) return b;
    }
    seen[h] = 1;
  }
  return { ...b, hole, holeAttrs: attrs };
}

/**
 * The same segments with their fault-block masks in one byte each (two where a mask passes 255),
 * not a float32: 3 bytes a segment less, 30 MB at 10,000,000 interval pieces on the page. The
 * buffer itself when a mask is not a whole number from 0 to 65,535.
 */
export function compactMasks(b: SegmentBuffer): SegmentBuffer {
  if (!(b.mask instanceof Float32Array)) return b;
  const m = b.mask.subarray(0, b.count);
  let top = 0;
  for (let i = 0; i < m.length; i++) {
    const v = m[i];
    if (!(v >= 0 && v <= 65535 && Number.isInteger(v))) return b;
    if (v > top) top = v;
  }
  return { ...b, mask: top <= 255 ? Uint8Array.from(m) : Uint16Array.from(m) };
}
