/**
 * "Nothing shown before it is released" (issue 21), in the built app: ?disclosed=YYYY-MM-DD hides
 * the holes of later releases (counted here from the sample file), the intercept table holds none
 * of their intercepts even with "only in view" unticked, presentation steps keep the date, and an
 * export with undisclosed results in it is refused until the choice is made, then carries the
 * choice in a veinscape:internal PNG text chunk; the roadshow built with --disclosed keeps its date.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pngTextChunks, screenshotPng } from './helpers';

interface SampleFile {
  releases: { id: string; date: string }[];
  holes: { id: string; release?: string }[];
}
const sample = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')) as SampleFile;
const DATE = '2006-01-01';
const releaseDate = new Map(sample.releases.map((r) => [r.id, r.date]));
/** Holes whose release is dated on or before DATE: string comparison of ISO dates, done here. */
const disclosed = sample.holes.filter((h) => h.release !== undefined && releaseDate.get(h.release)! <= DATE).map((h) => h.id);
const hidden = new Set(sample.holes.map((h) => h.id).filter((id) => !disclosed.includes(id)));

const count = async (page: Page, id: string) => {
  const el = page.getByTestId(id);
  await expect(el).not.toHaveAttribute('data-pending', 'true');
  return Number((await el.textContent())!.replace(/,/g, ''));
};

test.describe('as disclosed on a date', () => {
  test('?disclosed hides the holes of later releases, in the counts and in the intercept table', async ({ page }) => {
    // The sample's 2005 program came out in two releases; DATE falls between them.
    expect(disclosed.length).toBeGreaterThan(0);
    expect(hidden.size).toBeGreaterThan(0);
    expect(disclosed.some((id) => id.startsWith('RK05'))).toBe(true);
    expect([...hidden].some((id) => id.startsWith('RK05'))).toBe(true);
    await openApp(page, `?disclosed=${DATE}`);
    await expect(page.getByTestId('disclosed-on')).toHaveValue(DATE);
    expect(await count(page, 'count-holes')).toBe(disclosed.length);
    await expect(page.getByTestId('disclosure-summary')).toContainText(`${disclosed.length} of ${sample.holes.length} holes disclosed`);
    await expect(page.getByTestId('disclosure-summary')).toContainText('NR-2005-11 (November 8, 2005)');

    // Every intercept of the table, in view or not: none from a hidden hole.
    await page.getByTestId('intercept-table-toggle').click();
    await page.getByTestId('intercept-only-in-view').uncheck();
    await expect(page.getByTestId('intercept-row').first()).toBeVisible();
    const holes = await page.getByTestId('intercept-row').locator('td:first-child').allTextContents();
    expect(holes.length).toBeGreaterThan(0);
    expect(holes.filter((h) => hidden.has(h.trim()))).toEqual([]);

    // The long section's pierce points (and the contours made from them): disclosed holes only.
    await page.getByRole('button', { name: 'Long section', exact: true }).click();
    await expect(page.getByTestId('pierce-point').first()).toBeVisible();
    const pierced = await page.getByTestId('pierce-point').evaluateAll((els) => els.map((e) => e.getAttribute('data-hole') ?? ''));
    expect(pierced.length).toBeGreaterThan(0);
    expect(pierced.filter((h) => hidden.has(h))).toEqual([]);

    // Clearing the date (picking "every hole") shows them all again.
    await page.getByTestId('disclosed-by-release').selectOption('');
    expect(await count(page, 'count-holes')).toBe(sample.holes.length);
    await expect.poll(async () => (await page.getByTestId('pierce-point').evaluateAll((els) => els.map((e) => e.getAttribute('data-hole') ?? ''))).some((h) => hidden.has(h))).toBe(true);
  });

  test('presentation steps keep the date (a view never lifts it)', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, `?disclosed=${DATE}`);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    for (const step of [1, 2]) {
      if (step > 1) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('tour-caption')).toContainText(`${step} / `);
      await page.evaluate(() => window.veinscape.ready());
      expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn)).toBe(DATE);
      expect(await count(page, 'count-holes')).toBe(disclosed.length);
    }
    // A picture of the step is for release: no refusal, no internal mark.
    const texts = pngTextChunks(await screenshotPng(page, { width: 480, height: 270 }));
    expect('veinscape:internal' in texts).toBe(false);
  });

  test('a tour by release steps forward through its views\' dates, never past the limit the address set', async ({ page }) => {
    test.setTimeout(120_000);
    const LIMIT = '2006-03-01';
    await openApp(page, `?disclosed=${LIMIT}`);
    // The sample with its first three views dated: the first release, a date past the limit, none.
    const doc = JSON.parse(JSON.stringify(sample)) as SampleFile & { views: { filters?: Record<string, unknown> }[] };
    const first = sample.releases.map((r) => r.date).sort()[0];
    doc.views[0].filters = { ...doc.views[0].filters, disclosedOn: first };
    doc.views[1].filters = { ...doc.views[1].filters, disclosedOn: '2099-01-01' };
    await page.evaluate(async (d) => { await window.veinscape.load(d); await window.veinscape.ready(); }, doc);
    const shownOn = (date: string) => sample.holes.filter((h) => h.release !== undefined && releaseDate.get(h.release)! <= date).length;
    expect(shownOn(first)).toBeLessThan(shownOn(LIMIT));
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    // Step 1: its own, earlier date; step 2: its date is past the limit, so the limit; step 3: no date, the limit.
    for (const [step, date] of [[1, first], [2, LIMIT], [3, LIMIT]] as const) {
      if (step > 1) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('tour-caption')).toContainText(`${step} / `);
      await page.evaluate(() => window.veinscape.ready());
      expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn), `step ${step}`).toBe(date);
      expect(await count(page, 'count-holes'), `step ${step}`).toBe(shownOn(date));
    }
  });

  test('an embargoed hole never appears in an export: its picture is empty, the same picture without the date shows it', async ({ page }) => {
    test.setTimeout(120_000);
    // A drilled hole released after the date (planned holes have no release at all).
    const late = sample.holes.find((h) => h.release !== undefined && releaseDate.get(h.release)! > DATE)!;
    expect(late, 'the sample has a hole released after the date').toBeTruthy();
    await openApp(page, `?disclosed=${DATE}`);
    /** Drawn pixels of a transparent export showing only the holes' traces and intervals, and only `late`. */
    const drawn = (internal: boolean) =>
      page.evaluate(
        async ({ id, internal }) => {
          const s = window.veinscape.store.getState();
          for (const l of Object.keys(s.layerVisible) as (keyof typeof s.layerVisible)[]) s.setLayerVisible(l, l === 'traces' || l === 'intervals');
          s.setFilters({ onlyHoles: [id] });
          await window.veinscape.ready();
          const blob = await window.veinscape.screenshot({ width: 800, height: 500, transparent: true, overlays: false, internal });
          const img = await createImageBitmap(blob);
          const c = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
          c.drawImage(img, 0, 0);
          const px = c.getImageData(0, 0, img.width, img.height).data;
          let n = 0;
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
          return n;
        },
        { id: late.id, internal },
      );
    expect(await drawn(false), `${late.id} is drawn as disclosed on ${DATE}`).toBe(0);
    // The same picture with no date (an internal picture, so the export is allowed): the hole is there.
    await page.evaluate(() => window.veinscape.store.getState().setDisclosureLimit(null));
    expect(await drawn(true)).toBeGreaterThan(50);
  });

  test('an export with undisclosed results is refused without the choice, and marked internal with it', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    // A disclosure date after today: results not yet released would show.
    await page.getByTestId('disclosed-on').fill('2999-01-01');
    await page.getByRole('button', { name: 'Export image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await dialog.getByLabel('Window').check();
    await dialog.getByRole('button', { name: 'Download PNG' }).click();
    await expect(dialog.getByTestId('export-result')).toContainText('would show drilling results not yet released');
    // The API refuses too.
    const refused = await page.evaluate(() => window.veinscape.screenshot({ width: 320, height: 180 }).then(() => 'made', (e: Error) => e.message));
    expect(refused).toMatch(/not yet released/);

    await dialog.getByTestId('export-include-undisclosed').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    const chunk = pngTextChunks(readFileSync((await download.path())!))['veinscape:internal'];
    expect(chunk).toBeDefined();
    expect(JSON.parse(chunk!)).toMatchObject({ internal: true, disclosedOn: '2999-01-01', undisclosed: true });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The long section's PNG export is refused too (it has no internal choice).
    await page.getByRole('button', { name: 'Long section', exact: true }).click();
    await expect(page.getByTestId('long-section')).toBeVisible();
    const alerted = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByTestId('long-section-export-png').click();
    expect(await alerted).toContain('would show drilling results not yet released');
    expect(downloaded).toBe(false);
  });

  test('the roadshow built with --disclosed opens as disclosed on that date, and a query cannot lift it', async ({ page }) => {
    test.setTimeout(240_000);
    const out = mkdtempSync(join(tmpdir(), 'roadshow-disclosed-'));
    execFileSync('node', ['scripts/build-roadshow.mjs', '--out', out, '--disclosed', DATE], { stdio: 'pipe' });
    await page.goto(`file://${join(out, 'veinscape-roadshow.html')}?disclosed=2030-01-01`);
    await page.waitForFunction(() => 'veinscape' in window);
    await page.evaluate(() => window.veinscape.ready());
    expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn)).toBe(DATE);
    expect(await count(page, 'count-holes')).toBe(disclosed.length);
  });
});
