/**
 * The picture in the user's language: the live legend and the overlay's labels, and an exported
 * PNG, whose title block and footer are also stored in the file as iTXt text chunks (read back
 * here in Node by a parser of our own, independent of the app's).
 */
import { expect, test, type Page } from '@playwright/test';
import { act, openApp, pngTextChunks, screenshotPng } from './helpers';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const CAUTION_FR =
  'Les ressources minérales qui ne sont pas des réserves minérales n’ont pas démontré leur viabilité économique. Les ressources minérales présumées sont trop spéculatives sur le plan géologique pour qu’on leur applique des considérations économiques qui permettraient de les classer dans la catégorie des réserves minérales.';
const CAUTION_EN =
  'Mineral resources that are not mineral reserves do not have demonstrated economic viability. Inferred mineral resources are too speculative geologically to have economic considerations applied to them that would enable them to be categorized as mineral reserves.';

/** An 800 x 500 export with the resource outlines shown (inferred material in view), dated 4 December 2026. */
async function exportWithInferred(page: Page): Promise<Record<string, string>> {
  await act(page, () => page.evaluate(() => window.veinscape.store.getState().setLayerVisible('resources', true)));
return pngTextChunks(await screenshotPng(page, { width: 800, height: 500, date: new Date(2026, 11, 4, 15, 0) }));
}

/** Texts of the labels the live overlay drew. */
const labelTexts = (page: Page) => page.evaluate(() => window.veinscape.layout().labels.map((l) => l.text));

test.describe('the picture in the user language', () => {
  test('in French: the live legend, the axis ticks and an export with its French title block and cautionary statement', async ({ page }) => {
    await openApp(page, '?lang=fr');
    const legend = page.getByTestId('legend');
    await expect(legend).toContainText('Symboles');
    await expect(legend).toContainText('Forage réalisé');
    await expect(legend).toContainText('Autres surfaces');
    await expect(legend).toContainText('non analysé');
    await expect(legend).toContainText('≥ 1 g/t tracé par-dessus les surfaces');
    await expect(legend).not.toContainText('Drilled hole');
    // Axis ticks group thousands with a narrow no-break space ("612 400 E").
    const ticks = (await labelTexts(page)).filter((t) => / [EN]$/.test(t));
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toMatch(new RegExp(`^-?\\d{1,3}(${NNBSP}\\d{3})+ [EN]$`));

    // The project's name as the dataset gives it in French (its default text when it gives none).
    const name = await page.evaluate(() => {
      const p = window.veinscape.store.getState().model!.project as { name: string; texts?: { name?: Record<string, string> } };
      return p.texts?.name?.fr ?? p.name;
    });
    const words = await exportWithInferred(page);
    expect(words.Title).toBe(name);
    expect(words.Description).toBe(`4 décembre 2026  ·  Calcul de trajectoire${NBSP}: courbure minimale  ·  NAD83 / UTM zone 17N (EPSG:26917)`);
    expect(words.Disclaimer.split('\n').at(-1)).toBe(CAUTION_FR);
    expect(words.Software).toBe('Veinscape');
    expect(words['Creation Time']).toMatch(/^\w{3}, 04 Dec 2026 \d\d:00:00 GMT$/);
    // The live legend names the inferred outlines too.
    await expect(legend).toContainText('Ressource présumée');
  });

  test('in English the same picture stays English', async ({ page }) => {
    await openApp(page, '?lang=en');
    const legend = page.getByTestId('legend');
    await expect(legend).toContainText('Symbols');
    await expect(legend).toContainText('Drilled hole');
    await expect(legend).toContainText('≥ 1 g/t drawn over the surfaces');
    const ticks = (await labelTexts(page)).filter((t) => / [EN]$/.test(t));
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toMatch(/^−?\d{1,3}(\u2009\d{3})+ [EN]$/);

    const words = await exportWithInferred(page);
    expect(words.Description).toBe('December 4, 2026  ·  Desurvey: minimum curvature  ·  NAD83 / UTM zone 17N (EPSG:26917)');
    expect(words.Disclaimer.split('\n').at(-1)).toBe(CAUTION_EN);
    await expect(legend).toContainText('Inferred resource');
  });

  test('switching the language rewrites the live legend and the overlay labels at once', async ({ page }) => {
    await openApp(page, '?lang=en');
    await expect(page.getByTestId('legend')).toContainText('Symbols');
    await page.getByTestId('language').selectOption('fr');
    await expect(page.getByTestId('legend')).toContainText('Symboles');
    await expect.poll(async () => (await labelTexts(page)).some((t) => new RegExp(`${NNBSP}\\d{3} [EN]$`).test(t))).toBe(true);
  });
});
