/**
 * The interval table's integer columns in the fewest bytes that hold them: a row's hole index in
 * two bytes where the dataset has at most 65,536 holes, a categorical code (-1 = missing) in one
 * or two bytes where the categories fit. At 10,000,000 rows and 10,000 holes that is 20 MB for the
 * holes and 30 MB for each categorical column less on the page. The values are the same integers,
 * so every reader (which indexes them) reads the same numbers.
 *
 * The dataset fingerprint is of the columns as they were read, int32 (src/domain/fingerprint.ts
 * hashes a typed array by type and bytes): `asReadColumns` gives them back in that form for it,
 * so a narrowed dataset has the fingerprint it had before, in the worker and on the page alike.
 */
import type { IntervalTableModel, RowCodes, RowHoles } from './model';

/** Every value of `a` within [lo, hi] (integers): a narrower array can hold them. */
function within(a: Int32Array, lo: number, hi: number): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < lo || v > hi) return false;
  }
  return true;
}

/** A copy of `a` as `T` (a typed array's set converts natively, in one call). */
function copyAs<T extends RowHoles | RowCodes>(a: ArrayLike<number>, Type: new (n: number) => T): T {
  const out = new Type(a.length);
  out.set(a);
  return out;
}

/** A copy of hole indices, in two bytes each when every one is at most 65,535. */
export function narrowHoles(a: Int32Array): RowHoles {
  return within(a, 0, 65535) ? copyAs(a, Uint16Array) : a.slice();
}

/** A copy of category codes (-1 = missing), in one byte each, else two, when they fit. */
export function narrowCodes(a: Int32Array): RowCodes {
  if (within(a, -128, 127)) return copyAs(a, Int8Array);
  return within(a, -32768, 32767) ? copyAs(a, Int16Array) : a.slice();
}

const asInt32 = (a: RowHoles | RowCodes): Int32Array => (a instanceof Int32Array ? a : copyAs(a, Int32Array));

/**
 * The table with its hole and code columns as int32, as they were read: what the fingerprint
 * hashes. A copy of each narrowed column (transient: it lives while the hash is made).
 */
export function asReadColumns(t: IntervalTableModel): IntervalTableModel {
  const categorical: IntervalTableModel['categorical'] = {};
  // Defined, not assigned: a column named "__proto__" is a column like any other (intervals.ts).
  for (const [name, c] of Object.entries(t.categorical)) Object.defineProperty(categorical, name, { value: { ...c, codes: asInt32(c.codes) }, enumerable: true, writable: true, configurable: true });
  return { ...t, hole: asInt32(t.hole), categorical };
}
