/**
 * Orientation conventions (see docs/data-format.md):
 * azimuth in degrees clockwise from grid north; dip in degrees from horizontal, negative downward.
 */
import type { Vec3 } from './vec3';

const RAD = Math.PI / 180;

/** Unit direction [dE, dN, dZ] of a line with the given azimuth and dip (degrees). */
export function directionFromAzDip(azimuthDeg: number, dipDeg: number): Vec3 {
  const az = azimuthDeg * RAD;
  const dip = dipDeg * RAD;
  const h = Math.cos(dip);
  return [h * Math.sin(az), h * Math.cos(az), Math.sin(dip)];
}

/** Azimuth [0, 360) and dip (negative down) in degrees of a direction vector. */
export function azDipFromDirection(d: Vec3): { azimuth: number; dip: number } {
  const h = Math.hypot(d[0], d[1]);
  let az = Math.atan2(d[0], d[1]) / RAD;
  if (az < 0) az += 360;
  if (h < 1e-12) az = 0;
  return { azimuth: az, dip: Math.atan2(d[2], h) / RAD };
}

/**
 * Strike (right-hand rule: the plane dips to the right of the strike direction) and dip
 * (positive magnitude, degrees) of a plane given its normal.
 */
export function strikeDipFromNormal(n: Vec3): { strike: number; dip: number; dipDirection: number } {
  // Use the upward normal so the down-dip direction is its horizontal part.
  const up: Vec3 = n[2] < 0 ? [-n[0], -n[1], -n[2]] : [n[0], n[1], n[2]];
  const h = Math.hypot(up[0], up[1]);
  const dip = Math.atan2(h, up[2]) / RAD;
  let dipDirection = h < 1e-12 ? 0 : Math.atan2(up[0], up[1]) / RAD;
  if (dipDirection < 0) dipDirection += 360;
  const strike = (dipDirection + 270) % 360;
  return { strike, dip, dipDirection };
}
