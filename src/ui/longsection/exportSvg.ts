/**
 * The long section as a standalone SVG document (pure string building, no DOM, so it can be tested
 * in node): a title block like the 3D image exports' (project, what the picture is, date, view and
 * scale), the plot as drawn on screen (already cloned and style-inlined by exportDom.ts), the legend
 * and the disclosure footer (label mode, method, disclaimer, qualified person). Every piece of
 * data text goes in through `escapeXml`, as text, never as markup. The PNG is rasterised from this
 * same string, so the two files always carry the same content.
 */
import { fileSlug } from '../../export/download';
import { illustrativeMark, inferredCaution, longDate, noQualifiedPerson } from '../../overlay/captions';
import { i18next } from '../../i18n';
import { shortNumber } from '../../i18n/numbers';
import { wrapText } from '../../export/compose';
import { azimuthText } from '../../domain/longSection';
import { distanceClasses } from '../../domain/dataDistance';
import { GT_COLOURS } from '../../domain/gradeThickness';

/** A generic stack: the file must not depend on the app's web fonts. */
export const FONT_STACK = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** The long section's catalogue in `language` (the export is written in the language it is asked for, not read from the app). */
const words = (language: string) => i18next.getFixedT(language, 'longsection');

/** Text and attribute values: the five XML specials. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** "rocmec-1-russian-kid-illustrative-model-long-section.svg" (the slug of the 3D exports' names). */
export function exportFileName(projectName: string | undefined, ext: 'svg' | 'png'): string {
  return `${fileSlug(projectName, 'veinscape')}-long-section.${ext}`;
}

/**
 * "rgba(97, 110, 124, 0.08)" → "#616e7c" and alpha 0.08: rgba() is CSS Color 3, not SVG 1.1, and
 * some editors a report goes through (Inkscape, Illustrator) drop it; the alpha becomes *-opacity.
 */
export function splitAlpha(colour: string): { colour: string; alpha: number } {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(colour.trim());
  if (!m) return { colour, alpha: 1 };
  const hex = [m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('');
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { colour: `#${hex}`, alpha: a };
}

export interface LegendItem {
  label: string;
  shape: 'circle' | 'line' | 'rect';
  /** circle radius, px */
  r?: number;
  /** classes of the on-screen symbol; exportDom.ts resolves their computed style into `attrs` */
  className?: string;
  fill?: string;
  /** presentation attributes (resolved colours) */
  attrs?: Record<string, string>;
  /** a colour drawn under a rect symbol (a veil's swatch shows the veil over a contour colour) */
  under?: string;
}
export interface LegendGroup {
  title?: string;
  items: LegendItem[];
}

export interface LegendInput {
  /** "Au, capped at 45 g/t" */
  gradeTitle: string;
  grades: { label: string; colour: string }[];
  /** g/t·m with its width, for the size and contour titles ("g/t·m (HW)"); default "g/t·m" */
  gtUnit?: string;
  /** symbol radius (px) of some g/t·m values, as drawn at the current zoom */
  sizes: { gramMetres: number; r: number }[];
  bands: { lo: number; hi: number; colour: string }[];
  resources: string[];
  workings: boolean;
  /** the plot is shaded by distance to data: its classes go in the legend */
  distance?: boolean;
  /** language of the words and figures (default English) */
  language?: string;
}

/** A contour colour the distance swatches veil, so each shows what its class does to a contour. */
export const VEIL_SWATCH_UNDER = GT_COLOURS[1];

/** The distance classes as the legend names them ("≤ 25 m informed", "> 100 m extrapolated"), nearest first, with their veil's opacity. */
export function distanceLegend(language = 'en'): { name: string; label: string; opacity: number }[] {
  const t = words(language);
  const n = (v: number) => shortNumber(v, 6, language);
  return distanceClasses().map((c) => ({ name: c.name, label: t(`distance.${c.name}`, { lo: n(c.lo), hi: n(c.hi) }), opacity: c.opacity }));
}

/** The export's note on the shading: what is measured and the classes, in `language`. */
export function distanceNote(language = 'en'): string {
  return words(language)('distance.note', { classes: distanceLegend(language).map((c) => c.label).join(words(language)('listSeparator')) });
}

/** The panel's legend (its footer) as groups of symbols, with the classes the plot draws them with. */
export function legendGroups(i: LegendInput): LegendGroup[] {
  const language = i.language ?? 'en';
  const t = words(language);
  const n = (v: number) => shortNumber(v, 6, language);
  const unit = i.gtUnit ?? 'g/t·m';
  const pp = (label: string, kind: string, r: number, fill?: string): LegendItem => ({ label, shape: 'circle', r, className: `ls-pp ${kind}`, fill });
  return [
    { title: i.gradeTitle, items: i.grades.map((g) => pp(g.label, 'intercept', 4, g.colour)) },
    { title: t('legendText.size', { unit }), items: [...i.sizes.map((s) => pp(n(s.gramMetres), 'sized', s.r)), pp(t('legendText.planned'), 'planned', 3.5), pp(t('legendText.noIntercept'), 'no-intercept', 3)] },
    { title: t('legendText.contours', { unit }), items: i.bands.map((b) => ({ label: b.hi === Infinity ? `≥ ${n(b.lo)}` : `${n(b.lo)}–${n(b.hi)}`, shape: 'rect', className: 'ls-band', fill: b.colour })) },
    {
      items: [
        ...i.resources.map((c): LegendItem => ({ label: t(`legendText.category.${c}`, { defaultValue: c }), shape: 'line', className: `ls-resource ${c}` })),
        ...(i.workings ? [{ label: t('legendText.workings'), shape: 'line', className: 'ls-working drift' } as LegendItem] : []),
        { label: t('legendText.modelledVein'), shape: 'rect', className: 'ls-vein' },
      ],
    },
    ...(i.distance ? [{
      title: t('distance.title'),
      items: distanceLegend(language).map((c): LegendItem => ({ label: c.label, shape: 'rect', className: 'ls-veil', under: VEIL_SWATCH_UNDER, attrs: { 'fill-opacity': String(c.opacity) } })),
    }] : []),
  ];
}

/** What the long section panel knows and puts into the title block and footer. */
export interface TextInput {
  project: { name?: string; disclaimer?: string; qualifiedPerson?: string; illustrative?: boolean; crs?: { name: string; code?: string } };
  system: string;
  /** one vein of the system, when only one is shown */
  vein?: string | null;
  strike: number;
  lookAzimuth: number;
  /** "VE 1:1 (true scale)" */
  veText: string;
  /** what the pierce-point labels show: the label toggle's own hint */
  labelHint: string;
  /** the panel's note on g/t·m (which width) and the contouring */
  method: string;
  /** inferred outlines are drawn: the NI 43-101 cautionary statement goes in the footer */
  inferred: boolean;
  /** the plot is shaded by distance to data: the footer says what the shading measures */
  distance?: boolean;
  date: Date;
  /** language of the title block and footer (default English); the texts passed in are already in it */
  language?: string;
  /** the settings of the intercepts drawn, as a release's footnote (overlay/interceptFootnote.ts), in that language */
  interceptFootnote?: string;
}

export interface ExportText {
  title: string;
  heading: string;
  details: string;
  mark: string | null;
  notes: string[];
  disclosure: { text: string; strong: boolean }[];
}

/** The words of the title block and footer (as the 3D exports word them: captions.ts). */
export function exportText(i: TextInput): ExportText {
  const language = i.language ?? 'en';
  const t = words(language);
  const p = i.project;
  const crs = p.crs ? (p.crs.code ? `${p.crs.name} (${p.crs.code})` : p.crs.name) : null;
  // The date as the language writes it, as the 3D exports do ("June 1, 2025", "1 juin 2025").
  const date = longDate(i.date, language);
  const details = [date, t('export.details', { strike: azimuthText(i.strike), look: azimuthText(i.lookAzimuth) }), i.veText, crs].filter(Boolean).join(' · ');
  const disclosure: { text: string; strong: boolean }[] = [];
  const disclaimer = p.disclaimer?.trim();
  if (disclaimer) disclosure.push({ text: disclaimer, strong: false });
  const qp = p.qualifiedPerson?.trim();
  disclosure.push({ text: qp ? (/qualified person|personne qualifiée/i.test(qp) ? qp : t('export.qualifiedPerson', { name: qp })) : noQualifiedPerson(language), strong: false });
  if (i.inferred) disclosure.push({ text: inferredCaution(language), strong: true });
  if (i.interceptFootnote) disclosure.push({ text: i.interceptFootnote, strong: false });
  return {
    title: p.name?.trim() || 'Veinscape',
    heading: `${t('export.heading')} · ${i.system}${i.vein ? `: ${i.vein}` : ''}`,
    details,
    mark: p.illustrative ? illustrativeMark(language) : null,
    notes: [t('export.labels', { hint: i.labelHint }), i.method, ...(i.distance ? [distanceNote(language)] : [])],
    disclosure,
  };
}

/** Width of `text` in px at `size` and `weight`; the estimate errs wide, so nothing is clipped. */
export type Measure = (text: string, size: number, weight: number) => number;
export const estimateWidth: Measure = (text, size, weight) => text.length * size * (weight >= 600 ? 0.62 : 0.58);

export interface ExportTheme {
  background: string;
  text: string;
  muted: string;
  line: string;
  gold: string;
  /** the illustrative mark's badge: background, text, outline (SLIDE_THEMES of the 3D exports) */
  badge?: { bg: string; text: string; line: string };
}

export interface AssembleInput {
  /** the serialised <svg> of the plot, styles inlined; placed as is below the title block */
  plot: { markup: string; width: number; height: number };
  text: ExportText;
  legend: LegendGroup[];
  theme: ExportTheme;
  measure?: Measure;
}

const MARGIN = 16;
const MIN_WIDTH = 560;

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
const text = (x: number, y: number, s: string, a: Record<string, string | number>) => `<text${attrs({ x, y, ...a })}>${escapeXml(s)}</text>`;

function symbol(it: LegendItem, x: number, cy: number): string {
  const a = { ...(it.fill ? { fill: it.fill } : {}), ...it.attrs };
  if (it.shape === 'circle') return `<circle${attrs({ cx: x + 6, cy, r: it.r ?? 4, ...a })}/>`;
  if (it.shape === 'line') return `<line${attrs({ x1: x, x2: x + 22, y1: cy, y2: cy, ...a })}/>`;
  const under = it.under ? `<rect${attrs({ x, y: cy - 5, width: 16, height: 10, fill: it.under })}/>` : '';
  return `${under}<rect${attrs({ x, y: cy - 5, width: 16, height: 10, ...a })}/>`;
}
const symbolWidth = (it: LegendItem) => (it.shape === 'line' ? 22 : it.shape === 'circle' ? Math.max(12, 2 * (it.r ?? 4)) : 16);

/** The whole document, and its size (px, the PNG is twice that). */
export function assembleSvg(inp: AssembleInput): { svg: string; width: number; height: number } {
  const { theme: th, text: tx } = inp;
  const measure = inp.measure ?? estimateWidth;
  const W = Math.max(MIN_WIDTH, Math.round(inp.plot.width));
  const maxW = W - 2 * MARGIN;
  const out: string[] = [];
  const wrap = (s: string, size: number, weight: number) => wrapText((t) => measure(t, size, weight), s, maxW - 8);

  // Title block: gold rule, project name, what the picture is, date / view / scale, illustrative mark.
  let y = MARGIN;
  const head: string[] = [];
  for (const l of wrap(tx.title, 17, 700)) head.push(text(MARGIN + 10, (y += 20), l, { 'font-size': 17, 'font-weight': 700, fill: th.text }));
  for (const l of wrap(tx.heading, 12.5, 600)) head.push(text(MARGIN + 10, (y += 17), l, { 'font-size': 12.5, 'font-weight': 600, fill: th.text }));
  for (const l of wrap(tx.details, 11, 400)) head.push(text(MARGIN + 10, (y += 15), l, { 'font-size': 11, fill: th.muted }));
  if (tx.mark) {
    const w = Math.ceil(measure(tx.mark, 10.5, 600) + 16);
    const badge = th.badge ?? { bg: '#fdf3d8', text: '#7a5a00', line: '#efd99a' };
    head.push(`<rect${attrs({ x: MARGIN + 10, y: y + 6, width: w, height: 18, rx: 9, fill: badge.bg, stroke: badge.line })}/>`);
    head.push(text(MARGIN + 18, y + 19, tx.mark, { 'font-size': 10.5, 'font-weight': 600, fill: badge.text }));
    y += 24;
  }
  out.push(`<g data-part="title-block"><rect${attrs({ x: MARGIN, y: MARGIN + 4, width: 3, height: y - MARGIN, rx: 1.5, fill: th.gold })}/>${head.join('')}</g>`);
  y += 10;

  // The plot, at its on-screen size.
  out.push(`<g data-part="plot" transform="translate(${(W - inp.plot.width) / 2} ${y})">${inp.plot.markup}</g>`);
  y += inp.plot.height + 8;
  out.push(`<rect${attrs({ x: MARGIN, y, width: maxW, height: 1, fill: th.line })}/>`);
  y += 4;

  // Legend: groups flow left to right and wrap; a group's title stays with its first item.
  const leg: string[] = [];
  const ROW = 17;
  let x = MARGIN;
  let cy = y + ROW / 2 + 2;
  let rows = 1;
  for (const g of inp.legend) {
    if (!g.items.length) continue;
    const titleW = g.title ? measure(g.title, 10.5, 600) + 8 : 0;
    const itemW = (it: LegendItem) => symbolWidth(it) + 4 + measure(it.label, 10.5, 400) + 10;
    if (x > MARGIN) x += 10;
    // A group that fits on a row of its own starts one rather than break across two.
    const groupW = g.items.reduce((w, it) => w + itemW(it), titleW);
    if (x > MARGIN && x + groupW > W - MARGIN && groupW <= maxW) {
      x = MARGIN;
      cy += ROW;
      rows++;
    }
    g.items.forEach((it, i) => {
      const w = itemW(it) + (i === 0 ? titleW : 0);
      if (x > MARGIN && x + w > W - MARGIN) {
        x = MARGIN;
        cy += ROW;
        rows++;
      }
      if (i === 0 && g.title) {
        leg.push(text(x, cy + 3.5, g.title, { 'font-size': 10.5, 'font-weight': 600, fill: th.muted }));
        x += titleW;
      }
      leg.push(symbol(it, x, cy));
      x += symbolWidth(it) + 4;
      leg.push(text(x, cy + 3.5, it.label, { 'font-size': 10.5, fill: th.text }));
      x += measure(it.label, 10.5, 400) + 10;
    });
  }
  out.push(`<g data-part="legend">${leg.join('')}</g>`);
  y += rows * ROW + 6;

  // Footer: label mode and method, then the disclosure (disclaimer, qualified person, caution).
  const foot: string[] = [];
  for (const n of tx.notes) for (const l of wrap(n, 10, 400)) foot.push(text(MARGIN, (y += 13.5), l, { 'font-size': 10, fill: th.text }));
  y += 5;
  for (const d of tx.disclosure) {
    const weight = d.strong ? 600 : 400;
    for (const l of wrap(d.text, 10, weight)) foot.push(text(MARGIN, (y += 13.5), l, { 'font-size': 10, 'font-weight': weight, fill: d.strong ? th.text : th.muted }));
  }
  out.push(`<g data-part="footer">${foot.join('')}</g>`);
  const H = Math.ceil(y + MARGIN);

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs({ width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': FONT_STACK })}>` +
    `<title>${escapeXml(`${tx.title}: ${tx.heading}`)}</title>` +
    `<rect${attrs({ width: W, height: H, fill: th.background })}/>${out.join('')}</svg>\n`;
  return { svg, width: W, height: H };
}
