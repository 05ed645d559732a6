/**
 * The legend an exported image carries, as data (pure): the interval colouring classes, drilled
 * and planned holes, faults, resource categories and the visible veins, following the same rules
 * as the on-screen legend (src/ui/Legend.tsx) so the picture and its key always agree.
 */
import { binLabels } from '../domain/gradeBins';
import { gtDefinition, gtLegendItems, GT_LEGEND_TITLE, GT_METHOD, GT_NO_DATA_NOTE } from '../domain/gradeThickness';
import { currentColouring } from '../state/colouring';
import type { VeinscapeState } from '../state/store';
import { FAULT_COLOR, KIND_LAYER, POINT_COLOR, RESOURCE_COLORS, TRACE_COLOR, WORKING_COLOR } from '../state/layerStyle';
import { highlightGrade } from '../state/highlight';

export type LegendSymbol = 'swatch' | 'line' | 'dashed';

export interface LegendItem {
  symbol: LegendSymbol;
  color: string;
  label: string;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
  /** lay the items out in this many columns */
  columns: number;
  /** a muted note under the items (cut-off, truncated categories) */
  note?: string;
}

const MISSING = '#b8bec6';
const TRACE = TRACE_COLOR;
const CATEGORY_LABEL = { measured: 'Measured', indicated: 'Indicated', inferred: 'Inferred' } as const;

export type LegendState = Pick<VeinscapeState, 'model' | 'prepared' | 'colorBy' | 'bins' | 'layerVisible' | 'zoneVisible' | 'filters' | 'veinColour'> &
  Partial<Pick<VeinscapeState, 'interceptQuery'>>;

/** Legend section titles the live legend gives controls to (the colouring) or draws itself (grade on the vein). */
export const SURFACES_TITLE = 'Other surfaces';
const KIND_NAME: Record<string, string> = { alteration: 'alteration', host: 'host rock', topography: 'topography', other: 'surface', shear: 'shear' };

export function legendFor(s: LegendState): LegendSection[] {
  const out: LegendSection[] = [];
  const layers = s.layerVisible;
  const colouring = currentColouring(s);
  if (colouring && layers.intervals) {
    const labels = colouring.kind === 'numeric' ? binLabels(colouring.bins) : colouring.labels;
    const items: LegendItem[] = colouring.bins.colors.map((c, i) => ({ symbol: 'swatch', color: c, label: labels[i] }));
    items.push({ symbol: 'swatch', color: MISSING, label: colouring.kind === 'numeric' ? 'not assayed' : 'none' });
    const notes: string[] = [];
    if (colouring.truncated > 0) notes.push(`+${colouring.truncated} more categories (grey)`);
    const vc = s.prepared?.valueColumn;
    if (s.filters.gradeCutoff > 0 && vc) notes.push(`${vc.name} cut-off ${s.filters.gradeCutoff} ${vc.unit}`.trim());
    // Which grades are drawn thick and over the surfaces (state/highlight.ts), when the grade colours the intervals.
    if (vc && s.interceptQuery && colouring.column === vc.name) notes.push(`≥ ${highlightGrade({ filters: s.filters, interceptQuery: s.interceptQuery })} ${vc.unit} drawn over the surfaces`.trim());
    out.push({ title: `${colouring.column}${colouring.unit ? ` (${colouring.unit})` : ''}`, items, columns: 1, note: notes.join(' · ') || undefined });
  }
  const symbols: LegendItem[] = [];
  if (layers.traces && s.model?.holes.some((h) => h.status === 'drilled')) symbols.push({ symbol: 'line', color: TRACE, label: 'Drilled hole' });
  if (layers.traces && s.model?.holes.some((h) => h.status === 'planned')) symbols.push({ symbol: 'dashed', color: TRACE, label: 'Planned hole' });
  if (layers.faults && s.model?.faults.length) symbols.push({ symbol: 'swatch', color: FAULT_COLOR, label: 'Fault' });
  if (layers.workings && s.model?.workings.length) symbols.push({ symbol: 'line', color: WORKING_COLOR, label: 'Underground workings' });
  if (layers.points && s.model?.pointSets.length) symbols.push({ symbol: 'swatch', color: POINT_COLOR, label: 'Points' });
  if (layers.resources && s.model) {
    const cats = new Set(s.model.resourceCategories.filter((rc) => rc.zone === undefined || s.zoneVisible[rc.zone] !== false).map((rc) => rc.category));
    (['measured', 'indicated', 'inferred'] as const).forEach((c, i) => {
      if (cats.has(c)) symbols.push({ symbol: 'line', color: RESOURCE_COLORS[i], label: `${CATEGORY_LABEL[c]} resource` });
    });
  }
  if (symbols.length) out.push({ title: 'Symbols', items: symbols, columns: 1 });
  const veins = layers.veins ? (s.model?.zones ?? []).filter((z) => z.kind === 'vein' && s.zoneVisible[z.id] !== false) : [];
  // Veins coloured by g/t·m carry that legend instead of their zone colours.
  if (veins.length && s.veinColour !== 'gradeThickness') out.push({ title: 'Veins', items: veins.map((z) => ({ symbol: 'swatch', color: z.color, label: z.name })), columns: veins.length > 5 ? 2 : 1 });
  // Every other kind of surface shown: alteration envelopes, host rock, topography.
  const others = (s.model?.zones ?? []).filter((z) => z.kind !== 'vein' && s.zoneVisible[z.id] !== false && layers[KIND_LAYER[z.kind] ?? 'veins']);
  if (others.length) out.push({ title: SURFACES_TITLE, items: others.map((z) => ({ symbol: 'swatch', color: z.color, label: `${z.name}${KIND_NAME[z.kind] && !z.name.toLowerCase().includes(KIND_NAME[z.kind].split(' ')[0]) ? ` (${KIND_NAME[z.kind]})` : ''}` })), columns: 1 });
  // Grade on the vein: the g/t·m classes the veins are coloured by, and which width (as on screen).
  if (veins.length && s.veinColour === 'gradeThickness') {
    out.push({ title: GT_LEGEND_TITLE, items: gtLegendItems().map((it) => ({ symbol: 'swatch', color: it.colour, label: it.label })), columns: 1, note: `${GT_NO_DATA_NOTE}. ${gtDefinition(s.interceptQuery?.widthBasis)}; ${GT_METHOD}` });
  }
  return out;
}
