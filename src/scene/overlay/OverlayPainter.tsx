/**
 * Repaints the 2D overlay canvas with every 3D frame (frames are on demand, so an idle view
 * costs nothing), and on its own when only labels change (intercepts arriving, intercept labels
 * toggled): those need no 3D frame, which costs seconds in software WebGL on a large deposit: collar labels, axis labels, fault names, north arrow and scale bar. Collar ids
 * are thinned to the nearest per cell of a coarse screen grid before the declutter, so 10,000
 * holes do not mean 10,000 labels sorted and measured per frame.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Matrix4, Vector3, type OrthographicCamera, type PerspectiveCamera } from 'three';
import { projectToScreen } from '../../domain/pick';
import { store, useVeinscape } from '../../state/store';
import type { AxisBox } from '../../domain/axes';
import { collectLabels, overlayAnchors } from '../../export/labels';
import { paintNote, paintArrow, paintLabels, paintNorthArrow, paintScaleBar, type OverlayTheme } from './paint';

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
  const anchors = useMemo(() => (prepared && model ? overlayAnchors(model, prepared) : null), [prepared, model]);

  // Intercept labels need the intercepts (computed in slices when first needed).
  const interceptLabels = useVeinscape((s) => s.interceptLabels && s.layerVisible.intervals);
  const ensureIntercepts = useVeinscape((s) => s.ensureIntercepts);
  useEffect(() => {
    if (interceptLabels && prepared) ensureIntercepts();
  }, [interceptLabels, prepared, ensureIntercepts]);

  const paintRef = useRef<() => void>(() => undefined);
  paintRef.current = () => {
    const el = canvas.current;
    if (!el) return;
    const dpr = window.devicePixelRatio || 1;
    const W = Math.round(size.width * dpr), H = Math.round(size.height * dpr);
    if (el.width !== W || el.height !== H) { el.width = W; el.height = H; }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    const s = store.getState();
    if (!prepared || !model || !anchors) return;
    camera.updateMatrixWorld();
    const ve = s.verticalExaggeration;
    // One view-projection matrix for the frame (the picking code's projection): this runs for
    // every collar (10,000 at a large deposit), and Vector3.project multiplies by two matrices.
    const m = viewProj.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).elements;
    const project = (x: number, y: number, z: number): [number, number, number] | null => {
      const q = projectToScreen(m, [x, y, z * ve], size);
      return q && q[2] >= -1 && q[2] <= 1 ? q : null;
    };
    // Axis ticks, fault names, collar ids (thinned for the view size), intercept labels, slip arrows:
    // the same as an image export (export/labels.ts).
    const { labels, arrows } = collectLabels(s, anchors, axes, project, theme, size);
    if (s.section.mode === 'slab' && axes) {
      // Section axes: distance along the section line at the base of the data, and elevations at its start.
      const o = prepared.origin;
      const a = (s.section.azimuth * Math.PI) / 180;
      const dir = [Math.sin(a), Math.cos(a)];
      const c = [s.section.centre[0] - o[0], s.section.centre[1] - o[1]];
      const half = Math.hypot(axes.max[0] - axes.min[0], axes.max[1] - axes.min[1]) / 2;
      const n = Math.floor(half / axes.step);
      for (let k = -n; k <= n; k++) {
        const p = project(c[0] + dir[0] * k * axes.step, c[1] + dir[1] * k * axes.step, axes.min[2]);
        if (p) labels.push({ x: p[0] - 10, y: p[1] + 10, depth: -3, text: `${k * axes.step} m`, color: theme.accent });
      }
      const start = [c[0] - dir[0] * n * axes.step, c[1] - dir[1] * n * axes.step];
      for (const t of axes.ticks) {
        if (t.axis !== 'Z') continue;
        const p = project(start[0], start[1], t.at[2]);
        if (p) labels.push({ x: p[0] - 52, y: p[1], depth: -3, text: `${Math.round(t.value)} m`, color: theme.accent });
      }
    }
    paintLabels(ctx, labels, theme);
    for (const r of arrows) paintArrow(ctx, r.x0, r.y0, r.x1, r.y1, theme.accent, r.label, theme);
    // North arrow: screen direction of grid north at the view centre.
    const t = controls?.target ?? new Vector3();
    const a = project(t.x, t.y, t.z);
    const b = project(t.x, t.y + 100, t.z);
    if (a && b) {
      const dx = b[0] - a[0], dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len > 1e-3) paintNorthArrow(ctx, size.width - 44, 44, Math.atan2(dx, -dy), 1, theme);
    }
    const ortho = (camera as unknown as OrthographicCamera).isOrthographicCamera;
    const pxPerMetre = ortho
      ? (camera as unknown as OrthographicCamera).zoom
      : size.height / (2 * camera.position.distanceTo(t) * Math.tan((camera.fov * Math.PI) / 360));
    paintScaleBar(ctx, size.width - 24, size.height - 20, pxPerMetre, theme);
    if (Math.abs(ve - 1) > 1e-6) paintNote(ctx, size.width - 24, size.height - 50, `Vertical exaggeration ${ve}×`, theme);
  };
  useFrame(() => paintRef.current());
  useEffect(() => {
    let queued = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.intercepts === prev.intercepts && s.interceptLabels === prev.interceptLabels) return;
      if (!queued) queued = requestAnimationFrame(() => { queued = 0; paintRef.current(); });
    });
    return () => { unsubscribe(); cancelAnimationFrame(queued); };
  }, []);
  return null;
}
