/**
 * The words and numbers drawn in the picture (live overlay and image exports) in a given language,
 * from the `picture` catalogue (src/i18n/locales/<lang>/picture.json). The language is a parameter,
 * never read from the interface deep inside, so the caption, legend and label functions stay pure
 * and a test can ask for French without switching the app.
 */
import { i18next } from '../i18n';
import { shortNumber } from '../i18n/numbers';

/** Catalogue text of the `picture` namespace, values filled in. */
export type PictureText = (key: string, params?: Record<string, unknown>) => string;

/** The picture's words in `language` (English when omitted: the product's default). */
export function pictureText(language = 'en'): PictureText {
  const t = i18next.getFixedT(language, 'picture');
  return (key, params = {}) => t(key, params) as string;
}

/**
 * A figure drawn in the picture: English writes it as it always has ("0.5", "1200"); other
 * languages through Intl ("0,5", "1 200" with a narrow no-break space in French).
 */
export const pictureNumber = (v: number, language = 'en'): string => shortNumber(v, 6, language);
