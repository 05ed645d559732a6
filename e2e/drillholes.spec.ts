import { expect, test } from '@playwright/test';
import { act, canvasPixels, openApp, pixelDifference } from './helpers';

test.describe('drill holes on the sample', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('the desurvey method can be switched, is shown, and holePosition follows it', async ({ page }) => {
    await expect(page.getByTestId('desurvey-method')).toHaveText('Desurvey: minimum curvature');
    // A deviating hole: its end moves between methods.
    const id = await page.evaluate(() => window.veinscape.store.getState().model!.holes.find((h) => h.status === 'drilled' && h.stations.length > 3)!.id);
    const depth = await page.evaluate((i) => window.veinscape.store.getState().model!.holes.find((h) => h.id === i)!.depth, id);
    const mc = await page.evaluate(([i, d]) => window.veinscape.holePosition(i as string, d as number), [id, depth] as const);
    await page.getByLabel('Desurvey method').selectOption('tangential');
    await page.waitForFunction(() => window.veinscape.store.getState().desurveyMethod === 'tangential');
    await page.evaluate(() => window.veinscape.ready());
    await expect(page.getByTestId('desurvey-method')).toHaveText('Desurvey: tangential');
    const tg = await page.evaluate(([i, d]) => window.veinscape.holePosition(i as string, d as number), [id, depth] as const);
    const drift = Math.hypot(tg[0] - mc[0], tg[1] - mc[1], tg[2] - mc[2]);
    expect(drift).toBeGreaterThan(0.05);
    expect(drift).toBeLessThan(30);
    // The camera stays where it was: only the paths changed.
    expect(await page.evaluate(() => window.veinscape.store.getState().model!.holes.length)).toBeGreaterThan(100);
  });

  test('colouring by another column and editing the classes change the picture and the legend', async ({ page }) => {
    const before = await canvasPixels(page);
    await act(page, () => page.getByLabel('Colour intervals by').selectOption('lithology'));
    await expect(page.getByTestId('legend-classes')).toContainText('QV');
    const lith = await canvasPixels(page);
    expect(pixelDifference(before, lith)).toBeGreaterThan(0.0005);
    await act(page, () => page.getByLabel('Colour intervals by').selectOption('Au'));
    await expect(page.getByTestId('legend-classes')).toContainText('5–10 g/t');
    await page.getByRole('button', { name: 'Edit classes' }).click();
    await page.getByLabel('Class bounds for Au').fill('0.1, 0.2');
    await act(page, () => page.getByRole('button', { name: 'Apply' }).click());
    await expect(page.getByTestId('legend-classes')).toContainText('0.1–0.2 g/t');
    await expect(page.getByTestId('legend-classes')).toContainText('≥ 0.2 g/t');
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.0005);
  });

  test('intercept labels show grade over width in the view', async ({ page }) => {
    const overlay = async () => page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.viewer canvas.overlay')!;
      return c.toDataURL();
    });
    const before = await overlay();
    // Labels are painted on the 2D overlay alone: no 3D frame is needed (or waited for) here.
    await page.getByLabel('Intercept labels (grade over width)').check();
    await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().intercepts.length)).toBeGreaterThan(10);
    await expect.poll(overlay).not.toBe(before);
  });

  test('load() takes a set of CSV files and tells the tables apart by their columns', async ({ page }) => {
    const report = await page.evaluate(async () => {
      const f = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
      return window.veinscape.load([
        f('a.csv', 'HOLEID,FROM,TO,Au_ppm\nH1,0,1,0.5\nH1,1,2,<0.005\nH2,0,1,\n'),
        f('b.csv', 'HOLEID,DEPTH,AZI,DIP\nH1,0,90,-60\nH2,0,0,-90\n'),
        f('c.csv', '\ufeffHOLEID,EAST,NORTH,RL,DEPTH\nH1,1000,2000,300,2\nH2,1010,2000,300,1\n'),
      ]);
    });
    expect(report.ok).toBe(true);
    expect(report.counts.holes).toBe(2);
    expect(report.counts.intervals).toBe(3);
    await page.evaluate(() => window.veinscape.ready());
    const p = await page.evaluate(() => window.veinscape.holePosition('H1', 2));
    expect(p[0]).toBeCloseTo(1001, 6); // 2 m at -60° toward east: 1 m east, 1.732 m down
    expect(p[2]).toBeCloseTo(300 - Math.sqrt(3), 6);
    const au = await page.evaluate(() => Array.from(window.veinscape.store.getState().model!.intervals[0].numeric.Au));
    expect(au[0]).toBe(0.5);
    expect(au[1]).toBeCloseTo(0.0025, 9); // below detection: half the limit
    expect(Number.isNaN(au[2])).toBe(true); // blank: missing, not zero
  });
});
