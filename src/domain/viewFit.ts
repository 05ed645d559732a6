/**
 * Camera placements for the view presets, in local coordinates (metres). Azimuths are degrees
 * clockwise from grid north; the camera sits at `from` and looks at `target`.
 */
import { directionFromAzDip } from './orientation';
import type { Vec3 } from './vec3';
import type { Model } from '../data/model';
import type { Prepared } from './prepare';

export interface Box {
  min: Vec3;
  max: Vec3;
}

export interface CameraPlacement {
  position: Vec3;
  target: Vec3;
}

/**
 * Horizontal principal direction (strike-like azimuth in [0, 180)) of a point cloud, from the
 * 2x2 covariance of eastings and northings.
 */
export function principalAzimuth(xyz: ArrayLike<number>): number {
  let n = 0, mx = 0, my = 0;
  for (let i = 0; i < xyz.length; i += 3) { mx += xyz[i]; my += xyz[i + 1]; n++; }
  if (n < 2) return 90;
  mx /= n; my /= n;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < xyz.length; i += 3) {
    const dx = xyz[i] - mx, dy = xyz[i + 1] - my;
    sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
  }
  // Angle of the major axis measured from east (counter-clockwise), then turned into an azimuth.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let az = 90 - (theta * 180) / Math.PI;
  az = ((az % 180) + 180) % 180;
  return az;
}

/** Dominant strike of the vein surfaces, degrees [0, 180), per prepared dataset. */
const strikeCache = new WeakMap<Prepared, number>();
/** Vertices sampled for the strike: plenty for a camera direction, cheap at millions of vertices. */
const STRIKE_SAMPLES = 30000;

/**
 * The vein surfaces' dominant strike (principalAzimuth of up to STRIKE_SAMPLES of their vertices),
 * 90 without veins; kept per dataset. The view presets turn on it; the load works it out before the
 * dataset is stored (data/loadSource.ts), not in the task that shows the dataset (5-10 ms there).
 */
export function veinStrike(model: Pick<Model, 'zones' | 'surfaces'>, p: Prepared): number {
  const known = strikeCache.get(p);
  if (known !== undefined) return known;
  const veinZones = new Set(model.zones.filter((z) => z.kind === 'vein').map((z) => z.id));
  const veins = model.surfaces.map((s, i) => (s.zoneId && veinZones.has(s.zoneId) ? p.surfaces[i].positions : null)).filter((x): x is Float32Array => !!x);
  const vertices = veins.reduce((n, a) => n + a.length / 3, 0);
  const step = 3 * Math.max(3, Math.ceil(vertices / STRIKE_SAMPLES));
  const pts: number[] = [];
  for (const a of veins) for (let k = 0; k + 2 < a.length; k += step) pts.push(a[k], a[k + 1], a[k + 2]);
  const strike = pts.length ? principalAzimuth(pts) : 90;
  strikeCache.set(p, strike);
  return strike;
}

/** Distance at which a sphere of `radius` fills a perspective view of vertical field `fovDeg`. */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const vHalf = (fovDeg * Math.PI) / 360;
  const hHalf = Math.atan(Math.tan(vHalf) * Math.max(aspect, 1e-3));
  // A box's corners rarely all face the camera: 0.8 of the bounding sphere fills the view without cropping.
  return ((radius * 0.8) / Math.sin(Math.min(vHalf, hHalf))) * 1.05;
}

export function boxCentre(b: Box): Vec3 {
  return [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2];
}

export function boxRadius(b: Box): number {
  return Math.hypot(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]) / 2;
}

/**
 * Camera looking toward `lookAzimuth` (deg) and down `lookDownDeg` from horizontal, at the distance
 * that fits the box.
 */
export function placeCamera(b: Box, lookAzimuth: number, lookDownDeg: number, fovDeg: number, aspect: number): CameraPlacement {
  const target = boxCentre(b);
  const d = fitDistance(Math.max(boxRadius(b), 1), fovDeg, aspect);
  const look = directionFromAzDip(lookAzimuth, -lookDownDeg);
  return { target, position: [target[0] - look[0] * d, target[1] - look[1] * d, target[2] - look[2] * d] };
}
