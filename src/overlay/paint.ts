/**
 * Paints crisp 2D annotations over the 3D view: collar labels (decluttered), axis tick labels,
 * fault names, the north arrow and the scale bar. Canvas text is never HTML, so data text is
 * shown as text. Sizes are CSS pixels; the canvas is scaled by devicePixelRatio.
 */
import { formatCoord, niceStep, type AxisTick } from '../domain/axes';
import { layoutLabels, type LayoutLabel, type PlacedLabel, type ScreenBox } from './layout';
import { pictureNumber, pictureText } from './pictureText';

export interface OverlayTheme {
  text: string;
  halo: string;
  muted: string;
  accent: string;
}

export interface Label extends LayoutLabel {
  x: number;
  y: number;
  /** NDC depth for nearest-first declutter */
  depth: number;
  text: string;
  color?: string;
  bold?: boolean;
  /** the hole a collar id belongs to (index in model.holes) */
  hole?: number;
  /** the intercept an intercept label names (index in the store's intercepts): a click opens its derivation */
  intercept?: number;
}

const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, sans-serif';

export type { ScreenBox } from './layout';

/**
 * Lay out labels (overlay/layout.ts: by priority, nothing overlapping, nothing over a `reserved`
 * box such as the slip arrows, legend or scale bar) and draw them: leader lines first, then the
 * text with a halo. Returns what was drawn, with its boxes.
 */
export function paintLabels(ctx: CanvasRenderingContext2D, labels: Label[], t: OverlayTheme, sizePx = 11, reserved: readonly ScreenBox[] = [], view?: { width: number; height: number }): PlacedLabel<Label>[] {
  const fontOf = (l: Label) => `${l.bold ? 600 : 500} ${sizePx}px ${FONT}`;
  const placed = layoutLabels(labels, (l) => { ctx.font = fontOf(l); return ctx.measureText(l.text).width; }, { sizePx, reserved, view });
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const p of placed) {
    if (!p.leader) continue;
    const [x0, y0, x1, y1] = p.leader;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.strokeStyle = t.halo;
    ctx.lineWidth = 3;
    ctx.stroke();
    ctx.strokeStyle = p.label.color ?? t.text;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x0, y0, 2, 0, Math.PI * 2);
    ctx.fillStyle = p.label.color ?? t.text;
    ctx.fill();
  }
  for (const p of placed) {
    ctx.font = fontOf(p.label);
    ctx.lineWidth = 3;
    ctx.strokeStyle = t.halo;
    ctx.strokeText(p.label.text, p.x, p.y);
    ctx.fillStyle = p.label.color ?? t.text;
    ctx.fillText(p.label.text, p.x, p.y);
  }
  return placed;
}

/**
 * An axis tick's label: "612 400 E", "5 312 000 N", "−250 m". English keeps its thin-space
 * grouping (formatCoord); other languages group as Intl does (French: a narrow no-break space).
 */
export function tickText(t: AxisTick, language = 'en'): string {
  const key = `${language}|${t.axis}|${t.value}`;
  let text = tickTexts.get(key);
  if (text === undefined) {
    const n = language === 'en' ? formatCoord(t.value) : pictureNumber(Math.round(t.value), language);
    text = pictureText(language)(t.axis === 'E' ? 'axis.east' : t.axis === 'N' ? 'axis.north' : 'axis.metres', { n });
    // Values change as the view zooms: the texts of one session's views, not every view's.
    if (tickTexts.size >= MAX_TICK_TEXTS) tickTexts.clear();
    tickTexts.set(key, text);
  }
  return text;
}

/**
 * Tick labels already written, by language, axis and value (the catalogues are bundled, so a text
 * never changes): the overlay writes about twenty on every frame, each through i18next, about a
 * millisecond of a filter change's frame.
 */
const tickTexts = new Map<string, string>();
const MAX_TICK_TEXTS = 2000;

/** The north arrow's disc radius and how far outside it the N is written (CSS px). */
const NORTH_RADIUS = 22;
const NORTH_LETTER_OFFSET = 10;

/** North arrow: `angle` is the screen angle of grid north (radians, 0 = up, clockwise positive). */
export function paintNorthArrow(ctx: CanvasRenderingContext2D, cx: number, cy: number, angle: number, tilt: number, t: OverlayTheme, language = 'en'): void {
  const r = NORTH_RADIUS;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.fillStyle = t.halo;
  ctx.globalAlpha = 0.85;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = t.muted;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.rotate(angle);
  const len = r * 0.8 * Math.max(0.35, tilt);
  ctx.beginPath();
  ctx.moveTo(0, -len);
  ctx.lineTo(6, 4);
  ctx.lineTo(0, 0);
  ctx.closePath();
  ctx.fillStyle = t.accent;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, -len);
  ctx.lineTo(-6, 4);
  ctx.lineTo(0, 0);
  ctx.closePath();
  ctx.fillStyle = t.text;
  ctx.fill();
  ctx.rotate(-angle);
  ctx.font = `700 11px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = t.text;
  ctx.fillText(pictureText(language)('north'), Math.sin(angle) * (r + NORTH_LETTER_OFFSET), -Math.cos(angle) * (r + NORTH_LETTER_OFFSET));
  ctx.restore();
}

/** The scale bar's length (m) and width (px): a nice length near 140 px; null when it cannot be drawn. */
function scaleBarSize(pxPerMetre: number): { metres: number; w: number } | null {
  if (!(pxPerMetre > 0) || !Number.isFinite(pxPerMetre)) return null;
  const metres = niceStep(140 / pxPerMetre, 1);
  return { metres, w: metres * pxPerMetre };
}

/** What the scale bar covers (its backing, CSS px), for paintLabels to keep clear; null when none is drawn. */
export function scaleBarBox(right: number, bottom: number, pxPerMetre: number): ScreenBox | null {
  const bar = scaleBarSize(pxPerMetre);
  return bar ? [right - bar.w - 8, bottom - 22, right + 8, bottom + 8] : null;
}

/** What the north arrow covers: its disc and the N written outside it (about 7 px from its centre to its edge). */
export function northArrowBox(cx: number, cy: number): ScreenBox {
  const r = NORTH_RADIUS + NORTH_LETTER_OFFSET + 7;
  return [cx - r, cy - r, cx + r, cy + r];
}

/** The scale bar's length as the language writes it: "500 m", "1.5 km" ("1,5 km" in French). */
export function scaleBarText(metres: number, language = 'en'): string {
  const km = metres >= 1000;
  return pictureText(language)(km ? 'scale.kilometres' : 'scale.metres', { n: pictureNumber(km ? metres / 1000 : metres, language) });
}

/** Scale bar of a nice length near 140 pixels; returns the length in metres. */
export function paintScaleBar(ctx: CanvasRenderingContext2D, right: number, bottom: number, pxPerMetre: number, t: OverlayTheme, language = 'en'): number {
  const bar = scaleBarSize(pxPerMetre);
  const back = scaleBarBox(right, bottom, pxPerMetre);
  if (!bar || !back) return 0;
  const { metres, w } = bar;
  const x0 = right - w;
  const y = bottom;
  ctx.save();
  ctx.fillStyle = t.halo;
  ctx.globalAlpha = 0.8;
  // The backing is the box labels keep clear of: one place for both.
  ctx.fillRect(back[0], back[1], back[2] - back[0], back[3] - back[1]);
  ctx.globalAlpha = 1;
  ctx.fillStyle = t.text;
  ctx.fillRect(x0, y - 4, w / 2, 4);
  ctx.strokeStyle = t.text;
  ctx.lineWidth = 1;
  ctx.strokeRect(x0 + 0.5, y - 4 + 0.5, w - 1, 4);
  ctx.font = `500 11px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('0', x0, y - 7);
  ctx.fillText(scaleBarText(metres, language), x0 + w, y - 7);
  ctx.restore();
  return metres;
}

const ARROW_FONT = `600 11px ${FONT}`;

/** Where a slip arrow writes its offset: behind its tail, centred (CSS px). */
function arrowLabelAt(x0: number, y0: number, x1: number, y1: number): [number, number] {
  const a = Math.atan2(y1 - y0, x1 - x0);
  return [x0 - 14 * Math.cos(a), y0 - 14 * Math.sin(a)];
}

/** What a slip arrow covers, for paintLabels to keep clear: its offset label, and its shaft and head. */
export function arrowBoxes(ctx: CanvasRenderingContext2D, r: { x0: number; y0: number; x1: number; y1: number; label: string }): ScreenBox[] {
  const [x, y] = arrowLabelAt(r.x0, r.y0, r.x1, r.y1);
  ctx.font = ARROW_FONT;
  const w = ctx.measureText(r.label).width;
  // The head is 9 px long and spreads about 4 px each side of the shaft.
  const pad = 5;
  return [
    [x - w / 2 - 2, y - 8, x + w / 2 + 2, y + 8],
    [Math.min(r.x0, r.x1) - pad, Math.min(r.y0, r.y1) - pad, Math.max(r.x0, r.x1) + pad, Math.max(r.y0, r.y1) + pad],
  ];
}

/** An arrow from (x0, y0) to (x1, y1) with a label at its tail, for fault slip on plan. */
export function paintArrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string, label: string, t: OverlayTheme): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  ctx.save();
  ctx.strokeStyle = t.halo;
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 9 * Math.cos(a - 0.45), y1 - 9 * Math.sin(a - 0.45));
  ctx.lineTo(x1 - 9 * Math.cos(a + 0.45), y1 - 9 * Math.sin(a + 0.45));
  ctx.closePath();
  ctx.fill();
  const [lx, ly] = arrowLabelAt(x0, y0, x1, y1);
  haloText(ctx, label, lx, ly, ARROW_FONT, 'center', 3, t.halo);
  ctx.restore();
}

/** Text centred on y with a halo of `haloWidth` px in `halo`, filled with the current fillStyle. */
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, font: string, align: CanvasTextAlign, haloWidth: number, halo: string): void {
  ctx.font = font;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.lineWidth = haloWidth;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

const NOTE_FONT = `600 12px ${FONT}`;

/** What paintNote covers (its text, middle at y, and halo), for paintLabels to keep clear. */
export function noteBox(ctx: CanvasRenderingContext2D, right: number, y: number, text: string): ScreenBox {
  ctx.font = NOTE_FONT;
  const w = ctx.measureText(text).width;
  return [right - w - 3, y - 9, right + 3, y + 9];
}

/** A short right-aligned note with a halo (e.g. the vertical exaggeration). */
export function paintNote(ctx: CanvasRenderingContext2D, right: number, y: number, text: string, t: OverlayTheme): void {
  ctx.save();
  ctx.fillStyle = t.accent;
  haloText(ctx, text, right, y, NOTE_FONT, 'right', 4, t.halo);
  ctx.restore();
}
