/**
 * Messages made where the data is read or checked (loader, importers, data-QA checks): each carries
 * its catalogue key (namespace `messages`, src/i18n/locales/<lang>/messages.json) and its values, so
 * the interface writes it in the user's language (src/i18n/messageText.ts), and its English text,
 * made here from the English catalogue, for the API, logs and the machine-readable CSVs.
 *
 * Pure: the English catalogue is a JSON file, data not code, and this interpolator is i18next's
 * syntax cut to what the catalogue uses: `{{name}}`, `{{name, number}}` (en-US grouping), and
 * `_one` / `_other` plural keys chosen by `count` (English rules: one when count is 1).
 */
import en from '../i18n/locales/en/messages.json';

type Catalogue = { [k: string]: string | Catalogue };
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Base<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** A key of the messages catalogue, without its plural suffix. */
export type MessageKey = Base<Leaves<typeof en>>;
export type MessageParams = Record<string, string | number>;

/** A message as data: the catalogue key and values, and the English text they make. */
export interface Said {
  key: MessageKey;
  params?: MessageParams;
  message: string;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

function lookup(key: string): string | undefined {
  let node: string | Catalogue | undefined = en as Catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The English text of a catalogue entry with its values filled in (`{{x}}`, `{{x, number}}`). */
export function englishText(key: string, params: MessageParams = {}): string {
  const count = params.count;
  const template = (typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? lookup(key) ?? key;
  return template.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_, name: string, format?: string) => {
    const v = params[name];
    if (v === undefined) return '';
    return format === 'number' && typeof v === 'number' ? NUMBER.format(v) : String(v);
  });
}

/** A message from the catalogue: its key, its values and its English text. */
export function say(key: MessageKey, params?: MessageParams): Said {
  return params ? { key, params, message: englishText(key, params) } : { key, message: englishText(key) };
}
