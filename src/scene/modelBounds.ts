/** Where the visible model is on the live view (fit-to-view, `veinscape.layout()`). */
import { Matrix4 } from 'three';
import { store } from '../state/store';
import { sceneState } from './handle';
import type { Rect } from '../overlay/layoutRecord';
import { projectedBounds, visibleSample } from '../state/visibleSample';

/**
 * The last sample and the store state it was taken from: a fit to view projects it six times under
 * as many cameras (CameraRig.ts fitToFreeArea), and taking it is most of the cost (tens of ms at
 * 10,000 holes, in the task that shows a new dataset).
 */
let last: { state: ReturnType<typeof store.getState>; points: Float64Array } | null = null;

/** The projected bounds of what is visible under the live camera, unclipped (CSS px), or null. */
export function modelScreenBounds(): Rect | null {
  const h = sceneState.handle;
  const s = store.getState();
  if (!h || !s.prepared) return null;
  const cam = h.camera;
  cam.updateMatrixWorld();
  const m = new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;
  if (last?.state !== s) last = { state: s, points: visibleSample(s) };
  return projectedBounds(last.points, m, h.size, s.verticalExaggeration);
}

