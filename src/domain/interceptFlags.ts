/**
 * Which intercepts the view filters leave in view, one flag per intercept, remade on every filter
 * change (the intercept table, its summary and count, the 3D labels; viewCounts.ts has the rule's
 * place among the counts). At 100,000 holes × 100 intervals there are 405,642 intercepts, so:
 * - the points are the intercept columns' own arrays (hole, world midpoint, from, to, grade), with
 *   the local origin taken off as they are tested: the same subtraction, so the same numbers, as a
 *   copy in local metres, without the 14.5 MB such a copy took (Session 18);
 * - the summary's tally (interceptTally.ts) is added up block by block as the flags are made;
 * - a change of the grade cut-off alone tests the grade again against the flags of the other
 *   filters, kept from the last full pass (a grade slider is dragged far more than the others);
 *   a change of the elevation window (and the cut-off) tests the window and the grade again
 *   against the flags of the rest (the depth window, hole filters, zones and section).
 * No react/three/zustand.
 */
import type { CountWindow } from './countIndex';
import { insidePlanes } from './holeFilter';
import { InterceptRows } from './interceptRows';
import { listScratch, newTally, tallyRows, type Tally, type TallyColumns } from './interceptTally';
import { zoneCodeMap } from './zoneCodes';

/** What the rule of an intercept in view reads of each intercept. */
export interface InterceptPoints {
  /** index into Model.holes */
  hole: Int32Array;
  /** world midpoint, m, 3 a row */
  mid: Float64Array;
  /** the local origin (world m) the filters' windows and planes are in, taken off each midpoint as it is tested */
  origin: readonly [number, number, number];
  /** zone code of the intercept's zoneId (zoneCodes.ts), 0 none */
  zone: Uint8Array;
  /** m along the hole: the mid depth is (from + to) / 2 */
  from: Float64Array;
  to: Float64Array;
  /** capped grade */
  grade: Float64Array;
}

interface InterceptLike {
  holeIndex: number;
  from: number;
  to: number;
  grade: number;
  midpoint: readonly number[];
  zoneId?: string | null;
}

/**
 * `origin`: the local origin (world m), or its elevation alone (x and y then stay world);
 * `zones`: the model's zones, whose order gives the zone codes. From InterceptRows, every array
 * but the zone codes is the rows' own.
 */
export function interceptPoints(rows: InterceptRows | readonly InterceptLike[], origin: number | readonly number[], zones: readonly { id: string }[] = []): InterceptPoints {
  const n = rows.length;
  const o: [number, number, number] = typeof origin === 'number' ? [0, 0, origin] : [origin[0], origin[1], origin[2]];
  const codes = zoneCodeMap(zones);
  const zone = new Uint8Array(n);
  if (rows instanceof InterceptRows) {
    const zoneCode = rows.zoneIds.map((z) => codes.get(z) ?? 0);
    const z = rows.extras.zone;
    for (let i = 0; i < n; i++) zone[i] = z[i] < 0 ? 0 : zoneCode[z[i]];
    const m = rows.main;
    return { hole: rows.extras.hole, mid: m.midpoint, origin: o, zone, from: m.from, to: m.to, grade: m.grade };
  }
  const p: InterceptPoints = { hole: new Int32Array(n), mid: new Float64Array(3 * n), origin: o, zone, from: new Float64Array(n), to: new Float64Array(n), grade: new Float64Array(n) };
  rows.forEach((r, i) => {
    p.hole[i] = r.holeIndex;
    p.mid.set([r.midpoint[0], r.midpoint[1], r.midpoint[2]], 3 * i);
    zone[i] = r.zoneId ? codes.get(r.zoneId) ?? 0 : 0;
    p.from[i] = r.from;
    p.to[i] = r.to;
    p.grade[i] = r.grade;
  });
  return p;
}

/**
 * The one rule for an intercept in view (the count, the intercept table, its summary and CSV, and
 * the 3D labels all use it): its hole passes the hole filters, its zone is shown, its midpoint's
 * elevation and its mid depth are within the windows, its (capped) grade is ≥ the cut-off, and its
 * midpoint is inside the section. Intercepts lo..hi-1: returns how many are in view; with `flags`,
 * writes 1 (in view) or 0 for each; with `others`, 1 where every filter but the grade passes; with
 * `rows`, lists the numbers of those in view from rows[0] (the summary's tally reads them).
 * Plain loops, not a generator, so they are optimised while they run.
 */
export function interceptRange(p: InterceptPoints, w: CountWindow, lo: number, hi: number, flags: Uint8Array | null, others: Uint8Array | null = null, rows: Int32Array | null = null): number {
  // Written at lo..hi-1 when given; else a reused block, written at 0..hi-lo-1.
  const kept = others ?? keptScratch(hi - lo);
  const off = others ? 0 : lo;
  keptRange(p, w, lo, hi, kept, off);
  return cutRange(kept, off, p.grade, w.cut, lo, hi, flags, rows);
}

/**
 * 1 in kept[i - off] where intercept i (lo..hi-1) passes every filter but the grade: those but the
 * elevation window (baseRange), then the window (elevationRange) over them in place.
 */
function keptRange(p: InterceptPoints, w: CountWindow, lo: number, hi: number, kept: Uint8Array, off: number): void {
  baseRange(p, w, lo, hi, kept, off);
  elevationRange(p, w, lo, hi, kept, off, kept, off);
}

/**
 * 1 in base[i - off] where intercept i (lo..hi-1) passes the depth window, the hole filters, the
 * zone ticks and the section: every filter but the elevation window and the grade. One simple loop
 * per filter over the block, each without a branch on its data where it can: the window's tests
 * and'ed as 1 or 0. One loop with the tests joined by && cost about 60 % more (Node, 405,642
 * intercepts: 5.4 → 3.4 ms for an elevation change's pass); the set kept is the same.
 */
function baseRange(p: InterceptPoints, w: CountWindow, lo: number, hi: number, base: Uint8Array, off: number): void {
  const { hole, mid, from, to, zone } = p;
  const [ox, oy, oz] = p.origin;
  const { pass, dMin, dMax } = w;
  const zoneShown = w.zoneShown ?? null, planes = w.planes ?? null;
  const nHoles = pass.length;
  for (let i = lo; i < hi; i++) {
    // Mid depth, m.
    const d = (from[i] + to[i]) / 2;
    base[i - off] = +(d >= dMin) & +(d <= dMax);
  }
  // The holes are in runs (the calculator's order) and most pass: this branch is predicted.
  for (let i = lo; i < hi; i++) {
    const h = hole[i];
    if (h >= 0 && h < nHoles && pass[h] === 0) base[i - off] = 0;
  }
  if (zoneShown !== null) for (let i = lo; i < hi; i++) if (zoneShown[zone[i]] === 0) base[i - off] = 0;
  if (planes !== null) for (let i = lo; i < hi; i++) if (base[i - off] === 1 && !insidePlanes(planes, mid[3 * i] - ox, mid[3 * i + 1] - oy, mid[3 * i + 2] - oz)) base[i - off] = 0;
}

/**
 * kept[i - keptOff] = base[i - baseOff] and intercept i's midpoint within the elevation window
 * (local m: world elevation minus the origin's), without a branch. kept may be base itself.
 */
function elevationRange(p: InterceptPoints, w: CountWindow, lo: number, hi: number, base: Uint8Array, baseOff: number, kept: Uint8Array, keptOff: number): void {
  const { mid } = p;
  const oz = p.origin[2];
  const { zMin, zMax } = w;
  for (let i = lo; i < hi; i++) {
    const z = mid[3 * i + 2] - oz;
    kept[i - keptOff] = base[i - baseOff] & +(z >= zMin) & +(z <= zMax);
  }
}

/**
 * Intercepts lo..hi-1: in view where the other filters keep it (kept[i - off] is 1) and its grade
 * is ≥ `cut`. Returns how many; writes the flags when given, and lists those in view in `rows`.
 * No branch on the data: a grade is above or below the cut-off at random along the rows, and the
 * branch cost more than the test (Node: 2.0 → 0.8 ms over 405,642 intercepts).
 */
function cutRange(kept: Uint8Array, off: number, grade: Float64Array, cut: number, lo: number, hi: number, flags: Uint8Array | null, rows: Int32Array | null): number {
  let n = 0;
  // `+(a >= b)` is 1 or 0 without a branch (a conditional `? 1 : 0` compiles to one, and took twice as long).
  if (flags !== null && rows !== null) {
    for (let i = lo; i < hi; i++) {
      const f = kept[i - off] & +(grade[i] >= cut);
      flags[i] = f;
      rows[n] = i;
      n += f;
    }
  } else if (flags !== null) {
    for (let i = lo; i < hi; i++) n += flags[i] = kept[i - off] & +(grade[i] >= cut);
  } else {
    for (let i = lo; i < hi; i++) n += kept[i - off] & +(grade[i] >= cut);
  }
  return n;
}

let keptBlock = new Uint8Array(4096);

/** A reused block of at least `n` flags (the count's pass, which keeps no flags of its own). */
function keptScratch(n: number): Uint8Array {
  if (keptBlock.length < n) keptBlock = new Uint8Array(n);
  return keptBlock;
}

/** The flags of one filter state, and (with columns) the summary's tally of the flagged rows. */
export interface InterceptFlags {
  flags: Uint8Array;
  tally: Tally | null;
}

/** Intercepts flagged (and tallied) per call of the range functions. */
const BLOCK = 4096;

/**
 * Whether two windows differ at most in the grade cut-off (the hole pass array compared by
 * identity); with `exceptElevation`, at most in the cut-off and the elevation window.
 */
function sameOthers(a: CountWindow, b: CountWindow, exceptElevation = false): boolean {
  if (a.pass !== b.pass || !Object.is(a.dMin, b.dMin) || !Object.is(a.dMax, b.dMax)) return false;
  if (!exceptElevation && (!Object.is(a.zMin, b.zMin) || !Object.is(a.zMax, b.zMax))) return false;
  if ((a.zoneShown ?? null) !== (b.zoneShown ?? null)) return false;
  const pa = a.planes ?? null, pb = b.planes ?? null;
  if (pa === null || pb === null) return pa === pb;
  return pa.length === pb.length && pa.every((v, k) => Object.is(v, pb[k]));
}

/**
 * The flags of one intercept list, remade per filter state, from what the last state left:
 * - the cut-off alone changed: the grade tested again against the other filters' flags;
 * - the elevation window (and maybe the cut-off) changed: the window tested again against the
 *   flags of the filters but the window and the grade (at 100,000 holes an elevation change's pass
 *   went from 3.6 to about 1.5 ms);
 * - else a full pass, which keeps both sets of flags.
 * With `columns`, the flagged rows' tally in the same blocks.
 */
export class InterceptFlagger {
  /** 1 where every filter but the grade passes */
  private others: Uint8Array | null = null;
  /** 1 where every filter but the elevation window and the grade passes */
  private base: Uint8Array | null = null;
  private last: { w: CountWindow; result: InterceptFlags } | null = null;

  constructor(
    readonly points: InterceptPoints,
    private readonly columns: TallyColumns | null = null,
  ) {}

  flag(w: CountWindow): InterceptFlags {
    const last = this.last;
    const same = last !== null && this.others !== null && sameOthers(last.w, w);
    if (same && Object.is(last.w.cut, w.cut)) return last.result;
    const sameBase = !same && last !== null && this.others !== null && this.base !== null && sameOthers(last.w, w, true);
    const n = this.points.hole.length;
    const flags = new Uint8Array(n);
    const tally = this.columns ? newTally() : null;
    // Written whole by each full pass: kept from one to the next.
    const others = (this.others ??= new Uint8Array(n));
    const base = (this.base ??= new Uint8Array(n));
    const rows = tally ? listScratch(BLOCK) : null;
    const p = this.points;
    for (let lo = 0; lo < n; lo += BLOCK) {
      const hi = Math.min(n, lo + BLOCK);
      if (!same) {
        if (!sameBase) baseRange(p, w, lo, hi, base, 0);
        elevationRange(p, w, lo, hi, base, 0, others, 0);
      }
      const k = cutRange(others, 0, p.grade, w.cut, lo, hi, flags, rows);
      if (tally) tallyRows(this.columns!, rows!, k, tally);
    }
    const result = { flags, tally };
    this.last = { w, result };
    return result;
  }
}
