/**
 * The emphasised-grades draw of a layer drawn by levels of detail: the intervals at or above the
 * intercept cut-off drawn again over the surfaces. Without levels it is a full-detail subset of the
 * pieces (1.25 M triangles at 10 M intervals); here it is, per level, the subset of that level's
 * entries whose rep (the run's highest grade) is at or above the floor, so it draws the same
 * levels, tile for tile, as the main draw: a merged run stands for its members exactly as there.
 *
 * One index buffer holds every level's subset, level after level, each tile after tile in the
 * level's own order (entry e is vertices 4e..4e+3 of that level's material, as in the main draw),
 * so a run of tiles at one level is one contiguous range here too. The floor is fixed per layer
 * (the shader narrows further by the filters' cut-off): a filter change uploads nothing.
 *
 * Order: this draw has no depth test, so where emphasised ribbons overlap on screen the one drawn
 * last is seen. Tile after tile (layer order within a tile) is the only order contiguous ranges
 * allow; it is the same at every level, so a change of level does not reorder (no popping). The
 * same layer drawn without levels (`?lod=off`) uses it too, so the two pictures differ only by
 * the levels (docs/performance.md, Session 13).
 */
import { levelReps, LOD_TILES, type SegmentLod } from './segmentLod';
import type { LodRange } from './segmentLodChoice';
import { quadIndex } from './segmentPack';
import { drain } from './sliced';

export interface LodOverlay {
  /** two triangles per kept entry, level after level */
  index: Uint32Array;
  /** per level: first kept entry of each tile, counted from the start of `index` (LOD_TILES + 1 values) */
  tileStart: Uint32Array[];
}

/**
 * Entries looked at in one step of `lodOverlaySteps`. At ten million intervals the levels hold
 * 16.7 M entries, visited twice: built at once, 0.3 s of the main thread in the layer's render,
 * again at each change of the intercept cut-off. A step of 2^20 entries is 10-30 ms (more while
 * the machine is busy).
 */
export const OVERLAY_STEP_ENTRIES = 1 << 20;

/** Per level, the entries whose rep's value (`value`: per segment) is at least `floor`. */
export function buildLodOverlay(lod: SegmentLod, value: ArrayLike<number>, floor: number): LodOverlay {
  return drain(lodOverlaySteps(lod, value, floor, Infinity));
}

/**
 * `buildLodOverlay` in steps: yields after every `stepEntries` entries looked at (a warm-up job,
 * scene/lodOverlayJob.ts, runs each step as a main-thread task of its own).
 */
export function* lodOverlaySteps(lod: SegmentLod, value: ArrayLike<number>, floor: number, stepEntries = OVERLAY_STEP_ENTRIES): Generator<void, LodOverlay, void> {
  const tileStart: Uint32Array[] = [];
  // Each level's reps; level 0's made again for this build, in steps too, and let go after it.
  const repsOf: Uint32Array[] = [];
  for (let li = 0; li < lod.levels.length; li++) repsOf.push(yield* levelReps(lod, li, stepEntries));
  let kept = 0;
  let budget = stepEntries;
  for (const [li, level] of lod.levels.entries()) {
    const starts = new Uint32Array(LOD_TILES + 1);
    const reps = repsOf[li];
    for (let t = 0; t < LOD_TILES; t++) {
      starts[t] = kept;
      // A tile's entries in runs of at most the step's remaining budget.
      for (let e = level.tileStart[t], end = level.tileStart[t + 1]; e < end; ) {
        const stop = Math.min(end, e + budget);
        budget -= stop - e;
        for (; e < stop; e++) if (value[reps[e]] >= floor) kept++;
        if (budget === 0) {
          budget = stepEntries;
          yield;
        }
      }
    }
    starts[LOD_TILES] = kept;
    tileStart.push(starts);
  }
  // Two passes over the entries (count, then fill): at 10 M intervals they are 16.7 M.
  const index = new Uint32Array(kept * 6);
  let k = 0;
  for (const [li, level] of lod.levels.entries()) {
    const reps = repsOf[li];
    for (let e = 0; e < level.count; ) {
      const stop = Math.min(level.count, e + budget);
      budget -= stop - e;
      for (; e < stop; e++) {
        if (!(value[reps[e]] >= floor)) continue;
        const v = 4 * e;
        index[k++] = v; index[k++] = v + 1; index[k++] = v + 2;
        index[k++] = v + 2; index[k++] = v + 1; index[k++] = v + 3;
      }
      if (budget === 0) {
        budget = stepEntries;
        yield;
      }
    }
  }
  return { index, tileStart };
}

/** The emphasised-grades draws for the main draw's `ranges` (same levels, same tiles), in kept entries. */
export function overlayRanges(overlay: LodOverlay, ranges: readonly LodRange[]): LodRange[] {
  return ranges
    .map((r) => {
      const s = overlay.tileStart[r.level];
      return { level: r.level, start: s[r.from], count: s[r.to + 1] - s[r.from], from: r.from, to: r.to };
    })
    .filter((r) => r.count > 0);
}

/**
 * The same draw for the layer drawn without levels (`?lod=off`): the segments at or above `floor`
 * in the same tile order, as a quad index of the layer's own segments (vertex 4i: segment i).
 */
export function fullDetailOverlayIndex(lod: SegmentLod, value: ArrayLike<number>, floor: number): Uint32Array {
  const order = drain(levelReps(lod, 0));
  const keptSegments = quadIndex(order.length, (e) => value[order[e]] >= floor);
  // Entry e of level 0 is segment order[e]: renumber its four vertices.
  for (let k = 0; k < keptSegments.length; k++) {
    const v = keptSegments[k];
    keptSegments[k] = 4 * order[v >> 2] + (v & 3);
  }
  return keptSegments;
}
