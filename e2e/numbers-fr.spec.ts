/**
 * Numbers, intercepts and the long section in French (?lang=fr): the intercept table writes decimal
 * commas under French headers, its CSV has French header identifiers and stays machine-readable
 * (decimal point, no grouping) with French notes and labels, and the long section draws its words in French.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

const NBSP = '\u00a0';

test.describe('in French', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page, '?lang=fr');
    await page.getByTestId('intercept-preset').click();
    await page.getByTestId('intercept-table-toggle').click();
    await expect(page.getByTestId('intercept-table-count')).not.toHaveAttribute('data-pending', 'true');
  });

  test('the intercept table: French headers, decimal commas, labels "… g/t Au sur … m (ÉH)"', async ({ page }) => {
    await expect(page.getByTestId('intercept-sort-hw')).toContainText('ÉH');
    await expect(page.getByTestId('intercept-sort-tw')).toContainText('ÉV');
    await expect(page.getByTestId('intercept-sort-gramMetres')).toContainText('g/t·m (ÉH)');
    await expect(page.getByTestId('intercept-sort-from')).toContainText('De');
    const row = page.getByTestId('intercept-row').first();
    // From, to and the capped grade: digits, a decimal comma, two decimals (no decimal point).
    for (const col of [1, 2, 6]) await expect(row.locator('td').nth(col)).toHaveText(/^\d{1,3}(\u202f\d{3})*,\d\d$/);
    await expect(row).toHaveAttribute('title', /^\d+,\d\d g\/t Au sur \d+,\d\d m \(épaisseur horizontale\)$/);
    await expect(page.getByTestId('intercept-summary')).toContainText(/\d+,\d\d g\/t Au sur \d+,\d\d m \(ÉH, pondéré par l’épaisseur\)/);
  });

  test('the intercept CSV: French header identifiers, numbers with a decimal point, French notes and labels', async ({ page }) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('intercept-export').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const all = text.split('\r\n').filter((l) => l !== '');
    expect(all[0]).toMatch(new RegExp(`^# intersections dans la vue${NBSP}: (\\d+) sur \\1 \\(aucun filtre de vue\\)$`));
    expect(all[1].startsWith(`# Colonnes${NBSP}: forage = forage; de_m = de (m);`)).toBe(true);
    const lines = all.filter((l) => !l.startsWith('#'));
    expect(lines[0]).toBe('forage,de_m,a_m,longueur_carotte_m,epaisseur_vraie_m,epaisseur_horizontale_m,non_echantillonne_m,teneur_plafonnee_gpt,teneur_non_plafonnee_gpt,grammes_metres,grammes_metres_epaisseur,zone,nom_zone,libelle');
    for (const line of lines.slice(1, 20)) {
      // The French label holds commas, so it is the one quoted field, last; the rest split on commas.
      const m = /^(.*),"(\d+,\d\d g\/t Au sur \d+,\d\d m \(ÉH\))"$/.exec(line);
      expect(m, line).not.toBeNull();
      const f = m![1].split(',');
      expect(f).toHaveLength(13);
      // from, to, core length, widths, grades, gram-metres: numbers with a decimal point.
      for (const i of [1, 2, 3, 5, 7, 8, 9]) {
        expect(f[i], `${lines[0].split(',')[i]} in ${line}`).toMatch(/^\d+\.\d{3}$/);
        expect(Number.isFinite(Number(f[i]))).toBe(true);
      }
      expect(Number(f[2])).toBeGreaterThan(Number(f[1]));
      expect(f[10]).toBe('HW');
    }
  });

  test('a row opens the selection card and the strip log with French figures and words', async ({ page }) => {
    await page.getByTestId('intercept-row').first().click();
    await expect(page.getByTestId('info-depth')).toHaveText(/^\d+,\d\d m$/);
    await expect(page.getByTestId('info-interval')).toContainText(/^\d+,\d\d – \d+,\d\d m/);
    const strip = page.getByTestId('strip-log');
    await expect(strip).toBeVisible();
    await expect(strip.locator('.sl-sub')).toContainText('foré');
    await expect(page.getByTestId('strip-log-marker')).toHaveText(/^(\d{1,3},\d|\d\u202f\d{3}) m$/); // one decimal under 1 000 m, none from there
    // The intercept bracket's title: the French label and its depths with decimal commas.
    await expect(page.getByTestId('strip-log-intercept').first().locator('title')).toHaveText(/^\d+,\d\d g\/t Au sur \d+,\d\d m \(ÉH\) · \d+,\d\d–\d+,\d\d m$/);
  });

  test('the long section draws its words in French', async ({ page }) => {
    await page.getByRole('button', { name: 'Section long.', exact: true }).click();
    await expect(page.getByTestId('pierce-point').first()).toBeVisible();
    const svg = page.getByTestId('long-section-svg');
    const drawn = (await svg.locator('text').allTextContents()).join('\n');
    expect(drawn).toContain('Élévation (m)');
    expect(drawn).toContain('Profondeur sous la surface (m)');
    expect(drawn).toContain('coordonnées est et nord sur la ligne de section');
    expect(drawn).toContain('Exag. v. 1:1');
    expect(drawn).not.toMatch(/Elevation|Depth below|Along strike|VE 1:1| level\b/);
    // Pierce-point labels: grade and width with decimal commas.
    await expect(svg.locator('text.ls-label').first()).toHaveText(/^\d+,\d\d g\/t \/ \d+,\d\d m( \((ÉV|LC)\))?$/);
    // Eastings grouped with a narrow no-break space.
    expect(drawn).toMatch(/\d{3}\u202f\d{3} E/);
    const legend = page.locator('.ls-legend');
    await expect(legend).toContainText('Au, plafonné à 45 g/t');
    await expect(legend).toContainText(`Taille${NBSP}: g/t·m (ÉH)`);
    await expect(legend).toContainText('filon modélisé');
  });

  test('the long section\'s SVG export carries its title block, legend and notes in French', async ({ page }) => {
    await page.getByRole('button', { name: 'Section long.', exact: true }).click();
    await expect(page.getByTestId('pierce-point').first()).toBeVisible();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('long-section-export-svg').click()]);
    const svg = readFileSync((await dl.path())!, 'utf8');
    const parts = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const part = (name: string) => [...doc.querySelectorAll(`[data-part="${name}"] text`)].map((t) => t.textContent).join(' ');
      return { title: part('title-block'), legend: part('legend'), footer: part('footer'), plot: part('plot') };
    }, svg);
    expect(parts.title).toContain('Section longitudinale (projection longitudinale verticale) · McDowell');
    expect(parts.title).toMatch(/\d{1,2} [a-zéû.]+ \d{4} · Direction \d{3}°, vue vers \d{3}° · Exag\. verticale 1:1 \(vraie grandeur\)/);
    expect(parts.legend).toContain('Au, plafonné à 45 g/t');
    expect(parts.legend).toContain('Contours, g/t·m (ÉH)');
    expect(parts.legend).toContain('filon modélisé');
    expect(parts.footer).toContain(`Étiquettes des points de percée${NBSP}: Teneur plafonnée (g/t) sur épaisseur horizontale (m)`);
    expect(parts.footer).toContain('g/t·m = teneur plafonnée');
    expect(parts.plot).toContain('Élévation (m)');
    expect(Object.values(parts).join(' ')).not.toMatch(/Long section|Strike|Pierce-point|true scale|Elevation|capped at|modelled vein/);
  });
});
