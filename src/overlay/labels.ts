/**
 * The 2D annotations of the 3D view as data: collar ids, axis ticks, fault names, intercept
 * labels and fault slip arrows, at screen positions from a given camera projection. The same rules
 * as the live overlay (src/scene/OverlayPainter.tsx), but pure: an export calls it with its
 * own camera and image size, so labels are drawn as vector text at the image's resolution.
 */
import { Matrix4, Vector3 } from 'three';
import { blockMask, faultShift } from '../domain/faults';
import { faultShifts } from '../state/faultShifts';
import type { AxisBox } from '../domain/axes';
import type { Box } from '../domain/viewFit';
import type { Model } from '../data/model';
import type { Prepared } from '../domain/prepare';
import type { VeinscapeState } from '../state/store';
import { tickText, type Label, type OverlayTheme } from './paint';
import { collarLabels, type ProjectorView } from './collarLabels';
import { interceptFlagsOf } from '../state/interceptsInView';
import { interceptLabel } from '../i18n/interceptText';
import { pictureNumber, pictureText } from './pictureText';
import { localText } from '../i18n/localText';
import { kept, keptSpan, type HalfSpace } from '../domain/section';
import { sectionPlanes } from '../state/sectionPlanes';

import { sectionAxisLabels } from './sectionAxes';

export interface OverlayAnchors {
  /** fault block mask of each hole's collar */
  collarMask: Float32Array;
  /** fault name anchors: top centre of each fault surface, local m; `positions`: the surface's vertices (local m), for an anchor inside a section */
  faults: { name: string; at: readonly [number, number, number]; positions: Float32Array; indices: Uint32Array }[];
  /** midpoint of each fault's ground trace, local m, for slip arrows */
  traceMid: ([number, number, number] | null)[];
}

export interface SlipArrow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  label: string;
}

/** Screen position [x, y, ndcDepth] in pixels of the given size, or null when clipped. */
export type Projector = (x: number, y: number, z: number) => [number, number, number] | null;

/**
 * Where a fault's name goes: the middle of its top edge, or, when the fault is clipped to the model
 * box and rises above it, the middle of where it crosses the box's top inside the box.
 */
function faultNameAnchor(pos: Float32Array, idx: Uint32Array, box: Box | null): [number, number, number] {
  let top = -Infinity;
  for (let k = 2; k < pos.length; k += 3) top = Math.max(top, pos[k]);
  if (box && top > box.max[2]) {
    const z = box.max[2];
    const inside = (x: number, y: number) => x >= box.min[0] && x <= box.max[0] && y >= box.min[1] && y <= box.max[1];
    let sx = 0, sy = 0, n = 0;
    // Each triangle edge that crosses z: its crossing point, kept when inside the box.
    for (let t = 0; t + 2 < idx.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const a = idx[t + e] * 3, b = idx[t + ((e + 1) % 3)] * 3;
        const za = pos[a + 2], zb = pos[b + 2];
        if ((za - z) * (zb - z) > 0 || za === zb) continue;
        const f = (z - za) / (zb - za);
        const x = pos[a] + f * (pos[b] - pos[a]), y = pos[a + 1] + f * (pos[b + 1] - pos[a + 1]);
        if (inside(x, y)) { sx += x; sy += y; n++; }
      }
    }
    if (n) return [sx / n, sy / n, z];
  }
  let x = 0, y = 0, n = 0;
  for (let k = 0; k < pos.length; k += 3) if (pos[k + 2] > top - 1) { x += pos[k]; y += pos[k + 1]; n++; }
  return [x / n, y / n, top];
}

/** Anchors of the overlay's labels; with `clip` (the model box the faults are clipped to), fault anchors stay inside it. */
export function overlayAnchors(model: Model, prepared: Prepared, clip: Box | null = null): OverlayAnchors {
  const collarMask = new Float32Array(model.holes.length);
  const seen = new Uint8Array(model.holes.length);
  for (let i = 0; i < prepared.traces.count; i++) {
    const h = prepared.traces.row[i];
    if (!seen[h]) { seen[h] = 1; collarMask[h] = prepared.traces.mask[i]; }
  }
  const faults = model.faults.map((f) => {
    const si = model.surfaces.findIndex((s) => s.id === f.surface);
    return { name: f.name, at: faultNameAnchor(prepared.surfaces[si].positions, prepared.surfaces[si].indices, clip) as readonly [number, number, number], positions: prepared.surfaces[si].positions, indices: prepared.surfaces[si].indices };
  });
  const inClip = (x: number, y: number) => !clip || (x >= clip.min[0] && x <= clip.max[0] && y >= clip.min[1] && y <= clip.max[1]);
  const traceMid = model.faults.map((_, fi) => {
    const b = prepared.faultTraces;
    let x = 0, y = 0, z = 0, n = 0;
    for (let i = 0; i < b.count; i++) {
      if (b.row[i] !== fi) continue;
      // Pieces of the ground trace inside the model box (all of it when nothing is clipped).
      const mx = (b.start[i * 3] + b.end[i * 3]) / 2, my = (b.start[i * 3 + 1] + b.end[i * 3 + 1]) / 2;
      if (!inClip(mx, my)) continue;
      x += b.start[i * 3] + b.end[i * 3]; y += b.start[i * 3 + 1] + b.end[i * 3 + 1]; z += b.start[i * 3 + 2] + b.end[i * 3 + 2]; n += 2;
    }
    return n ? ([x / n, y / n, z / n] as [number, number, number]) : null;
  });
  return { collarMask, faults, traceMid };
}

const sectionAnchors = new WeakMap<Float32Array, { key: string; at: readonly [number, number, number] | null }>();

/**
 * The highest point of a surface (local m) the section keeps: on its triangle edges, exactly where
 * the section's half-spaces cut them (a fault plane of a few large triangles has no vertex inside a
 * 50 m slab), or null. Kept per surface and section, as labels are laid out on every frame.
 * `planes` are in exaggerated space (z × ve).
 */
function highestShown(pos: Float32Array, idx: Uint32Array, planes: readonly HalfSpace[], ve: number): readonly [number, number, number] | null {
  const key = `${ve}:${JSON.stringify(planes)}`;
  const cached = sectionAnchors.get(pos);
  if (cached && cached.key === key) return cached.at;
  let best: [number, number, number] | null = null;
  for (let t = 0; t + 2 < idx.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const i = idx[t + e] * 3, j = idx[t + ((e + 1) % 3)] * 3;
      const a: [number, number, number] = [pos[i], pos[i + 1], pos[i + 2] * ve], b: [number, number, number] = [pos[j], pos[j + 1], pos[j + 2] * ve];
      const span = keptSpan(planes, a, b);
      if (!span) continue;
      for (const u of span) {
        const z = (a[2] + (b[2] - a[2]) * u) / ve;
        if (!best || z > best[2]) best = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, z];
      }
    }
  }
  sectionAnchors.set(pos, { key, at: best });
  return best;
}

/** A projector for a view-projection matrix (projection x view inverse) and an image size. */
export function projector(viewProjection: Matrix4, width: number, height: number): Projector {
  const v = new Vector3();
  return (x, y, z) => {
    v.set(x, y, z).applyMatrix4(viewProjection);
    if (!(v.z >= -1 && v.z <= 1)) return null;
    return [((v.x + 1) / 2) * width, ((1 - v.y) / 2) * height, v.z];
  };
}

export type LabelState = Pick<
  VeinscapeState,
  'model' | 'prepared' | 'layerVisible' | 'filters' | 'holesFollowFaults' | 'faultOffsets' | 'mappedOffsets' | 'selection' | 'interceptLabels' | 'intercepts'
> &
  /** a vertical section (slab) adds its distance and elevation labels */
  Partial<Pick<VeinscapeState, 'section' | 'verticalExaggeration' | 'zoneVisible'>>;


/** View size in px: given, labels are thinned for it (off-screen and crowded collars dropped). */
export interface ViewSize {
  width: number;
  height: number;
}

/**
 * Every label and slip arrow of the view. `view`, when `project` is a plain view-projection (the
 * live overlay), lets collar positions and their thinning be reused while the view is the same.
 * Axis ticks and section distances are written in `language` (English by default).
 */
export function collectLabels(s: LabelState, anchors: OverlayAnchors, axes: AxisBox | null, project: Projector, theme: OverlayTheme, size?: ViewSize, view?: ProjectorView, language = 'en'): { labels: Label[]; arrows: SlipArrow[] } {
  const { model, prepared } = s;
  const labels: Label[] = [];
  const arrows: SlipArrow[] = [];
  if (!model || !prepared) return { labels, arrows };
  if (axes && s.layerVisible.axes) {
    for (const t of axes.ticks) {
      const p = project(...t.at);
      if (p) labels.push({ x: p[0] + 2, y: p[1] + 8, depth: -2, text: tickText(t, language), color: theme.muted, priority: 3 });
    }
  }
  // The same in the live overlay and in exports: a section slide keeps its distances and elevations.
  if (axes && s.section?.mode === 'slab') labels.push(...sectionAxisLabels(s.section, prepared.origin, axes, project, theme, language).map((l) => ({ ...l, priority: 3 })));
  // A label whose anchor the section slab or clip box cuts away is hidden with it.
  const planes = s.section ? sectionPlanes({ prepared, section: s.section, verticalExaggeration: s.verticalExaggeration ?? 1 }) : [];
  const ve = s.verticalExaggeration ?? 1;
  const shown = (x: number, y: number, z: number) => planes.length === 0 || kept(planes, [x, y, z * ve]);
  if (s.layerVisible.faults) {
    anchors.faults.forEach((f, fi) => {
      // A section keeps a slice of the fault: its name goes on the highest vertex it keeps, and
      // goes with the fault when the section keeps none of it.
      const at = planes.length && !shown(f.at[0], f.at[1], f.at[2]) ? highestShown(f.positions, f.indices, planes, ve) : f.at;
      if (!at) return;
      const p = project(at[0], at[1], at[2] + 15);
      // The fault's name in the language when the dataset gives it (anchors follow model.faults).
      const name = model.faults[fi] ? localText(model.faults[fi], 'name', language) : f.name;
      if (p) labels.push({ x: p[0] - 20, y: p[1], depth: -1, text: name, color: theme.accent, bold: true, priority: 2, leader: true });
    });
  }
  if (s.layerVisible.labels && s.layerVisible.traces) {
    const follow = s.holesFollowFaults ? 1 : 0;
    const shifts = faultShifts(s);
    const c = prepared.collars;
    for (const l of collarLabels(s, anchors, project, size, view)) {
      const h = l.hole ?? -1;
      if (planes.length && h >= 0) {
        let x = c[h * 3], y = c[h * 3 + 1], z = c[h * 3 + 2];
        shifts.forEach((d, k) => { if (anchors.collarMask[h] & (1 << k)) { x += d[0] * follow; y += d[1] * follow; z += d[2] * follow; } });
        if (!shown(x, y, z)) continue;
      }
      // The selected hole's id first of all, moved with a leader rather than left out.
      labels.push(l.bold ? { ...l, priority: 0, leader: true } : l);
    }
  }
  if (s.interceptLabels && s.layerVisible.intervals && s.intercepts.length) {
    const follow = s.holesFollowFaults ? 1 : 0;
    const shifts = faultShifts(s);
    const o = prepared.origin;
    // Only the intercepts in view: the in-view count's rule (hole filters, windows, cut-off, zone
    // ticks, section), the same flags as the intercept table's.
    const inView = interceptFlagsOf(s);
    let n = 0;
    for (let i = 0; i < s.intercepts.length && n < 400; i++) {
      if (inView && inView[i] === 0) continue;
      const r = s.intercepts.at(i);
      const m = blockMask(prepared.faultModels, r.midpoint);
      const x0 = r.midpoint[0] - o[0], y0 = r.midpoint[1] - o[1], z0 = r.midpoint[2] - o[2];
      let x = x0, y = y0, z = z0;
      shifts.forEach((d, k) => { if (m & (1 << k)) { x += d[0] * follow; y += d[1] * follow; z += d[2] * follow; } });
      // Moved with its fault block, it is also hidden where the section cuts its drawn place away.
      if ((x !== x0 || y !== y0 || z !== z0) && !shown(x, y, z)) continue;
      const p = project(x, y, z);
      // Intercepts come before collar ids (priority 1), the richest (gram-metres) first, and may
      // move, with a leader, to stay readable; the layout keeps the first few dozen that fit.
      if (p) { labels.push({ x: p[0] + 4, y: p[1], depth: -r.gramMetres, text: `${r.holeId}: ${interceptLabel(r.labelParts, 'short', language)}`, color: theme.accent, priority: 1, leader: true, intercept: i }); n++; }
    }
  }
  if (s.layerVisible.faults) {
    prepared.faultModels.forEach((fm, i) => {
      const m = anchors.traceMid[i];
      if (!m || !shown(m[0], m[1], m[2])) return;
      const off = s.faultOffsets[fm.id] ?? 0;
      const dir = faultShift(fm, 1);
      const hl = Math.hypot(dir[0], dir[1]);
      if (hl < 1e-6) return;
      const nl = Math.hypot(fm.normal[0], fm.normal[1]) || 1;
      const bx = m[0] + (fm.normal[0] / nl) * 40, by = m[1] + (fm.normal[1] / nl) * 40;
      const a = project(bx, by, m[2]);
      const b = project(bx + (dir[0] / hl) * 80, by + (dir[1] / hl) * 80, m[2]);
      if (!a || !b) return;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len < 12) return;
      const k = Math.min(1, 44 / len);
      arrows.push({ x0: a[0], y0: a[1], x1: a[0] + (b[0] - a[0]) * k, y1: a[1] + (b[1] - a[1]) * k, label: pictureText(language)('axis.metres', { n: pictureNumber(Number(off.toFixed(0)), language) }) });
    });
  }
  return { labels, arrows };
}

/** Screen angle of grid north at the view centre (radians, 0 = up, clockwise), or null when north points at the viewer. */
export function northAngle(project: Projector, target: readonly [number, number, number]): number | null {
  const a = project(target[0], target[1], target[2]);
  const b = project(target[0], target[1] + 100, target[2]);
  if (!a || !b) return null;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  return Math.hypot(dx, dy) > 1e-3 ? Math.atan2(dx, -dy) : null;
}
