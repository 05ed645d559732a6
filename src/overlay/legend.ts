/**
 * The legend an exported image carries, as data (pure): the interval colouring classes, drilled
 * and planned holes, faults, resource categories and the visible veins, following the same rules
 * as the on-screen legend (src/ui/Legend.tsx) so the picture and its key always agree. The words
 * are the `picture` catalogue's in the language asked for (English by default); each section has
 * an `id`, so the live legend knows a section by what it is, whatever its title says.
 */
import { binLabels } from '../domain/gradeBins';
import { gtLegendLabels, gtLegendNote, gtLegendTitle } from './gradeThicknessText';
import { pictureNumber, pictureText } from './pictureText';
import { localText } from '../i18n/localText';
import { currentColouring } from '../state/colouring';
import type { VeinscapeState } from '../state/store';
import type { Filters } from '../state/slices/filters';
import { FAULT_COLOR, KIND_LAYER, POINT_COLOR, RESOURCE_COLORS, TRACE_COLOR, WORKING_COLOR } from '../state/layerStyle';
import { highlightGrade } from '../state/highlight';

export type LegendSymbol = 'swatch' | 'line' | 'dashed';

export interface LegendItem {
  symbol: LegendSymbol;
  color: string;
  label: string;
}

/** What a legend section shows: the interval colouring, the symbols, the veins, the other surfaces, grade on the vein. */
export type LegendSectionId = 'colouring' | 'symbols' | 'veins' | 'surfaces' | 'gradeThickness';

export interface LegendSection {
  id: LegendSectionId;
  title: string;
  items: LegendItem[];
  /** lay the items out in this many columns */
  columns: number;
  /** a muted note under the items (cut-off, truncated categories) */
  note?: string;
}

const MISSING = '#b8bec6';
const TRACE = TRACE_COLOR;

/** Of the filters, the legend reads the cut-off alone (its note): the live legend re-renders on no other filter. */
export type LegendState = Pick<VeinscapeState, 'model' | 'prepared' | 'colorBy' | 'bins' | 'layerVisible' | 'zoneVisible' | 'veinColour'> & {
  filters: Pick<Filters, 'gradeCutoff'>;
} & Partial<Pick<VeinscapeState, 'interceptQuery'>>;

/** Whether any hole is drilled, any planned: once per hole list (100,000 holes read on every render of the legend otherwise). */
const statusCache = new WeakMap<readonly { status: string }[], { drilled: boolean; planned: boolean }>();

function holeStatuses(holes: readonly { status: string }[]): { drilled: boolean; planned: boolean } {
  let hit = statusCache.get(holes);
  if (!hit) {
    hit = { drilled: holes.some((h) => h.status === 'drilled'), planned: holes.some((h) => h.status === 'planned') };
    statusCache.set(holes, hit);
  }
  return hit;
}

/** Zone kinds a surface's legend entry names when its own name does not say it. */
const KIND_NAMED = new Set(['alteration', 'host', 'topography', 'other', 'shear']);

/** The legend's sections, in `language` (English by default). */
export function legendFor(s: LegendState, language = 'en'): LegendSection[] {
  const t = pictureText(language);
  const n = (v: number) => pictureNumber(v, language);
  const out: LegendSection[] = [];
  const layers = s.layerVisible;
  const colouring = currentColouring(s);
  if (colouring && layers.intervals) {
    const labels = colouring.kind === 'numeric' ? binLabels(colouring.bins, n) : colouring.labels;
    const items: LegendItem[] = colouring.bins.colors.map((c, i) => ({ symbol: 'swatch', color: c, label: labels[i] }));
    items.push({ symbol: 'swatch', color: MISSING, label: t(colouring.kind === 'numeric' ? 'legend.notAssayed' : 'legend.none') });
    const notes: string[] = [];
    if (colouring.truncated > 0) notes.push(t('legend.moreCategories', { count: colouring.truncated }));
    const vc = s.prepared?.valueColumn;
    if (s.filters.gradeCutoff > 0 && vc) notes.push(t('legend.cutoff', { column: vc.name, value: n(s.filters.gradeCutoff), unit: vc.unit }).trim());
    // Which grades are drawn thick and over the surfaces (state/highlight.ts), when the grade colours the intervals.
    if (vc && s.interceptQuery && colouring.column === vc.name) notes.push(t('legend.drawnOver', { grade: n(highlightGrade({ filters: s.filters, interceptQuery: s.interceptQuery })), unit: vc.unit }).trim());
    out.push({ id: 'colouring', title: `${colouring.column}${colouring.unit ? ` (${colouring.unit})` : ''}`, items, columns: 1, note: notes.join(' · ') || undefined });
  }
  const symbols: LegendItem[] = [];
  const statuses = s.model ? holeStatuses(s.model.holes) : null;
  if (layers.traces && statuses?.drilled) symbols.push({ symbol: 'line', color: TRACE, label: t('legend.drilledHole') });
  if (layers.traces && statuses?.planned) symbols.push({ symbol: 'dashed', color: TRACE, label: t('legend.plannedHole') });
  if (layers.faults && s.model?.faults.length) symbols.push({ symbol: 'swatch', color: FAULT_COLOR, label: t('legend.fault') });
  if (layers.workings && s.model?.workings.length) symbols.push({ symbol: 'line', color: WORKING_COLOR, label: t('legend.workings') });
  if (layers.points && s.model?.pointSets.length) symbols.push({ symbol: 'swatch', color: POINT_COLOR, label: t('legend.points') });
  if (layers.resources && s.model) {
    const cats = new Set(s.model.resourceCategories.filter((rc) => rc.zone === undefined || s.zoneVisible[rc.zone] !== false).map((rc) => rc.category));
    (['measured', 'indicated', 'inferred'] as const).forEach((c, i) => {
      if (cats.has(c)) symbols.push({ symbol: 'line', color: RESOURCE_COLORS[i], label: t(`legend.resource.${c}`) });
    });
  }
  if (symbols.length) out.push({ id: 'symbols', title: t('legend.symbols'), items: symbols, columns: 1 });
  const veins = layers.veins ? (s.model?.zones ?? []).filter((z) => z.kind === 'vein' && s.zoneVisible[z.id] !== false) : [];
  // Veins coloured by g/t·m carry that legend instead of their zone colours.
  if (veins.length && s.veinColour !== 'gradeThickness') out.push({ id: 'veins', title: t('legend.veins'), items: veins.map((z) => ({ symbol: 'swatch', color: z.color, label: localText(z, 'name', language) })), columns: veins.length > 5 ? 2 : 1 });
  // Every other kind of surface shown: alteration envelopes, host rock, topography.
  const others = (s.model?.zones ?? []).filter((z) => z.kind !== 'vein' && s.zoneVisible[z.id] !== false && layers[KIND_LAYER[z.kind] ?? 'veins']);
  if (others.length) {
    const en = pictureText('en');
    const says = (name: string, word: string) => name.toLowerCase().includes(word.split(' ')[0].toLowerCase());
    const named = (z: { name: string; kind: string }, name: string) => {
      if (!KIND_NAMED.has(z.kind)) return name;
      const word = t(`legend.kind.${z.kind}`);
      // "Talus (topography)", but not "Host rock (host rock)": the kind only when the name does not
      // say it, in the language shown or in the default (English) name ("Intrusion hôte" is the host).
      return says(name, word) || says(z.name, en(`legend.kind.${z.kind}`)) ? name : `${name} (${word})`;
    };
    out.push({ id: 'surfaces', title: t('legend.surfaces'), items: others.map((z) => ({ symbol: 'swatch', color: z.color, label: named(z, localText(z, 'name', language)) })), columns: 1 });
  }
  // Grade on the vein: the g/t·m classes the veins are coloured by, and which width (as on screen).
  if (veins.length && s.veinColour === 'gradeThickness') {
    out.push({ id: 'gradeThickness', title: gtLegendTitle(language), items: gtLegendLabels(language).map((it) => ({ symbol: 'swatch', color: it.colour, label: it.label })), columns: 1, note: gtLegendNote(s.interceptQuery?.widthBasis, language) });
  }
  return out;
}
