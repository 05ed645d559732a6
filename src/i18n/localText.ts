/**
 * The dataset's own texts (project name, zone and fault names, disclaimer, qualified-person
 * statement, view names and tour captions) in the user's language. A text the file gives in
 * several languages is kept as its default text in its field and the languages under `texts`
 * (src/data/schema.ts); every place the screen shows one of these fields reads it through here.
 *
 * Pure: the language is a parameter (components pass `i18n.language`).
 */
import { defaultText } from '../data/languageTexts';

/** A record whose text fields may carry their languages under `texts` (field → language → text). */
type WithTexts = { texts?: Partial<Record<string, Record<string, string>>> };

/** "fr-CA" → "fr": the file's languages are primary tags. */
const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0];

/**
 * The field's text in `lang` when the file gives it, else its default text (English when the file
 * has it, else the first language it gives): the other language as fallback. A plain string is
 * the text in every language.
 */
export function localText<R extends WithTexts, F extends keyof R & string>(rec: R, field: F, lang: string): R[F] {
  const own = rec.texts?.[field]?.[primary(lang)];
  return (own ?? rec[field]) as R[F];
}

/**
 * The record with the field's text in `lang` set to `text` (an edit in the Project panel): a field
 * with languages keeps the others, a plain field becomes the new plain text.
 */
export function withLocalText<R extends WithTexts, F extends keyof R & string>(rec: R, field: F, text: string | undefined, lang: string): R {
  const languages = rec.texts?.[field];
  if (!languages) return { ...rec, [field]: text };
  const l = primary(lang);
  const next: Record<string, string> = { ...languages };
  if (text) next[l] = text;
  else delete next[l];
  const texts: Partial<Record<string, Record<string, string>>> = { ...rec.texts };
  if (Object.keys(next).length) texts[field] = next;
  else delete texts[field];
  // The plain field stays the default text (English when there is one, else the first language).
  const out: WithTexts = { ...rec, [field]: texts[field] ? defaultText(next) : undefined, texts };
  if (!Object.keys(texts).length) delete out.texts;
  return out as R;
}

/** Each record's name in `lang`, by id (zones or faults, for tables and labels that show names by id). */
export function namesById(records: readonly ({ id: string; name: string } & WithTexts)[], lang: string): Map<string, string> {
  return new Map(records.map((r) => [r.id, localText(r, 'name', lang)]));
}

/**
 * A vein system's name in `lang`: systems are named by their zones' `system` field, whose default
 * text is the id (kept in views and the API); the first zone giving the system in `lang` names it.
 */
export function systemName(zones: readonly ({ system?: string } & WithTexts)[], system: string, lang: string): string {
  for (const z of zones) if (z.system === system && z.texts?.system) return localText(z, 'system', lang) ?? system;
  return system;
}
