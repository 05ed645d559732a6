/**
 * A fault's trace on a horizontal plane (the ground surface at elevation z, metres): the segments
 * where its triangles cross that plane, as a geologist draws it on a plan map.
 */
import type { Vec3 } from './vec3';

export function faultTraceAt(vertices: ArrayLike<number>, triangles: ArrayLike<number>, z: number): [Vec3, Vec3][] {
  const out: [Vec3, Vec3][] = [];
  const p = (i: number): Vec3 => [vertices[i * 3], vertices[i * 3 + 1], vertices[i * 3 + 2]];
  for (let t = 0; t < triangles.length; t += 3) {
    const c = [p(triangles[t]), p(triangles[t + 1]), p(triangles[t + 2])];
    const hits: Vec3[] = [];
    for (let e = 0; e < 3; e++) {
      const a = c[e];
      const b = c[(e + 1) % 3];
      const da = a[2] - z;
      const db = b[2] - z;
      if ((da < 0 && db >= 0) || (da >= 0 && db < 0)) {
        const s = da / (da - db);
        hits.push([a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, z]);
      }
    }
    if (hits.length === 2) out.push([hits[0], hits[1]]);
  }
  return out;
}
