import { describe, expect, it } from 'vitest';
import { stepCut, stepIndexOf, timelineModes, timelineSteps, type TimelineHole } from './timeline';

const releases = [
  { id: 'NR-2006-02', date: '2006-02-21' },
  { id: 'NR-1989-03', date: '1989-03-15' },
  { id: 'NR-2005-11', date: '2005-11-08' },
  { id: 'NR-2005-11b', date: '2005-11-08' },
  { id: 'NR-bad', date: '2005-02-30' },
];
const hole = (year: number | undefined, release?: string, status: TimelineHole['status'] = 'drilled'): TimelineHole => ({ year, release, status });

describe('drilling timeline', () => {
  it('steps through the release dates in order, each showing the holes released by then', () => {
    const holes = [hole(1988, 'NR-1989-03'), hole(1988, 'NR-1989-03'), hole(2005, 'NR-2005-11'), hole(2005, 'NR-2005-11b'), hole(2005, 'NR-2006-02'), hole(2007, undefined, 'planned'), hole(2005, 'NR-bad')];
    const steps = timelineSteps(holes, releases);
    expect(steps).toEqual([
      { kind: 'release', date: '1989-03-15', releases: ['NR-1989-03'], holes: 2 },
      // Two releases on one day are one step.
      { kind: 'release', date: '2005-11-08', releases: ['NR-2005-11', 'NR-2005-11b'], holes: 4 },
      // The planned hole and the hole of a release without a valid date never show.
      { kind: 'release', date: '2006-02-21', releases: ['NR-2006-02'], holes: 5 },
    ]);
    expect(stepCut(steps[1])).toEqual({ disclosedOn: '2005-11-08' });
  });

  it('never goes past a disclosure date in force', () => {
    const holes = [hole(1988, 'NR-1989-03'), hole(2005, 'NR-2005-11'), hole(2005, 'NR-2006-02')];
    expect(timelineSteps(holes, releases, '2005-12-31').map((s) => s.kind === 'release' && s.date)).toEqual(['1989-03-15', '2005-11-08']);
    expect(timelineSteps(holes, releases, '1980-01-01')).toEqual([]);
  });

  it('without releases, steps through the drilling years; holes without a year show at every step', () => {
    const holes = [hole(2006), hole(1996), hole(1988), hole(1996), hole(undefined)];
    const steps = timelineSteps(holes, []);
    expect(steps).toEqual([
      { kind: 'year', year: 1988, holes: 2 },
      { kind: 'year', year: 1996, holes: 4 },
      { kind: 'year', year: 2006, holes: 5 },
    ]);
    expect(stepCut(steps[0])).toEqual({ yearMax: 1988 });
    // Releases no hole names (or none dated) leave the replay to the years.
    expect(timelineSteps(holes, releases)).toEqual(steps);
    expect(timelineSteps([hole(undefined)], [])).toEqual([]);
  });

  it('a dataset with releases can also replay by drilling year, as the holes were drilled', () => {
    const holes = [hole(1988, 'NR-1989-03'), hole(2005, 'NR-2005-11'), hole(2005, 'NR-2006-02'), hole(2007, undefined, 'planned')];
    expect(timelineModes(holes, releases)).toEqual(['release', 'year']);
    expect(timelineModes([hole(1996)], releases)).toEqual(['year']);
    expect(timelineModes([hole(undefined, 'NR-bad')], releases)).toEqual([]);
    // By year the 2005 holes come together, whatever release they waited for; the planned hole of 2007 last.
    expect(timelineSteps(holes, releases, '2005-12-31', 'year')).toEqual([
      { kind: 'year', year: 1988, holes: 1 }, { kind: 'year', year: 2005, holes: 3 }, { kind: 'year', year: 2007, holes: 4 },
    ]);
  });

  it('finds the step the filters are at', () => {
    const byYear = timelineSteps([hole(1988), hole(1996)], []);
    expect(stepIndexOf(byYear, { yearMax: 1996 })).toBe(1);
    expect(stepIndexOf(byYear, { yearMax: null })).toBe(-1);
    expect(stepIndexOf(byYear, { yearMax: 1990 })).toBe(-1);
    const byRelease = timelineSteps([hole(1988, 'NR-1989-03')], releases);
    expect(stepIndexOf(byRelease, { disclosedOn: '1989-03-15', yearMax: null })).toBe(0);
    expect(stepIndexOf(byRelease, { disclosedOn: null, yearMax: null })).toBe(-1);
  });
});
