/**
 * Number formatting with units, for every number shown, in the interface language (French: "114,21 m",
 * "1 234,5 m" with a narrow no-break space; English as it always was: "114.21 m", counts "1,121,513").
 * `language` defaults to the interface's; the formatters are cached per language (src/i18n/numbers.ts).
 */
import { i18next } from '../i18n';
import { coordNumber, countNumber, fixedNumber, shortNumber } from '../i18n/numbers';

/** The interface language now (components re-render on a change through useTranslation). */
export const uiLanguage = () => i18next.language || 'en';

/** A measured value with fixed decimals: "114.21" / "114,21". */
export const fixed = (v: number, digits = 2, language = uiLanguage()) => fixedNumber(v, digits, language);
/** At most `digits` decimals, trailing zeros dropped (ticks, levels): "0.5" / "0,5". */
export const short = (v: number, digits = 2, language = uiLanguage()) => shortNumber(v, digits, language);
export const metres = (v: number, digits = 2, language = uiLanguage()) => `${fixedNumber(v, digits, language)} m`;
/** A whole number with thousands separators: 1,121,513 */
export const count = (n: number, language = uiLanguage()) => countNumber(n, language);
export const coord = (v: number, language = uiLanguage()) => coordNumber(v, language);
export const grade = (v: number, unit: string, language = uiLanguage()) =>
  Number.isNaN(v) ? i18next.t('units:notAssayed', { lng: language }) : `${fixedNumber(v, 2, language)} ${unit}`;
