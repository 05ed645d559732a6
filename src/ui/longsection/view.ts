/**
 * Pure maths of the long-section panel: metres ↔ pixels at equal scale (times a vertical
 * exaggeration), fitting, zooming about a point, axis ticks, symbol sizes and label decluttering.
 * No React, no DOM: tested in Node.
 */
import { niceStep } from '../striplog/scale';
import { countNumber } from '../../i18n/numbers';

/** Plot area inside the SVG, px. */
export interface PlotRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the panel looks at: the centre (u, z in m) and the horizontal scale (px per m). */
export interface ViewState {
  cu: number;
  cz: number;
  /** px per metre along strike; vertically k × ve */
  k: number;
}

export interface Bounds2 {
  uMin: number;
  uMax: number;
  zMin: number;
  zMax: number;
}

export interface Transform {
  x(u: number): number;
  y(z: number): number;
  u(x: number): number;
  z(y: number): number;
  /** px per m horizontally and vertically */
  kx: number;
  ky: number;
}

export function transformOf(view: ViewState, rect: PlotRect, ve: number): Transform {
  const mx = rect.x + rect.w / 2;
  const my = rect.y + rect.h / 2;
  const kx = view.k;
  const ky = view.k * ve;
  return {
    x: (u) => mx + (u - view.cu) * kx,
    y: (z) => my - (z - view.cz) * ky,
    u: (x) => view.cu + (x - mx) / kx,
    z: (y) => view.cz - (y - my) / ky,
    kx,
    ky,
  };
}

/** The view that shows the bounds whole, centred, at equal scale (× ve vertically). */
export function fitView(b: Bounds2, rect: PlotRect, ve: number): ViewState {
  const du = Math.max(1, b.uMax - b.uMin);
  const dz = Math.max(1, b.zMax - b.zMin);
  const k = Math.max(1e-6, Math.min(rect.w / du, rect.h / (dz * ve)));
  return { cu: (b.uMin + b.uMax) / 2, cz: (b.zMin + b.zMax) / 2, k };
}

/** Zoom by `factor` keeping the point under (px, py) still; k is kept within [kMin, kMax]. */
export function zoomAbout(view: ViewState, rect: PlotRect, ve: number, px: number, py: number, factor: number, kMin: number, kMax: number): ViewState {
  const t = transformOf(view, rect, ve);
  const u = t.u(px);
  const z = t.z(py);
  const k = Math.min(kMax, Math.max(kMin, view.k * factor));
  const mx = rect.x + rect.w / 2;
  const my = rect.y + rect.h / 2;
  return { k, cu: u - (px - mx) / k, cz: z + (py - my) / (k * ve) };
}

/** Pan by a pixel displacement (content follows the pointer). */
export function panBy(view: ViewState, ve: number, dx: number, dy: number): ViewState {
  return { ...view, cu: view.cu - dx / view.k, cz: view.cz + dy / (view.k * ve) };
}

/** Most ticks on one axis of the long section: a bound whatever the extent. */
const MAX_TICKS = 200;

/** Ticks on multiples of a nice step (1, 2, 5 × 10^k) with at least `minPx` between them. */
export function ticksFor(lo: number, hi: number, pxPerUnit: number, minPx: number): { step: number; values: number[] } {
  const span = hi - lo;
  if (!(span > 0) || !(pxPerUnit > 0)) return { step: 1, values: [] };
  let step = niceStep(span, Math.max(1, Math.floor((span * pxPerUnit) / minPx)));
  // niceStep rounds to the nearest nice value: make sure the spacing really is ≥ minPx.
  for (let guard = 0; step * pxPerUnit < minPx && guard < 10; guard++) step = niceStep(step * 2.2, 1);
  const values: number[] = [];
  // Counted, at most MAX_TICKS: far from zero, v + step === v (an ulp beyond the step) would never end.
  const first = Math.ceil(lo / step - 1e-9);
  const n = Math.min(MAX_TICKS, Math.floor(hi / step + 1e-9) - first + 1);
  for (let i = 0; i < n; i++) values.push(Number(((first + i) * step).toFixed(6)));
  return { step, values };
}

/** A scale-bar length (m): a nice number near `targetPx` pixels long. */
export function scaleBarLength(pxPerMetre: number, targetPx: number): number {
  if (!(pxPerMetre > 0)) return 0;
  const raw = targetPx / pxPerMetre;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/**
 * Symbol radius (px) of a pierce point from its grade × thickness (g/t·m): area grows with it.
 * `shrink` (0-1] scales symbols down when zoomed out, never below MIN_RADIUS.
 */
export function pierceRadius(gramMetres: number | null, shrink = 1): number {
  const base = gramMetres === null || !Number.isFinite(gramMetres) || gramMetres <= 0 ? 3 : Math.min(9, 3 + 1.1 * Math.sqrt(gramMetres));
  return Math.max(MIN_RADIUS, base * shrink);
}

export const MIN_RADIUS = 2.2;

/** How much symbols shrink at a scale of `pxPerMetre`: full size from 0.8 px/m, half size at 0.4 px/m and below. */
export function symbolShrink(pxPerMetre: number): number {
  return Math.min(1, Math.max(0.5, pxPerMetre / 0.8));
}

/** UTM-style thousands with a thin space: 5342800 → "5 342 800" (English; other languages by Intl). */
export function groupDigits(v: number, language = 'en'): string {
  // Other languages group as Intl writes them (French: a narrow no-break space, U+202F).
  if (language !== 'en') return countNumber(Math.round(v), language);
  const s = Math.round(v).toString();
  const neg = s.startsWith('-');
  const d = neg ? s.slice(1) : s;
  return (neg ? '-' : '') + d.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** Approximate width (px) of a text in the panel's label font (10 px sans-serif). */
export function textWidth(text: string, fontPx = 10): number {
  return text.length * fontPx * 0.56 + 4;
}

export interface LabelRequest {
  key: string;
  /** anchor (symbol centre), px */
  x: number;
  y: number;
  /** symbol radius, px */
  r: number;
  w: number;
  h: number;
  /** place it even over other symbols (the selected hole), still inside the plot */
  force?: boolean;
}

export interface PlacedLabel {
  key: string;
  /** top-left of the label box, px */
  x: number;
  y: number;
  w: number;
  h: number;
  anchor: 'start' | 'end' | 'middle';
}

interface Corners { x0: number; y0: number; x1: number; y1: number }

const cornersOverlap = (a: Corners, b: Corners) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A text's box, px: top-left corner and size. */
export interface Box { x: number; y: number; w: number; h: number }

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether a circle (a symbol) and a box meet. */
export function circleMeetsBox(c: { x: number; y: number; r: number }, b: Box): boolean {
  const dx = c.x - Math.max(b.x, Math.min(c.x, b.x + b.w));
  const dy = c.y - Math.max(b.y, Math.min(c.y, b.y + b.h));
  return dx * dx + dy * dy < c.r * c.r;
}

/**
 * Greedy label placement in the order given (most important first): right of the symbol, then
 * left, above, below; a label is dropped when every place overlaps a placed label, another symbol
 * or leaves the plot. `obstacles` are the symbols (circles) and `boxes` other texts not to cover.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly { x: number; y: number; r: number }[],
  rect: PlotRect,
  boxes: readonly { x: number; y: number; w: number; h: number }[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  // A coarse grid of placed boxes and obstacles keeps this near-linear.
  const CELL = 40;
  const grid = new Map<number, Corners[]>();
  const keyOf = (i: number, j: number) => i * 100_003 + j;
  const addBox = (b: Corners) => {
    for (let i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++) {
      for (let j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) {
        const k = keyOf(i, j);
        const l = grid.get(k);
        if (l) l.push(b);
        else grid.set(k, [b]);
      }
    }
  };
  const hits = (b: Corners) => {
    for (let i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++) {
      for (let j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) {
        for (const o of grid.get(keyOf(i, j)) ?? []) if (cornersOverlap(b, o)) return true;
      }
    }
    return false;
  };
  for (const o of obstacles) addBox({ x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r });
  for (const b of boxes) addBox({ x0: b.x, y0: b.y, x1: b.x + b.w, y1: b.y + b.h });
  for (const r of requests) {
    const gap = 2;
    const candidates: { x: number; y: number; anchor: PlacedLabel['anchor'] }[] = [
      { x: r.x + r.r + gap, y: r.y - r.h / 2, anchor: 'start' },
      { x: r.x - r.r - gap - r.w, y: r.y - r.h / 2, anchor: 'end' },
      { x: r.x - r.w / 2, y: r.y - r.r - gap - r.h, anchor: 'middle' },
      { x: r.x - r.w / 2, y: r.y + r.r + gap, anchor: 'middle' },
    ];
    let fallback: (typeof candidates)[number] | null = null;
    let done = false;
    for (const c of candidates) {
      const b = { x0: c.x, y0: c.y, x1: c.x + r.w, y1: c.y + r.h };
      if (b.x0 < rect.x || b.y0 < rect.y || b.x1 > rect.x + rect.w || b.y1 > rect.y + rect.h) continue;
      fallback ??= c;
      // The label's own symbol is among the obstacles; the candidate boxes never overlap it (gap > 0).
      if (hits(b)) continue;
      addBox(b);
      placed.push({ key: r.key, x: c.x, y: c.y, w: r.w, h: r.h, anchor: c.anchor });
      done = true;
      break;
    }
    if (!done && r.force && fallback) {
      addBox({ x0: fallback.x, y0: fallback.y, x1: fallback.x + r.w, y1: fallback.y + r.h });
      placed.push({ key: r.key, x: fallback.x, y: fallback.y, w: r.w, h: r.h, anchor: fallback.anchor });
    }
  }
  return placed;
}

/** "M x y L x y …" of a polyline in px; `close` adds Z. */
export function pathOf(points: readonly (readonly [number, number])[], t: Transform, close = false): string {
  if (points.length === 0) return '';
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i === 0 ? 'M' : 'L'}${t.x(points[i][0]).toFixed(1)} ${t.y(points[i][1]).toFixed(1)}`;
  return close ? `${d}Z` : d;
}

/** "M u z L u z … Z" of polygons in metres (for a group transformed to px). */
export function polygonsPath(polys: readonly (readonly (readonly [number, number])[])[]): string {
  const parts: string[] = [];
  for (const p of polys) {
    if (p.length < 3) continue;
    let d = `M${p[0][0].toFixed(2)} ${p[0][1].toFixed(2)}`;
    for (let i = 1; i < p.length; i++) d += `L${p[i][0].toFixed(2)} ${p[i][1].toFixed(2)}`;
    parts.push(`${d}Z`);
  }
  return parts.join('');
}
