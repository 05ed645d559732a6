import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { canvasPixels, openApp, pixelDifference } from './helpers';

/** disclosurePreset('McDowell', 45) from src/domain/interceptQuery.ts, as the UI applies it. */
const DISCLOSURE = { cutoff: 0, minLength: 0, maxDilution: 0, topCut: 45, includeCutoff: null, domain: 'zone', system: 'McDowell' };

/** N of "showing 200 of N" above the table. */
async function tableCount(page: Page): Promise<number> {
  const el = page.getByTestId('intercept-table-count');
  await expect(el).not.toHaveAttribute('data-pending', 'true'); // recomputed in the background
  const text = (await el.textContent()) ?? '';
  const m = /showing (\d+) of (\d+)/.exec(text);
  expect(m, `count text "${text}"`).not.toBeNull();
  return Number(m![2]);
}

/** Text of cell `col` (0-based) of table row `row`. */
async function cell(page: Page, row: number, col: number): Promise<string> {
  return (await page.getByTestId('intercept-row').nth(row).locator('td').nth(col).textContent()) ?? '';
}

test.describe('significant intercepts and the strip log', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('the disclosure preset reproduces the McDowell figure, and the table matches the API', async ({ page }) => {
    // Computed on load with the default settings.
    await expect(page.getByTestId('intercept-summary')).toContainText(/\d+ intercepts · [\d.]+ g\/t Au over [\d.]+ m/);
    await page.getByTestId('intercept-preset').click();
    const summary = page.getByTestId('intercept-summary');
    await expect(summary).toContainText('6.07 g/t');
    await expect(summary).toContainText('0.82 m');
    await expect(summary).toContainText('HW');
    await expect(page.getByTestId('intercept-system')).toHaveValue('McDowell');
    expect(await page.evaluate(() => window.veinscape.store.getState().interceptQuery)).toMatchObject(DISCLOSURE);

    await page.getByTestId('intercept-table-toggle').click();
    await expect(page.getByTestId('intercept-table')).toBeVisible();
    const n = await tableCount(page);
    const api = await page.evaluate((q) => window.veinscape.intercepts(q).length, DISCLOSURE);
    expect(n).toBe(api);
    expect(n).toBeGreaterThan(100);
    await expect(page.getByTestId('intercept-row')).toHaveCount(Math.min(200, n));
    await expect(summary).toContainText(`${n.toLocaleString('en-US')} intercepts`);
  });

  test('cut-off through the UI changes the count; headers sort the table', async ({ page }) => {
    await page.getByTestId('intercept-preset').click();
    await page.getByTestId('intercept-table-toggle').click();
    const before = await tableCount(page);
    await page.getByTestId('intercept-cutoff').fill('5');
    await expect.poll(() => tableCount(page)).not.toBe(before);
    const after = await tableCount(page);
    expect(after).toBeLessThan(before);
    expect(after).toBe(await page.evaluate((q) => window.veinscape.intercepts({ ...q, cutoff: 5 }).length, DISCLOSURE));

    // Default order: gram-metres, highest first.
    const gm = [Number(await cell(page, 0, 8)), Number(await cell(page, 1, 8))];
    expect(gm[0]).toBeGreaterThanOrEqual(gm[1]);

    // Capped grade: first click highest first, second click lowest first.
    const grades = await page.evaluate((q) => window.veinscape.intercepts({ ...q, cutoff: 5 }).map((r) => r.grade), DISCLOSURE);
    await page.getByTestId('intercept-sort-grade').click();
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('capped');
    expect(await cell(page, 0, 6)).toBe(Math.max(...grades).toFixed(2));
    expect(Number(await cell(page, 0, 6))).toBeGreaterThanOrEqual(Number(await cell(page, 1, 6)));
    await page.getByTestId('intercept-sort-grade').click();
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText('capped');
    expect(await cell(page, 0, 6)).toBe(Math.min(...grades).toFixed(2));
    expect(Number(await cell(page, 0, 6))).toBeLessThanOrEqual(Number(await cell(page, 1, 6)));

    // Hole ids: alphabetical.
    await page.getByTestId('intercept-sort-hole').click();
    const holes = [await cell(page, 0, 0), await cell(page, 1, 0), await cell(page, 2, 0)];
    expect([...holes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual(holes);
  });

  test('Export CSV downloads every intercept with a header naming units', async ({ page }) => {
    await page.getByTestId('intercept-preset').click();
    await page.getByTestId('intercept-table-toggle').click();
    const n = await tableCount(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('intercept-export').click()]);
    expect(download.suggestedFilename()).toBe('intercepts.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('hole_id,from_m,to_m,core_length_m,true_width_m,horizontal_width_m,grade_capped_gpt,grade_uncapped_gpt,gram_metres,zone,label');
    expect(lines.length - 1).toBe(n);
    // In the table's order (gram-metres, highest first): the first data row is the table's first row.
    expect(lines[1].startsWith(`${await cell(page, 0, 0)},`)).toBe(true);
  });

  test('clicking a row selects the hole at the intercept, flies there and opens the strip log', async ({ page }) => {
    await page.getByTestId('intercept-preset').click();
    await page.getByTestId('intercept-table-toggle').click();
    await tableCount(page); // the preset's rows are in
    const row = page.getByTestId('intercept-row').first();
    const holeId = await cell(page, 0, 0);
    const from = Number(await cell(page, 0, 1));
    const to = Number(await cell(page, 0, 2));
    const before = await canvasPixels(page);
    await row.click();

    await expect(page.getByTestId('info-panel')).toBeVisible();
    await expect(page.getByTestId('info-hole')).toHaveText(holeId);
    const sel = await page.evaluate(() => window.veinscape.store.getState().selection);
    expect(sel!.depth).toBeCloseTo((from + to) / 2, 1);
    expect(sel!.row).not.toBeNull();
    // The card shows a sample the intercept is made of: inside its from-to (to the table's 0.01 m).
    const sample = (await page.getByTestId('info-interval').textContent())!.match(/([\d.]+) – ([\d.]+) m/)!;
    expect(Number(sample[1])).toBeGreaterThanOrEqual(from - 0.01);
    expect(Number(sample[2])).toBeLessThanOrEqual(to + 0.01);
    const strip = page.getByTestId('strip-log');
    await expect(strip).toBeVisible();
    await expect(page.getByTestId('strip-log-hole')).toHaveText(holeId);
    await expect(strip).toContainText('Au (g/t, log scale)');
    await expect(page.getByTestId('strip-log-marker')).toHaveCount(1);
    expect(await page.getByTestId('strip-log-intercept').count()).toBeGreaterThan(0);
    await expect(row).toHaveClass(/current/);

    // The camera flight takes about 0.9 s.
    await page.waitForTimeout(1200);
    await page.evaluate(() => window.veinscape.ready());
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.05);

    // Clicking in the log selects another depth of the same hole.
    const box = (await strip.locator('svg').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + box.height * 0.9);
    await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().selection!.depth)).not.toBeCloseTo(sel!.depth, 1);
    const after = await page.evaluate(() => window.veinscape.store.getState().selection!);
    expect(after.hole).toBe(sel!.hole);
    await expect(page.getByTestId('info-hole')).toHaveText(holeId);
  });

  test('a planned hole has a strip log without intervals', async ({ page }) => {
    const planned = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const i = s.model!.holes.findIndex((h) => h.status === 'planned');
      s.select({ hole: i, row: null, depth: 10 });
      return s.model!.holes[i].id;
    });
    await expect(page.getByTestId('strip-log-hole')).toHaveText(planned);
    await expect(page.getByTestId('strip-log-empty')).toContainText('No intervals (planned hole)');
  });
});
