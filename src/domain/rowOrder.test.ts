import { describe, expect, it } from 'vitest';
import { rowsByHole, sortRowsByDepth } from './rowOrder';

describe('interval rows by hole, in depth order', () => {
  it('groups rows by hole in table order', () => {
    const { offsets, order } = rowsByHole([1, 0, 1, 2, 0], 4);
    expect([...offsets]).toEqual([0, 2, 4, 5, 5]);
    expect([...order]).toEqual([1, 4, 0, 2, 3]);
  });

  it('sorts a short hole by from depth, equal depths in table order', () => {
    const from = [12, 3, 7, 3, 0];
    const rows = Int32Array.from([0, 1, 2, 3, 4]);
    sortRowsByDepth(rows, from);
    expect([...rows]).toEqual([4, 1, 3, 2, 0]);
  });

  it('sorts a long hole given deepest first (the comparator path), stably', () => {
    // 200 rows of 1 m from 199 m up to 0 m, then two rows at 50 m: 1 m samples listed bottom up.
    const from = [...Array.from({ length: 200 }, (_, i) => 199 - i), 50, 50];
    const rows = Int32Array.from(from.keys());
    sortRowsByDepth(rows, from);
    const depths = [...rows].map((r) => from[r]);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    // The three rows at 50 m: the table's row 149 first, then 200 and 201.
    const at50 = [...rows].filter((r) => from[r] === 50);
    expect(at50).toEqual([149, 200, 201]);
  });

  it('leaves rows already in order as they are', () => {
    const from = [0, 1.5, 1.5, 4];
    const rows = Int32Array.from([0, 1, 2, 3]);
    sortRowsByDepth(rows, from);
    expect([...rows]).toEqual([0, 1, 2, 3]);
  });
});
