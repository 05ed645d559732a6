/**
 * Message catalogues (src/i18n/locales/<lang>/<namespace>.json): every key in one language is in
 * the other, plural keys come with every form the language needs (CLDR: English and French both
 * have "one" and "other"), and every literal key a translated component asks for (`t('…')`, or `tr('…')` where `t` is taken) exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, i18next, languageFrom } from '../src/i18n';

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('message catalogues', () => {
  const langs = Object.keys(catalogues);
  it('has English and French', () => expect(langs.sort()).toEqual(['en', 'fr']));
  for (const ns of Object.keys(catalogues.en)) {
    it(`${ns}: the same keys in every language`, () => {
      const en = flat(catalogues.en[ns] as Tree).sort();
      for (const l of langs) expect(flat((catalogues[l][ns] ?? {}) as Tree).sort(), `${l}/${ns}.json`).toEqual(en);
    });
    it(`${ns}: plural keys have the forms each language needs`, () => {
      for (const l of langs) {
        const keys = flat(catalogues[l][ns] as Tree);
        const forms = new Intl.PluralRules(l).resolvedOptions().pluralCategories.filter((c) => c === 'one' || c === 'other');
        for (const k of keys.filter((x) => /_(one|other)$/.test(x))) for (const f of forms) expect(keys, `${l}/${ns}: ${base(k)}_${f}`).toContain(`${base(k)}_${f}`);
      }
    });
  }
  it('every literal key a component asks for is in its namespace', () => {
    const dir = join(__dirname, '../src/ui');
    // Components in sub-folders too (importedObjects/, legend/ …).
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      const ns = /useTranslation\('([^']+)'\)/.exec(src)?.[1];
      if (!ns) continue;
      const keys = new Set(flat(catalogues.en[ns] as Tree).map(base));
      for (const m of src.matchAll(/\b(?:t|tr)\('([^']+)'/g)) expect(keys, `${file}: ${ns}:${m[1]}`).toContain(m[1]);
    }
  });
  it('chooses the language from ?lang= and formats plurals and numbers by it', async () => {
    expect(languageFrom('?lang=fr')).toBe('fr');
    expect(languageFrom('?lang=FR-ca')).toBe('fr');
    expect(languageFrom('?lang=de')).toBe('en');
    expect(languageFrom('')).toBe('en');
    const fr = i18next.getFixedT('fr', 'qa');
    expect(fr('problemCount', { count: 1 })).toBe('1 problème');
    // French groups thousands with a narrow no-break space (U+202F).
    expect(fr('problemCount', { count: 1234 })).toBe('1\u202f234 problèmes');
    expect(i18next.getFixedT('en', 'qa')('problemCount', { count: 1234 })).toBe('1,234 problems');
  });
});
