/**
 * Ray against triangle surfaces as drawn (vertices displaced by their fault block), for picking
 * points on veins. Möller–Trumbore; local coordinates in metres.
 */
import type { SurfaceBuffer } from './surfaceBuffer';
import type { Vec3 } from './vec3';

export interface SurfaceHit {
  surface: number;
  /** local coordinates of the hit, as drawn */
  point: Vec3;
  distance: number;
}

export function raycastSurfaces(origin: Vec3, dir: Vec3, surfaces: SurfaceBuffer[], enabled: (i: number) => boolean, shiftOf: (mask: number) => Vec3): SurfaceHit | null {
  let best: SurfaceHit | null = null;
  // One shift per fault block for the whole ray (shiftOf works the slips out from the store): a
  // call per vertex was 6 M calls, about 1.7 s, for each cursor move over 2 M vein triangles.
  const shifts = new Map<number, Vec3>();
  const shift = (mask: number): Vec3 => {
    let d = shifts.get(mask);
    if (!d) shifts.set(mask, (d = shiftOf(mask)));
    return d;
  };
  const v = (s: SurfaceBuffer, i: number): Vec3 => {
    const d = shift(s.masks[i]);
    return [s.positions[i * 3] + d[0], s.positions[i * 3 + 1] + d[1], s.positions[i * 3 + 2] + d[2]];
  };
  surfaces.forEach((s, si) => {
    if (!enabled(si)) return;
    for (let t = 0; t < s.indices.length; t += 3) {
      const a = v(s, s.indices[t]), b = v(s, s.indices[t + 1]), c = v(s, s.indices[t + 2]);
      const e1: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const e2: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const p: Vec3 = [dir[1] * e2[2] - dir[2] * e2[1], dir[2] * e2[0] - dir[0] * e2[2], dir[0] * e2[1] - dir[1] * e2[0]];
      const det = e1[0] * p[0] + e1[1] * p[1] + e1[2] * p[2];
      if (Math.abs(det) < 1e-12) continue;
      const inv = 1 / det;
      const tv: Vec3 = [origin[0] - a[0], origin[1] - a[1], origin[2] - a[2]];
      const u = (tv[0] * p[0] + tv[1] * p[1] + tv[2] * p[2]) * inv;
      if (u < 0 || u > 1) continue;
      const q: Vec3 = [tv[1] * e1[2] - tv[2] * e1[1], tv[2] * e1[0] - tv[0] * e1[2], tv[0] * e1[1] - tv[1] * e1[0]];
      const w = (dir[0] * q[0] + dir[1] * q[1] + dir[2] * q[2]) * inv;
      if (w < 0 || u + w > 1) continue;
      const dist = (e2[0] * q[0] + e2[1] * q[1] + e2[2] * q[2]) * inv;
      if (dist <= 0 || (best && dist >= best.distance)) continue;
      best = { surface: si, point: [origin[0] + dir[0] * dist, origin[1] + dir[1] * dist, origin[2] + dir[2] * dist], distance: dist };
    }
  });
  return best;
}
