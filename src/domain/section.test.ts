import { describe, expect, it } from 'vitest';
import { boxPlanes, kept, keptSpan, lineFromPicks, slabPlanes } from './section';

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

describe('the part of a segment a section keeps', () => {
  // Keep 10 ≤ x ≤ 20: x - 10 ≥ 0 and 20 - x ≥ 0.
  const slab = [{ normal: [1, 0, 0] as [number, number, number], constant: -10 }, { normal: [-1, 0, 0] as [number, number, number], constant: 20 }];
  it('cuts a long segment to the slab, exactly', () => {
    // From x = 0 to x = 1000: kept from u = 0.01 to u = 0.02.
    const s = keptSpan(slab, [0, 0, 0], [1000, 0, 500])!;
    expect(s[0]).toBeCloseTo(0.01, 12);
    expect(s[1]).toBeCloseTo(0.02, 12);
  });
  it('keeps a segment inside whole and none of one outside', () => {
    expect(keptSpan(slab, [12, 0, 0], [18, 5, 5])).toEqual([0, 1]);
    expect(keptSpan(slab, [21, 0, 0], [40, 0, 0])).toBeNull();
    expect(keptSpan(slab, [0, 0, 0], [9, 0, 0])).toBeNull();
  });
});
