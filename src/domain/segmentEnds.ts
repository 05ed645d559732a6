/**
 * Segment end points shared with the next segment's start. Down a hole, the pieces of one interval
 * and the intervals of a contiguous sampling follow each other: a piece's end point and end depth
 * are the next piece's start, the same float32 numbers. The page keeps them once
 * (`shareEnds`, called by the loading worker on what it sends): each segment's start and start
 * depth, and only the ends that are not the next start (a hole's last piece, a gap in the
 * sampling), marked in a bit set. 16 bytes a segment less: 183 MB at 11.45 M interval pieces
 * (100,000 holes × 100 intervals). Readers go through readEnd / startDepthAt / endDepthAt, which
 * take either form and give back the same numbers.
 */
import type { SegmentBuffer } from './segments';

export interface SharedEnds {
  /** bit i & 31 of word i >>> 5: segment i's end is kept here (it is not segment i + 1's start) */
  own: Uint32Array;
  /** per word of `own`: the set bits of the words before it (where its first kept end is) */
  rank: Uint32Array;
  /** the kept end points, 3 floats each (local m), in segment order */
  points: Float32Array;
  /** the kept end depths, m, in segment order */
  depths: Float32Array;
  /** every segment's start depth, m */
  from: Float32Array;
}

/** Set bits of a 32-bit word. */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Where segment i's end is among the kept ends, or -1 when it is segment i + 1's start. */
function keptEnd(s: SharedEnds, i: number): number {
  const w = i >>> 5;
  const bit = 1 << (i & 31);
  const x = s.own[w];
  if ((x & bit) === 0) return -1;
  return s.rank[w] + popcount(x & (bit - 1));
}

/** Segment i's end point (local m) into out[0..2]. */
export function readEnd(b: SegmentBuffer, i: number, out: { [k: number]: number }): void {
  const s = b.shared;
  let a = b.end, o = i * 3;
  if (s) {
    const k = keptEnd(s, i);
    if (k < 0) { a = b.start; o = i * 3 + 3; } else { a = s.points; o = k * 3; }
  }
  out[0] = a[o]; out[1] = a[o + 1]; out[2] = a[o + 2];
}

/** Depth along the hole at segment i's start, m. */
export function startDepthAt(b: SegmentBuffer, i: number): number {
  return b.shared ? b.shared.from[i] : b.depth[i * 2];
}

/** Depth along the hole at segment i's end, m. */
export function endDepthAt(b: SegmentBuffer, i: number): number {
  const s = b.shared;
  if (!s) return b.depth[i * 2 + 1];
  const k = keptEnd(s, i);
  return k < 0 ? s.from[i + 1] : s.depths[k];
}

/**
 * Every segment's start and end depth into out[i * stride] and out[i * stride + 1], in one pass
 * (the kept ends read in order, no search): the shader's depths written again for a new colouring.
 */
export function writeDepths(b: SegmentBuffer, out: Float32Array, stride: number): void {
  const s = b.shared;
  for (let i = 0, k = 0; i < b.count; i++) {
    if (!s) {
      out[i * stride] = b.depth[i * 2];
      out[i * stride + 1] = b.depth[i * 2 + 1];
      continue;
    }
    out[i * stride] = s.from[i];
    out[i * stride + 1] = (s.own[i >>> 5] >>> (i & 31)) & 1 ? s.depths[k++] : s.from[i + 1];
  }
}

/** Whether a buffer holds every segment's end point (in either form). */
export function hasEnds(b: SegmentBuffer): boolean {
  return b.shared !== undefined || b.end.length >= b.count * 3;
}

/** Whether segment i's end is segment i + 1's start, end depth included, to the bit (float32). */
function endIsNextStart(b: SegmentBuffer, i: number): boolean {
  if (i + 1 >= b.count) return false;
  const e = i * 3, s = e + 3;
  return Object.is(b.end[e], b.start[s]) && Object.is(b.end[e + 1], b.start[s + 1]) && Object.is(b.end[e + 2], b.start[s + 2]) && Object.is(b.depth[i * 2 + 1], b.depth[i * 2 + 2]);
}

/**
 * The same segments with each end kept once where it is the next segment's start (see the top of
 * the file). The buffer itself when it is shared already, or when fewer than half the ends are
 * shared (a sampling with gaps between most intervals saves nothing).
 */
export function shareEnds(b: SegmentBuffer): SegmentBuffer {
  const n = b.count;
  if (n === 0 || b.shared || b.end.length < n * 3 || b.depth.length < n * 2) return b;
  let kept = 0;
  for (let i = 0; i < n; i++) if (!endIsNextStart(b, i)) kept++;
  if (kept > n / 2) return b;
  const words = (n + 31) >>> 5;
  const own = new Uint32Array(words);
  const rank = new Uint32Array(words);
  const points = new Float32Array(kept * 3);
  const depths = new Float32Array(kept);
  const from = new Float32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 31) === 0) rank[i >>> 5] = k;
    from[i] = b.depth[i * 2];
    if (endIsNextStart(b, i)) continue;
    own[i >>> 5] |= 1 << (i & 31);
    points[k * 3] = b.end[i * 3]; points[k * 3 + 1] = b.end[i * 3 + 1]; points[k * 3 + 2] = b.end[i * 3 + 2];
    depths[k] = b.depth[i * 2 + 1];
    k++;
  }
  return { ...b, end: new Float32Array(0), depth: new Float32Array(0), shared: { own, rank, points, depths, from } };
}

/**
 * The buffer with every segment's end and both depths in arrays of their own (a transient copy
 * of a shared buffer; the buffer itself otherwise), for the rare builds that read every segment
 * (a picking index or GPU layout made on the page).
 */
export function withOwnEnds(b: SegmentBuffer): SegmentBuffer {
  if (!b.shared) return b;
  const n = b.count;
  const end = new Float32Array(n * 3);
  const depth = new Float32Array(n * 2);
  const p = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    readEnd(b, i, p);
    end[i * 3] = p[0]; end[i * 3 + 1] = p[1]; end[i * 3 + 2] = p[2];
  }
  writeDepths(b, depth, 2);
  return { ...b, end, depth, shared: undefined };
}

/** Bounds of every segment's end point, [minX, minY, minZ, maxX, maxY, maxZ] (local m). */
export function endBounds(b: SegmentBuffer): Float64Array {
  const r = new Float64Array([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
  const p = [0, 0, 0];
  for (let i = 0; i < b.count; i++) {
    readEnd(b, i, p);
    for (let k = 0; k < 3; k++) {
      if (p[k] < r[k]) r[k] = p[k];
      if (p[k] > r[k + 3]) r[k + 3] = p[k];
    }
  }
  return r;
}

/** The typed arrays of a shared buffer's ends, for transfer out of a worker. */
export function sharedTransferables(s: SharedEnds | undefined): ArrayBuffer[] {
  return s ? [s.own, s.rank, s.points, s.depths, s.from].map((a) => a.buffer as ArrayBuffer) : [];
}
