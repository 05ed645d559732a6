/**
 * The words an exported image carries (pure, so they can be tested without a browser): title,
 * date and desurvey method, the "illustrative" mark, and the disclosure footer (the dataset's
 * disclaimer, the qualified person, and the NI 43-101 cautionary statement whenever inferred
 * material is visible in the picture).
 */
import { DESURVEY_METHOD_LABEL, type DesurveyMethod } from '../domain/desurvey';
import type { Model } from '../data/model';
import { KIND_LAYER, type LayerName } from '../state/slices/layers';

/** NI 43-101 cautionary statement for inferred mineral resources (CIM wording). */
export const INFERRED_CAUTION =
  'Mineral resources that are not mineral reserves do not have demonstrated economic viability. Inferred mineral resources are too speculative geologically to have economic considerations applied to them that would enable them to be categorized as mineral reserves.';

export const ILLUSTRATIVE_MARK = 'Illustrative model - not a resource model';

/** What the footer says when the dataset names no qualified person. */
export const NO_QP = 'Qualified person: none named in this dataset.';

export interface CaptionState {
  model: Pick<Model, 'project' | 'zones' | 'resourceCategories'> | null;
  desurveyMethod: DesurveyMethod;
  layerVisible: Record<LayerName, boolean>;
  zoneVisible: Record<string, boolean>;
}

export interface Captions {
  /** project name, top-left */
  title: string;
  /** "2025-06-01 · Desurvey: minimum curvature · NAD83 / UTM zone 17N (EPSG:26917)" */
  subtitle: string;
  /** disclosure lines, in order: disclaimer, qualified person, inferred cautionary statement */
  footer: string[];
  /** inferred material is visible, so the cautionary statement is in the footer */
  inferred: boolean;
  /** "Illustrative model - not a resource model" for illustrative datasets, else null */
  mark: string | null;
}

/** yyyy-mm-dd in local time (the date the user sees on their calendar). */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
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

export function captionsFor(s: CaptionState, date: Date = new Date()): Captions {
  const p = s.model?.project;
  const parts = [isoDate(date), `Desurvey: ${DESURVEY_METHOD_LABEL[s.desurveyMethod].toLowerCase()}`];
  if (p?.crs) parts.push(p.crs.code ? `${p.crs.name} (${p.crs.code})` : p.crs.name);
  const ve = (s as { verticalExaggeration?: number }).verticalExaggeration ?? 1;
  if (Math.abs(ve - 1) > 1e-6) parts.push(`Vertical exaggeration ${ve}×`);
  const footer: string[] = [];
  const inferred = inferredVisible(s);
  if (p) {
    const disclaimer = p.disclaimer?.trim();
    if (disclaimer) footer.push(disclaimer);
    const qp = p.qualifiedPerson?.trim();
    footer.push(qp ? (/qualified person/i.test(qp) ? qp : `Qualified person: ${qp}`) : NO_QP);
  }
  if (inferred) footer.push(INFERRED_CAUTION);
  return {
    title: p?.name?.trim() || 'Veinscape',
    subtitle: parts.join('  ·  '),
    footer,
    inferred,
    mark: p?.illustrative ? ILLUSTRATIVE_MARK : null,
  };
}
