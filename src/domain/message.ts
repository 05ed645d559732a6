/**
 * Messages made where the data is read or checked (loader, importers, data-QA checks): each carries
 * its catalogue key (namespace `messages`, src/i18n/locales/<lang>/messages.json) and its values, so
 * the interface writes it in the user's language (src/i18n/messageText.ts), and its English text,
 * made here from the English catalogue, for the API, logs and the machine-readable CSVs.
 *
 * Pure: the English catalogue is a JSON file, data not code, and this interpolator is i18next's
 * syntax cut to what the catalogue uses: `{{name}}`, `{{name, number}}` (en-US grouping),
 * `{{name, number(useGrouping: false; maximumFractionDigits: 1)}}` (Intl options, `;`-separated as
 * i18next reads them), `_one` / `_other` plural keys chosen by `count` (English rules: one when
 * count is 1), and nesting `$t(messages:key)` after the values are filled in (so a word such as a
 * table kind is a key of its own: `$t(messages:csv.kind.{{kind}})`).
 */
import en from '../i18n/locales/en/messages.json' with { type: 'json' };

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

// Made at the first message with a number, not when the module is evaluated: a page's first Intl
// object loads its locale data (13-15 ms here), which was part of the app's entry task at start-up.
let defaultNumber: Intl.NumberFormat | null = null;

/** Intl options written in a format, `number(useGrouping: false; maximumFractionDigits: 1)`. */
function numberFormat(options: string | undefined): Intl.NumberFormat {
  if (!options) return (defaultNumber ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }));
  const o: Record<string, string | number | boolean> = { maximumFractionDigits: 20 };
  for (const opt of options.split(';')) {
    const [k, v] = opt.split(':').map((x) => x.trim());
    if (k) o[k] = v === 'false' ? false : v === 'true' ? true : Number.isNaN(Number(v)) ? v : Number(v);
  }
  return new Intl.NumberFormat('en-US', o);
}

function lookup(key: string): string | undefined {
  let node: string | Catalogue | undefined = en as Catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The English text of a catalogue entry with its values filled in (`{{x}}`, `{{x, number}}`) and its nested keys written. */
export function englishText(key: string, params: MessageParams = {}): string {
  const count = params.count;
  const template = (typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? lookup(key) ?? key;
  const fill = (text: string) =>
    text.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*(?:\(([^)]*)\))?\s*)?\}\}/g, (_, name: string, format?: string, options?: string) => {
      const v = params[name];
      if (v === undefined) return '';
      return format === 'number' && typeof v === 'number' ? numberFormat(options).format(v) : String(v);
    });
  // Nested keys are taken from the template, never from a value (as i18next's skipOnVariables: a
  // cell reading "$t(...)" stays text). A nested message sees its parent's values, as in i18next
  // (an importer's reason nested in its report line: surfaces.surpac.binaryKept).
  return fill(template.replace(/\$t\(messages:([\w.{} ]+)\)/g, (_, nested: string) => englishText(fill(nested), params)));
}

/** A message from the catalogue: its key, its values and its English text. */
export function say(key: MessageKey, params?: MessageParams): Said {
  return params ? { key, params, message: englishText(key, params) } : { key, message: englishText(key) };
}
