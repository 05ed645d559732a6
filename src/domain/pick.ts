/**
 * Screen-space picking of segments: project each visible segment with the camera's
 * view-projection matrix and take the one nearest the cursor within a tolerance in pixels.
 * Pure maths (column-major 4x4 matrix as 16 numbers), so it is tested in Node.
 */
import type { SegmentBuffer } from './segments';
import type { Vec3 } from './vec3';

export interface PickResult {
  index: number;
  /** 0..1 along the segment from start to end */
  t: number;
  /** distance from the cursor, px */
  distancePx: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Project a local point to pixel coordinates (origin top-left) and NDC depth; null behind the camera. */
export function projectToScreen(m: ArrayLike<number>, p: Vec3, vp: Viewport): [number, number, number] | null {
  const x = m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12];
  const y = m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13];
  const z = m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14];
  const w = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
  if (w <= 1e-9) return null;
  return [((x / w + 1) / 2) * vp.width, ((1 - y / w) / 2) * vp.height, z / w];
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
  let best: PickResult | null = null;
  let bestDepth = Infinity;
  for (let i = 0; i < b.count; i++) {
    if (!visible(i)) continue;
    const s = shiftOf(b.mask[i]);
    const a = projectToScreen(viewProj, [b.start[i * 3] + s[0], b.start[i * 3 + 1] + s[1], b.start[i * 3 + 2] + s[2]], vp);
    const e = projectToScreen(viewProj, [b.end[i * 3] + s[0], b.end[i * 3 + 1] + s[1], b.end[i * 3 + 2] + s[2]], vp);
    if (!a || !e) continue;
    const dx = e[0] - a[0];
    const dy = e[1] - a[1];
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((cursor[0] - a[0]) * dx + (cursor[1] - a[1]) * dy) / len2 : 0;
    t = Math.min(1, Math.max(0, t));
    const d = Math.hypot(a[0] + dx * t - cursor[0], a[1] + dy * t - cursor[1]);
    if (d > tolerancePx) continue;
    const depth = a[2] + (e[2] - a[2]) * t;
    // Prefer the closest on screen; among near-equal ones (within 1 px) the nearest to the eye.
    if (!best || d < best.distancePx - 1 || (Math.abs(d - best.distancePx) <= 1 && depth < bestDepth)) {
      best = { index: i, t, distancePx: d };
      bestDepth = depth;
    }
  }
  return best;
}
