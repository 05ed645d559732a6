/**
 * Cutting geometry along faults so each piece moves with its own block: segments are split where
 * they cross a fault, triangles are split along the fault surface. The cut uses each fault's
 * signed side value (exact for planar faults, the nearest triangle's plane for curved ones).
 * Units: metres, world coordinates (float64).
 */
import { blockMask, movingSideValue, movingSideValueAt, type FaultBlockModel } from './faults';
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
  const nv = vertices.length / 3;
  const point = (src: ArrayLike<number>, i: number): Vec3 => [src[i * 3], src[i * 3 + 1], src[i * 3 + 2]];
  // Side values per vertex per fault (typed arrays: this runs over millions of vertices).
  const sideOrig = faults.map((f) => {
    const out = new Float64Array(nv);
    for (let i = 0; i < nv; i++) out[i] = movingSideValueAt(f, vertices, i);
    return out;
  });
  // Fast path: triangles that straddle no fault are copied as they are; usually nearly all of them.
  const nTri = triangles.length / 3;
  const straddles = new Uint8Array(nTri);
  let nStraddle = 0;
  for (let t = 0; t < nTri; t++) {
    const a = triangles[t * 3], b = triangles[t * 3 + 1], c = triangles[t * 3 + 2];
    for (let k = 0; k < faults.length; k++) {
      const sk = sideOrig[k];
      const pa = sk[a] > 0, pb = sk[b] > 0, pc = sk[c] > 0;
      if (pa !== pb || pa !== pc) {
        straddles[t] = 1;
        nStraddle++;
        break;
      }
    }
  }
  if (nStraddle === 0) return { vertices, triangles };
  const extra: number[] = [];
  const side: number[][] = sideOrig.map(() => []);
  const vertexAt = (i: number): Vec3 => (i < nv ? point(vertices, i) : point(extra, i - nv));
  const sideAt = (k: number, i: number) => (i < nv ? sideOrig[k][i] : side[k][i - nv]);
  // Edge midpoints are shared between neighbouring triangles so the cut surface stays watertight.
  const edgeCache = new Map<string, number>();
  const split = (k: number, i: number, j: number): number => {
    const key = `${k}:${Math.min(i, j)}:${Math.max(i, j)}`;
    const hit = edgeCache.get(key);
    if (hit !== undefined) return hit;
    const si = sideAt(k, i);
    const sj = sideAt(k, j);
    const p = lerp3(vertexAt(i), vertexAt(j), si / (si - sj));
    const n = nv + extra.length / 3;
    extra.push(p[0], p[1], p[2]);
    faults.forEach((f, m) => side[m].push(m === k ? 0 : movingSideValue(f, p)));
    edgeCache.set(key, n);
    return n;
  };
  const out: number[] = [];
  for (let t = 0; t < nTri; t++) {
    if (!straddles[t]) continue;
    let tris: number[][] = [[triangles[t * 3], triangles[t * 3 + 1], triangles[t * 3 + 2]]];
    for (let k = 0; k < faults.length; k++) {
      const next: number[][] = [];
      for (const tri of tris) {
        const pos = tri.map((v) => sideAt(k, v) > 0);
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
    }
    for (const tri of tris) out.push(tri[0], tri[1], tri[2]);
  }
  const allVerts = new Float64Array(vertices.length + extra.length);
  allVerts.set(vertices);
  allVerts.set(extra, vertices.length);
  const allTris = new Uint32Array((nTri - nStraddle) * 3 + out.length);
  let w = 0;
  for (let t = 0; t < nTri; t++) {
    if (straddles[t]) continue;
    allTris[w++] = triangles[t * 3];
    allTris[w++] = triangles[t * 3 + 1];
    allTris[w++] = triangles[t * 3 + 2];
  }
  allTris.set(out, w);
  return { vertices: allVerts, triangles: allTris };
}
