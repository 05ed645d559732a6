/**
 * How many holes, interval rows and intercepts the filters leave in view, from compact typed
 * arrays: per-hole attributes (tested once per hole, not once per segment), a per-hole index of
 * the segment buffers (countIndex.ts: a binary search or two per hole, not a test per segment;
 * the buffers themselves when it cannot be used) and per-intercept points. The count is a step
 * generator (sliced.ts) so the UI can run it in slices off the interaction path; `countInView`
 * runs it to completion. No react/three/zustand.
 *
 * Rules (the renderer's, holeFilter.ts `segmentVisible`, which mirrors the shader):
 * - a hole is in view when any of its trace or interval pieces passes the hole, elevation and depth
 *   filters (the grade does not hide a hole: traces and intervals may each cover only part of it);
 * - an interval row is in view when it has a value ≥ 0 and ≥ the cut-off and any of its pieces
 *   passes the hole, elevation and depth filters;
 * - an intercept is in view when its hole passes, its midpoint's elevation and mid depth are within
 *   the windows, and its (capped) grade is ≥ the cut-off (`interceptsInView` gives the same rule
 *   per intercept, for the intercept table and the labels);
 * - section slab or clip box: a piece (or an intercept) counts only when its midpoint is on the
 *   kept side of every plane, so a hole is in view when any of its pieces is in the slab;
 * - zones: an interval row or intercept of an unticked zone is not counted (zoneCodes.ts); its
 *   hole stays in view (the trace is still drawn there), and rows with no zone always stay.
 * prepare.ts writes each hole's own attributes (status/type code, program, year, index) on every
 * piece of it, so testing them once per hole is the shader's per-piece test.
 */
import { holeAttrsVisible, insidePlanes, type FilterState } from './holeFilter';
import { InterceptFlagger, interceptRange, type InterceptFlags, type InterceptPoints } from './interceptFlags';
import { holeStride, type SegmentBuffer } from './segments';
import { endDepthAt, readEnd } from './segmentEnds';
import { drain } from './sliced';
import { buildCountIndex, countHoles, type CountIndex, type CountWindow } from './countIndex';

export interface ViewCounts {
  holes: number;
  intervals: number;
  intercepts: number;
}

/** Per-hole filter attributes, as prepare.ts writes them on each segment. */
export interface HoleAttrs {
  /** status+type code: planned 1, underground 2 */
  code: Uint8Array;
  /** index in the sorted programme list */
  program: Int32Array;
  /** drilling year, 0 = unknown */
  year: Float64Array;
}

interface HoleLike {
  status: string;
  type: string;
  program: string;
  year?: number | null;
}

export function holeAttrsOf(holes: readonly HoleLike[], programs: readonly string[]): HoleAttrs {
  const index = new Map(programs.map((p, i) => [p, i]));
  const n = holes.length;
  const a: HoleAttrs = { code: new Uint8Array(n), program: new Int32Array(n), year: new Float64Array(n) };
  holes.forEach((h, i) => {
    a.code[i] = (h.status === 'planned' ? 1 : 0) + (h.type === 'underground' ? 2 : 0);
    a.program[i] = index.get(h.program) ?? 0;
    a.year[i] = h.year ?? 0;
  });
  return a;
}

const attrsCache = new WeakMap<readonly HoleLike[], { programs: readonly string[]; attrs: HoleAttrs }>();

/** holeAttrsOf, kept while the hole list and programme list are the same (labels ask on every frame). */
export function holeAttrsFor(holes: readonly HoleLike[], programs: readonly string[]): HoleAttrs {
  const hit = attrsCache.get(holes);
  if (hit && hit.programs === programs) return hit.attrs;
  const attrs = holeAttrsOf(holes, programs);
  attrsCache.set(holes, { programs, attrs });
  return attrs;
}

/** 1 per hole whose attributes pass the hole filters (status, type, programme, year, search). */
export function holesPassing(a: HoleAttrs, f: FilterState): Uint8Array {
  const out = new Uint8Array(a.code.length);
  for (let i = 0; i < out.length; i++) out[i] = holeAttrsVisible(a.code[i], a.program[i], f, a.year[i], i) ? 1 : 0;
  return out;
}

let passCache: { a: HoleAttrs; st: number; prog: number; y0: unknown; y1: unknown; mask: unknown; pass: Uint8Array } | null = null;

/**
 * holesPassing, the same array while the holes and the hole filters are the same (the windows and
 * the grade do not enter it): a filter change asked for it three times (the labels, the intercept
 * flags, the collars), 5 ms each at 100,000 holes. Callers key caches on the array.
 */
export function holesPassingFor(a: HoleAttrs, f: FilterState): Uint8Array {
  const c = passCache;
  if (c && c.a === a && c.st === f.statusTypeMask && c.prog === f.programMask && c.y0 === f.yearMin && c.y1 === f.yearMax && c.mask === (f.holeMask ?? null)) return c.pass;
  const pass = holesPassing(a, f);
  passCache = { a, st: f.statusTypeMask, prog: f.programMask, y0: f.yearMin, y1: f.yearMax, mask: f.holeMask ?? null, pass };
  return pass;
}

export interface CountInput {
  traces: SegmentBuffer;
  intervals: SegmentBuffer;
  holes: HoleAttrs;
  intercepts?: InterceptPoints | null;
  /** per interval row: its zone code (zoneCodes.ts rowZoneCodes); absent: no row has a zone */
  rowZones?: Uint8Array | null;
}

/** Segments (or intercepts) handled between two yields. */
const STEP = 16384;

const maxRow = new WeakMap<SegmentBuffer, number>();

function rowSpan(b: SegmentBuffer): number {
  let m = maxRow.get(b);
  if (m === undefined) {
    m = -1;
    for (let i = 0; i < b.count; i++) if (b.row[i] > m) m = b.row[i];
    maxRow.set(b, m);
  }
  return m + 1;
}

/** The filter values a piece (or intercept) is tested against (windowOf). */
type Window = CountWindow;

/** the end point read last, where a layer's ends are shared */
const endPoint = [0, 0, 0];

/**
 * Pieces lo..hi-1 of `b` that pass the hole, elevation and depth filters (grade aside) mark their
 * hole in `seen`; with `rows`, pieces that also have a value ≥ 0 and ≥ the cut-off mark their row.
 * Returns the number of rows newly marked. A plain loop (not a generator) so it is optimised well.
 */
function markRange(b: SegmentBuffer, lo: number, hi: number, w: Window, seen: Uint8Array, rows: Uint8Array | null): number {
  const { start, end, depth, hole, value, row, shared, rowHoles } = b;
  const { pass, zMin, zMax, dMin, dMax, cut } = w;
  const planes = w.planes ?? null;
  const zoneShown = w.rowZones ? w.zoneShown ?? null : null;
  const rowZones = w.rowZones ?? null;
  const nHoles = pass.length;
  // Four hole entries per piece, the index last, or one (segments.ts compactHoles), or the row's (holesByRow).
  const hs = holeStride(b), ho = hs - 1;
  let marked = 0;
  for (let i = lo; i < hi; i++) {
    const h = (rowHoles ? rowHoles[row[i]] : hole[i * hs + ho]) | 0; // a hole index: an exact integer in float32
    if (h < 0 || h >= nHoles || pass[h] === 0) continue;
    const counts = rows !== null && value[i] >= cut && value[i] >= 0 && rows[row[i]] === 0 && (zoneShown === null || zoneShown[rowZones![row[i]]] !== 0);
    if (seen[h] === 1 && !counts) continue;
    // The end from its own array, or through the shared ends (segmentEnds.ts).
    let ex = 0, ey = 0, ez = 0, d1 = 0;
    if (shared) {
      readEnd(b, i, endPoint);
      ex = endPoint[0]; ey = endPoint[1]; ez = endPoint[2]; d1 = endDepthAt(b, i);
    } else {
      ex = end[i * 3]; ey = end[i * 3 + 1]; ez = end[i * 3 + 2]; d1 = depth[i * 2 + 1];
    }
    const z = 0.5 * (start[i * 3 + 2] + ez);
    if (z < zMin || z > zMax) continue;
    const d = 0.5 * ((shared ? shared.from[i] : depth[i * 2]) + d1);
    if (d < dMin || d > dMax) continue;
    if (planes && !insidePlanes(planes, 0.5 * (start[i * 3] + ex), 0.5 * (start[i * 3 + 1] + ey), z)) continue;
    seen[h] = 1;
    if (counts) {
      rows![row[i]] = 1;
      marked++;
    }
  }
  return marked;
}

/** markRange over the whole buffer, yielding every STEP pieces; returns the rows newly marked. */
function* markPieces(b: SegmentBuffer, w: Window, seen: Uint8Array, rows: Uint8Array | null): Generator<void, number> {
  let marked = 0;
  for (let s = 0; s < b.count; s += STEP) {
    marked += markRange(b, s, Math.min(b.count, s + STEP), w, seen, rows);
    yield;
  }
  return marked;
}

/** Holes counted between two yields with the index (each a binary search or two, or a short scan). */
const HOLE_STEP = 1024;

interface IndexEntry {
  traces: SegmentBuffer;
  nHoles: number;
  /**
   * the build, advanced by whichever count runs next (a cancelled count leaves it part-built);
   * null once done: a finished generator keeps its scope, and with it the build's scratch arrays
   * (about 18 bytes per piece, 180 MB at 10 M pieces)
   */
  build: Generator<void, CountIndex | null> | null;
  index?: CountIndex | null;
}

const indexes = new WeakMap<SegmentBuffer, IndexEntry>();

/** The count index of these buffers (built in steps on first use, then kept), or null when it cannot be used. */
function* indexFor(traces: SegmentBuffer, intervals: SegmentBuffer, nHoles: number): Generator<void, CountIndex | null> {
  let e = indexes.get(intervals);
  if (!e || e.traces !== traces || e.nHoles !== nHoles) {
    e = { traces, nHoles, build: buildCountIndex(traces, intervals, nHoles) };
    indexes.set(intervals, e);
  }
  while (e.index === undefined) {
    const r = e.build!.next();
    if (r.done) {
      e.index = r.value;
      e.build = null;
    } else yield;
  }
  return e.index;
}

/** The filter values pieces and intercepts are tested against, unpacked once per count. */
function windowOf(f: FilterState, pass: Uint8Array, rowZones: Uint8Array | null = null): Window {
  return {
    pass, zMin: f.elevMin, zMax: f.elevMax, dMin: f.depthMin ?? -Infinity, dMax: f.depthMax ?? Infinity, cut: f.gradeCutoff,
    zoneShown: f.zoneShown ?? null, rowZones: f.zoneShown ? rowZones : null, planes: f.planes ?? null,
  };
}

/**
 * 1 per intercept in view, 0 per intercept the filters hide (the rule of `interceptRange`, the one
 * the count uses), in one full pass (state/interceptsInView.ts keeps a flagger per list instead).
 */
export function interceptsInView(p: InterceptPoints, holes: HoleAttrs, f: FilterState): Uint8Array {
  return flagInView(new InterceptFlagger(p), holes, f).flags;
}

/** The flags (and tally) of `flagger`'s intercepts for the filter state `f`. */
export function flagInView(flagger: InterceptFlagger, holes: HoleAttrs, f: FilterState): InterceptFlags {
  return flagger.flag(windowOf(f, holesPassingFor(holes, f)));
}

/** The count index built for these layers: undefined while none is finished, null where they have none (a row in two holes). */
export function builtCountIndex(intervals: SegmentBuffer): CountIndex | null | undefined {
  return indexes.get(intervals)?.index;
}

/**
 * The counts, yielding every few thousand holes (or segments) so a caller can spread them over
 * several tasks. With the count index (built on the first count of a dataset) a count is about a
 * binary search per hole; without it (a row in two holes), every piece is tested.
 */

export function* countInViewSteps(input: CountInput, f: FilterState): Generator<void, ViewCounts> {
  const pass = holesPassingFor(input.holes, f);
  const w = windowOf(f, pass, input.rowZones ?? null);
  const ix = yield* indexFor(input.traces, input.intervals, pass.length);
  let holes = 0, intervals = 0;
  if (ix) {
    for (let h = 0; h < pass.length; h += HOLE_STEP) {
      const c = countHoles(ix, w, h, Math.min(pass.length, h + HOLE_STEP));
      holes += c.holes;
      intervals += c.rows;
      yield;
    }
  } else {
    const seen = new Uint8Array(pass.length);
    yield* markPieces(input.traces, w, seen, null);
    intervals = yield* markPieces(input.intervals, w, seen, new Uint8Array(rowSpan(input.intervals)));
    for (let h = 0; h < seen.length; h++) holes += seen[h];
  }
  let intercepts = 0;
  const p = input.intercepts;
  if (p) {
    for (let i = 0; i < p.hole.length; i += STEP) {
      intercepts += interceptRange(p, w, i, Math.min(p.hole.length, i + STEP), null);
      yield;
    }
  }
  return { holes, intervals, intercepts };
}

/** The counts in one go (tests, exports). */
export function countInView(input: CountInput, f: FilterState): ViewCounts {
  return drain(countInViewSteps(input, f));
}

interface OutlineLike {
  category: 'measured' | 'indicated' | 'inferred';
  zone?: string;
  /** world [e, n, z] vertices, m */
  outline: readonly (readonly number[])[];
}

/**
 * Resource outlines in view: drawn (the layer on, its category ticked, its zone not unticked) and,
 * with a section slab or clip box, with a vertex or an edge midpoint on the kept side of every plane.
 * `origin` is the local origin the planes are in (world m).
 */
export function outlinesInView(
  outlines: readonly OutlineLike[],
  shown: { layer: boolean; categories: Readonly<Record<OutlineLike['category'], boolean>>; zoneVisible: Readonly<Record<string, boolean>> },
  planes: Float64Array | null,
  origin: readonly number[],
): number {
  if (!shown.layer) return 0;
  let n = 0;
  for (const o of outlines) {
    if (!shown.categories[o.category] || (o.zone !== undefined && shown.zoneVisible[o.zone] === false)) continue;
    const pts = o.outline;
    const inside = (x: number, y: number, z: number) => insidePlanes(planes, x - origin[0], y - origin[1], z - origin[2]);
    let any = !planes;
    for (let k = 0; k < pts.length && !any; k++) {
      const a = pts[k], b = pts[(k + 1) % pts.length];
      any = inside(a[0], a[1], a[2]) || inside(0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1]), 0.5 * (a[2] + b[2]));
    }
    if (any) n++;
  }
  return n;
}
