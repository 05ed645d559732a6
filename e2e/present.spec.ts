import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { act, canvasPixels, distinctColours, openApp, pixelDifference } from './helpers';


test.describe('saved views, links and tours', () => {
  test('the sample\'s saved views open from the Views panel', async ({ page }) => {
    await openApp(page);
    const list = page.getByTestId('views-list');
    await expect(list).toContainText('Long section: McDowell');
    const before = await canvasPixels(page);
    await page.getByRole('button', { name: 'Long section: McDowell' }).click();
    await page.waitForTimeout(1900); // the flight takes 1.6 s
    await page.evaluate(() => window.veinscape.ready());
    const s = await page.evaluate(() => {
      const st = window.veinscape.store.getState();
      return { projection: st.projection, talus: st.zoneVisible.talus, mcd2: st.zoneVisible['mcdowell-2'] };
    });
    expect(s).toEqual({ projection: 'orthographic', talus: false, mcd2: true });
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.05);
  });

  test('a view saved in the browser survives a reload', async ({ page }) => {
    await openApp(page);
    await act(page, () => page.getByRole('button', { name: 'Plan', exact: true }).click());
    await page.getByLabel('View name').fill('My plan <b>view</b>');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByTestId('views-list')).toContainText('My plan <b>view</b>');
    await page.reload();
    await page.waitForFunction(() => 'veinscape' in window);
    await page.evaluate(() => window.veinscape.ready());
    await expect(page.getByTestId('views-list')).toContainText('My plan <b>view</b>');
    await page.getByRole('button', { name: 'Delete view My plan <b>view</b>' }).click();
    await expect(page.getByTestId('views-list')).not.toContainText('My plan');
  });

  test('a copied link reopens the same camera, filters and fault offsets', async ({ page, browser }) => {
    await openApp(page);
    await act(page, () => page.getByRole('button', { name: 'Plan', exact: true }).click());
    await page.getByLabel('Hide', { exact: true }).check();
    await page.getByTestId('cutoff-input').fill('3');
    await page.getByLabel('Fault F2 offset in m').fill('10');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('link-status')).toBeVisible();
    const url = page.url();
    expect(url).toContain('#view=');
    const original = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      return { filters: s.filters, offsets: s.faultOffsets, projection: s.projection };
    });
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(url);
    await other.waitForFunction(() => 'veinscape' in window);
    await other.evaluate(() => window.veinscape.ready());
    await other.waitForFunction(() => window.veinscape.store.getState().filters.gradeCutoff === 3);
    await other.evaluate(() => window.veinscape.ready());
    const reopened = await other.evaluate(() => {
      const s = window.veinscape.store.getState();
      return { filters: s.filters, offsets: s.faultOffsets, projection: s.projection };
    });
    expect(reopened.filters.gradeCutoff).toBe(3);
    expect(reopened.filters.belowCutoff).toBe('hide');
    expect(reopened.offsets.F2).toBeCloseTo(original.offsets.F2, 2);
    expect(reopened.projection).toBe('orthographic');
    // Same picture: same camera (the two pages have the same size).
    expect(pixelDifference(await canvasPixels(page), await canvasPixels(other))).toBeLessThan(0.01);
    await other.close();
  });

  test('a tour plays through every view with captions, by keys in presentation mode, and Esc leaves', async ({ page }) => {
    test.setTimeout(200_000);
    await openApp(page);
    const n = await page.evaluate(() => window.veinscape.store.getState().model!.views.length);
    expect(n).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.locator('.topbar')).toBeHidden();
    const caption = page.getByTestId('tour-caption');
    let previous = await canvasPixels(page);
    let previousLong = false;
    for (let i = 1; i <= n; i++) {
      await expect(caption).toContainText(`${i} / ${n}`);
      await page.waitForTimeout(1900);
      await page.evaluate(() => window.veinscape.ready());
      const now = await canvasPixels(page);
      // A long-section step covers the 3D view with the long section (e2e/presenting.spec.ts).
      const long = await page.getByTestId('long-section').isVisible();
      if (i > 1 && !long && !previousLong) expect(pixelDifference(previous, now), `step ${i} changes the picture`).toBeGreaterThan(0.01);
      previous = now;
      previousLong = long;
      if (i < n) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
    }
    await page.keyboard.press('PageUp');
    await expect(caption).toContainText(`${n - 1} / ${n}`);
    await page.keyboard.press('Escape');
    await expect(caption).toBeHidden();
    await expect(page.locator('.topbar')).toBeVisible();
    expect(await page.evaluate(() => window.veinscape.store.getState().presenting)).toBe(false);
  });

  test('a timed tour moves on by itself', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Play tour' }).click();
    const caption = page.getByTestId('tour-caption');
    await expect(caption).toContainText('1 / ');
    await expect(caption).toContainText('2 / ', { timeout: 9000 });
  });

  test('embed mode shows the picture with no interface chrome, at a given view', async ({ page }) => {
    await page.goto('/?embed=1&view=Plan%3A%20north-trending%20faults');
    await page.waitForFunction(() => 'veinscape' in window);
    await page.evaluate(() => window.veinscape.ready());
    await page.waitForFunction(() => window.veinscape.store.getState().projection === 'orthographic');
    await page.evaluate(() => window.veinscape.ready());
    await expect(page.locator('.topbar')).toBeHidden();
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.getByTestId('embed-credit')).toContainText(/illustrative/i);
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(10);
  });
});

test.describe('offline roadshow build', () => {
  test('a single HTML file opens from the file system with no network and draws', async ({ page }) => {
    test.setTimeout(240_000);
    const out = mkdtempSync(join(tmpdir(), 'roadshow-'));
    execFileSync('node', ['scripts/build-roadshow.mjs', '--out', out], { stdio: 'pipe' });
    const file = join(out, 'veinscape-roadshow.html');
    expect(existsSync(file)).toBe(true);
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|blob|data):/.test(r.url())) remote.push(r.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => 'veinscape' in window);
    await page.evaluate(() => window.veinscape.ready());
    expect(await page.evaluate(() => window.veinscape.store.getState().model!.holes.length)).toBeGreaterThan(100);
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(20);
    expect(remote).toEqual([]);
  });
});
