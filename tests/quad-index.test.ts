/** The segment index (two triangles per segment) and its subsets for a second draw of some segments. */
import { describe, expect, it } from 'vitest';
import { quadIndex } from '../src/domain/segmentPack';

describe('quadIndex', () => {
  it('two triangles per segment over its four corners 4i..4i+3', () => {
    expect(Array.from(quadIndex(2, () => true))).toEqual([0, 1, 2, 2, 1, 3, 4, 5, 6, 6, 5, 7]);
  });
  it('a subset keeps the segments' + "'" + ' own vertex numbers, so the shader finds the same segment', () => {
    // Segments 1 and 3 of 4 (values 2 and 9 at least 2): corners 4..7 and 12..15.
    const values = [0.5, 2, 1.9, 9];
    expect(Array.from(quadIndex(4, (i) => values[i] >= 2))).toEqual([4, 5, 6, 6, 5, 7, 12, 13, 14, 14, 13, 15]);
    expect(quadIndex(4, () => false).length).toBe(0);
  });
});
