/**
 * Bad deposit files in the built app: a broken file (picked in the UI or given to
 * `veinscape.load`) leaves the dataset on screen and the report names the file; markup in the
 * data is shown as text and never runs; one absurd collar is reported and neither freezes the
 * page nor stretches the axes or the fit.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const sampleText = readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8');
const sample = () => JSON.parse(sampleText);

/** The dataset on screen: its project name and hole count. */
const onScreen = (page: Page) =>
  page.evaluate(() => {
    const s = window.veinscape.store.getState();
    return { project: s.model!.project.name, holes: s.model!.holes.length, version: s.version };
  });

test.describe('bad deposit files', () => {
  test('a broken file, picked or loaded through the API, leaves the sample on screen and the report names the file', async ({ page }) => {
    await openApp(page);
    const before = await onScreen(page);
    expect(before.holes).toBe(258);

    await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "veinscape",\n "schemaVersion": 1, "project": {') });
    const report = page.getByTestId('load-report');
    await expect(report).toContainText('Could not load broken.json');
    await expect(report).toContainText('broken.json:2:');
    await expect(report).toContainText('the dataset on screen is unchanged');
    expect(await onScreen(page)).toEqual(before);

    // A truncated binary file, picked in the UI.
    await page.getByTestId('file-input').setInputFiles({ name: 'cut.vsb', mimeType: 'application/octet-stream', buffer: Buffer.from('VSCB\u0001\u0000\u0000\u0000\u0008\u0000\u0000\u0000', 'latin1') });
    await expect(report).toContainText('Could not load cut.vsb');
    expect(await onScreen(page)).toEqual(before);

    // Through the API: JSON nested 100,000 levels deep, a file that is not a deposit, a URL that is not there.
    const results = await page.evaluate(async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const out = [];
      for (const [text, name] of [[deep, 'deep.json'], ['<html><script>window.__xss = 1</script></html>', 'page.json']]) {
        const r = await window.veinscape.load(new File([text], name, { type: 'application/json' }));
        out.push({ ok: r.ok, source: r.source, path: r.errors[0]?.path, message: r.errors[0]?.message });
      }
      const r = await window.veinscape.load('/no-such-deposit.json');
      out.push({ ok: r.ok, source: r.source, path: r.errors[0]?.path, message: r.errors[0]?.message });
      // An object that cannot be sent to the loading worker.
      const o = await window.veinscape.load({ format: 'veinscape', schemaVersion: 1, project: { name: () => 1 } });
      out.push({ ok: o.ok, source: o.source, path: o.errors[0]?.path, message: o.errors[0]?.message });
      await window.veinscape.ready();
      return out;
    });
    expect(results[0]).toMatchObject({ ok: false, source: 'deep.json', path: '$' });
    expect(results[1]).toMatchObject({ ok: false, source: 'page.json' });
    expect(results[1].path).toMatch(/^page\.json/);
    expect(results[2]).toMatchObject({ ok: false, source: '/no-such-deposit.json' });
    expect(results[3]).toMatchObject({ ok: false, source: 'object', path: 'object' });
    expect(await onScreen(page)).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('in French, the load report of broken drill tables and of a broken deposit file is written in French', async ({ page }) => {
    await openApp(page, '?lang=fr');
    const collar = 'HOLEID,EAST,NORTH,RL,DEPTH\nDH1,612000,5340000,300,150\nDH1,612001,5340001,300,150\nDH2,612050,5340000,300,1250.5';
    const survey = 'HOLEID,AT,AZ,DIP\nDH1,0,10,-60\nDH1,180,10,-60\nDH9,0,10,-60';
    await page.getByTestId('file-input').setInputFiles([
      { name: 'collar.csv', mimeType: 'text/csv', buffer: Buffer.from(collar) },
      { name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(survey) },
    ]);
    const report = page.getByTestId('load-report');
    await expect(report).toContainText('collet en double pour le forage « DH1 » (premier à collar.csv:row 2); collet ignoré');
    await expect(report).toContainText('le forage « DH9 » n’a pas de collet\u00a0: 1 ligne de levé de survey.csv ignorée');
    await expect(report).toContainText('forage DH1\u00a0: la station de levé à 180 m est au-delà de la profondeur finale de 150 m; ignorée');
    await expect(report).toContainText('Écartés\u00a0: 1 collet, 2 stations de levé, 0 intervalle');
    await expect(report).not.toContainText('ignored');

    await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "veinscape",\n "schemaVersion": 1, "project": {') });
    await expect(report).toContainText('JSON invalide\u00a0: ');
    await page.getByTestId('file-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "other"}') });
    await expect(report).toContainText('doit être « veinscape » (trouvé\u00a0: "other"); ce n’est pas un fichier de gisement Veinscape');
  });

  test('markup and script in the data are shown as text and never run', async ({ page }) => {
    await openApp(page);
    const html = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const doc = sample();
    doc.project.name = html;
    doc.holes[0].id = html;
    doc.holes[1].program = html;
    // A bad record whose id is markup: the report lists the id.
    doc.holes[2].id = `${html}-bad`;
    doc.holes[2].depth = -1;
    await page.getByTestId('file-input').setInputFiles({ name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const report = page.getByTestId('load-report');
    await expect(report).toContainText('Loaded markup.json');
    await page.evaluate(() => window.veinscape.ready());
    await expect(report).toContainText(`${html}-bad`);
    const state = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      return { project: s.model!.project.name, first: s.model!.holes[0].id, holes: s.model!.holes.length, xss: (window as unknown as { __xss?: number }).__xss, images: document.querySelectorAll('img[src="x"]').length, scripts: [...document.querySelectorAll('script')].filter((e) => e.textContent?.includes('__xss')).length };
    });
    expect(state).toEqual({ project: html, first: html, holes: 257, xss: undefined, images: 0, scripts: 0 });
  });

  test('one collar typed 5e12 m east: reported, the page stays responsive, axes and fit frame the other holes', async ({ page }) => {
    await openApp(page);
    const doc = sample();
    const id = doc.holes[5].id;
    doc.holes[5].collar = [5e12, doc.holes[5].collar[1], doc.holes[5].collar[2]];
    const report = await page.evaluate(async (text) => {
      const r = await window.veinscape.load(new File([text], 'outlier.json', { type: 'application/json' }));
      await window.veinscape.ready();
      return r;
    }, JSON.stringify(doc));
    expect(report.ok).toBe(true);
    expect(report.counts.holes).toBe(258);
    const w = report.warnings.find((x) => x.path === '$.holes[5].collar[0]');
    expect(w?.id).toBe(id);
    expect(w?.message).toMatch(/5\s000\s000\s000\s000 m east is 5\.0e12 m from the other holes; left out of the model extent/);
    await expect(page.getByTestId('load-report-chip')).toBeVisible();

    // Fit to view, then the axes' labels: every easting within the sample's 611-613 km.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.evaluate(() => window.veinscape.ready());
    const seen = await page.evaluate(() => {
      const l = window.veinscape.layout();
      const s = window.veinscape.store.getState();
      const at = (i: number) => window.veinscape.project(s.model!.holes[i].collar as [number, number, number]);
      return { labels: l.labels.map((x) => x.text), model: l.model, first: at(0), last: at(257), outlier: at(5) };
    });
    const eastings = seen.labels.filter((t) => / E$/.test(t)).map((t) => Number(t.replace(/[^\d]/g, '')));
    expect(eastings.length).toBeGreaterThan(2);
    expect(eastings.length).toBeLessThan(30);
    for (const e of eastings) expect(e > 610_000 && e < 614_000, `easting tick ${e}`).toBe(true);
    // The bulk fills the view: the first and last collars are on screen, the model no wider than the view.
    expect(seen.first).not.toBeNull();
    expect(seen.last).not.toBeNull();
    expect(seen.model!.width).toBeLessThanOrEqual(1280);
    expect(seen.model!.width).toBeGreaterThan(300);
    expect(seen.outlier).toBeNull();
  });
});
