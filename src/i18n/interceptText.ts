/**
 * An intercept's label in a language: "6.07 g/t Au over 0.82 m (HW), including 21.40 g/t over
 * 0.20 m" / "6,07 g/t Au sur 0,82 m (ÉH), incluant 21,40 g/t sur 0,20 m", from the figures the
 * calculator keeps (domain/intercepts.ts `labelParts`). The English text is the domain's `label`
 * word for word (the API and the CSV carry that one). The long form names the width in full
 * ("… (épaisseur horizontale)") where there is room for it: tooltips, the strip log.
 * Used by the 3D labels (overlay), the intercept table and the long section.
 */
import type { InterceptLabelParts, WidthKind } from '../domain/intercepts';
import { i18next } from './index';
import { fixedNumber } from './numbers';

/** Catalogue text of the 'intercepts' namespace in `language`. */
const tIn = (language: string) => (key: string, options?: Record<string, unknown>) => i18next.t(key, { ns: 'intercepts', lng: language, ...options }) as string;

/** A width's name as labels write it: short "HW" / "ÉH", or long "horizontal width" / "épaisseur horizontale". */
export function widthName(kind: WidthKind, form: 'short' | 'long' = 'short', language = i18next.language || 'en'): string {
  return tIn(language)(form === 'short' ? `table.tag.${kind}` : `label.long.${kind}`);
}

/** "6,07 g/t Au" (the element only on the intercept itself, not on its including clauses). */
function gradeText(grade: number, unit: string, element: string, language: string): string {
  return [fixedNumber(grade, 2, language), unit, element].filter((x) => x !== '').join(' ');
}

/** The label of an intercept in `language` (default the interface's), with its width's short or long name. */
export function interceptLabel(p: InterceptLabelParts, form: 'short' | 'long' = 'short', language = i18next.language || 'en'): string {
  const t = tIn(language);
  const text = t('label.text', { grade: gradeText(p.grade, p.unit, p.element, language), width: fixedNumber(p.width, 2, language), tag: widthName(p.widthKind, form, language) });
  if (p.including.length === 0) return text;
  const parts = p.including.map((x) => t('label.part', { grade: gradeText(x.grade, p.unit, '', language), width: fixedNumber(x.width, 2, language) }));
  return t('label.including', { text, parts: parts.join(t('label.and')) });
}
