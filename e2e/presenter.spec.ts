/**
 * The presenter view (issue 21): "Presenter view" opens a second window with the current and next
 * step, the caption as notes, the time and a small copy of the audience's picture; its buttons and keys drive the first window (the
 * audience's: the picture only), Stop or closing either window ends the presentation. The same
 * from the offline roadshow file opened from the file system, with and without BroadcastChannel
 * (then the windows talk by postMessage).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { distinctColours, openApp } from './helpers';

// The sample's first three saved views (data/rocmec1.json), as a reader sees them in English.
const OVERVIEW = 'Rocmec 1 overview';
const PLAN = 'Plan: north-trending faults';
const PLAN_CAPTION = 'Three north-trending faults cut the east-northeast striking, south-dipping veins.';
const LONG = 'Long section: McDowell';

const audienceStep = (page: Page) => page.evaluate(() => window.veinscape.store.getState().tour?.index ?? null);
const presenting = (page: Page) => page.evaluate(() => window.veinscape.store.getState().presenting);

/** Click "Presenter view" in `page` and return the presenter's window once it shows the first step. */
async function openPresenter(page: Page): Promise<Page> {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Presenter view', exact: true }).click()]);
  await popup.waitForLoadState();
  await expect(popup.getByTestId('presenter-step')).toHaveText('View 1 of 6');
  return popup;
}

/** Next, keys, notes and Stop: what both the served app and the roadshow file must do. */
async function drives(page: Page, popup: Page): Promise<void> {
  await expect(popup.getByTestId('presenter-current')).toHaveText(OVERVIEW);
  await expect(popup.getByTestId('presenter-next')).toHaveText(PLAN);
  await expect(popup.getByTestId('presenter-notes')).toContainText('Six vein systems');
  // The audience sees the picture only: no interface, no caption card.
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByTestId('tour-caption')).toBeHidden();
  expect(await audienceStep(page)).toBe(0);

  await popup.getByRole('button', { name: 'Next', exact: true }).click();
  await expect.poll(() => audienceStep(page)).toBe(1);
  await expect(popup.getByTestId('presenter-step')).toHaveText('View 2 of 6');
  await expect(popup.getByTestId('presenter-current')).toHaveText(PLAN);
  await expect(popup.getByTestId('presenter-notes')).toHaveText(PLAN_CAPTION);
  await expect(popup.getByTestId('presenter-next')).toHaveText(LONG);
  // The audience window applies the step: the plan view is orthographic.
  await expect.poll(() => page.evaluate(() => window.veinscape.store.getState().projection)).toBe('orthographic');
  // Once drawn there, a small copy of the audience's picture: a real drawing, not a blank.
  const picture = popup.getByTestId('presenter-picture');
  await expect(picture).toBeVisible({ timeout: 30_000 });
  const pixels = await picture.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 96;
    c.height = 60;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0, c.width, c.height);
    return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
  });
  expect(distinctColours(pixels)).toBeGreaterThan(10);

  // A clicker's keys in the presenter's window.
  await popup.locator('body').press('PageDown');
  await expect.poll(() => audienceStep(page)).toBe(2);
  await popup.locator('body').press('ArrowLeft');
  await expect.poll(() => audienceStep(page)).toBe(1);
  await expect(popup.getByTestId('presenter-current')).toHaveText(PLAN);

  await popup.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => presenting(page)).toBe(false);
  expect(await audienceStep(page)).toBeNull();
  await expect(page.locator('.topbar')).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('The presentation has ended.');
}

test.describe('presenter view, served app', () => {
  test('the presenter window drives the audience window: steps, notes, elapsed time, Stop', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const popup = await openPresenter(page);
    // The clock runs from 00:00.
    const clock = popup.getByTestId('presenter-elapsed');
    await expect(clock).toHaveText(/^00:0\d$/);
    const first = await clock.textContent();
    await expect(clock).not.toHaveText(first!);
    await expect(clock).toHaveText(/^\d\d:\d\d$/);
    await drives(page, popup);
  });

  test('closing the presenter window ends the presentation; the audience\'s Esc ends the presenter\'s', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    let popup = await openPresenter(page);
    await popup.close();
    await expect.poll(() => presenting(page)).toBe(false);
    await expect(page.locator('.topbar')).toBeVisible();

    popup = await openPresenter(page);
    await page.keyboard.press('Escape');
    await expect(popup.getByRole('status')).toHaveText('The presentation has ended.');
    expect(await presenting(page)).toBe(false);
  });

  test('a blocked pop-up starts nothing and says how to allow it', async ({ page }) => {
    await openApp(page);
    // What window.open gives when the browser blocks the pop-up.
    await page.evaluate(() => { window.open = () => null; });
    await page.getByRole('button', { name: 'Presenter view', exact: true }).click();
    await expect(page.getByTestId('presenter-blocked')).toHaveText("The browser blocked the presenter's window: allow pop-ups for this page, then click Presenter view again.");
    expect(await presenting(page)).toBe(false);
    await expect(page.locator('.topbar')).toBeVisible();
  });

  test('in French, the presenter window speaks French and shows the French notes', async ({ page }) => {
    await openApp(page, '?lang=fr');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Mode présentateur', exact: true }).click()]);
    await expect(popup.getByTestId('presenter-step')).toHaveText('Vue 1 sur 6');
    await popup.getByRole('button', { name: 'Suivante', exact: true }).click();
    await expect(popup.getByTestId('presenter-current')).toHaveText('Plan : failles de direction nord');
    await expect(popup.getByTestId('presenter-notes')).toHaveText('Trois failles de direction nord recoupent les filons de direction est-nord-est à pendage sud.');
    await expect(popup.getByTestId('presenter-next')).toHaveText('Section longitudinale : McDowell');
  });
});

test.describe('presenter view, offline roadshow file', () => {
  let file = '';
  test.beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'roadshow-presenter-'));
    execFileSync('node', ['scripts/build-roadshow.mjs', '--out', out], { stdio: 'pipe' });
    file = join(out, 'veinscape-roadshow.html');
  });

  for (const broadcast of [true, false]) {
    test(`from file://, ${broadcast ? 'over BroadcastChannel' : 'with no BroadcastChannel (postMessage between the windows)'}`, async ({ page }) => {
      test.setTimeout(240_000);
      if (!broadcast) await page.context().addInitScript(() => Reflect.deleteProperty(window, 'BroadcastChannel'));
      const remote: string[] = [];
      page.context().on('request', (r) => {
        if (!/^(file|blob|data):/.test(r.url())) remote.push(r.url());
      });
      await page.goto(`file://${file}`);
      await page.waitForFunction(() => 'veinscape' in window);
      await page.evaluate(() => window.veinscape.ready());
      const popup = await openPresenter(page);
      expect(popup.url()).toMatch(/^file:\/\/.*veinscape-roadshow\.html\?presenter=1&session=\w+$/);
      expect(await popup.evaluate(() => 'BroadcastChannel' in window)).toBe(broadcast);
      await drives(page, popup);
      expect(remote).toEqual([]);
    });
  }
});
