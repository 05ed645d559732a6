/**
 * Intercept rows as the table and the API show them: the calculator's output, optionally limited
 * to the zones of one vein system, with the summary a press release quotes (width-weighted grade
 * over the average width).
 */
import type { Model } from '../data/model';
import type { HolePath } from './desurvey';
import { DEFAULT_WIDTH_BASIS, interceptSteps, widthOf, type Intercept, type InterceptOptions, type WidthKind } from './intercepts';
import { InterceptRows, KNOWN_BIT } from './interceptRows';
import { newTally, tallyRange, tallySummary, type Tally, type TallyColumns } from './interceptTally';
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

const columnsCache = new WeakMap<InterceptRows | readonly Intercept[], TallyColumns>();

/**
 * Grade and widths of each intercept as typed arrays (interceptTally.ts): the rows' own columns, or
 * made once per list of objects. The summary of the intercepts in view runs on every filter change,
 * and reading them from the row objects allocated 2-9 MB (boxed numbers) a change at 100,000 holes
 * x 100 intervals.
 */
export function tallyColumnsOf(rows: InterceptRows | readonly Intercept[]): TallyColumns {
  let c = columnsCache.get(rows);
  if (c) return c;
  if (rows instanceof InterceptRows) {
    // Core length as an intercept read back has it: from the rows' from and to as summed (coreLengthAt).
    const m = rows.main;
    c = { grade: m.grade, horizontal: m.horizontalWidth, true: m.trueWidth, core: null, from: m.from, to: m.to, known: m.known };
    columnsCache.set(rows, c);
    return c;
  }
  const n = rows.length;
  const w = { horizontal: new Float64Array(n), true: new Float64Array(n), core: new Float64Array(n) };
  c = { grade: new Float64Array(n), ...w, from: new Float64Array(n), to: new Float64Array(n), known: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    c.grade[i] = rows[i].grade;
    for (const k of ['horizontal', 'true', 'core'] as const) {
      const v = widthOf(rows[i], k);
      if (v === null) continue;
      w[k][i] = v;
      c.known[i] |= KNOWN_BIT[k];
    }
  }
  columnsCache.set(rows, c);
  return c;
}

/**
 * `summarise` of the rows `flags` marks 1 (all rows without flags, or when they do not match),
 * the same sums in the same order, read from typed arrays (tallyColumnsOf).
 */
export function summariseFlagged(rows: InterceptRows | readonly Intercept[], flags: Uint8Array | null, unit = 'g/t', basis: WidthKind = DEFAULT_WIDTH_BASIS): InterceptSummary {
  const c = tallyColumnsOf(rows);
  const every = !flags || flags.length !== rows.length;
  const t = newTally();
  for (let i = 0; i < rows.length; i += SUM_BLOCK) tallyRange(c, every ? null : flags, i, Math.min(rows.length, i + SUM_BLOCK), t);
  return summaryOfTally(t, unit, basis);
}

/** The summary from a tally of the rows counted (interceptTally.ts; made with the flags of a filter change). */
export function summaryOfTally(t: Tally, unit = 'g/t', basis: WidthKind = DEFAULT_WIDTH_BASIS): InterceptSummary {
  return { ...tallySummary(t, basis), unit };
}

/** Rows summed per call of tallyRange. */
const SUM_BLOCK = 4096;

/** The options that reproduce a narrow-vein disclosure: one intercept per vein sample, capped. */
export function disclosurePreset(system: string, topCut: number): InterceptQuery {
  return { cutoff: 0, minLength: 0, maxDilution: 0, topCut, includeCutoff: null, domain: 'zone', system, widthBasis: 'horizontal', unsampled: 'zero' };
}
