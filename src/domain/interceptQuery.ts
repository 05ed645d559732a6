/**
 * Intercept rows as the table and the API show them: the calculator's output, optionally limited
 * to the zones of one vein system, with the summary a press release quotes (width-weighted grade
 * over the average width).
 */
import type { Model } from '../data/model';
import type { HolePath } from './desurvey';
import { chooseWidth, DEFAULT_WIDTH_BASIS, interceptSteps, widthOf, type Intercept, type InterceptOptions, type WidthKind } from './intercepts';
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
  return drain(queryInterceptSteps(model, paths, q));
}

/** queryIntercepts as steps (intercepts.ts `interceptSteps`): the options are checked on the first `next()`. */
export function* queryInterceptSteps(model: Model, paths: HolePath[], q: InterceptQuery): Generator<void, Intercept[]> {
  const rows = yield* interceptSteps(model, paths, q);
  if (!q.system) return rows;
  const zones = new Set(model.zones.filter((z) => z.system === q.system).map((z) => z.id));
  return rows.filter((r) => r.zoneId !== null && zones.has(r.zoneId));
}

/** The summary over one width for all rows: never a mix of widths. */
export function summarise(rows: readonly Intercept[], unit = 'g/t', basis: WidthKind = DEFAULT_WIDTH_BASIS): InterceptSummary {
  const kind = rows.length === 0 ? 'core' : chooseWidth(basis, (k) => rows.every((r) => widthOf(r, k) !== null));
  // One plain loop (the same sums in the same order as two reductions): it runs on every filter
  // change over the intercepts in view, tens of thousands at a million intervals, and the
  // reductions' callbacks boxed each partial sum (3-4 MB of garbage a change).
  let total = 0;
  let gradeWidth = 0;
  for (let i = 0; i < rows.length; i++) {
    const width = widthOf(rows[i], kind)!;
    total += width;
    gradeWidth += rows[i].grade * width;
  }
  return {
    count: rows.length,
    grade: total > 0 ? gradeWidth / total : NaN,
    width: rows.length ? total / rows.length : NaN,
    widthKind: kind,
    unit,
  };
}

/** The options that reproduce a narrow-vein disclosure: one intercept per vein sample, capped. */
export function disclosurePreset(system: string, topCut: number): InterceptQuery {
  return { cutoff: 0, minLength: 0, maxDilution: 0, topCut, includeCutoff: null, domain: 'zone', system, widthBasis: 'horizontal', unsampled: 'zero' };
}
