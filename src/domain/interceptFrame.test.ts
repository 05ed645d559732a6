import { describe, expect, it } from 'vitest';
import { pathFromTrace } from './desurvey';
import { frameDirection, HOLE_MARGIN, interceptFrame, VEIN_HALF } from './interceptFrame';
import { dot, type Vec3 } from './vec3';

const angle = (a: Vec3, b: Vec3) => (Math.acos(Math.min(1, Math.abs(dot(a, b)))) * 180) / Math.PI;

describe('frameDirection: across the vein, the hole still readable', () => {
  it('a hole square to the vein is seen at 45° to both (within the 5° search grid)', () => {
    // Vertical vein striking east (normal north), hole drilled north, horizontal.
    const v = frameDirection([0, 1, 0], [0, 1, 0]);
    expect(Math.abs(angle(v, [0, 1, 0]) - 45)).toBeLessThanOrEqual(5);
    expect(v[2]).toBeGreaterThanOrEqual(-1e-9); // not from below
  });
  it('a -45° hole through a vertical vein: the vein about 22° from face on, the hole about 67° from end on', () => {
    const s = Math.SQRT1_2;
    const v = frameDirection([0, s, -s], [0, 1, 0]);
    expect(angle(v, [0, 1, 0])).toBeLessThanOrEqual(27.5);
    expect(angle(v, [0, s, -s])).toBeGreaterThanOrEqual(62.5);
  });
  it('no vein: side on to the hole, 20° above horizontal', () => {
    const v = frameDirection([0, 0, -1], null);
    expect(dot(v, [0, 0, -1])).toBeCloseTo(-Math.sin((20 * Math.PI) / 180), 9);
  });
});

describe('interceptFrame', () => {
  it('holds the hole 40 m above and below the intercept and a 60 m patch of vein around it', () => {
    // A vertical hole from [0, 0, 100], 200 m long; intercept 50-52 m through a vertical vein striking east (normal north).
    const path = pathFromTrace('H', [[0, 0, 100], [0, 0, -100]]);
    const f = interceptFrame({ from: 50, to: 52, midpoint: [0, 0, 49], vein: { zoneId: 'v', dip: 90, normal: [0, 1, 0], distance: 0, pierced: true } }, path, 200);
    const zs = f.points.slice(0, 9).map((p) => p[2]);
    expect(Math.max(...zs)).toBeCloseTo(100 - (50 - HOLE_MARGIN), 9); // 10 m along the hole
    expect(Math.min(...zs)).toBeCloseTo(100 - (52 + HOLE_MARGIN), 9); // 92 m along the hole
    const patch = f.points.slice(9);
    expect(patch).toHaveLength(4);
    for (const p of patch) {
      expect(p[1]).toBeCloseTo(0, 9); // in the vein's plane
      expect(Math.abs(p[0])).toBeCloseTo(VEIN_HALF, 9);
      expect(Math.abs(p[2] - 49)).toBeCloseTo(VEIN_HALF, 9);
    }
    expect(f.target).toEqual([0, 0, 49]);
  });
});
