import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';
import { frenchLocale, win1252 } from '../tests/fixtures/frenchLocale';

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
      await expect(page.getByTestId('dip-evidence')).toContainText(`Detected: ${ds.dip.replace('-', ' ')}`);
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

  test('a French-locale set (";", decimal comma, no-break-space thousands, Windows-1252) loads the same holes, and the panel says how it was read', async ({ page }) => {
    await openApp(page);
    const text = (f: string) => readFileSync(path(`macpass_tom_zone/${f}`), 'utf8');
    // An accented column makes the collar file Windows-1252 bytes, not UTF-8.
    const collar = frenchLocale(text('collar.csv'), true).split('\r\n').map((l, i) => (l ? `${l};${i === 0 ? 'Géologue' : 'Hélène'}` : l)).join('\r\n');
    await page.getByTestId('file-input').setInputFiles([
      { name: 'collar.csv', mimeType: 'text/csv', buffer: Buffer.from(win1252(collar)) },
      { name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(win1252(frenchLocale(text('survey.csv'), true))) },
      { name: 'assay.csv', mimeType: 'text/csv', buffer: Buffer.from(win1252(frenchLocale(text('assay.csv'), true))) },
    ]);
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
    await page.evaluate(() => window.veinscape.ready());
    const r = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      return { holes: s.model!.holes.length, trc: s.model!.holes.find((h) => h.id === 'TRC20-001')!.collar, counts: s.report!.counts, notes: (s.report!.notes ?? []).map((n) => n.message) };
    });
    // macpass: 273 collars, 7,687 survey and 6,215 assay rows (csv-real-data.test.ts); collar.csv row 3: TRC20-001 442065.26, 7003666.75, 1546.98.
    expect(r.holes).toBe(273);
    expect(r.counts).toMatchObject({ collars: 273, surveys: 7687, intervals: 6215 });
    expect(Array.from(r.trc)).toEqual([442065.26, 7003666.75, 1546.98]);
    expect(r.notes).toContain('collar.csv read as semicolon-separated, decimal comma, thousands grouped by spaces, Windows-1252');
    const formats = page.getByRole('region', { name: 'Import' }).getByTestId('table-format');
    await expect(formats.first()).toHaveText('Read as semicolon-separated, decimal comma, thousands grouped by spaces, Windows-1252');
    await expect(formats).toHaveCount(3);
  });

  test('settings belong to their file set: a metres set opened after a feet set is read in metres; Import again shows what changes', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Import' });
    // babbitt, read in feet by the user's choice.
    await page.getByTestId('file-input').setInputFiles(['babbitt/collar_BABBITT.csv', 'babbitt/survey_BABBITT.csv'].map(path));
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
    await page.evaluate(() => window.veinscape.ready());
    await page.getByLabel('Length unit').selectOption('ft');
    await expect(panel.getByTestId('pending-changes')).toHaveText('Will change: lengths: metres → feet');
    await panel.getByRole('button', { name: 'Import again with these settings' }).click();
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport!.lengthUnit === 'ft');
    await expect(panel.getByTestId('unit-status')).toHaveText('Lengths in feet: changed from detected: metres');
    await expect(panel.getByTestId('applied-changes')).toHaveText('Imported again: lengths: metres → feet');

    // A second database, in metres: nothing of the first set's settings carries over.
    await page.getByTestId('file-input').setInputFiles(['forrestania/collar.csv', 'forrestania/survey.csv', 'forrestania/assay.csv'].map(path));
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport?.files[0].name === 'collar.csv');
    await page.evaluate(() => window.veinscape.ready());
    await expect(page.getByLabel('Length unit')).toHaveValue('m');
    await expect(panel.getByTestId('unit-status')).toHaveText('Lengths in metres: assumed, no column names its unit; check against the database');
    await expect(panel.getByTestId('pending-changes')).toHaveText('No change to apply');
    await expect(panel.getByTestId('applied-changes')).toHaveCount(0);
    const bd053 = () => page.evaluate(() => Array.from(window.veinscape.store.getState().model!.holes.find((h) => h.id === 'BD053')!.collar));
    // forrestania collar.csv row 2: BD053 5962.170594488526, 7971.136709329777, 0 (metres, as in the file).
    expect(await bd053()).toEqual([5962.170594488526, 7971.136709329777, 0]);
    // With nothing changed, Import again cannot move anything.
    await expect(panel.getByRole('button', { name: 'Import again with these settings' })).toBeDisabled();

    // An explicit change is listed before and after, and applied.
    await page.getByLabel('Length unit').selectOption('ft');
    await expect(panel.getByTestId('pending-changes')).toHaveText('Will change: lengths: metres → feet');
    await panel.getByRole('button', { name: 'Import again with these settings' }).click();
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport!.lengthUnit === 'ft');
    await page.evaluate(() => window.veinscape.ready());
    await expect(panel.getByTestId('applied-changes')).toHaveText('Imported again: lengths: metres → feet');
    const ft = await bd053();
    expect(ft[0]).toBeCloseTo(5962.170594488526 * 0.3048, 5);
    expect(ft[1]).toBeCloseTo(7971.136709329777 * 0.3048, 5);
    // And back to what was detected.
    await panel.getByRole('button', { name: 'Back to the detected settings' }).click();
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport!.lengthUnit === 'm');
    await page.evaluate(() => window.veinscape.ready());
    expect(await bd053()).toEqual([5962.170594488526, 7971.136709329777, 0]);
  });

  test('a file set that fails outright leaves the dataset on screen, and empty tables are named', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles(['forrestania/collar.csv', 'forrestania/survey.csv'].map(path));
    await page.waitForFunction(() => window.veinscape.store.getState().csvImport !== null);
    await page.evaluate(() => window.veinscape.ready());
    const version = await page.evaluate(() => window.veinscape.store.getState().version);
    await page.getByTestId('file-input').setInputFiles([
      { name: 'collar2.csv', mimeType: 'text/csv', buffer: Buffer.from('') },
      { name: 'survey2.csv', mimeType: 'text/csv', buffer: Buffer.from('hole_ID,depth,dip,azimuth\n') },
    ]);
    await expect(page.getByTestId('load-report')).toContainText('collar2.csv is empty');
    await expect(page.getByTestId('load-report')).toContainText('survey2.csv has a header');
    const after = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      return { version: s.version, holes: s.model!.holes.length, files: s.csvImport!.files.map((f) => f.name) };
    });
    expect(after).toEqual({ version, holes: 100, files: ['collar.csv', 'survey.csv'] });
  });
});

