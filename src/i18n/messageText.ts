/**
 * The text of a message made by the loader, an importer or a data-QA check (src/domain/message.ts)
 * in the interface language: its catalogue key and values through i18next (namespace `messages`),
 * or its English text when it carries no key (an old saved report, a browser's own error text).
 */
import { i18next } from './index';

export interface KeyedMessage {
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export function messageText(m: KeyedMessage): string {
  if (!m.key) return m.message;
  return i18next.t(`messages:${m.key}`, { ...m.params, defaultValue: m.message });
}

/**
 * A place a message names, in the interface language: a table row "collar.csv:row 4" reads
 * "collar.csv:ligne 4" in French (the report keeps the English form, as the CSV and the API do).
 * JSON paths ($.holes[3].dip) are the same in every language.
 */
export function placeText(path: string, language = i18next.language || 'en'): string {
  return path.replace(/:row (\d+)$/, (_, n: string) => `:${i18next.t('messages:place.row', { lng: language })} ${n}`);
}
