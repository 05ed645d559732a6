/**
 * Load-report and data-QA messages in both languages: the English text stays the one the API, logs
 * and CSVs carry, and the French is written from the same key and values (issue 20).
 */
import { describe, expect, it } from 'vitest';
import { englishText } from '../src/domain/message';
import { importCsv } from '../src/data/csv';
import { i18next } from '../src/i18n';
import type { LoadIssue } from '../src/data/model';

const fr = i18next.getFixedT('fr', 'messages');
const en = i18next.getFixedT('en', 'messages');
const french = (i: LoadIssue) => fr(i.key!, { ...i.params });

describe('message maker', () => {
  it('writes raw values without grouping and nested words from the catalogue', () => {
    expect(englishText('csv.survey.pastFinal', { id: 'DH1', depth: 1250.5, final: 1200 })).toBe('hole DH1: survey station at 1250.5 m is past the final depth 1200 m; ignored');
    expect(englishText('csv.unusedColumns', { kind: 'survey', columns: 'X, Y' })).toBe('survey table: column(s) not used: X, Y');
  });
  it('leaves a value that looks like a nested key as text', () => {
    expect(englishText('csv.collar.noId', { column: '$t(messages:csv.kind.collar)' })).toBe('hole id missing in column $t(messages:csv.kind.collar); collar ignored');
  });
  it('gives the i18next English text for the same key and values', () => {
    const params = { headers: 'A, B', count: 1234 };
    expect(en('csv.unknownTable', params)).toBe(englishText('csv.unknownTable', params));
  });
});

describe('CSV import messages in French', () => {
  const collar = 'HOLEID,EAST,NORTH,RL,DEPTH\nDH1,1,1,1,100\nDH1,2,2,2,100';
  const survey = 'HOLEID,AT,AZ,DIP\nDH1,1250.5,10,-60\nDH9,0,10,-60';
  const r = importCsv([{ name: 'collar.csv', text: collar }, { name: 'survey.csv', text: survey }]).report;
  const all = [...r.errors, ...r.warnings, ...(r.notes ?? [])];

  it('every issue carries a key in both catalogues, and the French is not the English', () => {
    expect(all.length).toBeGreaterThan(3);
    for (const i of all) {
      expect(i.key, i.message).toBeDefined();
      expect(i18next.exists(`messages:${i.key}`, { lng: 'fr', ...i.params })).toBe(true);
      expect(en(i.key!, { ...i.params })).toBe(i.message);
      expect(french(i)).not.toBe(i.message);
    }
  });
  it('writes the words, numbers and typography the French way', () => {
    const dup = all.find((i) => i.key === 'csv.collar.duplicate')!;
    expect(french(dup)).toBe('collet en double pour le forage « DH1 » (premier à collar.csv:row 2); collet ignoré');
    const past = all.find((i) => i.key === 'csv.survey.pastFinal')!;
    expect(french(past)).toBe('forage DH1\u00a0: la station de levé à 1250,5 m est au-delà de la profondeur finale de 100 m; ignorée');
    const orphan = all.find((i) => i.key === 'csv.noCollar.surveys')!;
    expect(french(orphan)).toBe('le forage « DH9 » n’a pas de collet\u00a0: 1 ligne de levé de survey.csv ignorée');
    const format = all.find((i) => i.key === 'csv.readAs')!;
    expect(format.message).toBe('collar.csv read as comma-separated, decimal point, UTF-8');
  });
});

describe('CSV dialect note in French', () => {
  it('names the delimiter and decimal mark in French', () => {
    const r = importCsv([{ name: 'c.csv', text: 'HOLEID;EAST;NORTH;RL\nDH1;1,5;1;1' }]).report;
    const note = r.notes!.find((i) => i.key === 'csv.readAs')!;
    expect(note.message).toBe('c.csv read as semicolon-separated, decimal comma, UTF-8');
    expect(french(note)).toBe('c.csv lu en séparateur point-virgule, virgule décimale, UTF-8');
  });
});
