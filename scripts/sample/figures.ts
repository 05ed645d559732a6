/**
 * The published McDowell figures as the generator measures them (on the rounded, written data),
 * used to tune the model and to print a summary. tests/sample-figures.test.ts recomputes them on its
 * own from the committed file.
 *
 * - Strike extent (m): all vertices of the McDowell vein zones projected on their horizontal
 *   principal direction (PCA of easting, northing); max - min.
 * - Intercept horizontal width (m): core length L × |cos(hole direction at the sample mid-depth,
 *   normal of the nearest triangle of the sample's zone)| = true width; / sin(dip of that triangle).
 * - Grade: HW-weighted mean of min(Au, 45 g/t).
 */
import { directionAtDepth, positionAtDepth, type HolePath } from '../../src/domain/desurvey';
import { strikeDipFromNormal } from '../../src/domain/orientation';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from '../../src/domain/vec3';

export const CAP = 45; // g/t top cut
export const TARGET_HW = 0.82; // m, mean horizontal width
export const TARGET_GRADE = 6.07; // g/t, HW-weighted capped mean

/** Unit principal direction [dE, dN] of plan points and the extents along it and across it (m). */
export function planPca(points: number[][]): { axis: [number, number]; along: number; across: number } {
  let me = 0, mn = 0;
  for (const p of points) { me += p[0]; mn += p[1]; }
  me /= points.length; mn /= points.length;
  let cee = 0, cnn = 0, cen = 0;
  for (const p of points) {
    const e = p[0] - me, n = p[1] - mn;
    cee += e * e; cnn += n * n; cen += e * n;
  }
  const theta = 0.5 * Math.atan2(2 * cen, cee - cnn);
  const axis: [number, number] = [Math.cos(theta), Math.sin(theta)];
  let lo = Infinity, hi = -Infinity, lo2 = Infinity, hi2 = -Infinity;
  for (const p of points) {
    const a = (p[0] - me) * axis[0] + (p[1] - mn) * axis[1];
    const b = -(p[0] - me) * axis[1] + (p[1] - mn) * axis[0];
    lo = Math.min(lo, a); hi = Math.max(hi, a); lo2 = Math.min(lo2, b); hi2 = Math.max(hi2, b);
  }
  return { axis, along: hi - lo, across: hi2 - lo2 };
}

/** Vertices of flat [e, n, z, ...] arrays as points. */
export function pointsOf(vertexArrays: number[][]): number[][] {
  const out: number[][] = [];
  for (const v of vertexArrays) for (let i = 0; i < v.length; i += 3) out.push([v[i], v[i + 1], v[i + 2]]);
  return out;
}

/** Closest point on triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5). */
export function closestOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const ab = sub(b, a), ac = sub(c, a), ap = sub(p, a);
  const d1 = dot(ab, ap), d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const bp = sub(p, b);
  const d3 = dot(ab, bp), d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return add(a, scale(ab, d1 / (d1 - d3)));
  const cp = sub(p, c);
  const d5 = dot(ab, cp), d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return add(a, scale(ac, d2 / (d2 - d6)));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) return add(b, scale(sub(c, b), (d4 - d3) / (d4 - d3 + (d5 - d6))));
  const denom = 1 / (va + vb + vc);
  return add(a, add(scale(ab, vb * denom), scale(ac, vc * denom)));
}

export interface MeshLike { vertices: number[]; triangles: number[] }

/** Unit normal of the triangle of `meshes` nearest to p. */
export function nearestNormal(meshes: MeshLike[], p: Vec3): Vec3 {
  let best = Infinity;
  let n: Vec3 = [0, 0, 1];
  for (const m of meshes) {
    const v = m.vertices;
    const at = (i: number): Vec3 => [v[3 * i], v[3 * i + 1], v[3 * i + 2]];
    for (let t = 0; t < m.triangles.length; t += 3) {
      const a = at(m.triangles[t]), b = at(m.triangles[t + 1]), c = at(m.triangles[t + 2]);
      // Cheap reject: a triangle whose first corner is > 60 m away cannot be nearer than 30 m.
      const da = sub(p, a);
      if (dot(da, da) > 3600 && best < 900) continue;
      const q = sub(p, closestOnTriangle(p, a, b, c));
      const d2 = dot(q, q);
      if (d2 < best) { best = d2; n = normalize(cross(sub(b, a), sub(c, a))); }
    }
  }
  return n;
}

/** True width and horizontal width (m) of a sample [from, to] of a hole crossing a vein mesh. */
export function sampleWidths(path: HolePath, from: number, to: number, meshes: MeshLike[]): { tw: number; hw: number } {
  const mid = (from + to) / 2;
  const n = nearestNormal(meshes, positionAtDepth(path, mid));
  const cosA = Math.abs(dot(directionAtDepth(path, mid), n));
  const tw = (to - from) * cosA;
  const { dip } = strikeDipFromNormal(n);
  return { tw, hw: tw / Math.sin((dip * Math.PI) / 180) };
}

/** Arithmetic mean HW and HW-weighted capped grade of a set of intercepts. */
export function mcdowellFigures(items: { hw: number; au: number }[]): { meanHw: number; grade: number; n: number } {
  const sumHw = items.reduce((s, x) => s + x.hw, 0);
  const acc = items.reduce((s, x) => s + x.hw * Math.min(x.au, CAP), 0);
  return { meanHw: sumHw / items.length, grade: acc / sumHw, n: items.length };
}
