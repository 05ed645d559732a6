import { describe, expect, it } from 'vitest';
import { localText, withLocalText } from './localText';

const zone = { id: 'mcd', name: 'McDowell vein', texts: { name: { en: 'McDowell vein', fr: 'Filon McDowell' } } };
const englishOnly = { name: 'Lake Vein', texts: { name: { en: 'Lake Vein' } } };
const frenchOnly = { name: 'Faille F1', texts: { name: { fr: 'Faille F1' } } };
const plain: { name: string; disclaimer?: string; texts?: Record<string, Record<string, string>> } = { name: 'Talus' };

describe('localText: a dataset text in the user’s language, the other as fallback', () => {
  it('gives the user’s language when the file has it', () => {
    expect(localText(zone, 'name', 'fr')).toBe('Filon McDowell');
    expect(localText(zone, 'name', 'en')).toBe('McDowell vein');
    expect(localText(zone, 'name', 'fr-CA')).toBe('Filon McDowell');
  });

  it('falls back to the other language', () => {
    expect(localText(englishOnly, 'name', 'fr')).toBe('Lake Vein');
    expect(localText(frenchOnly, 'name', 'en')).toBe('Faille F1');
  });

  it('a plain text is the text in every language; a missing optional text stays missing', () => {
    expect(localText(plain, 'name', 'fr')).toBe('Talus');
    expect(localText(plain, 'disclaimer', 'fr')).toBeUndefined();
  });
});

describe('withLocalText: an edit in the Project panel changes the text in the user’s language', () => {
  it('keeps the other language of a text in several languages', () => {
    const edited = withLocalText(zone, 'name', 'Veine McDowell', 'fr');
    expect(edited.texts.name).toEqual({ en: 'McDowell vein', fr: 'Veine McDowell' });
    expect(edited.name).toBe('McDowell vein');
    const english = withLocalText(zone, 'name', 'McDowell Main', 'en');
    expect(english.name).toBe('McDowell Main');
  });

  it('emptying the last language removes the text; a plain text is replaced', () => {
    expect(withLocalText(frenchOnly, 'name', '', 'fr')).toEqual({ name: undefined });
    expect(withLocalText(plain, 'name', 'Talus Nord', 'fr').name).toBe('Talus Nord');
  });
});
