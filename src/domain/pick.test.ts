import { describe, expect, it } from 'vitest';
import { pickSegment, projectToScreen } from './pick';
import { SegmentBuilder } from './segments';

// Orthographic top view: x ∈ [-100, 100] → [0, 200] px; y ∈ [-100, 100] → [200, 0] px (column-major).
const ortho = [0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, -0.001, 0, 0, 0, 0, 1];
const vp = { width: 200, height: 200 };

describe('screen-space picking', () => {
  it('projects a point to pixels, top-left origin', () => {
    const p = projectToScreen(ortho, [50, 50, 0], vp)!;
    expect(p[0]).toBeCloseTo(150, 9);
    expect(p[1]).toBeCloseTo(50, 9);
  });

  it('picks the segment under the cursor, with the position along it, and respects visibility and shifts', () => {
    const b = new SegmentBuilder([0, 0, 0]);
    const at = { value: 1, hole: [0, 0, 0, 0] as [number, number, number, number], mask: 0, row: 0, d0: 0, d1: 10 };
    b.push([-50, 0, 0], [50, 0, 0], at); // horizontal through the centre
    b.push([0, -50, 0], [0, 50, 0], { ...at, mask: 1, row: 1 }); // vertical, on a moved block
    const buf = b.finish();
    const none = () => [0, 0, 0] as [number, number, number];
    const hit = pickSegment(buf, ortho, vp, [125, 101], 5, none, () => true);
    expect(hit?.index).toBe(0);
    expect(hit?.t).toBeCloseTo(0.75, 6);
    expect(hit?.distancePx).toBeCloseTo(1, 6);
    expect(pickSegment(buf, ortho, vp, [125, 120], 5, none, () => true)).toBeNull();
    // Hidden segments are never picked.
    expect(pickSegment(buf, ortho, vp, [125, 101], 5, none, (i) => i !== 0)).toBeNull();
    // Segment 1 displaced 30 m east by its fault block is found where it is drawn.
    const shift = (m: number) => (m & 1 ? [30, 0, 0] : [0, 0, 0]) as [number, number, number];
    expect(pickSegment(buf, ortho, vp, [130, 60], 3, shift, (i) => i === 1)?.index).toBe(1);
    expect(pickSegment(buf, ortho, vp, [100, 60], 3, shift, (i) => i === 1)).toBeNull();
  });
});
