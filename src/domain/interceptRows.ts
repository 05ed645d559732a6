/**
 * The calculator's intercepts as columns: one typed array per figure, an intercept's object (with
 * its label) made only when it is read (`at`: the listed rows, the API, the CSV, a label drawn).
 * At 100,000 holes × 100 intervals there are 405,642 intercepts: as objects they were about 150 MB
 * of the page's V8 heap, which every major garbage collection marked (docs/performance.md,
 * Session 17). Every number is the one the calculator worked out, kept as it was (float64), and
 * the figures made when read (core length, width, gram-metres, labels) come from the definitions
 * the calculator used (interceptWidths.ts), so an intercept read back is the same object as before.
 * Pure maths: no react/three/zustand.
 */
import type { Vec3 } from './vec3';
import { gramMetres, widthOf, WIDTH_TAG, type WidthKind, type Widths } from './interceptWidths';
import type { Intercept, InterceptInterval, InterceptLabelParts, InterceptVein } from './intercepts';

/** Bits of `known`: which widths an interval has (core length always), and its vein's pierce. */
export const KNOWN_BIT: Record<WidthKind, number> = { horizontal: 1, true: 2, core: 4 };
const PIERCED_BIT = 8;
const KINDS: readonly WidthKind[] = ['horizontal', 'true', 'core'];

/** An interval's figures as the calculator works them out (intercepts.ts `interval`). */
export interface IntervalFigures {
  /** m along the hole */
  from: number;
  to: number;
  sampledLength: number;
  unsampledLength: number;
  /** table rows of the samples, in depth order */
  rows: number[];
  grade: number;
  gradeUncapped: number;
  trueWidth: number | null;
  horizontalWidth: number | null;
  widthKind: WidthKind;
  /** world m at the mid depth */
  midpoint: Vec3;
}

/** The columns of a list of intervals (the intercepts, or their "including" clauses). */
export interface IntervalColumns {
  /** m along the hole */
  from: Float64Array;
  to: Float64Array;
  sampled: Float64Array;
  unsampled: Float64Array;
  /** capped and uncapped grade, in the column's unit */
  grade: Float64Array;
  gradeUncapped: Float64Array;
  /** m; 0 where unknown (`known` says) */
  trueWidth: Float64Array;
  horizontalWidth: Float64Array;
  /** KNOWN_BIT per width, PIERCED_BIT */
  known: Uint8Array;
  /** index in KINDS of the width the label names */
  kind: Uint8Array;
  /** world m, 3 a row */
  midpoint: Float64Array;
  /** the rows of interval i are rows[rowStart[i] .. rowStart[i + 1] - 1] */
  rowStart: Int32Array;
  rows: Int32Array;
}

/** Per intercept (besides its interval's columns). */
interface InterceptExtras {
  /** index into Model.holes */
  hole: Int32Array;
  /** index in `zoneIds` of the intercept's zone and of its vein's zone, -1 none */
  zone: Int32Array;
  veinZone: Int32Array;
  /** the vein triangle's dip (degrees), unit normal (3 a row) and distance from the mid depth (m) */
  dip: Float64Array;
  normal: Float64Array;
  distance: Float64Array;
  /** the including clauses of intercept i are rows incStart[i] .. incStart[i + 1] - 1 of `including` */
  incStart: Int32Array;
}

/** What the labels say besides the figures: the column's unit ("g/t") and element ("Au"). */
export interface LabelWords {
  unit: string;
  element: string;
}

/** The including lists of intercepts without any: one frozen empty list for all of them. */
const NO_INCLUDING: InterceptInterval[] = Object.freeze([]) as unknown as InterceptInterval[];
const NO_CLAUSES: InterceptLabelParts['including'] = Object.freeze([]) as unknown as InterceptLabelParts['including'];

export class InterceptRows {
  readonly length: number;

  constructor(
    readonly main: IntervalColumns,
    readonly extras: InterceptExtras,
    readonly including: IntervalColumns,
    /** the zone ids the zone columns index */
    readonly zoneIds: readonly string[],
    /** Model.holes (their ids) */
    readonly holes: readonly { id: string }[],
    readonly words: LabelWords,
  ) {
    this.length = extras.hole.length;
  }

  /** Index into Model.holes of intercept i. */
  holeIndex(i: number): number {
    return this.extras.hole[i];
  }

  /** Zone id of intercept i (null: none). */
  zoneId(i: number): string | null {
    const z = this.extras.zone[i];
    return z < 0 ? null : this.zoneIds[z];
  }

  /** Intercept i as the calculator's object, made now (a new object on every call). */
  at(i: number): Intercept {
    const x = this.extras;
    const zoneId = this.zoneId(i);
    const vein = this.vein(i);
    const holeId = this.holes[x.hole[i]].id;
    const main = this.interval(this.main, i, holeId, x.hole[i], zoneId, vein);
    if (x.incStart[i] === x.incStart[i + 1]) return { ...main, including: NO_INCLUDING };
    const including: InterceptInterval[] = [];
    for (let k = x.incStart[i]; k < x.incStart[i + 1]; k++) including.push(this.interval(this.including, k, holeId, x.hole[i], zoneId, vein));
    const { grade, unit, element } = main.labelParts;
    const clauses = including.map((c) => ({ grade: c.grade, width: widthOf(c, main.widthKind) ?? c.coreLength }));
    const label = `${main.label}, including ${clauses.map((c) => `${gradeText(c.grade, unit, '')} over ${c.width.toFixed(2)} m`).join(' and ')}`;
    return { ...main, label, labelParts: { grade, unit, element, width: main.width, widthKind: main.widthKind, including: clauses }, including };
  }

  /** The intercepts of hole `hole` (index into Model.holes), as objects, in depth order. */
  ofHole(hole: number): Intercept[] {
    const out: Intercept[] = [];
    const [lo, hi] = this.rangeOf(hole);
    for (let i = lo; i < hi; i++) if (this.extras.hole[i] === hole) out.push(this.at(i));
    return out;
  }

  /** The first intercept of hole `hole` whose from-to holds `depth` (m), as an object; null: none. */
  atDepth(hole: number, depth: number): Intercept | null {
    const { from, to } = this.main;
    const [lo, hi] = this.rangeOf(hole);
    for (let i = lo; i < hi; i++) if (this.extras.hole[i] === hole && from[i] <= depth && to[i] >= depth) return this.at(i);
    return null;
  }

  /** whether the rows are in hole order (the calculator goes hole by hole); worked out on first use */
  private holeOrdered: boolean | undefined;

  /**
   * Rows lo..hi-1 hold every intercept of `hole`: its run, found by binary search where the rows
   * are in hole order (a scan of all 405,642 at 100,000 holes took a few ms on every strip log or
   * selection), else all the rows.
   */
  private rangeOf(hole: number): [number, number] {
    const h = this.extras.hole;
    if (this.holeOrdered === undefined) {
      let ordered = true;
      for (let i = 1; i < h.length && ordered; i++) ordered = h[i - 1] <= h[i];
      this.holeOrdered = ordered;
    }
    if (!this.holeOrdered) return [0, this.length];
    return [firstAtLeast(h, hole), firstAtLeast(h, hole + 1)];
  }

  /** Every intercept as an object (the API's and the tests' form). */
  toArray(): Intercept[] {
    const out = new Array<Intercept>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  /** Intercepts i with keep(i), as columns of their own (in the same order). */
  select(keep: (i: number) => boolean): InterceptRows {
    const b = new InterceptRowsBuilder(this.holes, this.words);
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      const inc: IntervalFigures[] = [];
      for (let k = this.extras.incStart[i]; k < this.extras.incStart[i + 1]; k++) inc.push(figures(this.including, k));
      b.add(this.extras.hole[i], figures(this.main, i), this.zoneId(i), this.vein(i), inc);
    }
    return b.finish();
  }

  /** The vein orientation intercept i's widths used (null: no vein near). */
  private vein(i: number): InterceptVein | null {
    const x = this.extras;
    const vz = x.veinZone[i];
    if (vz < 0) return null;
    return {
      zoneId: this.zoneIds[vz],
      dip: x.dip[i],
      normal: [x.normal[3 * i], x.normal[3 * i + 1], x.normal[3 * i + 2]],
      distance: x.distance[i],
      pierced: (this.main.known[i] & PIERCED_BIT) !== 0,
    };
  }

  private interval(c: IntervalColumns, i: number, holeId: string, holeIndex: number, zoneId: string | null, vein: InterceptVein | null): InterceptInterval {
    const f = figures(c, i);
    const coreLength = coreLengthAt(c, i);
    const widths: Widths = { coreLength, trueWidth: f.trueWidth, horizontalWidth: f.horizontalWidth };
    const width = widthOf(widths, f.widthKind)!;
    const { unit, element } = this.words;
    return {
      holeId,
      holeIndex,
      from: f.from,
      to: f.to,
      coreLength,
      sampledLength: f.sampledLength,
      unsampledLength: f.unsampledLength,
      rows: f.rows,
      grade: f.grade,
      gradeUncapped: f.gradeUncapped,
      width,
      widthKind: f.widthKind,
      gramMetres: gramMetres(f.grade, width),
      trueWidth: f.trueWidth,
      horizontalWidth: f.horizontalWidth,
      zoneId,
      vein,
      midpoint: f.midpoint,
      label: `${gradeText(f.grade, unit, element)} over ${width.toFixed(2)} m (${WIDTH_TAG[f.widthKind]})`,
      labelParts: { grade: f.grade, unit, element, width, widthKind: f.widthKind, including: NO_CLAUSES },
    };
  }
}

/** The first index i of `a` (in ascending order) with a[i] ≥ v; a.length when none. */
function firstAtLeast(a: Int32Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** "6.07 g/t Au" (a clause: "21.40 g/t"): the grade to 2 decimals, then the unit and element when there are. */
function gradeText(grade: number, unit: string, element: string): string {
  return [grade.toFixed(2), unit, element].filter((x) => x !== '').join(' ');
}

/** Core length of interval i, m: to - from, as the calculator works it out (intercepts.ts). */
export function coreLengthAt(c: Pick<IntervalColumns, 'from' | 'to'>, i: number): number {
  return c.to[i] - c.from[i];
}

function figures(c: IntervalColumns, i: number): IntervalFigures {
  const known = c.known[i];
  return {
    from: c.from[i],
    to: c.to[i],
    sampledLength: c.sampled[i],
    unsampledLength: c.unsampled[i],
    rows: Array.from(c.rows.subarray(c.rowStart[i], c.rowStart[i + 1])),
    grade: c.grade[i],
    gradeUncapped: c.gradeUncapped[i],
    trueWidth: known & KNOWN_BIT.true ? c.trueWidth[i] : null,
    horizontalWidth: known & KNOWN_BIT.horizontal ? c.horizontalWidth[i] : null,
    widthKind: KINDS[c.kind[i]],
    midpoint: [c.midpoint[3 * i], c.midpoint[3 * i + 1], c.midpoint[3 * i + 2]],
  };
}

/** Columns filled one interval at a time (plain arrays while they grow, typed at the end). */
class IntervalColumnsBuilder {
  private from: number[] = [];
  private to: number[] = [];
  private sampled: number[] = [];
  private unsampled: number[] = [];
  private grade: number[] = [];
  private gradeUncapped: number[] = [];
  private trueWidth: number[] = [];
  private horizontalWidth: number[] = [];
  private known: number[] = [];
  private kind: number[] = [];
  private midpoint: number[] = [];
  private rowStart: number[] = [0];
  private rows: number[] = [];

  get length(): number {
    return this.from.length;
  }

  add(f: IntervalFigures, pierced: boolean): void {
    this.from.push(f.from);
    this.to.push(f.to);
    this.sampled.push(f.sampledLength);
    this.unsampled.push(f.unsampledLength);
    this.grade.push(f.grade);
    this.gradeUncapped.push(f.gradeUncapped);
    this.trueWidth.push(f.trueWidth ?? 0);
    this.horizontalWidth.push(f.horizontalWidth ?? 0);
    this.known.push(KNOWN_BIT.core | (f.trueWidth !== null ? KNOWN_BIT.true : 0) | (f.horizontalWidth !== null ? KNOWN_BIT.horizontal : 0) | (pierced ? PIERCED_BIT : 0));
    this.kind.push(KINDS.indexOf(f.widthKind));
    this.midpoint.push(f.midpoint[0], f.midpoint[1], f.midpoint[2]);
    for (const r of f.rows) this.rows.push(r);
    this.rowStart.push(this.rows.length);
  }

  finish(): IntervalColumns {
    return {
      from: Float64Array.from(this.from),
      to: Float64Array.from(this.to),
      sampled: Float64Array.from(this.sampled),
      unsampled: Float64Array.from(this.unsampled),
      grade: Float64Array.from(this.grade),
      gradeUncapped: Float64Array.from(this.gradeUncapped),
      trueWidth: Float64Array.from(this.trueWidth),
      horizontalWidth: Float64Array.from(this.horizontalWidth),
      known: Uint8Array.from(this.known),
      kind: Uint8Array.from(this.kind),
      midpoint: Float64Array.from(this.midpoint),
      rowStart: Int32Array.from(this.rowStart),
      rows: Int32Array.from(this.rows),
    };
  }
}

/** Intercepts added one at a time, in the order they are listed. */
export class InterceptRowsBuilder {
  private main = new IntervalColumnsBuilder();
  private including = new IntervalColumnsBuilder();
  private hole: number[] = [];
  private zone: number[] = [];
  private veinZone: number[] = [];
  private dip: number[] = [];
  private normal: number[] = [];
  private distance: number[] = [];
  private incStart: number[] = [0];
  private zoneIds: string[] = [];
  private zoneCode = new Map<string, number>();

  constructor(
    private holes: readonly { id: string }[],
    private words: LabelWords,
  ) {}

  /** Adds an intercept of hole `hole` (index into Model.holes) with its including clauses. */
  add(hole: number, f: IntervalFigures, zoneId: string | null, vein: InterceptVein | null, including: readonly IntervalFigures[]): void {
    this.hole.push(hole);
    this.main.add(f, vein?.pierced ?? false);
    this.zone.push(this.code(zoneId));
    this.veinZone.push(vein ? this.code(vein.zoneId) : -1);
    this.dip.push(vein ? vein.dip : 0);
    this.normal.push(vein ? vein.normal[0] : 0, vein ? vein.normal[1] : 0, vein ? vein.normal[2] : 0);
    this.distance.push(vein ? vein.distance : 0);
    for (const c of including) this.including.add(c, false);
    this.incStart.push(this.including.length);
  }

  finish(): InterceptRows {
    const extras: InterceptExtras = {
      hole: Int32Array.from(this.hole),
      zone: Int32Array.from(this.zone),
      veinZone: Int32Array.from(this.veinZone),
      dip: Float64Array.from(this.dip),
      normal: Float64Array.from(this.normal),
      distance: Float64Array.from(this.distance),
      incStart: Int32Array.from(this.incStart),
    };
    return new InterceptRows(this.main.finish(), extras, this.including.finish(), this.zoneIds, this.holes, this.words);
  }

  private code(zoneId: string | null): number {
    if (zoneId === null) return -1;
    let c = this.zoneCode.get(zoneId);
    if (c === undefined) {
      c = this.zoneIds.length;
      this.zoneIds.push(zoneId);
      this.zoneCode.set(zoneId, c);
    }
    return c;
  }
}

/** No intercepts (before any are computed, or without a dataset). */
export const NO_INTERCEPTS = new InterceptRowsBuilder([], { unit: '', element: '' }).finish();
