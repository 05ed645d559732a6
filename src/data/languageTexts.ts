/**
 * Texts in several languages as the deposit file gives them ({ "en": "McDowell vein", "fr": "Filon
 * McDowell" }): the small part the page needs without the zod schemas (src/data/schema.ts), which
 * the loading worker alone builds.
 */

/** Language tag (BCP-47 primary tag) → text. */
export type LanguageTextsT = Record<string, string>;

/** The interface's languages: a text in several languages needs one of them. */
export const TEXT_LANGUAGES = ['en', 'fr'] as const;

/**
 * The default text of a text in several languages, the one kept in the record's plain field:
 * English when it has it (the product's default language, and the language of the API, logs and
 * CSVs), else the first language the file gives.
 */
export function defaultText(texts: LanguageTextsT): string {
  return texts.en ?? Object.values(texts)[0];
}

type Plain<V> = V extends string | LanguageTextsT ? string : V;
/** A record with its text fields as plain (default-language) strings and their languages under `texts`. */
export type WithTexts<T, F extends keyof T> = { [K in keyof T]: K extends F ? Plain<T[K]> : T[K] } & { texts?: Partial<Record<F, LanguageTextsT>> };

/**
 * The model keeps each text field as its default text, so all code that reads `name` or
 * `disclaimer` works unchanged, and the languages beside it under `texts` (shown by the interface
 * through src/i18n/localText.ts, written back by src/data/serialize.ts).
 */
export function textsApart<const F extends string>(fields: readonly F[]) {
  return <T extends Partial<Record<F, string | LanguageTextsT>>>(rec: T): WithTexts<T, F & keyof T> => {
    const out: Record<string, unknown> = { ...rec };
    let texts: Record<string, LanguageTextsT> | undefined;
    for (const f of fields) {
      const v = rec[f];
      if (v === undefined || typeof v === 'string') continue;
      out[f] = defaultText(v);
      (texts ??= {})[f] = v;
    }
    if (texts) out.texts = texts;
    return out as WithTexts<T, F & keyof T>;
  };
}
