/** Where the visible model is on the live view (fit-to-view, `veinscape.layout()`). */
import { Matrix4 } from 'three';
import { store } from '../state/store';
import { sceneState } from './handle';
import type { Rect } from '../overlay/layoutRecord';
import { projectedBounds, visibleSample } from '../state/visibleSample';

/** The projected bounds of what is visible under the live camera, unclipped (CSS px), or null. */
export function modelScreenBounds(): Rect | null {
  const h = sceneState.handle;
  const s = store.getState();
  if (!h || !s.prepared) return null;
  const cam = h.camera;
  cam.updateMatrixWorld();
  const m = new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;
  return projectedBounds(visibleSample(s), m, h.size, s.verticalExaggeration);
}

