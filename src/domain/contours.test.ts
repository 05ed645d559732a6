import { describe, expect, it } from 'vitest';
import { bandPolygons, contourLines, gridFor, idwGrid, marchingSquares, polygonArea, type Grid } from './contours';

/** A grid with values f(x, y) at nodes x = x0 + i·d, y = y0 + j·d. */
function gridOf(nx: number, ny: number, f: (x: number, y: number) => number, d = 1, x0 = 0, y0 = 0): Grid {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + i * d, y0 + j * d);
  return { x0, y0, dx: d, dy: d, nx, ny, values };
}

const totalArea = (polys: [number, number][][]) => polys.reduce((s, p) => s + Math.abs(polygonArea(p)), 0);

describe('inverse-distance weighting', () => {
  it('a node on a data point takes its value; between two points the weights are 1/d²', () => {
    const pts = [{ x: 0, y: 0, v: 10 }, { x: 30, y: 0, v: 40 }];
    const g = idwGrid(pts, { x0: 0, y0: 0, dx: 10, dy: 10, nx: 4, ny: 1 }, { radius: 60 });
    expect(g.values[0]).toBe(10);
    expect(g.values[3]).toBe(40);
    // at x = 10: d = 10 and 20, weights 1/100 and 1/400 → (10/100 + 40/400) / (1/100 + 1/400) = 16
    expect(g.values[1]).toBeCloseTo(16, 12);
    // at x = 20: symmetric → 34
    expect(g.values[2]).toBeCloseTo(34, 12);
  });

  it('power 1 weights by 1/d', () => {
    const g = idwGrid([{ x: 0, y: 0, v: 0 }, { x: 4, y: 0, v: 8 }], { x0: 1, y0: 0, dx: 1, dy: 1, nx: 1, ny: 1 }, { power: 1, radius: 10 });
    // d = 1 and 3: (0 + 8/3) / (1 + 1/3) = 2
    expect(g.values[0]).toBeCloseTo(2, 12);
  });

  it('nodes farther than the search radius from every point stay empty', () => {
    const g = idwGrid([{ x: 0, y: 0, v: 5 }], { x0: 0, y0: 0, dx: 25, dy: 25, nx: 5, ny: 1 }, { radius: 60 });
    expect(Array.from(g.values.slice(0, 3))).toEqual([5, 5, 5]);
    expect(Number.isNaN(g.values[3])).toBe(true); // 75 m away
    expect(Number.isNaN(g.values[4])).toBe(true);
  });

  it('coincident points average; non-finite values are skipped', () => {
    const g = idwGrid(
      [{ x: 0, y: 0, v: 2 }, { x: 0, y: 0, v: 4 }, { x: 0, y: 0, v: NaN }],
      { x0: 0, y0: 0, dx: 1, dy: 1, nx: 1, ny: 1 },
    );
    expect(g.values[0]).toBe(3);
  });

  it('gridFor covers the points with a margin, on multiples of the cell', () => {
    const s = gridFor([{ x: 103, y: -47, v: 1 }, { x: 188, y: 12, v: 1 }], 10, 60);
    expect(s.x0).toBe(40);
    expect(s.y0).toBe(-110);
    expect(s.x0 + (s.nx - 1) * s.dx).toBeGreaterThanOrEqual(248);
    expect(s.y0 + (s.ny - 1) * s.dy).toBeGreaterThanOrEqual(72);
    expect(gridFor([], 10, 60).nx).toBe(0);
    // Huge extents: the cell grows so the grid stays small.
    const big = gridFor([{ x: 0, y: 0, v: 1 }, { x: 1e6, y: 1e6, v: 1 }], 1, 0);
    expect(big.nx * big.ny).toBeLessThanOrEqual(120_000);
  });
});

describe('marching squares', () => {
  it('a plane field gives straight lines at the right positions', () => {
    // f = x on 0..5 × 0..4: the 2.5 contour is the vertical line x = 2.5 from y = 0 to 4.
    const g = gridOf(6, 5, (x) => x);
    const lines = marchingSquares(g, 2.5);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).toHaveLength(5);
    for (const [x] of line) expect(x).toBeCloseTo(2.5, 12);
    const ys = line.map((p) => p[1]).sort((a, b) => a - b);
    expect(ys).toEqual([0, 1, 2, 3, 4]);
  });

  it('an inclined plane: f = x + y gives the line x + y = level', () => {
    const g = gridOf(11, 11, (x, y) => x + y, 10);
    const [line, ...rest] = marchingSquares(g, 55);
    expect(rest).toHaveLength(0);
    for (const [x, y] of line) expect(x + y).toBeCloseTo(55, 9);
    // from the bottom edge (0 ≤ y, so x reaches 55) to the left edge (x = 0)
    const xs = line.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(0, 9);
    expect(Math.max(...xs)).toBeCloseTo(55, 9);
  });

  it('several levels of a plane field are parallel lines', () => {
    const g = gridOf(13, 3, (x) => x / 4, 5); // f = x / 4 on x = 0..60 m: maximum 15
    const sets = contourLines(g, [1, 5, 10, 20]);
    expect(sets.map((s) => s.level)).toEqual([1, 5, 10, 20]);
    expect(sets.map((s) => s.lines.length)).toEqual([1, 1, 1, 0]); // 20 is above the maximum
    for (const s of sets.slice(0, 3)) for (const [x] of s.lines[0]) expect(x).toBeCloseTo(4 * s.level, 9);
  });

  it('a single peak gives one closed loop per level, at the right radius', () => {
    // Cone: f = 10 - r around (0, 0), grid -8..8 step 0.5.
    const g = gridOf(33, 33, (x, y) => 10 - Math.hypot(x, y), 0.5, -8, -8);
    for (const level of [5, 8]) {
      const lines = marchingSquares(g, level);
      expect(lines).toHaveLength(1);
      const loop = lines[0];
      expect(loop[0]).toEqual(loop[loop.length - 1]);
      expect(loop.length).toBeGreaterThan(8);
      const r = 10 - level;
      for (const [x, y] of loop) expect(Math.abs(Math.hypot(x, y) - r)).toBeLessThan(0.05);
      // The loop encloses about π r² (linear interpolation cuts a little off).
      expect(Math.abs(polygonArea(loop))).toBeCloseTo(Math.PI * r * r, 0);
    }
  });

  it('empty cells produce no lines, and lines stop at the edge of the data', () => {
    const all = gridOf(4, 4, () => NaN);
    expect(marchingSquares(all, 1)).toEqual([]);
    // f = x with the right half empty: the 0.5 line exists, the 2.5 line (in empty cells) does not.
    const g = gridOf(5, 3, (x) => (x >= 3 ? NaN : x));
    expect(marchingSquares(g, 2.5)).toEqual([]);
    const l = marchingSquares(g, 0.5);
    expect(l).toHaveLength(1);
    expect(l[0].map((p) => p[0])).toEqual([0.5, 0.5, 0.5]);
  });

  it('a saddle cell is resolved by its centre value, without crossing lines', () => {
    // corners: a(0,0)=1 b(1,0)=0 c(1,1)=1 d(0,1)=0; centre 0.5 ≥ 0.4 → a and c joined: cut b and d.
    const g: Grid = { x0: 0, y0: 0, dx: 1, dy: 1, nx: 2, ny: 2, values: Float64Array.from([1, 0, 0, 1]) };
    const lines = marchingSquares(g, 0.4);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toHaveLength(2);
    // each line cuts off a corner that is below: b (1,0) or d (0,1)
    const near = (corner: [number, number]) => lines.some((line) => line.every(([x, y]) => Math.hypot(x - corner[0], y - corner[1]) < 0.61));
    expect(near([1, 0])).toBe(true);
    expect(near([0, 1])).toBe(true);
  });
});

describe('filled bands', () => {
  it('bands of a plane field tile the grid with the right areas', () => {
    const g = gridOf(11, 5, (x) => x); // x 0..10, y 0..4 → area 40
    expect(totalArea(bandPolygons(g, -Infinity, 2.5))).toBeCloseTo(10, 9);
    expect(totalArea(bandPolygons(g, 2.5, 7))).toBeCloseTo(18, 9);
    expect(totalArea(bandPolygons(g, 7, Infinity))).toBeCloseTo(12, 9);
  });

  it('whole cells inside a band are merged into row runs', () => {
    const g = gridOf(11, 3, () => 3);
    const polys = bandPolygons(g, 1, 5);
    expect(polys).toHaveLength(2); // one rectangle per row of cells
    expect(totalArea(polys)).toBeCloseTo(20, 9);
    expect(bandPolygons(g, 5, 10)).toEqual([]);
  });

  it('empty cells are not filled', () => {
    const g = gridOf(3, 2, (x) => (x === 2 ? NaN : 1));
    expect(totalArea(bandPolygons(g, 0, 2))).toBeCloseTo(1, 9);
  });
});
