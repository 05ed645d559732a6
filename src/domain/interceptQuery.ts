/**
 * Intercept rows as the table and the API show them: the calculator's output, optionally limited
 * to the zones of one vein system, with the summary a press release quotes (width-weighted grade
 * over the average width).
 */
import type { Model } from '../data/model';
import type { HolePath } from './desurvey';
import { chooseWidth, DEFAULT_WIDTH_BASIS, interceptSteps, widthOf, type Intercept, type InterceptOptions, type WidthKind } from './intercepts';
import { coreLengthAt, InterceptRows, KNOWN_BIT } from './interceptRows';
import { drain } from './sliced';

export interface InterceptQuery extends InterceptOptions {
  /** keep only intercepts in zones of this vein system (zone.system), e.g. "McDowell" */
  system?: string | null;
}

export interface InterceptSummary {
  count: number;
  /**
   * width-weighted mean of the (capped) grades; the width is the basis asked for when every row has
   * one, else the fallback every row has (intercepts.ts chooseWidth: true width, else core length)
   */
  grade: number;
  /** arithmetic mean of that width, m */
  width: number;
  widthKind: WidthKind;
  unit: string;
}

export function queryIntercepts(model: Model, paths: HolePath[], q: InterceptQuery): Intercept[] {
  return drain(queryInterceptSteps(model, paths, q)).toArray();
}

/**
 * queryIntercepts as steps (intercepts.ts `interceptSteps`): the options are checked on the first
 * `next()`. The rows come as columns (interceptRows.ts), as the store keeps them.
 */
export function* queryInterceptSteps(model: Model, paths: HolePath[], q: InterceptQuery): Generator<void, InterceptRows> {
  const rows = yield* interceptSteps(model, paths, q);
  if (!q.system) return rows;
  const zones = new Set(model.zones.filter((z) => z.system === q.system).map((z) => z.id));
  return rows.select((i) => {
    const z = rows.zoneId(i);
    return z !== null && zones.has(z);
  });
}

/** The summary over one width for all rows: never a mix of widths (summariseFlagged without flags). */
export function summarise(rows: InterceptRows | readonly Intercept[], unit = 'g/t', basis: WidthKind = DEFAULT_WIDTH_BASIS): InterceptSummary {
  return summariseFlagged(rows, null, unit, basis);
}

/**
 * Grade and widths of each intercept as typed arrays, made once per intercept list: the summary
 * of the intercepts in view runs on every filter change, and reading them from the row objects
 * allocated 2-9 MB (boxed numbers) a change at 100,000 holes x 100 intervals.
 */
interface InterceptColumns {
  grade: Float64Array;
  /** per row: horizontal, true and core width (m; 0 where unknown) */
  widths: Record<WidthKind, Float64Array>;
  /** per row: 1 horizontal, 2 true, 4 core width known */
  known: Uint8Array;
}

const columnsCache = new WeakMap<InterceptRows | readonly Intercept[], InterceptColumns>();

function columnsOf(rows: InterceptRows | readonly Intercept[]): InterceptColumns {
  let c = columnsCache.get(rows);
  if (c) return c;
  if (rows instanceof InterceptRows) {
    // The rows' own columns; core length as an intercept read back has it (coreLengthAt).
    const m = rows.main;
    const core = new Float64Array(rows.length);
    for (let i = 0; i < core.length; i++) core[i] = coreLengthAt(m, i);
    c = { grade: m.grade, widths: { horizontal: m.horizontalWidth, true: m.trueWidth, core }, known: m.known };
    columnsCache.set(rows, c);
    return c;
  }
  const n = rows.length;
  c = { grade: new Float64Array(n), widths: { horizontal: new Float64Array(n), true: new Float64Array(n), core: new Float64Array(n) }, known: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    c.grade[i] = rows[i].grade;
    for (const k of ['horizontal', 'true', 'core'] as const) {
      const w = widthOf(rows[i], k);
      if (w === null) continue;
      c.widths[k][i] = w;
      c.known[i] |= KNOWN_BIT[k];
    }
  }
  columnsCache.set(rows, c);
  return c;
}

/**
 * `summarise` of the rows `flags` marks 1 (all rows without flags, or when they do not match),
 * the same sums in the same order, read from typed arrays made once per intercept list.
 */
export function summariseFlagged(rows: InterceptRows | readonly Intercept[], flags: Uint8Array | null, unit = 'g/t', basis: WidthKind = DEFAULT_WIDTH_BASIS): InterceptSummary {
  const c = columnsOf(rows);
  const every = !flags || flags.length !== rows.length;
  // The rows counted and the widths every one of them has, in blocks as the sums below.
  const tally = Int32Array.of(0, 7);
  for (let i = 0; i < rows.length; i += SUM_BLOCK) tallyFlagged(c.known, every ? null : flags, i, Math.min(rows.length, i + SUM_BLOCK), tally);
  const [count, knownInAll] = tally;
  const kind = count === 0 ? 'core' : chooseWidth(basis, (k) => (knownInAll & KNOWN_BIT[k]) !== 0);
  // Summed in blocks, in the same order: a function called many times is compiled by the
  // optimiser; one loop over 400,000 rows, once per filter change, ran mostly unoptimised, a new
  // heap number per addition (6-7 young-generation collections a call in Node, none in blocks).
  const sums = new Float64Array(2);
  for (let i = 0; i < rows.length; i += SUM_BLOCK) addFlagged(c.widths[kind], c.grade, every ? null : flags, i, Math.min(rows.length, i + SUM_BLOCK), sums);
  const [total, gradeWidth] = sums;
  return { count, grade: total > 0 ? gradeWidth / total : NaN, width: count ? total / count : NaN, widthKind: kind, unit };
}

/** Rows summed per call of addFlagged. */
const SUM_BLOCK = 4096;

/** Adds to tally[0] the rows lo..hi-1 flagged 1 (all without flags) and keeps in tally[1] the width bits (KNOWN_BIT) all of them have. */
function tallyFlagged(known: Uint8Array, flags: Uint8Array | null, lo: number, hi: number, tally: Int32Array): void {
  let count = tally[0], bits = tally[1];
  for (let i = lo; i < hi; i++) {
    if (flags && flags[i] !== 1) continue;
    count++;
    bits &= known[i] & 7;
  }
  tally[0] = count;
  tally[1] = bits;
}

/** Adds width and grade × width of rows lo..hi-1 (those flagged 1, or all without flags) to sums[0] and sums[1], row by row. */
function addFlagged(width: Float64Array, grade: Float64Array, flags: Uint8Array | null, lo: number, hi: number, sums: Float64Array): void {
  let total = sums[0], gradeWidth = sums[1];
  for (let i = lo; i < hi; i++) {
    if (flags && flags[i] !== 1) continue;
    total += width[i];
    gradeWidth += grade[i] * width[i];
  }
  sums[0] = total;
  sums[1] = gradeWidth;
}

/** The options that reproduce a narrow-vein disclosure: one intercept per vein sample, capped. */
export function disclosurePreset(system: string, topCut: number): InterceptQuery {
  return { cutoff: 0, minLength: 0, maxDilution: 0, topCut, includeCutoff: null, domain: 'zone', system, widthBasis: 'horizontal', unsampled: 'zero' };
}
