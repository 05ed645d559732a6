import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { holePaths } from '../src/domain/prepare';
import { disclosurePreset, queryIntercepts, summarise } from '../src/domain/interceptQuery';

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
