/**
 * The DOM half of the long-section export: clone the on-screen <svg>, write the computed style of
 * every element into presentation attributes (the file must not need the app's CSS, and the
 * theme's CSS variables come out as the concrete colours they resolve to), resolve the legend's
 * symbols the same way, assemble the document (exportSvg.ts) and download it as SVG, or as a PNG
 * rasterised from that very string at twice the size.
 */
import { downloadBlob } from '../../export/download';
import { SLIDE_THEMES } from '../../export/compose';
import { pngWithWords } from '../../export/pngText';
import { assembleSvg, exportFileName, FONT_STACK, splitAlpha, type ExportText, type LegendGroup, type Measure } from './exportSvg';

// Inherited properties: an element carries those that differ from its parent's, as exported.
const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'font-size', 'font-weight', 'font-style', 'paint-order', 'text-anchor', 'visibility',
];
// Lengths as plain user units: "0.8px" and "5px, 4px" read as px everywhere, but SVG 1.1 editors prefer numbers.
const LENGTHS = new Set(['stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'font-size']);
const PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity'];

type Attrs = Record<string, string>;

/** The properties an element is drawn with, as the file will state them (rgba split into colour and opacity). */
function exported(cs: CSSStyleDeclaration): Attrs {
  const e: Attrs = {};
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p).trim();
    e[p] = LENGTHS.has(p) ? v.replace(/(\d)px\b/g, '$1') : v;
  }
  for (const [paint, op] of [['fill', 'fill-opacity'], ['stroke', 'stroke-opacity']] as const) {
    const { colour, alpha } = splitAlpha(e[paint]);
    e[paint] = colour;
    if (alpha === 0) e[paint] = 'none';
    else if (alpha !== 1) e[op] = String(Number((Number(e[op]) * alpha).toFixed(4)));
  }
  e.opacity = cs.opacity;
  e.display = cs.display;
  return e;
}

/** Walk the live tree and its clone together, writing what each element needs; returns nothing. */
function inline(live: Element, copy: Element, parent: Attrs | null): void {
  const tag = live.localName;
  if (tag === 'title' || tag === 'desc') return;
  const e = exported(getComputedStyle(live));
  for (const p of INHERITED) if (!parent || parent[p] !== e[p]) copy.setAttribute(p, e[p]);
  // Not inherited: only where it is not the initial value.
  if (e.opacity !== '1') copy.setAttribute('opacity', e.opacity);
  if (e.display === 'none') copy.setAttribute('display', 'none');
  for (let i = 0; i < live.children.length; i++) inline(live.children[i], copy.children[i], e);
}

/** Legend symbols drawn with the plot's own classes: a probe in the live <svg> gives their computed style. */
function resolveLegend(svg: SVGSVGElement, groups: LegendGroup[]): LegendGroup[] {
  return groups.map((g) => ({
    ...g,
    items: g.items.map((it) => {
      if (!it.className) return it;
      const probe = document.createElementNS('http://www.w3.org/2000/svg', it.shape);
      probe.setAttribute('class', it.className);
      if (it.fill) probe.setAttribute('fill', it.fill);
      svg.appendChild(probe);
      const e = exported(getComputedStyle(probe));
      probe.remove();
      const attrs: Record<string, string> = {};
      for (const p of PAINT) if (e[p] && !(p === 'opacity' && e[p] === '1')) attrs[p] = e[p];
      return { ...it, attrs: { ...attrs, ...it.attrs } };
    }),
  }));
}

/** Text widths as the PNG will draw them (same fonts), a little wide so that other viewers do not clip. */
function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (t, size) => t.length * size * 0.6;
  return (t, size, weight) => {
    ctx.font = `${weight} ${size}px ${FONT_STACK}`;
    return ctx.measureText(t).width * 1.04 + 1;
  };
}

/** The standalone document for the long section's <svg> as it is now (view, labels, theme). */
export function longSectionSvg(svg: SVGSVGElement, text: ExportText, legend: LegendGroup[]): { svg: string; width: number; height: number } {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inline(svg, copy, null);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('overflow', 'hidden');
  // The font is the document's generic stack; the app's (inherited) one would name its web font.
  copy.removeAttribute('font-family');
  const panel = getComputedStyle(svg.closest('.long-section') ?? svg);
  const v = (name: string, fallback: string) => panel.getPropertyValue(name).trim() || fallback;
  const slide = SLIDE_THEMES[svg.closest('.theme-dark') ? 'dark' : 'light'];
  return assembleSvg({
    plot: { markup: new XMLSerializer().serializeToString(copy), width, height },
    text,
    legend: resolveLegend(svg, legend),
    theme: { background: v('--panel', '#ffffff'), text: v('--text', '#1f2933'), muted: v('--muted', '#616e7c'), line: v('--line', '#d9dee4'), gold: v('--gold', '#c99a2e'),
      badge: { bg: slide.badgeBg, text: slide.badgeText, line: slide.badgeLine } },
    measure: canvasMeasure(),
  });
}

/** Rasterise an SVG document string: an <img> from a Blob URL drawn on a canvas `scale` times its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    // Drawn at the target size, so the browser rasterises the vectors at 2x (not an upscaled bitmap).
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}


/** Download the long section as `<project>-long-section.svg` or `.png` (the PNG from the same SVG string). */
export async function exportLongSection(svg: SVGSVGElement, format: 'svg' | 'png', text: ExportText, legend: LegendGroup[], projectName?: string): Promise<void> {
  const doc = longSectionSvg(svg, text, legend);
  // The PNG stores its title block and footer as text too, as the 3D image exports do.
  const words = { title: text.title, description: `${text.heading} · ${text.details}`, footer: text.disclosure.map((d) => d.text) };
  const blob = format === 'svg' ? new Blob([doc.svg], { type: 'image/svg+xml' }) : await pngWithWords(await svgToPng(doc.svg, doc.width, doc.height, 2), words, new Date());
  downloadBlob(blob, exportFileName(projectName, format));
}
