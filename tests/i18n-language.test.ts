/**
 * The interface language: `?lang=` first, then the user's last choice kept in localStorage
 * (`veinscape:lang`), then the browser's preferred languages in order, then English. The top bar's switch (setLanguage) changes the language, `<html lang>`
 * and the kept choice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next, LANGUAGE_KEY, languageFrom, setLanguage } from '../src/i18n';

describe('interface language', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18next.changeLanguage('en');
  });

  it('takes ?lang= first, then the kept choice, then English', () => {
    expect(languageFrom('', 'fr')).toBe('fr');
    expect(languageFrom('', 'en')).toBe('en');
    expect(languageFrom('?lang=en', 'fr')).toBe('en');
    expect(languageFrom('?lang=fr', 'en')).toBe('fr');
    // A query or a kept value that is not a language of the interface is ignored.
    expect(languageFrom('?lang=de', 'fr')).toBe('fr');
    expect(languageFrom('', 'de')).toBe('en');
    expect(languageFrom('', null)).toBe('en');
    expect(languageFrom('', undefined)).toBe('en');
    expect(languageFrom('?view=plan', 'FR-ca')).toBe('fr');
  });

  it('then the first of the browser\'s preferred languages the interface has', () => {
    // A Quebec browser: regional tags name their language.
    expect(languageFrom('', null, ['fr-CA', 'en-CA'])).toBe('fr');
    expect(languageFrom('', null, ['en-CA', 'fr-CA'])).toBe('en');
    // Languages the interface lacks are passed over, in the user's order.
    expect(languageFrom('', null, ['de-DE', 'it', 'fr-FR', 'en'])).toBe('fr');
    expect(languageFrom('', null, ['de-DE', 'es'])).toBe('en');
    expect(languageFrom('', null, [])).toBe('en');
    // North Frisian (frr) is not French: only the primary subtag counts.
    expect(languageFrom('', null, ['frr', 'fil', 'en-GB'])).toBe('en');
    // The user's own choice, then ?lang=, win over the browser.
    expect(languageFrom('', 'en', ['fr-CA'])).toBe('en');
    expect(languageFrom('?lang=fr', 'en', ['en-US'])).toBe('fr');
    expect(languageFrom('?lang=en', 'fr', ['fr-CA'])).toBe('en');
  });

  it('setLanguage changes the language, <html lang> and the kept choice', async () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) });
    const html = { lang: 'en' };
    vi.stubGlobal('document', { documentElement: html });
    await setLanguage('fr');
    expect(i18next.language).toBe('fr');
    expect(html.lang).toBe('fr');
    expect(kept.get(LANGUAGE_KEY)).toBe('fr');
    expect(i18next.getFixedT(null, 'app')('open')).toBe('Ouvrir…');
    expect(languageFrom('', kept.get(LANGUAGE_KEY))).toBe('fr');
    await setLanguage('en');
    expect(html.lang).toBe('en');
    expect(kept.get(LANGUAGE_KEY)).toBe('en');
    expect(i18next.getFixedT(null, 'app')('open')).toBe('Open…');
  });

  it('still switches when storage refuses the choice', async () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } });
    await setLanguage('fr');
    expect(i18next.language).toBe('fr');
  });

  it('French counts and coordinates follow the language', async () => {
    await setLanguage('fr');
    const status = i18next.getFixedT(null, 'status');
    expect(status('holes', { count: 1 })).toBe('1 forage');
    expect(status('holes', { count: 1234 })).toBe('1\u202f234 forages');
    expect(i18next.getFixedT('en', 'status')('holes', { count: 1234 })).toBe('1,234 holes');
    expect(status('desurvey', { method: status('method.minimum-curvature') })).toBe('Calcul de trajectoire\u00a0: courbure minimale');
  });
});
