/**
 * The intercept table's columns, sorting and the summary sentence. Pure: no React, no DOM.
 */
import type { Intercept } from '../../domain/intercepts';
import type { InterceptSummary } from '../../domain/interceptQuery';

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
  /** header text and its unit (drawn on a second line); `el` is the element ("Au"), `unit` the grade unit */
  title: (el: string, unit: string) => [string, string];
  /** a text column (sorted alphabetically, first click ascending) */
  text?: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'hole', title: () => ['Hole', ''], text: true },
  { key: 'from', title: () => ['From', 'm'] },
  { key: 'to', title: () => ['To', 'm'] },
  { key: 'core', title: () => ['Core', 'm'] },
  { key: 'tw', title: () => ['TW', 'm'] },
  { key: 'hw', title: () => ['HW', 'm'] },
  { key: 'grade', title: (el, u) => [`${el} capped`, u] },
  { key: 'gradeUncapped', title: (el, u) => [`${el} uncapped`, u] },
  { key: 'gramMetres', title: (_el, u) => [`${u}·m`, 'grade × core'] },
  { key: 'zone', title: () => ['Zone', ''], text: true },
];

/** One-line header text with its unit: "From (m)", "Au capped (g/t)". */
export function headerText(c: Column, el: string, unit: string): string {
  const [name, u] = c.title(el, unit);
  return u && c.key !== 'gramMetres' ? `${name} (${u})` : name;
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

/** Fixed-decimal number, or '—' when unknown. */
export function fmt(v: number | null, digits = 2): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

/** Name of the element in labels: "Au" for Au, Au_ppm, AU_FA...; else the column name (as intercepts.ts). */
export function elementName(column: string): string {
  const m = /^([A-Z][a-z]?)(?:$|[_\s-])/i.exec(column);
  return m ? m[1][0].toUpperCase() + m[1].slice(1).toLowerCase() : column;
}

/** "487 intercepts · 6.07 g/t Au over 0.82 m (HW, width-weighted)". */
export function summaryText(s: InterceptSummary, element: string): string {
  const n = `${s.count.toLocaleString('en-US')} intercept${s.count === 1 ? '' : 's'}`;
  if (s.count === 0 || !Number.isFinite(s.grade)) return n;
  const tag = s.widthKind === 'horizontal' ? 'HW' : 'core length';
  const grade = [s.grade.toFixed(2), s.unit, element].filter((x) => x !== '').join(' ');
  return `${n} · ${grade} over ${s.width.toFixed(2)} m (${tag}, width-weighted)`;
}

/** Parse a number field: '' → null (when allowed), else a finite number passing `ok`, else undefined (invalid). */
export function parseField(text: string, allowEmpty: boolean, ok: (v: number) => boolean): number | null | undefined {
  const t = text.trim();
  if (t === '') return allowEmpty ? null : undefined;
  const v = Number(t);
  return Number.isFinite(v) && ok(v) ? v : undefined;
}
