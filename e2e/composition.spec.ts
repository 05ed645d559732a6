/**
 * The picture's composition, judged by boxes and pixels at 1920 x 1080: no two labels intersect
 * and none leaves the view or sits on the legend; the legend keeps off the model in the default
 * view and after Fit; the high-grade slide shows the high-grade classes over a clear share of the
 * model; labels of filtered holes are gone; faults are cut at the model box.
 */
import { expect, test, type Page } from '@playwright/test';
import { act, openApp, settleStep } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

interface Rect { x: number; y: number; width: number; height: number }
const meets = (a: Rect, b: Rect) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

async function layout(page: Page) {
  return page.evaluate(() => window.veinscape.layout());
}

/** What the live overlay has laid out is well composed. */
async function expectClean(page: Page) {
  const l = await layout(page);
  const view = await page.evaluate(() => {
    const r = document.querySelector('[data-testid="viewer"] canvas')!.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
  expect(l.labels.length, 'labels drawn').toBeGreaterThan(10);
  for (let i = 0; i < l.labels.length; i++) {
    const a = l.labels[i];
    expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= view.width && a.y + a.height <= view.height, `${a.text} inside the view`).toBe(true);
    for (let j = i + 1; j < l.labels.length; j++) expect(meets(a, l.labels[j]), `"${a.text}" and "${l.labels[j].text}" apart`).toBe(false);
    if (l.legend) expect(meets(a, l.legend), `"${a.text}" off the legend`).toBe(false);
    if (l.northArrow) expect(meets(a, l.northArrow), `"${a.text}" off the north arrow`).toBe(false);
    if (l.scaleBar) expect(meets(a, l.scaleBar), `"${a.text}" off the scale bar`).toBe(false);
  }
  expect(l.legend).not.toBeNull();
  expect(l.model).not.toBeNull();
  expect(meets(l.legend!, l.model!), 'legend off the model').toBe(false);
  return l;
}

test('the default view: labels apart, inside the view and off the legend; the legend off the model', async ({ page }) => {
  await openApp(page);
  const l = await expectClean(page);
  // The model uses the space: at least a third of the view's width.
  expect(l.model!.width).toBeGreaterThan(1600 / 3);
  // Collapsing the legend gives the space back; Fit then frames the model larger, still clear of it.
  await page.getByRole('button', { name: 'Legend', exact: false }).first().click();
  await act(page, () => page.getByRole('button', { name: 'Fit', exact: true }).click());
  const after = await expectClean(page);
  expect(after.legend!.height).toBeLessThan(l.legend!.height / 3);
  expect(after.model!.width * after.model!.height).toBeGreaterThan(l.model!.width * l.model!.height);
});

test('each view preset frames the model clear of the legend, labels never overlapping', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  for (const name of ['Plan', 'Long', 'Iso']) {
    await act(page, () => page.getByRole('button', { name, exact: true }).click());
    // The fit waits for the page's layout (one animation frame) and draws again.
    await page.waitForTimeout(300);
    await page.evaluate(() => window.veinscape.ready());
    await expectClean(page);
  }
});

test('labels of holes the filters hide are hidden with them, and no label shows twice', async ({ page }) => {
  await openApp(page);
  const planned = await page.evaluate(() => window.veinscape.store.getState().model!.holes.filter((h) => h.status === 'planned').map((h) => h.id));
  expect(planned.length).toBeGreaterThan(0);
  const before = (await layout(page)).labels.map((l) => l.text);
  expect(before.some((t) => planned.includes(t)), 'planned holes labelled at first').toBe(true);
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setFilters({ status: { drilled: true, planned: false } })));
  const after = (await layout(page)).labels.map((l) => l.text);
  expect(after.filter((t) => planned.includes(t))).toEqual([]);
  expect(new Set(after).size).toBe(after.length);
});

/** Share of the canvas pixels inside a box that are high-grade reds (the ≥ 5 and ≥ 10 g/t classes, lit). */
async function redShare(page: Page, box: Rect): Promise<number> {
  return page.evaluate((b) => {
    const c = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
    const k = c.width / c.getBoundingClientRect().width;
    const cv = document.createElement('canvas');
    cv.width = Math.round(b.width * k);
    cv.height = Math.round(b.height * k);
    const ctx = cv.getContext('2d')!;
    ctx.drawImage(c, b.x * k, b.y * k, cv.width, cv.height, 0, 0, cv.width, cv.height);
    const d = ctx.getImageData(0, 0, cv.width, cv.height).data;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 110 && d[i] - d[i + 1] > 60 && d[i] - d[i + 2] > 50) red++;
    return red / (d.length / 4);
  }, box);
}

test('the high-grade slide: the high-grade classes cover a clear share of the model, drawn over the veins', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const n = await page.evaluate(() => window.veinscape.store.getState().model!.views.findIndex((v) => v.name.startsWith('High grade')));
  expect(n).toBeGreaterThanOrEqual(0);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  for (let k = 0; k < n; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-caption')).toContainText('High grade');
  await settleStep(page, n);
  const l = await layout(page);
  expect(meets(l.legend!, l.model!), 'legend off the model').toBe(false);
  const withGold = await redShare(page, l.model!);
  // The same picture without the intervals: what is red then is the fault traces.
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setLayerVisible('intervals', false)));
  const without = await redShare(page, l.model!);
  // Once about a hundred red pixels (0.01 %, 0.001 % without the emphasis); now over 1 % of the
  // model's box (about 1.5 %: over 15,000 px at 1080p).
  expect(withGold - without).toBeGreaterThan(0.01);
});

/** Bounding box (CSS px) of the canvas pixels that are not the background colour. */
async function drawnBounds(page: Page): Promise<Rect> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
    const k = c.width / c.getBoundingClientRect().width;
    const cv = document.createElement('canvas');
    cv.width = c.width;
    cv.height = c.height;
    const ctx = cv.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, cv.width, cv.height).data;
    const bg = [d[0], d[1], d[2]];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let y = 0; y < cv.height; y++) for (let x = 0; x < cv.width; x++) {
      const i = (y * cv.width + x) * 4;
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 12) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    return { x: x0 / k, y: y0 / k, width: (x1 - x0 + 1) / k, height: (y1 - y0 + 1) / k };
  });
}

test('faults are cut at the model box: nothing is drawn outside the visible model, until the cut is switched off', async ({ page }) => {
  await openApp(page);
  // Plan view: the fault planes run far north and south of the holes.
  await act(page, () => page.getByRole('button', { name: 'Plan', exact: true }).click());
  await page.waitForTimeout(300);
  await page.evaluate(() => window.veinscape.ready());
  const model = (await layout(page)).model!;
  const cut = await drawnBounds(page);
  // What is drawn stays within the visible model's bounds (a pixel or two of line width).
  expect(cut.x).toBeGreaterThanOrEqual(model.x - 3);
  expect(cut.y).toBeGreaterThanOrEqual(model.y - 3);
  expect(cut.x + cut.width).toBeLessThanOrEqual(model.x + model.width + 3);
  expect(cut.y + cut.height).toBeLessThanOrEqual(model.y + model.height + 3);
  await act(page, () => page.getByLabel('Cut faults, host and topography at the model box').uncheck());
  const whole = await drawnBounds(page);
  expect(whole.width * whole.height).toBeGreaterThan(cut.width * cut.height * 1.2);
});

test('high grades stay readable far out: a minimum width and length on screen, drawn over the veins', async ({ page }) => {
  await openApp(page);
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 5, belowCutoff: 'hide' })));
  // Four times further than the default view: a 1 m interval would be a fraction of a pixel.
  const cam = await page.evaluate(() => window.veinscape.camera());
  const far = { ...cam, position: cam.position.map((v, k) => cam.target[k] + (v - cam.target[k]) * 4) as [number, number, number] };
  await act(page, () => page.evaluate((p) => window.veinscape.store.getState().setPose(p, false), far));
  const whole = { x: 0, y: 0, ...(await page.evaluate(() => { const r = document.querySelector('[data-testid="viewer"] canvas')!.getBoundingClientRect(); return { width: r.width, height: r.height }; })) };
  const area = whole.width * whole.height;
  const withGold = (await redShare(page, whole)) * area;
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setLayerVisible('intervals', false)));
  const without = (await redShare(page, whole)) * area;
  const n = await page.evaluate(() => Array.from(window.veinscape.store.getState().prepared!.intervals.value).filter((v) => v >= 5).length);
  expect(n).toBeGreaterThan(100);
  // At least 3 x 4.5 px each, less the overlaps of neighbours: several pixels per interval.
  expect(withGold - without).toBeGreaterThan(n * 4);
});

test('a section keeps the fault names of the faults it cuts, on the part it keeps, and drops the others', async ({ page }) => {
  await openApp(page);
  const names = async () => (await layout(page)).labels.map((l) => l.text).filter((t) => /^Fault /.test(t)).sort();
  expect(await names()).toEqual(['Fault F1', 'Fault F2', 'Fault F3']);
  // An east-west slab 50 m wide across the middle of the north-trending faults (their planes run
  // from northing 5,342,050 to 5,343,650): each fault crosses it, so each keeps its name.
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setSection({ mode: 'slab', azimuth: 90, centre: [611700, 5342900], width: 50 })));
  await page.evaluate(() => window.veinscape.ready());
  await expect.poll(names).toEqual(['Fault F1', 'Fault F2', 'Fault F3']);
  // A slab 5 km south of every fault keeps none of them: no name, no slip arrow's offset.
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setSection({ mode: 'slab', azimuth: 90, centre: [611700, 5337000], width: 50 })));
  await page.evaluate(() => window.veinscape.ready());
  await expect.poll(names).toEqual([]);
});
