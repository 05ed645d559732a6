import { describe, expect, it } from 'vitest';
import type { Model } from '../data/model';
import { DEFAULT_FILTERS, type Filters } from './slices/filters';
import { setTimelineStep, timelineIndex } from './timeline';

/** A store stand-in: the model and the filters, patched as the store's setFilters patches them. */
function storeWith(filters: Partial<Filters> = {}) {
  const model = {
    holes: [
      { id: 'A', year: 1988, release: 'NR-1', status: 'drilled' },
      { id: 'B', year: 1996, release: 'NR-2', status: 'drilled' },
      { id: 'C', year: 2005, release: 'NR-3', status: 'drilled' },
    ],
    releases: [{ id: 'NR-1', date: '1989-03-15' }, { id: 'NR-2', date: '1997-02-11' }, { id: 'NR-3', date: '2006-02-21' }],
  } as unknown as Model;
  const s = { model, filters: { ...DEFAULT_FILTERS, ...filters }, setFilters: (p: Partial<Filters>) => { s.filters = { ...s.filters, ...p }; } };
  return s;
}

describe('replaying the drilling through the filters', () => {
  it('each step sets its cut; ending the replay puts back the cut it found', () => {
    const s = storeWith({ yearMax: 2010 });
    expect(setTimelineStep(s, 1)).toMatchObject({ kind: 'release', date: '1997-02-11', holes: 2 });
    // The year window the user had stays as it was while stepping by release.
    expect([s.filters.disclosedOn, s.filters.yearMax]).toEqual(['1997-02-11', 2010]);
    expect(timelineIndex(s)).toBe(1);
    expect(setTimelineStep(s, 7)).toMatchObject({ date: '2006-02-21' }); // clamped to the last
    expect(setTimelineStep(s, null)).toBeNull();
    expect([s.filters.disclosedOn, s.filters.yearMax]).toEqual([null, 2010]);
    expect(timelineIndex(s)).toBe(-1);
  });

  it('a replay ended after another dataset came in still puts back the cut it found', () => {
    const s = storeWith();
    setTimelineStep(s, 0);
    // The store carries the disclosure date into the next dataset.
    const next = storeWith({ disclosedOn: s.filters.disclosedOn });
    expect(next.filters.disclosedOn).toBe('1989-03-15');
    setTimelineStep(next, null);
    expect(next.filters.disclosedOn).toBeNull();
  });

  it('switching to years starts from the cut found first, not from the release step', () => {
    const s = storeWith({ disclosedOn: '2000-01-01' });
    expect(setTimelineStep(s, 0)).toMatchObject({ date: '1989-03-15' });
    // Only the releases up to the date in force: two steps.
    expect(setTimelineStep(s, 5)).toMatchObject({ date: '1997-02-11' });
    expect(setTimelineStep(s, 0, 'year')).toEqual({ kind: 'year', year: 1988, holes: 1 });
    expect([s.filters.disclosedOn, s.filters.yearMax]).toEqual(['2000-01-01', 1988]);
    setTimelineStep(s, null);
    expect([s.filters.disclosedOn, s.filters.yearMax]).toEqual(['2000-01-01', null]);
  });
});
