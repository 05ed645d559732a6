/**
 * Turns the store's section (a vertical slab) or clip box into renderer clipping planes: every
 * material is clipped on the GPU, nothing is rebuilt. Planes are in the scene's frame, so the box's
 * elevations are scaled by the vertical exaggeration.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Plane, Vector3 } from 'three';
import { store, type VeinscapeState } from '../state/store';
import { sectionPlanes } from '../state/sectionPlanes';
import { modelClipBox } from '../state/modelBox';
import { modelClipPlanes } from './materials/sharedUniforms';

/** Moves the shared model-box planes: the axes box grown by the margin, or far away when off. */
function applyModelClip(s: VeinscapeState): void {
  const box = modelClipBox(s);
  if (!box) {
    for (const pl of modelClipPlanes) pl.constant = 1e12;
    return;
  }
  const ve = s.verticalExaggeration;
  // A plane keeps what is on its positive side: normal · x + constant ≥ 0.
  const lo = [box.min[0], box.min[1], box.min[2] * ve];
  const hi = [box.max[0], box.max[1], box.max[2] * ve];
  for (let a = 0; a < 3; a++) {
    modelClipPlanes[2 * a].constant = -lo[a];
    modelClipPlanes[2 * a + 1].constant = hi[a];
  }
}


export function SectionSync() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const apply = (s: VeinscapeState) => {
      gl.clippingPlanes = sectionPlanes(s).map((h) => new Plane(new Vector3(...h.normal), h.constant));
      applyModelClip(s);
      invalidate();
    };
    apply(store.getState());
    return store.subscribe((s, prev) => {
      if (s.section !== prev.section || s.modelClip !== prev.modelClip || s.verticalExaggeration !== prev.verticalExaggeration || s.prepared !== prev.prepared) apply(s);
    });
  }, [gl, invalidate]);
  return null;
}
