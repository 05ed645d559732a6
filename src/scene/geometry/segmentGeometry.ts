/** Instanced tube geometry for a SegmentBuffer: one unit tube, one instance per segment. */
import { CylinderGeometry, InstancedBufferAttribute, InstancedBufferGeometry } from 'three';
import type { SegmentBuffer } from '../../domain/segments';

/** 6 sides is enough for tubes a few pixels wide, and keeps a million intervals affordable. */
const RADIAL_SEGMENTS = 6;

export function buildSegmentGeometry(b: SegmentBuffer): InstancedBufferGeometry {
  // Unit tube along +Y from y = 0 to y = 1, radius 1; the shader places and scales each instance.
  const tube = new CylinderGeometry(1, 1, 1, RADIAL_SEGMENTS, 1, true).translate(0, 0.5, 0);
  const g = new InstancedBufferGeometry();
  g.index = tube.index;
  g.setAttribute('position', tube.getAttribute('position'));
  g.setAttribute('normal', tube.getAttribute('normal'));
  g.setAttribute('aStart', new InstancedBufferAttribute(b.start, 3));
  g.setAttribute('aEnd', new InstancedBufferAttribute(b.end, 3));
  g.setAttribute('aValue', new InstancedBufferAttribute(b.value, 1));
  // What colours the segment (a column chosen by the user); starts as the grade itself.
  g.setAttribute('aColorValue', new InstancedBufferAttribute(b.value.slice(), 1));
  g.setAttribute('aHole', new InstancedBufferAttribute(b.hole, 4));
  g.setAttribute('aMask', new InstancedBufferAttribute(b.mask, 1));
  g.setAttribute('aDepth', new InstancedBufferAttribute(b.depth, 2));
  g.instanceCount = b.count;
  tube.dispose();
  return g;
}
