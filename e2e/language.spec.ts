/**
 * The top bar's language switch: the interface changes language at once (the top bar and the
 * data-QA panel here), `<html lang>` follows, the choice is kept across visits (localStorage
 * `veinscape:lang`), and `?lang=` wins over the kept choice without replacing it. With no choice
 * made, the browser's preferred language decides (a Quebec browser, fr-CA, opens in French).
 * View links carry the sender's language, embeds take ?lang=, the roadshow build takes --lang.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './helpers';

async function speaks(page: Page, lang: 'en' | 'fr'): Promise<void> {
  const fr = lang === 'fr';
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('language')).toHaveValue(lang);
  const bar = page.locator('header.topbar');
  await expect(bar.getByRole('button', { name: fr ? 'Ouvrir…' : 'Open…', exact: true })).toBeVisible();
  await expect(bar.getByTitle(fr ? 'Vue en plan, nord en haut' : 'Plan view, north up')).toBeVisible();
  await expect(bar.getByRole('combobox', { name: fr ? 'Cadrer sur une zone' : 'Fit to zone' })).toBeVisible();
  await expect(page.getByTestId('qa-panel').getByRole('heading').first()).toContainText(fr ? 'Contrôle des données' : 'Data QA');
  await expect(page.getByTestId('desurvey-method')).toHaveText(fr ? 'Calcul de trajectoire\u00a0: courbure minimale' : 'Desurvey: minimum curvature');
}

test('switching to Français translates the top bar and the QA panel, survives a reload, and ?lang=en wins', async ({ page }) => {
  await openApp(page);
  await speaks(page, 'en');

  await page.getByTestId('language').selectOption('fr');
  await speaks(page, 'fr');
  // The longer French labels still leave the "illustrative model" badge whole, clear of the view buttons.
  const badge = page.locator('header.topbar .badge');
  await expect(badge).toHaveText('Modèle illustratif');
  const [right, nav] = [await badge.evaluate((e) => e.getBoundingClientRect().right), await page.locator('nav.views').evaluate((e) => e.getBoundingClientRect().left)];
  expect(right).toBeLessThanOrEqual(nav);
  expect(await page.evaluate(() => localStorage.getItem('veinscape:lang'))).toBe('fr');

  await page.reload();
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await speaks(page, 'fr');

  await openApp(page, '?lang=en');
  await speaks(page, 'en');
  // The query does not replace the user's own choice: without it, French again.
  expect(await page.evaluate(() => localStorage.getItem('veinscape:lang'))).toBe('fr');
  await openApp(page);
  await speaks(page, 'fr');

  // Back to English from the switch.
  await page.getByTestId('language').selectOption('en');
  await speaks(page, 'en');
});

/** A page in a browser whose preferred language is `locale` (navigator.languages), with nothing kept from earlier visits. */
async function browserIn(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

test('a French-Canadian browser opens in French; a kept English choice and ?lang win over it', async ({ browser }) => {
  const page = await browserIn(browser, 'fr-CA');
  expect(await page.evaluate(() => navigator.language)).toBe('fr-CA');
  await openApp(page);
  await speaks(page, 'fr');
  expect(await page.evaluate(() => localStorage.getItem('veinscape:lang')), 'the browser\'s preference is not a choice to keep').toBeNull();

  // The user picks English: it is kept, and wins over the browser on the next visit.
  await page.getByTestId('language').selectOption('en');
  await openApp(page);
  await speaks(page, 'en');

  // ?lang= wins over both, without replacing the kept choice.
  await openApp(page, '?lang=fr');
  await speaks(page, 'fr');
  expect(await page.evaluate(() => localStorage.getItem('veinscape:lang'))).toBe('en');
  await page.context().close();

  // An English browser with no choice made opens in English.
  const en = await browserIn(browser, 'en-CA');
  await openApp(en);
  await speaks(en, 'en');
  await en.context().close();
});

test('a view link made in French opens in French in an English browser; an embed takes ?lang=fr', async ({ browser, page }) => {
  await openApp(page);
  await page.getByTestId('language').selectOption('fr');
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  const link = new URL(page.url());
  expect(link.searchParams.get('lang')).toBe('fr');
  expect(link.hash).toMatch(/^#view=/);

  const reader = await browserIn(browser, 'en-US');
  await openApp(reader, link.search + link.hash);
  await speaks(reader, 'fr');

  // Embed mode: no top bar, the credit line's own words in French.
  await openApp(reader, '?embed=1&lang=fr');
  await expect(reader.locator('html')).toHaveAttribute('lang', 'fr');
  const credit = reader.getByTestId('embed-credit');
  await expect(credit.getByTestId('illustrative-badge')).toHaveText('Modèle illustratif');
  await expect(credit.getByRole('button', { name: 'Avertissement complet' })).toBeVisible();
  await reader.context().close();
});

test('the roadshow built with --lang fr opens in French from the file system, whatever the browser', async ({ browser }) => {
  test.setTimeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'roadshow-fr-'));
  execFileSync('node', ['scripts/build-roadshow.mjs', '--out', out, '--lang', 'fr'], { stdio: 'pipe' });
  const page = await browserIn(browser, 'en-US');
  await page.goto(`file://${join(out, 'veinscape-roadshow.html')}`);
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await speaks(page, 'fr');
  // The presenter's own choice on that laptop still wins.
  await page.getByTestId('language').selectOption('en');
  await page.reload();
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await speaks(page, 'en');
  await page.context().close();
});
