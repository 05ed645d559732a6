/**
 * Long section: pierce points of the McDowell system against the intercept API, the two-way link
 * with the 3D view (through the store), and a screenshot of the panel that must show pierce-point
 * colours. The panel opens from the "Long section" button.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, pngStats } from './helpers';

/** disclosurePreset('McDowell', 45) from src/domain/interceptQuery.ts: one intercept per vein sample, capped. */
const DISCLOSURE = { cutoff: 0, minLength: 0, maxDilution: 0, topCut: 45, includeCutoff: null, domain: 'zone', system: 'McDowell' };
/** MERGE_GAP of src/domain/longSection.ts: intercepts of one hole and vein this close (m) are one crossing. */
const MERGE_GAP = 2;
/** The highest grade class of DEFAULT_GOLD_BINS (≥ 10 g/t). */
const HIGH_GRADE = [0xd7, 0x30, 0x27];

async function openLongSection(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Long section', exact: true }).click();
  await expect(page.getByTestId('long-section')).toBeVisible();
  await expect(page.getByTestId('pierce-point').first()).toBeVisible();
}

/** McDowell intercepts from the API, and the hole-vein crossings they make. */
async function expectedCrossings(page: Page) {
  return page.evaluate(({ q, gap }) => {
    const rows = window.veinscape.intercepts(q);
    const sorted = [...rows].sort((a, b) => a.holeIndex - b.holeIndex || (a.zoneId ?? '').localeCompare(b.zoneId ?? '') || a.from - b.from);
    const lastTo = new Map<string, number>();
    let crossings = 0;
    for (const r of sorted) {
      const k = `${r.holeId}|${r.zoneId}`;
      const prev = lastTo.get(k);
      if (prev === undefined || r.from - prev > gap) crossings++;
      lastTo.set(k, r.to);
    }
    return { rows: rows.length, crossings, holes: [...new Set(rows.map((r) => r.holeId))].sort() };
  }, { q: DISCLOSURE, gap: MERGE_GAP });
}

test.describe('long section', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
  });

  test('McDowell by default: one pierce point per intercept crossing, planned holes apart, labelled axes', async ({ page }) => {
    const panel = page.getByTestId('long-section');
    await expect(page.getByTestId('long-section-system')).toHaveValue('McDowell');
    const exp = await expectedCrossings(page);
    expect(exp.rows).toBeGreaterThan(100);

    const withIntercept = page.locator('[data-testid="pierce-point"][data-kind="intercept"]');
    await expect(withIntercept).toHaveCount(exp.crossings);
    await expect(page.getByTestId('long-section-count')).toContainText(`${exp.crossings} intercepts`);
    const holes = [...new Set(await withIntercept.evaluateAll((els) => els.map((e) => e.getAttribute('data-hole')!)))].sort();
    expect(holes).toEqual(exp.holes);

    // The rest are crossings without an intercept: planned holes, or drilled ones never assayed there.
    const all = await page.getByTestId('pierce-point').evaluateAll((els) => els.map((e) => ({ hole: e.getAttribute('data-hole')!, kind: e.getAttribute('data-kind')! })));
    const planned = all.filter((p) => p.kind === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    const status = await page.evaluate(() => Object.fromEntries(window.veinscape.store.getState().model!.holes.map((h) => [h.id, h.status])));
    for (const p of planned) expect(status[p.hole]).toBe('planned');
    expect(all.length).toBe(exp.crossings + planned.length + all.filter((p) => p.kind === 'no-intercept').length);

    // Axes and scale with units; contours, resource outlines and workings are drawn.
    await expect(panel).toContainText('Elevation (m)');
    await expect(panel).toContainText('Depth below surface (m)');
    await expect(panel).toContainText(/\d{3}\s\d{3} E/);
    await expect(panel).toContainText(/5\s\d{3}\s\d{3} N/);
    await expect(page.getByTestId('long-section-ve')).toHaveText('VE 1:1');
    await expect(panel).toContainText('Surface (reference 300 m)');
    await expect(panel).toContainText('50 m level');
    expect(await page.getByTestId('long-section-contour').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('long-section-resource').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('long-section-working').count()).toBeGreaterThan(5);

    // Another vein system redraws the section.
    await page.getByTestId('long-section-system').selectOption('Talus');
    await expect(page.getByTestId('long-section-title')).toHaveText('Talus long section');
    const talus = await page.evaluate((q) => window.veinscape.intercepts({ ...q, system: 'Talus' }).length, DISCLOSURE);
    await expect(withIntercept).toHaveCount(talus);
  });

  test('clicking a pierce point selects the hole in 3D; selecting a hole rings its pierce point', async ({ page }) => {
    // The richest point is drawn last (on top): click it.
    const point = page.locator('[data-testid="pierce-point"][data-kind="intercept"]').last();
    const holeId = (await point.getAttribute('data-hole'))!;
    const seqBefore = await page.evaluate(() => window.veinscape.store.getState().viewRequest?.seq ?? 0);
    await point.click();

    await expect(page.getByTestId('info-panel')).toBeVisible();
    await expect(page.getByTestId('info-hole')).toHaveText(holeId);
    const { sel, holeIndex, rows, request } = await page.evaluate(({ id, q }) => {
      const s = window.veinscape.store.getState();
      return {
        sel: s.selection,
        holeIndex: s.model!.holes.findIndex((h) => h.id === id),
        rows: window.veinscape.intercepts(q).filter((r) => r.holeId === id).map((r) => ({ from: r.from, to: r.to, midpoint: r.midpoint })),
        request: s.viewRequest,
      };
    }, { id: holeId, q: DISCLOSURE });
    expect(sel!.hole).toBe(holeIndex);
    // At the middle of one of the hole's McDowell intercepts, and the camera flies there.
    const hit = rows.find((r) => Math.abs(sel!.depth - (r.from + r.to) / 2) < 0.01);
    expect(hit, `depth ${sel!.depth} at an intercept of ${holeId}`).toBeTruthy();
    expect(request!.seq).toBeGreaterThan(seqBefore);
    expect(request!.preset).toBe('focus');
    request!.target!.forEach((v, i) => expect(v).toBeCloseTo(hit!.midpoint[i], 3));
    await expect(page.locator(`[data-testid="pierce-point"][data-hole="${holeId}"]`).first()).toHaveClass(/selected/);

    // The other way: a hole selected elsewhere (the 3D view writes the same store field).
    const other = await page.evaluate(({ id, q }) => {
      const rows = window.veinscape.intercepts(q).filter((r) => r.holeId !== id);
      const r = rows[Math.floor(rows.length / 2)];
      window.veinscape.store.getState().select({ hole: r.holeIndex, row: null, depth: (r.from + r.to) / 2 });
      return r.holeId;
    }, { id: holeId, q: DISCLOSURE });
    const ringed = page.locator(`[data-testid="pierce-point"][data-hole="${other}"]`).first();
    await expect(ringed).toHaveClass(/selected/);
    await expect(page.locator(`[data-testid="pierce-point"][data-hole="${holeId}"]`).first()).not.toHaveClass(/selected/);
    await expect(page.locator('[data-testid="pierce-point"].selected')).toHaveCount(await page.locator(`[data-testid="pierce-point"][data-hole="${other}"]`).count());
  });

  test('a screenshot of the long section is not blank and shows the pierce-point colours', async ({ page }) => {
    const png = await page.getByTestId('long-section').screenshot();
    const stats = await pngStats(page, png, HIGH_GRADE);
    expect(stats.width).toBeGreaterThan(400);
    expect(stats.height).toBeGreaterThan(250);
    expect(stats.colours, 'distinct colours: not a blank panel').toBeGreaterThan(40);
    // High-grade (≥ 10 g/t) pierce points are filled with #d73027 (the legend's swatch counts a little too).
    expect(stats.high, 'pixels of the ≥ 10 g/t class colour').toBeGreaterThan(200);
  });
});
