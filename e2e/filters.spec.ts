/**
 * Filters that filter everything they name (issue 19), driven through the panels of the built app:
 * unticking a vein system takes its intervals and intercepts out of the counts in view (against a
 * count made here from the dataset file) and out of the picture without new geometry; a section
 * slab changes the counts; the hole search lists matches as you type and, by keyboard, selects a
 * hole, opens its card and flies to it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { act, canvasPixels, openApp, pixelDifference } from './helpers';

/** A count in view once settled (they are recounted in the background after a change). */
const count = async (page: Page, id: string) => {
  const el = page.getByTestId(id);
  await expect(el).not.toHaveAttribute('data-pending', 'true');
  return Number((await el.textContent())!.replace(/,/g, ''));
};

/** The sample file as stored, read here: the independent side of the comparisons. */
interface SampleFile {
  zones: { id: string; system?: string }[];
  resourceCategories: { category: string; zone?: string }[];
  holes: { id: string; depth: number; status?: string }[];
  intervals: { data: { Au: (number | null)[]; zone: (string | null)[] } }[];
}
const sample = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')) as SampleFile;
const mcdowell = new Set(sample.zones.filter((z) => z.system === 'McDowell').map((z) => z.id));
/** Assayed rows (a grade given) logged in a McDowell zone. */
const mcdowellAssayed = (() => {
  const { Au, zone } = sample.intervals[0].data;
  let n = 0;
  for (let r = 0; r < Au.length; r++) if (typeof Au[r] === 'number' && Au[r]! >= 0 && zone[r] !== null && mcdowell.has(zone[r]!)) n++;
  return n;
})();

test.describe('filters that filter everything they name', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('unticking a vein system takes its intervals and intercepts out of the counts and the picture', async ({ page }) => {
    expect(mcdowell.size).toBe(4); // three veins and their alteration
    expect(mcdowellAssayed).toBeGreaterThan(100);
    const layers = page.getByRole('region', { name: 'Layers' });
    const intervals = await count(page, 'count-intervals');
    const intercepts = await count(page, 'count-intercepts');
    const holes = await count(page, 'count-holes');
    // Intercepts of the system, from the intercept table's rows.
    const mcdowellIntercepts = await page.evaluate((ids) => window.veinscape.store.getState().intercepts.toArray().filter((r) => r.zoneId !== null && ids.includes(r.zoneId)).length, [...mcdowell]);
    expect(mcdowellIntercepts).toBeGreaterThan(0);
    // The vein and alteration surfaces off, so what changes in the picture is the intervals.
    await act(page, () => layers.getByLabel('Veins', { exact: true }).uncheck());
    await act(page, () => layers.getByLabel('Alteration', { exact: true }).uncheck());
    const geometries = (await page.evaluate(() => window.veinscape.stats())).geometries;
    const before = await canvasPixels(page);

    await act(page, () => layers.getByLabel('Vein system McDowell').uncheck());
    for (const id of mcdowell) await expect(layers.getByTestId(`zone-toggle-${id}`).getByRole('checkbox')).not.toBeChecked();
    expect(await count(page, 'count-intervals')).toBe(intervals - mcdowellAssayed);
    expect(await count(page, 'count-intercepts')).toBe(intercepts - mcdowellIntercepts);
    // Holes stay: their traces are still drawn through the hidden intervals.
    expect(await count(page, 'count-holes')).toBe(holes);
    // About 1.6 % of the pixels on this machine: the McDowell intervals, now thin traces.
    expect(pixelDifference(before, await canvasPixels(page))).toBeGreaterThan(0.005);
    expect((await page.evaluate(() => window.veinscape.stats())).geometries).toBe(geometries);

    // One zone back: its rows come back.
    await layers.getByTestId('zone-toggle-mcdowell-1').getByRole('checkbox').check();
    const one = sample.intervals[0].data;
    const inZone1 = one.zone.filter((z, r) => z === 'mcdowell-1' && typeof one.Au[r] === 'number').length;
    expect(await count(page, 'count-intervals')).toBe(intervals - mcdowellAssayed + inZone1);
    await act(page, () => layers.getByLabel('Vein system McDowell').check());
    expect(await count(page, 'count-intervals')).toBe(intervals);
    expect(pixelDifference(before, await canvasPixels(page))).toBeLessThan(0.001);
  });

  test('a section slab keeps in the counts only what is inside it', async ({ page }) => {
    const holes = await count(page, 'count-holes');
    const intervals = await count(page, 'count-intervals');
    // A 50 m slab through the middle of the holes, along 337°.
    await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const c = s.model!.holes.map((h) => h.collar);
      const mid = [c.reduce((a, p) => a + p[0], 0) / c.length, c.reduce((a, p) => a + p[1], 0) / c.length] as [number, number];
      s.setSection({ mode: 'slab', azimuth: 337, centre: mid, width: 50 });
    });
    const inSlab = await count(page, 'count-holes');
    expect(inSlab).toBeGreaterThan(0);
    expect(inSlab).toBeLessThan(holes);
    expect(await count(page, 'count-intervals')).toBeLessThan(intervals);
    // Every hole counted has a point of its path in the slab, as the page's own geometry says.
    const inside = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const sec = s.section;
      const a = (sec.azimuth * Math.PI) / 180;
      const n = [Math.cos(a), -Math.sin(a)];
      return s.model!.holes.filter((h) => {
        for (let d = 0; d <= h.depth; d += 1) {
          const p = window.veinscape.holePosition(h.id, d);
          if (Math.abs(n[0] * (p[0] - sec.centre[0]) + n[1] * (p[1] - sec.centre[1])) <= sec.width / 2) return true;
        }
        return false;
      }).length;
    });
    // Pieces count by their midpoint, so a hole that only grazes the slab edge may be left out.
    expect(inSlab).toBeLessThanOrEqual(inside);
    expect(inSlab).toBeGreaterThanOrEqual(inside - 3);
    await page.evaluate(() => window.veinscape.store.getState().setSection({ mode: 'off' }));
    expect(await count(page, 'count-holes')).toBe(holes);
  });

  test('resource outlines in view follow the layer, the category ticks and the zone ticks', async ({ page }) => {
    const outlines = page.getByTestId('count-outlines');
    const all = sample.resourceCategories.length;
    const inferred = sample.resourceCategories.filter((r) => r.category === 'inferred').length;
    expect(inferred).toBeGreaterThan(0);
    await expect(page.getByTestId('in-view-counts')).toContainText(`of ${all} resource outlines`);
    // The Resources layer is off when the sample opens: nothing of it is in view.
    await expect(outlines).toHaveText('0');
    await page.getByRole('region', { name: 'Layers' }).getByLabel('Resources', { exact: true }).check();
    await expect(outlines).toHaveText(String(all));
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Inferred', { exact: true }).uncheck();
    await expect(outlines).toHaveText(String(all - inferred));
    const zone = sample.resourceCategories[0].zone!;
    await page.getByTestId(`zone-toggle-${zone}`).getByRole('checkbox').uncheck();
    const left = sample.resourceCategories.filter((r) => r.category !== 'inferred' && r.zone !== zone).length;
    await expect(outlines).toHaveText(String(left));
  });

  test('hole search: matches listed as you type; the keyboard picks one, its card opens and the view flies to it', async ({ page }) => {
    const input = page.getByRole('combobox', { name: 'Search hole id' });
    await input.click();
    await input.pressSequentially('rk05-01');
    const list = page.getByRole('listbox', { name: 'Matching holes' });
    await expect(list).toBeVisible();
    const expected = sample.holes.map((h) => h.id).filter((id) => id.toLowerCase().includes('rk05-01')).sort();
    expect(expected.length).toBeGreaterThan(1);
    await expect(list.getByRole('option')).toHaveText(expected.slice(0, 50));
    // Esc closes the list; ↓ opens it again on the first match, ↓ again to the second.
    await input.press('Escape');
    await expect(list).toBeHidden();
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await expect(list.getByRole('option', { selected: true })).toHaveText(expected[1]);
    await expect(input).toHaveAttribute('aria-activedescendant', /.+/);
    const before = await page.evaluate(() => window.veinscape.camera().target);
    await input.press('Enter');
    await expect(input).toHaveValue(expected[1]);
    await expect(list).toBeHidden();
    await expect(page.getByTestId('info-hole')).toHaveText(expected[1]);
    const picked = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      return s.selection ? s.model!.holes[s.selection.hole].id : null;
    });
    expect(picked).toBe(expected[1]);
    // The camera flies to the hole: collar, mid-depth point and final depth on screen (the fit
    // centres the whole hole in the free area, so the look-at point is near, not on, its middle).
    await expect.poll(async () => {
      await page.evaluate(() => window.veinscape.ready());
      return page.evaluate((id) => {
        const h = window.veinscape.store.getState().model!.holes.find((x) => x.id === id)!;
        return [0, h.depth / 2, h.depth].every((d) => window.veinscape.project(window.veinscape.holePosition(id, d)) !== null);
      }, expected[1]);
    }).toBe(true);
    expect(before).not.toEqual(await page.evaluate(() => window.veinscape.camera().target));
    expect(await count(page, 'count-holes')).toBe(1);

    // An exact id typed with other case and Enter: picked at once (no list navigation).
    await input.fill('');
    await page.evaluate(() => window.veinscape.store.getState().select(null));
    await input.pressSequentially(expected[0].toLowerCase());
    await input.press('Enter');
    await expect(page.getByTestId('info-hole')).toHaveText(expected[0]);

    // A comma-separated list still filters, on all its terms.
    await input.fill(`${expected[0]}, ${expected[1]}`);
    expect(await count(page, 'count-holes')).toBe(2);
  });

  test('hole search: a pasted id with a trailing space picks its hole, framed whole (collar to final depth) and readable', async ({ page }) => {
    const input = page.getByRole('combobox', { name: 'Search hole id' });
    // The deepest drilled hole: a plain fly-to kept the camera within 120 m of its middle.
    const hole = sample.holes.filter((h) => h.status !== 'planned').reduce((a, b) => (b.depth > a.depth ? b : a));
    await input.fill(`${hole.id.toLowerCase()} `);
    await input.press('Enter');
    await expect(page.getByTestId('info-hole')).toHaveText(hole.id);
    await expect.poll(async () => {
      await page.evaluate(() => window.veinscape.ready());
      return page.evaluate(({ id, depth }) => {
        const v = window.veinscape;
        const ends = [v.project(v.holePosition(id, 0)), v.project(v.holePosition(id, depth))];
        if (ends.some((p) => p === null)) return 0;
        // The hole spans a readable part of the view, not a few pixels.
        return Math.hypot(ends[0]![0] - ends[1]![0], ends[0]![1] - ends[1]![1]) / document.querySelector('canvas')!.getBoundingClientRect().height;
      }, { id: hole.id, depth: hole.depth });
    }).toBeGreaterThan(0.25);
  });
});
