import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { act, canvasPixels, distinctColours, frames, openApp, pixelDifference } from './helpers';

test.describe('the Rocmec 1 sample in the browser', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('opens the sample, draws it, and says it is illustrative', async ({ page }) => {
    await expect(page.getByTestId('project-name')).toContainText('Rocmec 1');
    await expect(page.getByText('Illustrative model', { exact: true })).toBeVisible();
    await expect(page.getByTestId('disclaimer')).toContainText(/illustrative/i);
    const px = await canvasPixels(page);
    expect(distinctColours(px)).toBeGreaterThan(20);
    const stats = await page.evaluate(() => window.veinscape.stats());
    expect(stats.triangles).toBeGreaterThan(10000);
    // Instanced layers: a handful of draw calls, not one per hole or interval.
    const holes = await page.evaluate(() => window.veinscape.store.getState().model!.holes.length);
    expect(holes).toBeGreaterThan(100);
    expect(stats.drawCalls).toBeLessThan(80);
    await expect(page.getByTestId('legend')).toContainText('g/t');
  });

  test('draws nothing while idle', async ({ page }) => {
    const before = await frames(page);
    await page.waitForTimeout(1500);
    expect(await frames(page)).toBe(before);
  });

  test('hiding a zone through the UI changes the picture', async ({ page }) => {
    const zone = await page.evaluate(() => window.veinscape.store.getState().model!.zones.find((z) => z.kind === 'vein' && /mcdowell/i.test(z.name))!.id);
    const before = await canvasPixels(page);
    await act(page, () => page.getByTestId(`zone-toggle-${zone}`).locator('input').uncheck());
    expect(await page.evaluate((z) => window.veinscape.store.getState().zoneVisible[z], zone)).toBe(false);
    const after = await canvasPixels(page);
    expect(pixelDifference(before, after)).toBeGreaterThan(0.002);
  });

  test('the grade cut-off through the UI changes the picture without rebuilding geometry', async ({ page }) => {
    const geometries = (await page.evaluate(() => window.veinscape.stats())).geometries;
    const before = await canvasPixels(page);
    await page.getByLabel('Hide', { exact: true }).check();
    await act(page, () => page.getByTestId('cutoff-input').fill('5'));
    expect(await page.evaluate(() => window.veinscape.store.getState().filters)).toMatchObject({ gradeCutoff: 5, belowCutoff: 'hide' });
    const after = await canvasPixels(page);
    expect(pixelDifference(before, after)).toBeGreaterThan(0.002);
    expect((await page.evaluate(() => window.veinscape.stats())).geometries).toBe(geometries);
  });

  test('each filter control edits its own filter, and a change rewrites no other control', async ({ page }) => {
    const panel = page.getByRole('region', { name: 'Filters' });
    await panel.getByLabel('Minimum elevation in m').fill('-250');
    await panel.getByLabel('Maximum depth along hole in m').fill('400');
    await panel.getByLabel('Planned', { exact: true }).uncheck();
    await panel.getByLabel('Search hole id').fill('RK');
    expect(await page.evaluate(() => window.veinscape.store.getState().filters)).toMatchObject({
      elevationMin: -250, elevationMax: null, depthMax: 400, status: { drilled: true, planned: false }, holeSearch: 'RK',
    });
    // A grade change from the API: only the cut-off's own inputs (and the counts) may be touched.
    // (React rewrites every attribute of a controlled input it re-renders; twenty inputs' style and
    // layout were a third of a filter change's main-thread time on a large deposit.)
    const touched = await page.evaluate(async () => {
      const root = document.querySelector('section[aria-label="Filters"]')!;
      const seen = new Set<string>();
      const observer = new MutationObserver((list) => {
        for (const m of list) {
          const input = (m.target as Element).closest?.('input');
          if (input) seen.add(input.getAttribute('aria-label') ?? input.type);
        }
      });
      observer.observe(root, { subtree: true, attributes: true });
      window.veinscape.store.getState().setFilters({ gradeCutoff: 2.5 });
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return [...seen].sort();
    });
    expect(touched.every((label) => /cut-off/i.test(label))).toBe(true);
    await expect(panel.getByLabel('Minimum elevation in m')).toHaveValue('-250');
    await expect(panel.getByTestId('cutoff-input')).toHaveValue('2.5');
    // The interval count is of rows with a value at or above the cut-off, and says so.
    await expect(panel.getByTestId('in-view-counts')).toContainText('intervals ≥ 2.5 g/t');
    await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 0 }));
    await expect(panel.getByTestId('in-view-counts')).toContainText('assayed intervals');
  });

  test('a count the worker counter cannot answer is counted on the page, not left pending', async ({ page }) => {
    const line = page.getByTestId('in-view-counts');
    const settledIntervals = async () => {
      await expect(line).not.toHaveAttribute('data-pending', { timeout: 20_000 });
      return page.getByTestId('count-intervals').textContent();
    };
    await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 3 }));
    const byWorker = await settledIntervals();
    await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 0 }));
    await settledIntervals();
    // From now on the counter gets requests it cannot count (their filters dropped): it answers
    // with an error, and stays on.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage as (this: Worker, m: unknown, t?: Transferable[]) => void;
      Worker.prototype.postMessage = function (this: Worker, m: unknown, t?: Transferable[]) {
        const req = m as { kind?: string } | null;
        return post.call(this, req && req.kind === 'count' ? { ...req, filters: null } : m, t);
      } as typeof Worker.prototype.postMessage;
    });
    await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 3 }));
    expect(await settledIntervals()).toBe(byWorker);
  });

  test('moving a fault offset in the store moves the veins on its moving side', async ({ page }) => {
    const before = await canvasPixels(page);
    const geometries = (await page.evaluate(() => window.veinscape.stats())).geometries;
    await act(page, () => page.evaluate(() => window.veinscape.store.getState().restoreAll()));
    const restored = await canvasPixels(page);
    expect(pixelDifference(before, restored)).toBeGreaterThan(0.001);
    expect((await page.evaluate(() => window.veinscape.stats())).geometries).toBe(geometries);
    await act(page, () => page.evaluate(() => window.veinscape.store.getState().asMapped()));
    expect(pixelDifference(before, await canvasPixels(page))).toBeLessThan(0.001);
  });

  test('view presets move the camera', async ({ page }) => {
    const iso = await canvasPixels(page);
    await act(page, () => page.getByRole('button', { name: 'Plan', exact: true }).click());
    const plan = await canvasPixels(page);
    expect(pixelDifference(iso, plan)).toBeGreaterThan(0.05);
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    expect(pixelDifference(plan, await canvasPixels(page))).toBeGreaterThan(0.05);
  });

  test('clicking a hole opens the info panel with its id, depth and true coordinates', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    // Pick the McDowell interval of a drilled hole: find one through the API, then click where it is drawn.
    const target = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const m = s.model!;
      const t = m.intervals[0];
      const zones = t.categorical.zone;
      for (let r = 0; r < t.hole.length; r++) {
        const code = zones.codes[r];
        if (code < 0 || !/mcdowell/i.test(zones.categories[code])) continue;
        const h = m.holes[t.hole[r]];
        const depth = (t.from[r] + t.to[r]) / 2;
        const p = window.veinscape.holePosition(h.id, depth);
        const px = window.veinscape.project(p);
        if (px && px[0] > 350 && px[0] < 1200 && px[1] > 80 && px[1] < 700) return { id: h.id, depth, px, p };
      }
      return null;
    });
    expect(target).not.toBeNull();
    // Restore nothing: the hole is drawn as mapped (blocks move only if offsets change).
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    await page.mouse.click(box.x + target!.px[0], box.y + target!.px[1]);
    const panel = page.getByTestId('info-panel');
    await expect(panel).toBeVisible();
    const shownId = await page.getByTestId('info-hole').textContent();
    const sel = await page.evaluate(() => window.veinscape.store.getState().selection);
    expect(sel).not.toBeNull();
    // The panel's coordinates are the true (float64) position at the picked depth.
    const shown = await page.evaluate(() => window.veinscape.store.getState().selection);
    const truth = await page.evaluate(([id, d]) => window.veinscape.holePosition(id as string, d as number), [shownId, shown!.depth]);
    await expect(page.getByTestId('info-e')).toHaveText(`${truth[0].toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} m E`);
    await expect(page.getByTestId('info-n')).toHaveText(`${truth[1].toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} m N`);
    expect(truth[1]).toBeGreaterThan(5_000_000);
    await expect(page.getByTestId('info-depth')).toContainText(' m');
  });

  test('a malformed file is reported and the dataset on screen stays', async ({ page }) => {
    const before = await canvasPixels(page);
    const name = await page.getByTestId('project-name').textContent();
    await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "veinscape", "schemaVersion": 1, "project": ') });
    const report = page.getByTestId('load-report');
    await expect(report).toContainText('Could not load broken.json');
    await expect(report).toContainText('not valid JSON');
    await expect(report).toContainText('unchanged');
    await expect(page.getByTestId('project-name')).toHaveText(name!);
    expect(pixelDifference(before, await canvasPixels(page))).toBeLessThan(0.001);
    // An unknown schema version fails the same way.
    await page.getByTestId('file-input').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "veinscape", "schemaVersion": 9, "project": {}}') });
    await expect(report).toContainText('unknown schema version 9');
    await expect(page.getByTestId('project-name')).toHaveText(name!);
  });
});

test.describe('loading through the API', () => {
  const mini = JSON.parse(readFileSync(new URL('../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));

  test('bad records are reported with path and id, valid ones load, and data text stays text', async ({ page }) => {
    await openApp(page);
    const doc = structuredClone(mini);
    doc.holes.push({ id: '<img src=x onerror=alert(1)>', collar: [1, 2], depth: 10 });
    const report = await page.evaluate((d) => window.veinscape.load(d), doc);
    await page.evaluate(() => window.veinscape.ready());
    expect(report.ok).toBe(true);
    expect(report.counts.holes).toBe(3);
    expect(report.errors).toContainEqual(expect.objectContaining({ path: '$.holes[3].collar', id: '<img src=x onerror=alert(1)>' }));
    await expect(page.getByTestId('project-name')).toHaveText('Mini test deposit');
    // Shown as text, not HTML.
    await expect(page.getByTestId('load-report')).toContainText('[<img src=x onerror=alert(1)>]');
    expect(await page.locator('.report img').count()).toBe(0);
    await expect(page.getByTestId('disclaimer')).toContainText('<b>not HTML</b>');
  });

  test('holePosition gives true coordinates along a hole', async ({ page }) => {
    await openApp(page);
    await page.evaluate((d) => window.veinscape.load(d), mini);
    await page.evaluate(() => window.veinscape.ready());
    // PL-1: no survey, collar azimuth 0°, dip -60°: at 100 m it is 50 m north and 86.60 m lower.
    const p = await page.evaluate(() => window.veinscape.holePosition('PL-1', 100));
    const [e, n, z] = mini.holes[2].collar;
    expect(p[0]).toBeCloseTo(e, 6);
    expect(p[1]).toBeCloseTo(n + 50, 6);
    expect(p[2]).toBeCloseTo(z - 86.6025, 3);
    const err = await page.evaluate(() => { try { window.veinscape.holePosition('NOPE', 1); return ''; } catch (e) { return (e as Error).message; } });
    expect(err).toMatch(/unknown hole "NOPE"/);
  });

  test('load accepts a URL and an array of files', async ({ page }) => {
    await openApp(page);
    const viaFiles = await page.evaluate(async (text) => {
      const f = new File([text], 'mini.json', { type: 'application/json' });
      const csv = new File(['HOLEID,X\n'], 'collar.csv', { type: 'text/csv' });
      return window.veinscape.load([f, csv]);
    }, JSON.stringify(mini));
    expect(viaFiles.ok).toBe(true);
    expect(viaFiles.warnings.some((w) => w.path === 'collar.csv')).toBe(true);
    const viaUrl = await page.evaluate(() => window.veinscape.load('./does-not-exist.json'));
    expect(viaUrl.ok).toBe(false);
    expect(viaUrl.errors[0].message).toMatch(/404|HTML page/);
    await expect(page.getByTestId('project-name')).toHaveText('Mini test deposit');
  });
});
