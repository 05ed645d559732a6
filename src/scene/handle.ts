/**
 * The live renderer, camera and frame counter, registered by the scene so the scripting API and
 * panels can read stats and request frames without importing React.
 */
import type { Camera, Scene, WebGLRenderer } from 'three';

export interface SceneHandle {
  gl: WebGLRenderer;
  scene: Scene;
  camera: Camera;
  invalidate: () => void;
  /** size of the drawing area in CSS pixels */
  size: { width: number; height: number };
}

export const sceneState = {
  handle: null as SceneHandle | null,
  /** the orbit controls' target (local coordinates), when the controls exist */
  target: null as { x: number; y: number; z: number } | null,
  /** frames rendered since the page loaded */
  frames: 0,
  /** a camera fit is waiting for the next animation frame (ready() waits for it: the picture before it is framed otherwise) */
  fitPending: false,
  /** draw calls and triangles of the last frame */
  lastCalls: 0,
  lastTriangles: 0,
};
