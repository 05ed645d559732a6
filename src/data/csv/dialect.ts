/**
 * The dialect of a CSV file: its field delimiter and how its numbers are written. A spreadsheet in
 * a French (or most European) locale saves "CSV" with semicolons between fields and decimal commas
 * ("442065,26"), sometimes with thousands grouped by a no-break space ("5 312 123,45") or a dot
 * ("5.312.123,45"). Both are decided here once per file, from the file, and reported; numbers are
 * then read by one reader (columns.ts readNumber) driven by this dialect.
 */

export type Delimiter = ',' | ';' | '\t' | '|';

export interface Dialect {
  delimiter: Delimiter;
  /** decimal separator of the file's numbers */
  decimal: '.' | ',';
  /** thousands separator seen in the file ('' when none): ',' or '.' (the one that is not the decimal), or ' ' (space, no-break or thin space) */
  thousands: '' | ',' | '.' | ' ';
}

/** The dialect every file was assumed to have before detection existed. */
export const PLAIN_DIALECT: Dialect = { delimiter: ',', decimal: '.', thousands: '' };

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];
/** Records looked at to find the delimiter (outside quotes, so quoted line breaks do not count). */
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 256 * 1024;

/** Fields per record for every candidate delimiter, over the first records of the text. */
function fieldCounts(text: string): Record<Delimiter, number[]> {
  const out = Object.fromEntries(CANDIDATES.map((d) => [d, [] as number[]])) as Record<Delimiter, number[]>;
  const current: Record<Delimiter, number> = { ',': 1, ';': 1, '\t': 1, '|': 1 };
  let inQuote = false;
  let blank = true;
  const end = Math.min(text.length, SAMPLE_CHARS);
  const close = () => {
    if (!blank) for (const d of CANDIDATES) out[d].push(current[d]);
    for (const d of CANDIDATES) current[d] = 1;
    blank = true;
  };
  for (let i = 0; i < end && out[','].length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === '\n' || c === '\r') close();
    else if (c === ',' || c === ';' || c === '\t' || c === '|') current[c]++;
    if (c !== '\n' && c !== '\r' && c !== ' ') blank = false;
  }
  if (out[','].length < SAMPLE_RECORDS) close();
  return out;
}

/**
 * The delimiter that splits the header into two or more fields and gives the most records the
 * header's field count (ties: more fields). A one-column file is read as comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = fieldCounts(text);
  let best: Delimiter = ',';
  let bestScore: [number, number] = [-1, 0];
  for (const d of CANDIDATES) {
    const [header, ...records] = counts[d];
    if (!header || header < 2) continue;
    const same = records.length ? records.filter((n) => n === header).length / records.length : 1;
    if (same > bestScore[0] || (same === bestScore[0] && header > bestScore[1])) {
      best = d;
      bestScore = [same, header];
    }
  }
  return best;
}

const SPACE = '[ \\u00a0\\u202f]';
/** "1,5", ",5", "442065,26", "0,005": a comma that can only be a decimal separator. */
const COMMA_DECIMAL = /^[-+]?(\d*,\d{1,2}|\d*,\d{4,}|0,\d+|\d{4,},\d+|,\d+|\d+,\d+[eE][-+]?\d+)$/;
/** The same with a dot. */
const DOT_DECIMAL = /^[-+]?(\d*\.\d{1,2}|\d*\.\d{4,}|0\.\d+|\d{4,}\.\d+|\.\d+|\d+\.\d+[eE][-+]?\d+)$/;
/** Thousands grouped by dots, then a decimal comma, or two dot groups: "5.312.123,45", "1.234,5", "5.312.123". */
const DOT_THOUSANDS = /^[-+]?[1-9]\d{0,2}(\.\d{3})+,\d+$|^[-+]?[1-9]\d{0,2}(\.\d{3}){2,}$/;
const COMMA_THOUSANDS = /^[-+]?[1-9]\d{0,2}(,\d{3})+\.\d+$|^[-+]?[1-9]\d{0,2}(,\d{3}){2,}$/;
const SPACES = /[ \u00a0\u202f]/;
const SPACE_THOUSANDS = new RegExp(`^[-+]?[1-9]\\d{0,2}(${SPACE}\\d{3})+([.,]\\d+)?$`);

/** Cells looked at to tell the decimal separator (first rows of the file). */
const SAMPLE_CELLS = 20000;

/**
 * Decimal and thousands separators from the cells of the parsed file. A comma is a decimal comma
 * only where it cannot be a thousands separator ("1,5", "0,005", "442065,26"), and more cells say
 * so than say decimal dot; in a comma-separated file (where such cells must be quoted) it takes no
 * decimal dot at all, so a comma-separated file is never misread.
 */
export function detectNumbers(delimiter: Delimiter, rows: Iterable<string[]>): Omit<Dialect, 'delimiter'> {
  let comma = 0;
  let dot = 0;
  let dotGroups = 0;
  let commaGroups = 0;
  let spaceGroups = 0;
  let seen = 0;
  for (const row of rows) {
    for (const raw of row) {
      const s = raw.trim().replace(/^[<>]\s*/, '');
      if (!s || s.length > 40 || !/\d/.test(s)) continue;
      // Each pattern needs its separator in the cell: test only those that can match.
      const hasComma = s.includes(',');
      const hasDot = s.includes('.');
      if (hasComma && COMMA_DECIMAL.test(s)) comma++;
      else if (hasDot && DOT_DECIMAL.test(s)) dot++;
      else if (hasDot && DOT_THOUSANDS.test(s)) dotGroups++;
      else if (hasComma && COMMA_THOUSANDS.test(s)) commaGroups++;
      if (SPACES.test(s) && SPACE_THOUSANDS.test(s)) {
        // After digits grouped by spaces, the separator can only be the decimal one.
        spaceGroups++;
        if (/,\d+$/.test(s)) comma++;
        else if (/\.\d+$/.test(s)) dot++;
      }
    }
    if ((seen += row.length) > SAMPLE_CELLS) break;
  }
  const decimal = (delimiter === ',' ? comma > 0 && dot === 0 : comma > dot) || (dotGroups > 0 && comma + dot === 0 && delimiter !== ',') ? ',' : '.';
  const thousands = spaceGroups ? ' ' : decimal === ',' && dotGroups ? '.' : decimal === '.' && commaGroups ? ',' : '';
  return { decimal, thousands };
}

/** The dialect's words as catalogue sub-keys (`csv.dialect.*` in the messages catalogue): thousands grouping named with the decimal mark. */
export function dialectWords(d: Dialect): { delimiter: string; decimal: string } {
  const thousands = !d.thousands ? '' : d.thousands === ' ' ? 'Spaces' : d.thousands === '.' ? 'Dots' : 'Commas';
  return { delimiter: DELIMITER_KEY[d.delimiter], decimal: `${d.decimal === ',' ? 'comma' : 'point'}${thousands}` };
}
const DELIMITER_KEY: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

const COMMA_OR_SPACE = /[, \u00a0\u202f]/;

/**
 * A number cell rewritten the way Number() reads it: decimal comma → point, thousands separators
 * removed where they group digits by three. Anything else is returned as it is (and then reads
 * as not a number, never as a different number).
 */
export function plainNumberText(s: string, d: Dialect): string {
  // Decimal point and no comma or space: nothing to rewrite (most cells of most files).
  if (d.decimal === '.' && !COMMA_OR_SPACE.test(s)) return s;
  let t = s;
  if (/\d[ \u00a0\u202f]\d/.test(t) && SPACE_THOUSANDS.test(t)) t = t.replace(/[ \u00a0\u202f]/g, '');
  if (d.decimal === ',') {
    if (d.thousands === '.' && /^[-+]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
    if (/^[-+]?\d*,\d+([eE][-+]?\d+)?$/.test(t)) t = t.replace(',', '.');
  } else if (d.thousands === ',' && /^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(t)) {
    t = t.replace(/,/g, '');
  }
  return t;
}
