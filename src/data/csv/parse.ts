/**
 * CSV text → rows of strings, with the line number where each row starts so every issue can say
 * "file.csv:row N" (N counts the header as line 1, the way a spreadsheet or `sed -n Np` shows it).
 * Values stay strings (no dynamic typing): hole ids such as "34873" must not become numbers, and
 * numbers are parsed explicitly where their meaning is known.
 *
 * The first row is the header. papaparse's own header mode builds an object per row and its
 * 'greedy' empty-line test joins every row; on a 100,000-row, 50-column assay file that tripled the
 * time, so rows stay arrays and blank lines (only whitespace, as 'greedy' means) are skipped here.
 */
import Papa from 'papaparse';
import { detectDelimiter, detectNumbers, type Delimiter, type Dialect } from './dialect';

export interface CsvTable {
  file: string;
  /** trimmed header names, in file order; a repeated name gets " (2)", " (3)"... */
  headers: string[];
  /** header → index in each row */
  index: Map<string, number>;
  /** data rows, one string per header (missing trailing fields are '') */
  rows: CsvRows;
  /** 1-based line number of each row's first line (header = line 1) */
  lines: number[];
  /** rows with fewer or more fields than the header */
  ragged: number;
  /** delimiter and number format, detected from the file (dialect.ts) */
  dialect: Dialect;
}

/**
 * The data rows of a table. Rows of a table without quotes are split from the text each time they
 * are read (each reader reads them once or twice): a million rows kept as arrays of strings were
 * 6 million long-lived objects, and collecting them took more than half of a 1,000,000-interval
 * import. Rows of a quoted table are kept as papaparse gave them.
 *
 * A smaller table (up to KEEP_SPLIT_CELLS cells) keeps each row once it is split: the type of every
 * value column is inferred column by column, which split each row once per column (a real assay
 * table of 4,000 rows x 60 assay columns: 60 splits a row, about 200 ms of a 270 ms import).
 */
export class CsvRows implements Iterable<string[]> {
  readonly length: number;
  /** rows already split, for a table small enough to keep them (null: split on every read) */
  private readonly split: (string[] | undefined)[] | null;
  private constructor(
    private readonly width: number,
    private readonly kept: string[][] | null,
    private readonly text: string,
    private readonly sep: Delimiter,
    private readonly starts: number[],
    private readonly ends: number[],
  ) {
    this.length = kept ? kept.length : starts.length;
    this.split = !kept && this.length * width <= KEEP_SPLIT_CELLS ? new Array<string[] | undefined>(this.length) : null;
  }

  static of(rows: string[][]): CsvRows {
    return new CsvRows(0, rows, '', ',', [], []);
  }

  /** Rows as the text's lines [starts[i], ends[i]), split on `sep` into `width` fields. */
  static lines(text: string, sep: Delimiter, starts: number[], ends: number[], width: number): CsvRows {
    return new CsvRows(width, null, text, sep, starts, ends);
  }

  /** Row i: one string per header (the caller may keep it, and must not change it). */
  get(i: number): string[] {
    if (this.kept) return this.kept[i];
    if (this.split) return (this.split[i] ??= this.splitRow(i));
    return this.splitRow(i);
  }

  /**
   * Row i's fields, one a header: extra fields dropped, missing ones blank (fitRow's rule). Cut
   * from the text between separators, with no copy of the line first: a million-row assay table
   * split in 75 ms instead of 220 ms (Node), with half the short strings left to collect.
   */
  private splitRow(i: number): string[] {
    const { text, sep, width } = this;
    const end = this.ends[i];
    const row: string[] = [];
    // A delimiter is one character (dialect.ts).
    for (let p = this.starts[i]; row.length < width && p <= end; ) {
      let q = text.indexOf(sep, p);
      if (q < 0 || q > end) q = end;
      row.push(text.substring(p, q));
      p = q + 1;
    }
    return fitRow(row, width);
  }

  forEach(f: (row: string[], i: number) => void): void {
    for (let i = 0; i < this.length; i++) f(this.get(i), i);
  }

  *[Symbol.iterator](): Iterator<string[]> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }
}

/**
 * Cells up to which a table's split rows are kept (tens of MB of short strings at most); a
 * million-row assay table (5 to 10 M cells) is still split on every read.
 */
const KEEP_SPLIT_CELLS = 1_000_000;

/** Missing trailing fields read as blank (missing), never as a shifted value; extras are dropped. */
function fitRow(row: string[], width: number): string[] {
  while (row.length < width) row.push('');
  if (row.length > width) row.length = width;
  return row;
}

/** Cell of a row by column index; '' when the column is absent (index -1) or the field missing. */
export function cell(row: string[], i: number): string {
  return i < 0 ? '' : (row[i] ?? '');
}

/** Rows of the text; the delimiter is detected when not given. */
export function parseCsv(file: string, text: string, delimiter?: Delimiter): CsvTable {
  // A UTF-8 BOM (Excel exports) would otherwise stick to the first header name.
  const bomless = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Classic Mac OS line ends (CR alone): read as line feeds, so rows and their numbers are right.
  const src = bomless.includes('\r') && !bomless.includes('\n') ? bomless.replace(/\r/g, '\n') : bomless;
  const sep = delimiter ?? detectDelimiter(src);
  // Fields can hold line breaks only inside quotes; without quotes, rows are single lines.
  const quoted = src.includes('"');
  let headers: string[] | null = null;
  let rows: CsvRows;
  const lines: number[] = [];
  let ragged = 0;
  /** One record starting on 1-based `line`: the header (returns false), or a data row (true) unless blank. */
  const accept = (row: string[], line: number): boolean => {
    if (isBlank(row)) return false;
    if (!headers) {
      headers = uniqueHeaders(row);
      return false;
    }
    if (row.length !== headers.length) ragged++;
    lines.push(line);
    return true;
  };
  if (quoted) {
    const kept: string[][] = [];
    parseQuoted(src, sep, (row, line) => {
      if (accept(row, line)) kept.push(fitRow(row, headers!.length));
    });
    rows = CsvRows.of(kept);
  } else {
    const starts: number[] = [];
    const ends: number[] = [];
    parseUnquoted(src, sep, (line, start, end, fields) => {
      if (!headers) {
        accept(src.slice(start, end).split(sep), line);
        return;
      }
      if (fields !== headers.length) ragged++;
      lines.push(line);
      starts.push(start);
      ends.push(end);
    });
    rows = CsvRows.lines(src, sep, starts, ends, (headers as string[] | null)?.length ?? 0);
  }
  const h: string[] = headers ?? [];
  const dialect: Dialect = { delimiter: sep, ...detectNumbers(sep, rows) };
  return { file, headers: h, index: new Map(h.map((name, i) => [name, i])), rows, lines, ragged, dialect };
}

/**
 * Text without quotes: every line is a record and every delimiter splits a field, so a line split
 * does what papaparse does, at a third of the time and garbage on a million-row assay table (no
 * result object per row, no second pass over the text to number the lines). A CR before the LF
 * (Windows line ends) is dropped.
 */
function parseUnquoted(src: string, sep: Delimiter, onLine: (line: number, start: number, end: number, fields: number) => void): void {
  const n = src.length;
  const sepCode = sep.charCodeAt(0);
  let line = 0;
  for (let start = 0; start <= n; ) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = n;
    line++;
    const stop = end > start && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // Fields counted and blank lines (only spaces and delimiters) told without splitting the line.
    let fields = 1;
    let blank: boolean | null = true;
    for (let k = start; k < stop; k++) {
      const c = src.charCodeAt(k);
      if (c === sepCode) fields++;
      else if (blank && !(c === 32 || (c >= 9 && c <= 13))) blank = c > 127 ? null : false;
    }
    // Other Unicode spaces (no-break...): as String.prototype.trim says.
    if (blank === null) blank = isBlank(src.slice(start, stop).split(sep));
    if (!blank) onLine(line, start, stop, fields);
    start = end + 1;
  }
}

/** Text with quotes (fields may hold delimiters, quotes and line breaks): papaparse, numbering lines by its cursor. */
function parseQuoted(src: string, sep: Delimiter, accept: (row: string[], line: number) => void): void {
  // Line numbers follow papaparse's cursor (offset just past each row), counted incrementally.
  let scanned = 0;
  let newlines = 0;
  const newlinesBefore = (pos: number) => {
    for (; scanned < pos; scanned++) if (src.charCodeAt(scanned) === 10) newlines++;
    return newlines;
  };
  Papa.parse<string[]>(src, {
    header: false,
    delimiter: sep,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (res) => {
      const row = res.data;
      const end = res.meta.cursor;
      const lastLine = 1 + newlinesBefore(end > 0 && src.charCodeAt(end - 1) === 10 ? end - 1 : end);
      let inner = 0;
      for (const s of row) for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) inner++;
      accept(row, lastLine - inner);
    },
  });
}

function isBlank(row: string[]): boolean {
  for (const s of row) if (s.trim() !== '') return false;
  return true;
}

function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((raw) => {
    const name = raw.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
