/**
 * Messages from the loader, importers and checks: the English text made in the worker (no i18next
 * there) must equal what i18next writes for English, and the interface writes the French from the
 * same key and values.
 */
import { describe, expect, it } from 'vitest';
import { englishText, say } from '../src/domain/message';
import { i18next } from '../src/i18n';
import { messageText, placeText } from '../src/i18n/messageText';

describe('catalogue messages', () => {
  it('fills values, groups numbers the English way and picks the plural form', () => {
    expect(say('example.rows', { count: 1 }).message).toBe('1 row');
    expect(say('example.rows', { count: 1234 }).message).toBe('1,234 rows');
    expect(englishText('example.rows', { count: 0 })).toBe('0 rows');
  });
  it('is written in the interface language from its key', async () => {
    const m = say('example.rows', { count: 1234 });
    await i18next.changeLanguage('fr');
    expect(messageText(m)).toBe('1\u202f234 rangées');
    await i18next.changeLanguage('en');
    expect(messageText(m)).toBe('1,234 rows');
    expect(messageText({ message: 'as the browser said it' })).toBe('as the browser said it');
  });
  it('writes a table row place in the language; JSON paths stay as they are', () => {
    expect(placeText('collar.csv:row 4', 'fr')).toBe('collar.csv:ligne 4');
    expect(placeText('collar.csv:row 4', 'en')).toBe('collar.csv:row 4');
    expect(placeText('$.holes[3].surveys[2].dip', 'fr')).toBe('$.holes[3].surveys[2].dip');
  });
});
