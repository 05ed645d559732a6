/**
 * Fast validation of the few arrays that hold almost all of a large file's numbers (surface
 * vertices and triangles, interval table cells). zod checks them one element at a time through
 * its generic machinery, about 5 s for the 14 million numbers of a 10,000-hole file; a tight
 * loop does the same check in a few milliseconds. When the loop finds a bad element the record
 * goes through zod whole, so the user gets zod's usual message with its exact JSON path.
 *
 * The binary form (src/data/binary) gives typed arrays and dictionary-coded text columns in these
 * places: they pass the same checks, and a record that fails goes to zod as the plain arrays its
 * JSON would hold (`plainRecord`), so the messages and paths are the JSON's.
 */
import { DictionaryColumn, isTypedArray } from './binary/format';
import { MAX_COORDINATE_M } from './schema';

type Rec = Record<string, unknown>;

/** Every element a coordinate the schema accepts: a number within ±MAX_COORDINATE_M (NaN and ±Infinity fail the comparison). */
function allCoordinates(a: unknown): boolean {
  if (isTypedArray(a)) {
    // Integer arrays hold only finite numbers well within the limit; float ones may hold anything.
    if (!(a instanceof Float64Array || a instanceof Float32Array)) return true;
    for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]) <= MAX_COORDINATE_M)) return false;
    return true;
  }
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !(Math.abs(v) <= MAX_COORDINATE_M)) return false;
  }
  return true;
}

function allIndices(a: unknown): boolean {
  if (a instanceof Uint32Array || a instanceof Uint16Array || a instanceof Uint8Array) return true;
  if (isTypedArray(a)) {
    for (let i = 0; i < a.length; i++) if (!Number.isInteger(a[i]) || a[i] < 0) return false;
    return true;
  }
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return false;
  }
  return true;
}

export interface Stripped {
  /** the record with its bulk arrays emptied, for zod to check the rest */
  light: Rec;
  /** puts the original arrays back into zod's output */
  restore(parsed: Rec): void;
}

/** For a surface or interval table whose bulk arrays are valid: the record without them. */
export function stripBulkArrays(key: string, rec: unknown): Stripped | null {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return null;
  const r = rec as Rec;
  if (key === 'surfaces') {
    if (!allCoordinates(r.vertices) || !allIndices(r.triangles)) return null;
    return {
      light: { ...r, vertices: [], triangles: [] },
      restore: (p) => {
        p.vertices = r.vertices;
        p.triangles = r.triangles;
      },
    };
  }
  if (key === 'intervals') {
    if (r.rows !== undefined) {
      // Rows are checked one by one where they are read (intervals.ts): a bad row costs that row only.
      if (!Array.isArray(r.rows)) return null;
      return { light: { ...r, rows: [] }, restore: (p) => void (p.rows = r.rows) };
    }
    const data = r.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    const cols = Object.entries(data as Rec);
    // Any column of cells (typed and dictionary columns hold only numbers and text): each row is
    // checked where it is read (intervals.ts), so a bad cell costs its row, not the table.
    if (!cols.every(([, c]) => Array.isArray(c) || isTypedArray(c) || c instanceof DictionaryColumn)) return null;
    return { light: { ...r, data: Object.fromEntries(cols.map(([k]) => [k, []])) }, restore: (p) => void (p.data = data) };
  }
  return null;
}

/** A typed column as the JSON array it stands for: NaN in an interval cell is a missing value (null). */
function plainColumn(a: unknown, nanIsNull: boolean): unknown {
  if (a instanceof DictionaryColumn) return a.toArray();
  if (!isTypedArray(a)) return a;
  const out: (number | null)[] = Array.from(a);
  if (nanIsNull) for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = null;
  return out;
}

/**
 * The record with the binary form's typed arrays and dictionary columns turned back into the plain
 * arrays of its JSON, for zod to report a bad element with its usual message and path. Only on the
 * failure path: a million-element copy is no concern there.
 */
export function plainRecord(key: string, rec: unknown): unknown {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return rec;
  const r = rec as Rec;
  if (key === 'surfaces') return { ...r, vertices: plainColumn(r.vertices, false), triangles: plainColumn(r.triangles, false) };
  if (key === 'intervals' && r.data && typeof r.data === 'object' && !Array.isArray(r.data)) {
    return { ...r, data: Object.fromEntries(Object.entries(r.data as Rec).map(([k, c]) => [k, plainColumn(c, true)])) };
  }
  return rec;
}
