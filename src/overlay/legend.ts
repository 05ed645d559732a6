/**
 * The legend an exported image carries, as data (pure): the interval colouring classes, drilled
 * and planned holes, faults, resource categories and the visible veins, following the same rules
 * as the on-screen legend (src/ui/Legend.tsx) so the picture and its key always agree.
 */
import { binLabels } from '../domain/gradeBins';
import { gtLegendItems, GT_DEFINITION, GT_LEGEND_TITLE, GT_METHOD, GT_NO_DATA_NOTE } from '../domain/gradeThickness';
import { currentColouring } from '../state/colouring';
import type { VeinscapeState } from '../state/store';
import { FAULT_COLOR, TRACE_COLOR } from '../state/layerStyle';
import { RESOURCE_COLORS } from '../state/layerStyle';

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

export type LegendState = Pick<VeinscapeState, 'model' | 'prepared' | 'colorBy' | 'bins' | 'layerVisible' | 'zoneVisible' | 'filters' | 'veinColour'>;

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
    out.push({ title: `${colouring.column}${colouring.unit ? ` (${colouring.unit})` : ''}`, items, columns: 1, note: notes.join(' · ') || undefined });
  }
  const symbols: LegendItem[] = [];
  if (layers.traces && s.model?.holes.some((h) => h.status === 'drilled')) symbols.push({ symbol: 'line', color: TRACE, label: 'Drilled hole' });
  if (layers.traces && s.model?.holes.some((h) => h.status === 'planned')) symbols.push({ symbol: 'dashed', color: TRACE, label: 'Planned hole' });
  if (layers.faults && s.model?.faults.length) symbols.push({ symbol: 'swatch', color: FAULT_COLOR, label: 'Fault' });
  if (layers.resources && s.model) {
    const cats = new Set(s.model.resourceCategories.filter((rc) => rc.zone === undefined || s.zoneVisible[rc.zone] !== false).map((rc) => rc.category));
    (['measured', 'indicated', 'inferred'] as const).forEach((c, i) => {
      if (cats.has(c)) symbols.push({ symbol: 'line', color: RESOURCE_COLORS[i], label: `${CATEGORY_LABEL[c]} resource` });
    });
  }
  if (symbols.length) out.push({ title: 'Symbols', items: symbols, columns: 1 });
  const veins = layers.veins ? (s.model?.zones ?? []).filter((z) => z.kind === 'vein' && s.zoneVisible[z.id] !== false) : [];
  if (veins.length) out.push({ title: 'Veins', items: veins.map((z) => ({ symbol: 'swatch', color: z.color, label: z.name })), columns: veins.length > 5 ? 2 : 1 });
  // Grade on the vein: the g/t·m classes the veins are coloured by, and which width (as on screen).
  if (veins.length && s.veinColour === 'gradeThickness') {
    out.push({ title: GT_LEGEND_TITLE, items: gtLegendItems().map((it) => ({ symbol: 'swatch', color: it.colour, label: it.label })), columns: 1, note: `${GT_NO_DATA_NOTE}. ${GT_DEFINITION}; ${GT_METHOD}` });
  }
  return out;
}
