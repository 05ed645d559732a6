/**
 * Vein orientation at a point, from the model's vein surfaces (surfaces of zones of kind 'vein').
 *
 * True and horizontal widths of an intercept need the orientation of the vein where the hole
 * crosses it. The orienter answers two questions fast (a uniform 3D grid per vein zone, built
 * once per model):
 * - `nearest(p, zoneId?)`: the triangle of that zone nearest to a world point (or of any vein zone
 *   within `ANY_VEIN_MAX_DISTANCE` when the zone is unknown), with its unit normal and dip;
 * - `pierce(a, b, zoneId?)`: the first vein triangle a straight piece of hole a→b crosses.
 *
 * Normals are returned pointing up (n_z ≥ 0, a vertical vein's normal is horizontal), dips are
 * magnitudes in degrees 0-90 from horizontal, strikes use the right-hand rule (orientation.ts).
 * World coordinates stay float64 throughout. Pure maths: no react/three/zustand.
 */
import type { Model } from '../data/model';
import { strikeDipFromNormal } from './orientation';
import type { Vec3 } from './vec3';

/** Search radius (m) for the nearest vein when the zone of the point is not known. */
export const ANY_VEIN_MAX_DISTANCE = 10;
/** Upper bound on grid cells per vein zone; the cell size grows to respect it. */
const MAX_CELLS = 1 << 18;
const RAD = Math.PI / 180;

export interface VeinHit {
  zoneId: string;
  surfaceId: string;
  /** triangle index within its surface */
  triangle: number;
  /** unit normal of the triangle, pointing up (n_z ≥ 0) */
  normal: Vec3;
  /** dip magnitude of the triangle, degrees from horizontal (0-90) */
  dip: number;
  /** strike (right-hand rule) and dip direction, degrees clockwise from grid north */
  strike: number;
  dipDirection: number;
  /** distance from the query point to the triangle, m (0 for a pierce) */
  distance: number;
  /** nearest point of the triangle (the crossing point for a pierce), world m */
  point: Vec3;
}

export interface PierceHit extends VeinHit {
  /** position of the crossing along the segment, 0 at a, 1 at b */
  t: number;
}

export interface VeinOrienter {
  /** vein zone ids that have at least one usable triangle */
  readonly zoneIds: readonly string[];
  /**
   * Nearest triangle to `p`. With a zone id: of that zone only, within `maxDistance` (default
   * unlimited); null for a zone that is not a vein zone or has no surface. Without a zone id: of any
   * vein zone within `maxDistance` (default ANY_VEIN_MAX_DISTANCE).
   */
  nearest(p: Vec3, zoneId?: string | null, maxDistance?: number): VeinHit | null;
  /** First vein triangle (of `zoneId`, or of any vein zone) crossed by the segment a→b, or null. */
  pierce(a: Vec3, b: Vec3, zoneId?: string | null): PierceHit | null;
}

/**
 * One vein zone's triangles and their grid. Triangles are referenced, not copied: a vertex is read
 * from the model's own float64 array when needed (a copy cost 170 bytes per triangle, 340 MB for
 * the 2 million vein triangles of a large deposit; references cost 20).
 */
interface ZoneGrid {
  zoneId: string;
  /** the zone's surfaces' vertex arrays (world m, float64), indexed by `surface` */
  vertices: Float64Array[];
  /** per triangle: index of its surface, and the offsets (vertex index × 3) of its corners */
  surface: Int32Array;
  corners: Int32Array;
  triangle: Int32Array;
  surfaceIds: string[];
  min: Vec3;
  cell: number;
  dims: [number, number, number];
  /** CSR: triangles of cell c are items[start[c] .. start[c+1]) */
  start: Int32Array;
  items: Int32Array;
  /** last query stamp per triangle, so a triangle listed in several cells is tested once */
  stamp: Uint32Array;
}

/** Corners of triangle t, copied into a reused scratch array [ax, ay, az, bx, ..., cz] (world m). */
const scratch = new Float64Array(9);
function corners(g: ZoneGrid, t: number, out: Float64Array = scratch): Float64Array {
  const v = g.vertices[g.surface[t]];
  for (let c = 0; c < 3; c++) {
    const o = g.corners[t * 3 + c];
    out[c * 3] = v[o]; out[c * 3 + 1] = v[o + 1]; out[c * 3 + 2] = v[o + 2];
  }
  return out;
}

/** Upward unit normal of triangle t. */
function normalOf(g: ZoneGrid, t: number): Vec3 {
  const v = corners(g, t);
  const ux = v[3] - v[0], uy = v[4] - v[1], uz = v[5] - v[2];
  const wx = v[6] - v[0], wy = v[7] - v[1], wz = v[8] - v[2];
  let nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
  const len = Math.hypot(nx, ny, nz);
  if (nz < 0) { nx = -nx; ny = -ny; nz = -nz; }
  return [nx / len, ny / len, nz / len];
}

function buildZoneGrid(zoneId: string, surfaces: Model['surfaces']): ZoneGrid | null {
  let count = 0;
  for (const s of surfaces) count += Math.floor(s.triangles.length / 3);
  const cornersOf = new Int32Array(count * 3);
  const surface = new Int32Array(count);
  const triangle = new Int32Array(count);
  const surfaceIds = surfaces.map((s) => s.id);
  let k = 0;
  let extentSum = 0;
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  surfaces.forEach((s, si) => {
    const sv = s.vertices;
    const st = s.triangles;
    for (let t = 0; t + 2 < st.length; t += 3) {
      const a = st[t] * 3, b = st[t + 1] * 3, c = st[t + 2] * 3;
      if (c + 2 >= sv.length || a + 2 >= sv.length || b + 2 >= sv.length) continue;
      const ux = sv[b] - sv[a], uy = sv[b + 1] - sv[a + 1], uz = sv[b + 2] - sv[a + 2];
      const wx = sv[c] - sv[a], wy = sv[c + 1] - sv[a + 1], wz = sv[c + 2] - sv[a + 2];
      const nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
      if (!(nx * nx + ny * ny + nz * nz > 1e-24)) continue; // degenerate triangle: no orientation
      let ext = 0;
      for (let ax = 0; ax < 3; ax++) {
        const p = sv[a + ax], q = sv[b + ax], r = sv[c + ax];
        const lo = Math.min(p, q, r), hi = Math.max(p, q, r);
        if (lo < min[ax]) min[ax] = lo;
        if (hi > max[ax]) max[ax] = hi;
        ext = Math.max(ext, hi - lo);
      }
      cornersOf[k * 3] = a; cornersOf[k * 3 + 1] = b; cornersOf[k * 3 + 2] = c;
      extentSum += ext;
      surface[k] = si;
      triangle[k] = t / 3;
      k++;
    }
  });
  if (k === 0) return null;
  // Cells about one and a half triangles wide, fewer than MAX_CELLS in all.
  let cell = Math.max(1, (1.5 * extentSum) / k);
  const span = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
  const dimsFor = (c: number): [number, number, number] => [0, 1, 2].map((ax) => Math.max(1, Math.floor(span[ax] / c) + 1)) as [number, number, number];
  let dims = dimsFor(cell);
  while (dims[0] * dims[1] * dims[2] > MAX_CELLS) {
    cell *= 1.5;
    dims = dimsFor(cell);
  }
  const ncell = dims[0] * dims[1] * dims[2];
  const start = new Int32Array(ncell + 1);
  const partial: ZoneGrid = { zoneId, vertices: surfaces.map((x) => x.vertices), surface, corners: cornersOf, triangle, surfaceIds, min, cell, dims, start, items: new Int32Array(0), stamp: new Uint32Array(0) };
  // Cells overlapped by triangle t's bounding box, visited with no allocation (this runs twice
  // over millions of triangles: once to count, once to fill).
  const lo = new Int32Array(3);
  const hi = new Int32Array(3);
  const forCells = (t: number, f: (c: number) => void) => {
    const v = corners(partial, t);
    for (let ax = 0; ax < 3; ax++) {
      const a = v[ax], b = v[3 + ax], c = v[6 + ax];
      const l = a < b ? (a < c ? a : c) : b < c ? b : c;
      const h = a > b ? (a > c ? a : c) : b > c ? b : c;
      lo[ax] = Math.max(0, Math.min(dims[ax] - 1, Math.floor((l - min[ax]) / cell)));
      hi[ax] = Math.max(0, Math.min(dims[ax] - 1, Math.floor((h - min[ax]) / cell)));
    }
    for (let kk = lo[2]; kk <= hi[2]; kk++) for (let j = lo[1]; j <= hi[1]; j++) for (let i = lo[0]; i <= hi[0]; i++) f((kk * dims[1] + j) * dims[0] + i);
  };
  const tally = (c: number) => { start[c + 1]++; };
  for (let t = 0; t < k; t++) forCells(t, tally);
  for (let c = 0; c < ncell; c++) start[c + 1] += start[c];
  const fill = start.slice(0, ncell);
  const items = new Int32Array(start[ncell]);
  let current = 0;
  const put = (c: number) => { items[fill[c]++] = current; };
  for (let t = 0; t < k; t++) { current = t; forCells(t, put); }
  return {
    ...partial,
    surface: surface.slice(0, k),
    corners: cornersOf.slice(0, k * 3),
    triangle: triangle.slice(0, k),
    items,
    stamp: new Uint32Array(k),
  };
}

/**
 * Squared distance from p to triangle t of the grid, and the closest point written to `out`
 * (Ericson, Real-Time Collision Detection, 5.1.5: Voronoi regions of the triangle).
 */
function dist2ToTriangle(g: ZoneGrid, t: number, px: number, py: number, pz: number, out: number[]): number {
  const v = corners(g, t);
  const o = 0;
  const ax = v[o], ay = v[o + 1], az = v[o + 2];
  const abx = v[o + 3] - ax, aby = v[o + 4] - ay, abz = v[o + 5] - az;
  const acx = v[o + 6] - ax, acy = v[o + 7] - ay, acz = v[o + 8] - az;
  const apx = px - ax, apy = py - ay, apz = pz - az;
  const set = (x: number, y: number, z: number) => {
    out[0] = x; out[1] = y; out[2] = z;
    return (px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2;
  };
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) return set(ax, ay, az);
  const bpx = px - v[o + 3], bpy = py - v[o + 4], bpz = pz - v[o + 5];
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) return set(v[o + 3], v[o + 4], v[o + 5]);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const s = d1 / (d1 - d3);
    return set(ax + s * abx, ay + s * aby, az + s * abz);
  }
  const cpx = px - v[o + 6], cpy = py - v[o + 7], cpz = pz - v[o + 8];
  const d5 = abx * cpx + aby * cpy + abz * cpz;
  const d6 = acx * cpx + acy * cpy + acz * cpz;
  if (d6 >= 0 && d5 <= d6) return set(v[o + 6], v[o + 7], v[o + 8]);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const s = d2 / (d2 - d6);
    return set(ax + s * acx, ay + s * acy, az + s * acz);
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const s = (d4 - d3) / (d4 - d3 + (d5 - d6));
    const bx = v[o + 3], by = v[o + 4], bz = v[o + 5];
    return set(bx + s * (v[o + 6] - bx), by + s * (v[o + 7] - by), bz + s * (v[o + 8] - bz));
  }
  const den = 1 / (va + vb + vc);
  const s = vb * den;
  const w = vc * den;
  return set(ax + abx * s + acx * w, ay + aby * s + acy * w, az + abz * s + acz * w);
}

/** Segment a→b against triangle t (Möller-Trumbore); the parameter in [0, 1] or -1. */
function segmentTriangle(g: ZoneGrid, t: number, a: Vec3, d: Vec3): number {
  const v = corners(g, t);
  const o = 0;
  const e1x = v[o + 3] - v[o], e1y = v[o + 4] - v[o + 1], e1z = v[o + 5] - v[o + 2];
  const e2x = v[o + 6] - v[o], e2y = v[o + 7] - v[o + 1], e2z = v[o + 8] - v[o + 2];
  const px = d[1] * e2z - d[2] * e2y, py = d[2] * e2x - d[0] * e2z, pz = d[0] * e2y - d[1] * e2x;
  const det = e1x * px + e1y * py + e1z * pz;
  if (Math.abs(det) < 1e-12) return -1; // segment parallel to the triangle
  const inv = 1 / det;
  const sx = a[0] - v[o], sy = a[1] - v[o + 1], sz = a[2] - v[o + 2];
  const u = (sx * px + sy * py + sz * pz) * inv;
  if (u < -1e-9 || u > 1 + 1e-9) return -1;
  const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
  const w = (d[0] * qx + d[1] * qy + d[2] * qz) * inv;
  if (w < -1e-9 || u + w > 1 + 1e-9) return -1;
  const s = (e2x * qx + e2y * qy + e2z * qz) * inv;
  return s >= 0 && s <= 1 ? s : -1;
}

function hitFor(g: ZoneGrid, t: number, distance: number, point: Vec3): VeinHit {
  const normal = normalOf(g, t);
  const { strike, dipDirection } = strikeDipFromNormal(normal);
  return {
    zoneId: g.zoneId,
    surfaceId: g.surfaceIds[g.surface[t]],
    triangle: g.triangle[t],
    normal,
    dip: Math.atan2(Math.hypot(normal[0], normal[1]), normal[2]) / RAD,
    strike,
    dipDirection,
    distance,
    point,
  };
}

/**
 * Build an orienter over the vein surfaces of a model (zones of kind 'vein'; surfaces whose zone
 * is one of them). The sample's 12k vein triangles build in about 20 ms.
 */
export function buildVeinOrienter(model: Pick<Model, 'zones' | 'surfaces'>): VeinOrienter {
  return orienterFromGrids(buildVeinGrids(model));
}

/** The grids of every vein zone: plain objects of typed arrays, so a worker can build and send them. */
export type VeinGrids = ZoneGrid[];

export function buildVeinGrids(model: Pick<Model, 'zones' | 'surfaces'>): VeinGrids {
  const out: ZoneGrid[] = [];
  for (const z of model.zones.filter((zone) => zone.kind === 'vein')) {
    const g = buildZoneGrid(z.id, model.surfaces.filter((s) => s.zoneId === z.id));
    if (g) out.push(g);
  }
  return out;
}

/** Typed arrays of the grids that are not the model's own vertices (those travel with the model). */
export function veinGridTransferables(grids: VeinGrids): ArrayBuffer[] {
  return grids.flatMap((g) => [g.surface, g.corners, g.triangle, g.start, g.items, g.stamp].map((a) => a.buffer as ArrayBuffer));
}

/**
 * Use grids built elsewhere (the loading worker) for this model, so the page never spends seconds
 * building them. The grids must have been built from this model's surfaces.
 */
export function adoptVeinGrids(model: Pick<Model, 'zones' | 'surfaces'>, grids: VeinGrids): void {
  // Grids sent without vertices (see sendableVeinGrids) point again at the model's own arrays.
  for (const g of grids) {
    if (g.vertices.length === 0) g.vertices = g.surfaceIds.map((id) => model.surfaces.find((s) => s.id === id)!.vertices);
  }
  if (!cache.has(model)) cache.set(model, orienterFromGrids(grids));
  settleGrids(model);
}

/** The grids without the surfaces' vertex arrays: the page has them already, in the model. */
export function sendableVeinGrids(grids: VeinGrids): VeinGrids {
  return grids.map((g) => ({ ...g, vertices: [] }));
}

/** Models whose grids the loading worker is still building, with the promise of their arrival. */
const comingGrids = new WeakMap<object, { promise: Promise<void>; resolve: () => void }>();

/** The loading worker will send this model's grids (intercept widths wait for them, see veinGridsReady). */
export function expectVeinGrids(model: Pick<Model, 'zones' | 'surfaces'>): void {
  if (cache.has(model) || comingGrids.has(model)) return;
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  comingGrids.set(model, { promise, resolve });
}

/** Resolves once the model's grids are here, or at once when none are on their way. */
export function veinGridsReady(model: Pick<Model, 'zones' | 'surfaces'>): Promise<void> {
  return comingGrids.get(model)?.promise ?? Promise.resolve();
}

/** No grids will come from the worker after all (it failed): whoever waits builds them. */
export function settleGrids(model: Pick<Model, 'zones' | 'surfaces'>): void {
  comingGrids.get(model)?.resolve();
  comingGrids.delete(model);
}

function orienterFromGrids(list: VeinGrids): VeinOrienter {
  const grids = new Map<string, ZoneGrid>(list.map((g) => [g.zoneId, g]));
  let query = 0;
  const closest = [0, 0, 0];

  /**
   * Nearest triangle of one grid closer than sqrt(best2): rings of cells outward from the point's
   * cell, skipping cells farther than the best so far, until the unvisited
   * cells are all farther than it.
   */
  function nearestIn(g: ZoneGrid, p: Vec3, best2: number): { t: number; d2: number; point: Vec3 } | null {
    query = (query + 1) >>> 0;
    if (query === 0) { g.stamp.fill(0); query = 1; }
    const { cell, dims, min, start, items, stamp } = g;
    const [nx, ny, nz] = dims;
    const px = p[0], py = p[1], pz = p[2];
    // Point in grid units; its cell (unclamped, so points outside the grid work too).
    const gx = (px - min[0]) / cell, gy = (py - min[1]) / cell, gz = (pz - min[2]) / cell;
    const cx = Math.floor(gx), cy = Math.floor(gy), cz = Math.floor(gz);
    const rMax = Math.max(Math.abs(cx), Math.abs(nx - 1 - cx), Math.abs(cy), Math.abs(ny - 1 - cy), Math.abs(cz), Math.abs(nz - 1 - cz));
    /** Squared distance (grid units) from the point to cell index i along one axis. */
    const axis2 = (gp: number, i: number) => (gp < i ? i - gp : gp > i + 1 ? gp - i - 1 : 0) ** 2;
    let bestT = -1;
    let bestPoint: Vec3 = [0, 0, 0];
    const cell2 = cell * cell;
    for (let r = 0; r <= rMax; r++) {
      if (r > 0) {
        // Everything not yet visited lies outside the box of cells within r - 1 of the point's cell.
        const inner = Math.min(gx - (cx - r + 1), cx + r - gx, gy - (cy - r + 1), cy + r - gy, gz - (cz - r + 1), cz + r - gz);
        if (inner > 0 && inner * inner * cell2 >= best2) break;
      }
      const k0 = Math.max(0, cz - r), k1 = Math.min(nz - 1, cz + r);
      const j0 = Math.max(0, cy - r), j1 = Math.min(ny - 1, cy + r);
      const i0 = Math.max(0, cx - r), i1 = Math.min(nx - 1, cx + r);
      for (let k = k0; k <= k1; k++) {
        const shellK = k === cz - r || k === cz + r;
        const dk = axis2(gz, k);
        for (let j = j0; j <= j1; j++) {
          const shellJ = shellK || j === cy - r || j === cy + r;
          const djk = dk + axis2(gy, j);
          if (djk * cell2 >= best2) continue;
          for (let i = i0; i <= i1; i++) {
            if (!shellJ && i !== cx - r && i !== cx + r) continue; // inside: visited in an earlier ring
            if ((djk + axis2(gx, i)) * cell2 >= best2) continue;
            const cc = (k * ny + j) * nx + i;
            for (let e = start[cc]; e < start[cc + 1]; e++) {
              const t = items[e];
              if (stamp[t] === query) continue;
              stamp[t] = query;
              const d2 = dist2ToTriangle(g, t, px, py, pz, closest);
              if (d2 < best2) {
                best2 = d2;
                bestT = t;
                bestPoint = [closest[0], closest[1], closest[2]];
              }
            }
          }
        }
      }
    }
    return bestT < 0 ? null : { t: bestT, d2: best2, point: bestPoint };
  }

  function pierceIn(g: ZoneGrid, a: Vec3, b: Vec3): { t: number; s: number } | null {
    query = (query + 1) >>> 0;
    if (query === 0) { g.stamp.fill(0); query = 1; }
    const { cell, dims, min, start, items, stamp } = g;
    const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const lo = [0, 1, 2].map((ax) => Math.max(0, Math.floor((Math.min(a[ax], b[ax]) - min[ax]) / cell)));
    const hi = [0, 1, 2].map((ax) => Math.min(dims[ax] - 1, Math.floor((Math.max(a[ax], b[ax]) - min[ax]) / cell)));
    let best: { t: number; s: number } | null = null;
    for (let k = lo[2]; k <= hi[2]; k++) {
      for (let j = lo[1]; j <= hi[1]; j++) {
        for (let i = lo[0]; i <= hi[0]; i++) {
          const cc = (k * dims[1] + j) * dims[0] + i;
          for (let e = start[cc]; e < start[cc + 1]; e++) {
            const t = items[e];
            if (stamp[t] === query) continue;
            stamp[t] = query;
            const s = segmentTriangle(g, t, a, d);
            if (s >= 0 && (!best || s < best.s)) best = { t, s };
          }
        }
      }
    }
    return best;
  }

  return {
    zoneIds: [...grids.keys()],
    nearest(p, zoneId, maxDistance) {
      const limit = maxDistance ?? (zoneId ? Infinity : ANY_VEIN_MAX_DISTANCE);
      const targets = zoneId ? [grids.get(zoneId)].filter((g): g is ZoneGrid => !!g) : [...grids.values()];
      let best2 = limit === Infinity ? Infinity : limit * limit * (1 + 1e-12);
      let found: { g: ZoneGrid; t: number; point: Vec3 } | null = null;
      for (const g of targets) {
        const r = nearestIn(g, p, best2);
        if (r) {
          best2 = r.d2;
          found = { g, t: r.t, point: r.point };
        }
      }
      return found ? hitFor(found.g, found.t, Math.sqrt(best2), found.point) : null;
    },
    pierce(a, b, zoneId) {
      const targets = zoneId ? [grids.get(zoneId)].filter((g): g is ZoneGrid => !!g) : [...grids.values()];
      let found: { g: ZoneGrid; t: number; s: number } | null = null;
      for (const g of targets) {
        const r = pierceIn(g, a, b);
        if (r && (!found || r.s < found.s)) found = { g, ...r };
      }
      if (!found) return null;
      const s = found.s;
      const point: Vec3 = [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s];
      return { ...hitFor(found.g, found.t, 0, point), t: s };
    },
  };
}

const cache = new WeakMap<object, VeinOrienter>();

/** The orienter of a model, built on first use and kept while the model lives. */
export function veinOrienterFor(model: Pick<Model, 'zones' | 'surfaces'>): VeinOrienter {
  let o = cache.get(model);
  if (!o) {
    o = buildVeinOrienter(model);
    cache.set(model, o);
    settleGrids(model);
  }
  return o;
}
