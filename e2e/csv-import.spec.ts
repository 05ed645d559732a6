import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

const EXTERNAL = new URL('../../shared/data/external/', import.meta.url);
const path = (p: string) => new URL(p, EXTERNAL).pathname;

/** Data rows of a CSV file: non-blank lines after the header (none of these files quote newlines). */
function dataRows(p: string): number {
  return readFileSync(path(p), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').length;
}

const DATASETS = [
  { name: 'forrestania', files: ['forrestania/collar.csv', 'forrestania/survey.csv', 'forrestania/assay.csv'], collars: 100, dip: 'negative-down' },
  { name: 'macpass_tom_zone', files: ['macpass_tom_zone/collar.csv', 'macpass_tom_zone/survey.csv', 'macpass_tom_zone/assay.csv'], collars: 273, dip: 'negative-down' },
  { name: 'babbitt', files: ['babbitt/collar_BABBITT.csv', 'babbitt/survey_BABBITT.csv'], collars: 399, dip: 'positive-down' },
];

test.describe('importing real drill databases (CSV) through the file picker', () => {
  for (const ds of DATASETS) {
    test(`${ds.name}: every hole and every row is loaded or reported`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('file-input').setInputFiles(ds.files.map(path));
      await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
      await page.evaluate(() => window.veinscape.ready());
      const result = await page.evaluate(() => {
        const s = window.veinscape.store.getState();
        return {
          holes: s.model!.holes.length,
          ids: s.model!.holes.map((h) => h.id),
          tables: s.csvImport!.tables.map((t) => ({ file: t.file, kind: t.kind, rows: t.rows, loaded: t.loaded, dropped: t.dropped })),
          dip: s.csvImport!.dipSign,
          report: { errors: s.report!.errors.length, warnings: s.report!.warnings.length, ok: s.report!.ok },
        };
      });
      expect(result.report.ok).toBe(true);
      expect(result.holes).toBe(ds.collars);
      expect(result.dip.used).toBe(ds.dip);
      for (const f of ds.files) {
        const t = result.tables.find((x) => f.endsWith(x.file))!;
        expect(t, f).toBeTruthy();
        expect(t.rows, `${f} rows`).toBe(dataRows(f));
        expect(t.loaded + t.dropped, `${f}: loaded + reported`).toBe(t.rows);
      }
      // What the import detected is on screen, and the hole ids stay text.
      await expect(page.getByRole('region', { name: 'Import' })).toContainText('collar');
      await expect(page.getByTestId('dip-evidence')).toContainText(ds.dip);
      if (ds.name === 'babbitt') expect(result.ids).toContain('34873');
      // Something is drawn.
      expect((await page.evaluate(() => window.veinscape.stats())).triangles).toBeGreaterThan(1000);
    });
  }

  test('babbitt in feet: switching the length unit converts coordinates and depths to metres', async ({ page }) => {
    await openApp(page);
    const files = ['babbitt/collar_BABBITT.csv', 'babbitt/survey_BABBITT.csv'];
    await page.getByTestId('file-input').setInputFiles(files.map(path));
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
    await page.evaluate(() => window.veinscape.ready());
    // A hole with a surveyed depth (some babbitt holes are 1 m stubs: no station below the collar).
    const before = await page.evaluate(() => window.veinscape.store.getState().model!.holes.find((h) => h.depth > 10)!);
    await page.getByLabel('Length unit').selectOption('ft');
    await page.getByRole('button', { name: 'Import again with these settings' }).click();
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport!.lengthUnit === 'ft');
    await page.evaluate(() => window.veinscape.ready());
    const after = await page.evaluate((id) => window.veinscape.store.getState().model!.holes.find((h) => h.id === id)!, before.id);
    expect(after.collar[0]).toBeCloseTo(before.collar[0] * 0.3048, 3);
    expect(after.collar[1]).toBeCloseTo(before.collar[1] * 0.3048, 3);
    expect(after.depth).toBeCloseTo(before.depth * 0.3048, 3);
  });

  test('forrestania saved as Veinscape JSON opens again with the same holes and intervals', async ({ page }) => {
    await openApp(page);
    const files = ['forrestania/collar.csv', 'forrestania/survey.csv', 'forrestania/assay.csv'];
    await page.getByTestId('file-input').setInputFiles(files.map(path));
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
    await page.evaluate(() => window.veinscape.ready());
    const counts = await page.evaluate(() => window.veinscape.store.getState().report!.counts);
    const download = page.waitForEvent('download');
    await page.getByTestId('save-json').click();
    const file = await download;
    const text = readFileSync((await file.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc.format).toBe('veinscape');
    expect(doc.holes.length).toBe(100);
    const report = await page.evaluate((d) => window.veinscape.load(d), doc);
    await page.evaluate(() => window.veinscape.ready());
    expect(report.errors).toEqual([]);
    expect(report.counts.holes).toBe(100);
    expect(report.counts.intervals).toBe(counts.intervals);
  });
});
