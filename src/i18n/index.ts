/**
 * Interface language: i18next with one plain JSON catalogue per language and namespace
 * (`locales/<lang>/<namespace>.json`, files a translator edits), plural forms by the language's CLDR
 * rules (`_one` / `_other` keys, Intl.PluralRules). React escapes every interpolated value, so
 * i18next's own escaping is off (data text stays text, never HTML).
 *
 * Work in progress (issue 20): the language is chosen by `?lang=fr` / `?lang=en` only, and only the
 * namespaces listed in `locales/` are translated; the rest of the interface is English until its
 * strings move into catalogues. English is the default and the fallback.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

/** { en: { qa: {...} }, fr: { qa: {...} } } from the catalogue files. */
export const catalogues: Record<string, Record<string, Catalogue>> = {};
for (const [path, messages] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  (catalogues[m[1]] ??= {})[m[2]] = messages;
}

/** The language a `?lang=` query asks for, else English. */
export function languageFrom(search: string): Language {
  const asked = new URLSearchParams(search).get('lang')?.toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(asked ?? '') ? (asked as Language) : 'en';
}

const lng = languageFrom(typeof location === 'undefined' ? '' : location.search);
void i18next.use(initReactI18next).init({
  resources: catalogues,
  lng,
  fallbackLng: 'en',
  ns: Object.keys(catalogues.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = lng;

/** A whole number as the interface language writes it ("1,234"; in French "1 234", a narrow no-break space). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(i18next.language || 'en').format(n);
}

export { i18next };
