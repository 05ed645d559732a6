/**
 * The sample's first picture and the load's progress bar (issue 22, part 1). Nothing is timed:
 * the order of events is checked, not their durations (speed is measured by `npm run bench`).
 *
 * - `performance.mark('veinscape:first-picture')` is set once the GPU has finished the first frame
 *   that shows the dataset, before `veinscape.ready()` resolves, and that frame drew every surface
 *   of the file and the hole layers (the collars are the top of each trace);
 * - the progress bar, recorded by a MutationObserver from before the app's first script, never
 *   goes back, within a phase or across phases, and reaches 100 % before it goes away, in English
 *   and in French (its text from each language's catalogue).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const sample = JSON.parse(readFileSync(join(process.cwd(), 'data/rocmec1.json'), 'utf8')) as { surfaces: unknown[] };
const catalogue = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), `src/i18n/locales/${lang}/status.json`), 'utf8')) as { progress: Record<string, string> };

interface Seen {
  t: number;
  pct: number;
  phase: string;
  text: string;
}

/** Records every state of the progress bar from the first mutation of the page. */
async function recordProgress(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Seen[] = ((window as unknown as { __progress: Seen[] }).__progress = []);
    const look = () => {
      const el = document.querySelector('[data-testid="progress"]');
      const last = seen[seen.length - 1];
      if (!el) {
        if (last && last.phase !== 'gone') seen.push({ t: performance.now(), pct: -1, phase: 'gone', text: '' });
        return;
      }
      const s = { t: performance.now(), pct: Number(el.getAttribute('aria-valuenow')), phase: el.getAttribute('data-phase') ?? '', text: el.textContent ?? '' };
      if (!last || last.pct !== s.pct || last.phase !== s.phase || last.text !== s.text) seen.push(s);
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function readyAt(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await window.veinscape.ready();
    return performance.now();
  });
}

test.describe('the first picture and the progress bar', () => {
  test('the first picture mark: surfaces and holes drawn and finished by the GPU, before ready()', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    const ready = await readyAt(page);
    const marks = await page.evaluate(() =>
      performance.getEntriesByName('veinscape:first-picture').map((m) => ({ t: m.startTime, detail: (m as PerformanceMark).detail as { surfaces: number; holeLayers: string[] } })),
    );
    expect(marks).toHaveLength(1);
    const [mark] = marks;
    expect(mark.t).toBeLessThanOrEqual(ready);
    // Every surface of the file (veins, alteration, host and faults are all shown at start).
    expect(mark.detail.surfaces).toBe(sample.surfaces.length);
    // The holes: intervals, and traces where no interval covers a hole.
    expect(mark.detail.holeLayers).toEqual(expect.arrayContaining(['intervals', 'traces']));
    // Once only: another load does not mark a first picture again.
    await page.evaluate(async () => {
      const again = await window.veinscape.load(window.veinscape.store.getState().datasetReport!.source);
      if (!again.ok) throw new Error('the sample did not load again');
      await window.veinscape.ready();
    });
    expect(await page.evaluate(() => window.veinscape.store.getState().version)).toBe(2);
    expect(await page.evaluate(() => performance.getEntriesByName('veinscape:first-picture').length)).toBe(1);
  });

  test('every hole layer draws with one shader program: showing resources and hiding intervals builds none', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await readyAt(page);
    // Each program costs 40-170 ms of the GPU process at start-up on software WebGL: intervals,
    // traces, workings, fault traces and resource outlines differ by uniforms, not by program.
    const programs = () => page.evaluate(() => window.veinscape.stats().programs);
    const before = await programs();
    // the lit surfaces (veins and faults alike: the veins carry the model box's planes switched off),
    // the hole layers with the emphasised grades over the surfaces, the axes box
    expect(before).toBeLessThanOrEqual(3);
    for (const [layer, on] of [['resources', true], ['intervals', false]] as const) {
      await page.evaluate(([l, v]) => window.veinscape.store.getState().setLayerVisible(l, v), [layer, on] as const);
      await readyAt(page);
      expect(await page.evaluate(() => window.veinscape.stats().drawCalls)).toBeGreaterThan(0);
      expect(await programs()).toBe(before);
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`the progress bar never goes back and reaches 100 % (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      await recordProgress(page);
      await page.goto(lang === 'en' ? '/' : `/?lang=${lang}`);
      await readyAt(page);
      const seen = await page.evaluate(() => (window as unknown as { __progress: Seen[] }).__progress);
      const shown = seen.filter((s) => s.phase !== 'gone');
      expect(shown.length).toBeGreaterThan(0);
      // Never back: the bar's value in the order it was seen.
      for (let i = 1; i < shown.length; i++) expect(shown[i].pct, `${JSON.stringify(shown[i - 1])} then ${JSON.stringify(shown[i])}`).toBeGreaterThanOrEqual(shown[i - 1].pct);
      // It reaches 100 % while the 3D view prepares the picture, then goes away (once, at the end).
      expect(shown[shown.length - 1].pct).toBe(100);
      expect(shown[shown.length - 1].phase).toBe('drawing');
      expect(seen[seen.length - 1].phase).toBe('gone');
      expect(seen.filter((s) => s.phase === 'gone')).toHaveLength(1);
      // Its words are the language's: the drawing step's text before the file name.
      const words = catalogue(lang).progress.drawing.split('{{source}}')[0];
      expect(shown[shown.length - 1].text.startsWith(words)).toBe(true);
      await expect(page.getByTestId('progress')).toHaveCount(0);
    });
  }
});
