/** BufferGeometry for a prepared surface (positions, normals, fault block masks). */
import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { SurfaceBuffer } from '../../domain/surfaceBuffer';

export function buildSurfaceGeometry(s: SurfaceBuffer): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(s.positions, 3));
  g.setAttribute('normal', new BufferAttribute(s.normals, 3));
  g.setAttribute('aMask', new BufferAttribute(s.masks, 1));
  g.setIndex(new BufferAttribute(s.indices, 1));
  // The worker has the box already: a sphere around it (centre, half-diagonal) instead of three's
  // pass over every vertex, 50-70 ms on the main thread for a million vertices.
  const b = s.bounds;
  if (b && b.length === 6 && Number.isFinite(b[0])) {
    const centre = new Vector3((b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2);
    g.boundingSphere = new Sphere(centre, Math.hypot(b[3] - b[0], b[4] - b[1], b[5] - b[2]) / 2);
  } else g.computeBoundingSphere();
  return g;
}
