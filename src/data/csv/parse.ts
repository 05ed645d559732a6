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
  rows: string[][];
  /** 1-based line number of each row's first line (header = line 1) */
  lines: number[];
  /** rows with fewer or more fields than the header */
  ragged: number;
  /** delimiter and number format, detected from the file (dialect.ts) */
  dialect: Dialect;
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
  const rows: string[][] = [];
  const lines: number[] = [];
  let ragged = 0;
  /** One parsed record starting on 1-based `line`: the header first, then data rows. */
  const accept = (row: string[], line: number) => {
    if (isBlank(row)) return;
    if (!headers) {
      headers = uniqueHeaders(row);
      return;
    }
    if (row.length !== headers.length) ragged++;
    // Missing trailing fields read as blank (missing), never as a shifted value; extras are dropped.
    while (row.length < headers.length) row.push('');
    if (row.length > headers.length) row.length = headers.length;
    rows.push(row);
    lines.push(line);
  };
  if (quoted) parseQuoted(src, sep, accept);
  else parseUnquoted(src, sep, accept);
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
function parseUnquoted(src: string, sep: Delimiter, accept: (row: string[], line: number) => void): void {
  const n = src.length;
  let line = 0;
  for (let start = 0; start <= n; ) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = n;
    line++;
    const stop = end > start && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
    accept(src.slice(start, stop).split(sep), line);
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
