/**
 * Interval tables (assays, lithology) → one column-wise interval table of the document:
 * `data: { hole, from, to, <value columns>... }`, from / to in metres, gold in g/t. Missing values
 * are null (never 0); below-detection values are negative (the document's "<limit" convention).
 */
import { say } from '../../domain/message';
import type { z } from 'zod';
import type { IntervalTable } from '../schema';
import type { Collars, MappedTable } from './collars';
import { goldFactor, inferNumeric, readNumber, readValueCell, splitUnit } from './columns';
import { at, fmt, Issues } from './issues';
import { cell, type CsvRows } from './parse';
import type { Dialect } from './dialect';
import { forEachKnownRow } from './surveys';
import type { ValueColumn } from './types';
import { toMetres, type Conversion } from './units';

export type IntervalTableInput = z.input<typeof IntervalTable>;

/**
 * The loaded rows' extents, column-wise (a million rows: no object and no "file:row N" text per row;
 * a row's place is written only when an issue names it).
 */
export interface Spans {
  hole: string[];
  /** m */
  from: number[];
  to: number[];
  /** 1-based file line of each loaded row */
  line: number[];
}

export interface IntervalsRead {
  table: IntervalTableInput;
  spans: Spans;
}

/** Value columns: every header but hole / from / to; gold becomes "Au" in g/t. */
function valueColumns(mt: MappedTable, issues: Issues): ValueColumn[] {
  const { table, mapping: m } = mt;
  const roles = new Set([m.hole, m.from, m.to]);
  const used = new Set(['hole', 'from', 'to']);
  // Names of Object.prototype ("__proto__", "constructor"...) would not be plain keys of the
  // document's `data`: such a column is named by its position too.
  const free = (n: string) => !used.has(n) && !(n in Object.prototype);
  const unique = (name: string, header: string) => {
    const n = free(name) ? name : free(header) ? header : `${header} (${table.headers.indexOf(header) + 1})`;
    if (n !== name && name in Object.prototype) issues.warn(table.file, say('csv.interval.reservedName', { header, name, used: n }));
    used.add(n);
    return n;
  };
  const stats = () => ({ values: 0, zero: 0, missing: 0, belowDetection: 0, overLimit: 0, nonNumeric: 0 });
  // Gold first: it keeps the name "Au" whatever the column order, and the app colours by it.
  const headers = table.headers.filter((h) => !roles.has(h));
  const ordered = m.au ? [m.au, ...headers.filter((h) => h !== m.au)] : headers;
  const cols = ordered.map((header): ValueColumn => {
    const { base, unit } = splitUnit(header);
    if (header === m.au) {
      const factor = goldFactor(unit);
      if (!unit) issues.warn(table.file, say('csv.interval.goldNoUnit', { column: header }));
      else if (factor !== 1) issues.warn(table.file, say('csv.interval.goldConverted', { column: header, goldUnit: unit, factor }));
      return { header, name: unique('Au', header), type: 'numeric', unit: 'g/t', factor, stats: stats() };
    }
    const i = table.index.get(header)!;
    if (inferNumeric(header, columnCells(table.rows, i), table.dialect)) {
      return { header, name: unique(unit ? base : header, header), type: 'numeric', unit, factor: 1, stats: stats() };
    }
    return { header, name: unique(header, header), type: 'categorical', factor: 1, stats: stats() };
  });
  return cols;
}

/** The cells of column `i`, one by one (no array of a million strings). */
function* columnCells(rows: CsvRows, i: number): Generator<string> {
  for (const r of rows) yield cell(r, i);
}

export function readIntervals(mt: MappedTable, tableId: string, collars: Collars, conv: Conversion, issues: Issues): IntervalsRead {
  const { table, mapping: m, info } = mt;
  const file = table.file;
  const cols = valueColumns(mt, issues);
  info.columns = cols;
  info.tableId = tableId;
  const hole: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const values = cols.map(() => [] as (number | string | null)[]);
  const spans: Spans = { hole, from, to, line: [] };
  const column = (h: string | undefined) => (h === undefined ? -1 : (table.index.get(h) ?? -1));
  const [fromAt, toAt] = [column(m.from), column(m.to)];
  const valueIndex = cols.map((c) => table.index.get(c.header)!);
  const categories = cols.map(() => new Map<string, string>());
  const { lines, dialect } = table;
  let loaded = 0;
  forEachKnownRow(mt, 'intervals', collars, issues, say('csv.interval.noId', { column: m.hole ?? '' }), (row, i, collar, reject) => {
    const f = readNumber(cell(row, fromAt), dialect);
    const t = readNumber(cell(row, toAt), dialect);
    if (!Number.isFinite(f) || !Number.isFinite(t) || f < 0 || t <= f) {
      return reject(i, collar.id, 'badFromTo', say('csv.interval.badFromTo', { fromColumn: m.from!, from: cell(row, fromAt), toColumn: m.to!, to: cell(row, toAt) }));
    }
    // The collar's own id string and one string per category: a million rows keep no copies.
    hole.push(collar.id);
    from.push(toMetres(f, conv));
    to.push(toMetres(t, conv));
    spans.line.push(lines[i]);
    for (let k = 0; k < cols.length; k++) values[k].push(readCell(cell(row, valueIndex[k]), cols[k], dialect, categories[k]));
    loaded++;
  });
  issues.load('intervals', loaded);
  info.loaded += loaded;
  checkSpans(file, spans, issues);
  reportValues(file, cols, values, issues);
  const data: Record<string, (number | string | null)[]> = { hole, from, to };
  cols.forEach((c, k) => (data[c.name] = values[k]));
  const name = file.replace(/\.[^.]*$/, '');
  return {
    table: { id: tableId, name, columns: cols.map((c) => (c.unit ? { name: c.name, type: c.type, unit: c.unit } : { name: c.name, type: c.type })), data },
    spans,
  };
}

/** One value; `seen` gives each category's first string, so equal values share one string. */
function readCell(raw: string, c: ValueColumn, dialect: Dialect, seen: Map<string, string>): number | string | null {
  if (c.type === 'categorical') {
    const s = raw.trim();
    if (!s) {
      c.stats.missing++;
      return null;
    }
    c.stats.values++;
    const first = seen.get(s);
    if (first !== undefined) return first;
    seen.set(s, s);
    return s;
  }
  const v = readValueCell(raw, dialect);
  if (v.kind === 'missing') c.stats.missing++;
  else if (v.kind === 'text') c.stats.nonNumeric++;
  else if (v.kind === 'below-detection') c.stats.belowDetection++;
  else if (v.kind === 'over-limit') c.stats.overLimit++;
  else c.stats.values++;
  if (v.value === 0) c.stats.zero++;
  if (v.value === null || c.factor === 1) return v.value;
  // 12 significant digits drop the binary noise of the unit factor (5 ppb → 0.005 g/t, not 0.005000000000000001).
  return Number((v.value * c.factor).toPrecision(12));
}

/** Overlaps are reported per interval; gaps (unsampled, not zero grade) are counted per table. */
/** m: depths closer than this are the same (rounding in exports), as in the data-QA checks. */
const DEPTH_TOL = 1e-3;

function checkSpans(file: string, spans: Spans, issues: Issues): void {
  // Row indexes per hole, in file order (a hole's rows usually follow each other).
  const byHole = new Map<string, number[]>();
  for (let r = 0; r < spans.hole.length; r++) {
    const list = byHole.get(spans.hole[r]);
    if (list) list.push(r);
    else byHole.set(spans.hole[r], [r]);
  }
  const { from, to } = spans;
  const where = (r: number) => at(file, spans.line[r]);
  let gaps = 0;
  let gapHoles = 0;
  for (const [id, list] of byHole) {
    // Stable, as the sort of the rows themselves was; most files are already in order.
    const order = (a: number, b: number) => from[a] - from[b] || to[a] - to[b];
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) sorted = order(list[k - 1], list[k]) <= 0;
    if (!sorted) list.sort(order);
    let holeGaps = 0;
    // The data-QA rule (domain/qa/intervalChecks.ts): a row starting before the earlier row that
    // reaches deepest ends overlaps it; the same from and to (1 mm) is a duplicate sample.
    let reach = list[0];
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1];
      const b = list[k];
      if (Math.abs(from[b] - from[a]) <= DEPTH_TOL && Math.abs(to[b] - to[a]) <= DEPTH_TOL) {
        issues.repeated('warning', file, 'duplicate', where(b), say('csv.interval.duplicate', { id, from: from[b], to: to[b], other: where(a) }), id, 'duplicate');
      } else if (from[b] < to[reach] - DEPTH_TOL) {
        issues.repeated('warning', file, 'overlap', where(b), say('csv.interval.overlap', { id, from: from[b], to: to[b], otherFrom: from[reach], otherTo: to[reach], other: where(reach) }), id, 'overlap');
      } else if (from[b] > to[reach] + DEPTH_TOL) holeGaps++;
      if (to[b] > to[reach]) reach = b;
    }
    gaps += holeGaps;
    if (holeGaps) gapHoles++;
  }
  if (gaps) issues.note(file, say('csv.interval.gaps', { count: gaps, holes: gapHoles }));
}

function reportValues(file: string, cols: ValueColumn[], values: (number | string | null)[][], issues: Issues): void {
  const list = (pick: (c: ValueColumn) => number) =>
    cols.filter((c) => c.type === 'numeric' && pick(c) > 0).map((c) => `${c.name} ${fmt(pick(c))}`).join(', ');
  const below = list((c) => c.stats.belowDetection);
  if (below) issues.note(file, say('csv.interval.belowDetection', { list: below }));
  const missing = list((c) => c.stats.missing);
  if (missing) issues.note(file, say('csv.interval.missing', { list: missing }));
  const text = list((c) => c.stats.nonNumeric);
  if (text) issues.warn(file, say('csv.interval.text', { list: text }));
  const zero = list((c) => c.stats.zero);
  if (zero) issues.warn(file, say('csv.interval.zero', { list: zero }));
  const over = list((c) => c.stats.overLimit);
  if (over) issues.warn(file, say('csv.interval.overLimit', { list: over }));
  cols.forEach((c, k) => {
    if (c.type !== 'numeric') return;
    const half = halfDetection(values[k] as (number | null)[]);
    if (!half) return;
    c.stats.halfDetection = half;
    const seen = { column: c.name, count: half.count, value: half.value, limit: 2 * half.value };
    issues.warn(file, c.unit ? say('csv.interval.halfDetectionUnit', { ...seen, valueUnit: c.unit }) : say('csv.interval.halfDetection', seen));
  });
}

/**
 * Some labs write below-detection as half the limit (0.005 for < 0.01). That cannot be told from a
 * real value, so it is only flagged: the most frequent value, when it is common (≥ 5 % of values),
 * at the bottom of the range (≤ 5 % of values below it) and twice it is a round limit, 1 or 5 × 10^k
 * (a mode of 1 × 10^k, twice 2 × 10^k, is more likely the detection limit itself).
 */
function halfDetection(col: (number | null)[]): { value: number; count: number } | undefined {
  const freq = new Map<number, number>();
  let numeric = 0;
  for (const v of col) {
    if (v === null || v <= 0) continue;
    numeric++;
    freq.set(v, (freq.get(v) ?? 0) + 1);
  }
  let mode = NaN;
  let n = 0;
  for (const [v, c] of freq) if (c > n) [mode, n] = [v, c];
  if (!(n >= 10 && n >= 0.05 * numeric)) return undefined;
  let below = 0;
  for (const [v, c] of freq) if (v < mode) below += c;
  const limit = 2 * mode;
  const mantissa = Number((limit / 10 ** Math.floor(Math.log10(limit))).toPrecision(6));
  return below <= 0.05 * numeric && [1, 5].includes(mantissa) ? { value: mode, count: n } : undefined;
}
