/**
 * News releases in the deposit file (issue 21): validated with warnings at their JSON path, kept
 * in the model, written back by "Save as Veinscape JSON" and through the binary form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { modelToDocument } from '../src/data/serialize';
import { encodeDeposit } from '../src/data/binary/encode';
import { decodeDeposit } from '../src/data/binary/decode';
import { i18next } from '../src/i18n';

const mini = () => JSON.parse(readFileSync(new URL('./fixtures/mini-deposit.json', import.meta.url), 'utf8'));

function withReleases() {
  const doc = mini();
  doc.releases = [
    { id: 'NR-2005-14', date: '2005-11-02', title: { en: 'Rocmec intersects 6.1 g/t over 0.8 m', fr: 'Rocmec recoupe 6,1 g/t sur 0,8 m' } },
    { id: 'NR-2006-03', date: '2006-02-30' },
  ];
  doc.holes[0].release = 'NR-2005-14';
  doc.holes[1].release = 'NR-1999-99';
  return doc;
}

describe('news releases in a deposit file', () => {
  it('keeps each hole\'s release and the releases with their dates and titles in both languages', () => {
    const { model } = validateDeposit(withReleases(), 'mini.json');
    expect(model!.holes[0].release).toBe('NR-2005-14');
    expect(model!.releases![0]).toMatchObject({ id: 'NR-2005-14', date: '2005-11-02', title: 'Rocmec intersects 6.1 g/t over 0.8 m' });
    expect(model!.releases![0].texts?.title).toEqual({ en: 'Rocmec intersects 6.1 g/t over 0.8 m', fr: 'Rocmec recoupe 6,1 g/t sur 0,8 m' });
  });

  it('warns of a date that is not a calendar day and keeps the release without it', () => {
    const { model, report } = validateDeposit(withReleases(), 'mini.json');
    const w = report.warnings.find((x) => x.path === '$.releases[1].date');
    expect(w).toMatchObject({ id: 'NR-2006-03' });
    expect(w!.message).toBe('release date "2006-02-30" is not a date YYYY-MM-DD; release loaded without a date (its holes count as undisclosed)');
    expect(i18next.t(`messages:${w!.key}`, { lng: 'fr', ...w!.params })).toBe(
      'la date de communiqué « 2006-02-30 » n’est pas une date AAAA-MM-JJ; communiqué chargé sans date (ses forages comptent comme non divulgués)',
    );
    expect(model!.releases![1].date).toBeUndefined();
  });

  it('warns of a hole naming a release the file does not list, with the hole id, and loads it as undisclosed', () => {
    const doc = withReleases();
    const { model, report } = validateDeposit(doc, 'mini.json');
    const w = report.warnings.find((x) => x.path === '$.holes[1].release');
    expect(w).toMatchObject({ id: doc.holes[1].id });
    expect(w!.message).toBe('release "NR-1999-99" is not in the file\'s releases; hole loaded as undisclosed');
    expect(model!.holes[1].release).toBeUndefined();
    expect(model!.holes).toHaveLength(doc.holes.length);
  });

  it('a release without a date is an error of that record only', () => {
    const doc = mini();
    doc.releases = [{ id: 'NR-1' }, { id: 'NR-2', date: '2006-01-01' }];
    const { model, report } = validateDeposit(doc, 'mini.json');
    expect(report.errors.map((e) => e.path)).toEqual(['$.releases[0].date']);
    expect(model!.releases!.map((r) => r.id)).toEqual(['NR-2']);
  });

  it('writes releases back (JSON and binary) so they load the same', () => {
    const { model } = validateDeposit(withReleases(), 'mini.json');
    const again = validateDeposit(JSON.parse(JSON.stringify(modelToDocument(model!))), 'saved.json').model!;
    expect(again.holes.map((h) => h.release)).toEqual(model!.holes.map((h) => h.release));
    expect(again.releases![0]).toEqual(model!.releases![0]);
    const bin = validateDeposit(decodeDeposit(encodeDeposit(withReleases()).bytes, 'mini.vsb').value, 'mini.vsb').model!;
    expect(bin.holes[0].release).toBe('NR-2005-14');
    expect(bin.releases!.map((r) => r.id)).toEqual(['NR-2005-14', 'NR-2006-03']);
  });
});
