/**
 * The words an exported image carries (pure, so they can be tested without a browser): title,
 * date and desurvey method, the "illustrative" mark, and the disclosure footer (the dataset's
 * disclaimer, the qualified person, and the NI 43-101 cautionary statement whenever inferred
 * material is visible in the picture), in the language asked for (the `picture` catalogue; English
 * by default): the date as the language writes it, the statement in the regulation's own French.
 */
import type { DesurveyMethod } from '../domain/desurvey';
import type { Model } from '../data/model';
import { KIND_LAYER, type LayerName } from '../state/slices/layers';
import { pictureNumber, pictureText } from './pictureText';
import { localText } from '../i18n/localText';
import { interceptFootnote, type FootnoteOptions } from './interceptFootnote';

/** NI 43-101 cautionary statement for inferred mineral resources (CIM wording), in `language`. */
export const inferredCaution = (language = 'en'): string => pictureText(language)('inferredCaution');

/** "Illustrative model - not a resource model", in `language`. */
export const illustrativeMark = (language = 'en'): string => pictureText(language)('mark');

/** What the footer says when the dataset names no qualified person, in `language`. */
export const noQualifiedPerson = (language = 'en'): string => pictureText(language)('noQualifiedPerson');

/** The English texts, for the English-only readers that remain (the long section's export, the disclosure strip). */
export const INFERRED_CAUTION = inferredCaution('en');
export const ILLUSTRATIVE_MARK = illustrativeMark('en');
export const NO_QP = noQualifiedPerson('en');

export interface CaptionState {
  model: Pick<Model, 'project' | 'zones' | 'resourceCategories'> | null;
  desurveyMethod: DesurveyMethod;
  layerVisible: Record<LayerName, boolean>;
  zoneVisible: Record<string, boolean>;
  /** intercept labels drawn, veins coloured by g/t·m, and the intercept settings: the footer then carries their footnote */
  interceptLabels?: boolean;
  veinColour?: string;
  interceptQuery?: FootnoteOptions;
  /** how many intercepts there are, and the unit and element their labels name */
  intercepts?: { length: number; words: { unit: string; element: string } };
}

export interface Captions {
  /** project name, top-left */
  title: string;
  /** "June 1, 2025 · Desurvey: minimum curvature · NAD83 / UTM zone 17N (EPSG:26917)" */
  subtitle: string;
  /** disclosure lines, in order: disclaimer, qualified person, inferred cautionary statement */
  footer: string[];
  /** inferred material is visible, so the cautionary statement is in the footer */
  inferred: boolean;
  /** "Illustrative model - not a resource model" for illustrative datasets, else null */
  mark: string | null;
  /** the cautionary statement's text as drawn (set in semibold when it is in the footer) */
  caution: string;
}

/** yyyy-mm-dd in local time (the date the user sees on their calendar). */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The date as the language writes it, in local time: "June 1, 2025", "1 juin 2025". */
export function longDate(d: Date, language = 'en'): string {
  return longDateFormat(language).format(d);
}

/** One formatter per language: making one takes about 1 ms, and a release list formats dozens of dates. */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();
function longDateFormat(language: string): Intl.DateTimeFormat {
  let f = longDateFormats.get(language);
  if (!f) longDateFormats.set(language, (f = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : language, { dateStyle: 'long' })));
  return f;
}

/** A calendar date given as YYYY-MM-DD (a release's), as the language writes it: "March 15, 1989" / "15 mars 1989". */
export function calendarDate(iso: string, language = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return longDate(new Date(y, m - 1, d), language);
}

// Surfaces of these zone kinds are drawn by these layers (as in scene/SurfaceLayer.tsx).

/**
 * Whether inferred material shows: the resource outlines are on and an inferred category is
 * drawn (its zone, when it has one, is not hidden), or a visible zone is itself named inferred.
 */
export function inferredVisible(s: CaptionState): boolean {
  const m = s.model;
  if (!m) return false;
  const zoneShown = (id: string | undefined) => id === undefined || s.zoneVisible[id] !== false;
  if (s.layerVisible.resources && m.resourceCategories.some((rc) => (rc.category === 'inferred' || /inferred/i.test(rc.id)) && zoneShown(rc.zone))) return true;
  return m.zones.some((z) => /inferred/i.test(`${z.name} ${z.id}`) && zoneShown(z.id) && s.layerVisible[KIND_LAYER[z.kind] ?? 'veins'] !== false);
}

/** The image's words for state `s` on `date`, in `language` (English by default). */
export function captionsFor(s: CaptionState, date: Date = new Date(), language = 'en'): Captions {
  const t = pictureText(language);
  const project = s.model?.project;
  // The dataset's own texts in the language when it gives them, else its default text.
  const p = project && { ...project, name: localText(project, 'name', language), disclaimer: localText(project, 'disclaimer', language), qualifiedPerson: localText(project, 'qualifiedPerson', language) };
  const parts = [longDate(date, language), t('desurvey', { method: t(`method.${s.desurveyMethod}`) })];
  if (p?.crs) parts.push(p.crs.code ? `${p.crs.name} (${p.crs.code})` : p.crs.name);
  const ve = (s as { verticalExaggeration?: number }).verticalExaggeration ?? 1;
  if (Math.abs(ve - 1) > 1e-6) parts.push(t('verticalExaggeration', { ve: pictureNumber(ve, language) }));
  const footer: string[] = [];
  const inferred = inferredVisible(s);
  const caution = t('inferredCaution');
  if (p) {
    const disclaimer = p.disclaimer?.trim();
    if (disclaimer) footer.push(disclaimer);
    const qp = p.qualifiedPerson?.trim();
    // A statement that already says what it is ("Qualified person: ...", "Personne qualifiée : ...") is kept as written.
    footer.push(qp ? (/qualified person|personne qualifiée/i.test(qp) ? qp : t('qualifiedPerson', { name: qp })) : t('noQualifiedPerson'));
  }
  // A picture that shows intercept figures states how they were made, as a drill-results release
  // does; before the cautionary statement, which stays last.
  if (s.interceptQuery && (s.interceptLabels || s.veinColour === 'gradeThickness')) {
    const lp = s.intercepts?.length ? s.intercepts.words : undefined;
    footer.push(interceptFootnote(s.interceptQuery, s.desurveyMethod, language, lp?.unit, lp?.element));
  }
  if (inferred) footer.push(caution);
  return {
    title: p?.name?.trim() || t('untitled'),
    subtitle: parts.join('  ·  '),
    footer,
    inferred,
    mark: p?.illustrative ? t('mark') : null,
    caution,
  };
}
