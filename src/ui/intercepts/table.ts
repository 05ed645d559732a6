/**
 * The intercept table's columns, sorting and the summary sentence. Pure: no React, no DOM.
 */
import { unitTag, type Intercept, type WidthKind } from '../../domain/intercepts';
import type { InterceptSummary } from '../../domain/interceptQuery';
import { formatCount, i18next } from '../../i18n';
import { fixedNumber } from '../../i18n/numbers';
import { widthName } from '../../i18n/interceptText';

/** A message of the 'intercepts' namespace in the interface language. */
const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, { ns: 'intercepts', ...options }) as string;
/** A width's tag in sentences ("HW", "core length") and its short name in cells and headers ("CL"). */
const tag = (k: WidthKind) => widthName(k);
const abbr = (k: WidthKind) => t(`table.abbr.${k}`);

export type SortKey = 'hole' | 'from' | 'to' | 'core' | 'tw' | 'hw' | 'grade' | 'gradeUncapped' | 'gramMetres' | 'zone';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: Sort = { key: 'gramMetres', dir: 'desc' };
/** Rows drawn in the table at most (the CSV holds them all). */
export const MAX_ROWS = 200;

export interface Column {
  key: SortKey;
  /** header text ('\n' = line break) and its unit (drawn on the last line); `el` is the element ("Au"), `unit` the grade unit, `basis` the width of gram-metres */
  title: (el: string, unit: string, basis: WidthKind) => [string, string];
  /** a text column (sorted alphabetically, first click ascending) */
  text?: boolean;
  /** what the column is, for the header's tooltip (in the interface language) */
  readonly tip: string;
}

/** A column whose header and tooltip come from the catalogue (table.col.*, table.tip.<key>). */
const column = (key: SortKey, title: Column['title'], text?: boolean): Column => ({
  key,
  title,
  ...(text ? { text } : {}),
  get tip() {
    return t(`table.tip.${key}`);
  },
});

export const COLUMNS: Column[] = [
  column('hole', () => [t('table.col.hole'), ''], true),
  column('from', () => [t('table.col.from'), 'm']),
  column('to', () => [t('table.col.to'), 'm']),
  column('core', () => [t('table.col.core'), 'm']),
  column('tw', () => [t('table.col.tw'), 'm']),
  column('hw', () => [t('table.col.hw'), 'm']),
  column('grade', (el, u) => [t('table.col.capped', { el }), u]),
  column('gradeUncapped', (el, u) => [t('table.col.uncapped', { el }), u]),
  // as gramMetresUnit (domain/intercepts.ts) writes it: "g/t·m (HW)"
  column('gramMetres', (_el, u, b) => [t('table.col.gramMetres', { unit: u || t('table.col.grade'), width: abbr(b) }), '']),
  column('zone', () => [t('table.col.zone'), ''], true),
];

/** One-line header text with its unit: "From (m)", "Au capped (g/t)". */
export function headerText(c: Column, el: string, unit: string, basis: WidthKind = 'horizontal'): string {
  const [name, u] = c.title(el, unit, basis);
  const n = name.replace(/\n/g, ' ');
  return u ? `${n} (${u})` : n;
}

/** The value a row is sorted on (numbers, strings, or null for unknown). */
export function sortValue(r: Intercept, key: SortKey, zoneName: (id: string | null) => string): number | string | null {
  switch (key) {
    case 'hole': return r.holeId;
    case 'from': return r.from;
    case 'to': return r.to;
    case 'core': return r.coreLength;
    case 'tw': return r.trueWidth;
    case 'hw': return r.horizontalWidth;
    case 'grade': return r.grade;
    case 'gradeUncapped': return r.gradeUncapped;
    case 'gramMetres': return r.gramMetres;
    case 'zone': return r.zoneId === null ? null : zoneName(r.zoneId);
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Rows sorted on a column; unknown values (null, NaN) last in either direction; ties by hole then
 * depth so the order is stable and readable.
 */
export function sortIntercepts(rows: readonly Intercept[], sort: Sort, zoneName: (id: string | null) => string = (z) => z ?? ''): Intercept[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, v: sortValue(r, sort.key, zoneName) }));
  const missing = (v: number | string | null) => v === null || (typeof v === 'number' && Number.isNaN(v));
  keyed.sort((a, b) => {
    const ma = missing(a.v), mb = missing(b.v);
    if (ma !== mb) return ma ? 1 : -1;
    let c = 0;
    if (!ma) c = typeof a.v === 'string' ? collator.compare(a.v, b.v as string) : (a.v as number) - (b.v as number);
    if (c !== 0) return sign * c;
    return collator.compare(a.r.holeId, b.r.holeId) || a.r.from - b.r.from;
  });
  return keyed.map((k) => k.r);
}

/** Clicking a header: the same column flips direction; a new one starts ascending for text, descending for numbers. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const col = COLUMNS.find((c) => c.key === key);
  return { key, dir: col?.text ? 'asc' : 'desc' };
}

/** A zone name for a narrow cell: without a trailing parenthetical ("McDowell Set 1 (Main)" → "McDowell Set 1"). */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}

/**
 * A gram-metres cell: the number, followed by the width it uses when that is not the column's
 * basis ("4.20 CL"), so a fallback is never silent.
 */
export function gramMetresCell(r: Pick<Intercept, 'gramMetres' | 'widthKind'>, basis: WidthKind): { text: string; title: string } {
  const text = fmt(r.gramMetres) + (r.widthKind === basis ? '' : ` ${abbr(r.widthKind)}`);
  const title = r.widthKind === basis
    ? t('table.cellTitle', { tag: tag(r.widthKind) })
    : t('table.cellFallback', { tag: tag(r.widthKind), basis: tag(basis) });
  return { text, title };
}

/** Fixed-decimal number in the interface language ("6.07" / "6,07"), or '—' when unknown. */
export function fmt(v: number | null, digits = 2, language = i18next.language || 'en'): string {
  return v === null || !Number.isFinite(v) ? '—' : fixedNumber(v, digits, language);
}

export { elementName } from '../../domain/intercepts';

/**
 * Which intercepts a summary, table or CSV covers: with `onlyInView`, those the view filters leave
 * in view (`inView` of the `total` the calculator found), else all of them.
 */
export interface InterceptScope {
  onlyInView: boolean;
  inView: number;
  total: number;
}

/**
 * "487 intercepts · 6.07 g/t Au over 0.82 m (HW, width-weighted)"; when the filters hide some,
 * it says which: "380 of 454 intercepts in view · …", or "454 intercepts (380 in view) · …".
 */
export function summaryText(s: InterceptSummary, element: string, scope?: InterceptScope): string {
  let n = t('summary.intercepts', { count: s.count });
  if (scope && scope.inView < scope.total) n = scope.onlyInView ? t('summary.ofInView', { shown: formatCount(s.count), count: scope.total }) : t('summary.withInView', { n, inView: formatCount(scope.inView) });
  if (s.count === 0 || !Number.isFinite(s.grade)) return n;
  const grade = [fmt(s.grade), s.unit, element].filter((x) => x !== '').join(' ');
  return t('summary.text', { n, grade, width: fmt(s.width), tag: tag(s.widthKind) });
}

/** The table's header count: "showing 200 of 380 in view · 454 in all", or "showing 200 of 454 · 380 in view". */
export function tableCountText(shown: number, scope: InterceptScope): string {
  const n = { shown: formatCount(shown), inView: formatCount(scope.inView), total: formatCount(scope.total) };
  return scope.onlyInView ? t('table.count', n) : t('table.countAll', n);
}

/**
 * The CSV's note on what it lists: "intercepts in view: 380 of 454 (filters: grade ≥ 5 g/t;
 * section slab 50 m wide)", or "all 454 intercepts, 380 of them in view (filters: …)"; in the
 * interface language, with plain figures (a file is read by programs too).
 */
export function csvScopeNote(scope: InterceptScope, filtersOn: readonly string[], language = i18next.language || 'en'): string {
  const o = { lng: language, inView: String(scope.inView), total: String(scope.total) };
  const which = scope.onlyInView ? t('csv.inView', o) : t('csv.all', o);
  return t('csv.note', { lng: language, which, filters: filtersOn.length ? t('csv.filters', { lng: language, list: filtersOn.join('; ') }) : t('csv.noFilter', { lng: language }) });
}

/** The CSV's columns in order, each with its catalogue keys (csv.header.*, csv.col.*). */
const CSV_COLUMN_KEYS = ['hole', 'from', 'to', 'core', 'tw', 'hw', 'unsampled', 'capped', 'uncapped', 'gramMetres', 'gramMetresWidth', 'zone', 'zoneName', 'label'];

/**
 * The CSV's header row in `language`: plain identifiers (lower case, ASCII, unit suffixed:
 * "de_m", "teneur_plafonnee_gpt") so programs and import mappings read it; English is
 * `interceptCsvHeader`'s row (a test keeps them equal).
 */
export function csvHeader(unit: string, language = i18next.language || 'en'): string[] {
  const u = unitTag(unit);
  const h = (key: string, o: Record<string, string> = {}) => t(`csv.header.${key}`, { lng: language, u, ...o });
  const gm = u === 'gpt' ? h('gramMetres') : h('otherMetres');
  return CSV_COLUMN_KEYS.map((k) => (k === 'gramMetres' ? gm : k === 'gramMetresWidth' ? h(k, { gm }) : h(k)));
}

/**
 * In a language other than English, a note saying in words what each column of the header row
 * holds ("de_m = de (m); …") and how its numbers are written. null in English.
 */
export function csvColumnsNote(unit: string, language = i18next.language || 'en'): string | null {
  if (language === 'en') return null;
  const names = csvHeader(unit, language).map((h, i) => `${h} = ${t(`csv.col.${CSV_COLUMN_KEYS[i]}`, { lng: language, unit: unit || t('table.col.grade', { lng: language }) })}`);
  return t('csv.columns', { lng: language, list: names.join('; ') });
}
