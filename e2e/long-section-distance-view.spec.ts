/**
 * The long section's shading by distance to data is part of a view: a view saved with it (in the
 * Views panel, a link, an exported picture) opens with it, and one saved without it opens without it.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const SHADE = 'Shade the long section by distance to data';

async function openLongSection(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Long section', exact: true }).click();
  await expect(page.getByTestId('long-section')).toBeVisible();
  await expect(page.getByTestId('pierce-point').first()).toBeVisible();
}

/** The shading as the user sees it: the button's state, the veil over the contours and its legend. */
async function expectShading(page: Page, on: boolean): Promise<void> {
  await expect(page.getByRole('button', { name: SHADE })).toHaveAttribute('aria-pressed', String(on));
  await expect(page.getByTestId('long-section-distance-veil').locator('path.ls-veil')).toHaveCount(on ? 3 : 0);
  if (on) await expect(page.getByTestId('long-section-distance-legend')).toContainText('> 100 m extrapolated');
  else await expect(page.getByTestId('long-section-distance-legend')).toHaveCount(0);
}

async function saveView(page: Page, name: string): Promise<void> {
  await page.getByLabel('View name').fill(name);
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('views-list')).toContainText(name);
}

const openView = (page: Page, name: string) => page.getByTestId('views-list').getByRole('button', { name, exact: true }).click();

/** Reload the page (views kept in this browser come back from its storage), then open a view with the long section. */
async function reloadAndOpenView(page: Page, name: string): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await openView(page, name);
  await expect(page.getByTestId('long-section')).toBeVisible();
}

test.describe('the long section\'s distance shading in saved views', () => {
  test('a view saved with the shading opens with it, one saved without opens without, also after a reload', async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
    await expectShading(page, false);
    await saveView(page, 'Plain long section');
    await page.getByRole('button', { name: SHADE }).click();
    await expectShading(page, true);
    await saveView(page, 'Shaded long section');

    await page.getByRole('button', { name: SHADE }).click();
    await expectShading(page, false);
    await openView(page, 'Shaded long section');
    await expectShading(page, true);
    await openView(page, 'Plain long section');
    await expectShading(page, false);

    // Kept in this browser: the same after a reload.
    await reloadAndOpenView(page, 'Shaded long section');
    await expectShading(page, true);
    expect(await page.evaluate(() => window.veinscape.store.getState().longSection?.distanceShading)).toBe(true);
  });

  test('a copied link opens the long section shaded; a view saved before the shading opens without it', async ({ page, browser }) => {
    await openApp(page);
    await openLongSection(page);
    await page.getByRole('button', { name: SHADE }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('link-status')).toBeVisible();
    const url = page.url();
    expect(url).toContain('#view=');
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(other, url.slice(url.indexOf('?')));
    await expect(other.getByTestId('long-section')).toBeVisible();
    await expectShading(other, true);
    await other.close();

    // A view as stored before the field existed (no distanceShading key), applied through the page's own check.
    await page.evaluate(async () => {
      const s = window.veinscape.store.getState();
      const view = { name: 'Old long section', camera: window.veinscape.camera(), longSection: { system: null, fullScreen: false } };
      localStorage.setItem(`veinscape:views:${s.model!.project.name}`, JSON.stringify([view]));
    });
    await reloadAndOpenView(page, 'Old long section');
    await expectShading(page, false);
  });

  test('an exported picture of the shaded long section verifies, and verifying restores the shading', async ({ page }) => {
    await openApp(page);
    await openLongSection(page);
    await page.getByRole('button', { name: SHADE }).click();
    await expectShading(page, true);
    const on = await page.evaluate(async () => {
      const blob = await window.veinscape.screenshot({ width: 480, height: 300 });
      (window as unknown as { __png: Blob }).__png = blob;
      return window.veinscape.verify(blob);
    });
    expect(on).toEqual({ match: true, data: true, view: true });

    await page.getByRole('button', { name: SHADE }).click();
    await expectShading(page, false);
    const verify = () => page.evaluate(() => window.veinscape.verify((window as unknown as { __png: Blob }).__png));
    // The shading is part of the view's fingerprint: off is another view, and verifying puts it back on.
    expect(await verify()).toEqual({ match: false, data: true, view: false });
    await expectShading(page, true);
    expect(await verify()).toEqual({ match: true, data: true, view: true });
  });
});
