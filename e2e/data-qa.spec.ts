/**
 * The data-QA panel: every problem found at load and by the checks, grouped with counts, each
 * linked to the picture; "show only holes with problems"; the CSV for the database manager. The
 * problems planted in the sample are known by construction (overlap, duplicate, overrun, a
 * dog-leg of 20°), so the expected counts are independent of the checks' code.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const sample = () => JSON.parse(readFileSync('data/rocmec1.json', 'utf8'));

async function qaSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('qa-count')).not.toHaveAttribute('data-pending', 'true');
}

test.describe('data QA', () => {
  test('the sample opens with no warning; its one crossing is listed, selected and flown to', async ({ page }) => {
    await openApp(page);
    // Missing assays are information: no load-warning chip.
    await expect(page.getByTestId('load-report-chip')).toHaveCount(0);
    await qaSettled(page);
    const problems = await page.evaluate(() => window.veinscape.qa());
    const info = problems.filter((p) => p.kind === 'information');
    expect(info.map((p) => p.message).join('\n')).toMatch(/missing value/);
    const crossings = problems.filter((p) => p.kind === 'crossing');
    expect(crossings).toHaveLength(1);
    const c = crossings[0];
    // Independent check of the reported approach: the two holes' positions at the reported depths.
    const d = await page.evaluate(([a, da, b, db]) => {
      const p = window.veinscape.holePosition(a as string, da as number), q = window.veinscape.holePosition(b as string, db as number);
      return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    }, [c.holeId, c.depth, c.otherHoleId, c.otherDepth]);
    expect(d).toBeLessThan(1);

    // The information item is listed inside the panel (a bare `info` class once placed it over
    // the sidebar's header, like the info card).
    await page.getByTestId('qa-group-information').locator('summary').click();
    const item = page.getByTestId('qa-group-information').locator('li').first();
    await expect(item).toContainText('missing value');
    const [box, group] = [await item.boundingBox(), await page.getByTestId('qa-group-information').boundingBox()];
    expect(box!.y).toBeGreaterThanOrEqual(group!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(group!.y + group!.height + 1);

    await page.getByTestId('qa-group-crossing').locator('summary').click();
    await page.getByTestId('qa-group-crossing').getByTestId('qa-item').first().click();
    await expect(page.getByTestId('info-hole')).toHaveText(c.holeId!);
    // Framed, not flown into: the approach on both holes and 40 m of the first hole each way are
    // on screen, and those 80 m span a readable part of the view.
    await page.evaluate(() => window.veinscape.ready());
    const shown = await page.evaluate(([a, da, b, db]) => {
      const v = window.veinscape;
      const pts = [v.holePosition(a as string, Math.max(0, (da as number) - 40)), v.holePosition(a as string, (da as number) + 40), v.holePosition(b as string, db as number), v.holePosition(a as string, da as number)];
      return pts.map((p) => v.project(p));
    }, [c.holeId, c.depth, c.otherHoleId, c.otherDepth]);
    expect(shown.every((p) => p !== null)).toBe(true);
    const span = Math.hypot(shown[0]![0] - shown[1]![0], shown[0]![1] - shown[1]![1]);
    const view = await page.evaluate(() => document.querySelector('canvas')!.getBoundingClientRect().height);
    expect(span).toBeGreaterThan(view * 0.15);
  });

  test('planted problems are found, grouped, filtered to and exported', async ({ page }) => {
    await openApp(page);
    const doc = sample();
    const t = doc.intervals[0].data;
    const hole = doc.holes.find((h: { id: string; status: string }) => h.status === 'drilled' && t.hole.includes(h.id));
    const rows = t.hole.map((h: string, i: number) => (h === hole.id ? i : -1)).filter((i: number) => i >= 0);
    const first = rows[0];
    const push = (from: number, to: number) => {
      for (const k of Object.keys(t)) t[k].push(k === 'hole' ? hole.id : k === 'from' ? from : k === 'to' ? to : t[k][first]);
    };
    push(t.from[first], t.to[first]); // duplicate of the first sample
    push(t.from[first] + 0.1, t.to[first] + 0.1); // overlaps it, not a duplicate
    push(hole.depth - 1, hole.depth + 2); // ends 2 m past the final depth
    // A survey of a second hole turned by 20° of dip at once over 30 m, same azimuth: 20°/30 m.
    const h2 = doc.holes.find((h: { id: string; surveys?: unknown[] }) => h.id !== hole.id && (h.surveys?.length ?? 0) >= 1);
    const s0 = h2.surveys[0];
    h2.surveys = [s0, { depth: s0.depth + 30, azimuth: s0.azimuth, dip: s0.dip < -25 ? s0.dip + 20 : s0.dip - 20 }];
    const report = await page.evaluate((d) => window.veinscape.load(d), doc);
    expect(report.ok).toBe(true);
    await page.evaluate(() => window.veinscape.ready());
    await qaSettled(page);

    const problems = await page.evaluate(() => window.veinscape.qa());
    const of = (k: string) => problems.filter((p) => p.kind === k);
    expect(of('duplicate').map((p) => p.holeId)).toEqual([hole.id]);
    expect(of('beyond-hole').map((p) => p.holeId)).toEqual([hole.id]);
    // The shifted copy overlaps the first sample, its duplicate and the next sample: each row that
    // starts inside an earlier one is one problem.
    expect(of('overlap').length).toBeGreaterThanOrEqual(1);
    expect(of('overlap').every((p) => p.holeId === hole.id)).toBe(true);
    const dog = of('dogleg').filter((p) => p.holeId === h2.id);
    expect(dog).toHaveLength(1);
    expect(dog[0].message).toMatch(/20\.0°/);
    // The load-time warnings of the same problems are not listed twice.
    expect(of('load-warning').filter((p) => /overlaps|past the final depth/.test(p.message))).toHaveLength(0);

    // Groups and counts in the panel equal the API's.
    await expect(page.getByTestId('qa-group-count-duplicate')).toHaveText('1');
    await expect(page.getByTestId('qa-group-count-beyond-hole')).toHaveText('1');
    await expect(page.getByTestId('qa-group-count-dogleg')).toHaveText(String(of('dogleg').length));

    // Show only holes with problems: the in-view hole count follows.
    const ids = new Set(problems.filter((p) => p.severity !== 'info').flatMap((p) => [p.holeId, p.otherHoleId]).filter(Boolean));
    await page.getByTestId('qa-only-holes').check();
    await expect(page.getByTestId('count-holes')).not.toHaveAttribute('data-pending', 'true');
    await expect(page.getByTestId('count-holes')).toHaveText(String(ids.size));
    await page.getByTestId('qa-only-holes').uncheck();
    await expect(page.getByTestId('count-holes')).not.toHaveAttribute('data-pending', 'true');
    await expect(page.getByTestId('count-holes')).toHaveText(String(doc.holes.length));

    // CSV for the database manager: a header and one line per problem.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qa-export').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('kind,severity,hole_id,table,from_m,to_m,depth_m,other_hole_id,other_depth_m,surface_id,record_id,source_path,message');
    expect(lines.length - 1).toBe(problems.length);
    expect(lines.some((l) => l.startsWith('Duplicate samples,warning,' + hole.id + ',assays,'))).toBe(true);
  });

  test('a stricter crossing tolerance finds more pairs, each a real approach', async ({ page }) => {
    await openApp(page);
    await qaSettled(page);
    const before = (await page.evaluate(() => window.veinscape.qa())).filter((p) => p.kind === 'crossing').length;
    await page.getByText('Check settings').click();
    const tol = page.getByTestId('qa-crossing-tolerance');
    await tol.fill('10');
    await tol.press('Enter');
    await qaSettled(page);
    const after = (await page.evaluate(() => window.veinscape.qa())).filter((p) => p.kind === 'crossing');
    expect(after.length).toBeGreaterThan(before);
    // Every reported pair really is within 10 m at the reported depths.
    for (const c of after.slice(0, 10)) {
      const d = await page.evaluate(([a, da, b, db]) => {
        const p = window.veinscape.holePosition(a as string, da as number), q = window.veinscape.holePosition(b as string, db as number);
        return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      }, [c.holeId, c.depth, c.otherHoleId, c.otherDepth]);
      expect(d).toBeLessThan(10);
    }
  });

  test('an absurd crossing tolerance is bounded: 1e9 m is taken as 50 m and shown so', async ({ page }) => {
    await openApp(page);
    await qaSettled(page);
    await page.getByTestId('qa-panel').locator('summary', { hasText: 'Check settings' }).click();
    const field = page.getByTestId('qa-crossing-tolerance');
    await field.fill('1e9');
    await field.press('Enter');
    await expect(field).toHaveValue('50');
    expect(await page.evaluate(() => window.veinscape.store.getState().qaOptions.crossingTolerance)).toBe(50);
  });
});

test.describe('data QA in French (?lang=fr)', () => {
  test('the panel speaks French, with French plurals and number formats, and <html lang> follows', async ({ page }) => {
    await openApp(page, '?lang=fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const panel = page.getByTestId('qa-panel');
    await expect(panel.getByRole('heading')).toContainText('Contrôle des données');
    await expect(page.getByTestId('qa-count')).not.toHaveAttribute('data-pending', 'true');
    await expect(page.getByTestId('qa-count')).toHaveText('1 problème');
    await expect(page.getByTestId('qa-summary')).toHaveText('1 problème de 1 type, sur 2 forages.');
    await expect(panel.getByText('Forages qui se croisent')).toBeVisible();
    await expect(panel.getByText('N’afficher que les forages à problèmes (2)')).toBeVisible();
  });
});
