/**
 * Repaints the 2D overlay canvas after every 3D frame (frames are on demand, so an idle view
 * costs nothing): collar labels, axis labels, fault names, north arrow and scale bar.
 */
import { useEffect, useMemo, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type OrthographicCamera, type PerspectiveCamera } from 'three';
import { store, useVeinscape } from '../../state/store';
import { blockMask, faultShift } from '../../domain/faults';
import { faultShifts } from '../../state/faultShifts';
import { holeAttrsVisible } from '../../domain/holeFilter';
import { filterStateFrom } from '../../state/filterState';
import type { AxisBox } from '../../domain/axes';
import { overlayAnchors } from '../../export/labels';
import { paintNote, paintArrow, paintLabels, paintNorthArrow, paintScaleBar, tickText, type Label, type OverlayTheme } from './paint';

const v = new Vector3();

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

  useFrame(() => {
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
    const project = (x: number, y: number, z: number): [number, number, number] | null => {
      v.set(x, y, z * ve).project(camera);
      if (v.z > 1 || v.z < -1) return null;
      return [((v.x + 1) / 2) * size.width, ((1 - v.y) / 2) * size.height, v.z];
    };
    const labels: Label[] = [];
    if (axes && s.layerVisible.axes) {
      for (const t of axes.ticks) {
        const p = project(...t.at);
        if (p) labels.push({ x: p[0] + 2, y: p[1] + 8, depth: -2, text: tickText(t), color: theme.muted });
      }
    }
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
    if (s.layerVisible.faults) {
      for (const f of anchors.faults) {
        const p = project(f.at[0], f.at[1], f.at[2] + 15);
        if (p) labels.push({ x: p[0] - 20, y: p[1], depth: -1, text: f.name, color: theme.accent, bold: true });
      }
    }
    if (s.layerVisible.labels && s.layerVisible.traces) {
      const fs = { ...filterStateFrom(s), elevMin: -1e9, elevMax: 1e9 };
      const follow = s.holesFollowFaults ? 1 : 0;
      const shifts = faultShifts(s).map((d) => [d[0] * follow, d[1] * follow, d[2] * follow]);
      const c = prepared.collars;
      const programIndex = new Map(prepared.programs.map((p, i) => [p, i]));
      model.holes.forEach((h, i) => {
        const code = (h.status === 'planned' ? 1 : 0) + (h.type === 'underground' ? 2 : 0);
        if (!holeAttrsVisible(code, programIndex.get(h.program)!, fs, h.year ?? 0, i)) return;
        let x = c[i * 3], y = c[i * 3 + 1], z = c[i * 3 + 2];
        const m = anchors.collarMask[i];
        shifts.forEach((d, k) => { if ((m as number) & (1 << k)) { x += d[0]; y += d[1]; z += d[2]; } });
        const p = project(x, y, z);
        if (p) labels.push({ x: p[0], y: p[1], depth: p[2], text: h.id, bold: s.selection?.hole === i });
      });
    }
    if (s.interceptLabels && s.layerVisible.intervals && s.intercepts.length) {
      const follow = s.holesFollowFaults ? 1 : 0;
      const shifts = faultShifts(s);
      const o = prepared.origin;
      for (const r of s.intercepts.slice(0, 400)) {
        const m = blockMask(prepared.faultModels, r.midpoint);
        let x = r.midpoint[0] - o[0], y = r.midpoint[1] - o[1], z = r.midpoint[2] - o[2];
        shifts.forEach((d, k) => { if (m & (1 << k)) { x += d[0] * follow; y += d[1] * follow; z += d[2] * follow; } });
        const p = project(x, y, z);
        // Intercepts sort ahead of collar ids (depth bias) so the numbers win the declutter.
        if (p) labels.push({ x: p[0] + 4, y: p[1], depth: p[2] - 0.5, text: `${r.holeId}: ${r.label}`, color: theme.accent });
      }
    }
    paintLabels(ctx, labels, theme);
    if (s.layerVisible.faults) {
      prepared.faultModels.forEach((fm, i) => {
        const m = anchors.traceMid[i];
        if (!m) return;
        const off = s.faultOffsets[fm.id] ?? 0;
        const dir = faultShift(fm, 1);
        const hx = dir[0], hy = dir[1];
        const hl = Math.hypot(hx, hy);
        if (hl < 1e-6) return;
        // Arrow on the moving side, 40 m out from the trace, along the horizontal slip direction.
        const nl = Math.hypot(fm.normal[0], fm.normal[1]) || 1;
        const bx = m[0] + (fm.normal[0] / nl) * 40, by = m[1] + (fm.normal[1] / nl) * 40;
        const a = project(bx, by, m[2]);
        const b = project(bx + (hx / hl) * 80, by + (hy / hl) * 80, m[2]);
        if (!a || !b) return;
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (len < 12) return;
        const k = Math.min(1, 44 / len);
        paintArrow(ctx, a[0], a[1], a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, theme.accent, `${off.toFixed(0)} m`, theme);
      });
    }
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
  });
  return null;
}
