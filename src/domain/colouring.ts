/**
 * Colouring of interval segments by any column of the grade table: numeric columns by classes
 * (editable bounds; gold defaults 0.5 / 1 / 3 / 5 / 10 g/t), categorical columns (lithology, zone)
 * by a colour-blind-safe categorical palette, or by the zone's own colour when the value is a zone id.
 */
import type { Model } from '../data/model';
import type { Prepared } from './prepare';
import { binLabels, DEFAULT_GOLD_BINS, type GradeBins } from './gradeBins';
import { niceStep } from './axes';

/** Okabe-Ito, then Paul Tol's muted scheme: distinguishable with the common colour-vision deficiencies. */
export const CATEGORICAL_PALETTE = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#332288',
  '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#999999',
];
/** Sequential-diverging RdYlBu classes (colour-blind safe), grey for the lowest class. */
const NUMERIC_COLORS = DEFAULT_GOLD_BINS.colors;

export interface Colouring {
  kind: 'numeric' | 'categorical';
  column: string;
  unit: string;
  /** class upper bounds and colours: categorical classes are codes 0, 1, 2... (bounds k + 0.5) */
  bins: GradeBins;
  labels: string[];
  /** per interval segment: the value to colour by (-1 = missing) */
  values: Float32Array;
  /** categories beyond the palette share its last colour */
  truncated: number;
}

/** Default classes for a numeric column: the gold classes for g/t, else rounded quantiles. */
export function defaultBins(name: string, unit: string, values: ArrayLike<number>): GradeBins {
  if (/^au/i.test(name) && (unit === 'g/t' || unit === 'ppm' || unit === '')) return { ...DEFAULT_GOLD_BINS, unit: unit || 'g/t' };
  const v = Array.from(values).filter((x) => Number.isFinite(x) && x >= 0).sort((a, b) => a - b);
  if (v.length === 0) return { bounds: [1], colors: NUMERIC_COLORS.slice(0, 2), unit };
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  const bounds: number[] = [];
  for (const p of [0.5, 0.7, 0.85, 0.95, 0.99]) {
    const raw = q(p);
    if (raw <= 0) continue;
    const step = niceStep(raw, 4);
    const b = Math.round(raw / step) * step;
    if (b > 0 && (bounds.length === 0 || b > bounds[bounds.length - 1])) bounds.push(Number(b.toPrecision(3)));
  }
  if (bounds.length === 0) bounds.push(1);
  return { bounds, colors: NUMERIC_COLORS.slice(0, bounds.length + 1), unit };
}

export function colouringFor(model: Model, p: Prepared, column: string | null, overrides: Record<string, GradeBins>): Colouring | null {
  const vc = p.valueColumn;
  if (!vc) return null;
  const table = model.intervals.find((t) => t.id === vc.table)!;
  const name = column && table.columns.some((c) => c.name === column) ? column : vc.name;
  const spec = table.columns.find((c) => c.name === name)!;
  const seg = p.intervals;
  // The grade column is what the segments already hold (missing = -1): share it, read-only.
  const values = name === vc.name && spec.type === 'numeric' ? seg.value : new Float32Array(seg.count);
  if (spec.type === 'numeric') {
    const col = table.numeric[name];
    if (values !== seg.value) {
      for (let i = 0; i < seg.count; i++) {
        const v = col[seg.row[i]];
        values[i] = Number.isNaN(v) ? -1 : v;
      }
    }
    const bins = overrides[name] ?? defaultBins(name, spec.unit ?? '', col);
    return { kind: 'numeric', column: name, unit: spec.unit ?? '', bins, labels: binLabels(bins), values, truncated: 0 };
  }
  const cat = table.categorical[name];
  for (let i = 0; i < seg.count; i++) values[i] = cat.codes[seg.row[i]];
  const zoneColour = new Map(model.zones.map((z) => [z.id, z]));
  const shown = cat.categories.slice(0, CATEGORICAL_PALETTE.length);
  const colors = shown.map((c, k) => zoneColour.get(c)?.color ?? CATEGORICAL_PALETTE[k]);
  const labels = shown.map((c) => zoneColour.get(c)?.name ?? c);
  return {
    kind: 'categorical',
    column: name,
    unit: '',
    bins: { bounds: colors.slice(0, -1).map((_, k) => k + 0.5), colors, unit: '' },
    labels,
    values,
    truncated: Math.max(0, cat.categories.length - shown.length),
  };
}
