/**
 * `veinscape.camera()` and what a saved view records: the camera as it is now. Apart from the
 * views (src/api/views.ts, which reach i18next for a link's language) so the API's entry needs
 * neither i18next nor three.js at run time.
 */
import type { OrthographicCamera } from 'three';
import { store } from '../state/store';
import type { CameraPose } from '../state/slices/view';
import { sceneState } from '../scene/handle';

/** The camera as it is now, in true world coordinates (m; what a saved view records; `veinscape.camera()`). */
export function currentPose(): CameraPose {
  const h = sceneState.handle;
  const o = store.getState().prepared?.origin ?? [0, 0, 0];
  const cam = h?.camera;
  const t = sceneState.target ?? { x: 0, y: 0, z: 0 };
  const ortho = !!(cam as OrthographicCamera | undefined)?.isOrthographicCamera;
  return {
    position: cam ? [cam.position.x + o[0], cam.position.y + o[1], cam.position.z + o[2]] : [o[0], o[1] - 1000, 1000],
    target: [t.x + o[0], t.y + o[1], t.z + o[2]],
    projection: ortho ? 'orthographic' : 'perspective',
    ...(ortho ? { zoom: (cam as OrthographicCamera).zoom, viewHeight: h!.size.height } : {}),
  };
}
