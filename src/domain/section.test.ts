import { describe, expect, it } from 'vitest';
import { boxPlanes, kept, lineFromPicks, slabPlanes } from './section';

describe('sections', () => {
  it('a north-south section 50 m wide through x = 100 keeps 76..124 and not 70 or 130', () => {
    const planes = slabPlanes(0, [100, 0], 50);
    expect(kept(planes, [100, 500, -200])).toBe(true);
    expect(kept(planes, [124, 0, 0])).toBe(true);
    expect(kept(planes, [76, 0, 0])).toBe(true);
    expect(kept(planes, [130, 0, 0])).toBe(false);
    expect(kept(planes, [70, 0, 0])).toBe(false);
  });
  it('an oblique section (azimuth 337°) keeps points along its line and drops those across it', () => {
    const planes = slabPlanes(337, [0, 0], 20);
    const a = (337 * Math.PI) / 180;
    expect(kept(planes, [Math.sin(a) * 300, Math.cos(a) * 300, 0])).toBe(true);
    expect(kept(planes, [Math.cos(a) * 15, -Math.sin(a) * 15, 0])).toBe(false);
  });
  it('a clip box keeps its inside', () => {
    const planes = boxPlanes([0, 0, 0], [10, 10, 10]);
    expect(kept(planes, [5, 5, 5])).toBe(true);
    expect(kept(planes, [5, 5, 11])).toBe(false);
    expect(kept(planes, [-1, 5, 5])).toBe(false);
  });
  it('two picks give the azimuth and the midpoint of the line', () => {
    expect(lineFromPicks([0, 0], [100, 100])).toEqual({ azimuth: 45, centre: [50, 50] });
    expect(lineFromPicks([0, 0], [-10, 0]).azimuth).toBeCloseTo(270, 9);
  });
});
