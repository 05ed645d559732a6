/**
 * What the WebGL implementation is, decided once before the 3D canvas is created (antialiasing
 * cannot be changed on a live context).
 *
 * Software WebGL (SwiftShader, llvmpipe: machines without a usable GPU, remote desktops, CI)
 * rasterises every multisample on the CPU: 4x MSAA doubled the frame time of a 1,000-hole
 * deposit in our measurements. There the live view draws without MSAA at device pixel ratio 1;
 * exported images are unaffected (they render into their own multisampled target).
 */
export interface GlCapabilities {
  /** the renderer string the browser reports (unmasked when allowed) */
  renderer: string;
  software: boolean;
}

let cached: GlCapabilities | null = null;

export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function glCapabilities(): GlCapabilities {
  if (cached) return cached;
  let renderer = '';
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the canvas will report it; treat as hardware so nothing else changes.
  }
  cached = { renderer, software: SOFTWARE_RENDERER.test(renderer) };
  return cached;
}
