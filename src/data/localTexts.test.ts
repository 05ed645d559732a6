import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from './load';
import { i18next } from '../i18n';
import { modelToDocument } from './serialize';
import { encodeDeposit } from './binary/encode';
import { decodeDeposit } from './binary/decode';

const mini = () => JSON.parse(readFileSync(new URL('../../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));
const camera = { position: [0, 0, 100], target: [0, 0, 0] };

/** The mini fixture with texts in both languages in every field that may carry them. */
function bilingual() {
  const doc = mini();
  doc.project.name = { en: 'Mini test deposit', fr: 'Gîte test miniature' };
  doc.project.disclaimer = { en: 'Illustrative only.', fr: 'Modèle illustratif seulement.' };
  doc.project.qualifiedPerson = { fr: 'Aucune personne qualifiée n’a vérifié ces données.' };
  doc.zones[0].name = { en: 'Vein One', fr: 'Filon Un' };
  doc.faults[0].name = { en: 'Fault F1', fr: 'Faille F1' };
  doc.views = [{ name: { en: 'Overview', fr: 'Vue d’ensemble' }, caption: { en: 'The whole vein.', fr: 'Tout le filon.' }, camera }];
  return doc;
}

describe('dataset texts in several languages', () => {
  it('loads a text given in English and French: the plain field holds the English, the French is kept beside it', () => {
    const { model, report } = validateDeposit(bilingual(), 'b');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(model!.project.name).toBe('Mini test deposit');
    expect(model!.project.texts?.name).toEqual({ en: 'Mini test deposit', fr: 'Gîte test miniature' });
    expect(model!.project.disclaimer).toBe('Illustrative only.');
    expect(model!.zones[0].name).toBe('Vein One');
    expect(model!.zones[0].texts?.name?.fr).toBe('Filon Un');
    expect(model!.faults[0].texts?.name?.fr).toBe('Faille F1');
    expect(model!.views[0].name).toBe('Overview');
    expect(model!.views[0].texts?.caption?.fr).toBe('Tout le filon.');
  });

  it('a text in French only is the plain text too (no English to prefer)', () => {
    const { model } = validateDeposit(bilingual(), 'b');
    expect(model!.project.qualifiedPerson).toBe('Aucune personne qualifiée n’a vérifié ces données.');
  });

  it('a plain string stays valid and carries no languages', () => {
    const { model, report } = validateDeposit(mini(), 'm');
    expect(report.errors).toEqual([]);
    expect(model!.zones[1].name).toBe('Host');
    expect(model!.zones[1].texts).toBeUndefined();
  });

  it('a bad language is reported at its JSON path and left out; the record loads with the other language', () => {
    const doc = bilingual();
    doc.zones[1].name = { en: 'Host', fr: '' };
    doc.zones[0].name = { en: 'Vein One', French: 'Filon Un' };
    const { model, report } = validateDeposit(doc, 'b');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ path: '$.zones[1].name.fr', id: 'host', message: 'expected a non-empty string; this language is left out' }));
    expect(report.warnings.map((w) => w.path)).toContain('$.zones[0].name.French');
    expect(model!.zones.map((z) => z.name)).toEqual(['Vein One', 'Host']);
    expect(model!.zones[1].texts?.name).toEqual({ en: 'Host' });
  });

  it('a name with no English or French left drops its record; an optional text is only left out', () => {
    const doc = bilingual();
    doc.zones.push({ id: 'v2', name: { en: '  ' }, color: '#aabbcc', kind: 'vein' });
    doc.views[0].caption = { es: 'Todo el filón.' };
    const { model, report } = validateDeposit(doc, 'b');
    expect(report.errors).toContainEqual(expect.objectContaining({ path: '$.zones[2].name', message: 'no text in English ("en") or French ("fr"); zone ignored' }));
    expect(report.dropped.zones).toBe(1);
    expect(model!.zones.map((z) => z.id)).toEqual(['v1', 'host']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ path: '$.views[0].caption', message: 'no text in English ("en") or French ("fr"); left out' }));
    expect(model!.views[0].caption).toBeUndefined();
    expect(model!.views[0].name).toBe('Overview');
    // The same messages in French, from their keys.
    const fr = i18next.getFixedT('fr', 'messages');
    const said = (i: { key?: string; params?: Record<string, string | number> }) => fr(i.key!, { ...i.params });
    expect(said(report.errors.find((e) => e.path === '$.zones[2].name')!)).toBe('aucun texte en anglais (« en ») ni en français (« fr »); zone ignorée');
    expect(said(report.warnings.find((w) => w.path === '$.views[0].caption')!)).toBe('aucun texte en anglais (« en ») ni en français (« fr »); texte écarté');
  });

  it('a project name with no usable language fails the load, as a missing name does', () => {
    const doc = bilingual();
    doc.project.name = { fr: 7 };
    const { model, report } = validateDeposit(doc, 'b');
    expect(model).toBeUndefined();
    expect(report.errors.map((e) => e.path)).toEqual(['$.project.name']);
  });

  it('a bad language of the project is a warning: the file loads with the other language', () => {
    const doc = bilingual();
    doc.project.disclaimer = { en: 'Illustrative only.', fr: ['pas', 'un texte'] };
    const { model, report } = validateDeposit(doc, 'b');
    expect(report.warnings.map((w) => w.path)).toEqual(['$.project.disclaimer.fr']);
    expect(model!.project.texts?.disclaimer).toEqual({ en: 'Illustrative only.' });
  });

  it('saving as JSON and as the binary form gives back every language', () => {
    const a = validateDeposit(bilingual(), 'a').model!;
    const json = JSON.parse(JSON.stringify(modelToDocument(a)));
    expect(json.zones[0].name).toEqual({ en: 'Vein One', fr: 'Filon Un' });
    expect(json.zones[0].texts).toBeUndefined();
    expect(json.project.qualifiedPerson).toEqual({ fr: 'Aucune personne qualifiée n’a vérifié ces données.' });
    const fromJson = validateDeposit(json, 'b').model!;
    const decoded = decodeDeposit(encodeDeposit(modelToDocument(a)).bytes, 'c.vsb');
    const fromBinary = validateDeposit(decoded.value, 'c').model!;
    for (const b of [fromJson, fromBinary]) {
      expect(b.project).toEqual(a.project);
      expect(b.zones).toEqual(a.zones);
      expect(b.faults).toEqual(a.faults);
      expect(b.views).toEqual(a.views);
    }
  });
});
