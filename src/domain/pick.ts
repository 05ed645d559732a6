/**
 * Screen-space picking of segments: project each visible segment with the camera's
 * view-projection matrix and take the one nearest the cursor within a tolerance in pixels.
 * Pure maths (column-major 4x4 matrix as 16 numbers), so it is tested in Node.
 * `pickIndex.ts` gives the same answer from a spatial index; both use `segmentScreenHit` and
 * `isBetterPick` below so their arithmetic is identical.
 */
import type { SegmentBuffer } from './segments';
import { readEnd } from './segmentEnds';
import type { Vec3 } from './vec3';

export interface PickResult {
  index: number;
  /** 0..1 along the segment from start to end */
  t: number;
  /** distance from the cursor, px */
  distancePx: number;
  /** NDC depth at the picked point (-1 near plane .. 1 far plane), to break ties between layers */
  depth: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Project a local point to pixel coordinates (origin top-left) and NDC depth; null behind the camera. */
export function projectToScreen(m: ArrayLike<number>, p: Vec3, vp: Viewport): [number, number, number] | null {
  const out: [number, number, number] = [0, 0, 0];
  return projectInto(m, p[0], p[1], p[2], vp, out, 0) ? out : null;
}

/** projectToScreen without allocating: writes px x, px y, NDC z at out[o..o+2]; false behind the camera. */
export function projectInto(m: ArrayLike<number>, px: number, py: number, pz: number, vp: Viewport, out: number[], o: number): boolean {
  const x = m[0] * px + m[4] * py + m[8] * pz + m[12];
  const y = m[1] * px + m[5] * py + m[9] * pz + m[13];
  const z = m[2] * px + m[6] * py + m[10] * pz + m[14];
  const w = m[3] * px + m[7] * py + m[11] * pz + m[15];
  // w is the distance in front of the eye (perspective) or 1 (orthographic).
  if (w <= 1e-9) return false;
  out[o] = ((x / w + 1) / 2) * vp.width;
  out[o + 1] = ((1 - y / w) / 2) * vp.height;
  out[o + 2] = z / w;
  return true;
}

/** Where a segment passes the cursor on screen: filled by segmentScreenHit. */
export interface SegmentHit {
  /** 0..1 along the segment */
  t: number;
  /** distance from the cursor, px */
  d: number;
  /** NDC depth at t */
  depth: number;
}

const ends = [0, 0, 0, 0, 0, 0];
/** the segment's end point (local m), either form of the buffer (segmentEnds.ts) */
const endPoint = [0, 0, 0];

/**
 * Screen distance from the cursor (cx, cy px) to segment i of b, moved by (sx, sy, sz) m; writes
 * into `out` and returns false when either end is behind the eye (such segments are never picked).
 */
export function segmentScreenHit(
  b: SegmentBuffer, i: number, sx: number, sy: number, sz: number,
  m: ArrayLike<number>, vp: Viewport, cx: number, cy: number, out: SegmentHit,
): boolean {
  const i3 = i * 3;
  if (!projectInto(m, b.start[i3] + sx, b.start[i3 + 1] + sy, b.start[i3 + 2] + sz, vp, ends, 0)) return false;
  readEnd(b, i, endPoint);
  if (!projectInto(m, endPoint[0] + sx, endPoint[1] + sy, endPoint[2] + sz, vp, ends, 3)) return false;
  const dx = ends[3] - ends[0];
  const dy = ends[4] - ends[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((cx - ends[0]) * dx + (cy - ends[1]) * dy) / len2 : 0;
  t = Math.min(1, Math.max(0, t));
  out.t = t;
  out.d = Math.hypot(ends[0] + dx * t - cx, ends[1] + dy * t - cy);
  out.depth = ends[2] + (ends[5] - ends[2]) * t;
  return true;
}

/**
 * Whether a hit d px from the cursor at NDC depth `depth` replaces `best`, between two answers
 * (an interval layer's and a trace layer's): the closest on screen wins; within 1 px of each other
 * the nearest to the eye. For two it is the rule of `pickRule` below.
 */
export function isBetterPick(d: number, depth: number, best: PickResult | null): boolean {
  return !best || d < best.distancePx - 1 || (Math.abs(d - best.distancePx) <= 1 && depth < best.depth);
}

/**
 * The pick among hits (slots 0..n-1: segment index, t, px from the cursor, NDC depth): of those
 * within 1 px of the nearest on screen, the nearest to the eye; equal depths, the lowest index. It
 * depends on the set of hits only, not on the order they were found in, so the pick index may
 * leave out any hit more than 1 px farther than one it has found (pickIndex.ts).
 */
export function pickRule(n: number, index: ArrayLike<number>, t: ArrayLike<number>, d: ArrayLike<number>, depth: ArrayLike<number>): PickResult | null {
  let dMin = Infinity;
  for (let k = 0; k < n; k++) if (d[k] < dMin) dMin = d[k];
  let best = -1;
  for (let k = 0; k < n; k++) {
    if (d[k] > dMin + 1) continue;
    if (best < 0 || depth[k] < depth[best] || (depth[k] === depth[best] && index[k] < index[best])) best = k;
  }
  return best < 0 ? null : { index: index[best], t: t[best], distancePx: d[best], depth: depth[best] };
}

export function pickSegment(
  b: SegmentBuffer,
  viewProj: ArrayLike<number>,
  vp: Viewport,
  cursor: [number, number],
  tolerancePx: number,
  shiftOf: (mask: number) => Vec3,
  visible: (i: number) => boolean,
): PickResult | null {
  const index: number[] = [], ts: number[] = [], ds: number[] = [], depths: number[] = [];
  const h: SegmentHit = { t: 0, d: 0, depth: 0 };
  for (let i = 0; i < b.count; i++) {
    if (!visible(i)) continue;
    const s = shiftOf(b.mask[i]);
    if (!segmentScreenHit(b, i, s[0], s[1], s[2], viewProj, vp, cursor[0], cursor[1], h)) continue;
    if (h.d > tolerancePx) continue;
    index.push(i); ts.push(h.t); ds.push(h.d); depths.push(h.depth);
  }
  return pickRule(index.length, index, ts, ds, depths);
}
