import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { canvasPixels, openApp, pixelDifference } from './helpers';

/** disclosurePreset('McDowell', 45) from src/domain/interceptQuery.ts, as the UI applies it. */
const DISCLOSURE = { cutoff: 0, minLength: 0, maxDilution: 0, topCut: 45, includeCutoff: null, domain: 'zone', system: 'McDowell' };

/**
 * N of "showing 200 of N" above the table: the rows it lists (those in view, or all with "Only
 * intercepts in view" unticked).
 */
async function tableCount(page: Page): Promise<number> {
  const el = page.getByTestId('intercept-table-count');
  await expect(el).not.toHaveAttribute('data-pending', 'true'); // recomputed in the background
  const text = (await el.textContent()) ?? '';
  const m = /showing ([\d,]+) of ([\d,]+)/.exec(text);
  expect(m, `count text "${text}"`).not.toBeNull();
  return Number(m![2].replace(/,/g, ''));
}

/** An in-view count once settled (recounted in the background after a change). */
async function inViewCount(page: Page, id: string): Promise<number> {
  const el = page.getByTestId(id);
  await expect(el).not.toHaveAttribute('data-pending', 'true');
  return Number((await el.textContent())!.replace(/,/g, ''));
}

/** The sample file's zones, read here: which are McDowell's, independent of the app. */
const sampleZones = (JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')) as { zones: { id: string; system?: string }[] }).zones;
const MCDOWELL = sampleZones.filter((z) => z.system === 'McDowell').map((z) => z.id);

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

  test('Export CSV downloads every intercept listed, with a note saying which, and a header naming units', async ({ page }) => {
    await page.getByTestId('intercept-preset').click();
    await page.getByTestId('intercept-table-toggle').click();
    const n = await tableCount(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('intercept-export').click()]);
    expect(download.suggestedFilename()).toBe('intercepts.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const all = text.split('\r\n').filter((l) => l !== '');
    // No view filter on: every intercept is in view, and the note says so.
    expect(all[0]).toBe(`# intercepts in view: ${n} of ${n} (no view filter on)`);
    const lines = all.filter((l) => !l.startsWith('#'));
    expect(lines[0]).toBe('hole_id,from_m,to_m,core_length_m,true_width_m,horizontal_width_m,unsampled_m,grade_capped_gpt,grade_uncapped_gpt,gram_metres,gram_metres_width,zone,zone_name,label');
    // Every McDowell crossing has a horizontal width: every row's gram-metres say HW.
    expect(lines.slice(1).every((l) => l.split(',')[10] === 'HW')).toBe(true);
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

    // The camera flies to the intercept: wait until it stops moving.
    const pose = () => page.evaluate(() => JSON.stringify(window.veinscape.camera()));
    let last = '';
    await expect.poll(async () => { const p = await pose(); const still = p === last; last = p; return still; }, { intervals: [300] }).toBe(true);
    await page.evaluate(() => window.veinscape.ready());
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.05);

    // Framed: the hole 40 m above and below the intercept and the vein 30 m around it are all on
    // screen, the hole's 80 m span a readable part of the view, seen within 60° of the vein's normal.
    const view = await page.evaluate(({ q, holeId, from }) => {
      const api = window.veinscape;
      const x = api.intercepts(q).find((r) => r.holeId === holeId && Math.abs(r.from - from) < 0.006)!;
      const cam = api.camera();
      const n = x.vein!.normal;
      const m = x.midpoint;
      // Two directions in the vein's plane: along strike and down dip.
      const sl = Math.hypot(n[1], n[0]);
      const s = [n[1] / sl, -n[0] / sl, 0];
      const t = [n[1] * s[2] - n[2] * s[1], n[2] * s[0] - n[0] * s[2], n[0] * s[1] - n[1] * s[0]];
      const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([i, j]) => api.project([0, 1, 2].map((k) => m[k] + 30 * (i * s[k] + j * t[k])) as [number, number, number]));
      const top = api.project(api.holePosition(holeId, Math.max(0, x.from - 40)));
      const bottom = api.project(api.holePosition(holeId, x.to + 40));
      const d = cam.position.map((v, k) => v - cam.target[k]);
      const cos = Math.abs(d[0] * n[0] + d[1] * n[1] + d[2] * n[2]) / Math.hypot(...d);
      const c = document.querySelector('canvas')!.getBoundingClientRect();
      return { corners, top, bottom, angle: (Math.acos(cos) * 180) / Math.PI, w: c.width, h: c.height, dist: Math.hypot(...cam.position.map((v, k) => v - m[k])) };
    }, { q: DISCLOSURE, holeId, from });
    const inside = (p: [number, number] | null) => p !== null && p[0] >= 0 && p[0] <= view.w && p[1] >= 0 && p[1] <= view.h;
    expect(inside(view.top) && inside(view.bottom), JSON.stringify(view)).toBe(true);
    expect(view.corners.every(inside), JSON.stringify(view)).toBe(true);
    const span = Math.hypot(view.top![0] - view.bottom![0], view.top![1] - view.bottom![1]);
    expect(span, JSON.stringify(view)).toBeGreaterThan(0.15 * Math.min(view.w, view.h));
    expect(view.angle).toBeLessThan(60);
    expect(view.dist).toBeGreaterThan(30);
    expect(view.dist).toBeLessThan(600);

    // Clicking in the log selects another depth of the same hole.
    const box = (await strip.locator('svg').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + box.height * 0.9);
    await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().selection!.depth)).not.toBeCloseTo(sel!.depth, 1);
    const after = await page.evaluate(() => window.veinscape.store.getState().selection!);
    expect(after.hole).toBe(sel!.hole);
    await expect(page.getByTestId('info-hole')).toHaveText(holeId);
  });

  test('the width basis and the unsampled-core rule are parameters; g/t·m say their width', async ({ page }) => {
    await page.getByTestId('intercept-table-toggle').click();
    await tableCount(page);
    await expect(page.getByTestId('intercept-sort-gramMetres')).toContainText('g/t·m (HW)');
    await expect(page.getByTestId('intercept-width')).toHaveValue('horizontal');
    await expect(page.getByTestId('intercept-unsampled')).toHaveValue('zero');
    await page.getByTestId('intercept-width').selectOption('core');
    await expect(page.getByTestId('intercept-sort-gramMetres')).toContainText('g/t·m (CL)');
    await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().interceptQuery.widthBasis)).toBe('core');
    // On core length, the top row's gram-metres are its capped grade × its core length (table cells, 2 decimals).
    await tableCount(page);
    const [core, grade, gm] = [Number(await cell(page, 0, 3)), Number(await cell(page, 0, 6)), Number(await cell(page, 0, 8))];
    expect(Math.abs(gm - core * grade)).toBeLessThan(0.01 * (core + grade) + 0.01);
    await page.getByTestId('intercept-unsampled').selectOption('break');
    await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().interceptQuery.unsampled)).toBe('break');
    await expect(page.getByTestId('intercept-summary')).not.toHaveAttribute('data-pending', 'true');
    expect(await page.evaluate(() => window.veinscape.store.getState().intercepts.toArray().every((r) => r.unsampledLength === 0))).toBe(true);
  });

  test('the table, summary and CSV follow the zone ticks: unticking McDowell drops exactly its intercepts, as the in-view count', async ({ page }) => {
    expect(MCDOWELL.length).toBe(4);
    await page.getByTestId('intercept-table-toggle').click();
    const all = await tableCount(page);
    // Independent of the in-view rule: the calculator's rows (default settings) and the file's zones.
    const api = await page.evaluate(() => window.veinscape.intercepts().map((r) => r.zoneId));
    const mcdowell = api.filter((z) => z !== null && MCDOWELL.includes(z)).length;
    expect(all).toBe(api.length);
    expect(mcdowell).toBeGreaterThan(0);
    expect(await inViewCount(page, 'count-intercepts')).toBe(all);
    const count = page.getByTestId('intercept-table-count');
    await expect(count).toContainText(`of ${all} in view · ${all} in all`);
    const summary = page.getByTestId('intercept-summary');
    await expect(summary).not.toContainText('in view');

    await page.getByRole('region', { name: 'Layers' }).getByLabel('Vein system McDowell').uncheck();
    await expect.poll(() => tableCount(page)).toBe(all - mcdowell);
    expect(await inViewCount(page, 'count-intercepts')).toBe(all - mcdowell);
    await expect(count).toContainText(`${all} in all`);
    await expect(summary).toContainText(`${all - mcdowell} of ${all} intercepts in view`);
    // No McDowell zone among the rows listed.
    const zoneCells = await page.getByTestId('intercept-row').locator('td:nth-child(10)').allTextContents();
    expect(zoneCells.some((z) => /McDowell/.test(z))).toBe(false);

    // The CSV lists the same rows, all of them, and says which.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('intercept-export').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(new RegExp(`^# intercepts in view: ${all - mcdowell} of ${all} \\(filters: zones unticked: `));
    const rows = lines.filter((l) => !l.startsWith('#')).slice(1);
    expect(rows).toHaveLength(all - mcdowell);
    expect(rows.some((l) => MCDOWELL.some((id) => l.includes(`,${id},`)))).toBe(false);

    // Unticked "Only intercepts in view": every intercept again.
    await page.getByTestId('intercept-only-in-view').uncheck();
    expect(await tableCount(page)).toBe(all);
    await expect(count).toContainText(`${all - mcdowell} in view`);
    await expect(summary).toContainText(`${all} intercepts (${all - mcdowell} in view)`);
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
