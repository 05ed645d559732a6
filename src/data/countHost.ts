/**
 * The in-view counts (domain/viewCounts.ts), answered by the loading worker once it has sent the
 * dataset: the worker keeps copies of the trace and interval pieces and stays alive as the
 * dataset's counter. A grade or elevation filter change then costs the page a message each way
 * instead of a recount (2-15 ms of main-thread slices at a million intervals), and the count
 * index (16 MB at 1.1 M pieces) lives here, not in the page's heap. No react/three/zustand.
 */
import { copySegments, type SegmentBuffer } from '../domain/segments';
import type { Prepared } from '../domain/prepare';
import type { FilterState } from '../domain/holeFilter';
import { countInView, holeAttrsOf, type HoleAttrs, type InterceptPoints, type ViewCounts } from '../domain/viewCounts';
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
 * transferred to the page (about 64 bytes per piece); the loading worker passes the copies it
 * also builds the picking indexes from.
 */
export function countSourceOf(
  model: Model,
  prepared: Prepared,
  copies: { traces: SegmentBuffer; intervals: SegmentBuffer } = { traces: copySegments(prepared.traces), intervals: copySegments(prepared.intervals) },
): CountSource {
  return { ...copies, holes: holeAttrsOf(model.holes, prepared.programs), rowZones: prepared.intervalZones ?? null };
}

/** A count request: the filters, and the intercept midpoints when they changed since the last one. */
export interface CountRequest {
  kind: 'count';
  id: number;
  filters: FilterState;
  /** undefined: the same as the previous request's */
  intercepts?: InterceptPoints | null;
}

export interface CountAnswer {
  type: 'counts';
  id: number;
  counts: ViewCounts | null;
  error?: string;
}

/** The counter of one dataset: keeps the last intercept points between requests. */
export function createCounter(source: CountSource): (req: CountRequest) => CountAnswer {
  let intercepts: InterceptPoints | null = null;
  return (req) => {
    if (req.intercepts !== undefined) intercepts = req.intercepts;
    try {
      return { type: 'counts', id: req.id, counts: countInView({ ...source, intercepts }, req.filters) };
    } catch (e) {
      return { type: 'counts', id: req.id, counts: null, error: (e as Error).message };
    }
  };
}
