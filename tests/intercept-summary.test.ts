import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { holePaths } from '../src/domain/prepare';
import { disclosurePreset, queryIntercepts, summarise, summariseFlagged } from '../src/domain/interceptQuery';

describe('the McDowell disclosure on the sample, as the intercept table summarises it', () => {
  const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
  const paths = holePaths(model!, 'minimum-curvature', []);
  it('capped at 45 g/t: 6.07 g/t Au over 0.82 m horizontal width (within 1 %)', () => {
    const rows = queryIntercepts(model!, paths, disclosurePreset('McDowell', 45));
    const s = summarise(rows);
    expect(s.widthKind).toBe('horizontal');
    expect(s.grade).toBeGreaterThan(6.07 * 0.99);
    expect(s.grade).toBeLessThan(6.07 * 1.01);
    expect(s.width).toBeGreaterThan(0.82 * 0.99);
    expect(s.width).toBeLessThan(0.82 * 1.01);
    // Uncapped it is higher: capping matters in this dataset.
    const uncapped = summarise(queryIntercepts(model!, paths, { ...disclosurePreset('McDowell', 45), topCut: null }));
    expect(uncapped.grade).toBeGreaterThan(s.grade + 0.1);
  });
  it('only McDowell zones are kept', () => {
    const rows = queryIntercepts(model!, paths, disclosurePreset('McDowell', 45));
    expect(new Set(rows.map((r) => r.zoneId))).toEqual(new Set(['mcdowell-1', 'mcdowell-2', 'mcdowell-3']));
  });
});

describe('the summary never mixes widths', () => {
  const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
  const paths = holePaths(model!, 'minimum-curvature', []);
  it('one row without HW: every row is averaged over true width instead, and the summary says TW', () => {
    const rows = queryIntercepts(model!, paths, disclosurePreset('McDowell', 45)).slice(0, 3);
    const mixed = [{ ...rows[0], horizontalWidth: null }, rows[1], rows[2]];
    const s = summarise(mixed);
    expect(s.widthKind).toBe('true');
    const tw = mixed.map((r) => r.trueWidth!);
    expect(s.width).toBeCloseTo((tw[0] + tw[1] + tw[2]) / 3, 12);
    expect(s.grade).toBeCloseTo((mixed[0].grade * tw[0] + mixed[1].grade * tw[1] + mixed[2].grade * tw[2]) / (tw[0] + tw[1] + tw[2]), 12);
    // Asked for core length, it is core length.
    expect(summarise(rows, 'g/t', 'core').widthKind).toBe('core');
  });
});

// The table's summary on each filter change: from the in-view flags over typed arrays made once
// per intercept list (summariseFlagged), not from the rows in view as objects.
describe('the summary of the intercepts in view, from their flags', () => {
  const base = { coreLength: 2 };
  // Grades 10, 4, 6, 1; horizontal widths 0.5, 1, none, 2; true widths 0.6, 1.2, 0.9, 2.4.
  const rows = [
    { ...base, grade: 10, horizontalWidth: 0.5, trueWidth: 0.6 },
    { ...base, grade: 4, horizontalWidth: 1, trueWidth: 1.2 },
    { ...base, grade: 6, horizontalWidth: null, trueWidth: 0.9 },
    { ...base, grade: 1, horizontalWidth: 2, trueWidth: 2.4 },
  ] as unknown as import('../src/domain/intercepts').Intercept[];

  it('rows 0, 1 and 3 in view: horizontal width, (10 x 0.5 + 4 x 1 + 1 x 2) / 3.5 = 3.142857 g/t over 3.5 / 3 m', () => {
    const s = summariseFlagged(rows, Uint8Array.of(1, 1, 0, 1));
    expect(s).toMatchObject({ count: 3, widthKind: 'horizontal' });
    expect(s.grade).toBeCloseTo(11 / 3.5, 12);
    expect(s.width).toBeCloseTo(3.5 / 3, 12);
  });

  it('with row 2 in view (no horizontal width), every row over true width: (6 + 4.8 + 5.4) / 2.7 = 6 g/t over 2.7 / 3 m', () => {
    const s = summariseFlagged(rows, Uint8Array.of(1, 1, 1, 0));
    expect(s).toMatchObject({ count: 3, widthKind: 'true' });
    expect(s.grade).toBeCloseTo((10 * 0.6 + 4 * 1.2 + 6 * 0.9) / 2.7, 12);
    expect(s.width).toBeCloseTo(2.7 / 3, 12);
  });

  it('without flags, every row; none in view, no figure; asked for core length, core length', () => {
    expect(summariseFlagged(rows, null)).toMatchObject({ count: 4, widthKind: 'true' });
    const none = summariseFlagged(rows, Uint8Array.of(0, 0, 0, 0));
    expect(none.count).toBe(0);
    expect(none.grade).toBeNaN();
    const core = summariseFlagged(rows, Uint8Array.of(1, 0, 0, 1), 'g/t', 'core');
    expect(core).toMatchObject({ widthKind: 'core', grade: 5.5, width: 2 });
  });

  it('10,000 rows (summed in several blocks): every third in view, the rows of the pattern above', () => {
    // Rows 10, 4, 1 g/t over 0.5, 1, 2 m horizontal, repeated; flags keep rows i % 3 === 0 (grade 10 over 0.5 m): 3,334 of them.
    const pattern = [rows[0], rows[1], rows[3]];
    const many = Array.from({ length: 10000 }, (_, i) => pattern[i % 3]);
    const flags = Uint8Array.from(many, (_, i) => (i % 3 === 0 ? 1 : 0));
    const s = summariseFlagged(many, flags);
    expect(s).toMatchObject({ count: 3334, widthKind: 'horizontal', grade: 10 });
    expect(s.width).toBeCloseTo(0.5, 12);
    // All of them: (10 x 0.5 + 4 x 1 + 1 x 2) per 3.5 m over each run of three, and the last row (10 g/t, 0.5 m).
    const all = summariseFlagged(many, null);
    expect(all.count).toBe(10000);
    expect(all.grade).toBeCloseTo((3333 * 11 + 5) / (3333 * 3.5 + 0.5), 10);
  });
});
