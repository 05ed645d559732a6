/**
 * The veins' strike the view presets turn on (domain/viewFit.ts veinStrike): the principal
 * horizontal direction of the vein surfaces' vertices, other surfaces left out, 90 without veins,
 * worked out once per prepared dataset.
 */
import { describe, expect, it } from 'vitest';
import { veinStrike } from '../src/domain/viewFit';
import type { Prepared } from '../src/domain/prepare';

/** Vertices (local m) along a line of azimuth `az` degrees, with a little spread across it. */
function along(az: number, n: number): Float32Array {
  const a = (az * Math.PI) / 180;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const t = i - n / 2, w = (i % 3) - 1;
    // Easting is sin(az), northing cos(az) along the line; across it, ±1 m.
    out.set([t * Math.sin(a) + w * Math.cos(a), t * Math.cos(a) - w * Math.sin(a), -i], 3 * i);
  }
  return out;
}

const zones = [
  { id: 'v', kind: 'vein' },
  { id: 'h', kind: 'host' },
];

describe('veinStrike', () => {
  it('a vein along azimuth 60°, a host surface along 150° left out: 60°', () => {
    const model = { zones, surfaces: [{ zoneId: 'v' }, { zoneId: 'h' }] } as never;
    const p = { surfaces: [{ positions: along(60, 300) }, { positions: along(150, 3000) }] } as unknown as Prepared;
    expect(veinStrike(model, p)).toBeCloseTo(60, 6);
  });
  it('an azimuth past 180° is given as its strike in [0, 180): 250° is 70°', () => {
    const model = { zones, surfaces: [{ zoneId: 'v' }] } as never;
    expect(veinStrike(model, { surfaces: [{ positions: along(250, 300) }] } as unknown as Prepared)).toBeCloseTo(70, 6);
  });
  it('no vein surface: 90°', () => {
    const model = { zones, surfaces: [{ zoneId: 'h' }] } as never;
    expect(veinStrike(model, { surfaces: [{ positions: along(30, 30) }] } as unknown as Prepared)).toBe(90);
  });
  it('kept per prepared dataset: the same dataset again is not sampled again', () => {
    const model = { zones, surfaces: [{ zoneId: 'v' }] } as never;
    const positions = along(20, 300);
    const p = { surfaces: [{ positions }] } as unknown as Prepared;
    expect(veinStrike(model, p)).toBeCloseTo(20, 6);
    positions.set(along(100, 300));
    expect(veinStrike(model, p)).toBeCloseTo(20, 6);
    expect(veinStrike(model, { surfaces: [{ positions }] } as unknown as Prepared)).toBeCloseTo(100, 6);
  });
});
