/**
 * Shared constants and the local geometric frames of the illustrative Rocmec 1 model.
 *
 * World coordinates are NAD83 / UTM zone 17N (EPSG:26917) easting, northing, elevation in metres.
 * A vein frame has an origin on the (restored) surface trace, a horizontal strike unit vector `s`
 * and a horizontal dip-direction unit vector `p` (strike + 90°, right-hand rule, here south-south-
 * east). A point is (u along strike, h across strike towards the dip direction, d depth below the
 * reference surface), all in metres.
 */
import type { Vec3 } from '../../src/domain/vec3';

export const SEED = 20070611;
/** Project centre, metres (UTM 17N). */
export const ORIGIN_E = 612000;
export const ORIGIN_N = 5343000;
/** Reference ground elevation, m a.s.l.; "depth below surface" = REF_ELEV - elevation. */
export const REF_ELEV = 300;
/** Strike of the McDowell system, degrees from grid north (ENE). */
export const MCDOWELL_STRIKE = 68;

const RAD = Math.PI / 180;

/** Round to 0.01 (coordinates in m, grades in g/t); JSON prints these as at most two decimals. */
export const round2 = (x: number): number => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};
export const round1 = (x: number): number => {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r;
};
export const roundVec = (p: Vec3): Vec3 => [round2(p[0]), round2(p[1]), round2(p[2])];

/**
 * Ground elevation in m: gentle, smooth, within ±2 m of 300 m (two long-wavelength undulations with
 * amplitudes 1.1 m and 0.7 m, so |ground - 300| <= 1.8 m).
 */
export function ground(e: number, n: number): number {
  const x = e - ORIGIN_E;
  const y = n - ORIGIN_N;
  return REF_ELEV + 1.1 * Math.sin((2 * Math.PI * x) / 1400 + 0.7) * Math.cos((2 * Math.PI * y) / 1100) +
    0.7 * Math.sin((2 * Math.PI * (x + 0.6 * y)) / 1900 + 1.9);
}

export interface Frame {
  /** origin easting, northing (m) */
  oE: number;
  oN: number;
  /** strike azimuth, degrees */
  strike: number;
  /** unit strike vector [dE, dN] */
  s: [number, number];
  /** unit dip-direction vector [dE, dN] (strike + 90°) */
  p: [number, number];
}

export function makeFrame(strikeDeg: number, oE: number, oN: number): Frame {
  const a = strikeDeg * RAD;
  const b = (strikeDeg + 90) * RAD;
  return { oE, oN, strike: strikeDeg, s: [Math.sin(a), Math.cos(a)], p: [Math.sin(b), Math.cos(b)] };
}

/** World point of frame coordinates (u, h, d) in metres. */
export function framePoint(f: Frame, u: number, h: number, d: number): Vec3 {
  return [f.oE + u * f.s[0] + h * f.p[0], f.oN + u * f.s[1] + h * f.p[1], REF_ELEV - d];
}

/** Frame coordinates (u, h, d) of a world point. */
export function frameCoords(f: Frame, pt: Vec3): { u: number; h: number; d: number } {
  const de = pt[0] - f.oE;
  const dn = pt[1] - f.oN;
  return { u: de * f.s[0] + dn * f.s[1], h: de * f.p[0] + dn * f.p[1], d: REF_ELEV - pt[2] };
}

/** The McDowell frame: origin at the project centre on the Set 1 surface trace. */
export const MCD_FRAME = makeFrame(MCDOWELL_STRIKE, ORIGIN_E, ORIGIN_N);

export const cot = (deg: number): number => 1 / Math.tan(deg * RAD);

/** Smoothstep 0 → 1 as x goes a → b. */
export function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}
