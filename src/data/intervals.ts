/**
 * Interval tables (assays, lithology) read row by row or column by column into typed columns.
 * Missing values stay missing (NaN / -1), below-detection values are counted and reported, and
 * every dropped row is reported with its table, row and hole id.
 */
import { say, type Said } from '../domain/message';
import type { IntervalTableT } from './schema';
import type { CategoricalColumn, HoleModel, IntervalTableModel, LoadIssue } from './model';
import { DictionaryColumn, isTypedArray } from './binary/format';
import { intervalProblems } from '../domain/qa/intervalChecks';
import { drain } from '../domain/sliced';
import { narrowCodes, narrowHoles } from './rowColumns';

/** Sentinels that databases use for "no value". */
const MISSING_SENTINELS = new Set([-99, -999, -9999]);
const MISSING_TEXT = new Set(['', 'ns', 'na', 'n/a', 'nan', '-', 'nr', 'is', 'lnr', 'null']);
/** Detailed issues per table before they are summarised, so a broken million-row file stays readable. */
const MAX_DETAILED = 100;

export type NumericCell = { value: number; kind: 'value' | 'missing' | 'below-detection' };

/** A plain decimal number ("12", "-0.5", "1.2e3"), else NaN: Number() would also read "0x10" as 16 and "Infinity". */
function decimal(s: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

/**
 * A numeric cell as a file writes it so that readNumericCell reads back the same value and kind:
 * missing (NaN) as null, below detection as the negative limit (twice the kept half-limit, an
 * exact doubling), or "<0" for a zero limit, which no number reads back as. Used when a loaded
 * model is saved, so a below-detection assay is not saved as a plain half-limit value.
 */
export function writeNumericCell(value: number, belowDetection: boolean): number | string | null {
  if (Number.isNaN(value)) return null;
  if (!belowDetection) return value;
  return value > 0 ? -2 * value : '<0';
}

/**
 * Interpret one numeric cell. Below-detection (a negative number, or "<0.005") is kept as half
 * the detection limit, the usual convention; missing (null, blank, NS, -99) stays NaN.
 */
export function readNumericCell(v: unknown): NumericCell {
  if (v === null || v === undefined) return { value: NaN, kind: 'missing' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || MISSING_SENTINELS.has(v)) return { value: NaN, kind: 'missing' };
    if (v < 0) return { value: -v / 2, kind: 'below-detection' };
    return { value: v, kind: 'value' };
  }
  const s = String(v).trim();
  if (MISSING_TEXT.has(s.toLowerCase())) return { value: NaN, kind: 'missing' };
  if (s.startsWith('<')) {
    const lim = decimal(s.slice(1).trim());
    return Number.isFinite(lim) ? { value: Math.abs(lim) / 2, kind: 'below-detection' } : { value: NaN, kind: 'missing' };
  }
  const n = decimal(s);
  return Number.isFinite(n) ? readNumericCell(n) : { value: NaN, kind: 'missing' };
}

/** Text from the data as a report shows it: at most 200 characters, then an ellipsis. */
export function shortText(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Why row r of the column form cannot be read, or null: every cell a number, text or null. */
function badColumnCell(acc: Cells, r: number, columns: readonly { name: string }[]): Said | null {
  const ok = (v: unknown) => v === null || v === undefined || typeof v === 'number' || typeof v === 'string';
  const found = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
  for (const [name, v] of [['hole', acc.hole(r)], ['from', acc.from(r)], ['to', acc.to(r)]] as const) if (!ok(v)) return say('load.table.columnCell', { column: name, found: found(v) });
  for (let c = 0; c < columns.length; c++) {
    const v = acc.value(r, c);
    if (!ok(v)) return say('load.table.columnCell', { column: shortText(columns[c].name), found: found(v) });
  }
  return null;
}

/** Why a row of the row form cannot be read, or null: an array of cells, each a number, text or null. */
function badRow(row: unknown): { why: Said; cell?: number } | null {
  if (!Array.isArray(row)) return { why: say('load.table.rowNotArray', { found: row === null ? 'null' : typeof row }) };
  for (let c = 0; c < row.length; c++) {
    const v: unknown = row[c];
    if (v !== null && typeof v !== 'number' && typeof v !== 'string') return { cell: c, why: say('load.table.cell', { cell: c, found: Array.isArray(v) ? 'array' : v === undefined ? 'nothing' : typeof v }) };
  }
  return null;
}

/**
 * Cell readers over either layout, without building an object per row (tables reach millions
 * of rows). Column c counts value columns only (after hole / from / to).
 */
interface Cells {
  count: number;
  hole(r: number): unknown;
  from(r: number): unknown;
  to(r: number): unknown;
  value(r: number, c: number): unknown;
}

function rowAccessor(t: IntervalTableT): Cells | Said {
  const names = t.columns.map((c) => c.name);
  if (t.rows) {
    const rows = t.rows;
    return { count: rows.length, hole: (r) => rows[r][0], from: (r) => rows[r][1], to: (r) => rows[r][2], value: (r, c) => rows[r][3 + c] };
  }
  // Columns of the binary form may be typed arrays or dictionary-coded text (src/data/binary).
  const data = t.data! as Record<string, Column>;
  for (const key of ['hole', 'from', 'to', ...names]) {
    if (!isColumn(data[key])) return say('load.table.missingColumn', { column: key });
  }
  const count = data.hole.length;
  for (const key of ['from', 'to', ...names]) {
    if (data[key].length !== count) return say('load.table.columnLength', { column: key, values: data[key].length, holes: count });
  }
  const cols = names.map((n) => cellReader(data[n]));
  const [hole, from, to] = ['hole', 'from', 'to'].map((k) => cellReader(data[k]));
  return { count, hole, from, to, value: (r, c) => cols[c](r) };
}

type Column = ArrayLike<unknown> | DictionaryColumn;

const isColumn = (c: unknown): c is Column => Array.isArray(c) || isTypedArray(c) || c instanceof DictionaryColumn;

/** Cell r of a column as its JSON would hold it (a dictionary code becomes its text or null). */
function cellReader(c: Column): (r: number) => unknown {
  if (c instanceof DictionaryColumn) return (r) => c.at(r);
  return (r) => c[r];
}

/** Rows between two calls of readIntervalTable's `onRow` (a power of 2). */
const ROWS_A_STEP = 65_536;

export function readIntervalTable(
  t: IntervalTableT,
  at: string,
  holeIndex: Map<string, number>,
  holes: HoleModel[],
  errors: LoadIssue[],
  warnings: LoadIssue[],
  dropped: Record<string, number>,
  notes: LoadIssue[] = warnings,
  onRow?: (row: number) => void,
): IntervalTableModel {
  const empty: IntervalTableModel = {
    id: t.id, name: t.name ?? t.id, columns: t.columns, hole: new Int32Array(0), from: new Float64Array(0), to: new Float64Array(0), numeric: {}, categorical: {},
  };
  const acc = rowAccessor(t);
  if ('key' in acc) {
    errors.push({ path: `${at}.data`, id: t.id, ...acc });
    dropped.intervalTables = (dropped.intervalTables ?? 0) + 1;
    return empty;
  }
  const rowPath = (r: number) => (t.rows ? `${at}.rows[${r}]` : `${at}.data[row ${r}]`);
  const n = acc.count;
  const hole = new Int32Array(n);
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const numCols = t.columns.map((c) => (c.type === 'numeric' ? new Float64Array(n) : null));
  const catCols = t.columns.map((c) => (c.type === 'categorical' ? { codes: new Int32Array(n), categories: [] as string[], index: new Map<string, number>() } : null));
  const missing = new Array(t.columns.length).fill(0);
  const below = new Array(t.columns.length).fill(0);
  // Rows below detection per numeric column, made on the first one (most columns have none).
  const belowRows: (Uint8Array | undefined)[] = t.columns.map(() => undefined);
  const unknownHoles = new Map<string, { count: number; first: number }>();
  let bad = 0;
  let k = 0;
  const reportRow = (r: number, id: string | undefined, said: Said, cell?: number) => {
    bad++;
    if (bad <= MAX_DETAILED) errors.push({ path: cell === undefined ? rowPath(r) : `${rowPath(r)}[${cell}]`, id, ...said });
  };
  const nCols = t.columns.length;
  for (let r = 0; r < n; r++) {
    if (onRow && (r & (ROWS_A_STEP - 1)) === 0) onRow(r);
    // Row form: a row that is not an array, or a cell that is neither number, text nor null, is that
    // row's error alone (the loader lets any row through, so one bad cell never costs the whole table).
    if (t.rows) {
      const row: unknown = t.rows[r];
      const wrong = badRow(row);
      if (wrong) {
        reportRow(r, Array.isArray(row) && typeof row[0] === 'string' ? row[0] : undefined, wrong.why, wrong.cell);
        continue;
      }
    } else {
      // Column form: the same for the cells of row r across the columns.
      const why = badColumnCell(acc, r, t.columns);
      if (why) {
        const h = acc.hole(r);
        reportRow(r, typeof h === 'string' ? shortText(h) : undefined, why);
        continue;
      }
    }
    const rawHole = acc.hole(r);
    const id = typeof rawHole === 'number' ? String(rawHole) : rawHole;
    if (typeof id !== 'string' || id === '') {
      reportRow(r, undefined, say('load.table.noHole'));
      continue;
    }
    const hi = holeIndex.get(id);
    if (hi === undefined) {
      const u = unknownHoles.get(id) ?? { count: 0, first: r };
      u.count++;
      unknownHoles.set(id, u);
      continue;
    }
    const rawFrom = acc.from(r);
    const rawTo = acc.to(r);
    const f = typeof rawFrom === 'number' ? rawFrom : NaN;
    const tt = typeof rawTo === 'number' ? rawTo : NaN;
    if (!Number.isFinite(f) || !Number.isFinite(tt) || f < 0 || tt <= f) {
      reportRow(r, id, say('load.table.fromTo', { from: `${JSON.stringify(rawFrom)}`, to: `${JSON.stringify(rawTo)}` }));
      continue;
    }
    hole[k] = hi;
    from[k] = f;
    to[k] = tt;
    for (let c = 0; c < nCols; c++) {
      const v = acc.value(r, c);
      const num = numCols[c];
      if (num) {
        // Plain non-negative numbers are nearly every cell: no object for them.
        if (typeof v === 'number' && v >= 0 && Number.isFinite(v)) {
          num[k] = v;
          continue;
        }
        const cell = readNumericCell(v);
        num[k] = cell.value;
        if (cell.kind === 'missing') missing[c]++;
        else if (cell.kind === 'below-detection') {
          below[c]++;
          (belowRows[c] ??= new Uint8Array(n))[k] = 1;
        }
        continue;
      }
      const cat = catCols[c]!;
      if (v === null || v === undefined || v === '') {
        cat.codes[k] = -1;
        missing[c]++;
        continue;
      }
      const s = String(v);
      let code = cat.index.get(s);
      if (code === undefined) {
        code = cat.categories.length;
        cat.categories.push(s);
        cat.index.set(s, code);
      }
      cat.codes[k] = code;
    }
    k++;
  }
  if (bad > MAX_DETAILED) errors.push({ path: at, id: t.id, ...say('load.table.moreBad', { more: bad - MAX_DETAILED, total: bad }) });
  let listed = 0;
  for (const [full, u] of unknownHoles) {
    // Listed up to MAX_DETAILED ids, each cut to a readable length (a 10 MB id is not a message).
    if (++listed > MAX_DETAILED) continue;
    const id = shortText(full);
    errors.push({ path: rowPath(u.first), id, ...say('load.table.unknownHole', { id, count: u.count }) });
  }
  if (listed > MAX_DETAILED) errors.push({ path: at, id: t.id, ...say('load.table.moreUnknown', { more: listed - MAX_DETAILED }) });
  const droppedRows = bad + [...unknownHoles.values()].reduce((s, u) => s + u.count, 0);
  if (droppedRows) dropped.intervals = (dropped.intervals ?? 0) + droppedRows;
  t.columns.forEach((c, i) => {
    if (below[i]) notes.push({ path: `${at}.${c.name}`, id: t.id, ...say('load.table.below', { column: c.name, count: below[i] }) });
    // A blank category (e.g. zone on wall rock) means "none", so only numeric gaps are reported.
    if (missing[i] && c.type === 'numeric') notes.push({ path: `${at}.${c.name}`, id: t.id, ...say('load.table.missing', { column: c.name, count: missing[i] }) });
  });
  const model: IntervalTableModel = {
    id: t.id,
    name: t.name ?? t.id,
    columns: t.columns,
    // Integer columns in the fewest bytes that hold them (rowColumns.ts).
    hole: narrowHoles(hole.subarray(0, k)),
    from: from.slice(0, k),
    to: to.slice(0, k),
    numeric: {},
    categorical: {},
  };
  // Defined, not assigned: a column named "__proto__" is a column like any other (an assignment
  // would set the object's prototype and lose the column).
  const own = (o: object, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  t.columns.forEach((c, i) => {
    if (numCols[i]) own(model.numeric, c.name, numCols[i]!.slice(0, k));
    else {
      const cat = catCols[i]!;
      const col: CategoricalColumn = { codes: narrowCodes(cat.codes.subarray(0, k)), categories: cat.categories };
      own(model.categorical, c.name, col);
    }
  });
  t.columns.forEach((c, i) => {
    const rows = belowRows[i];
    if (rows) own((model.belowDetection ??= {}), c.name, rows.slice(0, k));
  });
  checkDepthsAndOverlaps(model, at, holes, warnings);
  return model;
}

/**
 * Warn about overlapping intervals, duplicate samples and intervals past the final depth: the
 * data-QA check itself (domain/qa/intervalChecks.ts), so the load report and the QA panel count the
 * same problems with the same words.
 */
function checkDepthsAndOverlaps(t: IntervalTableModel, at: string, holes: HoleModel[], warnings: LoadIssue[]): void {
  for (const p of drain(intervalProblems([t], holes))) {
    warnings.push({ path: at, id: p.holeId, check: p.kind as NonNullable<LoadIssue['check']>, message: p.message, key: p.key, params: p.params });
  }
}
