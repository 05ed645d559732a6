/**
 * Where drill holes cross the as-mapped vein pieces: the desurveyed path (minimum curvature, from
 * src/domain/desurvey.ts) is walked in 0.5 m chords and each chord is intersected with the vein
 * triangles found through a uniform 10 m grid. Over a 0.5 m chord the arc departs from the chord by
 * well under 0.1 mm, so the pierce depth is exact for all practical purposes.
 */
import { positionAtDepth, type HolePath } from '../../src/domain/desurvey';
import { cross, dot, normalize, sub, type Vec3 } from '../../src/domain/vec3';
import { ORIGIN_E, ORIGIN_N } from './frame';

export interface TriSurface { id: string; zone: string; vertices: number[]; triangles: number[] }
export interface Hit {
  /** m along the hole */
  depth: number;
  surface: number;
  tri: number;
  /** unit normal of the pierced triangle */
  normal: Vec3;
}

const CELL = 10; // m
const STEP = 0.5; // m along the hole
const key = (i: number, j: number, k: number) => ((i + 512) * 1024 + (j + 512)) * 1024 + (k + 512);
const cellOf = (x: number, y: number, z: number): [number, number, number] =>
  [Math.floor((x - ORIGIN_E) / CELL), Math.floor((y - ORIGIN_N) / CELL), Math.floor(z / CELL)];

export class TriIndex {
  private cells = new Map<number, number[]>();
  constructor(readonly surfaces: TriSurface[]) {
    surfaces.forEach((s, si) => {
      for (let t = 0; t < s.triangles.length / 3; t++) {
        const c = this.corners(si, t);
        const lo = cellOf(Math.min(c[0][0], c[1][0], c[2][0]), Math.min(c[0][1], c[1][1], c[2][1]), Math.min(c[0][2], c[1][2], c[2][2]));
        const hi = cellOf(Math.max(c[0][0], c[1][0], c[2][0]), Math.max(c[0][1], c[1][1], c[2][1]), Math.max(c[0][2], c[1][2], c[2][2]));
        for (let i = lo[0]; i <= hi[0]; i++) for (let j = lo[1]; j <= hi[1]; j++) for (let k = lo[2]; k <= hi[2]; k++) {
          const kk = key(i, j, k);
          const list = this.cells.get(kk);
          if (list) list.push(si, t);
          else this.cells.set(kk, [si, t]);
        }
      }
    });
  }

  corners(si: number, t: number): [Vec3, Vec3, Vec3] {
    const s = this.surfaces[si];
    const v = s.vertices;
    const at = (i: number): Vec3 => [v[3 * i], v[3 * i + 1], v[3 * i + 2]];
    return [at(s.triangles[3 * t]), at(s.triangles[3 * t + 1]), at(s.triangles[3 * t + 2])];
  }

  /** Triangles ([surface, triangle] pairs) whose cells the segment's bounding box touches. */
  candidates(a: Vec3, b: Vec3): number[] {
    const lo = cellOf(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2]));
    const hi = cellOf(Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2]));
    const out: number[] = [];
    for (let i = lo[0]; i <= hi[0]; i++) for (let j = lo[1]; j <= hi[1]; j++) for (let k = lo[2]; k <= hi[2]; k++) {
      const list = this.cells.get(key(i, j, k));
      if (list) out.push(...list);
    }
    return out;
  }
}

/** Parameter t in [0, 1) where segment a→b crosses triangle (p0, p1, p2), or null (Möller-Trumbore). */
function segTri(a: Vec3, b: Vec3, p0: Vec3, p1: Vec3, p2: Vec3): number | null {
  const dir = sub(b, a);
  const e1 = sub(p1, p0);
  const e2 = sub(p2, p0);
  const pv = cross(dir, e2);
  const det = dot(e1, pv);
  if (Math.abs(det) < 1e-12) return null;
  const inv = 1 / det;
  const tv = sub(a, p0);
  const u = dot(tv, pv) * inv;
  if (u < -1e-9 || u > 1 + 1e-9) return null;
  const qv = cross(tv, e1);
  const v = dot(dir, qv) * inv;
  if (v < -1e-9 || u + v > 1 + 1e-9) return null;
  const t = dot(e2, qv) * inv;
  return t >= 0 && t < 1 ? t : null;
}

/** Every crossing of the hole with the indexed surfaces, by depth; repeated hits on a shared edge merged. */
export function pierceHole(index: TriIndex, path: HolePath, depth: number): Hit[] {
  const hits: Hit[] = [];
  let a = positionAtDepth(path, 0);
  for (let d0 = 0; d0 < depth; d0 += STEP) {
    const d1 = Math.min(depth, d0 + STEP);
    const b = positionAtDepth(path, d1);
    const cand = index.candidates(a, b);
    for (let c = 0; c < cand.length; c += 2) {
      const [p0, p1, p2] = index.corners(cand[c], cand[c + 1]);
      const t = segTri(a, b, p0, p1, p2);
      if (t === null) continue;
      hits.push({ depth: d0 + t * (d1 - d0), surface: cand[c], tri: cand[c + 1], normal: normalize(cross(sub(p1, p0), sub(p2, p0))) });
    }
    a = b;
  }
  hits.sort((x, y) => x.depth - y.depth || x.surface - y.surface || x.tri - y.tri);
  const out: Hit[] = [];
  for (const h of hits) {
    const dup = out.some((o) => o.surface === h.surface && Math.abs(o.depth - h.depth) < 0.05);
    if (!dup) out.push(h);
  }
  return out;
}
