/**
 * Significant intercepts: length-weighted composites of assay samples above a cut-off grade, with a
 * minimum length, a maximum of internal dilution, an optional top-cut (capping) and an optional
 * "including" clause, plus core length, true width and horizontal width, gram-metres over a stated
 * width and a press-release label ("6.07 g/t Au over 0.82 m (HW), including 21.40 g/t over 0.20 m").
 * Pure maths: no react/three/zustand.
 *
 * Rules (the usual industry practice; where practice varies, the choice is stated):
 * 1. Composites are built per hole over the table's samples sorted by depth. A sample's weight is
 *    its core length (to - from); averages are length-weighted over the core length.
 * 2. Top-cut: when `topCut` is set every sample grade is capped at it *before* averaging; both the
 *    capped (`grade`) and uncapped (`gradeUncapped`) averages are reported. Cut-off tests use the
 *    capped grade, the one that is reported.
 * 3. A composite starts and ends on an assayed sample ≥ cut-off. Internal core below cut-off
 *    (samples below cut-off and unsampled core, rule 4) is taken in while its consecutive run is
 *    ≤ `maxDilution` m of core AND the composite grade with it and the next sample ≥ cut-off stays
 *    ≥ cut-off; otherwise the composite closes on its last sample ≥ cut-off (greedy, top of hole down).
 * 4. Unsampled core: a row with a missing assay (NaN: blank, NS, -99 in the file) and a gap between
 *    consecutive rows (core with no row) are the same thing and follow the same rule, `unsampled`:
 *    - 'zero' (default, the conservative practice): internal dilution at zero grade. Never an edge
 *      of a composite; bridged under rule 3 like a sample below cut-off; the average grade is over
 *      the core length including it, so gram-metres count it at zero. A missing value is not turned
 *      into a zero in the data: only the intercept's arithmetic counts it so.
 *    - 'break': any unsampled core (a missing row or a gap longer than DEPTH_EPS) ends the composite.
 *    `unsampledLength` says how much core inside an intercept had no assay.
 *    Overlapping samples (a data error the loader reports) break the composite too.
 * 5. Gram-metres (grade × thickness, g/t·m) = capped grade × width (`gramMetres`, the one
 *    definition, also behind the long section and the grade on the vein). The width is the one the
 *    `widthBasis` option names (default horizontal width, the disclosure's) when it is known, else
 *    true width when known, else core length (`chooseWidth`); each intercept says which width it
 *    used (`widthKind`), so a fallback is never silent.
 * 6. Optional `domain`: a categorical column (e.g. the logged vein zone); a composite never crosses
 *    a change of its value (compositing within domains; a blank category is a domain of its own).
 * 7. Composites with core length < `minLength` are dropped.
 * 8. "Including": inside each intercept the same rules run again on its samples with
 *    `includeCutoff`, the same top-cut, no internal dilution (`maxDilution` 0: every sample of an
 *    including clause is ≥ `includeCutoff`, and any unsampled core breaks it) and no minimum
 *    length. A sub-interval that is the whole intercept is not reported.
 * 9. Zone: the vein zone (a zone of kind 'vein') logged on the most core length of the intercept's
 *    samples (`zoneColumn`, default the table's categorical `zone` column); when no sample is logged
 *    in a vein, the vein whose surface the hole pierces between `from` and `to`; else null.
 * 10. Widths: the vein orientation is the normal of the nearest triangle of the intercept's zone
 *    (within KNOWN_ZONE_MAX_DISTANCE of the mid-depth point), the pierced triangle, or, when the
 *    zone is unknown, the nearest triangle of any vein within ANY_VEIN_MAX_DISTANCE (the zone then
 *    stays null). With d the hole's unit direction at the mid depth and n the vein's unit normal:
 *    true width TW = coreLength × |d · n|; horizontal width (horizontal, perpendicular to strike)
 *    HW = TW / sin(dip), null for veins flatter than MIN_DIP_FOR_HW. No vein near: both null.
 * 11. Label: capped grade over the intercept's width (rule 5) saying which width it is
 *    ("over 0.82 m (HW)", "over 1.20 m (core length)"); including clauses use the same kind of width.
 *    `label` is English (API, CSV); `labelParts` holds its figures for the interface's language.
 */
import type { IntervalTableModel, Model } from '../data/model';
import { desurvey, directionAtDepth, pathFromTrace, positionAtDepth, sampleDepths, type HolePath } from './desurvey';
import { ANY_VEIN_MAX_DISTANCE, veinOrienterFor, type VeinHit, type VeinOrienter } from './veinOrientation';
import type { Vec3 } from './vec3';
import { drain } from './sliced';
import { csvText } from './csvText';
import { InterceptRowsBuilder, NO_INTERCEPTS, type InterceptRows, type IntervalFigures } from './interceptRows';

export { ANY_VEIN_MAX_DISTANCE };
export { gramMetres, widthOf, WIDTH_TAG, type WidthKind, type Widths } from './interceptWidths';
import { widthOf, WIDTH_TAG, type WidthKind, type Widths } from './interceptWidths';
/** How far (m) the mid-depth point may be from its logged vein zone's surface for widths. */
export const KNOWN_ZONE_MAX_DISTANCE = 50;
/** Veins flatter than this (degrees) have no meaningful horizontal width. */
export const MIN_DIP_FOR_HW = 5;
/** Depth tolerance (m) for gaps and overlaps between consecutive samples. */
const DEPTH_EPS = 1e-6;

/** How unsampled core inside an intercept (a missing assay or a gap with no row) counts (rule 4). */
export type UnsampledRule = 'zero' | 'break';

/** Default width of gram-metres and labels: horizontal width, the one narrow-vein disclosures quote. */
export const DEFAULT_WIDTH_BASIS: WidthKind = 'horizontal';
export const DEFAULT_UNSAMPLED: UnsampledRule = 'zero';
/** A width's short name, for narrow cells and column headers. */
export const WIDTH_ABBR: Record<WidthKind, string> = { horizontal: 'HW', true: 'TW', core: 'CL' };
/** What each unsampled-core rule does, in a few words (parameters and notes). */
export const UNSAMPLED_TEXT: Record<UnsampledRule, string> = {
  zero: 'unsampled core (gaps, missing assays) at zero grade',
  break: 'unsampled core (gaps, missing assays) breaks the intercept',
};

/**
 * The width used for a chosen basis: the basis when `known` says it is, else true width when
 * known, else core length (always known). Rule 5.
 */
export function chooseWidth(basis: WidthKind, known: (k: WidthKind) => boolean): WidthKind {
  if (basis === 'horizontal' && known('horizontal')) return 'horizontal';
  if (basis !== 'core' && known('true')) return 'true';
  return 'core';
}

/** The unit of gram-metres with its width: "g/t·m (HW)". */
export function gramMetresUnit(unit: string, kind: WidthKind): string {
  return `${unit || 'grade'}·m (${WIDTH_ABBR[kind]})`;
}

export interface InterceptOptions {
  /** cut-off grade in the column's unit (g/t): the composite and each edge sample must be ≥ it */
  cutoff: number;
  /** minimum core length, m; shorter composites are dropped */
  minLength: number;
  /** longest consecutive run of internal samples below cut-off (plus bridged gaps), m of core */
  maxDilution: number;
  /** cap applied to each sample before averaging (top-cut); null or absent = no capping */
  topCut?: number | null;
  /** higher cut-off for "including" sub-intervals inside each intercept; null or absent = none */
  includeCutoff?: number | null;
  /** numeric column; default the Au column (else the first numeric column) */
  column?: string;
  /** interval table id; default the first table with the column */
  table?: string;
  /** categorical column whose changes break composites (compositing within domains); an unknown name throws */
  domain?: string | null;
  /** categorical column naming the vein zone of each sample; default `zone` when present, null = none */
  zoneColumn?: string | null;
  /** width of gram-metres and labels when it is known (rule 5); default 'horizontal' */
  widthBasis?: WidthKind;
  /** older name of `widthBasis` (read when widthBasis is absent) */
  labelWidth?: WidthKind;
  /** how a missing assay or an unsampled gap inside an intercept counts (rule 4); default 'zero' */
  unsampled?: UnsampledRule;
}

/** The vein orientation used for an intercept's widths. */
export interface InterceptVein {
  zoneId: string;
  /** dip of the vein triangle, degrees from horizontal */
  dip: number;
  /** unit normal (up) of the vein triangle */
  normal: Vec3;
  /** distance from the mid-depth point to the triangle, m (0 when the hole pierces it inside the interval) */
  distance: number;
  pierced: boolean;
}

export interface InterceptInterval {
  holeId: string;
  /** index into Model.holes */
  holeIndex: number;
  /** m along the hole */
  from: number;
  to: number;
  /** to - from, m */
  coreLength: number;
  /** assayed core inside [from, to], m */
  sampledLength: number;
  /** core inside [from, to] with no assay (gaps and missing values, counted at zero grade), m */
  unsampledLength: number;
  /** row indices of the samples in the table, in depth order (rows with a missing assay included) */
  rows: number[];
  /** length-weighted grade of the capped samples over the core length (= gradeUncapped without a top-cut) */
  grade: number;
  gradeUncapped: number;
  /** the width gram-metres and the label use, m (widthKind says which) */
  width: number;
  /** which width that is: the basis asked for, or the fallback when it is unknown here (rule 5) */
  widthKind: WidthKind;
  /** gram-metres: capped grade × width, g/t·m */
  gramMetres: number;
  /** m, when a vein orientation is known here */
  trueWidth: number | null;
  /** m, horizontal and perpendicular to strike */
  horizontalWidth: number | null;
  /** vein zone pierced / logged on most of the samples */
  zoneId: string | null;
  vein: InterceptVein | null;
  /** world coordinates (float64) at the mid depth, for fly-to */
  midpoint: Vec3;
  /** e.g. "6.07 g/t Au over 0.82 m (HW)": English, as the API and the CSV carry it */
  label: string;
  /** what `label` is made of, so the interface can write it in its own language (src/i18n/interceptText.ts) */
  labelParts: InterceptLabelParts;
}

/** The figures and words of an intercept's label (rule 11), before they are written in a language. */
export interface InterceptLabelParts {
  /** capped grade, in `unit` */
  grade: number;
  /** "g/t"; '' when the column has no unit */
  unit: string;
  /** "Au" */
  element: string;
  /** m, the width `widthKind` names */
  width: number;
  widthKind: WidthKind;
  /** "including" clauses: their capped grade over the same kind of width as the intercept's */
  including: { grade: number; width: number }[];
}

export interface Intercept extends InterceptInterval {
  /** sub-intervals at includeCutoff (their labels have no including clause) */
  including: InterceptInterval[];
}

export interface GradeColumn {
  table: IntervalTableModel;
  column: string;
  unit: string;
}

/** The table and numeric column the options name (default: Au, else the first numeric column). */
export function resolveGradeColumn(model: Model, options: Pick<InterceptOptions, 'column' | 'table'>): GradeColumn | null {
  const tables = options.table ? model.intervals.filter((t) => t.id === options.table) : model.intervals;
  const numeric = (t: IntervalTableModel) => t.columns.filter((c) => c.type === 'numeric' && t.numeric[c.name]);
  const pick = (match: (name: string) => boolean): GradeColumn | null => {
    for (const t of tables) {
      const c = numeric(t).find((c) => match(c.name));
      if (c) return { table: t, column: c.name, unit: c.unit ?? (/^au/i.test(c.name) ? 'g/t' : '') };
    }
    return null;
  };
  if (options.column) return pick((n) => n === options.column);
  return pick((n) => /^au/i.test(n)) ?? pick(() => true);
}

/** Name of the element in labels: "Au" for Au, Au_ppm, AU_FA...; else the column name. */
export function elementName(column: string): string {
  const m = /^([A-Z][a-z]?)(?:$|[_\s-])/i.exec(column);
  return m ? m[1][0].toUpperCase() + m[1].slice(1).toLowerCase() : column;
}

/** A categorical column of the table by exact name, else case-insensitively. */
function categorical(t: IntervalTableModel, name: string) {
  if (t.categorical[name]) return t.categorical[name];
  const key = Object.keys(t.categorical).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? t.categorical[key] : undefined;
}

/**
 * A piece of core along a hole: an assay row, or a gap between rows (row -1). Unassayed pieces (a
 * missing value or a gap) have grade 0: rule 4 counts unsampled core at zero grade.
 */
/** A piece of a hole's core as the calculator weighs it: a sample row, or a gap between rows (interceptDerivation.ts shows them). */
export interface Piece {
  /** table row, -1 for a gap */
  row: number;
  from: number;
  to: number;
  /** capped and uncapped grade (0 when not assayed) */
  g: number;
  gu: number;
  assayed: boolean;
  /** domain code of the row (a gap takes the row above's) */
  d: number;
}

export const pieceLength = (p: Piece) => p.to - p.from;

/** Index ranges [start, end] (inclusive) of composites over pieces s (one unbroken run). */
function composite(s: Piece[], lo: number, hi: number, cutoff: number, maxDilution: number): [number, number][] {
  const out: [number, number][] = [];
  const ok = (grade: number) => grade >= cutoff - 1e-9 * Math.max(1, Math.abs(cutoff));
  // Only an assayed sample ≥ cut-off opens or closes a composite; anything else is dilution.
  const edge = (p: Piece) => p.assayed && ok(p.g);
  let i = lo;
  while (i <= hi) {
    if (!edge(s[i])) { i++; continue; }
    let end = i;
    let len = pieceLength(s[i]);
    let acc = len * s[i].g;
    for (;;) {
      // The run of dilution after `end`: samples below cut-off and unsampled core.
      let dil = 0, dAcc = 0;
      let k = end + 1;
      while (k <= hi && !edge(s[k]) && dil <= maxDilution + DEPTH_EPS) {
        dil += pieceLength(s[k]);
        dAcc += pieceLength(s[k]) * s[k].g;
        k++;
      }
      if (k > hi || dil > maxDilution + DEPTH_EPS) break;
      const kLen = pieceLength(s[k]);
      const nLen = len + dil + kLen;
      const nAcc = acc + dAcc + kLen * s[k].g;
      if (!ok(nAcc / nLen)) break;
      len = nLen;
      acc = nAcc;
      end = k;
    }
    out.push([i, end]);
    i = end + 1;
  }
  return out;
}

/**
 * Runs of pieces that may be composited together: split at overlaps, domain changes and, when
 * unsampled core breaks composites, at every unassayed piece (left out of every run).
 */
function runs(s: Piece[], lo: number, hi: number, useDomain: boolean, breakUnsampled: boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = lo; i <= hi; i++) {
    if (breakUnsampled && !s[i].assayed) {
      if (start >= 0) out.push([start, i - 1]);
      start = -1;
      continue;
    }
    if (start >= 0) {
      const broken = s[i].from - s[i - 1].to < -DEPTH_EPS || (useDomain && s[i].d !== s[i - 1].d);
      if (broken) {
        out.push([start, i - 1]);
        start = i;
      }
    } else start = i;
  }
  if (start >= 0) out.push([start, hi]);
  return out;
}

/** The pieces of one hole: its rows in depth order with the gaps between them as pieces of their own. */
export function piecesOf(rows: number[], table: IntervalTableModel, values: Float64Array, topCut: number | null, domain: ArrayLike<number> | null): Piece[] {
  const out: Piece[] = [];
  for (const r of rows) {
    const v = values[r];
    const from = table.from[r], to = table.to[r];
    const d = domain ? domain[r] : 0;
    const prev = out[out.length - 1];
    if (prev && from - prev.to > DEPTH_EPS) out.push({ row: -1, from: prev.to, to: from, g: 0, gu: 0, assayed: false, d: prev.d });
    const assayed = !Number.isNaN(v);
    const g = !assayed ? 0 : topCut !== null && v > topCut ? topCut : v;
    out.push({ row: r, from, to, g, gu: assayed ? v : 0, assayed, d });
  }
  return out;
}

/**
 * Significant intercepts of every hole, in hole then depth order. `paths[i]` is the desurveyed
 * path of `model.holes[i]` (as from prepare.ts `holePaths`); `orient` defaults to the model's
 * vein orienter (built once per model and cached).
 */
export function computeIntercepts(model: Model, paths: HolePath[], options: InterceptOptions, orient?: VeinOrienter): Intercept[] {
  return drain(interceptSteps(model, paths, options, orient)).toArray();
}

/**
 * computeIntercepts as steps: the options are checked on the first `next()` (which throws
 * RangeError there), then it yields once after the vein orienter is built and once after each
 * hole, so the UI can run it in slices (sliced.ts `runSliced`). The intercepts come as columns
 * (interceptRows.ts), each one's object made when it is read.
 */
export function* interceptSteps(model: Model, paths: HolePath[], options: InterceptOptions, orient?: VeinOrienter): Generator<void, InterceptRows> {
  const { cutoff, minLength, maxDilution } = options;
  if (options.unsampled !== undefined && options.unsampled !== 'zero' && options.unsampled !== 'break') {
    throw new RangeError(`unsampled core must be 'zero' or 'break' (got ${String(options.unsampled)})`);
  }
  if (!Number.isFinite(cutoff)) throw new RangeError(`cut-off must be a number (got ${cutoff})`);
  if (!(minLength >= 0)) throw new RangeError(`minimum length must be ≥ 0 m (got ${minLength})`);
  if (!(maxDilution >= 0)) throw new RangeError(`maximum internal dilution must be ≥ 0 m (got ${maxDilution})`);
  const topCut = options.topCut ?? null;
  if (topCut !== null && !(topCut > 0)) throw new RangeError(`top-cut must be > 0 (got ${topCut})`);
  const includeCutoff = options.includeCutoff ?? null;
  if (includeCutoff !== null && !Number.isFinite(includeCutoff)) throw new RangeError(`including cut-off must be a number (got ${includeCutoff})`);

  const col = resolveGradeColumn(model, options);
  if (!col) return NO_INTERCEPTS;
  const { table } = col;
  const values = table.numeric[col.column];
  const domainCol = options.domain ? categorical(table, options.domain) : undefined;
  if (options.domain && !domainCol) throw new RangeError(`no categorical column "${options.domain}" in table ${table.id}`);
  const zoneCol = options.zoneColumn === null ? undefined : categorical(table, options.zoneColumn ?? 'zone');
  const veinZones = new Set(model.zones.filter((z) => z.kind === 'vein').map((z) => z.id));
  // Zone code → vein zone id (null for categories that are not vein zones).
  const zoneOfCode = zoneCol ? zoneCol.categories.map((c) => (veinZones.has(c) ? c : null)) : [];
  yield;
  const orienter = orient ?? veinOrienterFor(model);
  yield;
  const basis = options.widthBasis ?? options.labelWidth ?? DEFAULT_WIDTH_BASIS;
  const breakUnsampled = (options.unsampled ?? DEFAULT_UNSAMPLED) === 'break';
  const element = elementName(col.column);
  // Paths by hole: the given array when it lines up with model.holes, else by id, else desurveyed here.
  const pathById = new Map(paths.map((p) => [p.holeId, p]));
  const pathOf = (hi: number): HolePath => {
    const h = model.holes[hi];
    const p = paths[hi]?.holeId === h.id ? paths[hi] : pathById.get(h.id);
    if (p) return p;
    if (h.trace && h.stations.length === 0) return pathFromTrace(h.id, h.trace);
    return desurvey({ holeId: h.id, collar: h.collar, depth: h.depth, stations: h.stations, collarAzimuth: h.collarAzimuth, collarDip: h.collarDip }).path;
  };

  // Rows per hole, sorted by depth.
  const byHole = new Map<number, number[]>();
  for (let r = 0; r < table.hole.length; r++) {
    if ((r & 0x7fff) === 0x7fff) yield;
    const list = byHole.get(table.hole[r]);
    if (list) list.push(r);
    else byHole.set(table.hole[r], [r]);
  }
  const holeOrder = [...byHole.keys()].sort((a, b) => a - b);

  const out = new InterceptRowsBuilder(model.holes, { unit: col.unit, element });
  for (const hi of holeOrder) {
    const rows = byHole.get(hi)!;
    rows.sort((a, b) => table.from[a] - table.from[b] || table.to[a] - table.to[b]);
    const s = piecesOf(rows, table, values, topCut, domainCol ? domainCol.codes : null);
    let path: HolePath | null = null;

    const interval = (a: number, b: number, vein: InterceptVein | null): IntervalFigures => {
      // Rule 4: unassayed pieces weigh their length at zero grade.
      let len = 0, sampled = 0, acc = 0, accU = 0;
      for (let k = a; k <= b; k++) {
        const l = pieceLength(s[k]);
        len += l;
        if (s[k].assayed) sampled += l;
        acc += l * s[k].g;
        accU += l * s[k].gu;
      }
      const from = s[a].from;
      const to = s[b].to;
      const coreLength = to - from;
      const grade = acc / len;
      path ??= pathOf(hi);
      const mid = (from + to) / 2;
      let trueWidth: number | null = null;
      let horizontalWidth: number | null = null;
      if (vein) {
        const d = directionAtDepth(path, mid);
        trueWidth = coreLength * Math.abs(d[0] * vein.normal[0] + d[1] * vein.normal[1] + d[2] * vein.normal[2]);
        horizontalWidth = vein.dip >= MIN_DIP_FOR_HW ? trueWidth / Math.sin((vein.dip * Math.PI) / 180) : null;
      }
      const widths: Widths = { coreLength, trueWidth, horizontalWidth };
      const widthKind = chooseWidth(basis, (k) => widthOf(widths, k) !== null);
      return {
        from,
        to,
        sampledLength: sampled,
        unsampledLength: Math.max(0, len - sampled),
        rows: s.slice(a, b + 1).filter((x) => x.row >= 0).map((x) => x.row),
        grade,
        gradeUncapped: accU / len,
        trueWidth,
        horizontalWidth,
        widthKind,
        midpoint: positionAtDepth(path, mid),
      };
    };

    /** Zone and vein orientation of samples a..b (rules 9 and 10). */
    const veinOf = (a: number, b: number): { zoneId: string | null; vein: InterceptVein | null } => {
      path ??= pathOf(hi);
      const from = s[a].from;
      const to = s[b].to;
      const midpoint = positionAtDepth(path, (from + to) / 2);
      let zoneId: string | null = null;
      if (zoneCol) {
        const votes = new Map<string, number>();
        for (let k = a; k <= b; k++) {
          if (s[k].row < 0) continue;
          const code = zoneCol.codes[s[k].row];
          const z = code >= 0 ? zoneOfCode[code] : null;
          if (z) votes.set(z, (votes.get(z) ?? 0) + (s[k].to - s[k].from));
        }
        let best = 0;
        for (const [z, l] of votes) if (l > best) { best = l; zoneId = z; }
      }
      const asVein = (h: VeinHit, pierced: boolean): InterceptVein => ({ zoneId: h.zoneId, dip: h.dip, normal: h.normal, distance: h.distance, pierced });
      if (zoneId) {
        const h = orienter.nearest(midpoint, zoneId, KNOWN_ZONE_MAX_DISTANCE);
        return { zoneId, vein: h ? asVein(h, false) : null };
      }
      const ds = sampleDepths(path, from, to);
      for (let k = 0; k + 1 < ds.length; k++) {
        const h = orienter.pierce(positionAtDepth(path, ds[k]), positionAtDepth(path, ds[k + 1]));
        if (h) return { zoneId: h.zoneId, vein: asVein(h, true) };
      }
      const h = orienter.nearest(midpoint, null, ANY_VEIN_MAX_DISTANCE);
      return { zoneId: null, vein: h ? asVein(h, false) : null };
    };

    for (const [lo, hiRun] of runs(s, 0, s.length - 1, domainCol !== undefined, breakUnsampled)) {
      for (const [a, b] of composite(s, lo, hiRun, cutoff, maxDilution)) {
        if (s[b].to - s[a].from < minLength - DEPTH_EPS) continue;
        const { zoneId, vein } = veinOf(a, b);
        const including: IntervalFigures[] = [];
        if (includeCutoff !== null) {
          // Rule 8: no dilution and no unsampled core inside an including clause, no minimum length.
          for (const [lo2, hi2] of runs(s, a, b, false, true)) {
            for (const [ia, ib] of composite(s, lo2, hi2, includeCutoff, 0)) {
              if (ia === a && ib === b) continue; // the whole intercept: not a sub-interval
              including.push(interval(ia, ib, vein));
            }
          }
        }
        out.add(hi, interval(a, b, vein), zoneId, vein, including);
      }
    }
    yield;
  }
  return out.finish();
}

/**
 * The assayed sample of an intercept to show for a depth inside it (m along the hole): the one that
 * holds the depth (from ≤ depth < to, the last one also at its bottom), else, when the depth falls
 * in unsampled core, the nearest assayed sample above or below (the upper one on a tie). Never a
 * row outside the intercept. -1 when it has no assayed row (it always has one).
 */
export function interceptSampleAt(rows: readonly number[], table: { from: ArrayLike<number>; to: ArrayLike<number> }, values: ArrayLike<number>, depth: number): number {
  let best = -1, bestGap = Infinity;
  for (const r of rows) {
    if (Number.isNaN(values[r])) continue;
    const from = table.from[r], to = table.to[r];
    const gap = depth < from - DEPTH_EPS ? from - depth : depth > to + DEPTH_EPS ? depth - to : 0;
    // Inside this sample; a depth on its bottom belongs to the sample below when there is one.
    if (gap === 0 && depth < to - DEPTH_EPS) return r;
    if (gap < bestGap) { bestGap = gap; best = r; }
  }
  return best;
}

/** RFC 4180 field: quoted when it holds a comma, quote, line break or edge spaces; quotes doubled. */
const csvField = csvText;

/** Column-name form of a unit: g/t → gpt, % → pct, else letters and digits. */
/** The grade unit as a header identifier part: g/t → gpt, % → pct, ppm → ppm. */
export function unitTag(unit: string): string {
  const u = unit.trim().toLowerCase();
  if (u === 'g/t' || u === 'gpt') return 'gpt';
  if (u === '%') return 'pct';
  return u.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'value';
}

/**
 * The CSV's English header row, the grade unit in the grade and gram-metres names
 * ("grade_capped_gpt"); the interface writes it in its language from the same identifiers'
 * catalogue (src/ui/intercepts/table.ts `csvHeader`, docs/i18n.md "CSV files").
 */
export function interceptCsvHeader(unit: string): string[] {
  const u = unitTag(unit);
  const gm = u === 'gpt' ? 'gram_metres' : `${u}_metres`;
  return [
    'hole_id', 'from_m', 'to_m', 'core_length_m', 'true_width_m', 'horizontal_width_m', 'unsampled_m',
    `grade_capped_${u}`, `grade_uncapped_${u}`, gm, `${gm}_width`, 'zone', 'zone_name', 'label',
  ];
}

/**
 * Intercepts as CSV (RFC 4180, CRLF line ends), one row per intercept, a header naming units.
 * Depths, lengths and widths in m and grades to 3 decimals; unknown widths are empty cells. Gram-metres
 * are capped grade × the width named in the next column (HW, TW or core length: the basis asked
 * for, or the fallback where it is unknown); `unsampled_m` is the core counted at zero grade.
 * `notes` (e.g. which intercepts are listed and the filters that chose them) come first, each on
 * its own line starting with "# ", before the header; the columns are the same with or without.
 * `labelOf` writes the label column (default the English `label`; the interface passes its language's),
 * `header` the header row (default English; the interface passes its language's identifiers).
 */
export function interceptsToCsv(rows: Intercept[], unit: string, notes: readonly string[] = [], zoneNames: ReadonlyMap<string, string> = new Map(), labelOf: (r: Intercept) => string = (r) => r.label, header: readonly string[] = interceptCsvHeader(unit)): string {
  const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : x.toFixed(3));
  const lines = [...notes.map((n) => `# ${n.replace(/[\r\n]+/g, ' ')}`), header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvField(r.holeId), num(r.from), num(r.to), num(r.coreLength), num(r.trueWidth), num(r.horizontalWidth), num(r.unsampledLength),
        num(r.grade), num(r.gradeUncapped), num(r.gramMetres), WIDTH_TAG[r.widthKind], csvField(r.zoneId ?? ''), csvField(r.zoneId ? zoneNames.get(r.zoneId) ?? r.zoneId : ''), csvField(labelOf(r)),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
