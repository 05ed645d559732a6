/**
 * CSV text → rows of strings, with the line number where each row starts so every issue can say
 * "file.csv:row N" (N counts the header as line 1, the way a spreadsheet or `sed -n Np` shows it).
 * Values stay strings (no dynamic typing): hole ids such as "34873" must not become numbers, and
 * numbers are parsed explicitly where their meaning is known.
 */
import Papa from 'papaparse';

export interface CsvTable {
  file: string;
  /** trimmed header names, in file order */
  headers: string[];
  rows: Record<string, string>[];
  /** 1-based line number of each row's first line (header = line 1) */
  lines: number[];
  /** rows with fewer or more fields than the header */
  ragged: number;
}

export function parseCsv(file: string, text: string): CsvTable {
  // A UTF-8 BOM (Excel exports) would otherwise stick to the first header name.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  let headers: string[] = [];
  let ragged = 0;
  // Line counting follows papaparse's cursor (offset just past each row) so quoted fields with
  // line breaks and skipped blank lines keep the numbers right.
  let scanned = 0;
  let newlines = 0;
  const newlinesBefore = (pos: number) => {
    for (; scanned < pos; scanned++) if (src.charCodeAt(scanned) === 10) newlines++;
    return newlines;
  };
  Papa.parse<Record<string, string | undefined>>(src, {
    header: true,
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
    transformHeader: (h) => h.trim(),
    step: (res) => {
      const row = res.data;
      if (res.meta.fields) headers = res.meta.fields;
      const end = res.meta.cursor;
      const endsWithNewline = end > 0 && src.charCodeAt(end - 1) === 10;
      const lastLine = 1 + newlinesBefore(endsWithNewline ? end - 1 : end);
      let inner = 0;
      const clean: Record<string, string> = {};
      for (const [k, v] of Object.entries(row)) {
        if (k === '__parsed_extra') continue;
        const s = typeof v === 'string' ? v : '';
        for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) inner++;
        clean[k] = s;
      }
      if (res.errors.length || '__parsed_extra' in row) ragged++;
      rows.push(clean);
      lines.push(lastLine - inner);
    },
  });
  // papaparse renames duplicated headers (Au, Au → Au, Au_1): `fields` holds the names it used.
  if (rows.length === 0) headers = headerLine(src);
  return { file, headers, rows, lines, ragged };
}

/** Header names of a file with no data rows. */
function headerLine(src: string): string[] {
  const res = Papa.parse<string[]>(src, { preview: 1, skipEmptyLines: 'greedy' });
  return (res.data[0] ?? []).map((h) => h.trim());
}
