/**
 * Load-report and data-QA messages in both languages: the English text stays the one the API, logs
 * and CSVs carry, and the French is written from the same key and values (issue 20).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishText, say } from '../src/domain/message';
import { importCsv } from '../src/data/csv';
import { validateDeposit } from '../src/data/load';
import { decodeDeposit } from '../src/data/binary/decode';
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

/** Every issue of a report: a key in both catalogues, English as the English catalogue makes it, French differing. */
function expectBothLanguages(issues: LoadIssue[], sameInFrench: RegExp = /^$/) {
  for (const i of issues) {
    expect(i.key, i.message).toBeDefined();
    expect(i18next.exists(`messages:${i.key}`, { lng: 'fr', ...i.params }), i.key).toBe(true);
    expect(en(i.key!, { ...i.params }), i.key).toBe(i.message);
    if (!sameInFrench.test(i.key!)) expect(french(i), i.key).not.toBe(i.message);
    // No nested key left unresolved in either language.
    expect(french(i)).not.toMatch(/\$t\(|messages:/);
  }
}

describe('real loads give keyed messages in both languages', () => {
  it('the real drill databases (babbitt, forrestania, macpass)', () => {
    const dir = '/work/shared/data/external/';
    for (const set of ['babbitt', 'forrestania', 'macpass_tom_zone']) {
      const names = readdirSync(`${dir}${set}`).filter((f) => f.endsWith('.csv'));
      const r = importCsv(names.map((name) => ({ name, bytes: readFileSync(`${dir}${set}/${name}`) }))).report;
      expectBothLanguages([...r.errors, ...r.warnings, ...(r.notes ?? [])]);
    }
  });
  it('a broken deposit file: wrong types, bad references, bad rows, unknown holes, duplicates', () => {
    const doc = JSON.parse(readFileSync(new URL('./fixtures/mini-deposit.json', import.meta.url), 'utf8'));
    doc.holes.push({ ...doc.holes[0] }, { id: 'X1', collar: ['a', 0, 0], depth: 10 }, 7, { id: 'X2', collar: [0, 0, 0], depth: -3, year: 1200, extra: 1 });
    doc.surfaces = [{ id: 's1', zone: 'nowhere', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], triangles: [0, 1, 5] }, { id: 's2', vertices: [0, 0], triangles: [] }];
    doc.intervals = [{ id: 't', columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }], rows: [['NOPE', 0, 1, 2], [doc.holes[0].id, 3, 2, 1], 'row', [doc.holes[0].id, 0, 1, [1]]] }];
    doc.faults = 'none';
    const r = validateDeposit(doc, 'broken.json').report;
    const all = [...r.errors, ...r.warnings];
    expect(all.length).toBeGreaterThan(8);
    expectBothLanguages(all, /^schema\.type|^load\.found\.null/);
    const found = all.find((i) => i.key === 'schema.invalidType')!;
    expect(french(found)).toBe('Entrée invalide\u00a0: un nombre attendu, une chaîne reçu');
    expect(french(all.find((i) => i.key === 'load.table.unknownHole')!)).toBe('forage « NOPE » inconnu (1 ligne); lignes ignorées');
  });
  it('broken binary files', () => {
    const r = decodeDeposit(new Uint8Array(8), 'cut.vsb');
    expectBothLanguages(r.issues);
    expect(french(r.issues[0])).toBe('pas un fichier binaire Veinscape (il doit commencer par « VSCB » et un en-tête de 16 octets)');
  });
  it('the data-QA checks', () => {
    const overlap = say('qa.overlap', { id: 'RK-1', from: 114.21, to: 116, otherFrom: 113, otherTo: 115.5, table: 'assays', by: 1.29 });
    expect(overlap.message).toBe('RK-1: interval 114.21 m–116 m overlaps 113 m–115.5 m in assays by 1.29 m');
    expect(fr(overlap.key, { ...overlap.params })).toBe('RK-1\u00a0: l’intervalle 114,21 m–116 m chevauche 113 m–115,5 m dans assays sur 1,29 m');
    const crossing = say('qa.crossing', { id: 'A', depth: 1234.56, distance: 0.5, other: 'B', otherDepth: 12, tolerance: 1 });
    expect(crossing.message).toBe('A at 1234.6 m passes 0.50 m from B at 12.0 m (tolerance 1 m)');
    expect(fr(crossing.key, { ...crossing.params })).toBe('A à 1234,6 m passe à 0,50 m de B à 12,0 m (tolérance 1 m)');
  });
});
