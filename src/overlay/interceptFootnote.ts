/**
 * The footnote a drill-results news release puts under its intercept table, for every picture that
 * shows intercept labels or grade × thickness (exported images' footer, the long section's export,
 * the presentation caption): "Intercepts: cut-off 1.0 g/t Au, capped at 45 g/t, minimum 0.5 m, up
 * to 2.0 m internal dilution, unsampled core at zero grade; widths horizontal (HW); desurvey minimum
 * curvature." Written here only, in the language asked for (catalogue `derivation`, keys
 * `footnote.*`), so the three places say the same words. Pure: the language is a parameter.
 */
import type { DesurveyMethod } from '../domain/desurvey';
import { DEFAULT_UNSAMPLED, DEFAULT_WIDTH_BASIS, type InterceptOptions } from '../domain/intercepts';
import { i18next } from '../i18n';
import { fixedNumber, shortNumber } from '../i18n/numbers';

/** The settings a footnote states (the intercept calculator's options; column and unit default to Au in g/t). */
export type FootnoteOptions = Pick<InterceptOptions, 'cutoff' | 'minLength' | 'maxDilution' | 'topCut' | 'widthBasis' | 'unsampled'>;

/**
 * A parameter as releases write it: at least one decimal ("1.0 g/t", "0.5 m", "2.0 m", a reader
 * sees a decimal figure was meant), more when the value has them ("0.25 m").
 */
function releaseNumber(v: number, language: string): string {
  return Number.isInteger(Math.round(v * 1e6) / 1e5) ? fixedNumber(v, 1, language) : shortNumber(v, 3, language);
}

/** The footnote in `language` (English by default); `unit` and `element` name the grade ("g/t", "Au"). */
export function interceptFootnote(q: FootnoteOptions, method: DesurveyMethod, language = 'en', unit = 'g/t', element = 'Au'): string {
  const t = i18next.getFixedT(language, 'derivation');
  const say = (key: string, params: Record<string, unknown> = {}) => t(key, params) as string;
  const gradeUnit = [unit, element].filter((x) => x !== '').join(' ');
  const topCut = q.topCut ?? null;
  const parts = [
    say('footnote.cutoff', { value: releaseNumber(q.cutoff, language), unit: gradeUnit }),
    topCut === null ? say('footnote.uncapped') : say('footnote.capped', { value: shortNumber(topCut, 3, language), unit }),
    say('footnote.minLength', { value: releaseNumber(q.minLength, language) }),
    say('footnote.dilution', { value: releaseNumber(q.maxDilution, language) }),
    say(`footnote.unsampled.${q.unsampled ?? DEFAULT_UNSAMPLED}`),
  ];
  return say('footnote.text', { parts: parts.join(', '), width: say(`footnote.width.${q.widthBasis ?? DEFAULT_WIDTH_BASIS}`), method: say(`footnote.method.${method}`) });
}
