/**
 * Section geometry: the slab between two vertical planes either side of a section line, and a clip
 * box, as half-spaces n·p + c ≥ 0 (the side kept). Local coordinates, metres.
 */
import type { Vec3 } from './vec3';

export interface HalfSpace {
  normal: Vec3;
  constant: number;
}

/** Horizontal unit normal of a section line with this azimuth (pointing to its right-hand side). */
export function sectionNormal(azimuthDeg: number): Vec3 {
  const a = (azimuthDeg * Math.PI) / 180;
  return [Math.cos(a), -Math.sin(a), 0];
}

/** The two half-spaces that keep a slab `width` m wide centred on the line through `centre`. */
export function slabPlanes(azimuthDeg: number, centre: [number, number], width: number): HalfSpace[] {
  const n = sectionNormal(azimuthDeg);
  const d = n[0] * centre[0] + n[1] * centre[1];
  const h = width / 2;
  return [
    { normal: n, constant: -(d - h) },
    { normal: [-n[0], -n[1], 0], constant: d + h },
  ];
}

/** Six half-spaces keeping the inside of a box. */
export function boxPlanes(min: Vec3, max: Vec3): HalfSpace[] {
  return [
    { normal: [1, 0, 0], constant: -min[0] },
    { normal: [-1, 0, 0], constant: max[0] },
    { normal: [0, 1, 0], constant: -min[1] },
    { normal: [0, -1, 0], constant: max[1] },
    { normal: [0, 0, 1], constant: -min[2] },
    { normal: [0, 0, -1], constant: max[2] },
  ];
}

export const kept = (planes: HalfSpace[], p: Vec3) => planes.every((h) => h.normal[0] * p[0] + h.normal[1] * p[1] + h.normal[2] * p[2] + h.constant >= 0);

/** The part [u0, u1] (0 ≤ u0 ≤ u1 ≤ 1) of the segment a → b the half-spaces keep, or null when they keep none of it. */
export function keptSpan(planes: readonly HalfSpace[], a: Vec3, b: Vec3): [number, number] | null {
  let u0 = 0, u1 = 1;
  for (const h of planes) {
    const fa = h.normal[0] * a[0] + h.normal[1] * a[1] + h.normal[2] * a[2] + h.constant;
    const fb = h.normal[0] * b[0] + h.normal[1] * b[1] + h.normal[2] * b[2] + h.constant;
    if (fa < 0 && fb < 0) return null;
    if (fa < 0) u0 = Math.max(u0, fa / (fa - fb));
    else if (fb < 0) u1 = Math.min(u1, fa / (fa - fb));
  }
  return u0 <= u1 ? [u0, u1] : null;
}

/** Azimuth (0-360) and midpoint of the line through two picked plan points [e, n]. */
export function lineFromPicks(a: [number, number], b: [number, number]): { azimuth: number; centre: [number, number] } {
  let az = (Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI;
  if (az < 0) az += 360;
  return { azimuth: az, centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
}
