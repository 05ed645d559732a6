/**
 * Which level of detail each tile draws for a camera (segmentLod.ts builds the levels), and the
 * few contiguous index ranges that draw them.
 *
 * Screen-space error, as 3D Tiles' geometricError: a level's error in a tile is its longest merged
 * run (m); seen from the tile's nearest point it spans error × pixels-per-metre pixels. A tile
 * draws the coarsest level whose error is at most `errorPx` pixels, so a merge is never wider than
 * a pixel or two where it is drawn and a change of level is not seen (no popping). Hysteresis: a
 * tile goes coarser only once the coarser level's error is under half of `errorPx`, so a camera
 * resting near a threshold does not flicker between two levels. A triangle budget guards the
 * frame: over it, the tiles whose next coarser level is least visible are coarsened first.
 */
import { LOD_TILES, type SegmentLod } from './segmentLod';

export interface LodView {
  /** the eye, in the coordinates of `boxes` (m) */
  eye: [number, number, number];
  /** per tile [minX, minY, minZ, maxX, maxY, maxZ] in those coordinates (the layer's tile bounds, transformed) */
  boxes: Float32Array | Float64Array;
  /** metres of the layer per metre of `boxes` along the most stretched axis (vertical exaggeration) */
  errorScale: number;
  /**
   * perspective: pixels spanned by one metre at one metre from the eye (projection y-scale × target
   * height / 2); orthographic: pixels per metre anywhere
   */
  pixelsPerMetre: number;
  orthographic: boolean;
  /** largest on-screen size (px) of a merged run where a level is drawn */
  errorPx: number;
  /** triangles at most (Infinity: no guard) */
  budget: number;
}

/** Distance from p to the box of tile t (0 inside), m. */
export function boxDistance(b: ArrayLike<number>, t: number, p: readonly number[]): number {
  let d2 = 0;
  for (let k = 0; k < 3; k++) {
    const lo = b[t * 6 + k], hi = b[t * 6 + 3 + k];
    const v = p[k] < lo ? lo - p[k] : p[k] > hi ? p[k] - hi : 0;
    d2 += v * v;
  }
  return Math.sqrt(d2);
}

/** Entries of tile t at level k. */
export function tileCount(lod: SegmentLod, k: number, t: number): number {
  const s = lod.levels[k].tileStart;
  return s[t + 1] - s[t];
}

/** Triangles drawn for these levels (two per entry). */
export function lodTriangles(lod: SegmentLod, levels: ArrayLike<number>): number {
  let n = 0;
  for (let t = 0; t < LOD_TILES; t++) n += 2 * tileCount(lod, levels[t], t);
  return n;
}

/**
 * Level of each tile. `previous`: the levels of the last frame of the same view (null: none,
 * e.g. an export), for hysteresis.
 */
export function chooseLevels(lod: SegmentLod, view: LodView, previous: ArrayLike<number> | null): Uint8Array {
  const top = lod.levels.length - 1;
  const levels = new Uint8Array(LOD_TILES);
  // Pixels spanned by one metre of error in tile t.
  const scale = new Float64Array(LOD_TILES);
  for (let t = 0; t < LOD_TILES; t++) {
    if (tileCount(lod, 0, t) === 0) continue;
    const d = boxDistance(view.boxes, t, view.eye);
    scale[t] = view.errorScale * (view.orthographic ? view.pixelsPerMetre : view.pixelsPerMetre / Math.max(d, 1e-3));
    const px = (k: number) => lod.levels[k].tileError[t] * scale[t];
    const coarsest = (limit: number) => {
      let k = 0;
      while (k < top && px(k + 1) <= limit) k++;
      return k;
    };
    const want = coarsest(view.errorPx);
    const was = previous ? Math.min(previous[t], top) : -1;
    if (was < 0 || want < was) levels[t] = want;
    else levels[t] = Math.max(was, coarsest(0.5 * view.errorPx));
    // Keeping the last frame's level is allowed only while it is fine enough.
    if (px(levels[t]) > view.errorPx) levels[t] = want;
  }
  // The budget: coarsen where it shows least, one step at a time.
  let triangles = lodTriangles(lod, levels);
  while (triangles > view.budget) {
    let best = -1, bestPx = Infinity;
    for (let t = 0; t < LOD_TILES; t++) {
      const k = levels[t];
      if (k >= top || tileCount(lod, k, t) === tileCount(lod, k + 1, t)) continue;
      const px = lod.levels[k + 1].tileError[t] * scale[t];
      if (px < bestPx) { bestPx = px; best = t; }
    }
    if (best < 0) break;
    triangles -= 2 * (tileCount(lod, levels[best], best) - tileCount(lod, levels[best] + 1, best));
    levels[best]++;
  }
  return levels;
}

/** One draw: entries start..start+count-1 of level `level`, the entries of tiles from..to. */
export interface LodRange {
  level: number;
  start: number;
  count: number;
  /** first and last tile of the draw (the emphasised grades draw the same tiles: segmentLodOverlay.ts) */
  from: number;
  to: number;
}

/** Runs of consecutive tiles at one level; a tile with no segments joins whichever run it is in. */
function runsOf(lod: SegmentLod, levels: Uint8Array): { level: number; from: number; to: number }[] {
  const runs: { level: number; from: number; to: number }[] = [];
  for (let t = 0; t < LOD_TILES; t++) {
    if (tileCount(lod, 0, t) === 0) {
      if (runs.length) runs[runs.length - 1].to = t;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.level === levels[t]) last.to = t;
    else runs.push({ level: levels[t], from: last ? last.to + 1 : 0, to: t });
  }
  return runs;
}

/**
 * The draws for these levels, at most `maxDraws`: each level's tiles are contiguous in its entry
 * list (Morton order), so a run of tiles at one level is one range. Past `maxDraws`, the run that
 * costs fewest extra triangles is drawn at the finer level of a neighbour, which merges it with
 * that neighbour: finer is never wrong to the eye, only dearer. When no such merge fits `budget`
 * (triangles), the run of fewest entries takes its coarser neighbour's level instead, as the
 * budget would have. `levels` is updated to match.
 */
export function lodRanges(lod: SegmentLod, levels: Uint8Array, maxDraws: number, budget = Infinity): LodRange[] {
  let runs = runsOf(lod, levels);
  let triangles = lodTriangles(lod, levels);
  while (runs.length > Math.max(1, maxDraws)) {
    let best = -1, bestLevel = 0, bestCost = Infinity;
    for (let r = 0; r < runs.length; r++) {
      const finer = [runs[r - 1], runs[r + 1]].filter((n) => n && n.level < runs[r].level).map((n) => n.level);
      if (finer.length === 0) continue;
      const to = Math.max(...finer);
      let cost = 0;
      for (let t = runs[r].from; t <= runs[r].to; t++) cost += tileCount(lod, to, t) - tileCount(lod, runs[r].level, t);
      if (triangles + 2 * cost > budget) continue;
      if (cost < bestCost) { bestCost = cost; best = r; bestLevel = to; }
    }
    if (best < 0) {
      // No finer merge fits the budget: the run of fewest entries joins its coarser neighbour instead.
      for (let r = 0; r < runs.length; r++) {
        const coarser = [runs[r - 1], runs[r + 1]].filter((n) => n && n.level > runs[r].level).map((n) => n.level);
        if (coarser.length === 0) continue;
        const to = Math.min(...coarser);
        let cost = 0;
        for (let t = runs[r].from; t <= runs[r].to; t++) cost += tileCount(lod, runs[r].level, t);
        if (cost < bestCost) { bestCost = cost; best = r; bestLevel = to; }
      }
    }
    if (best < 0) break;
    for (let t = runs[best].from; t <= runs[best].to; t++) triangles += 2 * (tileCount(lod, bestLevel, t) - tileCount(lod, levels[t], t));
    for (let t = runs[best].from; t <= runs[best].to; t++) if (tileCount(lod, 0, t) > 0) levels[t] = bestLevel;
    runs = runsOf(lod, levels);
  }
  return runs
    .map((r) => {
      const s = lod.levels[r.level].tileStart;
      return { level: r.level, start: s[r.from], count: s[r.to + 1] - s[r.from], from: r.from, to: r.to };
    })
    .filter((r) => r.count > 0);
}
