/** View settings and camera requests (the scene performs them; the store only asks). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

/** 'fit': keep the viewing direction, frame what is visible in the area the overlays leave free. */
export type ViewPreset = 'plan' | 'long' | 'iso' | 'zone' | 'focus' | 'pose' | 'section' | 'fit' | 'frame';

/** 'frame': look at `target` from `direction` (unit, toward the camera), with every point in the free area (true world m). */
export interface FrameRequest {
  target: [number, number, number];
  points: [number, number, number][];
  direction: [number, number, number];
}

/** A camera pose in true world coordinates (m); zoom in pixels per metre for orthographic views. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
  projection: 'perspective' | 'orthographic';
  zoom?: number;
  /** CSS height of the view the zoom was set for: another height scales the zoom by the ratio */
  viewHeight?: number;
}

export interface ViewSlice {
  theme: 'light' | 'dark';
  /** plan and long views are orthographic (true scale); the isometric view is in perspective */
  projection: 'perspective' | 'orthographic';
  /** vertical exaggeration (1 = true scale); stated on screen when not 1 */
  verticalExaggeration: number;
  setVerticalExaggeration: (ve: number) => void;
  setProjection: (p: 'perspective' | 'orthographic') => void;
  /** a camera move the scene should perform; seq changes on every request */
  viewRequest: { preset: ViewPreset; zoneId?: string; target?: [number, number, number]; pose?: CameraPose; frame?: FrameRequest; animate?: boolean; seq: number } | null;
  setTheme: (t: 'light' | 'dark') => void;
  requestView: (preset: ViewPreset, zoneId?: string) => void;
  /** fly the camera to look at a true-world point [e, n, z] (m), keeping the viewing direction */
  flyTo: (target: [number, number, number]) => void;
  /** fly the camera to frame points from a direction (an intercept with its hole and vein: domain/interceptFrame.ts) */
  frameView: (frame: FrameRequest) => void;
  /** put the camera at a saved pose, with a smooth flight when animate */
  setPose: (pose: CameraPose, animate: boolean) => void;
}

export const createViewSlice: StateCreator<VeinscapeState, [], [], ViewSlice> = (set, get) => ({
  theme: 'light',
  projection: 'perspective',
  verticalExaggeration: 1,
  setVerticalExaggeration: (ve) => set({ verticalExaggeration: Math.min(10, Math.max(0.1, ve)) }),
  setProjection: (projection) => set({ projection }),
  viewRequest: null,
  setTheme: (theme) => set({ theme }),
  setPose: (pose, animate) =>
    set({ viewRequest: { preset: 'pose', pose, animate, seq: (get().viewRequest?.seq ?? 0) + 1 }, projection: pose.projection }),
  flyTo: (target) => set({ viewRequest: { preset: 'focus', target, seq: (get().viewRequest?.seq ?? 0) + 1 } }),
  frameView: (frame) => set({ viewRequest: { preset: 'frame', frame, seq: (get().viewRequest?.seq ?? 0) + 1 } }),
  requestView: (preset, zoneId) =>
    set({
      viewRequest: { preset, zoneId, seq: (get().viewRequest?.seq ?? 0) + 1 },
      projection: preset === 'plan' || preset === 'long' || preset === 'section' ? 'orthographic' : preset === 'iso' ? 'perspective' : get().projection,
    }),
});
