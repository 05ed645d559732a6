/**
 * Contouring of scattered values: inverse-distance weighting onto a regular grid, marching squares
 * for contour lines, and filled bands between two levels. Pure maths: no react/three/zustand.
 *
 * Conventions:
 * - The grid holds values at its nodes: node (i, j) is at (x0 + i·dx, y0 + j·dy), value
 *   `values[j·nx + i]`; NaN marks an empty node (no data within the search radius).
 * - A cell is the square between nodes (i, j) and (i + 1, j + 1). A cell with an empty corner is
 *   empty: it gets no contour line and no fill, so contours stop where the data stops.
 * - Along a cell edge the value is interpolated linearly; a node is "above" a level when its
 *   value is ≥ the level. Saddle cells (opposite corners above) are resolved with the mean of
 *   the four corners (the usual choice; Leapfrog and Surfer do the same).
 */

export interface ScatterPoint {
  x: number;
  y: number;
  v: number;
}

export interface GridSpec {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  nx: number;
  ny: number;
}

export interface Grid extends GridSpec {
  /** nx·ny node values, row-major (j·nx + i); NaN = empty */
  values: Float64Array;
}

export interface IdwOptions {
  /** distance exponent; 2 by default */
  power?: number;
  /** points farther than this from a node are ignored; a node with none is empty (NaN). Default 60 */
  radius?: number;
}

export const DEFAULT_IDW_POWER = 2;
export const DEFAULT_IDW_RADIUS = 60;

/** Most nodes a grid from `gridFor` may have; the cell grows to respect it. */
const MAX_NODES = 120_000;

/**
 * A grid covering the points' bounding box grown by `margin` on every side, with square cells of
 * `cell` (grown when the grid would exceed MAX_NODES nodes). Node 0 sits on a multiple of the cell
 * so grids of nearby data line up.
 */
export function gridFor(points: readonly ScatterPoint[], cell: number, margin: number): GridSpec {
  if (!(cell > 0)) throw new RangeError(`cell size must be > 0 (got ${cell})`);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (!Number.isFinite(minX)) return { x0: 0, y0: 0, dx: cell, dy: cell, nx: 0, ny: 0 };
  minX -= margin; minY -= margin; maxX += margin; maxY += margin;
  // The span overflowing float64 (points near ±1.8e308) has no grid: an empty one, not an endless search.
  if (!Number.isFinite(maxX - minX) || !Number.isFinite(maxY - minY)) return { x0: 0, y0: 0, dx: cell, dy: cell, nx: 0, ny: 0 };
  // Grown by 1.5 up to the least cell that could respect MAX_NODES (no grid of nodes is built on the
  // way: a 1e12 m span costs some 60 multiplications, never a grid per step), then as before.
  // √w·√h, not √(w·h): the product of two spans near 1e300 overflows.
  const least = Math.max((Math.sqrt(maxX - minX) * Math.sqrt(maxY - minY)) / Math.sqrt(MAX_NODES), (maxX - minX) / MAX_NODES, (maxY - minY) / MAX_NODES);
  let c = cell;
  while (c * 1.5 <= least) c *= 1.5;
  const dims = (c: number) => {
    const x0 = Math.floor(minX / c) * c;
    const y0 = Math.floor(minY / c) * c;
    return { x0, y0, nx: Math.ceil((maxX - x0) / c) + 1, ny: Math.ceil((maxY - y0) / c) + 1 };
  };
  let d = dims(c);
  while (d.nx * d.ny > MAX_NODES) {
    c *= 1.5;
    d = dims(c);
  }
  return { x0: d.x0, y0: d.y0, dx: c, dy: c, nx: d.nx, ny: d.ny };
}

/** The points IDW may use: finite position and value. */
function usable(points: readonly ScatterPoint[]): ScatterPoint[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.v));
}

function idwParams(options: IdwOptions): { radius: number; r2: number; half: number } {
  const power = options.power ?? DEFAULT_IDW_POWER;
  const radius = options.radius ?? DEFAULT_IDW_RADIUS;
  if (!(radius > 0)) throw new RangeError(`search radius must be > 0 (got ${radius})`);
  return { radius, r2: radius * radius, half: power / 2 };
}

/**
 * The one IDW estimate, at (x, y) from the points `list` indexes: Σ vᵢ/dᵢᵖ / Σ 1/dᵢᵖ over those
 * within the radius (r2 = radius², half = power / 2); on a data point (d² ≤ eps2) that point's value
 * (the mean when several coincide); NaN when none is within the radius. The grid (idwGrid) and
 * point queries (idwField) both call it.
 */
function idwAt(pts: readonly ScatterPoint[], list: ArrayLike<number>, count: number, x: number, y: number, r2: number, half: number, eps2: number): number {
  let sw = 0, swv = 0, exact = 0, exactSum = 0;
  for (let n = 0; n < count; n++) {
    const p = pts[list[n]];
    const d2 = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d2 > r2) continue;
    if (d2 <= eps2) {
      exact++;
      exactSum += p.v;
      continue;
    }
    const w = 1 / (half === 1 ? d2 : d2 ** half);
    sw += w;
    swv += w * p.v;
  }
  return exact > 0 ? exactSum / exact : sw > 0 ? swv / sw : NaN;
}

/**
 * Inverse-distance-weighted values at the grid nodes: Σ vᵢ/dᵢᵖ / Σ 1/dᵢᵖ over the points within
 * `radius`; a node on a data point takes that point's value (the mean when several coincide); a
 * node with no point within the radius is NaN. Points with a non-finite value are skipped.
 */
export function idwGrid(points: readonly ScatterPoint[], spec: GridSpec, options: IdwOptions = {}): Grid {
  const { radius, r2, half } = idwParams(options);
  const { x0, y0, dx, dy, nx, ny } = spec;
  const values = new Float64Array(nx * ny).fill(NaN);
  const pts = usable(points);
  if (pts.length === 0 || nx === 0 || ny === 0) return { ...spec, values };
  // Bucket the points by the node columns they can reach, so each node only visits its neighbours.
  const cols: number[][] = Array.from({ length: nx }, () => []);
  pts.forEach((p, k) => {
    const i0 = Math.max(0, Math.ceil((p.x - radius - x0) / dx));
    const i1 = Math.min(nx - 1, Math.floor((p.x + radius - x0) / dx));
    for (let i = i0; i <= i1; i++) cols[i].push(k);
  });
  const eps2 = 1e-18 * Math.max(1, dx * dx);
  for (let i = 0; i < nx; i++) {
    const list = cols[i];
    if (list.length === 0) continue;
    const x = x0 + i * dx;
    for (let j = 0; j < ny; j++) values[j * nx + i] = idwAt(pts, list, list.length, x, y0 + j * dy, r2, half, eps2);
  }
  return { ...spec, values };
}

/**
 * The same IDW estimate as idwGrid, at any point: `(x, y) => value`, NaN where no point is within
 * the radius. The points are bucketed in squares of the radius, so a query visits at most nine.
 */
export function idwField(points: readonly ScatterPoint[], options: IdwOptions = {}): (x: number, y: number) => number {
  const { radius, r2, half } = idwParams(options);
  const pts = usable(points);
  if (pts.length === 0) return () => NaN;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of pts) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  // Buckets of the radius, or larger when the points spread so far that there would be more than
  // MAX_NODES of them (one absurd coordinate): a query then visits more points, never a huge array.
  const size = Math.max(radius, (maxX - minX) / 1000, (maxY - minY) / 1000, (Math.sqrt(maxX - minX) * Math.sqrt(maxY - minY)) / Math.sqrt(MAX_NODES));
  if (!Number.isFinite(size)) return () => NaN;
  const bx = Math.floor((maxX - minX) / size) + 1;
  const by = Math.floor((maxY - minY) / size) + 1;
  const buckets: number[][] = Array.from({ length: bx * by }, () => []);
  pts.forEach((p, k) => buckets[Math.floor((p.y - minY) / size) * bx + Math.floor((p.x - minX) / size)].push(k));
  const scratch = new Int32Array(pts.length);
  const eps2 = 1e-18 * Math.max(1, r2);
  return (x, y) => {
    const ci = Math.floor((x - minX) / size), cj = Math.floor((y - minY) / size);
    if (!(ci >= -1 && ci <= bx && cj >= -1 && cj <= by)) return NaN;
    let n = 0;
    for (let j = Math.max(0, cj - 1); j <= Math.min(by - 1, cj + 1); j++) {
      for (let i = Math.max(0, ci - 1); i <= Math.min(bx - 1, ci + 1); i++) {
        for (const k of buckets[j * bx + i]) scratch[n++] = k;
      }
    }
    return idwAt(pts, scratch, n, x, y, r2, half, eps2);
  };
}

export type Polyline = [number, number][];

/**
 * Contour lines of the grid at `level` by marching squares, joined into polylines. A closed loop
 * ends on the point it starts from. Cells with an empty corner produce nothing.
 */
export function marchingSquares(grid: Grid, level: number): Polyline[] {
  const { nx, ny, values, x0, y0, dx, dy } = grid;
  if (nx < 2 || ny < 2 || !Number.isFinite(level)) return [];
  const v = (i: number, j: number) => values[j * nx + i];
  // Edge ids: horizontal edge (i,j)→(i+1,j) = 2(j·nx+i); vertical edge (i,j)→(i,j+1) = 2(j·nx+i)+1.
  const hEdge = (i: number, j: number) => 2 * (j * nx + i);
  const vEdge = (i: number, j: number) => 2 * (j * nx + i) + 1;
  const point = (edge: number): [number, number] => {
    const node = edge >> 1;
    const i = node % nx;
    const j = (node - i) / nx;
    const a = values[node];
    const b = edge & 1 ? values[node + nx] : values[node + 1];
    const t = b === a ? 0.5 : Math.min(1, Math.max(0, (level - a) / (b - a)));
    return edge & 1 ? [x0 + i * dx, y0 + (j + t) * dy] : [x0 + (i + t) * dx, y0 + j * dy];
  };
  // Segments as pairs of edge ids; adjacency: edge → segment indices (at most two).
  const segs: number[] = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const a = v(i, j), b = v(i + 1, j), c = v(i + 1, j + 1), d = v(i, j + 1);
      if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c) || Number.isNaN(d)) continue;
      const sa = a >= level, sb = b >= level, sc = c >= level, sd = d >= level;
      const e0 = hEdge(i, j), e1 = vEdge(i + 1, j), e2 = hEdge(i, j + 1), e3 = vEdge(i, j);
      const crossed: number[] = [];
      if (sa !== sb) crossed.push(e0);
      if (sb !== sc) crossed.push(e1);
      if (sc !== sd) crossed.push(e2);
      if (sd !== sa) crossed.push(e3);
      if (crossed.length === 2) segs.push(crossed[0], crossed[1]);
      else if (crossed.length === 4) {
        const centre = (a + b + c + d) / 4 >= level;
        if (centre === sa) {
          // a and c joined through the centre: cut off corners b and d.
          segs.push(e0, e1, e2, e3);
        } else {
          // b and d joined: cut off corners a and c.
          segs.push(e3, e0, e1, e2);
        }
      }
    }
  }
  const nSeg = segs.length / 2;
  const byEdge = new Map<number, number[]>();
  for (let s = 0; s < nSeg; s++) {
    for (const e of [segs[2 * s], segs[2 * s + 1]]) {
      const l = byEdge.get(e);
      if (l) l.push(s);
      else byEdge.set(e, [s]);
    }
  }
  const used = new Uint8Array(nSeg);
  const other = (s: number, e: number) => (segs[2 * s] === e ? segs[2 * s + 1] : segs[2 * s]);
  const next = (e: number) => byEdge.get(e)?.find((s) => !used[s]);
  const out: Polyline[] = [];
  // Open lines first (they start on an edge with a single segment: the data's border), then loops.
  const starts: number[] = [];
  for (const [e, l] of byEdge) if (l.length === 1) starts.push(e);
  const walk = (startEdge: number) => {
    const edges = [startEdge];
    let e = startEdge;
    for (let s = next(e); s !== undefined; s = next(e)) {
      used[s] = 1;
      e = other(s, e);
      edges.push(e);
    }
    if (edges.length > 1) out.push(edges.map(point));
  };
  for (const e of starts) if (next(e) !== undefined) walk(e);
  for (let s = 0; s < nSeg; s++) if (!used[s]) walk(segs[2 * s]);
  return out;
}

export interface ContourSet {
  level: number;
  lines: Polyline[];
}

/** Contour lines at each level (ascending order kept as given). */
export function contourLines(grid: Grid, levels: readonly number[]): ContourSet[] {
  return levels.map((level) => ({ level, lines: marchingSquares(grid, level) }));
}

/** Clip a polygon (with values at its vertices, linear between them) to value ≥ t (keepAbove) or < t. */
function clipByValue(poly: [number, number, number][], t: number, keepAbove: boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  const inside = (p: [number, number, number]) => (keepAbove ? p[2] >= t : p[2] < t);
  for (let k = 0; k < poly.length; k++) {
    const p = poly[k];
    const q = poly[(k + 1) % poly.length];
    const pin = inside(p), qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) {
      const s = (t - p[2]) / (q[2] - p[2]);
      out.push([p[0] + (q[0] - p[0]) * s, p[1] + (q[1] - p[1]) * s, t]);
    }
  }
  return out;
}

/**
 * The region where lo ≤ value < hi, as polygons in grid coordinates, for filled contour bands.
 * Whole cells inside the band are merged into row runs (rectangles); cells the band boundary
 * crosses are split into two triangles (lower-left to upper-right diagonal) with the value linear
 * on each, and each triangle is clipped to the band. Empty cells are left out. Use -Infinity /
 * Infinity for open bands.
 */
export function bandPolygons(grid: Grid, lo: number, hi: number): Polyline[] {
  const { nx, ny, values, x0, y0, dx, dy } = grid;
  const out: Polyline[] = [];
  if (nx < 2 || ny < 2) return out;
  const inBand = (x: number) => x >= lo && x < hi;
  for (let j = 0; j + 1 < ny; j++) {
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      const xa = x0 + runStart * dx, xb = x0 + end * dx, ya = y0 + j * dy, yb = y0 + (j + 1) * dy;
      out.push([[xa, ya], [xb, ya], [xb, yb], [xa, yb]]);
      runStart = -1;
    };
    for (let i = 0; i + 1 < nx; i++) {
      const a = values[j * nx + i], b = values[j * nx + i + 1], c = values[(j + 1) * nx + i + 1], d = values[(j + 1) * nx + i];
      if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c) || Number.isNaN(d)) {
        flush(i);
        continue;
      }
      if (inBand(a) && inBand(b) && inBand(c) && inBand(d)) {
        if (runStart < 0) runStart = i;
        continue;
      }
      flush(i);
      const xa = x0 + i * dx, xb = xa + dx, ya = y0 + j * dy, yb = ya + dy;
      const tris: [number, number, number][][] = [
        [[xa, ya, a], [xb, ya, b], [xb, yb, c]],
        [[xa, ya, a], [xb, yb, c], [xa, yb, d]],
      ];
      for (const tri of tris) {
        let poly = tri;
        if (lo > -Infinity) poly = clipByValue(poly, lo, true);
        if (poly.length >= 3 && hi < Infinity) poly = clipByValue(poly, hi, false);
        if (poly.length >= 3) out.push(poly.map((p) => [p[0], p[1]]));
      }
    }
    flush(nx - 1);
  }
  return out;
}

/** Signed area of a polygon (positive counter-clockwise). */
export function polygonArea(poly: Polyline): number {
  let s = 0;
  for (let k = 0; k < poly.length; k++) {
    const p = poly[k];
    const q = poly[(k + 1) % poly.length];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}
