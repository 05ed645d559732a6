/**
 * Long-section export: the SVG and PNG buttons download a standalone SVG (the on-screen drawing
 * with its styles inlined, a title block, legend and disclosure) and a PNG rasterised from that
 * same SVG at twice its size. Data text (the project name) goes in escaped, as text.
 * VEINSCAPE_EXPORT_DIR=/some/dir keeps the downloaded files, to look at them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pngStats } from './helpers';

const sample = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'));
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The highest grade class of DEFAULT_GOLD_BINS (≥ 10 g/t). */
const HIGH_GRADE = [0xd7, 0x30, 0x27];

async function openLongSection(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Long section', exact: true }).click();
  await expect(page.getByTestId('long-section')).toBeVisible();
  await expect(page.getByTestId('pierce-point').first()).toBeVisible();
}

async function download(page: Page, format: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`long-section-export-${format}`).click()]);
  const bytes = readFileSync((await dl.path())!);
  const keep = process.env.VEINSCAPE_EXPORT_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, dl.suggestedFilename()), bytes);
  }
  return { name: dl.suggestedFilename(), bytes };
}

/** Element counts by selector in the on-screen <svg> and in the exported document (parsed in the page). */
const SELECTORS = {
  piercePoints: '[data-testid="pierce-point"]',
  labels: 'text.ls-label',
  contours: '[data-testid="long-section-contour"]',
  contourLabels: 'text.ls-contour-label',
  bands: 'path.ls-band',
  veins: 'path.ls-vein',
  resources: '[data-testid="long-section-resource"]',
  workings: '[data-testid="long-section-working"]',
  ticks: 'text.ls-tick',
};

async function inspect(page: Page, svg: string) {
  return page.evaluate(({ src, sel }) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const root = doc.documentElement;
    const screen = document.querySelector('[data-testid="long-section-svg"]')!;
    const counts = (el: ParentNode) => Object.fromEntries(Object.entries(sel).map(([k, s]) => [k, el.querySelectorAll(s).length]));
    const part = (name: string) => [...root.querySelectorAll(`[data-part="${name}"] text`)].map((t) => t.textContent).join(' ');
    // The richest pierce point (drawn last) and a label: as the browser drew them on screen, and as written.
    const onScreen = screen.querySelectorAll('[data-kind="intercept"]');
    const pp = onScreen[onScreen.length - 1];
    const written = root.querySelectorAll('[data-kind="intercept"]');
    const exportedPp = written.length === onScreen.length ? written[written.length - 1] : null;
    const label = root.querySelector('text.ls-label');
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      tag: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      fontFamily: root.getAttribute('font-family'),
      background: root.querySelector(':scope > rect')?.getAttribute('fill'),
      screen: counts(screen),
      exported: counts(root),
      title: part('title-block'),
      footer: part('footer'),
      legend: part('legend'),
      markupInText: root.querySelectorAll('b, script, foreignObject, style, link').length,
      ppFill: { screen: getComputedStyle(pp).fill, exported: exportedPp?.getAttribute('fill') ?? null, stroke: exportedPp?.getAttribute('stroke') ?? null },
      label: { fill: label?.getAttribute('fill'), size: label?.getAttribute('font-size'), halo: label?.getAttribute('stroke') },
    };
  }, { src: svg, sel: SELECTORS });
}


test.describe('long-section export', () => {
  test('SVG: standalone, the same elements as on screen, styles resolved, title block and disclosure; PNG from it at 2x', async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
    const project = await page.evaluate(() => window.veinscape.store.getState().model!.project);

    const svgFile = await download(page, 'svg');
    expect(svgFile.name).toBe('rocmec-1-russian-kid-illustrative-model-long-section.svg');
    const svg = svgFile.bytes.toString('utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/<style|<link|url\((?!#)|@import|stylesheet/i);

    const r = await inspect(page, svg);
    expect(r.parseError).toBeNull();
    expect(r.tag).toBe('svg');
    expect(r.ns).toBe('http://www.w3.org/2000/svg');
    expect(r.viewBox).toBe(`0 0 ${r.width} ${r.height}`);
    expect(r.width).toBeGreaterThan(500);
    expect(r.fontFamily).toMatch(/sans-serif$/);
    expect(r.background).toMatch(/^#f[ef]f[ef]f[ef]$/);
    // Everything the panel draws is in the file, element for element.
    expect(r.screen.piercePoints).toBeGreaterThan(100);
    expect(r.screen.labels).toBeGreaterThan(2);
    expect(r.screen.contours).toBeGreaterThan(10);
    expect(r.screen.veins).toBeGreaterThan(0);
    expect(r.exported).toEqual(r.screen);
    // Computed styles written out: the grade colour of a pierce point, label colour, size and halo.
    expect(r.ppFill.exported).not.toBeNull();
    const hex = (rgb: string) => '#' + rgb.match(/\d+/g)!.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    expect(r.ppFill.exported).toBe(hex(r.ppFill.screen));
    expect(r.ppFill.stroke).toBe('#1f2933');
    expect(r.label).toEqual({ fill: '#1f2933', size: '10', halo: '#fbfcfd' });
    // Title block, legend and disclosure.
    expect(r.title).toContain(project.name);
    expect(r.title).toContain('Long section (vertical longitudinal projection) · McDowell');
    expect(r.title).toMatch(/[A-Z][a-z]+ \d{1,2}, \d{4} · Strike \d{3}°, looking \d{3}° · VE 1:1 \(true scale\)/);
    expect(r.title).toContain('Illustrative model - not a resource model');
    expect(r.legend).toContain('Contours, g/t·m');
    expect(r.legend).toContain('≥ 20');
    expect(r.legend).toContain('Au, capped at 45 g/t');
    expect(r.footer).toContain('Pierce-point labels: Capped grade (g/t) over HW (m); (TW) = true width, (CL) = core length where the HW is unknown');
    expect(r.footer).toContain('g/t·m = capped grade × horizontal width (HW)');
    expect(r.footer).toContain(project.disclaimer!.replace(/\s+/g, ' '));
    expect(r.footer).toContain(project.qualifiedPerson!);

    // The PNG is the same document rasterised at twice its size.
    const pngFile = await download(page, 'png');
    expect(pngFile.name).toBe('rocmec-1-russian-kid-illustrative-model-long-section.png');
    expect([...pngFile.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // Its title and maker stored as PNG text (iTXt: keyword, NUL, two flags, two empty fields, text).
    expect(pngFile.bytes.includes(Buffer.from(`iTXtTitle\0\0\0\0\0${project.name}`))).toBe(true);
    expect(pngFile.bytes.includes(Buffer.from('iTXtSoftware\0\0\0\0\0Veinscape'))).toBe(true);
    expect([pngFile.bytes.readUInt32BE(16), pngFile.bytes.readUInt32BE(20)]).toEqual([2 * r.width, 2 * r.height]);
    const stats = await pngStats(page, pngFile.bytes, HIGH_GRADE);
    expect([stats.width, stats.height]).toEqual([2 * r.width, 2 * r.height]);
    expect(stats.colours, 'distinct colours: not blank').toBeGreaterThan(40);
    expect(stats.high, 'pixels of the ≥ 10 g/t class colour').toBeGreaterThan(400);
  });

  test('the label mode and the dark theme are what the file says and shows; no CSS variable is left', async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
    await page.getByRole('group', { name: 'Long-section pierce-point labels' }).getByRole('button', { name: 'Hole' }).click();
    await page.evaluate(() => window.veinscape.store.getState().setTheme('dark'));
    await expect(page.locator('.app.theme-dark')).toBeVisible();
    // Expanded: the export is the size of the panel as it is drawn.
    await page.getByRole('button', { name: 'Expand long section' }).click();
    await expect(page.getByTestId('long-section')).toHaveClass(/expanded/);
    const svg = (await download(page, 'svg')).bytes.toString('utf8');
    expect(svg).not.toContain('var(--');
    const r = await inspect(page, svg);
    expect(r.parseError).toBeNull();
    expect(r.exported).toEqual(r.screen);
    expect(r.footer).toContain('Pierce-point labels: Hole id.');
    // The theme's panel colour and its light label text, as concrete colours.
    expect(r.background).toBe('#1e2328');
    expect(r.label.fill).toBe('#e4e7eb');
    expect(r.width).toBeGreaterThan(900);
    const png = (await download(page, 'png')).bytes;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * r.width, 2 * r.height]);
  });

  test('shaded by distance to data: the toggle adds the veil and its legend; the SVG and PNG carry both', async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
    const veil = page.getByTestId('long-section-distance-veil');
    await expect(veil).toHaveCount(0);
    await page.getByRole('button', { name: 'Shade the long section by distance to data' }).click();
    // Holes are far apart at depth: every veiled class shows somewhere on the sample's section.
    await expect(veil.locator('path.ls-veil')).toHaveCount(3);
    expect(await veil.locator('path.ls-veil').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-class'), getComputedStyle(p).fillOpacity])))
      .toEqual([['interpolated', '0.3'], ['sparse', '0.55'], ['extrapolated', '0.75']]);
    await expect(page.getByTestId('long-section-distance-legend')).toHaveText(
      'Distance to nearest pierce point≤ 25 m informed25–50 m interpolated50–100 m sparse> 100 m extrapolated');

    const svg = (await download(page, 'svg')).bytes.toString('utf8');
    const r = await inspect(page, svg);
    expect(r.parseError).toBeNull();
    expect(r.exported).toEqual(r.screen);
    const written = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return [...doc.querySelectorAll('[data-part="plot"] path.ls-veil')].map((p) => [p.getAttribute('data-class'), p.getAttribute('fill-opacity'), p.getAttribute('fill')]);
    }, svg);
    expect(written).toEqual([['interpolated', '0.3', '#fbfcfd'], ['sparse', '0.55', '#fbfcfd'], ['extrapolated', '0.75', '#fbfcfd']]);
    expect(r.legend).toContain('Distance to nearest pierce point ≤ 25 m informed 25–50 m interpolated 50–100 m sparse > 100 m extrapolated');
    expect(r.footer).toContain('Shaded by distance in the section plane to the nearest pierce point with a g/t·m');

    // The PNG (twice the SVG's size) shows the legend's "> 100 m" swatch as the SVG places it:
    // #fbfcfd at 0.75 over #78c679 = (218, 238, 220).
    const png = (await download(page, 'png')).bytes;
    const pixel = await page.evaluate(async ({ src, b64 }) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const veils = doc.querySelectorAll('[data-part="legend"] rect[fill-opacity="0.75"]');
      const r = veils[veils.length - 1];
      const x = 2 * (Number(r.getAttribute('x')) + 8), y = 2 * (Number(r.getAttribute('y')) + 5);
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = Object.assign(document.createElement('canvas'), { width: bmp.width, height: bmp.height }).getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    }, { src: svg, b64: png.toString('base64') });
    [218, 238, 220].forEach((v, i) => expect(Math.abs(pixel[i] - v), `channel ${i} of ${pixel}`).toBeLessThanOrEqual(3));
  });

  test('a project name with markup characters is escaped text in the file and in its name', async ({ page }) => {
    await openApp(page);
    const doc = structuredClone(sample);
    doc.project.name = 'Rocmec <b>&</b> "quoted"';
    const report = await page.evaluate((d) => window.veinscape.load(d), doc);
    expect(report.ok).toBe(true);
    await page.evaluate(() => window.veinscape.ready());
    await openLongSection(page);
    const file = await download(page, 'svg');
    expect(file.name).toBe('rocmec-b-b-quoted-long-section.svg');
    const svg = file.bytes.toString('utf8');
    expect(svg).toContain('Rocmec &lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot;');
    expect(svg).not.toContain('<b>');
    const r = await inspect(page, svg);
    expect(r.parseError).toBeNull();
    expect(r.markupInText).toBe(0);
    expect(r.title).toContain('Rocmec <b>&</b> "quoted"');
    // The PNG renders it too (an unescaped & would make the SVG image fail to load).
    const png = await download(page, 'png');
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  });
});
