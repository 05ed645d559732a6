/**
 * Whether a frame lights the interval ribbons once per pixel (deferred, deferredRibbons.ts) or
 * each fragment as it is drawn (forward). Pure: no three, no React, so it is tested by hand.
 *
 * Deferred pays only where every fragment is shaded, hidden or not (software WebGL: SwiftShader
 * has no early depth test) and the ribbons shade many fragments a pixel. Measured on this project's
 * machine (docs/performance.md, Session 19): at 10,000 holes × 100 intervals a steady frame took
 * about 30 % less; at 1,000 × 100 the two full-screen lighting draws cost what the first pass saved.
 */

/** What the renderer offers, read once from its context. */
export interface DeferredSupport {
  /** a WebGL 2 context (several colour targets, integer texel fetches, depth textures) */
  webgl2: boolean;
  /** half-float colour targets can be drawn into (EXT_color_buffer_float or _half_float) */
  halfFloatTargets: boolean;
  /** colour targets one draw can write (MAX_DRAW_BUFFERS) */
  drawBuffers: number;
  /** the canvas is multisampled (hardware GPUs): one sample a pixel would lose its antialiasing */
  antialiased: boolean;
}

/** Segments a layer needs before deferred lighting pays (between the measured 100,000 and 1,000,000). */
export const DEFERRED_MIN_SEGMENTS = 500_000;

/** The colour targets of the first pass: diffuse colour, and the normal with its roughness. */
export const DEFERRED_TARGETS = 2;

export interface DeferredFrame {
  support: DeferredSupport;
  /** the layer's segments (its full-detail count, whatever the levels of detail draw) */
  segments: number;
  /** segments a layer needs (DEFERRED_MIN_SEGMENTS unless the URL says `deferredMin=N`: e2e tests) */
  minSegments?: number;
  /** the render is the screen's (an export or a warm-up renders into its own target: forward) */
  toScreen: boolean;
  /**
   * the dataset's first picture has been drawn: the first frame, drawn in passes onto the kept
   * canvas (framePasses.ts), stays forward
   */
  firstPictureDrawn: boolean;
}

export function renderersDeferredSupport(support: DeferredSupport): boolean {
  return support.webgl2 && support.halfFloatTargets && support.drawBuffers >= DEFERRED_TARGETS && !support.antialiased;
}

export function deferredLightingFor(f: DeferredFrame): boolean {
  return f.toScreen && f.firstPictureDrawn && f.segments >= (f.minSegments ?? DEFERRED_MIN_SEGMENTS) && renderersDeferredSupport(f.support);
}
