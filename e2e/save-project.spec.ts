/**
 * A project saved and opened again keeps what was loaded: below-detection assays stay flagged
 * (kept as half their limit, and counted as below detection in an intercept's derivation), in the
 * JSON file and in the binary form. Before, the JSON file wrote the half-limit as a plain value, so
 * the reopened project counted those rows as ordinary assays.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

const mini = JSON.parse(readFileSync(new URL('../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));

test('a saved project keeps below-detection assays flagged, as JSON and as binary', async ({ page }) => {
  await openApp(page);
  const doc = structuredClone(mini);
  // Row 5 is -0.01 (below a 0.01 g/t limit) in the fixture; row 0 a text "<0.005", row 1 "<0".
  doc.intervals[0].rows[0][3] = '<0.005';
  doc.intervals[0].rows[1][3] = '<0';
  const assays = () =>
    page.evaluate(() => {
      const t = window.veinscape.store.getState().model!.intervals[0];
      return { au: Array.from(t.numeric.Au, (v) => (Number.isNaN(v) ? null : v)), below: Array.from(t.belowDetection?.Au ?? []) };
    });
  await page.evaluate((d) => window.veinscape.load(d), doc);
  await page.evaluate(() => window.veinscape.ready());
  const loaded = await assays();
  // By hand: half of each limit, flagged; the missing row stays missing.
  expect(loaded).toEqual({ au: [0.0025, 0, 12.5, null, 0.1, 0.005, 7.5], below: [1, 1, 0, 0, 0, 1, 0] });

  const json = await page.evaluate(async () => (await window.veinscape.saveProject('json')).text());
  expect(JSON.parse(json).intervals[0].data.Au).toEqual([-0.005, '<0', 12.5, null, 0.1, -0.01, 7.5]);
  await page.evaluate((d) => window.veinscape.load(JSON.parse(d)), json);
  await page.evaluate(() => window.veinscape.ready());
  expect(await assays()).toEqual(loaded);

  await page.evaluate(async () => {
    const blob = await window.veinscape.saveProject('vsb');
    await window.veinscape.load(new File([blob], 'project.vsb'));
  });
  await page.evaluate(() => window.veinscape.ready());
  expect(await assays()).toEqual(loaded);
});
