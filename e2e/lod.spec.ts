/**
 * Levels of detail of the intervals layer (src/domain/segmentLod*.ts, src/scene/segmentLodDraw.ts)
 * on a generated 1,000 holes x 100 intervals: at the overview fewer triangles than full detail and
 * the same picture to the eye, a pick still finds the exact interval, close up full detail, a
 * filter change uploads nothing. The emphasised grades (the second draw, over the surfaces) are
 * drawn at the same levels as the intervals. Nothing is timed (docs/performance.md measures).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { act, canvasPixels, pixelDifference } from './helpers';

const HOLES = 1000;
const PER_HOLE = 100;

let dir = '';
let text = '';

/** Counts every buffer and texture upload of the page's WebGL contexts (window.__uploads). */
function countUploads(): void {
  const w = window as unknown as { __uploads: number };
  w.__uploads = 0;
  const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['bufferData', 'bufferSubData', 'texImage2D', 'texSubImage2D', 'texImage3D', 'texSubImage3D', 'texStorage2D']) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      w.__uploads++;
      return original.apply(this, args);
    };
  }
}

/** Interval pieces at or above the intercept cut-off: what the emphasised grades draw in full detail. */
function emphasisedPieces(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = window.veinscape.store.getState();
    const b = s.prepared!.intervals;
    let n = 0;
    for (let i = 0; i < b.count; i++) if (b.value[i] >= s.interceptQuery.cutoff) n++;
    return n;
  });
}

/** Share of the 3D view's pixels that differ between the levelled page and the full-detail one (both saved). */
async function pixelsDiffering(page: Page, off: Page, name: string): Promise<number> {
  const difference = pixelDifference(await canvasPixels(page), await canvasPixels(off));
  test.info().annotations.push({ type: `pixel difference, levels vs full detail (${name})`, description: String(difference) });
  await page.screenshot({ path: test.info().outputPath(`${name}-lod.png`) });
  await off.screenshot({ path: test.info().outputPath(`${name}-full.png`) });
  return difference;
}

/** Flies close to the middle hole, halfway down, and returns the stats of the still picture there. */
async function closeToMiddleHole(page: Page) {
  await page.evaluate(() => {
    const s = window.veinscape.store.getState();
    const h = s.model!.holes[Math.floor(s.model!.holes.length / 2)];
    s.flyTo(window.veinscape.holePosition(h.id, h.depth / 2));
  });
  await page.waitForTimeout(1500); // the flight takes about 0.9 s
  await page.evaluate(() => window.veinscape.ready());
  return page.evaluate(() => window.veinscape.stats());
}

const entriesOf = (draws: { count: number }[]) => draws.reduce((n, d) => n + d.count, 0);

async function open(page: Page, query: string): Promise<void> {
  await page.addInitScript(countUploads);
  await page.goto(`/?data=${query}`);
  await page.waitForFunction(() => !!window.veinscape);
  const report = await page.evaluate(async (json) => window.veinscape.load(new File([json], 'stress-1000h-100i.json', { type: 'application/json' })), text);
  expect(report.ok).toBe(true);
  expect(report.counts.intervals).toBe(HOLES * PER_HOLE);
  await page.evaluate(() => window.veinscape.ready());
}

test.describe('levels of detail of the intervals', () => {
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'veinscape-lod-'));
    const out = join(dir, 'stress-1000h-100i.json');
    execFileSync('npx', ['tsx', 'scripts/gen-stress.ts', '--holes', String(HOLES), '--intervals', String(PER_HOLE), '--triangles', '20000', '--out', out], { stdio: 'pipe', timeout: 120_000 });
    text = readFileSync(out, 'utf8');
  });

  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('from afar: coarser levels, fewer triangles, the same picture; close up: full detail', async ({ page, browser }) => {
    test.setTimeout(400_000);
    const off = await browser.newPage({ viewport: page.viewportSize()! });
    await open(page, '');
    await open(off, '&lod=off');
    // Eight times farther than the overview: intervals are a small fraction of a pixel.
    const farther = () => {
      const p = window.veinscape.camera();
      const position = p.position.map((x, k) => p.target[k] + 8 * (x - p.target[k])) as [number, number, number];
      // An orthographic view shows less detail by its zoom, a perspective one by its distance.
      window.veinscape.store.getState().setPose({ ...p, position, zoom: p.zoom === undefined ? undefined : p.zoom / 8 }, false);
    };
    await act(page, () => page.evaluate(farther));
    await act(off, () => off.evaluate(farther));
    const far = await page.evaluate(() => window.veinscape.stats());
    const full = await off.evaluate(() => window.veinscape.stats());
    expect(full.lod).toBeNull();
    const drawn = far.lod!.tiles.filter((k) => k >= 0);
    test.info().annotations.push({ type: 'levels from afar', description: JSON.stringify(far.lod) });
    // Most tiles that hold intervals are drawn at a merged level, and the frame has fewer triangles.
    expect(drawn.filter((k) => k > 0).length).toBeGreaterThan(drawn.length / 2);
    const intervalTriangles = 2 * entriesOf(far.lod!.draws);
    const pieces = await page.evaluate(() => window.veinscape.store.getState().prepared!.intervals.count);
    // Both draws of the intervals are levelled: the emphasised grades draw fewer entries than their pieces too.
    const emphasised = await emphasisedPieces(page);
    expect(emphasised).toBeGreaterThan(0);
    const overlayTriangles = 2 * entriesOf(far.lod!.overlay);
    expect(overlayTriangles).toBeLessThan(2 * emphasised);
    // The emphasised grades are drawn in one pass (a ribbon faces the eye: segmentMaterial.ts).
    expect(full.triangles - far.triangles).toBe(2 * pieces - intervalTriangles + (2 * emphasised - overlayTriangles));
    expect(far.triangles).toBeLessThan(full.triangles);
    // Draws: the layer's ranges within the limit (6), the frame's within 50.
    expect(far.lod!.draws.length).toBeLessThanOrEqual(6);
    expect(far.drawCalls).toBeLessThanOrEqual(50);
    // The same picture to the eye: merged runs are at most 1.5 px long where they are drawn.
    expect(await pixelsDiffering(page, off, 'far')).toBeLessThan(0.01);
    // One shader program draws the levels and full detail (a uniform tells them apart): the levelled
    // page builds no program more than the page without levels (each costs 40-170 ms on software WebGL).
    expect(far.programs).toBe(full.programs);

    // Close to a hole halfway down: its tile is drawn in full.
    const close = await closeToMiddleHole(page);
    expect(close.lod!.tiles).toContain(0);
    expect(close.lod!.draws.some((d) => d.level === 0)).toBe(true);
    expect(close.programs).toBe(far.programs);
  });

  test('lit once per pixel (deferredMin=1): the picture and counts drawn forward, three programs more', async ({ page, browser }) => {
    test.setTimeout(300_000);
    const forward = await browser.newPage({ viewport: page.viewportSize()! });
    await open(page, '&deferredMin=1');
    await open(forward, '');
    // The first frame is drawn forward in both: the next one, in the dark theme, is lit once per pixel.
    const dark = () => window.veinscape.store.getState().setTheme('dark');
    await act(page, () => page.evaluate(dark));
    await act(forward, () => forward.evaluate(dark));
    const pixels = (p: Page) =>
      p.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
        const ctx = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d')!;
        ctx.drawImage(c, 0, 0);
        return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
      });
    const [a, b] = [await pixels(page), await pixels(forward)];
    let differing = 0;
    let largest = 0;
    for (let i = 0; i < a.length; i += 4) {
      const d = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
      if (d > 0) differing++;
      largest = Math.max(largest, d);
    }
    test.info().annotations.push({ type: 'pixels differing, once per pixel vs forward', description: `${differing} of ${a.length / 4}, largest ${largest}` });
    // Half-float normals and a view position rebuilt from depth: a few pixels by 1/255 (docs/performance.md, Session 19).
    expect(largest).toBeLessThanOrEqual(2);
    expect(differing).toBeLessThan(0.01 * (a.length / 4));
    const [lit, drawn] = [await page.evaluate(() => window.veinscape.stats()), await forward.evaluate(() => window.veinscape.stats())];
    expect(lit.triangles).toBe(drawn.triangles);
    expect(lit.drawCalls).toBe(drawn.drawCalls);
    // The first pass and the two lighting draws: the path ran.
    expect(lit.programs).toBe(drawn.programs + 3);
  });

  test('over the triangle budget every tile is coarser, and a hover still names the exact interval', async ({ page }) => {
    test.setTimeout(300_000);
    // About 110,000 interval pieces (intervals cut at faults), 220,000 triangles in full: at most 30,000.
    await open(page, '&lodBudget=30000');
    const target = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const t = s.model!.intervals.find((x) => x.id === s.prepared!.valueColumn!.table)!;
      // The longest interval of the middle hole.
      const hole = Math.floor(s.model!.holes.length / 2);
      let best = -1;
      for (let r = 0; r < t.hole.length; r++) if (t.hole[r] === hole && (best < 0 || t.to[r] - t.from[r] > t.to[best] - t.from[best])) best = r;
      const h = s.model!.holes[hole];
      return { id: h.id, from: t.from[best], to: t.to[best], mid: (t.from[best] + t.to[best]) / 2 };
    });
    await page.evaluate((t) => window.veinscape.store.getState().flyTo(window.veinscape.holePosition(t.id, t.mid)), target);
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.veinscape.ready());
    const stats = await page.evaluate(() => window.veinscape.stats());
    expect(2 * entriesOf(stats.lod!.draws)).toBeLessThanOrEqual(30_000);
    expect(Math.min(...stats.lod!.tiles.filter((k) => k >= 0))).toBeGreaterThan(0);
    // The emphasised grades follow: each of their draws is a main draw's tiles at its level (none
    // at full detail here), and they draw fewer triangles than their pieces.
    const { draws, overlay } = stats.lod!;
    expect(overlay.length).toBeGreaterThan(0);
    for (const o of overlay) expect(draws.some((d) => d.level === o.level && d.from === o.from && d.to === o.to)).toBe(true);
    expect(Math.min(...overlay.map((o) => o.level))).toBeGreaterThan(0);
    expect(2 * entriesOf(overlay)).toBeLessThan(2 * (await emphasisedPieces(page)));
    // Picking reads the full-detail index, not what is drawn: the interval under the cursor, to the centimetre.
    const at = await page.evaluate((t) => window.veinscape.project(window.veinscape.holePosition(t.id, t.mid)), target);
    expect(at).not.toBeNull();
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    await page.mouse.move(box.x + at![0] - 20, box.y + at![1], { steps: 1 });
    await page.mouse.move(box.x + at![0], box.y + at![1], { steps: 4 });
    await expect(page.getByTestId('hover-hole')).toHaveText(target.id);
    await expect(page.getByTestId('hover-interval')).toHaveText(`${target.from.toFixed(1)}–${target.to.toFixed(1)} m`);
  });

  // Lit once per pixel too (deferredMin=1): its targets and full-screen draws are made with the
  // first picture, not by the first frame after ready(), which is this change's.
  for (const query of ['', '&deferredMin=1']) {
    test(`a filter change uploads nothing and keeps the levels${query ? ' (lit once per pixel)' : ''}`, async ({ page }) => {
      test.setTimeout(300_000);
      await open(page, query);
      const before = await page.evaluate(() => {
        (window as unknown as { __uploads: number }).__uploads = 0;
        return window.veinscape.stats().lod;
      });
      await act(page, () => page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 2, elevationMin: -300 })));
      const after = await page.evaluate(() => ({ uploads: (window as unknown as { __uploads: number }).__uploads, lod: window.veinscape.stats().lod }));
      expect(before).not.toBeNull();
      // The emphasised grades are drawn by levels too, and a filter change uploads nothing for them either.
      expect(before!.overlay.length).toBeGreaterThan(0);
      expect(after.uploads).toBe(0);
      expect(after.lod).toEqual(before);
    });
  }

  test('a new intercept cut-off redraws the emphasised grades from the pieces at or above it', async ({ page }) => {
    test.setTimeout(300_000);
    await open(page, '');
    // The opening view of 1,000 x 100 is at full detail: an entry is a piece.
    const before = await page.evaluate(() => window.veinscape.stats().lod!);
    expect(before.tiles.every((k) => k <= 0)).toBe(true);
    expect(entriesOf(before.overlay)).toBe(await emphasisedPieces(page));
    await act(page, () => page.evaluate(() => window.veinscape.store.getState().setInterceptQuery({ cutoff: 3 })));
    await page.evaluate(() => window.veinscape.ready());
    const after = await page.evaluate(() => window.veinscape.stats().lod!);
    const pieces = await emphasisedPieces(page);
    expect(pieces).toBeLessThan(entriesOf(before.overlay));
    expect(entriesOf(after.overlay)).toBe(pieces);
  });
});

/**
 * Levels of detail of large surfaces (src/domain/surfaceLod.ts, src/scene/surfaceLodDraw.ts): four
 * generated vein sheets of 200,000 triangles each (the levels start at 100,000) under 100 holes.
 */
test.describe('levels of detail of large surfaces', () => {
  const VEIN_TRIANGLES = 800_000;
  let surfaceText = '';

  test.beforeAll(() => {
    const d = mkdtempSync(join(tmpdir(), 'veinscape-lod-surfaces-'));
    const out = join(d, 'stress-100h-10i.json');
    execFileSync('npx', ['tsx', 'scripts/gen-stress.ts', '--holes', '100', '--intervals', '10', '--triangles', String(VEIN_TRIANGLES), '--out', out], { stdio: 'pipe', timeout: 120_000 });
    surfaceText = readFileSync(out, 'utf8');
    rmSync(d, { recursive: true, force: true });
  });

  async function openSheets(page: Page, query: string): Promise<void> {
    await page.goto(`/?data=${query}`);
    await page.waitForFunction(() => !!window.veinscape);
    const report = await page.evaluate(async (json) => window.veinscape.load(new File([json], 'stress-100h-10i.json', { type: 'application/json' })), surfaceText);
    expect(report.ok).toBe(true);
    await page.evaluate(() => window.veinscape.ready());
  }

  test('at the overview a simplified copy of each sheet, the same picture; close up: full detail', async ({ page, browser }) => {
    test.setTimeout(400_000);
    const off = await browser.newPage({ viewport: page.viewportSize()! });
    await openSheets(page, '');
    await openSheets(off, '&lod=off');
    // Each vein sheet's triangles at full detail: the file's, and a few more where the faults cut it.
    const { file, sheets } = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const veins = s.model!.surfaces.map((x, i) => ({ x, i })).filter(({ x }) => x.zoneId);
      return {
        file: veins.reduce((n, { x }) => n + x.triangles.length / 3, 0),
        sheets: Object.fromEntries(veins.map(({ x, i }) => [`surface:${x.id}`, s.prepared!.surfaces[i].indices.length / 3])),
      };
    });
    expect(file).toBeGreaterThanOrEqual(VEIN_TRIANGLES * 0.99);
    expect(Object.values(sheets).reduce((n, t) => n + t, 0)).toBeGreaterThanOrEqual(file);
    const far = await page.evaluate(() => window.veinscape.stats());
    const full = await off.evaluate(() => window.veinscape.stats());
    test.info().annotations.push({ type: 'surface levels at the overview', description: JSON.stringify(far.surfaceLod) });
    expect(full.surfaceLod).toEqual({});
    // Every sheet is drawn by a copy, and the frame is short of exactly what the copies leave out.
    expect(Object.keys(far.surfaceLod).sort()).toEqual(Object.keys(sheets).sort());
    let saved = 0;
    for (const [name, s] of Object.entries(far.surfaceLod)) {
      expect(s.level).toBeGreaterThan(0);
      expect(s.triangles).toBeLessThanOrEqual(sheets[name] / 2);
      saved += sheets[name] - s.triangles;
    }
    expect(full.triangles - far.triangles).toBe(saved);
    // The same picture to the eye: a copy is at most a pixel off where it is drawn, and shades alike.
    expect(await pixelsDiffering(page, off, 'sheets')).toBeLessThan(0.01);

    // Close to a hole halfway down, inside the sheets' boxes: full detail there.
    const close = await closeToMiddleHole(page);
    expect(Object.values(close.surfaceLod).some((s) => s.level === 0)).toBe(true);
    expect(close.triangles).toBeGreaterThan(far.triangles);
  });
});
