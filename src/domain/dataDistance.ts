/**
 * Distance to data on the long section: how far each node of a grid in the section plane (u along
 * strike, z elevation, m) is from the nearest pierce point that informs the contours, and the
 * class of that distance. It tells a reader which parts of the g/t·m contours rest on drilling and
 * which are carried out from it. Pure maths: no react/three/zustand.
 *
 * The classes follow the drill spacings a qualified person usually accepts for narrow gold veins:
 * within 25 m of a pierce point the vein is informed (the spacing of indicated resources in most
 * such deposits); 25–50 m is interpolated between holes; 50–100 m is sparsely informed (the
 * spacing of inferred resources); beyond 100 m the picture is extrapolated. The contours stop at
 * the interpolation radius (60 m, gradeThickness.ts), so the last class only ever veils the
 * modelled vein, never a contour.
 */
import type { Grid, GridSpec } from './contours';

/** Upper bounds of the distance classes, m; the last class (> 100 m) is open above. */
export const DISTANCE_BOUNDS: readonly number[] = [25, 50, 100];

/** What each class means, lowest first: its catalogue key (longsection `distance.class.*`). */
export const DISTANCE_CLASS_NAMES = ['informed', 'interpolated', 'sparse', 'extrapolated'] as const;
export type DistanceClassName = (typeof DISTANCE_CLASS_NAMES)[number];

/** How opaque the veil over each class is (0 = the contours show as they are). */
export const DISTANCE_VEIL_OPACITY: readonly number[] = [0, 0.3, 0.55, 0.75];

export interface DistanceClass {
  name: DistanceClassName;
  /** m, inclusive of lo except for the first class (which starts at 0) */
  lo: number;
  /** m; Infinity for the last class */
  hi: number;
  opacity: number;
}

/** The classes, nearest first. */
export function distanceClasses(bounds: readonly number[] = DISTANCE_BOUNDS): DistanceClass[] {
  return DISTANCE_CLASS_NAMES.map((name, i) => ({ name, lo: i === 0 ? 0 : bounds[i - 1], hi: bounds[i] ?? Infinity, opacity: DISTANCE_VEIL_OPACITY[i] }));
}

/** Class index of a distance: ≤ 25 → 0, ≤ 50 → 1, ≤ 100 → 2, beyond → 3 (a bound belongs to the nearer class). */
export function distanceClassOf(d: number, bounds: readonly number[] = DISTANCE_BOUNDS): number {
  let c = 0;
  while (c < bounds.length && d > bounds[c]) c++;
  return c;
}

/** Most nodes of a gridOver grid: its cell grows (× 1.5) until it fits, so a huge section stays quick. */
const MAX_NODES = 60_000;

/**
 * A grid of square cells of `cell` m (or larger, see MAX_NODES) covering [uMin, uMax] × [zMin, zMax],
 * node 0 on a multiple of the cell; empty for an empty or non-finite extent.
 */
export function gridOver(b: { uMin: number; uMax: number; zMin: number; zMax: number }, cell: number): GridSpec {
  const w = b.uMax - b.uMin, h = b.zMax - b.zMin;
  if (!(cell > 0) || !Number.isFinite(w) || !Number.isFinite(h) || w < 0 || h < 0) return { x0: 0, y0: 0, dx: cell, dy: cell, nx: 0, ny: 0 };
  let c = cell;
  while ((w / c + 2) * (h / c + 2) > MAX_NODES) c *= 1.5;
  const x0 = Math.floor(b.uMin / c) * c;
  const y0 = Math.floor(b.zMin / c) * c;
  return { x0, y0, dx: c, dy: c, nx: Math.ceil((b.uMax - x0) / c) + 1, ny: Math.ceil((b.zMax - y0) / c) + 1 };
}

/**
 * Distance (m, in the section plane) from every node of `spec` to the nearest of `points`
 * ((u, z) pairs); Infinity everywhere when there are none.
 */
export function distanceGrid(points: readonly (readonly [number, number])[], spec: GridSpec): Grid {
  const { nx, ny, x0, y0, dx, dy } = spec;
  const values = new Float64Array(nx * ny).fill(Infinity);
  const pts = points.filter(([u, z]) => Number.isFinite(u) && Number.isFinite(z));
  for (let j = 0; j < ny; j++) {
    const y = y0 + j * dy;
    for (let i = 0; i < nx; i++) {
      const x = x0 + i * dx;
      let best = Infinity;
      for (const [u, z] of pts) {
        const d2 = (x - u) * (x - u) + (y - z) * (y - z);
        if (d2 < best) best = d2;
      }
      values[j * nx + i] = Math.sqrt(best);
    }
  }
  return { ...spec, values };
}
