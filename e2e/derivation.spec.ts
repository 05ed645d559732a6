/**
 * Every intercept traceable (issue 21): an intercept's derivation card lists the samples it is made
 * of, and their length-weighted capped grade (computed here from the rows the card shows) is the
 * row's grade; the CSV export states the parameters and comes with the samples of each intercept;
 * an exported picture with intercept labels carries the release-style footnote in its Disclaimer.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openApp, pngTextChunks, screenshotPng } from './helpers';

/** The default settings (cut-off 1, top-cut 45, 0.5 m, 2 m, HW, unsampled at zero), written as a release would. */
const FOOTNOTE = 'Intercepts: cut-off 1.0 g/t Au, capped at 45 g/t, minimum 0.5 m, up to 2.0 m internal dilution, unsampled core at zero grade; widths horizontal (HW); desurvey minimum curvature.';

/** Length-weighted mean of [weight, grade] pairs. */
const weighted = (pairs: [number, number][]) => pairs.reduce((s, [w, g]) => s + w * g, 0) / pairs.reduce((s, [w]) => s + w, 0);

async function openTable(page: Page): Promise<void> {
  await page.getByTestId('intercept-table-toggle').click();
  await expect(page.getByTestId('intercept-table-count')).not.toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('intercept-row').first()).toBeVisible();
}

test.describe('every intercept traceable', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test("an intercept row's derivation shows samples whose length-weighted capped grade is the row's grade", async ({ page }) => {
    await openTable(page);
    for (const n of [0, 1, 2]) {
      const row = page.getByTestId('intercept-row').nth(n);
      const hole = (await row.locator('td').nth(0).textContent())!;
      const grade = Number(await row.locator('td').nth(6).textContent());
      await row.getByTestId('derivation-open').click();
      const card = page.getByTestId('derivation-card');
      await expect(card).toBeVisible();
      await expect(card).toHaveAttribute('data-hole', hole);
      const samples = card.getByTestId('derivation-sample');
      const count = await samples.count();
      expect(count).toBeGreaterThan(0);
      const pairs: [number, number][] = [];
      for (let i = 0; i < count; i++) {
        const w = Number(await samples.nth(i).getByTestId('derivation-weight').textContent());
        const c = Number((await samples.nth(i).getByTestId('derivation-capped').textContent())!.replace(' *', ''));
        pairs.push([w, c]);
      }
      // Shown to 3 decimals: the mean agrees with the row's 2-decimal grade to its rounding.
      expect(Math.abs(weighted(pairs) - grade)).toBeLessThan(0.006);
      // No capped figure above the top-cut, and the card states the settings.
      expect(Math.max(...pairs.map(([, c]) => c))).toBeLessThanOrEqual(45);
      await expect(card.getByTestId('derivation-parameters')).toContainText('cut-off 1 g/t; top-cut 45 g/t; minimum length 0.5 m; maximum internal dilution 2 m');
    }
    // The API gives the same derivation as data.
    const api = await page.evaluate(() => {
      const d = window.veinscape.derivation(0)!;
      const ic = window.veinscape.intercepts()[0];
      return { grade: d.grade, icGrade: ic.grade, gm: d.gramMetres, icGm: ic.gramMetres, sum: d.samples.reduce((s, x) => s + x.weight * x.capped, 0) / d.samples.reduce((s, x) => s + x.weight, 0) };
    });
    expect(api.grade).toBe(api.icGrade);
    expect(api.gm).toBe(api.icGm);
    expect(api.sum).toBeCloseTo(api.icGrade, 9);
  });

  test('the CSV export carries the parameters and downloads the samples of each intercept', async ({ page }) => {
    await openTable(page);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('intercept-export').click();
    await expect.poll(() => downloads.length).toBe(2);
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    const intercepts = readFileSync((await byName.get('intercepts.csv')!.path())!, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(intercepts).toContain('# parameters: grade Au (assays); cut-off 1 g/t; top-cut 45 g/t; minimum length 0.5 m; maximum internal dilution 2 m; including cut-off 10 g/t; width basis horizontal width; unsampled core counted at zero; desurvey minimum curvature');
    const header = intercepts.filter((l) => !l.startsWith('#'))[0].split(',');
    const first = intercepts.filter((l) => !l.startsWith('#'))[1].split(',');
    const cappedAt = header.indexOf('grade_capped_gpt');

    const samples = readFileSync((await byName.get('intercepts-samples.csv')!.path())!, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(samples[0].startsWith('# parameters: grade Au (assays); cut-off 1 g/t;')).toBe(true);
    const data = samples.filter((l) => !l.startsWith('#'));
    expect(data[0]).toBe('intercept,hole_id,from_m,to_m,grade_assayed_gpt,grade_capped_gpt,counted_as,weight_m');
    const ofFirst = data.slice(1).map((l) => l.split(',')).filter((c) => c[0] === '1');
    expect(ofFirst.length).toBeGreaterThan(0);
    // Intercept 1 is the first row of intercepts.csv: same hole, same depths, the same grade recomputed.
    expect(ofFirst.every((c) => c[1] === first[0])).toBe(true);
    expect(ofFirst[0][2]).toBe(first[1]);
    expect(ofFirst.at(-1)![3]).toBe(first[2]);
    expect(weighted(ofFirst.map((c) => [Number(c[7]), Number(c[5])]))).toBeCloseTo(Number(first[cappedAt]), 2);
    for (const c of data.slice(1)) expect(['sample', 'internal_dilution', 'missing_at_zero', 'below_detection_half_limit', 'gap']).toContain(c.split(',')[6]);
  });

  test('an exported picture with intercept labels has the footnote in its Disclaimer text; without them it has none', async ({ page }) => {
    const disclaimer = async () => {
      return pngTextChunks(await screenshotPng(page, { width: 640, height: 400 })).Disclaimer ?? '';
    };
    expect((await disclaimer()).split('\n')).not.toContain(FOOTNOTE);
    // The footer follows the store's settings: no frame to wait for.
    await page.evaluate(() => window.veinscape.store.getState().setInterceptLabels(true));
    expect((await disclaimer()).split('\n')).toContain(FOOTNOTE);
  });

  test("a long-section pierce point's click opens its intercept's derivation", async ({ page }) => {
    await page.getByRole('button', { name: 'Long section', exact: true }).click();
    const point = page.locator('[data-testid="pierce-point"][data-kind="intercept"]').first();
    await expect(point).toBeVisible();
    const hole = await point.getAttribute('data-hole');
    // Labels drawn over the points take the pointer: the point's own click, as a pointer would give it.
    await point.dispatchEvent('click');
    const card = page.getByTestId('derivation-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-hole', hole!);
    // The section's intercepts: one per vein crossing, no dilution, capped at 45.
    await expect(card.getByTestId('derivation-parameters')).toContainText('cut-off 0 g/t; top-cut 45 g/t');
  });

  test("a click on an intercept label in the 3D view opens that intercept's derivation", async ({ page }) => {
    await page.evaluate(() => window.veinscape.store.getState().setInterceptLabels(true));
    // The overlay's last layout: an intercept label drawn, with the intercept it names.
    const label = await expect
      .poll(async () => page.evaluate(() => window.veinscape.layout().labels.find((l) => l.intercept !== undefined) ?? null), { timeout: 30_000 })
      .not.toBeNull()
      .then(() => page.evaluate(() => window.veinscape.layout().labels.find((l) => l.intercept !== undefined)!));
    const holeId = label.text.split(':')[0];
    expect(await page.evaluate((i) => window.veinscape.store.getState().intercepts.at(i).holeId, label.intercept!)).toBe(holeId);
    const canvas = (await page.locator('.viewer canvas').first().boundingBox())!;
    await page.mouse.click(canvas.x + label.x + label.width / 2, canvas.y + label.y + label.height / 2);
    const card = page.getByTestId('derivation-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-hole', holeId);
  });

  test("a picked intercept's selection card opens its derivation", async ({ page }) => {
    await openTable(page);
    const row = page.getByTestId('intercept-row').first();
    const hole = (await row.locator('td').nth(0).textContent())!;
    // Picking the intercept (as a click on it in 3D does) selects its hole at its mid depth.
    await row.click();
    await expect(page.getByTestId('info-hole')).toHaveText(hole);
    await page.getByTestId('selection-derivation').getByTestId('derivation-open').click();
    await expect(page.getByTestId('derivation-card')).toHaveAttribute('data-hole', hole);
  });
});
