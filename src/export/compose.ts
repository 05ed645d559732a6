/**
 * Draws the slide furniture of an exported image on a 2D canvas: labels from the 3D view, a title
 * block, the legend, north arrow, scale bar and a disclosure footer. Everything is vector drawing
 * in "layout pixels" (the window's CSS pixels, so proportions match the screen); the caller scales
 * the context to the image resolution, so text is rasterised at full size and stays sharp.
 */
import { arrowBoxes, northArrowBox, paintArrow, paintLabels, paintNorthArrow, paintScaleBar, scaleBarBox, type Label, type OverlayTheme, type ScreenBox } from '../overlay/paint';
import type { Captions } from '../overlay/captions';
import { pictureText } from '../overlay/pictureText';
import type { LegendSection } from '../overlay/legend';
import type { SlipArrow } from '../overlay/labels';

const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, sans-serif';

/** Colours of the slide furniture, per UI theme (the same tokens as src/ui/styles.css). */
export interface SlideTheme extends OverlayTheme {
  panel: string;
  line: string;
  gold: string;
  badgeBg: string;
  badgeText: string;
  badgeLine: string;
}

export const SLIDE_THEMES: Record<'light' | 'dark', SlideTheme> = {
  light: { text: '#1f2933', muted: '#52606d', halo: 'rgba(255,255,255,0.92)', accent: '#a8392e', panel: '#ffffff', line: '#d9dee4', gold: '#c99a2e', badgeBg: '#fdf3d8', badgeText: '#7a5a00', badgeLine: '#efd99a' },
  dark: { text: '#e4e7eb', muted: '#9aa5b1', halo: 'rgba(22,26,31,0.88)', accent: '#f0876f', panel: '#1e2329', line: '#3a434d', gold: '#c99a2e', badgeBg: '#3a3220', badgeText: '#f2d68a', badgeLine: '#5a4a22' },
};

export interface OverlayInput {
  /** layout size (image size divided by the export scale) */
  width: number;
  height: number;
  captions: Captions;
  legend: LegendSection[];
  labels: Label[];
  arrows: SlipArrow[];
  /** screen angle of grid north, radians clockwise from up; null hides the arrow */
  north: number | null;
  /** layout pixels per metre at the view centre */
  pxPerMetre: number;
  /** perspective view: the scale bar holds at the view centre only */
  perspective: boolean;
  theme: SlideTheme;
  /** language of the furniture's own words (scale note, north); the captions and legend come written (default English) */
  language?: string;
  /** the picture's fingerprint code ("VS-3F9A-21C7"), printed small at the footer's right */
  code?: string;
}

/** Where the furniture went (layout pixels), for tests and for the caller. */
export interface OverlayLayout {
  title: Box;
  legend: Box | null;
  footer: Box;
  north: Box | null;
  scaleBar: Box | null;
  /** each label drawn, its text box */
  labels: (Box & { text: string })[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Ctx = CanvasRenderingContext2D;

const MARGIN = 20;

function font(ctx: Ctx, weight: number, size: number): void {
  ctx.font = `${weight} ${size}px ${FONT}`;
}

/** Greedy word wrap to `maxWidth` with the context's current font. */
export function wrapText(measure: (s: string) => number, text: string, maxWidth: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n+/)) {
    // Break at spaces, never at a no-break space (French "Personne qualifiée\u00a0:", "1\u202f234 m").
    const words = para.split(/[^\S\u00a0\u202f\u2007]+/).filter(Boolean);
    let line = '';
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (line && measure(next) > maxWidth) {
        out.push(line);
        line = w;
      } else line = next;
    }
    if (line) out.push(line);
  }
  return out;
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function card(ctx: Ctx, b: Box, t: SlideTheme): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.10)';
  ctx.shadowBlur = 6;
  ctx.shadowOffsetY = 1;
  roundRect(ctx, b.x, b.y, b.w, b.h, 8);
  ctx.fillStyle = t.panel;
  ctx.fill();
  ctx.restore();
  roundRect(ctx, b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1, 8);
  ctx.strokeStyle = t.line;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function ellipsize(ctx: Ctx, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

// --- footer ------------------------------------------------------------------------------------

const FOOT_SIZE = 10;
const FOOT_LINE = 13.5;
const FOOT_PAD = 9;

const CODE_SIZE = 8;

function layoutFooter(ctx: Ctx, inp: OverlayInput): { box: Box; lines: { text: string; strong: boolean }[]; code?: string } {
  // The fingerprint code takes the right end of the footer: the lines wrap short of it.
  font(ctx, 400, CODE_SIZE);
  const codeW = inp.code ? ctx.measureText(inp.code).width + 12 : 0;
  const maxW = inp.width - 2 * MARGIN - codeW;
  const lines: { text: string; strong: boolean }[] = [];
  inp.captions.footer.forEach((para) => {
    // The cautionary statement is set in semibold: measure it in the weight it is drawn in.
    const strong = inp.captions.inferred && para === inp.captions.caution;
    font(ctx, strong ? 600 : 400, FOOT_SIZE);
    for (const l of wrapText((s) => ctx.measureText(s).width, para, maxW)) lines.push({ text: l, strong });
  });
  const h = lines.length || inp.code ? Math.max(1, lines.length) * FOOT_LINE + 2 * FOOT_PAD : 0;
  return { box: { x: 0, y: inp.height - h, w: inp.width, h }, lines, code: inp.code };
}

function drawFooter(ctx: Ctx, f: ReturnType<typeof layoutFooter>, t: SlideTheme): void {
  if (!f.lines.length && !f.code) return;
  const b = f.box;
  ctx.fillStyle = t.panel;
  ctx.fillRect(b.x, b.y, b.w, b.h);
  ctx.fillStyle = t.line;
  ctx.fillRect(b.x, b.y, b.w, 1);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  f.lines.forEach((l, i) => {
    font(ctx, l.strong ? 600 : 400, FOOT_SIZE);
    ctx.fillStyle = l.strong ? t.text : t.muted;
    ctx.fillText(l.text, MARGIN, b.y + FOOT_PAD + (i + 1) * FOOT_LINE - 3.5);
  });
  if (f.code) {
    font(ctx, 400, CODE_SIZE);
    ctx.fillStyle = t.muted;
    ctx.textAlign = 'right';
    ctx.fillText(f.code, b.x + b.w - MARGIN, b.y + b.h - FOOT_PAD - 1);
  }
}

// --- title -------------------------------------------------------------------------------------

function drawTitle(ctx: Ctx, inp: OverlayInput, dry = false): Box {
  const t = inp.theme;
  const c = inp.captions;
  const pad = 12;
  // As wide as the image allows, short of the north arrow's corner.
  const maxText = Math.max(160, inp.width - 2 * MARGIN - 80 - 2 * pad - 4);
  font(ctx, 650, 19);
  const title = ellipsize(ctx, c.title, maxText);
  const titleW = ctx.measureText(title).width;
  font(ctx, 400, 11.5);
  const sub = ellipsize(ctx, c.subtitle, maxText);
  const subW = ctx.measureText(sub).width;
  font(ctx, 600, 10.5);
  const markW = c.mark ? ctx.measureText(c.mark).width + 16 : 0;
  const w = Math.max(titleW, subW, markW) + 2 * pad + 4;
  const h = pad + 22 + 17 + (c.mark ? 25 : 0) + pad - 4;
  const b = { x: MARGIN, y: MARGIN, w, h };
  if (dry) return b;
  card(ctx, b, t);
  // Gold rule: the product's accent, and a visual anchor for the block.
  ctx.fillStyle = t.gold;
  roundRect(ctx, b.x, b.y + 10, 3, b.h - 20, 1.5);
  ctx.fill();
  const x = b.x + pad + 4;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  font(ctx, 650, 19);
  ctx.fillStyle = t.text;
  ctx.fillText(title, x, b.y + pad + 17);
  font(ctx, 400, 11.5);
  ctx.fillStyle = t.muted;
  ctx.fillText(sub, x, b.y + pad + 22 + 13);
  if (c.mark) {
    const my = b.y + pad + 22 + 17 + 5;
    roundRect(ctx, x, my, markW, 18, 9);
    ctx.fillStyle = t.badgeBg;
    ctx.fill();
    ctx.strokeStyle = t.badgeLine;
    ctx.lineWidth = 1;
    ctx.stroke();
    font(ctx, 600, 10.5);
    ctx.fillStyle = t.badgeText;
    ctx.textBaseline = 'middle';
    ctx.fillText(c.mark, x + 8, my + 9.5);
  }
  return b;
}

// --- legend ------------------------------------------------------------------------------------

const LEG_TEXT = 11.5;
const LEG_ROW = 17;
const LEG_HEAD = 18;
const LEG_SYMBOL = 22;
const LEG_GAP = 20;
const LEG_COL_GAP = 14;

interface SectionLayout {
  section: LegendSection;
  colWidths: number[];
  rows: number;
  w: number;
  h: number;
}

function layoutSection(ctx: Ctx, s: LegendSection, maxLabel: number): SectionLayout {
  font(ctx, 400, LEG_TEXT);
  const cols = Math.max(1, s.columns);
  const rows = Math.ceil(s.items.length / cols);
  const colWidths: number[] = [];
  for (let c = 0; c < cols; c++) {
    let w = 0;
    for (let r = 0; r < rows; r++) {
      const it = s.items[c * rows + r];
      if (it) w = Math.max(w, LEG_SYMBOL + Math.min(maxLabel, ctx.measureText(it.label).width));
    }
    colWidths.push(w);
  }
  font(ctx, 650, 11);
  const headW = ctx.measureText(s.title).width;
  let noteW = 0;
  if (s.note) {
    font(ctx, 400, 10);
    noteW = ctx.measureText(s.note).width;
  }
  const itemsW = colWidths.reduce((a, b) => a + b, 0) + LEG_COL_GAP * (cols - 1);
  return { section: s, colWidths, rows, w: Math.max(itemsW, headW, noteW), h: LEG_HEAD + rows * LEG_ROW + (s.note ? 15 : 0) };
}

function drawSymbol(ctx: Ctx, kind: LegendSection['items'][number]['symbol'], color: string, x: number, y: number): void {
  if (kind === 'swatch') {
    roundRect(ctx, x, y - 6, 12, 12, 3);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = 'rgba(0,0,0,0.18)';
    ctx.lineWidth = 1;
    ctx.stroke();
    return;
  }
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.lineCap = 'butt';
  if (kind === 'dashed') ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 16, y);
  ctx.stroke();
  ctx.restore();
}

function drawLegend(ctx: Ctx, inp: OverlayInput, bottom: number, maxWidth: number, dry = false): Box | null {
  if (!inp.legend.length) return null;
  const t = inp.theme;
  const pad = 12;
  let layouts = inp.legend.map((s) => layoutSection(ctx, s, 200));
  let sideBySide = layouts.reduce((a, l) => a + l.w, 0) + LEG_GAP * (layouts.length - 1) + 2 * pad <= maxWidth;
  if (!sideBySide) {
    // Narrow image: one column per section, stacked.
    layouts = inp.legend.map((s) => layoutSection(ctx, { ...s, columns: 1 }, maxWidth - 2 * pad - LEG_SYMBOL));
    sideBySide = false;
  }
  const innerW = sideBySide ? layouts.reduce((a, l) => a + l.w, 0) + LEG_GAP * (layouts.length - 1) : Math.max(...layouts.map((l) => l.w));
  const innerH = sideBySide ? Math.max(...layouts.map((l) => l.h)) : layouts.reduce((a, l) => a + l.h, 0) + 10 * (layouts.length - 1);
  const b = { x: MARGIN, y: bottom - innerH - 2 * pad + 4, w: innerW + 2 * pad, h: innerH + 2 * pad - 4 };
  if (dry) return b;
  card(ctx, b, t);
  let x = b.x + pad, y = b.y + pad - 2;
  ctx.textAlign = 'left';
  for (const l of layouts) {
    ctx.textBaseline = 'alphabetic';
    // Headings as on the on-screen legend: muted, semibold, units kept as written (g/t, not G/T).
    font(ctx, 650, 11);
    ctx.fillStyle = t.muted;
    ctx.fillText(l.section.title, x, y + 10);
    let cx = x;
    l.colWidths.forEach((cw, c) => {
      for (let r = 0; r < l.rows; r++) {
        const it = l.section.items[c * l.rows + r];
        if (!it) continue;
        const ry = y + LEG_HEAD + r * LEG_ROW + LEG_ROW / 2;
        drawSymbol(ctx, it.symbol, it.color, cx, ry);
        font(ctx, 400, LEG_TEXT);
        ctx.fillStyle = t.text;
        ctx.textBaseline = 'middle';
        ctx.fillText(ellipsize(ctx, it.label, cw - LEG_SYMBOL), cx + LEG_SYMBOL, ry + 0.5);
      }
      cx += cw + LEG_COL_GAP;
    });
    if (l.section.note) {
      font(ctx, 400, 10);
      ctx.fillStyle = t.muted;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(l.section.note, x, y + LEG_HEAD + l.rows * LEG_ROW + 11);
    }
    if (sideBySide) x += l.w + LEG_GAP;
    else y += l.h + 10;
  }
  return b;
}

// --- all ---------------------------------------------------------------------------------------

function boxOf([x0, y0, x1, y1]: ScreenBox): Box {
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function overlaps(a: Box, b: Box, pad: number): boolean {
  return a.x < b.x + b.w + pad && a.x + a.w > b.x - pad && a.y < b.y + b.h + pad && a.y + a.h > b.y - pad;
}

/** Paint every overlay; the context's transform maps layout pixels to image pixels. */
export function drawOverlay(ctx: Ctx, inp: OverlayInput): OverlayLayout {
  const t = inp.theme;
  ctx.save();
  // 1. Lay out the furniture first, so no label is drawn half-hidden under a panel.
  const footer = layoutFooter(ctx, inp);
  const above = footer.box.y - MARGIN;
  const right = inp.width - MARGIN - 8;
  const noteH = inp.perspective ? 13 : 0;
  const barBottom = above - 8 - noteH;
  // The same boxes the live overlay keeps its labels clear of; the bar's note below it added.
  const bar = scaleBarBox(right, barBottom, inp.pxPerMetre);
  const scaleBar: Box | null = bar ? { ...boxOf(bar), h: bar[3] - bar[1] + noteH } : null;
  const ncx = inp.width - MARGIN - 32, ncy = MARGIN + 32;
  const north: Box | null = inp.north !== null ? boxOf(northArrowBox(ncx, ncy)) : null;
  const title = drawTitle(ctx, inp, true);
  const legendMax = (scaleBar ? scaleBar.x : inp.width - MARGIN) - MARGIN - 16;
  const legend = drawLegend(ctx, inp, above, legendMax, true);
  const furniture = [footer.box.h ? footer.box : null, title, legend, north, scaleBar].filter((b): b is Box => b !== null);

  // 2. Annotations of the 3D view, under the furniture.
  ctx.save();
  font(ctx, 600, 11);
  const clear = (b: Box) => !furniture.some((f) => overlaps(b, f, 3));
  const arrows = inp.arrows.filter((a) => clear({ x: Math.min(a.x0, a.x1) - 20, y: Math.min(a.y0, a.y1) - 20, w: Math.abs(a.x1 - a.x0) + 40, h: Math.abs(a.y1 - a.y0) + 40 }));
  // The one label layout (overlay/layout.ts), clear of the furniture (3 px apart) and the arrows.
  const keepClear: ScreenBox[] = [...furniture.map((f): ScreenBox => [f.x - 3, f.y - 3, f.x + f.w + 3, f.y + f.h + 3]), ...arrows.flatMap((a) => arrowBoxes(ctx, a))];
  const placed = paintLabels(ctx, inp.labels, t, 11, keepClear, { width: inp.width, height: inp.height });
  for (const a of arrows) paintArrow(ctx, a.x0, a.y0, a.x1, a.y1, t.accent, a.label, t);
  ctx.restore();

  // 3. Scale bar (bottom-right, above the footer) and north arrow (top-right).
  paintScaleBar(ctx, right, barBottom, inp.pxPerMetre, t, inp.language);
  if (scaleBar && inp.perspective) {
    font(ctx, 400, 9.5);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = t.halo;
    ctx.fillRect(scaleBar.x, barBottom + 8, scaleBar.w, noteH);
    ctx.fillStyle = t.muted;
    ctx.fillText(pictureText(inp.language)('scale.atViewCentre'), right, barBottom + 8 + 10);
  }
  if (inp.north !== null) paintNorthArrow(ctx, ncx, ncy, inp.north, 1, t, inp.language);

  // 4. Title block, legend and the disclosure footer.
  drawTitle(ctx, inp);
  drawLegend(ctx, inp, above, legendMax);
  drawFooter(ctx, footer, t);
  ctx.restore();
  return { title, legend, footer: footer.box, north, scaleBar, labels: placed.map((p) => ({ text: p.label.text, ...boxOf(p.box) })) };
}
