/**
 * The words of "grade on the vein" (g/t·m) in a language: the legend block's title, its swatch
 * labels, which width the figure uses and the interpolation in a few words. The numbers and the
 * classes are the domain's (domain/gradeThickness.ts); the words live here so the domain stays free
 * of the interface language. Used by the live legend, exported images and the long section.
 */
import { GT_IDW_POWER, GT_IDW_RADIUS, gtLegendItems } from '../domain/gradeThickness';
import type { WidthKind } from '../domain/intercepts';
import { pictureNumber, pictureText } from './pictureText';

/** Title of the legend block of the 3D colouring: "Veins coloured by g/t·m". */
export function gtLegendTitle(language = 'en'): string {
  return pictureText(language)('gt.title');
}

/** Which width the figure uses, in words (every g/t·m figure says which): "g/t·m = capped grade × horizontal width (HW)". */
export function gtDefinition(basis: WidthKind = 'horizontal', language = 'en'): string {
  const t = pictureText(language);
  return t('gt.definition', { width: t(`gt.width.${basis}`), abbr: t(`gt.abbr.${basis}`) });
}

/** The legend's swatches, lowest first, labelled: "< 1", "1–5", ..., "≥ 20", "no data within 40 m". */
export function gtLegendLabels(language = 'en'): { colour: string; label: string }[] {
  const t = pictureText(language);
  const n = (v: number) => pictureNumber(v, language);
  return gtLegendItems().map((it) => ({
    colour: it.colour,
    label:
      it.kind === 'below' ? t('gt.below', { level: n(it.hi) })
      : it.kind === 'noData' ? t('gt.noData', { radius: n(GT_IDW_RADIUS) })
      : it.hi === Infinity ? t('gt.atLeast', { level: n(it.lo) })
      : t('gt.between', { lo: n(it.lo), hi: n(it.hi) }),
  }));
}

/** The note under the block: what the no-data swatch is, which width, and the interpolation. */
export function gtLegendNote(basis: WidthKind = 'horizontal', language = 'en'): string {
  const t = pictureText(language);
  return t('gt.note', {
    noData: t('gt.noDataNote'),
    definition: gtDefinition(basis, language),
    method: t('gt.method', { power: pictureNumber(GT_IDW_POWER, language), radius: pictureNumber(GT_IDW_RADIUS, language) }),
  });
}
