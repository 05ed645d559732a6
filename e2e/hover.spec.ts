import { expect, test } from '@playwright/test';
import { act, openApp } from './helpers';

type Page = import('@playwright/test').Page;

interface Target {
  row: number;
  id: string;
  /** middle of the interval along the hole, m */
  depth: number;
  /** where it is drawn, CSS px in the canvas */
  px: [number, number];
  from: number;
  to: number;
  value: number;
  unit: string;
}

/**
 * Fly close to an assay interval (1 m or more, with a grade) until one is drawn long enough that
 * its neighbours are several px away and no other hole passes within 12 px; also return a spot
 * of the canvas at least 30 px from every hole. Holes are sampled every metre as drawn.
 */
async function findTargets(page: Page): Promise<{ interval: Target; empty: [number, number] }> {
  await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
  const rows = await page.evaluate(() => {
    const s = window.veinscape.store.getState();
    const t = s.model!.intervals.find((x) => x.id === s.prepared!.valueColumn!.table)!;
    const col = t.numeric[s.prepared!.valueColumn!.name];
    // The longest graded intervals, spread over the holes (one per hole).
    const best = new Map<number, number>();
    for (let r = 0; r < t.hole.length; r++) {
      const b = best.get(t.hole[r]);
      if (col[r] >= 0 && (b === undefined || t.to[r] - t.from[r] > t.to[b] - t.from[b])) best.set(t.hole[r], r);
    }
    return [...best.values()].sort((a, b) => t.to[b] - t.from[b] - (t.to[a] - t.from[a])).slice(0, 10);
  });
  const misses: string[] = [];
  for (const row of rows) {
    await page.evaluate((r) => {
      const s = window.veinscape.store.getState();
      const t = s.model!.intervals.find((x) => x.id === s.prepared!.valueColumn!.table)!;
      s.flyTo(window.veinscape.holePosition(s.model!.holes[t.hole[r]].id, (t.from[r] + t.to[r]) / 2));
    }, row);
    await page.waitForTimeout(1200); // the flight takes about 0.9 s
    await page.evaluate(() => window.veinscape.ready());
    const found = await page.evaluate((r) => {
      const v = window.veinscape;
      const s = v.store.getState();
      const m = s.model!, vc = s.prepared!.valueColumn!;
      const t = m.intervals.find((x) => x.id === vc.table)!;
      const canvas = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
      const rect = canvas.getBoundingClientRect();
      // Only where the canvas itself takes the pointer (not under the legend or a panel).
      const onCanvas = (x: number, y: number) => document.elementFromPoint(rect.left + x, rect.top + y) === canvas;
      const samples: { hole: number; x: number; y: number }[] = [];
      m.holes.forEach((h, hi) => {
        for (let d = 0; d <= h.depth + 0.5; d += 1) {
          const px = v.project(v.holePosition(h.id, Math.min(d, h.depth)));
          if (px) samples.push({ hole: hi, x: px[0], y: px[1] });
        }
      });
      const clearance = (x: number, y: number, except: number) =>
        samples.reduce((n, p) => (p.hole === except ? n : Math.min(n, Math.hypot(p.x - x, p.y - y))), Infinity);
      const h = m.holes[t.hole[r]];
      const mid = (t.from[r] + t.to[r]) / 2;
      const [a, b, c] = [t.from[r], mid, t.to[r]].map((d) => v.project(v.holePosition(h.id, d)));
      if (!a || !b || !c || !onCanvas(b[0], b[1])) return `row ${r}: off screen`;
      if (Math.hypot(c[0] - a[0], c[1] - a[1]) < 10) return `row ${r}: ${Math.hypot(c[0] - a[0], c[1] - a[1])} px long`;
      if (clearance(b[0], b[1], t.hole[r]) < 12) return `row ${r}: ${clearance(b[0], b[1], t.hole[r])} px from another hole`;
      let empty: [number, number] | null = null;
      for (let y = 40; y < rect.height - 40 && !empty; y += 20) {
        for (let x = 40; x < rect.width - 40 && !empty; x += 20) if (onCanvas(x, y) && clearance(x, y, -1) > 30) empty = [x, y];
      }
      if (!empty) return 'no empty spot';
      const interval = { row: r, id: h.id, depth: mid, px: b, from: t.from[r], to: t.to[r], value: t.numeric[vc.name][r], unit: vc.unit };
      return { interval, empty };
    }, row);
    if (typeof found !== 'string') return found;
    misses.push(found);
  }
  throw new Error(`no assay interval drawn clear of the other holes: ${misses.join('; ')}`);
}

test.describe('hover pick', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('hovering an interval shows its hole, depth and grade; away hides it; a click still selects', async ({ page }) => {
    const { interval: it, empty } = await findTargets(page);
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    const tip = page.getByTestId('hover-tip');

    await page.mouse.move(box.x + it.px[0] - 20, box.y + it.px[1], { steps: 1 });
    await page.mouse.move(box.x + it.px[0], box.y + it.px[1], { steps: 4 });
    await expect(tip).toBeVisible();
    await expect(page.getByTestId('hover-hole')).toHaveText(it.id);
    const depth = Number((await page.getByTestId('hover-depth').textContent())!.replace(' m', ''));
    // The cursor is on the projected middle of the interval; drawn chords and rounding to 0.1 m.
    expect(Math.abs(depth - it.depth)).toBeLessThan(0.5);
    await expect(page.getByTestId('hover-interval')).toHaveText(`${it.from.toFixed(1)}–${it.to.toFixed(1)} m`);
    await expect(page.getByTestId('hover-grade')).toHaveText(`${it.value.toFixed(2)} ${it.unit}`);
    // Each hover pick is measured for the benchmark.
    expect(await page.evaluate(() => performance.getEntriesByName('veinscape:hover-pick').length)).toBeGreaterThan(0);

    await page.mouse.move(box.x + empty[0], box.y + empty[1], { steps: 4 });
    await expect(tip).toHaveCount(0);

    await page.mouse.move(box.x + it.px[0], box.y + it.px[1], { steps: 4 });
    await expect(tip).toBeVisible();
    // Leaving the canvas hides it.
    await page.mouse.move(box.x + box.width + 40, box.y + 10);
    await expect(tip).toHaveCount(0);

    await page.mouse.click(box.x + it.px[0], box.y + it.px[1]);
    await expect(page.getByTestId('info-hole')).toHaveText(it.id);
    expect(await page.evaluate(() => window.veinscape.store.getState().selection?.row)).toBe(it.row);
  });

  test('a drag is not a click: pressed on a hole, moved a few pixels and released, even back where it started, selects nothing', async ({ page }) => {
    const { interval: it } = await findTargets(page);
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    const at = { x: box.x + it.px[0], y: box.y + it.px[1] };
    // Out 6 px and back to the press point: the pointer travelled, so no selection.
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 6, at.y, { steps: 3 });
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.mouse.up();
    // A 5 px drag, released there: no selection either.
    await page.mouse.down();
    await page.mouse.move(at.x + 5, at.y + 1, { steps: 2 });
    await page.mouse.up();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.veinscape.store.getState().selection)).toBeNull();
    await expect(page.getByTestId('info-hole')).toHaveCount(0);
  });

  test('an interval drawn as a trace (below the cut-off, or intervals off) answers as a trace; no tip while dragging', async ({ page }) => {
    const { interval: it, empty } = await findTargets(page);
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    const picks = () => page.evaluate(() => performance.getEntriesByName('veinscape:hover-pick').length);
    // Move off and back on; return once a hover pick has run at the target.
    const hoverAt = async (px: number[]) => {
      await page.mouse.move(box.x + empty[0], box.y + empty[1], { steps: 2 });
      await expect(page.getByTestId('hover-tip')).toHaveCount(0);
      const before = await picks();
      await page.mouse.move(box.x + px[0], box.y + px[1]);
      await expect.poll(picks).toBeGreaterThan(before);
    };
    // Hide everything below a cut-off above this interval's grade; drop the whole-hole traces, as
    // when traces are drawn only where no interval covers the hole, so only the rule can answer.
    await act(page, () => page.evaluate((g) => {
      const st = window.veinscape.store;
      st.getState().setFilters({ gradeCutoff: g + 1, belowCutoff: 'hide' });
      const p = st.getState().prepared!;
      const none = { count: 0, start: new Float32Array(0), end: new Float32Array(0), value: new Float32Array(0), hole: new Float32Array(0), mask: new Float32Array(0), row: new Int32Array(0), depth: new Float32Array(0) };
      st.setState({ prepared: { ...p, traces: none } });
    }, it.value));
    await hoverAt(it.px);
    await expect(page.getByTestId('hover-hole')).toHaveText(it.id);
    await expect(page.getByTestId('hover-interval')).toHaveCount(0);
    await expect(page.getByTestId('hover-grade')).toHaveCount(0);
    await page.mouse.click(box.x + it.px[0], box.y + it.px[1]);
    await expect(page.getByTestId('info-hole')).toHaveText(it.id);
    expect(await page.evaluate(() => window.veinscape.store.getState().selection?.row)).toBeNull();

    // With the traces layer off nothing is drawn there, so nothing answers.
    await act(page, () => page.evaluate(() => {
      window.veinscape.store.getState().select(null); // the info panel could cover the target
      window.veinscape.store.getState().setLayerVisible('traces', false);
    }));
    await hoverAt(it.px);
    await expect(page.getByTestId('hover-tip')).toHaveCount(0);

    // With the intervals layer off, intervals are drawn as traces whatever their grade.
    await act(page, () => page.evaluate(() => {
      const s = window.veinscape.store.getState();
      s.setLayerVisible('traces', true);
      s.setLayerVisible('intervals', false);
      s.setFilters({ gradeCutoff: 0, belowCutoff: 'dim' });
    }));
    await hoverAt(it.px);
    await expect(page.getByTestId('hover-hole')).toHaveText(it.id);
    await expect(page.getByTestId('hover-interval')).toHaveCount(0);
    await page.mouse.down();
    await page.mouse.move(box.x + it.px[0] + 30, box.y + it.px[1] + 30, { steps: 4 });
    await expect(page.getByTestId('hover-tip')).toHaveCount(0);
    await page.mouse.up();
  });
});
