/** BufferGeometry for a prepared surface (positions, normals, fault block masks). */
import { BufferAttribute, BufferGeometry } from 'three';
import type { SurfaceBuffer } from '../../domain/surfaceBuffer';

export function buildSurfaceGeometry(s: SurfaceBuffer): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(s.positions, 3));
  g.setAttribute('normal', new BufferAttribute(s.normals, 3));
  g.setAttribute('aMask', new BufferAttribute(s.masks, 1));
  g.setIndex(new BufferAttribute(s.indices, 1));
  g.computeBoundingSphere();
  return g;
}
