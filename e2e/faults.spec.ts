import { expect, test, type Page } from '@playwright/test';
import { act, canvasPixels, openApp, pixelDifference } from './helpers';

/**
 * Facing-end separation, as drawn, of two McDowell Set 1 pieces across a fault: the median over
 * piece A's vertices within 2 m of the fault plane of the distance to the nearest such vertex of B.
 */
async function facingSeparation(page: Page, a: string, b: string, faultIndex: number): Promise<number> {
  return page.evaluate(([a, b, k]) => {
    const api = window.veinscape;
    const fm = api.store.getState().prepared!.faultModels[k as number];
    const plane = fm.plane!;
    const near = (id: string) => {
      const v = api.drawnVertices(id as string);
      const out: number[][] = [];
      for (let i = 0; i < v.length; i += 3) {
        const d = (v[i] - plane.point[0]) * plane.normal[0] + (v[i + 1] - plane.point[1]) * plane.normal[1] + (v[i + 2] - plane.point[2]) * plane.normal[2];
        if (Math.abs(d) < 2) out.push([v[i], v[i + 1], v[i + 2]]);
      }
      return out;
    };
    const pa = near(a as string), pb = near(b as string);
    if (!pa.length || !pb.length) return NaN;
    const ds = pa.map((p) => Math.min(...pb.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])))).sort((x, y) => x - y);
    return ds[Math.floor(ds.length / 2)];
  }, [a, b, faultIndex] as const);
}

const PAIRS: [string, string, number][] = [
  ['mcdowell-1-b1', 'mcdowell-1-b2', 0],
  ['mcdowell-1-b2', 'mcdowell-1-b3', 1],
  ['mcdowell-1-b3', 'mcdowell-1-b4', 2],
];

test.describe('fault offsets on the sample', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('restored, the McDowell pieces either side of each fault line up; as mapped they are apart by the slip', async ({ page }) => {
    const slips = await page.evaluate(() => window.veinscape.store.getState().mappedOffsets);
    for (const [a, b, k] of PAIRS) {
      const id = `F${k + 1}`;
      const asMapped = await facingSeparation(page, a, b, k);
      // Edge to nearest edge: the part of the slip along the (down-dip) edge does not show, so a
      // little under the slip's length.
      expect(asMapped, `${a}/${b} across ${id} as mapped`).toBeGreaterThan(slips[id] * 0.7);
      expect(asMapped).toBeLessThan(slips[id] * 1.1);
    }
    // Restore through the UI: the toggle animates to zero offsets.
    await page.getByRole('button', { name: 'Restored', exact: true }).click();
    await page.waitForFunction(() => Object.values(window.veinscape.store.getState().faultOffsets).every((v) => v === 0));
    await page.evaluate(() => window.veinscape.ready());
    for (const [a, b, k] of PAIRS) {
      expect(await facingSeparation(page, a, b, k), `${a}/${b} restored`).toBeLessThan(3);
    }
    await expect(page.getByTestId('fault-offset-F1')).toHaveText('0.0 m');
  });

  test('the restore toggle animates through intermediate offsets and back', async ({ page }) => {
    const mapped = await page.evaluate(() => window.veinscape.store.getState().mappedOffsets.F3);
    await page.getByRole('button', { name: 'Restored', exact: true }).click();
    // Sample the offset while the animation plays: some value strictly between the two states.
    const seen = await page.evaluate(async () => {
      const values: number[] = [];
      for (let i = 0; i < 40; i++) {
        values.push(window.veinscape.store.getState().faultOffsets.F3);
        await new Promise((r) => setTimeout(r, 40));
      }
      return values;
    });
    expect(seen.some((v) => v > 1 && v < mapped - 1)).toBe(true);
    await page.waitForFunction(() => window.veinscape.store.getState().faultOffsets.F3 === 0);
    await page.getByRole('button', { name: 'As mapped', exact: true }).click();
    await page.waitForFunction((m) => window.veinscape.store.getState().faultOffsets.F3 === m, mapped);
  });

  test('a per-fault slider moves only that fault, and drill holes can be kept fixed', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    const before = await canvasPixels(page);
    await act(page, () => page.getByLabel('Fault F3 offset in m').fill('0'));
    const offsets = await page.evaluate(() => window.veinscape.store.getState().faultOffsets);
    expect(offsets.F3).toBe(0);
    expect(offsets.F1).toBeGreaterThan(0);
    const movedF3 = await canvasPixels(page);
    expect(pixelDifference(before, movedF3)).toBeGreaterThan(0.001);
    // With veins moved, keeping holes fixed changes the picture again (holes go back as mapped).
    await act(page, () => page.getByLabel('Drill holes move with their block').uncheck());
    expect(await page.evaluate(() => window.veinscape.store.getState().holesFollowFaults)).toBe(false);
    expect(pixelDifference(movedF3, await canvasPixels(page))).toBeGreaterThan(0.0005);
  });

  test('measuring the offset of McDowell across Fault F3 gives about its slip', async ({ page }) => {
    await act(page, () => page.getByRole('button', { name: 'Long', exact: true }).click());
    for (const layer of ['Alteration', 'Host', 'Faults', 'Intervals', 'Hole traces', 'Hole labels', 'Workings']) {
      await page.getByRole('region', { name: 'Layers' }).getByLabel(layer, { exact: true }).uncheck();
    }
    // Only McDowell Set 1: the other sets overlap it in the long view.
    const others = await page.evaluate(() => window.veinscape.store.getState().model!.zones.map((z) => z.id).filter((id) => id !== 'mcdowell-1'));
    for (const id of others) await page.getByTestId(`zone-toggle-${id}`).locator('input').uncheck();
    await page.evaluate(() => window.veinscape.ready());
    await page.getByRole('button', { name: 'Measure distance and offset' }).click();
    // Two matching points on Set 1 either side of F3: the same down-dip position on each piece's facing end.
    const targets = await page.evaluate(() => {
      const api = window.veinscape;
      const s = api.store.getState();
      const fm = s.prepared!.faultModels[2];
      const pick = (id: string) => {
        const v = api.drawnVertices(id);
        let best: number[] | null = null;
        for (let i = 0; i < v.length; i += 3) {
          const d = (v[i] - fm.plane!.point[0]) * fm.plane!.normal[0] + (v[i + 1] - fm.plane!.point[1]) * fm.plane!.normal[1] + (v[i + 2] - fm.plane!.point[2]) * fm.plane!.normal[2];
          // The facing-end vertex about 150 m below surface.
          if (Math.abs(d) < 2 && (!best || Math.abs(v[i + 2] - 150) < Math.abs(best[2] - 150))) best = [v[i], v[i + 1], v[i + 2]];
        }
        return best!;
      };
      const a = pick('mcdowell-1-b3'), b = pick('mcdowell-1-b4');
      // Step 6 m into each piece, away from the fault, so the click lands on the vein.
      const inward = (p: number[], sign: number) => [p[0] - sign * fm.strikeDir[0] * 6, p[1] - sign * fm.strikeDir[1] * 6, p[2]];
      const dir = Math.sign((b[0] - a[0]) * fm.strikeDir[0] + (b[1] - a[1]) * fm.strikeDir[1]) || 1;
      const pa = inward(a, dir), pb = inward(b, -dir);
      return { a: api.project(pa as [number, number, number]), b: api.project(pb as [number, number, number]), pa, pb, expected: Math.hypot(pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]) };
    });
    const box = (await page.locator('.viewer canvas').first().boundingBox())!;
    await page.mouse.click(box.x + targets.a![0], box.y + targets.a![1]);
    await page.mouse.click(box.x + targets.b![0], box.y + targets.b![1]);
    const panel = page.getByTestId('measure-panel');
    await expect(panel).toContainText('Strike-slip');
    const points = await page.evaluate(() => window.veinscape.store.getState().measure.points);
    expect(points.length).toBe(2);
    // Each pick lands on the vein near the clicked point (a pixel is about 1.5 m at this zoom).
    const gap = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    expect(gap(points[0], targets.pa)).toBeLessThan(8);
    expect(gap(points[1], targets.pb)).toBeLessThan(8);
    // The panel shows the separation of the two picks, and it is about the F3 offset.
    const shown = parseFloat((await page.getByTestId('measure-distance').textContent())!);
    expect(shown).toBeCloseTo(gap(points[0], points[1]), 1);
    expect(Math.abs(shown - targets.expected)).toBeLessThan(0.2 * targets.expected);
    const ss = Math.abs(parseFloat((await page.getByTestId('measure-strike-slip').textContent())!));
    const ds = Math.abs(parseFloat((await page.getByTestId('measure-dip-slip').textContent())!));
    expect(ss).toBeGreaterThan(ds); // F3 is mostly strike-slip (55 m vs 15 m)
  });
});
