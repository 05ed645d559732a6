/**
 * The extent of the bulk of a deposit's data (true world metres): what views frame, the axes tick,
 * grids cover and the local origin sits in. One absurd coordinate (a typing error of many orders of
 * magnitude: 5e12 m east, a northing 1000 times too large) must not stretch it, or every figure
 * derived from it (tick count, grid cells, camera distance, float32 precision of the local frame)
 * goes wrong with it.
 *
 * Each object (hole, surface, working, outline, point set) is one item with a world box. Per axis,
 * an item is an outlier when its box reaches further than OUTLIER_IQR_FACTOR interquartile spans of
 * the items' centres plus OUTLIER_SLACK_M beyond the quartiles: both relative (a compact project)
 * and absolute (a district-scale one never loses a real hole). Quartiles need at least
 * MIN_ITEMS items; with fewer nothing is an outlier. Outliers stay loaded and drawn where they are;
 * they are only left out of the extent. Pure maths, no react/three/zustand.
 */
import type { Model } from '../data/model';
import { LARGE_KINDS } from './bounds';
import type { Vec3 } from './vec3';

/** Absolute slack beyond the quartiles before anything is an outlier, m: wider than any drilling district. */
export const OUTLIER_SLACK_M = 50_000;
/** Relative slack beyond the quartiles, in interquartile spans of the item centres. */
export const OUTLIER_IQR_FACTOR = 10;
/** Fewest items for quartiles to mean anything. */
export const MIN_ITEMS = 4;

export interface WorldBox {
  min: Vec3;
  max: Vec3;
}

export interface ExtentOutlier {
  /** index of the item in the list given */
  item: number;
  /** axis furthest out: 0 easting, 1 northing, 2 elevation */
  axis: 0 | 1 | 2;
  /** the item's coordinate furthest out on that axis, m */
  value: number;
  /** how far beyond the other items' box it lies on that axis, m */
  distance: number;
}

export interface Extent {
  /** box of every item that is not an outlier (null when there is none) */
  box: WorldBox | null;
  outliers: ExtentOutlier[];
}

/** Quantile q (0..1) of sorted values, linear between ranks. */
function quantile(sorted: Float64Array, q: number): number {
  const at = (sorted.length - 1) * q;
  const i = Math.floor(at);
  const f = at - i;
  return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
}

/**
 * The bulk's box and the items far outside it. Items with a non-finite coordinate are outliers.
 * `tight`, when given, holds a closer box per item for the bulk's box (a hole's desurveyed path
 * rather than its collar ± depth); the items' own boxes decide what is an outlier.
 */
export function robustExtent(items: readonly WorldBox[], tight?: readonly (WorldBox | null)[]): Extent {
  const n = items.length;
  const lo: number[] = [-Infinity, -Infinity, -Infinity];
  const hi: number[] = [Infinity, Infinity, Infinity];
  if (n >= MIN_ITEMS) {
    for (let a = 0; a < 3; a++) {
      const centres = new Float64Array(n);
      let m = 0;
      for (const it of items) {
        const c = (it.min[a] + it.max[a]) / 2;
        if (Number.isFinite(c)) centres[m++] = c;
      }
      if (m < MIN_ITEMS) continue;
      const sorted = centres.subarray(0, m).sort();
      const q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75);
      const slack = OUTLIER_IQR_FACTOR * (q3 - q1) + OUTLIER_SLACK_M;
      lo[a] = q1 - slack;
      hi[a] = q3 + slack;
    }
  }
  const out = (it: WorldBox) => {
    for (let a = 0; a < 3; a++) if (!(it.min[a] >= lo[a] && it.max[a] <= hi[a])) return true;
    return false;
  };
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const flagged: number[] = [];
  items.forEach((item, i) => {
    if (out(item)) return flagged.push(i);
    const it = tight?.[i] ?? item;
    for (let a = 0; a < 3; a++) {
      if (it.min[a] < min[a]) min[a] = it.min[a];
      if (it.max[a] > max[a]) max[a] = it.max[a];
    }
  });
  const box = Number.isFinite(min[0]) ? { min, max } : null;
  const outliers = flagged.map((item): ExtentOutlier => {
    const it = items[item];
    let best: ExtentOutlier = { item, axis: 0, value: it.min[0], distance: -1 };
    for (let a = 0 as 0 | 1 | 2; a < 3; a = (a + 1) as 0 | 1 | 2) {
      const below = box ? box.min[a] - it.min[a] : 0;
      const above = box ? it.max[a] - box.max[a] : 0;
      const d = Math.max(below, above);
      if (d > best.distance || !Number.isFinite(d)) best = { item, axis: a, value: above >= below ? it.max[a] : it.min[a], distance: d };
    }
    return best;
  });
  return { box, outliers };
}

/** Boxes of surface vertex arrays, computed once per array (loading asks three times: report, origin, prepare). */
const boxCache = new WeakMap<object, WorldBox | null>();

/** Box of a flat [x, y, z, ...] array (world m); null when empty. */
export function boxOfPoints(xyz: ArrayLike<number>): WorldBox | null {
  if (xyz.length < 3) return null;
  const cached = ArrayBuffer.isView(xyz) ? boxCache.get(xyz) : undefined;
  if (cached !== undefined) return cached;
  const box = computeBox(xyz);
  if (ArrayBuffer.isView(xyz)) boxCache.set(xyz, box);
  return box;
}

function computeBox(xyz: ArrayLike<number>): WorldBox {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < xyz.length; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = xyz[i + a];
      if (v < min[a]) min[a] = v;
      if (v > max[a]) max[a] = v;
    }
  }
  return { min, max };
}

/** Box of a hole's desurveyed stations (HolePath.points: 3 numbers a station), grown by ARC_MARGIN_M (an arc between stations may bulge past its ends). */
export function pathBox(points: ArrayLike<number>): WorldBox | null {
  if (points.length === 0) return null;
  const b = computeBox(points);
  for (let a = 0; a < 3; a++) {
    b.min[a] -= ARC_MARGIN_M;
    b.max[a] += ARC_MARGIN_M;
  }
  return b;
}
const ARC_MARGIN_M = 10;

/** Plain-words axis names for messages. */
export const AXIS_WORDS = ['east', 'north', 'elevation'] as const;

/** What an outlier of a model is: the record's kind and index in the model's array, with its id. */
export interface ModelOutlier extends ExtentOutlier {
  kind: 'holes' | 'surfaces' | 'workings' | 'resourceCategories' | 'pointSets';
  index: number;
  id: string;
}

/**
 * The bulk extent of a model: holes (collar, within its depth on every side), surfaces, workings,
 * resource outlines and point sets. The large surfaces (faults, host rock, topography: usually far
 * wider than the deposit, see bounds.ts LARGE_KINDS) take part only when nothing else is there.
 */
export function modelExtent(
  model: Pick<Model, 'holes' | 'surfaces' | 'zones' | 'workings' | 'resourceCategories'> & { pointSets?: Model['pointSets'] },
  holeBox?: (hole: number) => WorldBox | null,
): { box: WorldBox | null; outliers: ModelOutlier[] } {
  const kind = new Map(model.zones.map((z) => [z.id, z.kind]));
  const boxes: WorldBox[] = [];
  const tight: (WorldBox | null)[] = [];
  const refs: { kind: ModelOutlier['kind']; index: number; id: string }[] = [];
  const add = (b: WorldBox | null, k: ModelOutlier['kind'], index: number, id: string, close: WorldBox | null = null) => {
    if (!b) return;
    boxes.push(b);
    tight.push(close);
    refs.push({ kind: k, index, id });
  };
  // A hole is judged by its collar and the sphere its depth can reach; its desurveyed path, when
  // known, bounds the bulk more closely.
  model.holes.forEach((h, i) => {
    const [x, y, z] = h.collar;
    const d = Number.isFinite(h.depth) ? h.depth : 0;
    add({ min: [x - d, y - d, z - d], max: [x + d, y + d, z + d] }, 'holes', i, h.id, holeBox?.(i) ?? null);
  });
  const large = (s: Model['surfaces'][number]) => !!s.faultId || (s.zoneId !== undefined && LARGE_KINDS.has(kind.get(s.zoneId) ?? ''));
  const others = model.holes.length + model.workings.length + model.resourceCategories.length + (model.pointSets?.length ?? 0) + model.surfaces.filter((s) => !large(s)).length;
  model.surfaces.forEach((s, i) => {
    if (others > 0 && large(s)) return;
    add(boxOfPoints(s.vertices), 'surfaces', i, s.id);
  });
  model.workings.forEach((w, i) => add(boxOfPoints(w.path.flat()), 'workings', i, w.id));
  model.resourceCategories.forEach((r, i) => add(boxOfPoints(r.outline.flat()), 'resourceCategories', i, r.id));
  (model.pointSets ?? []).forEach((p, i) => add(boxOfPoints(p.points), 'pointSets', i, p.id));
  const { box, outliers } = robustExtent(boxes, tight);
  return {
    box,
    outliers: outliers.map((o) => {
      const ref = refs[o.item];
      if (ref.kind !== 'holes' || !box) return { ...o, ...ref };
      // A hole is placed by its collar: the message gives the collar's coordinate and its distance.
      const v = model.holes[ref.index].collar[o.axis];
      return { ...o, ...ref, value: v, distance: Math.max(box.min[o.axis] - v, v - box.max[o.axis]) };
    }),
  };
}
