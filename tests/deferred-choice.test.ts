/**
 * When the interval ribbons are lit once per pixel (scene/deferredChoice.ts): only on the screen,
 * after the dataset's first picture, for a layer of at least 500,000 segments, on a renderer with
 * WebGL 2, half-float targets, two draw buffers and no multisampled canvas. Otherwise forward.
 */
import { describe, expect, it } from 'vitest';
import { DEFERRED_MIN_SEGMENTS, deferredLightingFor, renderersDeferredSupport, type DeferredSupport } from '../src/scene/deferredChoice';

/** SwiftShader in Chromium, as on the project's machine: WebGL 2, EXT_color_buffer_float, 8 draw buffers, no antialiasing. */
const swiftShader: DeferredSupport = { webgl2: true, halfFloatTargets: true, drawBuffers: 8, antialiased: false };
const frame = { support: swiftShader, segments: 1_000_000, toScreen: true, firstPictureDrawn: true };

describe('deferred lighting of the interval ribbons', () => {
  it('10,000 holes x 100 intervals on software WebGL, a steady frame of the screen: deferred', () => {
    expect(deferredLightingFor(frame)).toBe(true);
  });

  it('the threshold: 499,999 segments forward, 500,000 deferred (1,000 x 100 = 100,000: forward)', () => {
    expect(DEFERRED_MIN_SEGMENTS).toBe(500_000);
    expect(deferredLightingFor({ ...frame, segments: 499_999 })).toBe(false);
    expect(deferredLightingFor({ ...frame, segments: 500_000 })).toBe(true);
    expect(deferredLightingFor({ ...frame, segments: 1_000 * 100 })).toBe(false);
    // the URL's deferredMin=1 (e2e): 100,000 segments deferred
    expect(deferredLightingFor({ ...frame, segments: 1_000 * 100, minSegments: 1 })).toBe(true);
  });

  it('exports and warm-ups (their own targets) and the first picture (drawn in passes) stay forward', () => {
    expect(deferredLightingFor({ ...frame, toScreen: false })).toBe(false);
    expect(deferredLightingFor({ ...frame, firstPictureDrawn: false })).toBe(false);
  });

  it('a renderer without what the passes need keeps the forward path', () => {
    expect(renderersDeferredSupport(swiftShader)).toBe(true);
    // WebGL 1: no several colour targets in core, no texelFetch
    expect(renderersDeferredSupport({ ...swiftShader, webgl2: false })).toBe(false);
    // no float colour targets: a normal in 8 bits would change the light
    expect(renderersDeferredSupport({ ...swiftShader, halfFloatTargets: false })).toBe(false);
    // one draw buffer: the two targets cannot be written by one draw (WebGL 2 guarantees 4, the check stays)
    expect(renderersDeferredSupport({ ...swiftShader, drawBuffers: 1 })).toBe(false);
    expect(renderersDeferredSupport({ ...swiftShader, drawBuffers: 2 })).toBe(true);
    // hardware GPUs draw a multisampled canvas: one sample a pixel would lose the antialiasing
    expect(renderersDeferredSupport({ ...swiftShader, antialiased: true })).toBe(false);
    expect(deferredLightingFor({ ...frame, support: { ...swiftShader, antialiased: true } })).toBe(false);
  });
});
