/**
 * The top bar's language switch: the interface changes language at once (the top bar and the
 * data-QA panel here), `<html lang>` follows, the choice is kept across visits (localStorage
 * `veinscape:lang`), and `?lang=` wins over the kept choice without replacing it.
 */
import { expect, test, type Page } from '@playwright/test';
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
