/**
 * Interface language: i18next with one plain JSON catalogue per language and namespace
 * (`locales/<lang>/<namespace>.json`, files a translator edits), plural forms by the language's CLDR
 * rules (`_one` / `_other` keys, Intl.PluralRules). React escapes every interpolated value, so
 * i18next's own escaping is off (data text stays text, never HTML).
 *
 * The language is chosen by `?lang=fr` / `?lang=en` (view links, embeds, the roadshow build), else
 * by the choice the user last made in the top bar (kept in localStorage under `veinscape:lang`),
 * else by the roadshow build's language, else by the browser's preferred languages in order
 * (`fr-CA` → French), else English. English is
 * the default and the fallback for a key a catalogue lacks.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { countNumber, decimalNumber } from './numbers';

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

/** Where the user's own choice of language is kept across visits. */
export const LANGUAGE_KEY = 'veinscape:lang';

/** The interface language a tag names by its primary subtag ("fr-CA" → fr), if the interface has it. */
const known = (l: string | null | undefined): Language | undefined => {
  const primary = l?.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
};

/**
 * The language a `?lang=` query asks for, else the one kept from the user's last choice, else the
 * first of the browser's preferred languages (navigator.languages, most preferred first) the
 * interface has, else English.
 */
export function languageFrom(search: string, stored?: string | null, browser: readonly string[] = []): Language {
  return known(new URLSearchParams(search).get('lang')) ?? known(stored) ?? browser.map(known).find(Boolean) ?? 'en';
}

/**
 * The languages to fall back on when neither the query nor the user chose one: the page's own
 * (`<meta name="veinscape:lang">`, written by the roadshow build's `--lang`, so a file opened by a
 * double-click, with no query, opens in the audience's language), then the browser's preferred
 * languages, most preferred first (none in Node).
 */
function preferredLanguages(): readonly string[] {
  const page = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="veinscape:lang"]')?.content;
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
  return page ? [page, ...browser] : browser;
}

/** localStorage, when there is one and it may be used (private modes, sandboxed frames and Node throw). */
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function storedLanguage(): string | null {
  try {
    return storage()?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const lng = languageFrom(typeof location === 'undefined' ? '' : location.search, storedLanguage(), preferredLanguages());
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
i18next.on('languageChanged', (l) => {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
});

/** The user's choice of language (the top bar's switch): the interface and `<html lang>` follow, and it is kept for the next visit. */
export async function setLanguage(l: Language): Promise<void> {
  try {
    storage()?.setItem(LANGUAGE_KEY, l);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
  await i18next.changeLanguage(l);
}

/** A whole number as the interface language writes it ("1,234"; in French "1 234", a narrow no-break space). */
export function formatCount(n: number): string {
  return countNumber(n, i18next.language || 'en');
}

/** A measured value as the interface language writes it, to at most `digits` decimals ("114.21"; in French "114,21"). */
export function formatDecimal(n: number, digits = 2): string {
  return decimalNumber(n, digits, i18next.language || 'en');
}

export { i18next };
