/**
 * What the WebGL implementation is, decided once before the 3D canvas is created (antialiasing
 * cannot be changed on a live context).
 *
 * Software WebGL (SwiftShader, llvmpipe: machines without a usable GPU, remote desktops, CI)
 * rasterises every multisample on the CPU: 4x MSAA doubled the frame time of a 1,000-hole
 * deposit in our measurements. There the live view draws without MSAA at device pixel ratio 1;
 * exported images are unaffected (they render into their own multisampled target).
 *
 * The probe needs a WebGL context of its own, and creating one on SwiftShader blocks for about
 * 200 ms: it runs in a tiny worker on an OffscreenCanvas, so the page stays responsive, and only
 * falls back to the page when workers or OffscreenCanvas are missing.
 */
export interface GlCapabilities {
  /** the renderer string the browser reports (unmasked when allowed) */
  renderer: string;
  software: boolean;
}

export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

type MakeContext = (kind: 'webgl2' | 'webgl') => WebGLRenderingContext | WebGL2RenderingContext | null;

/**
 * Renderer name of a fresh context. Self-contained (no outer names), because its source text is
 * also what the probe worker runs.
 */
function probeRenderer(make: MakeContext): string {
  try {
    const gl = make('webgl2') || make('webgl');
    if (!gl) return '';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || '');
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return name;
  } catch {
    return '';
  }
}

let cached: Promise<GlCapabilities> | null = null;
let known: GlCapabilities | null = null;

const capabilities = (renderer: string): GlCapabilities => ({ renderer, software: SOFTWARE_RENDERER.test(renderer) });

function probeOnPage(): string {
  const canvas = document.createElement('canvas');
  return probeRenderer((kind) => canvas.getContext(kind) as WebGLRenderingContext | null);
}

function probeInWorker(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return reject(new Error('no OffscreenCanvas'));
    const src = `postMessage((${probeRenderer.toString()})(function (k) { return new OffscreenCanvas(1, 1).getContext(k); }));`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch (e) {
      URL.revokeObjectURL(url);
      return reject(e);
    }
    const done = (fn: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      URL.revokeObjectURL(url);
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error('probe timed out'))), 3000);
    worker.onmessage = (e: MessageEvent<string>) => done(() => resolve(String(e.data ?? '')));
    worker.onerror = () => done(() => reject(new Error('probe failed')));
  });
}

/** Resolves once the renderer is known (worker probe, else on the page). */
export function glCapabilities(): Promise<GlCapabilities> {
  cached ??= probeInWorker()
    .catch(() => probeOnPage())
    .then((name) => (known = capabilities(name)));
  return cached;
}

/** The capabilities if already known, else null. */
export function knownGlCapabilities(): GlCapabilities | null {
  return known;
}
