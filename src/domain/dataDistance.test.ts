import { describe, expect, it } from 'vitest';
import { distanceClasses, distanceClassOf, distanceGrid, gridOver } from './dataDistance';

describe('distance to the nearest pierce point on the long section', () => {
  it('is the straight-line distance in the section plane to the nearest point', () => {
    // One pierce point at u = 0, z = 0; nodes every 30 m along strike and 40 m in elevation.
    const g = distanceGrid([[0, 0]], { x0: 0, y0: 0, dx: 30, dy: 40, nx: 3, ny: 2 });
    // Bottom row: 0, 30, 60 m; top row (40 m up): 40, 50 (3-4-5), √(60² + 40²) = 72.11 m.
    expect(Array.from(g.values.slice(0, 3))).toEqual([0, 30, 60]);
    expect(g.values[3]).toBe(40);
    expect(g.values[4]).toBeCloseTo(50, 9);
    expect(g.values[5]).toBeCloseTo(72.111, 3);
  });

  it('takes the nearer of two holes, whichever is listed first', () => {
    // Holes 100 m apart along strike; a node 70 m along is 30 m from the second.
    const spec = { x0: 0, y0: 0, dx: 35, dy: 10, nx: 4, ny: 1 };
    for (const pts of [[[0, 0], [100, 0]], [[100, 0], [0, 0]]] as [number, number][][]) {
      expect(Array.from(distanceGrid(pts, spec).values)).toEqual([0, 35, 30, 5]);
    }
  });

  it('without a pierce point every node is infinitely far', () => {
    const g = distanceGrid([], { x0: 0, y0: 0, dx: 10, dy: 10, nx: 2, ny: 2 });
    expect(Array.from(g.values)).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });

  it('classes: ≤ 25 m informed, 25–50 m interpolated, 50–100 m sparse, beyond 100 m extrapolated', () => {
    expect(distanceClasses().map((c) => [c.name, c.lo, c.hi])).toEqual([
      ['informed', 0, 25], ['interpolated', 25, 50], ['sparse', 50, 100], ['extrapolated', 100, Infinity],
    ]);
    expect([0, 25, 25.5, 50, 72.1, 100, 100.5, 1e6].map((d) => distanceClassOf(d))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('the veil is clear where the vein is informed and thickens with the distance', () => {
    const o = distanceClasses().map((c) => c.opacity);
    expect(o[0]).toBe(0);
    for (let i = 1; i < o.length; i++) expect(o[i]).toBeGreaterThan(o[i - 1]);
    expect(o[o.length - 1]).toBeLessThan(1); // the contours stay legible under it
  });

  it('covers the section on a grid whose nodes sit on multiples of the cell', () => {
    // u from -12 to 41 m, z from 5 to 19 m, 10 m cells: nodes -20 … 50 (8) and 0 … 20 (3).
    expect(gridOver({ uMin: -12, uMax: 41, zMin: 5, zMax: 19 }, 10)).toEqual({ x0: -20, y0: 0, dx: 10, dy: 10, nx: 8, ny: 3 });
  });

  it('a very long section gets coarser cells rather than millions of nodes, still covering it', () => {
    const b = { uMin: 0, uMax: 100_000, zMin: -5_000, zMax: 500 };
    const g = gridOver(b, 10);
    expect(g.nx * g.ny).toBeLessThanOrEqual(60_000);
    expect(g.dx).toBeGreaterThan(10);
    expect(g.x0).toBeLessThanOrEqual(b.uMin);
    expect(g.x0 + (g.nx - 1) * g.dx).toBeGreaterThanOrEqual(b.uMax);
    expect(g.y0 + (g.ny - 1) * g.dy).toBeGreaterThanOrEqual(b.zMax);
  });
});
