/**
 * The text fields that may hold several languages ({ "en": "McDowell vein", "fr": "Filon McDowell" }),
 * checked before the schema so one bad language does not cost the record: a bad entry is reported
 * at its JSON path ($.zones[2].name.fr) and left out, and the record loads with the other language.
 * Only a text with no English or French left is a problem for the record itself: a required one
 * (a name) drops it, an optional one (a caption, a disclaimer) is left out.
 */
import { TEXT_FIELDS, TEXT_LANGUAGES, LanguageTag } from './schema';
import type { LoadIssue } from './model';
import { say } from '../domain/message';

export type TextFieldsKind = keyof typeof TEXT_FIELDS;

/** Fields a record cannot do without (the schema's required strings). */
const REQUIRED = new Set(['name']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLanguageTag = (k: string) => LanguageTag.safeParse(k).success;

export interface CheckedTexts {
  /** the record to validate: the same object when nothing was left out, else a copy without the bad entries */
  record: Record<string, unknown>;
  /** false when a required text has no English or French left: the record is dropped */
  ok: boolean;
}

/**
 * Checks the language objects of one record's text fields. `at` is the record's JSON path;
 * `warnings` gets the entries left out, `errors` a required text with nothing left.
 */
export function checkTexts(kind: TextFieldsKind, rec: Record<string, unknown>, at: string, warnings: LoadIssue[], errors: LoadIssue[], id?: string): CheckedTexts {
  let record = rec;
  let ok = true;
  for (const field of TEXT_FIELDS[kind]) {
    const value = rec[field];
    if (!isObject(value)) continue; // a plain string, or a wrong type the schema reports
    const kept: Record<string, string> = {};
    let changed = false;
    for (const [lang, text] of Object.entries(value)) {
      const path = `${at}.${field}.${lang}`;
      if (!isLanguageTag(lang)) {
        warnings.push({ path, id, ...say('load.texts.notTag', { lang }) });
        changed = true;
      } else if (typeof text !== 'string' || text.trim() === '') {
        warnings.push({ path, id, ...say('load.texts.empty') });
        changed = true;
      } else kept[lang] = text;
    }
    const usable = TEXT_LANGUAGES.some((l) => l in kept);
    if (!usable) {
      const required = REQUIRED.has(field);
      const outcome = !required ? 'leftOut' : kind === 'project' ? 'projectName' : kind;
      (required ? errors : warnings).push({ path: `${at}.${field}`, id, ...say('load.texts.none', { outcome }) });
      if (required) ok = false;
    }
    if (!changed && usable) continue;
    record = record === rec ? { ...rec } : record;
    if (usable) record[field] = kept;
    else delete record[field];
  }
  return { record, ok };
}

/** The kinds of record with text fields: the record arrays among them. */
export function hasTextFields(key: string): key is TextFieldsKind {
  return key in TEXT_FIELDS;
}
