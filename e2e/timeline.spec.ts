/**
 * The drilling timeline replays the sample release by release: each step shows the holes its news
 * release and the earlier ones disclosed (the sample's releases: 60 holes of 1988 on 1989-03-15,
 * 57 of 1996 on 1997-02-11, the 2005 holes in two releases of 39, 34 of 2006 on 2006-10-17; the
 * 29 planned holes have none), or year by year (1988, 1996, 2005, 2006, and 2007 for the planned
 * holes), and "Images" downloads a PNG per step in a zip.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** The hole count in view once settled (recounted in the background after a change). */
async function holesInView(page: Page): Promise<number> {
  const el = page.getByTestId('count-holes');
  await expect(el).not.toHaveAttribute('data-pending', 'true');
  return Number((await el.textContent())!.replace(/,/g, ''));
}

test.describe('drilling timeline', () => {
  test('stepping the timeline shows the holes release by release, in date order; closing it restores them all', async ({ page }) => {
    await openApp(page);
    const all = await holesInView(page);
    expect(all).toBe(258);
    await page.getByTestId('timeline-open').click();
    await expect(page.getByTestId('timeline-step')).toHaveText('As disclosed on March 15, 1989 · NR-1989-03 · 60 holes');
    expect(await holesInView(page)).toBe(60);

    // Through the API, each step once drawn: the released holes grow in the order of the releases.
    const seen: [string | null, number][] = [];
    for (let i = 0; i < 5; i++) {
      const step = await page.evaluate((n) => window.veinscape.timeline(n), i);
      seen.push([step && step.kind === 'release' ? step.date : null, await holesInView(page)]);
    }
    expect(seen).toEqual([['1989-03-15', 60], ['1997-02-11', 117], ['2005-11-08', 156], ['2006-02-21', 195], ['2006-10-17', 229]]);

    // The slider goes back in time.
    await page.getByTestId('timeline-slider').fill('1');
    await expect(page.getByTestId('timeline-step')).toHaveText('As disclosed on February 11, 1997 · NR-1997-02 · 117 holes');
    expect(await holesInView(page)).toBe(117);

    // By drilling year instead: the 2005 holes come together, and the planned holes of 2007 last.
    await page.getByTestId('timeline-by-year').click();
    await expect(page.getByTestId('timeline-step')).toHaveText('Drilled by the end of 1988 · 60 holes');
    const byYear: [number | null, number][] = [];
    for (let i = 0; i < 5; i++) {
      const step = await page.evaluate((n) => window.veinscape.timeline(n), i);
      byYear.push([step && step.kind === 'year' ? step.year : null, await holesInView(page)]);
    }
    expect(byYear).toEqual([[1988, 60], [1996, 117], [2005, 195], [2006, 229], [2007, 258]]);
    expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn)).toBeNull();

    await page.getByRole('button', { name: 'End the replay and restore the filters' }).click();
    await expect(page.getByTestId('timeline')).toHaveCount(0);
    expect(await holesInView(page)).toBe(all);
    expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn)).toBeNull();
  });

  test('a disclosure date in force ends the replay there; in French the step reads as a Quebec geologist writes it', async ({ page }) => {
    await openApp(page, '?disclosed=2005-12-31&lang=fr');
    await page.getByTestId('timeline-open').click();
    await expect(page.getByTestId('timeline-step')).toHaveText('Tel que divulgué le 15 mars 1989 · NR-1989-03 · 60 forages');
    const last = await page.evaluate(() => window.veinscape.timeline(99));
    expect(last).toEqual({ kind: 'release', date: '2005-11-08', releases: ['NR-2005-11'], holes: 156 });
    expect(await holesInView(page)).toBe(156);
    await page.evaluate(() => window.veinscape.timeline(null));
    expect(await page.evaluate(() => window.veinscape.store.getState().filters.disclosedOn)).toBe('2005-12-31');
  });

  test('the long section grows with the replay: only the released holes cross it', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Long section', exact: true }).click();
    const holesCrossing = () => page.getByTestId('pierce-point').evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('data-hole')!.slice(0, 4)))].sort());
    await expect(page.getByTestId('pierce-point').first()).toBeVisible();
    expect(await holesCrossing()).toEqual(['RK05', 'RK06', 'RK07', 'RK88', 'RK96']);
    await page.getByTestId('timeline-open').click();
    // 1989: the 1988 surface holes only; no planned hole, no later hole shown as unassayed.
    await expect.poll(holesCrossing).toEqual(['RK88']);
    await page.evaluate(() => window.veinscape.timeline(1));
    await expect.poll(holesCrossing).toEqual(['RK88', 'RK96']);
  });

  test('Play steps through the releases in order and stops at the last', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('timeline-open').click();
    await expect(page.getByTestId('timeline-step')).toContainText('1989');
    const seen = new Set<string>([(await page.getByTestId('timeline-step').textContent())!.split(' · ')[0]]);
    await page.getByTestId('timeline-play').click();
    await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'true');
    // Each step's text as it passes (a step stays two seconds once drawn).
    await expect.poll(async () => {
      seen.add((await page.getByTestId('timeline-step').textContent())!.split(' · ')[0]);
      return page.getByTestId('timeline-play').getAttribute('aria-pressed');
    }, { timeout: 60_000, intervals: [250] }).toBe('false');
    expect([...seen]).toEqual(['March 15, 1989', 'February 11, 1997', 'November 8, 2005', 'February 21, 2006', 'October 17, 2006'].map((d) => `As disclosed on ${d}`));
    expect(await holesInView(page)).toBe(229);
  });

  test('a dataset without news releases replays by drilling year', async ({ page }) => {
    await openApp(page);
    const doc = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'));
    delete doc.releases;
    for (const h of doc.holes) delete h.release;
    expect((await page.evaluate((d) => window.veinscape.load(d), doc)).ok).toBe(true);
    await page.evaluate(() => window.veinscape.ready());
    await page.getByTestId('timeline-open').click();
    await expect(page.getByTestId('timeline-step')).toHaveText('Drilled by the end of 1988 · 60 holes');
    // One way to replay: no choice offered.
    await expect(page.getByTestId('timeline-by-release')).toHaveCount(0);
    const step = await page.evaluate(() => window.veinscape.timeline(1));
    expect(step).toEqual({ kind: 'year', year: 1996, holes: 117 });
    expect(await holesInView(page)).toBe(117);
  });

  test('"Images" downloads one PNG per step, in date order, in a zip', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('timeline-open').click();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('timeline-images').click()]);
    expect(dl.suggestedFilename()).toBe('rocmec-1-russian-kid-illustrative-model-timeline.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['01-1989-03-15', '02-1997-02-11', '03-2005-11-08', '04-2006-02-21', '05-2006-10-17'].map((s) => `rocmec-1-russian-kid-illustrative-model-timeline-${s}.png`));
    for (const n of names) expect([...files[n].subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The pictures differ: holes were added between them.
    expect(files[names[0]].length).not.toBe(files[names[4]].length);
    // Back at the step it started from.
    await expect(page.getByTestId('timeline-step')).toContainText('March 15, 1989');
  });
});
