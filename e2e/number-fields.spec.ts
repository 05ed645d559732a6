/**
 * Number fields (src/ui/DecimalInput.tsx) follow the interface language, not the browser's locale:
 * in French they show a decimal comma and read "2,5"; in English "2.5" (and "2,5") still read as
 * 2.5. A text that is not a number leaves the store as it is and marks the field invalid until it
 * loses focus. What is being typed stays as typed ("2," on the way to "2,5").
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const filters = (page: Page) => page.evaluate(() => window.veinscape.store.getState().filters);
const query = (page: Page) => page.evaluate(() => window.veinscape.store.getState().interceptQuery);

test.describe('in French', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page, '?lang=fr');
  });

  test('the cut-off reads "2,5" typed key by key and shows "2,5"; the store and the slider change it too', async ({ page }) => {
    const cutoff = page.getByTestId('cutoff-input');
    await cutoff.fill('');
    await cutoff.pressSequentially('2,5');
    await expect(cutoff).toHaveValue('2,5');
    expect((await filters(page)).gradeCutoff).toBe(2.5);
    await cutoff.blur();
    await expect(cutoff).toHaveValue('2,5');
    await expect(cutoff).toHaveAttribute('aria-invalid', 'false');

    // A value from elsewhere (the API, a saved view) is shown the French way.
    await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 3.75 }));
    await expect(cutoff).toHaveValue('3,75');
    // ArrowUp steps by 0.1, as type=number did.
    await cutoff.press('ArrowUp');
    await expect(cutoff).toHaveValue('3,85');
    expect((await filters(page)).gradeCutoff).toBe(3.85);
    // The slider beside it.
    await page.getByLabel('Curseur de la teneur de coupure').fill('6.2');
    await expect(cutoff).toHaveValue('6,2');
    expect((await filters(page)).gradeCutoff).toBe(6.2);
  });

  test('the intercept fields show decimal commas and read them', async ({ page }) => {
    const minLength = page.getByTestId('intercept-min-length');
    await expect(minLength).toHaveValue('0,5');
    await minLength.fill('0,8');
    await expect.poll(async () => (await query(page)).minLength).toBe(0.8);
    // A negative length is refused, as before: the store keeps 0.8, the field says so.
    await minLength.fill('-1');
    await expect(minLength).toHaveAttribute('aria-invalid', 'true');
    expect((await query(page)).minLength).toBe(0.8);
    await minLength.blur();
    await expect(minLength).toHaveValue('0,8');
  });

  test('an entry that is not a number leaves the store unchanged and marks the field invalid until it loses focus', async ({ page }) => {
    const cutoff = page.getByTestId('cutoff-input');
    await cutoff.fill('2,5');
    for (const bad of ['2,5,1', 'abc']) {
      await cutoff.fill(bad);
      await expect(cutoff).toHaveValue(bad); // the user's text stays while they type
      await expect(cutoff).toHaveAttribute('aria-invalid', 'true');
      await expect(cutoff).toHaveClass(/\binvalid\b/);
      expect((await filters(page)).gradeCutoff).toBe(2.5);
    }
    await cutoff.blur();
    await expect(cutoff).toHaveValue('2,5');
    await expect(cutoff).toHaveAttribute('aria-invalid', 'false');

    // An optional filter: empty is "no limit", garbage changes nothing.
    const elevation = page.getByRole('region', { name: 'Filtres' }).getByLabel('Élévation minimale en m');
    await elevation.fill('-250,5');
    expect((await filters(page)).elevationMin).toBe(-250.5);
    await elevation.fill('-250,5 m');
    await expect(elevation).toHaveAttribute('aria-invalid', 'true');
    expect((await filters(page)).elevationMin).toBe(-250.5);
    await elevation.fill('');
    expect((await filters(page)).elevationMin).toBeNull();
  });
});

test('in English, "2.5" and "2,5" both read as 2.5 and show "2.5"', async ({ page }) => {
  await openApp(page, '?lang=en');
  const cutoff = page.getByTestId('cutoff-input');
  await cutoff.fill('2.5');
  expect((await filters(page)).gradeCutoff).toBe(2.5);
  await cutoff.fill('4,25');
  expect((await filters(page)).gradeCutoff).toBe(4.25);
  await cutoff.blur();
  await expect(cutoff).toHaveValue('4.25');
  await expect(page.getByTestId('intercept-min-length')).toHaveValue('0.5');
  // Below zero the cut-off is clamped to 0, as before.
  await cutoff.fill('-3');
  expect((await filters(page)).gradeCutoff).toBe(0);
  await cutoff.blur();
  await expect(cutoff).toHaveValue('0');
});
