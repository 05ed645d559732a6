/**
 * Fast validation of the few arrays that hold almost all of a large file's numbers (surface
 * vertices and triangles, interval table cells). zod checks them one element at a time through
 * its generic machinery, about 5 s for the 14 million numbers of a 10,000-hole file; a tight
 * loop does the same check in a few milliseconds. When the loop finds a bad element the record
 * goes through zod whole, so the user gets zod's usual message with its exact JSON path.
 */

type Rec = Record<string, unknown>;

function allFinite(a: unknown): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

function allIndices(a: unknown): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return false;
  }
  return true;
}

/** Interval table cells: number, text or null (the schema's Cell). */
function allCells(a: unknown): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== null && typeof v !== 'number' && typeof v !== 'string') return false;
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
    if (!allFinite(r.vertices) || !allIndices(r.triangles)) return null;
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
      if (!Array.isArray(r.rows) || !r.rows.every(allCells)) return null;
      return { light: { ...r, rows: [] }, restore: (p) => void (p.rows = r.rows) };
    }
    const data = r.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    const cols = Object.entries(data as Rec);
    if (!cols.every(([, c]) => allCells(c))) return null;
    return { light: { ...r, data: Object.fromEntries(cols.map(([k]) => [k, []])) }, restore: (p) => void (p.data = data) };
  }
  return null;
}
