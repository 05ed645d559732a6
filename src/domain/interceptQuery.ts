/**
 * Intercept rows as the table and the API show them: the calculator's output, optionally limited
 * to the zones of one vein system, with the summary a press release quotes (width-weighted grade
 * over the average width).
 */
import type { Model } from '../data/model';
import type { HolePath } from './desurvey';
import { interceptSteps, type Intercept, type InterceptOptions } from './intercepts';
import { drain } from './sliced';

export interface InterceptQuery extends InterceptOptions {
  /** keep only intercepts in zones of this vein system (zone.system), e.g. "McDowell" */
  system?: string | null;
}

export interface InterceptSummary {
  count: number;
  /** width-weighted mean of the (capped) grades; the width is horizontal when every row has one, else core length */
  grade: number;
  /** arithmetic mean of that width, m */
  width: number;
  widthKind: 'horizontal' | 'core';
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

export function summarise(rows: Intercept[], unit = 'g/t'): InterceptSummary {
  const horizontal = rows.length > 0 && rows.every((r) => r.horizontalWidth !== null);
  const w = (r: Intercept) => (horizontal ? r.horizontalWidth! : r.coreLength);
  const total = rows.reduce((s, r) => s + w(r), 0);
  return {
    count: rows.length,
    grade: total > 0 ? rows.reduce((s, r) => s + r.grade * w(r), 0) / total : NaN,
    width: rows.length ? total / rows.length : NaN,
    widthKind: horizontal ? 'horizontal' : 'core',
    unit,
  };
}

/** The options that reproduce a narrow-vein disclosure: one intercept per vein sample, capped. */
export function disclosurePreset(system: string, topCut: number): InterceptQuery {
  return { cutoff: 0, minLength: 0, maxDilution: 0, topCut, includeCutoff: null, domain: 'zone', system };
}
