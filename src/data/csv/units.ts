/**
 * Conversions applied while importing: lengths to metres, dips to the app's convention (degrees
 * from horizontal, negative down), azimuths to [0, 360).
 */
import type { DipSign, LengthUnit } from './types';

/** International foot in metres. US survey foot state-plane grids differ by 2 ppm (1200/3937). */
export const FOOT = 0.3048;

export interface Conversion {
  /** metres per file length unit */
  lengthFactor: number;
  unit: LengthUnit;
  dipSign: DipSign;
}

export function conversion(unit: LengthUnit, dipSign: DipSign): Conversion {
  return { lengthFactor: unit === 'ft' ? FOOT : 1, unit, dipSign };
}

/** File length → metres; converted values are rounded to the micrometre to keep the JSON tidy. */
export function toMetres(v: number, c: Conversion): number {
  return c.lengthFactor === 1 ? v : Math.round(v * c.lengthFactor * 1e6) / 1e6;
}

export type AngleProblem = 'dip-range' | 'negative-inclination' | 'inclination-range';

/**
 * Dip in the app's convention from a dip column (sign convention `c.dipSign`) or an inclination
 * column (from vertical, 0° = down: dip = inc − 90°). A negative "inclination" can only be a dip
 * named inclination (common in mining exports), so it is read as a negative-down dip.
 */
export function toDip(v: number, role: 'dip' | 'inclination', c: Conversion): { dip: number; problem?: AngleProblem } {
  if (role === 'inclination') {
    if (v < 0 && v >= -90) return { dip: v, problem: 'negative-inclination' };
    if (v < 0 || v > 180) return { dip: NaN, problem: 'inclination-range' };
    return { dip: v - 90 };
  }
  if (v < -90 || v > 90) return { dip: NaN, problem: 'dip-range' };
  const dip = c.dipSign === 'positive-down' ? -v : v;
  return { dip: dip === 0 ? 0 : dip };
}

/** Azimuth in [0, 360]; other values are wrapped (the caller reports it). 360 is kept as given. */
export function wrapAzimuth(v: number): { azimuth: number; wrapped: boolean } {
  if (v >= 0 && v <= 360) return { azimuth: v, wrapped: false };
  return { azimuth: ((v % 360) + 360) % 360, wrapped: true };
}
