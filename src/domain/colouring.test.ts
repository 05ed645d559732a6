import { describe, expect, it } from 'vitest';
import { defaultBins } from './colouring';
import { binIndex, binLabels, DEFAULT_GOLD_BINS } from './gradeBins';

describe('grade classes', () => {
  it('gold defaults: below 0.5, 0.5-1, 1-3, 3-5, 5-10, above 10 g/t', () => {
    expect(binLabels(DEFAULT_GOLD_BINS)).toEqual(['< 0.5 g/t', '0.5–1 g/t', '1–3 g/t', '3–5 g/t', '5–10 g/t', '≥ 10 g/t']);
    expect(binIndex(DEFAULT_GOLD_BINS, 0.49)).toBe(0);
    expect(binIndex(DEFAULT_GOLD_BINS, 0.5)).toBe(1);
    expect(binIndex(DEFAULT_GOLD_BINS, 6.07)).toBe(4);
    expect(binIndex(DEFAULT_GOLD_BINS, 45)).toBe(5);
    expect(defaultBins('Au', 'g/t', [1, 2]).bounds).toEqual([0.5, 1, 3, 5, 10]);
  });
  it('other numeric columns get rounded, increasing quantile classes', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i / 10); // 0 .. 99.9 ppm
    const b = defaultBins('Ag', 'ppm', values);
    expect(b.unit).toBe('ppm');
    for (let i = 1; i < b.bounds.length; i++) expect(b.bounds[i]).toBeGreaterThan(b.bounds[i - 1]);
    expect(b.bounds[0]).toBeCloseTo(50, 0);
    expect(b.colors.length).toBe(b.bounds.length + 1);
  });
});
