/**
 * Row numbers of an interval table grouped by hole and sorted by depth, without garbage: a sort
 * comparator's double result is a heap allocation per comparison, about 100 MB over a
 * million-row table, and a hole's rows nearly always come in depth order already.
 */

/** Rows grouped by hole: rows of hole h are order[offsets[h] .. offsets[h + 1]), in table order. */
export interface RowsByHole {
  offsets: Int32Array;
  order: Int32Array;
}

export function rowsByHole(hole: ArrayLike<number>, holeCount: number): RowsByHole {
  const offsets = new Int32Array(holeCount + 1);
  for (let r = 0; r < hole.length; r++) offsets[hole[r] + 1]++;
  for (let h = 0; h < holeCount; h++) offsets[h + 1] += offsets[h];
  const order = new Int32Array(hole.length);
  const fill = offsets.slice(0, holeCount);
  for (let r = 0; r < hole.length; r++) order[fill[hole[r]]++] = r;
  return { offsets, order };
}

/** Above this many rows out of order, a hole's rows are sorted with a comparator (n log n). */
const INSERTION_MAX = 64;

/** Sorts row numbers by their `from` depth (m), in place; rows of equal depth keep their order. */
export function sortRowsByDepth(rows: Int32Array, from: ArrayLike<number>): void {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = from[rows[i - 1]] <= from[rows[i]];
  if (sorted) return;
  if (rows.length > INSERTION_MAX) {
    // Stable (TypedArray.prototype.sort is), and never quadratic on a long hole in reverse order.
    rows.sort((x, y) => from[x] - from[y]);
    return;
  }
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    const f = from[r];
    let j = i - 1;
    while (j >= 0 && from[rows[j]] > f) {
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = r;
  }
}
