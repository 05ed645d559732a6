/**
 * How each kind of layer is drawn, in one place for the live scene (SurfaceLayer, HoleLayers), the
 * 3D exports (collectScene) and the import panel's defaults. Plain values: no three, no React.
 */
export { KIND_LAYER } from './slices/layers';

/** Veins are slightly see-through so the intercepts inside them stay visible; host, envelopes and topography translucent. */
export const KIND_OPACITY: Record<string, number> = { vein: 0.82, shear: 0.82, other: 0.82, alteration: 0.2, host: 0.12, topography: 0.35 };
export const FAULT_COLOR = '#b5473a';
export const FAULT_OPACITY = 0.13;
export const TRACE_COLOR = '#59626d';
export const WORKING_COLOR = '#7a6a58';
export const POINT_COLOR = '#6f8fb0';
/** Resource outlines: measured, indicated, inferred. */
export const RESOURCE_COLORS = ['#1b7837', '#5aae61', '#a6dba0'];
