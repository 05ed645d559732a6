/**
 * Cutting geometry along faults so each piece moves with its own block: segments are split where
 * they cross a fault, triangles are split along the fault surface. The cut uses each fault's
 * signed side value (exact for planar faults, the nearest triangle's plane for curved ones).
 * Units: metres, world coordinates (float64).
 */
import { blockMask, movingSideValue, type FaultBlockModel } from './faults';
import type { Vec3 } from './vec3';

export interface SegmentPiece {
  /** 0..1 along the segment */
  t0: number;
  t1: number;
  mask: number;
}

const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Split segment a→b at every fault it crosses; each piece gets the block mask of its midpoint. */
export function cutSegment(faults: FaultBlockModel[], a: Vec3, b: Vec3): SegmentPiece[] {
  const ts: number[] = [];
  for (const f of faults) {
    const sa = movingSideValue(f, a);
    const sb = movingSideValue(f, b);
    if ((sa > 0) !== (sb > 0)) ts.push(sa / (sa - sb));
  }
  if (ts.length === 0) return [{ t0: 0, t1: 1, mask: faults.length ? blockMask(faults, lerp3(a, b, 0.5)) : 0 }];
  ts.sort((x, y) => x - y);
  const cuts = [0, ...ts.filter((t) => t > 1e-9 && t < 1 - 1e-9), 1];
  const out: SegmentPiece[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    if (cuts[i + 1] - cuts[i] < 1e-9) continue;
    out.push({ t0: cuts[i], t1: cuts[i + 1], mask: blockMask(faults, lerp3(a, b, (cuts[i] + cuts[i + 1]) / 2)) });
  }
  return out;
}

/**
 * Split every triangle that a fault crosses along that fault, so that no output triangle straddles
 * a fault. Returns new float64 vertices and triangle indices (the input is not modified).
 */
export function cutTriangles(faults: FaultBlockModel[], vertices: Float64Array, triangles: Uint32Array): { vertices: Float64Array; triangles: Uint32Array } {
  if (faults.length === 0) return { vertices, triangles };
  const verts: number[] = Array.from(vertices);
  const point = (i: number): Vec3 => [verts[i * 3], verts[i * 3 + 1], verts[i * 3 + 2]];
  // Side values per vertex per fault, extended as vertices are added.
  const side: number[][] = faults.map((f) => {
    const out: number[] = [];
    for (let i = 0; i < vertices.length / 3; i++) out.push(movingSideValue(f, point(i)));
    return out;
  });
  // Edge midpoints are shared between neighbouring triangles so the cut surface stays watertight.
  const edgeCache = new Map<string, number>();
  const split = (k: number, i: number, j: number): number => {
    const key = `${k}:${Math.min(i, j)}:${Math.max(i, j)}`;
    const hit = edgeCache.get(key);
    if (hit !== undefined) return hit;
    const si = side[k][i];
    const sj = side[k][j];
    const t = si / (si - sj);
    const p = lerp3(point(i), point(j), t);
    const n = verts.length / 3;
    verts.push(p[0], p[1], p[2]);
    faults.forEach((f, m) => side[m].push(m === k ? 0 : movingSideValue(f, p)));
    edgeCache.set(key, n);
    return n;
  };
  let tris: number[][] = [];
  for (let t = 0; t < triangles.length; t += 3) tris.push([triangles[t], triangles[t + 1], triangles[t + 2]]);
  faults.forEach((_, k) => {
    const next: number[][] = [];
    for (const tri of tris) {
      const pos = tri.map((v) => side[k][v] > 0);
      const nPos = pos.filter(Boolean).length;
      if (nPos === 0 || nPos === 3) {
        next.push(tri);
        continue;
      }
      // Rotate so that vertex 0 is the one alone on its side.
      const lone = pos.findIndex((p) => (nPos === 1 ? p : !p));
      const a = tri[lone], b = tri[(lone + 1) % 3], c = tri[(lone + 2) % 3];
      const ab = split(k, a, b);
      const ac = split(k, a, c);
      next.push([a, ab, ac], [ab, b, c], [ab, c, ac]);
    }
    tris = next;
  });
  return { vertices: Float64Array.from(verts), triangles: Uint32Array.from(tris.flat()) };
}
