/**
 * Which of the store's intercepts the view filters leave in view: 1 per row of `intercepts`, from
 * the one rule of the in-view count (domain/viewCounts.ts `interceptsInView`), with the filters as
 * filterStateFrom gives them (hole filters, elevation and depth windows, grade cut-off, zone ticks,
 * section slab or clip box). Used by the intercept table (its rows, summary and CSV), the 3D labels
 * and the count, so they always agree. The intercepts themselves are never recomputed on a filter
 * change: only the flags (a linear pass over typed arrays), kept while the inputs are the same.
 */
import { flagInView, holeAttrsFor } from '../domain/viewCounts';
import { InterceptFlagger, interceptPoints, type InterceptFlags, type InterceptPoints } from '../domain/interceptFlags';
import { tallyColumnsOf } from '../domain/interceptQuery';
import { newTally } from '../domain/interceptTally';
import type { Intercept } from '../domain/intercepts';
import type { InterceptRows } from '../domain/interceptRows';
import { filterStateFrom, type FilterInputs } from './filterState';
import type { VeinscapeState } from './store';
import { i18next } from '../i18n';
import { localText } from '../i18n/localText';
import { shortNumber } from '../i18n/numbers';

const pointsCache = new WeakMap<InterceptRows, { prepared: unknown; zones: unknown; points: InterceptPoints }>();

/** What the rule of an intercept in view reads (domain/interceptFlags.ts: mostly the rows' own arrays), once per intercept list and dataset. */
export function interceptPointsOf(s: Pick<VeinscapeState, 'model' | 'prepared' | 'intercepts'>): InterceptPoints | null {
  const { model, prepared, intercepts } = s;
  if (!model || !prepared) return null;
  const hit = pointsCache.get(intercepts);
  if (hit && hit.prepared === prepared && hit.zones === model.zones) return hit.points;
  const points = interceptPoints(intercepts, prepared.origin, model.zones);
  pointsCache.set(intercepts, { prepared, zones: model.zones, points });
  return points;
}

export type InterceptViewInputs = FilterInputs & Pick<VeinscapeState, 'intercepts'>;

/** Per intercept list (the store's, or the disclosed holes' own): its flagger and the last flags made. */
const flagCache = new WeakMap<InterceptRows, { flagger: InterceptFlagger; keys: readonly unknown[] | null; result: InterceptFlags | null }>();

/**
 * The flags of the intercepts in view (1 per intercept in view, 0 per intercept a filter hides;
 * index = the row's index in `intercepts`) and the summary's tally of them; null without a
 * dataset. The same object while the intercepts, dataset, filters, zone ticks and section are the
 * same (the labels ask on every frame); a change of the cut-off alone tests only the grade again
 * (domain/interceptFlags.ts).
 */
export function interceptsInViewOf(s: InterceptViewInputs): InterceptFlags | null {
  if (!s.model || !s.prepared) return null;
  // No intercepts (a dataset just arrived, its intercepts not computed yet): none in view, without
  // the hole filters' pass over every hole in the task that shows the dataset (Session 19).
  if (s.intercepts.length === 0) return NONE;
  const points = interceptPointsOf(s);
  if (!points) return null;
  let c = flagCache.get(s.intercepts);
  if (!c || c.flagger.points !== points) {
    c = { flagger: new InterceptFlagger(points, tallyColumnsOf(s.intercepts)), keys: null, result: null };
    flagCache.set(s.intercepts, c);
  }
  const keys = [points, s.model, s.prepared, s.filters, s.zoneVisible, s.section];
  if (c.result && c.keys && c.keys.every((k, i) => k === keys[i])) return c.result;
  c.result = flagInView(c.flagger, holeAttrsFor(s.model.holes, s.prepared.programs), filterStateFrom(s));
  c.keys = keys;
  return c.result;
}

/** The flags and tally of an empty intercept list. */
const NONE: InterceptFlags = { flags: new Uint8Array(0), tally: newTally() };

/** The flags of interceptsInViewOf alone. */
export function interceptFlagsOf(s: InterceptViewInputs): Uint8Array | null {
  return interceptsInViewOf(s)?.flags ?? null;
}

/** How many rows are flagged 1 (all of them without flags, or flags of another list). */
export function flaggedCount(total: number, flags: Uint8Array | null): number {
  if (!flags || flags.length !== total) return total;
  // In blocks, as the flags are made (domain/viewCounts.ts interceptsInView): a function called
  // many times is compiled by the optimiser; one loop over 400,000 flags, once per filter change, ran unoptimised.
  let n = 0;
  for (let i = 0; i < flags.length; i += COUNT_BLOCK) n += sumRange(flags, i, Math.min(flags.length, i + COUNT_BLOCK));
  return n;
}

/** Flags added per call of sumRange. */
const COUNT_BLOCK = 4096;

function sumRange(flags: Uint8Array, lo: number, hi: number): number {
  let n = 0;
  for (let i = lo; i < hi; i++) n += flags[i];
  return n;
}

/**
 * The rows flagged 1 as objects (all of them without flags, or with flags of another list). Made
 * only where a list is read (the open table, the CSV): at 100,000 holes x 100 intervals there are
 * 400,000 rows, and each object is made when read (domain/interceptRows.ts). The list is made at
 * its size, once (`filter` grew its result by copies).
 */
export function rowsInView(rows: InterceptRows, flags: Uint8Array | null): Intercept[] {
  if (!flags || flags.length !== rows.length) return rows.toArray();
  const out = new Array<Intercept>(flaggedCount(rows.length, flags));
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i] === 1) out[k++] = rows.at(i);
  return out;
}

/**
 * The view filters that are on, in words, for the CSV's note ("grade ≥ 5 g/t", "zones unticked:
 * McDowell Set 1, …", "section slab 50 m wide"); empty when none is.
 */
export function viewFiltersOn(s: FilterInputs, unit = 'g/t', language = 'en'): string[] {
  const f = s.filters;
  const t = (key: string, o: Record<string, unknown> = {}) => i18next.t(`intercepts:csv.filterOn.${key}`, { lng: language, ...o });
  const n = (v: number) => shortNumber(v, 3, language);
  const out: string[] = [];
  if (!f.status.drilled || !f.status.planned) out.push(t('statusOnly', { status: t(`status.${f.status.drilled ? 'drilled' : 'planned'}`) }));
  if (!f.type.surface || !f.type.underground) out.push(t('typeOnly', { type: t(`type.${f.type.surface ? 'surface' : 'underground'}`) }));
  const programsOff = Object.keys(f.programs).filter((p) => f.programs[p] === false);
  if (programsOff.length) out.push(t('programmesHidden', { list: programsOff.join(' ') }));
  const range = (lo: number | null, hi: number | null, u: string) => t('range', { lo: lo === null ? '…' : n(lo), hi: hi === null ? '…' : n(hi), unit: u });
  // Years are written as years (no grouping: 1996, never 1,996).
  if (f.yearMin !== null || f.yearMax !== null) out.push(t('years', { range: t('range', { lo: f.yearMin ?? '…', hi: f.yearMax ?? '…', unit: '' }) }));
  if (f.holeSearch.trim()) out.push(t('search', { text: f.holeSearch.trim() }));
  if (f.onlyHoles) out.push(t('listed', { count: n(f.onlyHoles.length) }));
  if (f.disclosedOn) out.push(t('disclosed', { date: f.disclosedOn }));
  if (f.elevationMin !== null || f.elevationMax !== null) out.push(t('elevation', { range: range(f.elevationMin, f.elevationMax, ' m') }));
  if (f.depthMin !== null || f.depthMax !== null) out.push(t('depth', { range: range(f.depthMin, f.depthMax, ' m') }));
  if (f.gradeCutoff > 0) out.push(t('grade', { cutoff: n(f.gradeCutoff), unit }));
  const zonesOff = (s.model?.zones ?? []).filter((z) => s.zoneVisible?.[z.id] === false).map((z) => localText(z, 'name', language));
  if (zonesOff.length) out.push(t('zonesOff', { list: zonesOff.join(', ') }));
  if (s.section?.mode === 'slab') out.push(t('slab', { width: n(s.section.width) }));
  if (s.section?.mode === 'box' && s.section.box) out.push(t('box'));
  // One line of text: data (zone names, a search) never breaks the note across lines.
  return out.map((x) => x.replace(/[\r\n]+/g, ' '));
}
