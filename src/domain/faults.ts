/**
 * Fault blocks and displacement. A fault is a triangulated surface (planar, inclined or curved) with
 * a moving side and an interpreted slip. Each point gets one bit per fault: set when the point lies
 * on that fault's moving side. Its displacement is the sum of the current offset vectors of the
 * faults whose bit is set, so several faults compose. Units: metres, world coordinates.
 *
 * A point exactly on a fault (within 1 mm) belongs to the fixed side: it never moves with the fault.
 */
import { strikeDipFromNormal } from './orientation';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from './vec3';

export type MovingSide = 'east' | 'west' | 'north' | 'south' | 'hangingwall' | 'footwall';

export type SlipInput = { strikeSlip: number; dipSlip: number } | { vector: Vec3 };

export interface FaultGeometryInput {
  id: string;
  /** flat world vertices [e, n, z, ...] in metres */
  vertices: ArrayLike<number>;
  /** flat triangle indices */
  triangles: ArrayLike<number>;
  movingSide: MovingSide;
  slip: SlipInput;
}

/** A fault ready for side tests: triangles with normals pointing to the moving side. */
export interface FaultBlockModel {
  id: string;
  /** mean unit normal, pointing into the moving side */
  normal: Vec3;
  strike: number;
  dip: number;
  /** unit vector along strike (right-hand rule) and down-dip, world axes */
  strikeDir: Vec3;
  downDipDir: Vec3;
  /** interpreted slip of the moving side, metres */
  slip: Vec3;
  /** triangle corners a, b, c and oriented unit normal, 12 numbers per triangle */
  tris: Float64Array;
  /** when every vertex lies within 5 cm of the mean plane, the plane decides sides (fast path) */
  plane: { point: Vec3; normal: Vec3 } | null;
}

const ON_FAULT_TOLERANCE = 1e-3; // m

function sideVector(side: MovingSide, meanUpNormal: Vec3): Vec3 {
  switch (side) {
    case 'east': return [1, 0, 0];
    case 'west': return [-1, 0, 0];
    case 'north': return [0, 1, 0];
    case 'south': return [0, -1, 0];
    // The hanging wall lies above the fault: on the side of the upward normal.
    case 'hangingwall': return meanUpNormal;
    case 'footwall': return scale(meanUpNormal, -1);
  }
}

export function buildFaultModel(f: FaultGeometryInput): FaultBlockModel {
  const v = f.vertices;
  const nTri = Math.floor(f.triangles.length / 3);
  const corner = (i: number): Vec3 => [v[3 * i], v[3 * i + 1], v[3 * i + 2]];
  const raw: { a: Vec3; b: Vec3; c: Vec3; n: Vec3 }[] = [];
  let sum: Vec3 = [0, 0, 0];
  for (let t = 0; t < nTri; t++) {
    const a = corner(f.triangles[3 * t]);
    const b = corner(f.triangles[3 * t + 1]);
    const c = corner(f.triangles[3 * t + 2]);
    const n = cross(sub(b, a), sub(c, a)); // length = 2 × area
    if (length(n) < 1e-12) continue;
    // Orient every triangle like the first so the area-weighted sum is a true mean.
    const oriented = raw.length > 0 && dot(n, raw[0].n) < 0 ? scale(n, -1) : n;
    sum = add(sum, oriented);
    raw.push({ a, b, c, n: oriented });
  }
  let mean = normalize(sum);
  const up: Vec3 = mean[2] < 0 ? scale(mean, -1) : mean;
  const toMoving = sideVector(f.movingSide, up);
  const flip = dot(mean, toMoving) < 0;
  if (flip) mean = scale(mean, -1);
  const tris = new Float64Array(raw.length * 12);
  raw.forEach((r, i) => {
    let n = normalize(r.n);
    if (dot(n, mean) < 0) n = scale(n, -1);
    tris.set([...r.a, ...r.b, ...r.c, ...n], i * 12);
  });
  // Planar faults (the common case) test sides against their plane: one dot product per point.
  let centroid: Vec3 = [0, 0, 0];
  const nv = Math.floor(v.length / 3);
  for (let i = 0; i < nv; i++) centroid = add(centroid, corner(i));
  centroid = scale(centroid, 1 / Math.max(nv, 1));
  let maxDev = 0;
  for (let i = 0; i < nv; i++) maxDev = Math.max(maxDev, Math.abs(dot(sub(corner(i), centroid), mean)));
  // 5 cm: coordinates written to 0.01 m leave a planar fault this far off its plane.
  const plane = raw.length > 0 && maxDev < 0.05 ? { point: centroid, normal: mean } : null;
  const { strike, dip, dipDirection } = strikeDipFromNormal(mean);
  const strikeDir: Vec3 = [Math.sin((strike * Math.PI) / 180), Math.cos((strike * Math.PI) / 180), 0];
  const dd = (dipDirection * Math.PI) / 180;
  const dr = (dip * Math.PI) / 180;
  const downDipDir: Vec3 = [Math.cos(dr) * Math.sin(dd), Math.cos(dr) * Math.cos(dd), -Math.sin(dr)];
  const slip: Vec3 =
    'vector' in f.slip
      ? [...f.slip.vector]
      : add(scale(strikeDir, f.slip.strikeSlip), scale(downDipDir, f.slip.dipSlip));
  return { id: f.id, normal: mean, strike, dip, strikeDir, downDipDir, slip, tris, plane };
}

/** Closest point on triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5). */
function closestOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
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

/**
 * Signed distance-like side value of p: > 0 on the moving side, < 0 on the fixed side, measured
 * along the normal of the nearest triangle. Beyond the surface's edge the nearest triangle's plane
 * decides, so a fault extends naturally past its mapped limit.
 */
export function sideValue(fault: FaultBlockModel, p: Vec3): number {
  if (fault.plane) {
    // Inlined (no temporaries): this runs for every vertex and segment end of a large model.
    const q = fault.plane.point, n = fault.plane.normal;
    return (p[0] - q[0]) * n[0] + (p[1] - q[1]) * n[1] + (p[2] - q[2]) * n[2];
  }
  const t = fault.tris;
  let best = Infinity;
  let side = 0;
  for (let i = 0; i < t.length; i += 12) {
    const a: Vec3 = [t[i], t[i + 1], t[i + 2]];
    const b: Vec3 = [t[i + 3], t[i + 4], t[i + 5]];
    const c: Vec3 = [t[i + 6], t[i + 7], t[i + 8]];
    const q = closestOnTriangle(p, a, b, c);
    const d = sub(p, q);
    const dist2 = dot(d, d);
    if (dist2 < best - 1e-9) {
      best = dist2;
      side = dot(sub(p, a), [t[i + 9], t[i + 10], t[i + 11]]);
    }
  }
  return side;
}

/** True when p lies on the fault's moving side (points on the fault stay on the fixed side). */
export function onMovingSide(fault: FaultBlockModel, p: Vec3): boolean {
  return sideValue(fault, p) > ON_FAULT_TOLERANCE;
}

/** Side value shifted so that > 0 means moving side and ≤ 0 fixed side, on-fault points included. */
export function movingSideValue(fault: FaultBlockModel, p: Vec3): number {
  return sideValue(fault, p) - ON_FAULT_TOLERANCE;
}

/**
 * movingSideValue of the point at xyz[i * 3 .. i * 3 + 2], without building a point for a planar
 * fault (it runs for every vertex of millions-of-triangle surfaces).
 */
export function movingSideValueAt(fault: FaultBlockModel, xyz: ArrayLike<number>, i: number): number {
  const o = i * 3;
  if (fault.plane) {
    const q = fault.plane.point, n = fault.plane.normal;
    return (xyz[o] - q[0]) * n[0] + (xyz[o + 1] - q[1]) * n[1] + (xyz[o + 2] - q[2]) * n[2] - ON_FAULT_TOLERANCE;
  }
  return movingSideValue(fault, [xyz[o], xyz[o + 1], xyz[o + 2]]);
}

/** Bit mask over faults (bit i = fault i's moving side). At most 24 faults (float32-exact). */
export function blockMask(faults: FaultBlockModel[], p: Vec3): number {
  let m = 0;
  for (let i = 0; i < faults.length; i++) if (onMovingSide(faults[i], p)) m |= 1 << i;
  return m;
}

export const MAX_FAULTS = 24;

/** Unit direction of a fault's slip (along strike when the slip is zero). */
export function slipDirection(fault: FaultBlockModel): Vec3 {
  return length(fault.slip) > 1e-9 ? normalize(fault.slip) : fault.strikeDir;
}

/** Displacement vector of a fault at `offset` metres along its slip direction. */
export function faultShift(fault: FaultBlockModel, offset: number): Vec3 {
  return scale(slipDirection(fault), offset);
}

/** Displacement in metres of a point with `mask`, given each fault's current offset (metres). */
export function displacement(faults: FaultBlockModel[], offsets: number[], mask: number): Vec3 {
  let d: Vec3 = [0, 0, 0];
  for (let i = 0; i < faults.length; i++) if (mask & (1 << i)) d = add(d, faultShift(faults[i], offsets[i]));
  return d;
}
