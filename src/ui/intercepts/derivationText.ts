/**
 * The words of an intercept's derivation (catalogue `derivation`), for its card and for the notes of
 * the intercept CSV files: the settings in a list, the samples file's header row and its column
 * note. Pure: no React, no DOM; the language is a parameter.
 */
import type { DerivationParameters } from '../../domain/interceptDerivation';
import { unitTag } from '../../domain/intercepts';
import { i18next } from '../../i18n';

const tr = (language: string) => (key: string, options?: Record<string, unknown>) => i18next.t(key, { ns: 'derivation', lng: language, ...options }) as string;

/**
 * The settings an intercept was made with, one item each ("cut-off 1 g/t", "top-cut 45 g/t", …);
 * `num` writes a figure (the interface's numbers on the card, a decimal point in a CSV).
 */
export function parameterItems(p: DerivationParameters, language = i18next.language || 'en', num: (v: number) => string = String): string[] {
  const t = tr(language);
  const unit = p.unit;
  const items = [
    t('param.column', { column: p.column, table: p.table }),
    t('param.cutoff', { value: num(p.cutoff), unit }),
    p.topCut === null ? t('param.noTopCut') : t('param.topCut', { value: num(p.topCut), unit }),
    t('param.minLength', { value: num(p.minLength) }),
    t('param.maxDilution', { value: num(p.maxDilution) }),
  ];
  if (p.includeCutoff !== null) items.push(t('param.including', { value: num(p.includeCutoff), unit }));
  items.push(t('param.widthBasis', { width: i18next.t(`label.long.${p.widthBasis}`, { ns: 'intercepts', lng: language }) }));
  items.push(t(`param.unsampled.${p.unsampled}`));
  if (p.domain) items.push(t('param.domain', { domain: p.domain }));
  items.push(t('param.desurvey', { method: t(`footnote.method.${p.desurveyMethod}`) }));
  return items;
}

/** The CSV note line (without its "# "): "parameters: cut-off 1 g/t; top-cut 45 g/t; …", plain figures. */
export function parametersNote(p: DerivationParameters, language = i18next.language || 'en'): string {
  return tr(language)('csv.parameters', { list: parameterItems(p, language).join('; ') });
}

const SAMPLE_COLUMNS = ['intercept', 'hole', 'from', 'to', 'assayed', 'capped', 'counted', 'weight'] as const;
/** Columns the intercept file already names (its catalogue keys), the rest are this file's own. */
const SHARED = new Set(['hole', 'from', 'to']);

/** The samples file's header row in `language`: plain identifiers, as the intercept file's (docs/i18n.md "CSV files"). */
export function samplesCsvHeader(unit: string, language = i18next.language || 'en'): string[] {
  const u = unitTag(unit);
  return SAMPLE_COLUMNS.map((k) => (SHARED.has(k) ? i18next.t(`csv.header.${k}`, { ns: 'intercepts', lng: language }) : tr(language)(`csv.header.${k}`, { u })) as string);
}

/** The samples file's note: what each column holds, the counting codes and how numbers are written. */
export function samplesColumnsNote(unit: string, language = i18next.language || 'en'): string {
  const t = tr(language);
  const header = samplesCsvHeader(unit, language);
  // The intercept file's own words for the columns it shares.
  const what = (k: (typeof SAMPLE_COLUMNS)[number]) => (SHARED.has(k) ? i18next.t(`csv.col.${k}`, { ns: 'intercepts', lng: language }) : t(`csv.col.${k}`, { unit })) as string;
  return t('csv.columns', { list: SAMPLE_COLUMNS.map((k, i) => `${header[i]} = ${what(k)}`).join('; ') });
}
