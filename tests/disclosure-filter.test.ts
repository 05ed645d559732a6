/**
 * The disclosure date as a hole filter of the store (issue 21), on the sample: the hole mask every
 * filtered view follows (3D, counts, picks, labels, long section, grade on the vein) keeps exactly
 * the holes released by the date. Expected counts by hand from the sample's programs: 60 holes of
 * 1988 (released 1989-03-15), 57 of 1996 (1997-02-11), 78 of 2005 in two releases of 39
 * (2005-11-08, 2006-02-21), 34 of 2006 (2006-10-17), 29 planned (no release).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { DEFAULT_FILTERS } from '../src/state/slices/filters';
import { holeMaskOf } from '../src/state/filterState';
import { interceptsOfShown } from '../src/state/holesShown';
import { InterceptRowsBuilder } from '../src/domain/interceptRows';
import { viewFiltersOn } from '../src/state/interceptsInView';

const model = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json').model!;
const shownOn = (disclosedOn: string | null, holeSearch = '') => {
  const mask = holeMaskOf({ model, filters: { ...DEFAULT_FILTERS, disclosedOn, holeSearch } });
  return mask ? mask.reduce((n, v) => n + v, 0) : model.holes.length;
};

describe('the disclosure date as a hole filter', () => {
  it('keeps the holes released by the date, release by release', () => {
    expect(shownOn(null)).toBe(60 + 57 + 78 + 34 + 29);
    expect(shownOn('1989-03-14')).toBe(0);
    expect(shownOn('1989-03-15')).toBe(60);
    expect(shownOn('2006-01-01')).toBe(60 + 57 + 39);
    expect(shownOn('2006-02-21')).toBe(60 + 57 + 78);
    // Planned holes have no release: never shown under a disclosure date.
    expect(shownOn('2099-12-31')).toBe(60 + 57 + 78 + 34);
  });

  it('combines with the hole search (both must keep a hole)', () => {
    expect(shownOn(null, 'RK05')).toBe(78);
    expect(shownOn('2006-01-01', 'RK05')).toBe(39);
  });

  it('takes the intercepts of hidden holes out with them', () => {
    const mask = holeMaskOf({ model, filters: { ...DEFAULT_FILTERS, disclosedOn: '2006-01-01' } })!;
    const b = new InterceptRowsBuilder(model.holes, { unit: 'g/t', element: 'Au' });
    const at = { from: 1, to: 2, sampledLength: 1, unsampledLength: 0, rows: [], grade: 1, gradeUncapped: 1, trueWidth: null, horizontalWidth: null, widthKind: 'core' as const, midpoint: [0, 0, 0] as [number, number, number] };
    for (const id of ['RK05-039', 'RK05-040', 'RK06-001', 'RK88-001']) b.add(model.holes.findIndex((h) => h.id === id), at, null, null, []);
    expect(interceptsOfShown(b.finish(), mask).toArray().map((r) => r.holeId)).toEqual(['RK05-039', 'RK88-001']);
  });
});

describe('the intercept CSV note says the disclosure date', () => {
  const s = { model: { zones: [] }, prepared: null, filters: { ...DEFAULT_FILTERS, disclosedOn: '2006-01-01' } } as unknown as Parameters<typeof viewFiltersOn>[0];
  it('in English and in French', () => {
    expect(viewFiltersOn(s, 'g/t', 'en')).toEqual(['as disclosed on 2006-01-01 (holes released later or never left out)']);
    expect(viewFiltersOn(s, 'g/t', 'fr')).toEqual(['tel que divulgué le 2006-01-01 (forages publiés plus tard ou jamais exclus)']);
  });
});
