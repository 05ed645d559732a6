/**
 * What a view of one intercept should show, and from where: the whole intercept, its hole
 * HOLE_MARGIN m above and below it, and the vein around the pierce point (VEIN_HALF m each way in
 * the vein's plane), seen from a direction that shows both the hole's length and the vein's face.
 * The camera code frames these points in the free area of the screen. Pure maths: no react/three.
 */
import { positionAtDepth, type HolePath } from './desurvey';
import type { InterceptInterval } from './intercepts';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from './vec3';

/** Hole shown above and below the intercept, m along the hole. */
export const HOLE_MARGIN = 40;
/** Half-size of the patch of vein shown around the pierce point, m (in the vein's plane). */
export const VEIN_HALF = 30;

export interface InterceptFrame {
  /** world point the camera looks at (the intercept's mid-depth point), m */
  target: Vec3;
  /** world points that must be in view, m */
  points: Vec3[];
  /** unit vector from the target toward the camera */
  direction: Vec3;
}

/**
 * The viewing direction: as close to the vein's normal (the vein seen face on) as keeps the hole
 * readable. Over directions on a grid of the sphere it maximises min(sin of the angle to the hole,
 * |cos of the angle to the normal|): a hole drilled square to the vein is seen at 45° to both, a
 * hole crossing at 45° is seen almost side on with the vein at about 22° from face on. The camera
 * is kept above the target's horizon (z ≥ 0) when the two are equal. Without a vein: side on to
 * the hole, 20° above horizontal.
 */
export function frameDirection(hole: Vec3, normal: Vec3 | null): Vec3 {
  const d = normalize(hole);
  if (!normal) {
    let side = cross(d, [0, 0, 1]);
    if (length(side) < 1e-6) side = [0, -1, 0]; // a vertical hole: look north
    const h = normalize(side);
    const t = (20 * Math.PI) / 180;
    return normalize([h[0] * Math.cos(t), h[1] * Math.cos(t), Math.sin(t)]);
  }
  const n = normalize(normal);
  let best: Vec3 = n, bestScore = -Infinity;
  for (let el = -85; el <= 85; el += 5) {
    for (let az = 0; az < 360; az += 5) {
      const e = (el * Math.PI) / 180, a = (az * Math.PI) / 180;
      const v: Vec3 = [Math.cos(e) * Math.sin(a), Math.cos(e) * Math.cos(a), Math.sin(e)];
      const c = dot(v, d);
      // Ties broken toward looking down a little (a view from above reads best).
      const score = Math.min(Math.sqrt(Math.max(0, 1 - c * c)), Math.abs(dot(v, n))) + 1e-3 * v[2];
      if (score > bestScore) { bestScore = score; best = v; }
    }
  }
  return best;
}

/** The frame of an intercept on its hole (`depth`: the hole's length, m). */
export function interceptFrame(iv: Pick<InterceptInterval, 'from' | 'to' | 'midpoint' | 'vein'>, path: HolePath, depth: number): InterceptFrame {
  const a = Math.max(0, iv.from - HOLE_MARGIN);
  const b = Math.min(Math.max(depth, iv.to), iv.to + HOLE_MARGIN);
  const points: Vec3[] = [];
  const steps = 8;
  for (let k = 0; k <= steps; k++) points.push(positionAtDepth(path, a + ((b - a) * k) / steps));
  const p0 = positionAtDepth(path, iv.from), p1 = positionAtDepth(path, iv.to);
  const along = sub(p1, p0);
  const holeDir = length(along) > 1e-9 ? along : sub(points[steps], points[0]);
  const n = iv.vein ? iv.vein.normal : null;
  if (n) {
    // Two directions in the vein's plane: along strike (horizontal) and down dip.
    let s = cross(n, [0, 0, 1]);
    if (length(s) < 1e-6) s = [1, 0, 0];
    s = normalize(s);
    const t = normalize(cross(n, s));
    for (const [i, j] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) points.push(add(iv.midpoint, scale(add(scale(s, i), scale(t, j)), VEIN_HALF)));
  }
  return { target: iv.midpoint, points, direction: frameDirection(holeDir, n) };
}
