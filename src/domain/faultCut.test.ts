import { describe, expect, it } from 'vitest';
import { buildFaultModel, blockMask } from './faults';
import { cutSegment, cutTriangles } from './faultCut';

const nsPlane = (x0: number) => ({ vertices: [x0, -500, -500, x0, 500, -500, x0, 500, 500, x0, -500, 500], triangles: [0, 1, 2, 0, 2, 3] });

describe('cutting along faults', () => {
  const a = buildFaultModel({ id: 'A', ...nsPlane(0), movingSide: 'east', slip: { vector: [0, 10, 0] } });
  const b = buildFaultModel({ id: 'B', ...nsPlane(100), movingSide: 'east', slip: { vector: [0, 5, 0] } });

  it('splits a segment at each fault it crosses, by hand: x from -50 to 150 crosses x = 0 and x = 100', () => {
    const pieces = cutSegment([a, b], [-50, 0, 0], [150, 0, 0]);
    expect(pieces.length).toBe(3);
    expect(pieces[0].t1).toBeCloseTo(0.25, 4); // x = 0 (plus the 1 mm on-fault tolerance)
    expect(pieces[1].t1).toBeCloseTo(0.75, 4); // x = 100
    expect(pieces.map((p) => p.mask)).toEqual([0, 1, 3]);
  });

  it('leaves a segment that crosses no fault whole', () => {
    expect(cutSegment([a, b], [10, 0, 0], [90, 5, -3])).toEqual([{ t0: 0, t1: 1, mask: 1 }]);
  });

  it('splits a triangle crossing a fault so no piece straddles it, and keeps the area', () => {
    const vertices = Float64Array.from([-30, 0, 0, 30, 0, 0, 0, 40, 0]);
    const triangles = Uint32Array.from([0, 1, 2]);
    const out = cutTriangles([a], vertices, triangles);
    expect(out.triangles.length / 3).toBe(3);
    let area = 0;
    for (let t = 0; t < out.triangles.length; t += 3) {
      const p = [0, 1, 2].map((k) => [out.vertices[out.triangles[t + k] * 3], out.vertices[out.triangles[t + k] * 3 + 1]]);
      area += Math.abs((p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[2][0] - p[0][0]) * (p[1][1] - p[0][1])) / 2;
      const c: [number, number, number] = [(p[0][0] + p[1][0] + p[2][0]) / 3, (p[0][1] + p[1][1] + p[2][1]) / 3, 0];
      // Every vertex of the piece is on the same side as its centroid (or on the fault).
      const m = blockMask([a], c);
      for (const q of p) if (Math.abs(q[0]) > 0.01) expect(blockMask([a], [q[0], q[1], 0])).toBe(m);
    }
    expect(area).toBeCloseTo(30 * 40, 6);
  });
});
