/**
 * A sample of the points of what is visible (local metres, fault offsets applied, true scale):
 * vertices of the shown surfaces (those cut at the model box only inside it), the ends of the
 * shown holes, workings and the axes box's corners. At most about 40,000 points, strided, so its
 * projected bounds (the "model" of `veinscape.layout()`, and what fit-to-view frames) cost a few
 * milliseconds at any deposit size. One definition for both.
 */
import { bulkLocalBox, dataBox, LARGE_KINDS } from '../domain/bounds';
import { axisBox, tickEnd } from '../domain/axes';
import { holeIndexAt } from '../domain/segments';
import { hasEnds, readEnd } from '../domain/segmentEnds';
import { KIND_LAYER } from './slices/layers';
import { faultShifts } from './faultShifts';
import { modelClipBox } from './modelBox';
import { holesShown } from './holesShown';
import type { VeinscapeState } from './store';

const BUDGET = 40000;
/** a piece's end point (local m), either form of the buffer (segmentEnds.ts) */
const end = [0, 0, 0];

export function visibleSample(s: VeinscapeState): Float64Array {
  const { model, prepared: p } = s;
  if (!model || !p) return new Float64Array(0);
  const shifts = faultShifts(s);
  const clip = modelClipBox(s);
  const out: number[] = [];
  const zoneKind = new Map(model.zones.map((z) => [z.id, z.kind]));
  // An outlier (a collar typed 5e12 m east, domain/extent.ts) is drawn but not framed.
  const bulk = bulkLocalBox(p);
  const push = (x: number, y: number, z: number, mask: number, follow: number) => {
    if (bulk && !(x >= bulk.min[0] && x <= bulk.max[0] && y >= bulk.min[1] && y <= bulk.max[1] && z >= bulk.min[2] && z <= bulk.max[2])) return;
    for (let k = 0; k < shifts.length; k++) if (mask & (1 << k)) { x += shifts[k][0] * follow; y += shifts[k][1] * follow; z += shifts[k][2] * follow; }
    out.push(x, y, z);
  };
  // Surfaces: share the budget by vertex count.
  const surfaces = model.surfaces.map((sf, i) => {
    const kind = sf.zoneId ? zoneKind.get(sf.zoneId) ?? 'other' : 'fault';
    const shown = sf.faultId || !sf.zoneId ? s.layerVisible.faults : s.zoneVisible[sf.zoneId] !== false && s.layerVisible[KIND_LAYER[kind] ?? 'veins'];
    return { i, shown, cut: !!sf.faultId || LARGE_KINDS.has(kind) };
  }).filter((x) => x.shown);
  const vertices = surfaces.reduce((n, x) => n + p.surfaces[x.i].positions.length / 3, 0);
  const step = Math.max(1, Math.ceil(vertices / (BUDGET * 0.7)));
  for (const { i, cut } of surfaces) {
    const pos = p.surfaces[i].positions, masks = p.surfaces[i].masks;
    for (let v = 0; v * 3 + 2 < pos.length; v += step) {
      const x = pos[v * 3], y = pos[v * 3 + 1], z = pos[v * 3 + 2];
      if (cut && clip && (x < clip.min[0] || x > clip.max[0] || y < clip.min[1] || y > clip.max[1] || z < clip.min[2] || z > clip.max[2])) continue;
      push(x, y, z, masks[v] ?? 0, 1);
    }
  }
  // Holes: ends of the traces and intervals of the holes the hole filters keep.
  const follow = s.holesFollowFaults ? 1 : 0;
  if (s.layerVisible.traces || s.layerVisible.intervals) {
    const pass = holesShown(s);
    for (const b of [p.traces, p.intervals]) {
      if (!hasEnds(b)) continue;
      const st = Math.max(1, Math.ceil(b.count / (BUDGET * 0.15)));
      for (let k = 0; k < b.count; k += st) {
        if (!pass[holeIndexAt(b, k)]) continue;
        push(b.start[k * 3], b.start[k * 3 + 1], b.start[k * 3 + 2], b.mask[k], follow);
        readEnd(b, k, end);
        push(end[0], end[1], end[2], b.mask[k], follow);
      }
    }
  }
  if (s.layerVisible.workings && p.workings.end.length >= p.workings.count * 3) {
    const st = Math.max(1, Math.ceil(p.workings.count / (BUDGET * 0.1)));
    for (let k = 0; k < p.workings.count; k += st) push(p.workings.end[k * 3], p.workings.end[k * 3 + 1], p.workings.end[k * 3 + 2], p.workings.mask[k], 1);
  }
  if (s.layerVisible.axes) {
    const a = axisBox(dataBox(model, p), p.origin);
    for (const x of [a.min[0], a.max[0]]) for (const y of [a.min[1], a.max[1]]) for (const z of [a.min[2], a.max[2]]) out.push(x, y, z);
    for (const t of a.ticks) out.push(...tickEnd(t, a.step));
  }
  return Float64Array.from(out);
}

/** Screen bounds (CSS px, clipped to the view) of points under a column-major view-projection; null when none is in front. */
export function projectedBounds(points: Float64Array, m: ArrayLike<number>, size: { width: number; height: number }, zScale = 1): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k + 2 < points.length; k += 3) {
    const x = points[k], y = points[k + 1], z = points[k + 2] * zScale;
    const w = m[3] * x + m[7] * y + m[11] * z + m[15];
    if (!(w > 1e-9)) continue;
    const sx = ((m[0] * x + m[4] * y + m[8] * z + m[12]) / w + 1) / 2 * size.width;
    const sy = (1 - (m[1] * x + m[5] * y + m[9] * z + m[13]) / w) / 2 * size.height;
    if (sx < x0) x0 = sx;
    if (sx > x1) x1 = sx;
    if (sy < y0) y0 = sy;
    if (sy > y1) y1 = sy;
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
