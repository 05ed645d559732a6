import { expect, test, type Page } from '@playwright/test';
import { act, canvasPixels, openApp, pixelDifference } from './helpers';

/** A count in view once settled (they are recounted in the background after a change). */
const count = async (page: Page, id: string) => {
  const el = page.getByTestId(id);
  await expect(el).not.toHaveAttribute('data-pending', 'true');
  return Number((await el.textContent())!.replace(/,/g, ''));
};

/** Holes that pass a predicate on the model, counted through the API (independent of the panel). */
const holesWhere = (page: Page, fn: string) =>
  page.evaluate((src) => {
    const pred = new Function('h', `return (${src})(h)`) as (h: unknown) => boolean;
    return window.veinscape.store.getState().model!.holes.filter(pred).length;
  }, fn);

test.describe('exploring the sample: filters, sections, exaggeration, readout', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('each filter through the panel changes the counts in view as the data says', async ({ page }) => {
    const filters = page.getByRole('region', { name: 'Filters' });
    const all = await holesWhere(page, '() => true');
    expect(await count(page, 'count-holes')).toBe(all);
    const allIntervals = await count(page, 'count-intervals');

    await filters.getByLabel('Planned', { exact: true }).uncheck();
    expect(await count(page, 'count-holes')).toBe(await holesWhere(page, "(h) => h.status !== 'planned'"));
    await filters.getByLabel('Planned', { exact: true }).check();

    await filters.getByLabel('Underground', { exact: true }).uncheck();
    expect(await count(page, 'count-holes')).toBe(await holesWhere(page, "(h) => h.type !== 'underground'"));
    await filters.getByLabel('Underground', { exact: true }).check();

    await filters.getByLabel('1988 Surface').uncheck();
    expect(await count(page, 'count-holes')).toBe(await holesWhere(page, "(h) => h.program !== '1988 Surface'"));
    await filters.getByLabel('1988 Surface').check();

    await filters.getByLabel('First drilling year').fill('2005');
    expect(await count(page, 'count-holes')).toBe(await holesWhere(page, '(h) => !h.year || h.year >= 2005'));
    await filters.getByLabel('First drilling year').fill('');

    await filters.getByLabel('Search hole id').fill('RK05-012');
    expect(await count(page, 'count-holes')).toBe(1);
    await filters.getByLabel('Search hole id').fill('');

    await filters.getByLabel('Grade cut-off in g/t').fill('5');
    const high = await count(page, 'count-intervals');
    const expectedHigh = await page.evaluate(() => {
      const t = window.veinscape.store.getState().model!.intervals[0];
      return Array.from(t.numeric.Au).filter((v) => v >= 5).length;
    });
    expect(high).toBe(expectedHigh);
    expect(high).toBeLessThan(allIntervals);

    await filters.getByLabel('Maximum elevation in m').fill('200');
    expect(await count(page, 'count-intervals')).toBeLessThan(high);
    await filters.getByLabel('Maximum depth along hole in m').fill('50');
    expect(await count(page, 'count-intervals')).toBeLessThanOrEqual(high);

    await filters.getByRole('button', { name: 'Reset' }).click();
    expect(await count(page, 'count-holes')).toBe(all);
    expect(await count(page, 'count-intervals')).toBe(allIntervals);
  });

  test('the hole search hides other holes in the picture without new geometry', async ({ page }) => {
    const geometries = (await page.evaluate(() => window.veinscape.stats())).geometries;
    const before = await canvasPixels(page);
    await act(page, () => page.getByLabel('Search hole id').fill('RK05-012'));
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.005);
    expect((await page.evaluate(() => window.veinscape.stats())).geometries).toBe(geometries);
  });

  test('a vertical section placed by two clicks clips the model and is viewed orthographically', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Plan', exact: true }).click());
    const before = await canvasPixels(page);
    await page.getByRole('button', { name: 'Place section by two clicks' }).click();
    // Two points on the plan, inside the model's framed area (the legend keeps the bottom of the view).
    const canvas = (await page.locator('.viewer canvas').first().boundingBox())!;
    const m = (await page.evaluate(() => window.veinscape.layout().model))!;
    const box = { x: canvas.x + m.x, y: canvas.y + m.y, width: m.width, height: m.height };
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.25);
    await act(page, () => page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.75));
    const sec = await page.evaluate(() => window.veinscape.store.getState().section);
    expect(sec.mode).toBe('slab');
    // Clicked from upper-left to lower-right on a north-up plan: the line runs south-south-east.
    expect(sec.azimuth).toBeGreaterThan(90);
    expect(sec.azimuth).toBeLessThan(180);
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.01);
    await page.getByLabel('Section width in m').fill('100');
    await act(page, () => page.getByRole('button', { name: 'View section (orthographic)' }).click());
    expect(await page.evaluate(() => window.veinscape.store.getState().projection)).toBe('orthographic');
    // A clip box through the panel too.
    await act(page, () => page.getByRole('button', { name: 'Clip box' }).click());
    expect(await page.evaluate(() => window.veinscape.store.getState().section.mode)).toBe('box');
    const boxBefore = await canvasPixels(page);
    const top = await page.evaluate(() => window.veinscape.store.getState().section.box!.max[2]);
    await act(page, () => page.getByLabel('Clip box maximum Z in m').fill(String(Math.round(top - 200))));
    expect(pixelDifference(boxBefore, await canvasPixels(page))).toBeGreaterThan(0.002);
  });

  test('vertical exaggeration changes the picture and is stated on screen', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    const before = await canvasPixels(page);
    const overlayBefore = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('.viewer canvas.overlay')!.toDataURL());
    await act(page, () => page.getByLabel('Vertical exaggeration').selectOption('2'));
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.01);
    const overlayAfter = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('.viewer canvas.overlay')!.toDataURL());
    expect(overlayAfter).not.toBe(overlayBefore);
    // Picking still lands on the holes: holePosition and project agree under exaggeration.
    const ok = await page.evaluate(() => {
      const id = window.veinscape.store.getState().model!.holes[0].id;
      return window.veinscape.project(window.veinscape.holePosition(id, 10)) !== null;
    });
    expect(ok).toBe(true);
  });

  test('the true coordinates under the cursor are shown', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    // Aim at the middle of a McDowell vein piece as drawn.
    const target = await page.evaluate(() => {
      const v = window.veinscape.drawnVertices('mcdowell-1-b2');
      let x = 0, y = 0, z = 0;
      const n = v.length / 3;
      for (let i = 0; i < v.length; i += 3) { x += v[i]; y += v[i + 1]; z += v[i + 2]; }
      return window.veinscape.project([x / n, y / n, z / n]);
    });
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    await page.mouse.move(box.x + target![0], box.y + target![1]);
    await expect(page.getByTestId('cursor-readout')).toContainText(/5,34\d,\d{3}\.\d m N/);
    await expect(page.getByTestId('cursor-readout')).toContainText('m elev.');
  });
});
