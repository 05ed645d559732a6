/**
 * Level-of-detail hierarchy of a segment layer (the intervals), built in the loading worker.
 *
 * Space is cut in plan into LOD_GRID × LOD_GRID tiles (the leaves of an implicit quadtree of depth
 * 3), numbered in Morton (Z) order so that tiles close in plan are close in number and a few
 * contiguous runs of tiles cover any neighbourhood. A segment belongs to the tile of its midpoint.
 *
 * Each level lists, tile after tile, entries that each stand for a run of consecutive segments of
 * one hole (indices first..last of the layer, all in the same tile): level 0 has one entry per
 * segment (full detail); level k merges neighbours until a run is at least `levelLength(k)` metres
 * along the hole. An entry is drawn as one segment from the start of `first` to the end of `last`
 * (the shader reads the layer's own segment textures, so a coarse level costs 8 bytes per entry and
 * no copy of positions). Its value for the filters is that of `rep`, its member with the highest
 * grade, so a grade cut-off never hides a run that holds a passing interval; its colour value is
 * `rep`'s too (the highest grade is what full detail shows from afar: grades are drawn wider as
 * they rise, so a high-grade metre dominates its pixel; a length-weighted mean would paint a grade
 * class no interval has, and could not follow "colour by" another column, which replaces the
 * colour values of the members).
 *
 * Why not a copy per level: at 10 million intervals the layer's textures are 480 MB; references
 * into them keep every coarse level to a fraction of that (see docs/performance.md, Session 13).
 */

import type { SegmentBuffer } from './segments';

/** Tiles per side in plan (64 tiles). */
export const LOD_GRID = 8;
export const LOD_TILES = LOD_GRID * LOD_GRID;
/** Runs are packed as (last - first) * LOD_PACK + (rep - first) in one float: members per run < LOD_PACK. */
export const LOD_PACK = 4096;
/** Levels above 0, at most. */
export const LOD_MAX_LEVELS = 6;
/** A level is kept only if it has at most this fraction of the entries of the level below. */
const LOD_MIN_GAIN = 0.8;
/** Layers with fewer segments draw without levels (one draw, as before): below this the saving is nothing. */
export const LOD_MIN_SEGMENTS = 50_000;

export interface LodLevel {
  /** entries in this level */
  count: number;
  /** texture rows of `refs` (texWidth entries per row) */
  rows: number;
  /** RG float texels: x = first segment, y = (last - first) * LOD_PACK + (rep - first) */
  refs: Float32Array;
  /** first entry of each tile (LOD_TILES + 1 values; tile t holds entries tileStart[t]..tileStart[t+1]-1) */
  tileStart: Uint32Array;
  /** per tile: the longest merged run (m along the hole; 0 = nothing merged): the detail this level drops */
  tileError: Float32Array;
  /**
   * per entry: its `rep` (segment index), kept on the page after `refs` are uploaded so the
   * emphasised-grades draw can pick the entries at or above a cut-off the user may change
   * (segmentLodOverlay.ts; 4 bytes per entry). Absent at level 0, whose entries are the segments
   * grouped by tile: `levelReps` makes them again from `segmentTile` when asked (1 byte a segment
   * kept instead of 4: 30 MB at 10,000,000 intervals).
   */
  reps?: Uint32Array;
}

export interface SegmentLod {
  /** per tile: bounds of its segments' end points, local m [minX, minY, minZ, maxX, maxY, maxZ]; empty tiles hold +Inf/-Inf */
  tileBounds: Float32Array;
  /** per segment: its tile (level 0 lists the segments tile after tile, in layer order within a tile) */
  segmentTile: Uint8Array;
  /** levels[0] is full detail */
  levels: LodLevel[];
}

/** What the builder reads of a SegmentBuffer. */
export type LodSource = Pick<SegmentBuffer, 'count' | 'start' | 'end' | 'value' | 'hole' | 'mask' | 'depth'>;

/** Spreads the low 3 bits of v to every other bit (Morton code of an 8 × 8 grid). */
function spread3(v: number): number {
  return (v & 1) | ((v & 2) << 1) | ((v & 4) << 2);
}

/** Tile number (Morton order) of grid cell (cx, cy). */
export function mortonTile(cx: number, cy: number): number {
  return spread3(cx) | (spread3(cy) << 1);
}

/** Median along-hole length of the segments (a sample of at most 4,096), m; 1 when none is positive. */
function medianLength(s: LodSource): number {
  const step = Math.max(1, Math.floor(s.count / 4096));
  const lengths: number[] = [];
  for (let i = 0; i < s.count; i += step) {
    const l = s.depth[i * 2 + 1] - s.depth[i * 2];
    if (l > 0) lengths.push(l);
  }
  if (lengths.length === 0) return 1;
  lengths.sort((a, b) => a - b);
  return lengths[lengths.length >> 1];
}

/** Minimum run length of level k ≥ 1: twice the median segment at level 1, four times more per level (m). */
export function levelLength(median: number, k: number): number {
  return 2 * median * 4 ** (k - 1);
}

function texRows(n: number, texWidth: number): number {
  return Math.max(1, Math.ceil(n / texWidth));
}

/** Tile of each segment (by its midpoint in plan) and the tiles' bounds. */
function tilesOf(s: LodSource): { tile: Uint8Array; tileBounds: Float32Array } {
  const n = s.count;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = 0.5 * (s.start[i * 3] + s.end[i * 3]);
    const y = 0.5 * (s.start[i * 3 + 1] + s.end[i * 3 + 1]);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const w = Math.max(maxX - minX, 1e-9), h = Math.max(maxY - minY, 1e-9);
  const tile = new Uint8Array(n);
  const tileBounds = new Float32Array(LOD_TILES * 6);
  for (let t = 0; t < LOD_TILES; t++) tileBounds.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], t * 6);
  for (let i = 0; i < n; i++) {
    const x = 0.5 * (s.start[i * 3] + s.end[i * 3]);
    const y = 0.5 * (s.start[i * 3 + 1] + s.end[i * 3 + 1]);
    const cx = Math.min(LOD_GRID - 1, Math.floor(((x - minX) / w) * LOD_GRID));
    const cy = Math.min(LOD_GRID - 1, Math.floor(((y - minY) / h) * LOD_GRID));
    const t = mortonTile(cx, cy);
    tile[i] = t;
    const b = t * 6;
    for (let k = 0; k < 3; k++) {
      const a = s.start[i * 3 + k], e = s.end[i * 3 + k];
      const lo = a < e ? a : e, hi = a < e ? e : a;
      if (lo < tileBounds[b + k]) tileBounds[b + k] = lo;
      if (hi > tileBounds[b + 3 + k]) tileBounds[b + 3 + k] = hi;
    }
  }
  return { tile, tileBounds };
}

/** Level 0: one entry per segment, tile after tile (`order`: segments grouped by tile); no `reps` (levelReps). */
function fullLevel(order: Uint32Array, tileFirst: Uint32Array, texWidth: number): LodLevel {
  const n = order.length;
  const rows = texRows(n, texWidth);
  const refs = new Float32Array(rows * texWidth * 2);
  for (let e = 0; e < n; e++) refs[e * 2] = order[e];
  // Each entry is one segment, its own rep.
  return { count: n, rows, refs, tileStart: tileFirst.slice(), tileError: new Float32Array(LOD_TILES) };
}

/**
 * The reps of level k: its own, or for level 0 the segments grouped by tile, in layer order within
 * a tile (the counting sort buildSegmentLod made them in), made again from `segmentTile`. Yields
 * after every `stepSegments` segments placed (a level-0 copy is 4 bytes a segment, let go by the
 * caller once read).
 */
export function* levelReps(lod: SegmentLod, k: number, stepSegments = Infinity): Generator<void, Uint32Array, void> {
  const level = lod.levels[k];
  if (level.reps) return level.reps;
  const tile = lod.segmentTile;
  const fill = level.tileStart.slice(0, LOD_TILES);
  const order = new Uint32Array(tile.length);
  for (let i = 0; i < tile.length; ) {
    const stop = Math.min(tile.length, i + stepSegments);
    for (; i < stop; i++) order[fill[tile[i]]++] = i;
    if (i < tile.length) yield;
  }
  return order;
}

/**
 * The next level from `below`, tile after tile: a run grows over the next entry of the tile only if
 * it continues the run in the layer (same hole, same fault block) and starts where the run ends or
 * after a gap under a quarter of `target` (a shorter gap is under a pixel wherever the level is
 * drawn); it closes once it is `target` metres long along the hole. Built from the level below,
 * each run is a union of runs below: the levels nest, as a tile tree's levels do.
 */
function coarserLevel(s: LodSource, below: LodLevel, target: number, texWidth: number): LodLevel {
  // At most one entry per entry below: sized for that, trimmed at the end.
  const refs = new Float32Array(texRows(below.count, texWidth) * texWidth * 2);
  const tileStart = new Uint32Array(LOD_TILES + 1);
  const tileError = new Float32Array(LOD_TILES);
  const reps = new Uint32Array(below.count);
  const d = s.depth, hole = s.hole, mask = s.mask, value = s.value, src = below.refs;
  let m = 0;
  for (let t = 0; t < LOD_TILES; t++) {
    tileStart[t] = m;
    let first = -1, last = -1, rep = -1;
    for (let e = below.tileStart[t]; e < below.tileStart[t + 1]; e++) {
      const f = src[e * 2];
      const packed = src[e * 2 + 1];
      const span = Math.floor(packed / LOD_PACK);
      const l = f + span, r = f + (packed - span * LOD_PACK);
      if (
        first >= 0 &&
        f === last + 1 &&
        l - first < LOD_PACK &&
        hole[f * 4 + 3] === hole[first * 4 + 3] &&
        mask[f] === mask[first] &&
        Math.abs(d[f * 2] - d[last * 2 + 1]) <= 0.25 * target &&
        d[last * 2 + 1] - d[first * 2] < target
      ) {
        last = l;
        if (value[r] > value[rep]) rep = r;
        continue;
      }
      if (first >= 0) m = emit(refs, reps, m, first, last, rep, d, tileError, t);
      first = f;
      last = l;
      rep = r;
    }
    if (first >= 0) m = emit(refs, reps, m, first, last, rep, d, tileError, t);
  }
  tileStart[LOD_TILES] = m;
  const rows = texRows(m, texWidth);
  return { count: m, rows, refs: refs.slice(0, rows * texWidth * 2), tileStart, tileError, reps: reps.slice(0, m) };
}

/** Writes entry m (a run first..last standing for rep) and grows its tile's error; returns m + 1. */
function emit(refs: Float32Array, reps: Uint32Array, m: number, first: number, last: number, rep: number, d: Float32Array, tileError: Float32Array, t: number): number {
  refs[m * 2] = first;
  reps[m] = rep;
  refs[m * 2 + 1] = (last - first) * LOD_PACK + (rep - first);
  if (last > first) {
    const len = d[last * 2 + 1] - d[first * 2];
    if (len > tileError[t]) tileError[t] = len;
  }
  return m + 1;
}

/**
 * The hierarchy of a layer: tiles, level 0 and coarser levels while each has at most 80 % of the
 * entries of the one below (at most LOD_MAX_LEVELS). `texWidth`: entries per texture row.
 */
export function buildSegmentLod(s: LodSource, texWidth: number, progress?: (fraction: number) => void): SegmentLod {
  const n = s.count;
  const { tile, tileBounds } = tilesOf(s);
  // The tiles, then each coarser level (each of fewer entries than the last), as shares of the work.
  progress?.(0.2);
  // Segments grouped by tile, in layer order within a tile (a counting sort: stable).
  const tileFirst = new Uint32Array(LOD_TILES + 1);
  for (let i = 0; i < n; i++) tileFirst[tile[i] + 1]++;
  for (let t = 0; t < LOD_TILES; t++) tileFirst[t + 1] += tileFirst[t];
  const fill = tileFirst.slice(0, LOD_TILES);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[tile[i]]++] = i;
  const levels = [fullLevel(order, tileFirst, texWidth)];
  progress?.(0.3);
  const median = medianLength(s);
  for (let k = 1; k <= LOD_MAX_LEVELS; k++) {
    const level = coarserLevel(s, levels[levels.length - 1], levelLength(median, k), texWidth);
    if (level.count > LOD_MIN_GAIN * levels[levels.length - 1].count) break;
    levels.push(level);
    progress?.(0.3 + (0.7 * k) / LOD_MAX_LEVELS);
  }
  return { tileBounds, segmentTile: tile, levels };
}

/** The members of entry e of a level: first, last and rep segment indices. */
export function lodEntry(level: LodLevel, e: number): { first: number; last: number; rep: number } {
  const first = level.refs[e * 2];
  const packed = level.refs[e * 2 + 1];
  const span = Math.floor(packed / LOD_PACK);
  return { first, last: first + span, rep: first + (packed - span * LOD_PACK) };
}

/** The hierarchy's arrays, to move to the page without a copy. */
export function lodTransferables(lod: SegmentLod): ArrayBuffer[] {
  return [lod.tileBounds, lod.segmentTile, ...lod.levels.flatMap((l) => [l.refs, l.tileStart, l.tileError, ...(l.reps ? [l.reps] : [])])].map((a) => a.buffer as ArrayBuffer);
}
