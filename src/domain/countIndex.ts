/**
 * A per-hole index of the trace and interval pieces that makes the in-view counts
 * (viewCounts.ts) cost about one binary search per hole instead of a scan of every piece, so a
 * grade or elevation filter change recounts a million intervals in a few milliseconds. Built once
 * per dataset (in steps, so it can be spread over tasks), exact: it gives the same counts as
 * testing every piece. No react/three/zustand.
 *
 * Per hole it keeps
 * - the ids of all its pieces (traces and intervals) sorted by mid elevation, with the range of
 *   mid elevations and mid depths: a hole wholly inside (or outside) the windows is decided at
 *   once; in one that straddles an elevation limit, the pieces inside the window are one run of
 *   that order, found by two binary searches and scanned for rows at or above the cut-off;
 * - the highest value of each of its rows, in order: in a hole wholly inside the windows the
 *   rows at or above the cut-off are counted by one binary search.
 * Each piece's midpoint, mid depth and row are copied in the index's order, so a count reads them
 * in order: about 23 bytes per piece with the counter's float32 midpoints and the rows in two bytes
 * (narrowPieceRows; the copies and the piece ids are then let go, releaseBuildInputs), 43 with a
 * layer's own (float64 midpoints).
 * Piece ids: 0..traces.count-1 are trace pieces, traces.count + i is interval piece i.
 */
import type { SegmentBuffer } from './segments';
import { endDepthAt, readEnd, startDepthAt } from './segmentEnds';

export interface CountIndex {
  traces: SegmentBuffer;
  intervals: SegmentBuffer;
  nHoles: number;
  /** rows are 0..rowSpan-1 (interval `row` values) */
  rowSpan: number;
  /**
   * hole h's pieces are pieces[pieceStart[h]..pieceStart[h+1]-1], by mid elevation, lowest first;
   * the ids are read while building only (empty once the counter has let go: releaseBuildInputs)
   */
  pieceStart: Int32Array;
  pieces: Int32Array;
  /** per hole: lowest / highest mid elevation and mid depth of its pieces (m, local) */
  zLo: Float64Array;
  zHi: Float64Array;
  dLo: Float64Array;
  dHi: Float64Array;
  /** per hole: lowest / highest mid easting and northing of its pieces (m, local): a section slab or clip box is tested on this box */
  xLo: Float64Array;
  xHi: Float64Array;
  yLo: Float64Array;
  yHi: Float64Array;
  /** 1 when a piece of the hole has no mid elevation or depth (NaN): always scanned */
  scanOnly: Uint8Array;
  /** hole h's rows with a value: the highest value of each, rowMax[rowStart[h]..], lowest first (g/t) */
  rowStart: Int32Array;
  rowMax: Float32Array;
  /**
   * per piece, in the order of `pieces`, read in order (not through the piece ids) when a run of
   * the elevation order is scanned: its value (g/t) for an assayed interval piece with a row, else
   * -1; and 1 in `splitPiece` for one of several pieces of a row (counted once per row).
   */
  countValue: Float32Array;
  splitPiece: Uint8Array;
  /**
   * per piece, in the order of `pieces`: its mid easting, northing, elevation and depth (m, local),
   * and its interval row (-1: a trace piece), so a count reads them in order and not through the
   * layers. Float32 where both layers are the counter's copies (their midpoints are float32
   * already, countHost.ts countedPieces), else float64: the same values as the per-piece test.
   */
  mx: Float32Array | Float64Array;
  my: Float32Array | Float64Array;
  mz: Float32Array | Float64Array;
  md: Float32Array | Float64Array;
  /**
   * Int32: the row itself. Uint16 (narrowPieceRows, where every hole's rows span less than
   * 65,535): the row less its hole's `rowBase`, NO_ROW for -1 (2 bytes a piece less: 23 MB at
   * 11.45 M pieces). Read through pieceRow.
   */
  prow: Int32Array | Uint16Array;
  /** per hole: its lowest row, where `prow` is Uint16 */
  rowBase?: Int32Array;
  /**
   * all 0 between counts: countHoles marks the rows it has counted in a hole, at `prow` of one of
   * their pieces (markAt): one byte per row, or, once `prow` is narrowed (relative to its hole's
   * lowest row), per row of the widest hole (10 MB less at 10,000,000 rows, Session 18)
   */
  mark: Uint8Array;
}

/** A trace piece's row (-1) in a Uint16 `prow`. */
const NO_ROW = 0xffff;

/** The place in `mark` of piece k's row (a piece with a row): its `prow` entry, the row itself or the row less its hole's base. */
function markAt(ix: CountIndex, k: number): number {
  return ix.prow[k];
}

/** The interval row of piece k (elevation order) of hole h, -1 for a trace piece. */
function pieceRow(ix: CountIndex, h: number, k: number): number {
  const r = ix.prow[k];
  if (!ix.rowBase) return r;
  return r === NO_ROW ? -1 : ix.rowBase[h] + r;
}

/**
 * Each piece's row in two bytes, from its hole's lowest row, where every hole's rows span less
 * than 65,535 (else `prow` stays Int32): the same rows through pieceRow.
 */
function* narrowPieceRows(ix: CountIndex): Generator<void> {
  const { pieceStart, nHoles } = ix;
  const wide = ix.prow;
  const base = new Int32Array(nHoles);
  // the most rows between a hole's lowest and highest, both counted
  let span = 0;
  for (let h = 0; h < nHoles; h++) {
    let lo = Infinity, hi = -Infinity;
    for (let k = pieceStart[h]; k < pieceStart[h + 1]; k++) {
      const r = wide[k];
      if (r < 0) continue;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    if (hi - lo >= NO_ROW) return;
    base[h] = lo === Infinity ? 0 : lo;
    if (hi - lo + 1 > span) span = hi - lo + 1;
    if ((h & 1023) === 1023) yield;
  }
  const narrow = new Uint16Array(wide.length);
  for (let h = 0; h < nHoles; h++) {
    for (let k = pieceStart[h]; k < pieceStart[h + 1]; k++) narrow[k] = wide[k] < 0 ? NO_ROW : wide[k] - base[h];
    if ((h & 1023) === 1023) yield;
  }
  ix.prow = narrow;
  ix.rowBase = base;
  ix.mark = new Uint8Array(span);
}

/** Pieces handled between two yields while building. */
const STEP = 32768;

/** Runs f over [0, n) in ranges of STEP, yielding after each. */
function* inChunks(n: number, f: (from: number, to: number) => void): Generator<void> {
  for (let a = 0; a < n; a += STEP) {
    f(a, Math.min(n, a + STEP));
    yield;
  }
}

/** the end point read last (segmentEnds.ts readEnd: a layer's ends may be shared) */
const endPoint = [0, 0, 0];

/** Coordinate k of piece i's end (local m): its own `end` (the counter's copies hold midpoints there) or a shared one. */
function endCoord(b: SegmentBuffer, i: number, k: number): number {
  if (!b.shared) return b.end[i * 3 + k];
  readEnd(b, i, endPoint);
  return endPoint[k];
}

/** Mid elevation (m, local) of piece id: the same float64 sum as the per-piece test. */
function midZ(ix: { traces: SegmentBuffer; intervals: SegmentBuffer }, id: number): number {
  const nT = ix.traces.count;
  const b = id < nT ? ix.traces : ix.intervals;
  const i = id < nT ? id : id - nT;
  return 0.5 * (b.start[i * 3 + 2] + endCoord(b, i, 2));
}

function midX(ix: { traces: SegmentBuffer; intervals: SegmentBuffer }, id: number): number {
  const nT = ix.traces.count;
  const b = id < nT ? ix.traces : ix.intervals;
  const i = id < nT ? id : id - nT;
  return 0.5 * (b.start[i * 3] + endCoord(b, i, 0));
}

function midY(ix: { traces: SegmentBuffer; intervals: SegmentBuffer }, id: number): number {
  const nT = ix.traces.count;
  const b = id < nT ? ix.traces : ix.intervals;
  const i = id < nT ? id : id - nT;
  return 0.5 * (b.start[i * 3 + 1] + endCoord(b, i, 1));
}

function midD(ix: { traces: SegmentBuffer; intervals: SegmentBuffer }, id: number): number {
  const nT = ix.traces.count;
  const b = id < nT ? ix.traces : ix.intervals;
  const i = id < nT ? id : id - nT;
  // The counter's compact copy (one mid depth per piece, countHost.ts countedPieces) or a layer's.
  return !b.shared && b.depth.length === b.count ? b.depth[i] : 0.5 * (startDepthAt(b, i) + endDepthAt(b, i));
}

/** The hole index of piece i of `b`, or -1 when it is not a hole of the data. */
function holeOf(b: SegmentBuffer, i: number, nHoles: number): number {
  // A hole index, an exact integer in float32: one per piece in the counter's compact copy
  // (countHost.ts countedPieces), the row's (segments.ts holesByRow), else the fourth of the piece's
  // four hole attributes.
  const h = (b.rowHoles ? b.rowHoles[b.row[i]] : b.hole.length === b.count ? b.hole[i] : b.hole[i * 4 + 3]) | 0;
  return h >= 0 && h < nHoles ? h : -1;
}

/**
 * Sort ids[lo..hi) by key, lowest first (keys indexed like ids). A hole's pieces come in depth
 * order, traces then intervals, so reversed they are nearly in elevation order for a hole drilled
 * downward: an insertion sort does that in about one pass. Past a few moves per piece (a hole
 * that wanders up and down) it leaves the rest to a comparator sort.
 */
function sortByKey(ids: Int32Array, keys: Float64Array, lo: number, hi: number): void {
  if (hi - lo < 2) return;
  if (keys[lo] > keys[hi - 1]) {
    ids.subarray(lo, hi).reverse();
    keys.subarray(lo, hi).reverse();
  }
  let budget = 8 * (hi - lo);
  for (let k = lo + 1; k < hi; k++) {
    const key = keys[k], id = ids[k];
    let j = k - 1;
    while (j >= lo && keys[j] > key) {
      keys[j + 1] = keys[j];
      ids[j + 1] = ids[j];
      j--;
      budget--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
    if (budget < 0) {
      const order = Array.from({ length: hi - lo }, (_, n) => lo + n).sort((a, b) => keys[a] - keys[b]);
      const idCopy = order.map((n) => ids[n]);
      const keyCopy = order.map((n) => keys[n]);
      ids.set(idCopy, lo);
      keys.set(keyCopy, lo);
      return;
    }
  }
}

/**
 * Build the index in steps. Returns null when a row has pieces in two holes (not something
 * prepare.ts writes): the counts then test every piece.
 */
export function* buildCountIndex(traces: SegmentBuffer, intervals: SegmentBuffer, nHoles: number): Generator<void, CountIndex | null> {
  const nT = traces.count, nI = intervals.count;
  // Every pass over the million pieces runs in chunks of STEP with a yield between them (the loops
  // themselves are plain functions: a loop inside a generator is not optimised), so no slice of
  // the build is a long task.
  let rowSpan = 0;
  yield* inChunks(nI, (a, b) => { for (let i = a; i < b; i++) if (intervals.row[i] >= rowSpan) rowSpan = intervals.row[i] + 1; });
  // Pieces per hole, then their ids in buffer order (depth order within a hole).
  const pieceStart = new Int32Array(nHoles + 1);
  yield* inChunks(nT, (a, b) => { for (let i = a; i < b; i++) { const h = holeOf(traces, i, nHoles); if (h >= 0) pieceStart[h + 1]++; } });
  yield* inChunks(nI, (a, b) => { for (let i = a; i < b; i++) { const h = holeOf(intervals, i, nHoles); if (h >= 0) pieceStart[h + 1]++; } });
  for (let h = 0; h < nHoles; h++) pieceStart[h + 1] += pieceStart[h];
  const pieces = new Int32Array(pieceStart[nHoles]);
  const fill = pieceStart.slice(0, nHoles);
  yield* inChunks(nT, (a, b) => { for (let i = a; i < b; i++) { const h = holeOf(traces, i, nHoles); if (h >= 0) pieces[fill[h]++] = i; } });
  // Per row with a value: its hole (-1: none), to check that rows do not span holes; its number
  // of pieces (up to 2); its highest value (g/t; -1: none). The counts need value ≥ 0 (NaN is not).
  const rowHole = new Int32Array(rowSpan).fill(-1);
  const rowPieces = new Uint8Array(rowSpan);
  const rowBest = new Float32Array(rowSpan).fill(-1);
  const rowStart = new Int32Array(nHoles + 1);
  let spansHoles = false;
  yield* inChunks(nI, (a, b) => {
    for (let i = a; i < b && !spansHoles; i++) {
      const h = holeOf(intervals, i, nHoles);
      if (h < 0) continue;
      pieces[fill[h]++] = nT + i;
      const r = intervals.row[i], v = intervals.value[i];
      if (!(v >= 0) || r < 0) continue;
      if (rowHole[r] === -1) rowStart[h + 1]++;
      else if (rowHole[r] !== h) spansHoles = true;
      rowHole[r] = h;
      rowPieces[r] = Math.min(2, rowPieces[r] + 1);
      if (v > rowBest[r]) rowBest[r] = v;
    }
  });
  if (spansHoles) return null;
  // Per hole: its rows' highest values, lowest first (a native sort of each hole's run).
  for (let h = 0; h < nHoles; h++) rowStart[h + 1] += rowStart[h];
  const rowMax = new Float32Array(rowStart[nHoles]);
  const fillR = rowStart.slice(0, nHoles);
  yield* inChunks(rowSpan, (a, b) => { for (let r = a; r < b; r++) if (rowHole[r] >= 0) rowMax[fillR[rowHole[r]]++] = rowBest[r]; });
  for (let h = 0; h < nHoles; h++) rowMax.subarray(rowStart[h], rowStart[h + 1]).sort();
  yield;
  // The counter's copies hold float32 midpoints (start and end one array) and mid depths: float32 keeps them exactly.
  const compact = traces.start === traces.end && intervals.start === intervals.end && traces.depth.length === traces.count && intervals.depth.length === intervals.count;
  const mids = (n: number) => (compact ? new Float32Array(n) : new Float64Array(n));
  const ix: CountIndex = {
    traces, intervals, nHoles, rowSpan, pieceStart, pieces,
    zLo: new Float64Array(nHoles), zHi: new Float64Array(nHoles), dLo: new Float64Array(nHoles), dHi: new Float64Array(nHoles),
    xLo: new Float64Array(nHoles), xHi: new Float64Array(nHoles), yLo: new Float64Array(nHoles), yHi: new Float64Array(nHoles),
    scanOnly: new Uint8Array(nHoles), rowStart, rowMax, countValue: new Float32Array(pieces.length), splitPiece: new Uint8Array(pieces.length), mark: new Uint8Array(rowSpan),
    mx: mids(pieces.length), my: mids(pieces.length), mz: mids(pieces.length), md: mids(pieces.length), prow: new Int32Array(pieces.length),
  };
  // Per hole: pieces by mid elevation, the ranges, and what each piece counts for.
  const zKey = new Float64Array(pieces.length);
  const indexHole = (h: number) => {
    const lo = pieceStart[h], hi = pieceStart[h + 1];
    let zl = Infinity, zh = -Infinity, dl = Infinity, dh = -Infinity, nan = 0;
    let xl = Infinity, xh = -Infinity, yl = Infinity, yh = -Infinity;
    for (let k = lo; k < hi; k++) {
      const z = midZ(ix, pieces[k]), d = midD(ix, pieces[k]);
      const x = midX(ix, pieces[k]), y = midY(ix, pieces[k]);
      zKey[k] = z;
      if (Number.isNaN(z) || Number.isNaN(d) || Number.isNaN(x) || Number.isNaN(y)) nan = 1;
      if (x < xl) xl = x;
      if (x > xh) xh = x;
      if (y < yl) yl = y;
      if (y > yh) yh = y;
      if (z < zl) zl = z;
      if (z > zh) zh = z;
      if (d < dl) dl = d;
      if (d > dh) dh = d;
    }
    ix.zLo[h] = zl; ix.zHi[h] = zh; ix.dLo[h] = dl; ix.dHi[h] = dh; ix.scanOnly[h] = nan;
    ix.xLo[h] = xl; ix.xHi[h] = xh; ix.yLo[h] = yl; ix.yHi[h] = yh;
    if (!nan) sortByKey(pieces, zKey, lo, hi);
    for (let k = lo; k < hi; k++) {
      const i = pieces[k] - nT;
      const v = intervals.value[i], r = intervals.row[i];
      const counts = i >= 0 && v >= 0 && r >= 0;
      ix.countValue[k] = counts ? v : -1;
      ix.splitPiece[k] = counts && rowPieces[r] > 1 ? 1 : 0;
      const id = pieces[k];
      ix.mx[k] = midX(ix, id); ix.my[k] = midY(ix, id); ix.mz[k] = midZ(ix, id); ix.md[k] = midD(ix, id);
      ix.prow[k] = i >= 0 ? r : -1;
    }
  };
  // Holes in runs of about STEP pieces, the work of each in the plain function above.
  for (let h = 0; h < nHoles; ) {
    const end = pieceStart[h] + STEP;
    while (h < nHoles && pieceStart[h] < end) indexHole(h++);
    yield;
  }
  yield* narrowPieceRows(ix);
  return ix;
}

/**
 * Once built, the index reads nothing of its layers: it holds each piece's midpoint, mid depth,
 * row and value in its own order. The layers' arrays and the piece ids are let go: 23 bytes a
 * piece in the counter instead of 29 with the copies it was built from (about 40 MB less at
 * 10,000,000 intervals). Only for layers the caller owns (the counter's copies): the page's
 * layers are drawn and picked from.
 */
export function releaseBuildInputs(ix: CountIndex): void {
  for (const b of [ix.traces, ix.intervals]) {
    b.start = b.end = b.value = b.depth = new Float32Array(0);
    b.hole = new Float32Array(0);
    b.row = new Int32Array(0);
  }
  ix.pieces = new Int32Array(0);
}

/** The windows and cut-off of a count; NaN limits exclude nothing (as in the per-piece test). */
export interface CountWindow {
  /** 1 per hole that passes the hole filters */
  pass: Uint8Array;
  /** mid elevation window, m, local */
  zMin: number;
  zMax: number;
  /** mid depth window, m along the hole */
  dMin: number;
  dMax: number;
  /** grade cut-off, g/t */
  cut: number;
  /** per zone code, 1 shown (zoneCodes.ts); null or absent: no zone hidden */
  zoneShown?: Uint8Array | null;
  /** per interval row: its zone code (read with zoneShown) */
  rowZones?: Uint8Array | null;
  /** section slab or clip box, [nx, ny, nz, c] per plane, local m (holeFilter.ts FilterState.planes); null: none */
  planes?: Float64Array | null;
}

/** Number of entries ≥ c in a[lo..hi), which is sorted lowest first. */
function countAtLeast(a: Float32Array, lo: number, hi: number, c: number): number {
  let l = lo, r = hi;
  while (l < r) {
    const m = (l + r) >>> 1;
    if (a[m] >= c) r = m;
    else l = m + 1;
  }
  return hi - l;
}

/**
 * Rows at or above the cut-off c among pieces lo..hi-1 of the elevation order, all inside the
 * windows: each single-piece row by its value, each split row once (marked, then unmarked).
 * Kept apart from countHoles so each path is compiled on its own.
 */
function runRows(ix: CountIndex, lo: number, hi: number, c: number): number {
  const { countValue, splitPiece, mark } = ix;
  let rows = 0, split = false;
  for (let k = lo; k < hi; k++) {
    if (!(countValue[k] >= c)) continue;
    if (splitPiece[k] === 0) rows++;
    else {
      split = true;
      const r = markAt(ix, k);
      if (mark[r] === 0) { mark[r] = 1; rows++; }
    }
  }
  if (split) for (let k = lo; k < hi; k++) if (splitPiece[k] === 1) mark[markAt(ix, k)] = 0;
  return rows;
}

/**
 * A hole's pieces lo..hi-1 tested one by one against both windows: -1 when none is inside, else
 * the rows at or above the cut-off c with a piece inside.
 */
function scanPieces(ix: CountIndex, lo: number, hi: number, zMin: number, zMax: number, dMin: number, dMax: number, c: number): number {
  const { mz, md, mark, countValue, splitPiece } = ix;
  let seen = false, marked = false, rows = 0;
  for (let k = lo; k < hi; k++) {
    const counts = countValue[k] >= c;
    // Once the hole is in view, only pieces that may count a row need the windows.
    if (seen && !counts) continue;
    const z = mz[k], d = md[k];
    if (z < zMin || z > zMax || d < dMin || d > dMax) continue;
    seen = true;
    if (!counts) continue;
    if (splitPiece[k] === 0) rows++;
    else {
      const r = markAt(ix, k);
      if (mark[r] === 0) { mark[r] = 1; rows++; marked = true; }
    }
  }
  if (marked) for (let k = lo; k < hi; k++) if (splitPiece[k] === 1) mark[markAt(ix, k)] = 0;
  return seen ? rows : -1;
}

/** First position in pieces[lo..hi) (elevation order) whose mid elevation is ≥ z (> z when `after`). */
function lowerBound(ix: CountIndex, lo: number, hi: number, z: number, after: boolean): number {
  let l = lo, r = hi;
  while (l < r) {
    const m = (l + r) >>> 1;
    const zm = ix.mz[m];
    if (zm < z || (after && zm === z)) l = m + 1;
    else r = m;
  }
  return l;
}

/**
 * Counts for holes lo..hi-1: holes in view (any piece inside the windows) and interval rows in
 * view (a piece with value ≥ 0 and ≥ the cut-off inside the windows).
 * - a hole wholly inside both windows: in view, its rows by a binary search of its row maxima;
 * - wholly inside the depth window only: its pieces inside the elevation window are one run of
 *   the elevation order (two binary searches), scanned for rows at or above the cut-off;
 * - straddling the depth window (or with a NaN mid): its pieces tested one by one.
 */
export function countHoles(ix: CountIndex, w: CountWindow, lo: number, hi: number): { holes: number; rows: number } {
  if (w.planes || (w.zoneShown && w.rowZones)) return countHolesFiltered(ix, w, lo, hi);
  const zMin = Number.isNaN(w.zMin) ? -Infinity : w.zMin, zMax = Number.isNaN(w.zMax) ? Infinity : w.zMax;
  const dMin = Number.isNaN(w.dMin) ? -Infinity : w.dMin, dMax = Number.isNaN(w.dMax) ? Infinity : w.dMax;
  // value ≥ cut and value ≥ 0; a NaN cut-off keeps nothing.
  const c = Number.isNaN(w.cut) ? NaN : Math.max(w.cut, 0);
  const { pieceStart, rowStart, rowMax, zLo, zHi, dLo, dHi, scanOnly } = ix;
  const pass = w.pass;
  let holes = 0, rows = 0;
  for (let h = lo; h < hi; h++) {
    const p0 = pieceStart[h], p1 = pieceStart[h + 1];
    if (pass[h] === 0 || p0 === p1) continue;
    const scan = scanOnly[h] === 1;
    if (!scan && (zHi[h] < zMin || zLo[h] > zMax || dHi[h] < dMin || dLo[h] > dMax)) continue;
    const dIn = !scan && dLo[h] >= dMin && dHi[h] <= dMax;
    if (dIn && zLo[h] >= zMin && zHi[h] <= zMax) {
      holes++;
      rows += countAtLeast(rowMax, rowStart[h], rowStart[h + 1], c);
      continue;
    }
    if (dIn) {
      // The run of pieces with zMin ≤ mid z ≤ zMax.
      const l = lowerBound(ix, p0, p1, zMin, false);
      const r = lowerBound(ix, l, p1, zMax, true);
      if (l === r) continue;
      holes++;
      rows += runRows(ix, l, r, c);
      continue;
    }
    // Straddling the depth window (or a NaN mid): each piece tested.
    const seen = scanPieces(ix, p0, p1, zMin, zMax, dMin, dMax, c);
    if (seen >= 0) { holes++; rows += seen; }
  }
  return { holes, rows };
}

/** Per hole: a bit (code mod 32) for each zone its interval rows belong to; cached per index and row codes. */
const zoneBitsCache = new WeakMap<CountIndex, { rowZones: Uint8Array; bits: Int32Array }>();

function holeZoneBits(ix: CountIndex, rowZones: Uint8Array): Int32Array {
  const hit = zoneBitsCache.get(ix);
  if (hit && hit.rowZones === rowZones) return hit.bits;
  const bits = new Int32Array(ix.nHoles);
  // Each hole's pieces from the index (the layers' arrays may be released: releaseBuildInputs).
  for (let h = 0; h < ix.nHoles; h++) {
    for (let k = ix.pieceStart[h]; k < ix.pieceStart[h + 1]; k++) {
      const r = pieceRow(ix, h, k);
      if (r < 0) continue;
      const code = r < rowZones.length ? rowZones[r] : 0;
      if (code > 0) bits[h] |= 1 << (code & 31);
    }
  }
  zoneBitsCache.set(ix, { rowZones, bits });
  return bits;
}

/**
 * Where hole h's box of piece midpoints lies against the planes: -1 wholly outside one of them,
 * 0 wholly inside all, 1 across one (its pieces must be tested).
 */
function boxSide(ix: CountIndex, h: number, planes: Float64Array): number {
  const lo0 = ix.xLo[h], lo1 = ix.yLo[h], lo2 = ix.zLo[h], hi0 = ix.xHi[h], hi1 = ix.yHi[h], hi2 = ix.zHi[h];
  let side = 0;
  for (let k = 0; k < planes.length; k += 4) {
    const nx = planes[k], ny = planes[k + 1], nz = planes[k + 2], c = planes[k + 3];
    const min = c + (nx > 0 ? nx * lo0 : nx * hi0) + (ny > 0 ? ny * lo1 : ny * hi1) + (nz > 0 ? nz * lo2 : nz * hi2);
    const max = c + (nx > 0 ? nx * hi0 : nx * lo0) + (ny > 0 ? ny * hi1 : ny * lo1) + (nz > 0 ? nz * hi2 : nz * lo2);
    if (max < 0) return -1;
    if (min < 0) side = 1;
  }
  return side;
}

/**
 * scanPieces with the section planes (a piece is kept when its midpoint is on the kept side of
 * every plane) and the zone filter (a row of a hidden zone is not counted; its piece still keeps
 * the hole in view, drawn as the trace).
 */
function scanFiltered(ix: CountIndex, h: number, lo: number, hi: number, w: CountWindow, zMin: number, zMax: number, dMin: number, dMax: number, c: number): number {
  const { mx, my, mz, md, mark, countValue, splitPiece } = ix;
  const planes = w.planes ?? null;
  const zoneShown = w.rowZones ? w.zoneShown ?? null : null;
  const rowZones = w.rowZones ?? null;
  let seen = false, marked = false, rows = 0;
  for (let k = lo; k < hi; k++) {
    const counts = countValue[k] >= c;
    if (seen && !counts) continue;
    const z = mz[k], d = md[k];
    if (z < zMin || z > zMax || d < dMin || d > dMax) continue;
    if (planes) {
      const x = mx[k], y = my[k];
      let out = false;
      for (let p = 0; p < planes.length; p += 4) if (planes[p] * x + planes[p + 1] * y + planes[p + 2] * z + planes[p + 3] < 0) { out = true; break; }
      if (out) continue;
    }
    seen = true;
    if (!counts) continue;
    const r = pieceRow(ix, h, k);
    if (zoneShown && rowZones && zoneShown[rowZones[r]] === 0) continue;
    if (splitPiece[k] === 0) rows++;
    else if (mark[markAt(ix, k)] === 0) { mark[markAt(ix, k)] = 1; rows++; marked = true; }
  }
  if (marked) for (let k = lo; k < hi; k++) if (splitPiece[k] === 1) mark[markAt(ix, k)] = 0;
  return seen ? rows : -1;
}

/**
 * countHoles with a section or hidden zones: a hole whose box is wholly outside the section is
 * skipped, one wholly inside and without rows in a hidden zone is counted as without them, and the
 * rest have their pieces tested one by one (only holes the slab edges cross, or that cross a hidden
 * zone, cost a scan).
 */
function countHolesFiltered(ix: CountIndex, w: CountWindow, lo: number, hi: number): { holes: number; rows: number } {
  const zMin = Number.isNaN(w.zMin) ? -Infinity : w.zMin, zMax = Number.isNaN(w.zMax) ? Infinity : w.zMax;
  const dMin = Number.isNaN(w.dMin) ? -Infinity : w.dMin, dMax = Number.isNaN(w.dMax) ? Infinity : w.dMax;
  const c = Number.isNaN(w.cut) ? NaN : Math.max(w.cut, 0);
  let hiddenBits = 0;
  if (w.zoneShown && w.rowZones) for (let code = 1; code < w.zoneShown.length; code++) if (w.zoneShown[code] === 0) hiddenBits |= 1 << (code & 31);
  const bits = hiddenBits !== 0 ? holeZoneBits(ix, w.rowZones!) : null;
  const plain: CountWindow = { pass: w.pass, zMin: w.zMin, zMax: w.zMax, dMin: w.dMin, dMax: w.dMax, cut: w.cut };
  let holes = 0, rows = 0;
  for (let h = lo; h < hi; h++) {
    const p0 = ix.pieceStart[h], p1 = ix.pieceStart[h + 1];
    if (w.pass[h] === 0 || p0 === p1) continue;
    let side = ix.scanOnly[h] === 1 ? 1 : 0;
    if (w.planes && side === 0) side = boxSide(ix, h, w.planes);
    if (side < 0) continue;
    if (bits && (bits[h] & hiddenBits) !== 0) side = 1;
    if (side === 0) {
      const r = countHoles(ix, plain, h, h + 1);
      holes += r.holes;
      rows += r.rows;
      continue;
    }
    const seen = scanFiltered(ix, h, p0, p1, w, zMin, zMax, dMin, dMax, c);
    if (seen >= 0) { holes++; rows += seen; }
  }
  return { holes, rows };
}
