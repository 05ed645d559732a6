/**
 * Presenting: every way of applying a view lands on exactly its camera (between two perspective
 * views, where the camera once stayed put); a step's whole state is the same forward or back; the
 * long section as a full-screen step; the caption card never meets the legend; the disclaimer,
 * the illustrative badge and the inferred-resource cautionary statement stay on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, settleStep } from './helpers';

type Vec3 = [number, number, number];
interface Pose { position: Vec3; target: Vec3; projection: string; zoom?: number }

/** The sample's views, by name, with their cameras. */
async function sampleViews(page: Page): Promise<{ name: string; camera: Pose }[]> {
  return page.evaluate(() => window.veinscape.store.getState().model!.views.map((v) => ({ name: v.name, camera: v.camera as Pose })));
}

/** Wait until the camera is at the pose (within 5 cm), then check it exactly that closely. */
async function expectCameraAt(page: Page, pose: Pose): Promise<void> {
  await page.waitForFunction((p) => {
    const c = window.veinscape.camera();
    const d = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    return c.projection === p.projection && d(c.position, p.position) < 0.05 && d(c.target, p.target) < 0.05;
  }, pose, { timeout: 20_000 }).catch(() => undefined);
  const c = await page.evaluate(() => window.veinscape.camera());
  expect(c.projection).toBe(pose.projection);
  for (let k = 0; k < 3; k++) {
    expect(Math.abs(c.position[k] - pose.position[k]), `position[${k}]`).toBeLessThan(0.05);
    expect(Math.abs(c.target[k] - pose.target[k]), `target[${k}]`).toBeLessThan(0.05);
  }
}

/** Two different perspective views of the sample, in tour order, next to each other. */
async function twoPerspective(page: Page) {
  const views = await sampleViews(page);
  const i = views.findIndex((v, k) => k > 0 && v.camera.projection === 'perspective' && views[k - 1].camera.projection === 'perspective');
  expect(i, 'two perspective views in a row').toBeGreaterThan(0);
  const a = views[i - 1], b = views[i];
  expect(Math.hypot(a.camera.position[0] - b.camera.position[0], a.camera.position[1] - b.camera.position[1], a.camera.position[2] - b.camera.position[2])).toBeGreaterThan(50);
  return { a, b, index: i, n: views.length };
}

test.describe('every way of applying a view lands on its camera', () => {
  test('a saved view clicked in the Views panel, one perspective view after another', async ({ page }) => {
    await openApp(page);
    const { a, b } = await twoPerspective(page);
    expect(await page.evaluate(() => window.veinscape.camera().projection)).toBe('perspective');
    await page.getByRole('button', { name: a.name, exact: true }).click();
    await expectCameraAt(page, a.camera);
    await page.getByRole('button', { name: b.name, exact: true }).click();
    await expectCameraAt(page, b.camera);
  });

  test('a tour step and a presentation step', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const { a, b, index, n } = await twoPerspective(page);
    // Tour: at step A, then the caption's Next button.
    await page.evaluate((i) => window.veinscape.store.getState().setTour({ index: i, timed: false }), index - 1);
    await expectCameraAt(page, a.camera);
    await page.getByRole('button', { name: 'Next view' }).click();
    await expect(page.getByTestId('tour-caption')).toContainText(`${index + 1} / ${n}`);
    await expectCameraAt(page, b.camera);
    await page.getByRole('button', { name: 'Stop tour' }).click();
    // Presentation: the keys a clicker sends, from the first step to A, then B.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    for (let k = 0; k < index - 1; k++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('tour-caption')).toContainText(`${index} / ${n}`);
    await expectCameraAt(page, a.camera);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tour-caption')).toContainText(`${index + 1} / ${n}`);
    await expectCameraAt(page, b.camera);
  });

  test('a view link (#view=) and embed mode (by link and by name)', async ({ page, browser }) => {
    test.setTimeout(150_000);
    await openApp(page);
    const { a, b } = await twoPerspective(page);
    await page.getByRole('button', { name: b.name, exact: true }).click();
    await expectCameraAt(page, b.camera);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = page.url();
    expect(link).toContain('#view=');
    for (const url of [link, link.replace('/?', '/?embed=1&'), `/?embed=1&view=${encodeURIComponent(a.name)}`]) {
      // The page opens in the isometric view (perspective): the link's view is another perspective view.
      const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await openApp(other, url.replace(/^https?:\/\/[^/]+/, '').replace(/^\//, ''));
      await expectCameraAt(other, url.includes('view=') && !url.includes('#view=') ? a.camera : b.camera);
      if (url.includes('embed')) await expect(other.locator('.topbar')).toBeHidden();
      await other.close();
    }
  });
});

/** What a step shows, besides the camera. */
async function stepState(page: Page) {
  return page.evaluate(() => {
    const s = window.veinscape.store.getState();
    const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    return { filters: s.filters, layers: s.layerVisible, zones: s.zoneVisible, faults: round(s.faultOffsets), holesFollowFaults: s.holesFollowFaults, colorBy: s.colorBy, longSection: s.longSection };
  });
}


test('stepping back in a presentation gives each step its whole state again, the same as going forward', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const views = await sampleViews(page);
  const n = views.length;
  // Something on screen that no step asks for: a step must not keep it.
  await page.evaluate(() => window.veinscape.store.getState().setFilters({ holeSearch: 'RK05', yearMin: 2006 }));
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const forward: Awaited<ReturnType<typeof stepState>>[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tour-caption')).toContainText(`${i + 1} / ${n}`);
    await settleStep(page, i);
    forward.push(await stepState(page));
  }
  // The sample's steps change filters, layers, zones and fault offsets along the way.
  expect(forward[0].filters.holeSearch).toBe('');
  expect(new Set(forward.map((f) => JSON.stringify(f.filters))).size).toBeGreaterThan(1);
  expect(new Set(forward.map((f) => JSON.stringify(f.faults))).size).toBeGreaterThan(1);
  expect(new Set(forward.map((f) => JSON.stringify(f.layers))).size).toBeGreaterThan(1);
  for (let i = n - 2; i >= 0; i--) {
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('tour-caption')).toContainText(`${i + 1} / ${n}`);
    await settleStep(page, i);
    expect(await stepState(page), `step ${i + 1} (${views[i].name}) after stepping back`).toEqual(forward[i]);
    await expectCameraAt(page, views[i].camera);
  }
  // The first step leaves the labels to the dataset's default (on), though step 2 turned them off.
  expect(forward[0].layers.labels).toBe(true);
});

test.describe('the long section as a presentation step', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a step opens it full screen, under the caption, and the next step closes it', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const views = await page.evaluate(() => window.veinscape.store.getState().model!.views.map((v) => ({ name: v.name, ls: v.longSection ?? null })));
    const i = views.findIndex((v) => v.ls?.fullScreen);
    expect(i, 'the sample has a long-section step').toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    for (let k = 0; k < i; k++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('tour-caption')).toContainText(`${i + 1} / ${views.length}`);
    const ls = page.getByTestId('long-section');
    await expect(ls).toBeVisible();
    await expect(page.getByTestId('long-section-title')).toContainText(views[i].ls!.system!);
    const box = (await ls.boundingBox())!;
    const area = (await page.locator('.view-area').boundingBox())!;
    const caption = (await page.getByTestId('tour-caption').boundingBox())!;
    // The whole view area, below the caption card; the plot starts under the card.
    expect(box.width).toBeGreaterThan(area.width * 0.95);
    expect(box.y + box.height).toBeGreaterThan(area.y + area.height - 4);
    const plot = (await page.getByTestId('long-section-title').boundingBox())!;
    expect(plot.y).toBeGreaterThanOrEqual(caption.y + caption.height);
    await page.keyboard.press('PageDown');
    await expect(ls).toBeHidden();
    await page.keyboard.press('PageUp');
    await expect(ls).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test('full screen at 1920 x 1080, no label covers another label or a pierce point', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.veinscape.store.getState().setLongSection({ system: null, fullScreen: true, distanceShading: false }));
    await expect(page.getByTestId('long-section-svg')).toBeVisible();
    await expect(page.locator('[data-testid=long-section-svg] text.ls-label').first()).toBeVisible();
    const r = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid=long-section-svg]')!;
      const plot = svg.querySelector('rect.ls-plot-bg')!.getBoundingClientRect();
      const inPlot = (b: DOMRect) => b.right > plot.left && b.left < plot.right && b.bottom > plot.top && b.top < plot.bottom;
      const texts = [...svg.querySelectorAll('text.ls-label, text.ls-note, text.ls-contour-label')].map((t) => ({ t: t.textContent, b: t.getBoundingClientRect() })).filter((x) => inPlot(x.b));
      const points = [...svg.querySelectorAll('circle.ls-pp')].map((c) => c.getBoundingClientRect());
      // A pixel of slack: glyph boxes include the font's side bearings.
      const meet = (a: DOMRect, b: DOMRect, m: number) => a.left + m < b.right && b.left + m < a.right && a.top + m < b.bottom && b.top + m < a.bottom;
      const bad: string[] = [];
      texts.forEach((x, i) => {
        for (const y of texts.slice(i + 1)) if (meet(x.b, y.b, 1)) bad.push(`${x.t} × ${y.t}`);
        if (points.some((p) => meet(x.b, p, 1.5))) bad.push(`${x.t} × a pierce point`);
      });
      return { labels: texts.length, bad };
    });
    expect(r.labels).toBeGreaterThan(20);
    expect(r.bad).toEqual([]);
  });
});

/** A box on screen: visible, not display:none, inside the viewport. */
async function onScreen(page: Page, testId: string): Promise<void> {
  const el = page.getByTestId(testId);
  await expect(el).toBeVisible();
  const vp = page.viewportSize()!;
  const b = (await el.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + Math.min(b.width, 200)).toBeLessThanOrEqual(vp.width);
  expect(b.y + b.height).toBeLessThanOrEqual(vp.height);
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
  test.describe(`every presentation slide at ${width} x ${height}`, () => {
    test.use({ viewport: { width, height } });
    test('carries the disclaimer and the illustrative badge, and the caption never meets the legend', async ({ page }) => {
      test.setTimeout(150_000);
      await openApp(page);
      const { disclaimer, n } = await page.evaluate(() => {
        const m = window.veinscape.store.getState().model!;
        return { disclaimer: m.project.disclaimer!, n: m.views.length };
      });
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      for (let i = 1; i <= n; i++) {
        if (i > 1) await page.keyboard.press('ArrowRight');
        const caption = page.getByTestId('tour-caption');
        await expect(caption).toContainText(`${i} / ${n}`);
        await page.evaluate(() => window.veinscape.ready());
        await expect(page.getByTestId('disclaimer-shown')).toHaveText(disclaimer);
        await onScreen(page, 'disclaimer-shown');
        await onScreen(page, 'illustrative-badge');
        const legend = page.locator('.view-area .legend');
        const c = (await caption.boundingBox())!;
        if (await legend.isVisible()) {
          const l = (await legend.boundingBox())!;
          expect(intersects(c, l), `slide ${i}: caption ${JSON.stringify(c)} and legend ${JSON.stringify(l)}`).toBe(false);
        }
      }
      // The marker opens the whole disclaimer.
      await page.getByRole('button', { name: /Full disclaimer/ }).click();
      const text = page.getByTestId('disclaimer-shown');
      expect(await text.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      await page.keyboard.press('Escape');
    });
  });
}

test('embed mode shows the disclaimer and the illustrative badge', async ({ page }) => {
  await openApp(page, '?embed=1');
  await expect(page.locator('.topbar')).toBeHidden();
  await onScreen(page, 'disclaimer-shown');
  await onScreen(page, 'illustrative-badge');
  const disclaimer = await page.evaluate(() => window.veinscape.store.getState().model!.project.disclaimer!);
  await expect(page.getByTestId('disclaimer-shown')).toHaveText(disclaimer);
});

test('the inferred-resource cautionary statement is on screen exactly while inferred material is', async ({ page }) => {
  await openApp(page);
  const caution = page.getByTestId('inferred-caution');
  await expect(caution).toHaveCount(0);
  await page.getByLabel('Resources', { exact: true }).check();
  await onScreen(page, 'inferred-caution');
  await expect(caution).toContainText('Inferred mineral resources are too speculative geologically');
  await page.evaluate(() => window.veinscape.store.getState().setFilters({ categories: { measured: true, indicated: true, inferred: false } }));
  await expect(caution).toHaveCount(0);
  await page.evaluate(() => window.veinscape.store.getState().setFilters({ categories: { measured: true, indicated: true, inferred: true } }));
  await expect(caution).toBeVisible();
  await page.getByLabel('Resources', { exact: true }).uncheck();
  await expect(caution).toHaveCount(0);
  // The long section draws McDowell's inferred outlines: the statement shows with it.
  await page.getByRole('button', { name: 'Long section', exact: true }).click();
  await expect(page.getByTestId('long-section')).toBeVisible();
  await onScreen(page, 'inferred-caution');
  await page.getByRole('button', { name: 'Close long section' }).click();
  await expect(caution).toHaveCount(0);
});
