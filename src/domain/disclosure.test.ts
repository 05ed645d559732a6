import { describe, expect, it } from 'vitest';
import { disclosedMask, earlierDate, isIsoDate, showsUndisclosed } from './disclosure';

const releases = [
  { id: 'NR-1989-02', date: '1989-03-15' },
  { id: 'NR-2005-14', date: '2005-11-02' },
  { id: 'NR-2006-03', date: '2006-01-01' },
  { id: 'NR-2006-21', date: '2006-09-20' },
  { id: 'NR-bad', date: undefined },
];

describe('the disclosure-date cut', () => {
  const holes = [
    { id: 'A', release: 'NR-1989-02' }, // released long before
    { id: 'B', release: 'NR-2005-14' }, // released before
    { id: 'C', release: 'NR-2006-03' }, // released on the very day
    { id: 'D', release: 'NR-2006-21' }, // released after
    { id: 'E' }, // never released
    { id: 'F', release: 'NR-unknown' }, // names a release the file does not have
    { id: 'G', release: 'NR-bad' }, // its release has no valid date
  ];

  it('keeps holes released before or on the date and hides later, unreleased and undated ones', () => {
    expect(Array.from(disclosedMask(holes, releases, '2006-01-01'))).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it('moves with the date: the day before a release hides it', () => {
    expect(Array.from(disclosedMask(holes, releases, '2005-12-31'))).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(disclosedMask(holes, releases, '1989-03-14'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(disclosedMask(holes, releases, '2030-01-01'))).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });
});

describe('calendar dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2006-01-01')).toBe(true);
    expect(isIsoDate('2004-02-29')).toBe(true);
    expect(isIsoDate('2006-02-30')).toBe(false);
    expect(isIsoDate('2006-13-01')).toBe(false);
    expect(isIsoDate('2006-1-1')).toBe(false);
    expect(isIsoDate('15/03/1989')).toBe(false);
    expect(isIsoDate(20060101)).toBe(false);
  });
});

describe('whether a picture shows undisclosed results', () => {
  const drilled = (release?: string) => ({ release, status: 'drilled' as const });
  it('with no disclosure date: a drilled hole without a release, or released after today, is undisclosed', () => {
    expect(showsUndisclosed([drilled('NR-1989-02'), drilled('NR-2005-14')], releases, null, '2006-05-01')).toBe(false);
    expect(showsUndisclosed([drilled('NR-1989-02'), drilled()], releases, null, '2006-05-01')).toBe(true);
    expect(showsUndisclosed([drilled('NR-2006-21')], releases, null, '2006-05-01')).toBe(true);
  });
  it('a dataset that lists no release at all is not checked (it says nothing about disclosure)', () => {
    expect(showsUndisclosed([drilled(), drilled()], [], null, '2006-05-01')).toBe(false);
  });
  it('a planned hole has no results, so it alone does not make the picture internal', () => {
    expect(showsUndisclosed([drilled('NR-1989-02'), { status: 'planned' }], releases, null, '2006-05-01')).toBe(false);
  });
  it('a hole the filters hide does not count', () => {
    expect(showsUndisclosed([drilled('NR-1989-02'), drilled()], releases, null, '2006-05-01', Uint8Array.of(1, 0))).toBe(false);
  });
  it('with a disclosure date: only a date after today is undisclosed', () => {
    expect(showsUndisclosed([drilled()], releases, '2006-01-01', '2006-05-01')).toBe(false);
    expect(showsUndisclosed([drilled()], releases, '2006-05-01', '2006-05-01')).toBe(false);
    expect(showsUndisclosed([drilled()], releases, '2006-05-02', '2006-05-01')).toBe(true);
  });
});

describe('a view applied under a disclosure date', () => {
  it('never lifts the date in force, but can hold results back further', () => {
    expect(earlierDate('2006-01-01', null)).toBe('2006-01-01');
    expect(earlierDate('2006-01-01', undefined)).toBe('2006-01-01');
    expect(earlierDate('2006-01-01', '2007-06-30')).toBe('2006-01-01');
    expect(earlierDate('2006-01-01', '1990-01-01')).toBe('1990-01-01');
    expect(earlierDate(null, '2005-12-01')).toBe('2005-12-01');
    expect(earlierDate(null, null)).toBeNull();
  });
});
