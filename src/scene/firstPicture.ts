/**
 * `performance.mark('veinscape:first-picture')`: the moment the first frame that shows a dataset's
 * surfaces and holes (their collars) is on screen, i.e. once the GPU has finished that frame (on
 * software WebGL it rasterises for hundreds of ms after the draw calls return). Set once per page,
 * for the first dataset drawn; the benchmark reports it, an e2e spec checks it comes before
 * `ready()`. Its `detail` says what that frame drew, counted from the scene graph.
 */
import type { Object3D, WebGLRenderer } from 'three';
import { gpuFinished } from './gpuFence';

export const FIRST_PICTURE_MARK = 'veinscape:first-picture';

export interface FirstPictureDetail {
  /** surface meshes drawn (visible, with triangles) */
  surfaces: number;
  /** segment layers drawn under the holes group (intervals, traces, ...), by name */
  holeLayers: string[];
}

let marked = false;
/** what the first picture drew, until its mark is set */
let pending: FirstPictureDetail | null = null;

/** What a frame of this scene draws: visible meshes under the 'surfaces' and 'holes' groups. */
export function drawnLayers(scene: Object3D): FirstPictureDetail {
  const detail: FirstPictureDetail = { surfaces: 0, holeLayers: [] };
  const visibleAll = (o: Object3D | null): boolean => !o || (o.visible && visibleAll(o.parent));
  scene.getObjectByName('surfaces')?.traverse((o) => {
    if ((o as { isMesh?: boolean }).isMesh && visibleAll(o)) detail.surfaces++;
  });
  scene.getObjectByName('holes')?.traverse((o) => {
    if ((o as { isMesh?: boolean }).isMesh && visibleAll(o)) detail.holeLayers.push(o.name);
  });
  return detail;
}

/**
 * Called right after the frame that first drew a dataset was submitted: marks once the GPU has
 * finished it. A frame with no surface and no hole (an empty dataset) is not a first picture.
 */
export function markFirstPicture(gl: WebGLRenderer, scene: Object3D): void {
  if (marked || typeof performance === 'undefined') return;
  const detail = drawnLayers(scene);
  if (detail.surfaces === 0 && detail.holeLayers.length === 0) return;
  marked = true;
  pending = detail;
  void gpuFinished(gl.getContext()).then(flushFirstPicture);
}

/**
 * Sets the mark now if its frame is drawn but not yet marked: `ready()` calls it once the GPU has
 * finished everything, so the mark never comes after `ready()` resolves (the two fences are polled
 * apart, and the other one's poll may come a few ms later).
 */
export function flushFirstPicture(): void {
  if (!pending) return;
  const detail = pending;
  pending = null;
  performance.mark(FIRST_PICTURE_MARK, { detail });
}
