/**
 * Click to select and hover to identify: the interval or hole trace nearest the cursor on screen,
 * with the same filters and fault offsets the GPU applies, found through a spatial index
 * (src/domain/pickIndex.ts) built once per segment buffer.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4, Raycaster, Vector2 } from 'three';
import { store } from '../state/store';
import { KIND_LAYER } from '../state/slices/layers';
import { isBetterPick, type PickResult } from '../domain/pick';
import { onPickIndexAdopted, pickIndexed, pickIndexOf, pickIndexPending } from '../domain/pickIndex';
import { raycastSurfaces } from '../domain/pickSurface';
import { lineFromPicks } from '../domain/section';
import { faultShifts } from '../state/faultShifts';
import { segmentVisible, type FilterState } from '../domain/holeFilter';
import { filterStateFrom } from '../state/filterState';
import { holeIndexAt, type SegmentBuffer } from '../domain/segments';
import { endDepthAt, readEnd, startDepthAt } from '../domain/segmentEnds';
import type { Prepared } from '../domain/prepare';
import type { Selection } from '../state/slices/selection';
import type { Vec3 } from '../domain/vec3';
import { sceneState } from './handle';
import { liveLayout } from '../overlay/layoutRecord';

const TOLERANCE_PX = 7;
const m = new Matrix4();
const veScale = new Matrix4();
const ray = new Raycaster();
const ndc = new Vector2();

export function filterStateOf(): FilterState {
  return filterStateFrom(store.getState());
}

/** Update `m` to the drawn view-projection and return the hole shift of a fault-block mask, local m. */
function pickFrame(): (mask: number) => Vec3 {
  const s = store.getState();
  const h = sceneState.handle!;
  h.camera.updateMatrixWorld();
  m.multiplyMatrices(h.camera.projectionMatrix, h.camera.matrixWorldInverse);
  // The model is drawn scaled by the vertical exaggeration about local z = 0.
  m.multiply(veScale.makeScale(1, 1, s.verticalExaggeration));
  const shifts = faultShifts(s);
  // Holes and intervals follow their blocks unless the user keeps them fixed.
  const follow = s.holesFollowFaults ? 1 : 0;
  return (mask: number): Vec3 => {
    const d: Vec3 = [0, 0, 0];
    shifts.forEach((v, k) => { if (mask & (1 << k)) { d[0] += v[0] * follow; d[1] += v[1] * follow; d[2] += v[2] * follow; } });
    return d;
  };
}

/** Nearest visible segment of b under CSS px (x, y), through b's index. */
function pickIn(b: SegmentBuffer, x: number, y: number, shiftOf: (mask: number) => Vec3, visible: (i: number) => boolean): PickResult | null {
  return pickIndexed(pickIndexOf(b), m.elements, sceneState.handle!.size, [x, y], TOLERANCE_PX, shiftOf, visible);
}

const depthAt = (b: SegmentBuffer, r: PickResult) => startDepthAt(b, r.index) + (endDepthAt(b, r.index) - startDepthAt(b, r.index)) * r.t;

/**
 * The interval, else the hole trace, under CSS px (x, y) of the canvas; null when none is within
 * the tolerance. Where an interval is not drawn as one (below the cut-off in 'hide' mode, or the
 * intervals layer off) it is drawn in trace style instead (hole traces then cover only the depths
 * no interval covers), so it answers as a trace (hole and depth, no row) when traces are shown.
 */
export function holeHitAt(x: number, y: number): Selection | null {
  const s = store.getState();
  const p = s.prepared;
  if (!p || !sceneState.handle) return null;
  const shiftOf = pickFrame();
  const fs = filterStateOf();
  const iv = p.intervals;
  const intervals = s.layerVisible.intervals;
  if (intervals) {
    const r = pickIn(iv, x, y, shiftOf, (i) => segmentVisible(iv, i, fs, true, p.intervalZones));
    if (r) return { hole: holeIndexAt(iv, r.index), row: iv.row[r.index], depth: depthAt(iv, r) };
  }
  if (!s.layerVisible.traces) return null;
  const t = pickIn(p.traces, x, y, shiftOf, (i) => segmentVisible(p.traces, i, fs, false));
  // An interval of an unticked zone is drawn as the trace too.
  const asTrace = !intervals || fs.belowCutoff === 'hide' || fs.zoneShown
    ? pickIn(iv, x, y, shiftOf, (i) => segmentVisible(iv, i, fs, false) && (!intervals || !segmentVisible(iv, i, fs, true, p.intervalZones)))
    : null;
  // Both are drawn as traces: the same rule as within one layer decides between them.
  if (asTrace && (!t || isBetterPick(asTrace.distancePx, asTrace.depth, t))) return { hole: holeIndexAt(iv, asTrace.index), row: null, depth: depthAt(iv, asTrace) };
  return t ? { hole: p.traces.row[t.index], row: null, depth: depthAt(p.traces, t) } : null;
}

/** The intercept whose label the overlay last drew under CSS px (x, y), or null. */
function interceptLabelAt(x: number, y: number): number | null {
  const l = liveLayout.labels.find((b) => b.intercept !== undefined && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
  return l?.intercept ?? null;
}

/**
 * Pick at CSS pixel (x, y) in the canvas; selects and returns whether something was hit. A click
 * on an intercept label (drawn over the model) opens that intercept's derivation instead.
 */
export function pickAt(x: number, y: number): boolean {
  const s = store.getState();
  if (!s.prepared || !sceneState.handle) return false;
  if (s.measure.active) return measurePick(x, y, pickFrame());
  if (s.section.placing) return sectionPick(x, y);
  const label = interceptLabelAt(x, y);
  if (label !== null && label < s.intercepts.length) {
    s.openDerivation({ intercept: s.intercepts.at(label), options: s.interceptsFor?.query ?? s.interceptQuery });
    return true;
  }
  const hit = holeHitAt(x, y);
  s.select(hit);
  return hit !== null;
}

function clearHover(): void {
  if (store.getState().hover) store.getState().setHover(null);
}

/** Hover: what is under the cursor, measured as 'veinscape:hover-pick', then shown (or hidden). */
function hoverAt(x: number, y: number): void {
  const s = store.getState();
  if (s.measure.active || s.section.placing) return clearHover();
  performance.mark('veinscape:hover-pick:start');
  const hit = holeHitAt(x, y);
  performance.measure('veinscape:hover-pick', 'veinscape:hover-pick:start');
  if (hit) s.setHover({ ...hit, x, y });
  else clearHover();
}

/** Full (unscaled) block shift, for surfaces, which always move with their block. */
function blockShift(mask: number): Vec3 {
  const s = store.getState();
  const d: Vec3 = [0, 0, 0];
  faultShifts(s).forEach((v, k) => {
    if (!(mask & (1 << k))) return;
    d[0] += v[0]; d[1] += v[1]; d[2] += v[2];
  });
  return d;
}

/** Measuring picks veins and envelopes only (not the host or topography around them). */
const MEASURE_LAYER: Record<string, 'veins' | 'alteration'> = { vein: 'veins', shear: 'veins', other: 'veins', alteration: 'alteration' };

/** In measuring mode a click picks a point on a visible vein (or a hole) and records it as drawn. */
function measurePick(x: number, y: number, holeShift: (mask: number) => Vec3): boolean {
  const s = store.getState();
  const p = s.prepared!;
  const model = s.model!;
  const h = sceneState.handle!;
  ndc.set((x / h.size.width) * 2 - 1, -(y / h.size.height) * 2 + 1);
  ray.setFromCamera(ndc, h.camera);
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const enabled = (i: number) => {
    const zid = model.surfaces[i].zoneId;
    const z = zid ? zones.get(zid) : undefined;
    return !!z && MEASURE_LAYER[z.kind] !== undefined && s.layerVisible[MEASURE_LAYER[z.kind]] && s.zoneVisible[z.id] !== false;
  };
  const o = ray.ray.origin, d = ray.ray.direction;
  const ve = s.verticalExaggeration;
  // Into the unexaggerated model: z / VE (the ray stays a ray; hit order is unchanged).
  const hit = raycastSurfaces([o.x, o.y, o.z / ve], [d.x, d.y, d.z / ve], p.surfaces, enabled, blockShift);
  let local: Vec3 | null = hit ? hit.point : null;
  if (!local) {
    const fs = filterStateOf();
    const r = pickIn(p.intervals, x, y, holeShift, (i) => segmentVisible(p.intervals, i, fs, true, p.intervalZones));
    if (r) {
      const b = p.intervals;
      const sh = holeShift(b.mask[r.index]);
      const e = [0, 0, 0];
      readEnd(b, r.index, e);
      local = [0, 1, 2].map((k) => b.start[r.index * 3 + k] + (e[k] - b.start[r.index * 3 + k]) * r.t + sh[k]) as Vec3;
    }
  }
  if (!local) return false;
  s.addMeasurePoint([local[0] + p.origin[0], local[1] + p.origin[1], local[2] + p.origin[2]]);
  return true;
}

/** True world point on the nearest visible vein / envelope / host surface under a pixel, as drawn. */
export function surfacePointAt(x: number, y: number): [number, number, number] | null {
  const s = store.getState();
  const p = s.prepared;
  const model = s.model;
  const h = sceneState.handle;
  if (!p || !model || !h) return null;
  ndc.set((x / h.size.width) * 2 - 1, -(y / h.size.height) * 2 + 1);
  ray.setFromCamera(ndc, h.camera);
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const enabled = (i: number) => {
    const zid = model.surfaces[i].zoneId;
    const z = zid ? zones.get(zid) : undefined;
    return !!z && s.layerVisible[KIND_LAYER[z.kind]] && s.zoneVisible[z.id] !== false;
  };
  const ve = s.verticalExaggeration;
  const o = ray.ray.origin, d = ray.ray.direction;
  const hit = raycastSurfaces([o.x, o.y, o.z / ve], [d.x, d.y, d.z / ve], p.surfaces, enabled, blockShift);
  return hit ? [hit.point[0] + p.origin[0], hit.point[1] + p.origin[1], hit.point[2] + p.origin[2]] : null;
}

/** Placing a section: each click gives a plan point where the ray meets the orbit target's level. */
function sectionPick(x: number, y: number): boolean {
  const s = store.getState();
  const p = s.prepared!;
  const h = sceneState.handle!;
  ndc.set((x / h.size.width) * 2 - 1, -(y / h.size.height) * 2 + 1);
  ray.setFromCamera(ndc, h.camera);
  const z0 = sceneState.target?.z ?? 0;
  const o = ray.ray.origin, d = ray.ray.direction;
  if (Math.abs(d.z) < 1e-9) return false;
  const t = (z0 - o.z) / d.z;
  const pt: [number, number] = [o.x + d.x * t + p.origin[0], o.y + d.y * t + p.origin[1]];
  const picks = [...s.section.picks, pt];
  if (picks.length < 2) {
    s.setSection({ picks });
    return true;
  }
  const line = lineFromPicks(picks[0], picks[1]);
  s.setSection({ ...line, picks: [], placing: false, mode: 'slab' });
  return true;
}

/** Picks at spread cursor positions: the JIT optimises the pick path after about ten calls. */
const WARM_UP_PICKS = 24;

/**
 * In idle time after a dataset arrives: build (or adopt from the loading worker) the pick indexes
 * of its hole layers, one per idle slot, then run the pick path a few times with no effect, so the
 * first real hover and click are fast.
 */
function prebuildIndexes(): () => void {
  const idle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200));
  const cancel = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
  const warmUp = () => {
    const size = sceneState.handle?.size;
    if (!size) return;
    for (let k = 0; k < WARM_UP_PICKS; k++) holeHitAt((((k * 37) % 97) / 97) * size.width, (((k * 61) % 89) / 89) * size.height);
  };
  let pending: number[] = [];
  const schedule = (p: Prepared | null) => {
    pending.forEach(cancel);
    // An index the loading worker is still building is not built here too: this runs again when
    // it arrives (onPickIndexAdopted).
    const layers = p ? [p.intervals, p.traces] : [];
    if (layers.some(pickIndexPending)) return;
    const jobs = p ? [...layers.map((b) => () => void pickIndexOf(b)), warmUp] : [];
    pending = jobs.map((job) => idle(job) as number);
  };
  schedule(store.getState().prepared);
  const unsubscribe = store.subscribe((s, prev) => { if (s.prepared !== prev.prepared) schedule(s.prepared); });
  const unadopted = onPickIndexAdopted(() => schedule(store.getState().prepared));
  return () => { unsubscribe(); unadopted(); pending.forEach(cancel); };
}

/** How far (CSS px) the pointer may wander between press and release for a click. */
const CLICK_TOLERANCE = 3;

export function PickHandler() {
  const gl = useThree((s) => s.gl);
  useEffect(prebuildIndexes, []);
  useEffect(() => {
    const el = gl.domElement;
    // A click is a press and release with the pointer never further than CLICK_TOLERANCE px from
    // where it was pressed: a drag that comes back, or a short drag that turns the view, selects nothing.
    let down: [number, number] | null = null;
    let travel = 0;
    const onDown = (e: PointerEvent) => {
      down = [e.clientX, e.clientY];
      travel = 0;
      clearHover();
    };
    const onUp = (e: PointerEvent) => {
      if (down) travel = Math.max(travel, Math.hypot(e.clientX - down[0], e.clientY - down[1]));
      if (!down || travel > CLICK_TOLERANCE) return;
      const r = el.getBoundingClientRect();
      pickAt(e.clientX - r.left, e.clientY - r.top);
    };
    // Cursor readout and hover pick: at most one of each per animation frame; no hover pick while
    // a button is down (orbiting or panning).
    let pending: [number, number] | null = null;
    let dragging = false;
    let raf = 0;
    const onMove = (e: PointerEvent) => {
      if (down && e.buttons !== 0) travel = Math.max(travel, Math.hypot(e.clientX - down[0], e.clientY - down[1]));
      const r = el.getBoundingClientRect();
      pending = [e.clientX - r.left, e.clientY - r.top];
      dragging = e.buttons !== 0;
      if (!raf) raf = requestAnimationFrame(() => {
        raf = 0;
        if (!pending) return;
        store.getState().setCursor(surfacePointAt(pending[0], pending[1]));
        if (dragging) clearHover();
        else hoverAt(pending[0], pending[1]);
      });
    };
    const onLeave = () => {
      pending = null;
      store.getState().setCursor(null);
      clearHover();
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    // Zooming moves the model under a still cursor: the tip would name what was there before.
    el.addEventListener('wheel', clearHover, { passive: true });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    return () => {
      cancelAnimationFrame(raf);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('wheel', clearHover);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
    };
  }, [gl]);
  return null;
}
