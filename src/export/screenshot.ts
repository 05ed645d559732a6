/**
 * Screenshot export: renders the current view with the current camera at any size up to 7680 x
 * 4320 into off-screen render targets (tile by tile when the image is larger than the graphics
 * card allows), then draws the slide furniture (title, legend, north arrow, scale bar, date,
 * desurvey method, disclaimer, qualified person and the inferred-resource cautionary statement)
 * as vector graphics at the full resolution, in the interface language, and encodes a PNG that
 * carries the same words as text (pngText.ts: Title, Description, Disclaimer, Software, Creation
 * Time), so an image's title block and cautionary statement can be read without its pixels.
 *
 * The picture keeps the window's proportions: fonts, tube thickness and labels scale with the
 * image height, so a 4K export is the same picture as the window, only sharper. The live view is
 * restored afterwards (camera, uniforms, background, render target).
 */
import { downloadBlob } from './download';
import {
  Color,
  MathUtils,
  SRGBColorSpace,
  UnsignedByteType,
  Vector3,
  WebGLRenderTarget,
  Matrix4,
  type Camera,
  type OrthographicCamera,
  type PerspectiveCamera,
} from 'three';
import { getRootState } from '@react-three/fiber';
import { store, type VeinscapeState } from '../state/store';
import { sceneState } from '../scene/handle';
import { shared } from '../scene/materials/sharedUniforms';
import { axisBox } from '../domain/axes';
import { dataBox, localBox } from '../domain/bounds';
import { planTiles, sizeProblem, type Tile } from './tiles';
import { captionsFor } from '../overlay/captions';
import { FINGERPRINT_KEYWORD, pngWithWords, VIEW_KEYWORD } from './pngText';
import { currentFingerprint, pictureView } from '../api/fingerprints';
import { i18next } from '../i18n';
import { exportFileName } from './download';
import { legendFor } from '../overlay/legend';
import { collectLabels, northAngle, overlayAnchors, projector, type OverlayAnchors } from '../overlay/labels';
import { drawOverlay, SLIDE_THEMES } from './compose';
import { nextTask } from '../domain/sliced';
import { modelClipBox } from '../state/modelBox';
import { drawInternalMark, internalChoice, withInternalChunk } from './internal';

export interface ScreenshotOptions {
  /** image width in pixels (default: the 3D view's size times `scale`) */
  width?: number;
  /** image height in pixels; with only one of width / height the other keeps the view's aspect */
  height?: number;
  /** transparent background instead of the theme's background colour (default false) */
  transparent?: boolean;
  /** draw title, legend, north arrow, scale bar, labels and disclosure footer (default true) */
  overlays?: boolean;
  /** size multiplier of the view's CSS size when width and height are omitted (default devicePixelRatio) */
  scale?: number;
  /** largest tile side in pixels (default: the graphics card's limit, at most 4096); smaller forces tiling */
  maxTile?: number;
  /** called after each tile is drawn */
  onProgress?: (done: number, total: number) => void;
  /** date printed on the image (default today) */
  date?: Date;
  /** language of the words drawn and stored in the image (default the interface's) */
  language?: string;
  /**
   * the recorded choice to include results not yet released (internal use): without it such a
   * picture is refused (export/internal.ts); with it the image is marked internal
   */
  internal?: boolean;
}

export interface ScreenshotResult {
  blob: Blob;
  width: number;
  height: number;
  /** number of render tiles used */
  tiles: number;
}

/** Pixel size an export with these options will have, for the given view (CSS pixels) and pixel ratio. */
export function resolveSize(opts: Pick<ScreenshotOptions, 'width' | 'height' | 'scale'>, view: { width: number; height: number }, dpr: number): { width: number; height: number } {
  const aspect = view.width / Math.max(view.height, 1);
  let { width, height } = opts;
  if (width === undefined && height === undefined) {
    const s = opts.scale ?? dpr;
    width = Math.round(view.width * s);
    height = Math.round(view.height * s);
  } else if (width === undefined) width = Math.round(height! * aspect);
  else if (height === undefined) height = Math.round(width / aspect);
  return { width: width!, height: height! };
}

/** Largest render-target side this renderer supports, capped at 4096 to bound memory. */
export function maxTileSize(gl: { capabilities: { maxTextureSize: number }; getContext(): WebGLRenderingContext | WebGL2RenderingContext }): number {
  const ctx = gl.getContext();
  const rb = Number(ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE)) || 4096;
  const vp = ctx.getParameter(ctx.MAX_VIEWPORT_DIMS) as Int32Array | null;
  const vpMax = vp ? Math.min(vp[0], vp[1]) : 4096;
  return Math.max(256, Math.min(gl.capabilities.maxTextureSize, rb, vpMax, 4096));
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG (image too large for memory?)'))), 'image/png'));
}

/** Orbit target of the live controls, else the centre of the data. */
function viewTarget(s: VeinscapeState, scene: object): Vector3 {
  const controls = getRootState(scene as never)?.controls as unknown as { target?: Vector3 } | null;
  if (controls?.target) return controls.target.clone();
  const b = s.prepared ? localBox(s.prepared) : { min: [0, 0, 0], max: [0, 0, 0] };
  return new Vector3((b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2);
}

/**
 * Camera changes for the export, undone by `restore`: the same view centre, the requested aspect;
 * perspective keeps its vertical field of view, orthographic keeps its zoom (pixels per metre in
 * layout pixels) over a frustum of the layout size, so the picture is the window's, larger.
 */
function cameraRig(camera: Camera, W: number, H: number, layoutW: number, layoutH: number, view: { width: number; height: number }) {
  const persp = (camera as PerspectiveCamera).isPerspectiveCamera === true;
  const pc = camera as PerspectiveCamera;
  const oc = camera as OrthographicCamera;
  const savedView = pc.view ? { ...pc.view } : null;
  const saved = persp ? { aspect: pc.aspect } : { left: oc.left, right: oc.right, top: oc.top, bottom: oc.bottom };
  const apply = (tile: Tile | null) => {
    if (persp) pc.aspect = W / H;
    else {
      const cx = (saved.left! + saved.right!) / 2, cy = (saved.top! + saved.bottom!) / 2;
      const hw = ((saved.right! - saved.left!) / 2) * (layoutW / view.width);
      const hh = ((saved.top! - saved.bottom!) / 2) * (layoutH / view.height);
      oc.left = cx - hw;
      oc.right = cx + hw;
      oc.top = cy + hh;
      oc.bottom = cy - hh;
    }
    if (tile) (camera as PerspectiveCamera).setViewOffset(W, H, tile.x, tile.y, tile.w, tile.h);
    else (camera as PerspectiveCamera).clearViewOffset();
    (camera as PerspectiveCamera).updateProjectionMatrix();
  };
  const restore = () => {
    if (persp) pc.aspect = saved.aspect!;
    else Object.assign(oc, saved);
    if (savedView) pc.setViewOffset(savedView.fullWidth, savedView.fullHeight, savedView.offsetX, savedView.offsetY, savedView.width, savedView.height);
    else pc.clearViewOffset();
    pc.updateProjectionMatrix();
  };
  return { persp, apply, restore };
}

/** Render the current view to a PNG (see ScreenshotOptions); resolves with the image and how it was made. */
export async function renderScreenshotDetailed(opts: ScreenshotOptions = {}): Promise<ScreenshotResult> {
  const h = sceneState.handle;
  if (!h) throw new Error('the 3D view is not ready yet');
  const s = store.getState();
  if (!s.model || !s.prepared) throw new Error('no dataset is loaded');
  const { gl, scene, camera, size: view } = h;
  const dpr = gl.getPixelRatio();
  const { width: W, height: H } = resolveSize(opts, view, dpr);
  const problem = sizeProblem(W, H);
  if (problem) throw new RangeError(`${problem} (asked for ${W} × ${H})`);
  const overlays = opts.overlays !== false;
  const transparent = opts.transparent === true;
  const language = opts.language ?? (i18next.language || 'en');
  const date = opts.date ?? new Date();
  // The same words as the title block and footer, stored in the file even when they are not drawn.
  const captions = captionsFor(s, date, language);
  // Refused here, before any pixel is drawn, when undisclosed results would show with no choice made.
  const internal = internalChoice(s, opts.internal === true, date);
  // What made the picture, taken before the camera is touched: stored in the file, its code printed in the footer.
  const pictureViewNow = pictureView(captions.title.slice(0, 200));
  const fingerprint = await currentFingerprint(pictureViewNow);

  // Layout pixels: the window's CSS pixels, so the export has the screen's proportions. Very
  // narrow images get a wider layout so the title and legend still fit.
  const k = Math.min(H / Math.max(view.height, 1), W / 640);
  const layoutW = W / k, layoutH = H / k;

  const rig = cameraRig(camera, W, H, layoutW, layoutH, view);
  const maxTile = Math.max(16, Math.floor(Math.min(opts.maxTile ?? Infinity, maxTileSize(gl))));
  const tiles = planTiles(W, H, maxTile);

  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`the browser could not make a ${W} × ${H} canvas (out of memory?)`);

  // 4x MSAA (WebGL 2; three.js no longer runs on WebGL 1).
  const samples = Math.min(4, gl.capabilities.maxSamples || 0);
  const rt = new WebGLRenderTarget(1, 1, { samples, type: UnsignedByteType, depthBuffer: true });
  // Encode sRGB in the shaders exactly as for the screen (three.js only does that for the canvas
  // and XR targets), and store the bytes as-is so they read back like the canvas's pixels.
  rt.texture.colorSpace = SRGBColorSpace;
  rt.texture.internalFormat = 'RGBA8';
  (rt as unknown as { isXRRenderTarget: boolean }).isXRRenderTarget = true;

  const savedPixelScale = shared.uPixelScale.value;
  const savedOrtho = shared.uOrtho.value;
  const savedBackground = scene.background;
  const savedClear = gl.getClearColor(new Color());
  const savedAlpha = gl.getClearAlpha();
  const savedTarget = gl.getRenderTarget();

  let buf = new Uint8Array(0);
  try {
    for (let i = 0; i < tiles.length; i++) {
      const tile = tiles[i];
      if (buf.length < tile.w * tile.h * 4) buf = new Uint8Array(tile.w * tile.h * 4);
      rt.setSize(tile.w, tile.h);
      try {
        rig.apply(tiles.length > 1 ? tile : null);
        // World size of a layout pixel: tubes keep their on-screen thickness relative to the picture.
        if (rig.persp) {
          shared.uOrtho.value = 0;
          shared.uPixelScale.value = (2 * Math.tan(MathUtils.degToRad((camera as PerspectiveCamera).fov) / 2)) / layoutH;
        } else {
          shared.uOrtho.value = 1;
          shared.uPixelScale.value = 1 / (camera as OrthographicCamera).zoom;
        }
        if (transparent) {
          scene.background = null;
          gl.setClearColor(0x000000, 0);
        }
        gl.setRenderTarget(rt);
        gl.clear(true, true, true);
        gl.render(scene, camera);
        gl.readRenderTargetPixels(rt, 0, 0, tile.w, tile.h, buf);
      } finally {
        // Restore the live view after every tile: a frame the app draws between tiles is normal.
        rig.restore();
        shared.uPixelScale.value = savedPixelScale;
        shared.uOrtho.value = savedOrtho;
        scene.background = savedBackground;
        gl.setClearColor(savedClear, savedAlpha);
        gl.setRenderTarget(savedTarget);
      }
      // WebGL rows run bottom-up; the canvas's top-down. Transparent edges come out premultiplied.
      const img = ctx.createImageData(tile.w, tile.h);
      const row = tile.w * 4;
      for (let y = 0; y < tile.h; y++) img.data.set(buf.subarray((tile.h - 1 - y) * row, (tile.h - y) * row), y * row);
      if (transparent) {
        const d = img.data;
        for (let p = 0; p < d.length; p += 4) {
          const a = d[p + 3];
          if (a > 0 && a < 255) {
            d[p] = Math.min(255, Math.round((d[p] * 255) / a));
            d[p + 1] = Math.min(255, Math.round((d[p + 1] * 255) / a));
            d[p + 2] = Math.min(255, Math.round((d[p + 2] * 255) / a));
          }
        }
      }
      ctx.putImageData(img, tile.x, tile.y);
      opts.onProgress?.(i + 1, tiles.length);
      if (i < tiles.length - 1) await nextTask();
    }
  } finally {
    rt.dispose();
    h.invalidate();
  }

  if (overlays) {
    if (document.fonts?.ready) await document.fonts.ready;
    const st = store.getState();
    const theme = SLIDE_THEMES[st.theme];
    // Label positions from the export camera (full frame, no tile offset), in layout pixels.
    rig.apply(null);
    camera.updateMatrixWorld();
    const vp = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(new Matrix4().makeScale(1, 1, st.verticalExaggeration));
    rig.restore();
    const project = projector(vp, layoutW, layoutH);
    const anchors: OverlayAnchors = overlayAnchors(st.model!, st.prepared!, modelClipBox(st));
    const axes = axisBox(dataBox(st.model!, st.prepared!), st.prepared!.origin);
    const { labels, arrows } = collectLabels(st, anchors, axes, project, theme, undefined, undefined, language);
    const target = viewTarget(st, scene);
    const north = northAngle(project, [target.x, target.y, target.z]);
    const pxPerMetre = rig.persp
      ? layoutH / (2 * camera.position.distanceTo(target) * Math.tan(MathUtils.degToRad((camera as PerspectiveCamera).fov) / 2))
      : (camera as OrthographicCamera).zoom;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    drawOverlay(ctx, {
      width: layoutW,
      height: layoutH,
      captions,
      legend: legendFor(st, language),
      labels,
      arrows,
      north,
      pxPerMetre,
      perspective: rig.persp,
      theme,
      language,
      code: fingerprint.code,
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }
  // Across the whole picture, overlays or not.
  if (internal) drawInternalMark(ctx, W, H, i18next.t('release:internalMark', { lng: language }));
  const pixels = await canvasToBlob(canvas);
  canvas.width = canvas.height = 0;
  const blob = await pngWithWords(pixels, { title: captions.title, description: captions.subtitle, footer: captions.footer }, date, [
    { keyword: FINGERPRINT_KEYWORD, text: JSON.stringify(fingerprint) },
    { keyword: VIEW_KEYWORD, text: JSON.stringify(pictureViewNow) },
  ]);
  return { blob: await withInternalChunk(blob, internal), width: W, height: H, tiles: tiles.length };
}

/** `veinscape.screenshot(options)`: the current view as a PNG Blob. */
export async function renderScreenshot(opts: ScreenshotOptions = {}): Promise<Blob> {
  return (await renderScreenshotDetailed(opts)).blob;
}

/** Render and save as a download named after the project and size. */
export async function downloadScreenshot(opts: ScreenshotOptions = {}): Promise<ScreenshotResult & { fileName: string }> {
  const r = await renderScreenshotDetailed(opts);
  const fileName = exportFileName(store.getState().model?.project.name, r.width, r.height);
  downloadBlob(r.blob, fileName);
  return { ...r, fileName };
}

export type ClipboardResult =
  | { ok: true; width: number; height: number; bytes: number }
  | { ok: false; reason: 'insecure-context' | 'unsupported' | 'permission' | 'render' | 'failed'; message: string };

/**
 * Render and put the PNG on the clipboard, ready to paste into a slide. The write starts at once
 * with a promise of the image (so the click's user activation still counts); failures come back
 * as a result with a reason a person can act on, never as an exception.
 */
export async function copyScreenshotToClipboard(opts: ScreenshotOptions = {}): Promise<ClipboardResult> {
  if (typeof window !== 'undefined' && window.isSecureContext === false) {
    return { ok: false, reason: 'insecure-context', message: 'Copying images needs a secure page (https or localhost). Use Download PNG instead.' };
  }
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    return { ok: false, reason: 'unsupported', message: 'This browser cannot put images on the clipboard. Use Download PNG instead.' };
  }
  const rendering = renderScreenshotDetailed(opts);
  // The clipboard write rejects too when rendering fails: keep the render error, not its echo.
  let renderError: unknown = null;
  const blob = rendering.then((r) => r.blob, (e) => { renderError = e; throw e; });
  blob.catch(() => {});
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    const r = await rendering;
    return { ok: true, width: r.width, height: r.height, bytes: r.blob.size };
  } catch (e) {
    if (renderError) return { ok: false, reason: 'render', message: `The image could not be rendered: ${(renderError as Error).message ?? renderError}` };
    const name = (e as DOMException)?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return { ok: false, reason: 'permission', message: 'The browser refused clipboard access (permission denied, or the page lost focus). Click Copy again, or use Download PNG.' };
    }
    return { ok: false, reason: 'failed', message: `Copy failed: ${(e as Error)?.message ?? String(e)}` };
  }
}
