/** Bounds of prepared (local, float32) geometry in metres. */
import type { Prepared } from './prepare';
import type { SegmentBuffer } from './segments';
import { endBounds } from './segmentEnds';
import type { Box } from './viewFit';

/**
 * Box around prepared geometry. With a filter, only the surfaces it accepts; without one, every
 * surface `include` accepts (by default all) plus collars, traces and workings.
 */
export function localBox(p: Prepared, filter?: (surfaceIndex: number) => boolean, include?: (surfaceIndex: number) => boolean): Box {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const grow = (lo: ArrayLike<number>, hi: ArrayLike<number>) => {
    for (let a = 0; a < 3; a++) {
      if (lo[a] < min[a]) min[a] = lo[a];
      if (hi[a] > max[a]) max[a] = hi[a];
    }
  };
  p.surfaces.forEach((s, i) => {
    if (filter && !filter(i)) return;
    if (!filter && include && !include(i)) return;
    const b = s.bounds ?? surfaceBounds(s.positions);
    grow(b.subarray(0, 3), b.subarray(3));
  });
  if (!filter) {
    grow(...pointBounds(p.collars));
    // Traces exist only where no interval covers the hole: interval ends reach the hole bottoms.
    for (const b of [p.traces, p.intervals, p.workings]) {
      const e = segmentEndBounds(b);
      grow(e.subarray(0, 3), e.subarray(3));
    }
  }
  if (!Number.isFinite(min[0])) return { min: [-100, -100, -100], max: [100, 100, 100] };
  return clipToBulk({ min, max }, p);
}

/**
 * A box cut to the bulk of the data (Prepared.extent, outliers left out: domain/extent.ts), so one
 * absurd coordinate never stretches what views frame or axes tick. A box wholly outside the bulk
 * (a zone made of an outlier surface) is kept as it is.
 */
function clipToBulk(b: Box, p: Prepared): Box {
  const e = p.extent;
  if (!e) return b;
  const min: [number, number, number] = [0, 0, 0];
  const max: [number, number, number] = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    min[a] = Math.max(b.min[a], e.min[a] - p.origin[a]);
    max[a] = Math.min(b.max[a], e.max[a] - p.origin[a]);
    if (!(min[a] <= max[a])) return b;
  }
  return { min, max };
}

/**
 * The bulk of the data in local metres, grown by a quarter of its span and 1 km on every side (fault
 * offsets, a hole's last metres): a point outside it belongs to an outlier (domain/extent.ts), which
 * what is framed on screen leaves out. Null when there is no extent (everything counts).
 */
export function bulkLocalBox(p: Prepared): Box | null {
  const e = p.extent;
  if (!e) return null;
  const min: [number, number, number] = [0, 0, 0];
  const max: [number, number, number] = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const grow = (e.max[a] - e.min[a]) / 4 + 1000;
    min[a] = e.min[a] - p.origin[a] - grow;
    max[a] = e.max[a] - p.origin[a] + grow;
  }
  return { min, max };
}

/** Bounds of a flat xyz array: [minX, minY, minZ] and [maxX, maxY, maxZ]. */
function pointBounds(a: Float32Array): [Float64Array, Float64Array] {
  const b = surfaceBounds(a);
  return [b.subarray(0, 3), b.subarray(3)];
}

/**
 * Bounds of an xyz array, computed once per array: views and axes ask often (every preset, every
 * load), and a large deposit's surfaces hold millions of vertices.
 */
const boundsCache = new WeakMap<Float32Array, Float64Array>();
export function surfaceBounds(a: Float32Array): Float64Array {
  let b = boundsCache.get(a);
  if (b) return b;
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  for (let k = 0; k + 2 < a.length; k += 3) {
    const x = a[k], y = a[k + 1], z = a[k + 2];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  b = new Float64Array([x0, y0, z0, x1, y1, z1]);
  boundsCache.set(a, b);
  return b;
}

/** Bounds of the hole layers' points ([minX, minY, minZ, maxX, maxY, maxZ], local metres). */
export interface LayerBounds {
  collars: Float64Array;
  traces: Float64Array;
  intervals: Float64Array;
  workings: Float64Array;
}

/**
 * The bounds `localBox` reads from the hole layers, made where the layers are built (the loading
 * worker, before they move to the page): at ten million intervals the 11 M segment ends were a
 * main-thread task of 0.1 s on the page.
 */
export function layerBounds(p: Prepared): LayerBounds {
  return { collars: surfaceBounds(p.collars), traces: segmentEndBounds(p.traces), intervals: segmentEndBounds(p.intervals), workings: segmentEndBounds(p.workings) };
}

/**
 * Bounds of a layer's segment end points, computed once per layer: cached as surfaceBounds is, by
 * its `end` array (empty and the layer's own where the ends are shared: segmentEnds.ts).
 */
function segmentEndBounds(b: SegmentBuffer): Float64Array {
  if (!b.shared) return surfaceBounds(b.end);
  let r = boundsCache.get(b.end);
  if (!r) boundsCache.set(b.end, (r = endBounds(b)));
  return r;
}

/** Takes bounds made by `layerBounds` (in the worker) as those of `p`'s arrays on the page. */
export function adoptLayerBounds(p: Prepared, b: LayerBounds): void {
  boundsCache.set(p.collars, b.collars);
  boundsCache.set(p.traces.end, b.traces);
  boundsCache.set(p.intervals.end, b.intervals);
  boundsCache.set(p.workings.end, b.workings);
}

/** Zone kinds whose surfaces are usually far larger than the deposit: clipped to the model box, not framing it. */
export const LARGE_KINDS: ReadonlySet<string> = new Set(['host', 'topography']);

/**
 * The model box: what views fit, axes frame and large surfaces are clipped to. The geology and
 * holes, not the (often far larger) fault, host-rock and topography surfaces; a project of those
 * alone is framed by them.
 */
export function dataBox(model: { surfaces: { faultId?: string; zoneId?: string }[]; zones?: { id: string; kind: string }[] }, p: Prepared): Box {
  const kind = new Map((model.zones ?? []).map((z) => [z.id, z.kind]));
  const large = (i: number) => {
    const s = model.surfaces[i];
    return !!s.faultId || (s.zoneId !== undefined && LARGE_KINDS.has(kind.get(s.zoneId) ?? ''));
  };
  const core = localBox(p, undefined, (i) => !large(i));
  if (hasContent(model, p, large)) return core;
  const noFaults = localBox(p, undefined, (i) => !model.surfaces[i].faultId);
  return model.surfaces.some((s) => !s.faultId) ? noFaults : localBox(p);
}

/** Whether anything besides the large surfaces (holes, workings, other surfaces) is there to frame. */
function hasContent(model: { surfaces: unknown[] }, p: Prepared, large: (i: number) => boolean): boolean {
  if (p.collars.length > 0 || p.traces.count > 0 || p.intervals.count > 0 || p.workings.count > 0) return true;
  for (let i = 0; i < model.surfaces.length; i++) if (!large(i) && p.surfaces[i].positions.length > 0) return true;
  return false;
}
