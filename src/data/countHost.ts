/**
 * The in-view counts (domain/viewCounts.ts), answered by the loading worker once it has sent the
 * dataset: the worker keeps copies of the trace and interval pieces and stays alive as the
 * dataset's counter. A grade or elevation filter change then costs the page a message each way
 * instead of a recount (2-15 ms of main-thread slices at a million intervals), and the count
 * index (16 MB at 1.1 M pieces) lives here, not in the page's heap. No react/three/zustand.
 */
import { copySegments, holeIndexAt, type SegmentBuffer } from '../domain/segments';
import type { Prepared } from '../domain/prepare';
import type { FilterState } from '../domain/holeFilter';
import { builtCountIndex, countInView, holeAttrsOf, type HoleAttrs, type ViewCounts } from '../domain/viewCounts';
import { releaseBuildInputs } from '../domain/countIndex';
import type { Model } from './model';

export interface CountSource {
  traces: SegmentBuffer;
  intervals: SegmentBuffer;
  holes: HoleAttrs;
  /** per interval row: its zone code (Prepared.intervalZones; kept here, not transferred) */
  rowZones: Uint8Array | null;
}

/**
 * What the counter reads: copies of the trace and interval layers taken before the dataset is
 * transferred to the page (60 bytes per piece; 28 once the counter keeps them, createCounter); the
 * loading worker passes the copies it also builds the picking indexes from.
 */
export function countSourceOf(
  model: Model,
  prepared: Prepared,
  copies: { traces: SegmentBuffer; intervals: SegmentBuffer } = { traces: copySegments(prepared.traces), intervals: copySegments(prepared.intervals) },
): CountSource {
  return { ...copies, holes: holeAttrsOf(model.holes, prepared.programs), rowZones: prepared.intervalZones ?? null };
}

/**
 * A count request: the filters. The counter counts holes and interval rows; the intercepts in view
 * are counted on the page, from the flags it makes on every filter change for the intercept table
 * and the labels (state/interceptsInView.ts): a copy of the intercepts here was 17.8 MB at
 * 100,000 holes (Session 18). Its answer's `intercepts` is 0.
 */
export interface CountRequest {
  kind: 'count';
  id: number;
  filters: FilterState;
}

export interface CountAnswer {
  type: 'counts';
  id: number;
  counts: ViewCounts | null;
  error?: string;
}

/**
 * What the counter keeps of a layer once the picking index has been built from the same copy
 * (countIndex.ts reads no more): each piece's midpoint, one float32 array standing for both start
 * and end (0.5 × (m + m) gives m back exactly); its mid depth, one per piece; its hole index, one
 * per piece (the hole's other attributes are counted once per hole, from CountSource.holes); its
 * row and value; no fault-block masks. 28 bytes a piece instead of 60: about 320 MB less of the
 * worker at 10,000,000 intervals. Midpoints are rounded to float32 once, as the shader holds them.
 */
export function countedPieces(b: SegmentBuffer): SegmentBuffer {
  const n = b.count;
  const mid = new Float32Array(n * 3);
  for (let i = 0; i < mid.length; i++) mid[i] = 0.5 * (b.start[i] + b.end[i]);
  const depth = new Float32Array(n);
  const hole = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    depth[i] = 0.5 * (b.depth[i * 2] + b.depth[i * 2 + 1]);
    hole[i] = holeIndexAt(b, i);
  }
  return { ...b, start: mid, end: mid, depth, hole, rowHoles: undefined, mask: new Float32Array(0) };
}

function keptForCounting(source: CountSource): CountSource {
  try {
    return { ...source, traces: countedPieces(source.traces), intervals: countedPieces(source.intervals) };
  } catch {
    return source; // a broken source: each count reports the error
  }
}

/** The counter of one dataset (holes and interval rows). */
export function createCounter(full: CountSource): (req: CountRequest) => CountAnswer {
  const source = keptForCounting(full);
  let released = false;
  return (req) => {
    try {
      const counts = countInView({ ...source, intercepts: null }, req.filters);
      // The first count built the index: what only its build read goes (its own copies).
      const ix = released ? null : builtCountIndex(source.intervals);
      if (ix) releaseBuildInputs(ix);
      released ||= ix !== undefined;
      return { type: 'counts', id: req.id, counts };
    } catch (e) {
      return { type: 'counts', id: req.id, counts: null, error: (e as Error).message };
    }
  };
}
