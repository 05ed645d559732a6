/**
 * Paints the 2D overlay canvas (collar labels, axis labels, fault names, north arrow and scale
 * bar) with every 3D frame (frames are on demand, so an idle view costs nothing), and on its own
 * when only labels change (intercepts arriving, intercept labels toggled): those need no 3D frame,
 * which costs seconds in software WebGL on a large deposit. Collar ids are thinned to the nearest
 * per cell of a coarse screen grid before the declutter, so 10,000 holes do not mean 10,000 labels
 * sorted and measured per frame; their screen positions are kept while the view is the same, and a
 * frame whose picture is the one on the canvas (a filter change) paints nothing (picture.ts).
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Matrix4, Vector3, type OrthographicCamera, type PerspectiveCamera } from 'three';
import { projectToScreen } from '../domain/pick';
import { store, useVeinscape } from '../state/store';
import type { AxisBox } from '../domain/axes';
import { collectLabels, northAngle, overlayAnchors } from '../overlay/labels';
import { arrowBoxes, northArrowBox, noteBox, paintNote, paintArrow, paintLabels, paintNorthArrow, paintScaleBar, scaleBarBox, type OverlayTheme, type ScreenBox } from '../overlay/paint';
import { modelClipBox } from '../state/modelBox';
import { liveLayout, rectOf } from '../overlay/layoutRecord';
import { cardBoxes } from './domBoxes';
import { samePicture, type OverlayPicture } from '../overlay/picture';
import { pictureNumber, pictureText } from '../overlay/pictureText';
import { i18next } from '../i18n';
import { framePassProgress } from './framePasses';

const viewProj = new Matrix4();

interface Props {
  canvas: RefObject<HTMLCanvasElement | null>;
  axes: AxisBox | null;
  theme: OverlayTheme;
}

export function OverlayPainter({ canvas, axes, theme }: Props) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3 } | null;
  const prepared = useVeinscape((s) => s.prepared);
  const model = useVeinscape((s) => s.model);

  // Collar block masks, fault label anchors and trace midpoints: shared with the image export.
  const modelClip = useVeinscape((s) => s.modelClip);
  const anchors = useMemo(() => (prepared && model ? overlayAnchors(model, prepared, modelClipBox({ model, prepared, modelClip })) : null), [prepared, model, modelClip]);

  // Intercept labels need the intercepts (computed in slices when first needed).
  const interceptLabels = useVeinscape((s) => s.interceptLabels && s.layerVisible.intervals);
  const ensureIntercepts = useVeinscape((s) => s.ensureIntercepts);
  useEffect(() => {
    if (interceptLabels && prepared) ensureIntercepts();
  }, [interceptLabels, prepared, ensureIntercepts]);

  const paintRef = useRef<() => void>(() => undefined);
  // What the canvas shows now: a frame that would paint the same leaves it alone.
  const shown = useRef<OverlayPicture | null>(null);
  const cardWatch = useRef<ResizeObserver | null>(null);
  paintRef.current = () => {
    const el = canvas.current;
    if (!el) return;
    const dpr = window.devicePixelRatio || 1;
    const W = Math.round(size.width * dpr), H = Math.round(size.height * dpr);
    if (el.width !== W || el.height !== H) { el.width = W; el.height = H; shown.current = null; }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const s = store.getState();
    // The picture's words and numbers follow the interface language.
    const language = i18next.language || 'en';
    // No labels over a half-drawn picture: a large first frame drawn in passes (framePasses.ts)
    // gets its overlay with the pass that finishes it (FrameMonitor's frame callback, mounted
    // before this one, has set that pass up).
    if (!prepared || !model || !anchors || framePassProgress.partial()) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, size.width, size.height);
      shown.current = null;
      return;
    }
    camera.updateMatrixWorld();
    const ve = s.verticalExaggeration;
    // One view-projection matrix for the frame (the picking code's projection): this runs for
    // every collar (10,000 at a large deposit), and Vector3.project multiplies by two matrices.
    const m = viewProj.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).elements;
    const project = (x: number, y: number, z: number): [number, number, number] | null => {
      const q = projectToScreen(m, [x, y, z * ve], size);
      return q && q[2] >= -1 && q[2] <= 1 ? q : null;
    };
    // Axis ticks, fault names, collar ids (thinned for the view size; positions kept while the
    // view is the same), intercept labels, slip arrows: the same as an image export (overlay/labels.ts).
    const { labels, arrows } = collectLabels(s, anchors, axes, project, theme, size, { m, width: size.width, height: size.height, zScale: ve }, language);
    // North arrow: screen direction of grid north at the view centre.
    const t = controls?.target ?? new Vector3();
    const north = northAngle(project, [t.x, t.y, t.z]);
    const ortho = (camera as unknown as OrthographicCamera).isOrthographicCamera;
    const pxPerMetre = ortho
      ? (camera as unknown as OrthographicCamera).zoom
      : size.height / (2 * camera.position.distanceTo(t) * Math.tan((camera.fov * Math.PI) / 360));
    // Nearest first, as paintLabels draws them (a stable sort: the same labels give the same order).
    labels.sort((a, b) => a.depth - b.depth);
    const cards = cardBoxes(el, cardWatch.current);
    const picture: OverlayPicture = { canvas: el, width: W, height: H, dpr, theme, labels, arrows, north, pxPerMetre, ve, reserved: cards, language };
    if (samePicture(shown.current, picture)) return;
    shown.current = picture;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    // Where the furniture goes (CSS px): one place for what it covers and where it is painted.
    const northAt = { x: size.width - 44, y: 44 };
    // Bottom-right, above any card that reaches under it (a wide legend in a small window).
    const barBand: ScreenBox = [size.width - 260, 0, size.width, size.height];
    const floor = Math.min(size.height, ...cards.filter((c) => c[0] < barBand[2] && c[2] > barBand[0] && c[3] > size.height - 120).map((c) => c[1]));
    const barAt = { right: size.width - 24, bottom: floor - 20 };
    const noteAt = { right: size.width - 24, y: floor - 50 };
    // Labels keep clear of the slip arrows, the north arrow and the scale bar (an axis tick under
    // the scale bar made "612 400 E" and "200 m" one smudge).
    const veNote = Math.abs(ve - 1) > 1e-6 ? pictureText(language)('verticalExaggeration', { ve: pictureNumber(ve, language) }) : null;
    const furniture = [
      north !== null ? northArrowBox(northAt.x, northAt.y) : null,
      scaleBarBox(barAt.right, barAt.bottom, pxPerMetre),
      veNote ? noteBox(ctx, noteAt.right, noteAt.y, veNote) : null,
    ];
    const reserved = [...arrows.flatMap((r) => arrowBoxes(ctx, r)), ...furniture.filter((b): b is ScreenBox => b !== null), ...cards];
    const placed = paintLabels(ctx, labels, theme, 11, reserved, size);
    liveLayout.labels = placed.map((p) => ({ text: p.label.text, ...rectOf(p.box), ...(p.label.intercept !== undefined ? { intercept: p.label.intercept } : {}) }));
    liveLayout.northArrow = north !== null ? rectOf(furniture[0]!) : null;
    liveLayout.scaleBar = furniture[1] ? rectOf(furniture[1]) : null;
    for (const r of arrows) paintArrow(ctx, r.x0, r.y0, r.x1, r.y1, theme.accent, r.label, theme);
    if (north !== null) paintNorthArrow(ctx, northAt.x, northAt.y, north, 1, theme, language);
    paintScaleBar(ctx, barAt.right, barAt.bottom, pxPerMetre, theme, language);
    if (veNote) paintNote(ctx, noteAt.right, noteAt.y, veNote, theme);
  };
  useFrame(() => paintRef.current());
  useEffect(() => {
    // A card that appears, grows or shrinks (the legend collapsed, a caption, a selection) moves
    // the labels round it: repaint without a 3D frame.
    let queued = 0;
    const watch = new ResizeObserver(() => {
      if (!queued) queued = requestAnimationFrame(() => { queued = 0; paintRef.current(); });
    });
    cardWatch.current = watch;
    return () => { watch.disconnect(); cardWatch.current = null; cancelAnimationFrame(queued); };
  }, []);
  useEffect(() => {
    let queued = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.intercepts === prev.intercepts && s.interceptLabels === prev.interceptLabels) return;
      if (!queued) queued = requestAnimationFrame(() => { queued = 0; paintRef.current(); });
    });
    // A change of language rewrites every word and number of the overlay: repaint without a 3D frame.
    const relabel = () => { if (!queued) queued = requestAnimationFrame(() => { queued = 0; paintRef.current(); }); };
    i18next.on('languageChanged', relabel);
    return () => { unsubscribe(); i18next.off('languageChanged', relabel); cancelAnimationFrame(queued); };
  }, []);
  return null;
}
