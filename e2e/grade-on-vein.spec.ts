/**
 * Grade on the vein: the Layers panel switches the vein surfaces from their zone colours to the
 * g/t·m classes of the long section (greens, darker = richer); the colouring is in exported images
 * with its legend, and moves with the vein when a fault offset changes. Pixels are judged by hue
 * and lightness (the surfaces are lit, so not the swatch colours exactly); nothing is timed.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** Only McDowell Set 1's vein surfaces on screen, seen in the orthographic long view. */
async function veinsAlone(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = window.veinscape.store.getState();
    for (const l of ['intervals', 'traces', 'labels', 'faults', 'host', 'alteration', 'workings', 'resources', 'axes'] as const) s.setLayerVisible(l, false);
    for (const z of s.model!.zones) s.setZoneVisible(z.id, z.id === 'mcdowell-1');
    s.requestView('long');
  });
  await page.evaluate(() => window.veinscape.ready());
}

interface Shares {
  /** pixels of a green hue (the g/t·m classes), of the vein pixels */
  green: number;
  /**
   * greens by lightness, of the vein pixels: lit, the classes come out near 0.72 (1-5), 0.62 (5-10),
   * 0.47 (10-20) and 0.32 (≥ 20); rich = 10-20 and ≥ 20, richest = ≥ 20, light = 1-5 and 5-10
   */
  rich: number;
  richest: number;
  light: number;
  /** pixels that are not background */
  vein: number;
}

/** Hue shares of a PNG (an exported image), decoded in the page; background = the corner pixel's colour. */
async function shares(page: Page, png: number[]): Promise<Shares> {
  return page.evaluate(async (bytes) => {
    const bmp = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0], d[1], d[2]];
    let vein = 0, green = 0, rich = 0, richest = 0, light = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i] / 255, g = d[i + 1] / 255, b = d[i + 2] / 255;
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) < 30) continue;
      vein++;
      const max = Math.max(r, g, b), min = Math.min(r, g, b), l = (max + min) / 2;
      const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
      let h = 0;
      if (max !== min) h = max === r ? 60 * (((g - b) / (max - min)) % 6) : max === g ? 60 * ((b - r) / (max - min) + 2) : 60 * ((r - g) / (max - min) + 4);
      if (h < 0) h += 360;
      if (h >= 70 && h <= 165 && s > 0.2) {
        green++;
        if (l < 0.53) rich++;
        if (l < 0.4) richest++;
        if (l > 0.55) light++;
      }
    }
    const n = Math.max(vein, 1);
    return { vein, green: green / n, rich: rich / n, richest: richest / n, light: light / n };
  }, png);
}

async function exportPng(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const blob = await window.veinscape.screenshot({ width: 960, height: 540, overlays: false });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
}

test.describe('grade on the vein', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('the Layers control colours the veins in the g/t·m classes, with their legend, on screen and in exports', async ({ page }) => {
    await veinsAlone(page);
    const zone = await shares(page, await exportPng(page));
    expect(zone.vein, 'the vein covers a good part of the picture').toBeGreaterThan(960 * 540 * 0.1);
    // McDowell Set 1 is gold: hardly any green.
    expect(zone.green).toBeLessThan(0.02);
    await expect(page.getByTestId('legend-grade-thickness')).toHaveCount(0);

    await page.getByLabel('Veins coloured by').selectOption('gradeThickness');
    await page.evaluate(() => window.veinscape.ready());
    expect(await page.evaluate(() => window.veinscape.store.getState().veinColour)).toBe('gradeThickness');
    const grade = await shares(page, await exportPng(page));
    // The same vein pixels, now mostly in the greens: much 1-10 g/t·m, some 10-20, a little ≥ 20
    // (the sample's McDowell averages about 5 g/t·m: 6.07 g/t over 0.82 m).
    expect(grade.vein).toBeGreaterThan(zone.vein * 0.9);
    expect(grade.green).toBeGreaterThan(0.8);
    expect(grade.light).toBeGreaterThan(0.5);
    expect(grade.rich).toBeGreaterThan(0.01);
    expect(grade.richest).toBeGreaterThan(0.0005);

    const legend = page.getByTestId('legend-grade-thickness');
    await expect(legend).toContainText('Veins coloured by g/t·m');
    for (const t of ['< 1', '1–5', '5–10', '10–20', '≥ 20', 'no data within 60 m', 'capped grade × horizontal width']) await expect(legend).toContainText(t);

    // A saved view keeps the mode.
    await page.getByPlaceholder('View name').fill('Grade on the vein');
    await page.getByRole('button', { name: 'Save view' }).click();
    expect(await page.evaluate(() => window.veinscape.store.getState().browserViews.find((v) => v.name === 'Grade on the vein')?.veinColour)).toBe('gradeThickness');

    // Back to zone colours through the same control; the saved view brings the classes back.
    await page.getByLabel('Veins coloured by').selectOption('zone');
    await page.evaluate(() => window.veinscape.ready());
    const back = await shares(page, await exportPng(page));
    expect(back.green).toBeLessThan(0.02);
    await page.getByRole('button', { name: 'Grade on the vein', exact: true }).click();
    await page.evaluate(() => window.veinscape.ready());
    await expect(page.getByLabel('Veins coloured by')).toHaveValue('gradeThickness');
  });

  test('the colouring moves with the vein when a fault offset changes', async ({ page }) => {
    await veinsAlone(page);
    await page.evaluate(() => window.veinscape.store.getState().setVeinColour('gradeThickness'));
    await page.evaluate(() => window.veinscape.ready());
    // A vertex of a moving fault block, inside a patch of ≥ 10 g/t·m (every vertex of its piece
    // within 12 m is ≥ 10 too), and the fault that moves it.
    const pick = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const model = s.model!, prepared = s.prepared!, grade = s.veinGrade!;
      for (let i = 0; i < model.surfaces.length; i++) {
        if (model.surfaces[i].zoneId !== 'mcdowell-1' || !grade.values[i]) continue;
        const { positions, masks } = prepared.surfaces[i];
        const values = grade.values[i]!;
        let best: { v: number; value: number } | null = null;
        for (let v = 0; v < values.length; v++) {
          if (!(values[v] >= 10) || masks[v] === 0) continue;
          let ok = true;
          for (let w = 0; w < values.length && ok; w++) {
            const d = Math.hypot(positions[3 * w] - positions[3 * v], positions[3 * w + 1] - positions[3 * v + 1], positions[3 * w + 2] - positions[3 * v + 2]);
            if (d < 12 && !(values[w] >= 10)) ok = false;
          }
          if (ok && (!best || values[v] > best.value)) best = { v, value: values[v] };
        }
        if (best) {
          const mask = masks[best.v];
          const k = Math.log2(mask & -mask);
          return { surface: model.surfaces[i].id, vertex: best.v, value: best.value, fault: prepared.faultModels[k].id };
        }
      }
      return null;
    });
    expect(pick, 'a rich patch on a moving block').not.toBeNull();
    // Closer, centred on that vertex (orthographic long view, 4 times the zoom), so the offset shows.
    await page.evaluate(({ surface, vertex }) => {
      const api = window.veinscape;
      const v = api.drawnVertices(surface);
      const p: [number, number, number] = [v[3 * vertex], v[3 * vertex + 1], v[3 * vertex + 2]];
      const pose = api.camera();
      const position: [number, number, number] = [0, 1, 2].map((k) => p[k] + pose.position[k] - pose.target[k]) as [number, number, number];
      api.store.getState().setPose({ ...pose, position, target: p, zoom: (pose.zoom ?? 1) * 4 }, false);
    }, pick!);
    await page.evaluate(() => window.veinscape.ready());

    /** Screen position of the vertex as drawn now, and the mean colour of the 5 x 5 live pixels around it. */
    const probe = () => page.evaluate(({ surface, vertex }) => {
      const v = window.veinscape.drawnVertices(surface);
      const p = window.veinscape.project([v[3 * vertex], v[3 * vertex + 1], v[3 * vertex + 2]])!;
      const gl = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
      const k = gl.width / gl.clientWidth;
      const c = document.createElement('canvas');
      c.width = gl.width;
      c.height = gl.height;
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(gl, 0, 0);
      const d = ctx.getImageData(Math.round(p[0] * k) - 2, Math.round(p[1] * k) - 2, 5, 5).data;
      const rgb = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let j = 0; j < 3; j++) rgb[j] += d[i + j] / 25;
      return { x: p[0], y: p[1], rgb };
    }, pick!);
    // 10-20 or ≥ 20 g/t·m as lit: green, darker than the 1-10 classes (green channel about 110-150 against 190-220).
    const darkGreen = (rgb: number[]) => rgb[1] > rgb[0] + 25 && rgb[1] > rgb[2] + 15 && rgb[1] < 170;

    const before = await probe();
    expect(darkGreen(before.rgb), `rich patch before: ${before.rgb.map(Math.round)}`).toBe(true);
    const mapped = await page.evaluate((f) => window.veinscape.store.getState().faultOffsets[f], pick!.fault);
    await page.evaluate(({ f, o }) => window.veinscape.store.getState().setFaultOffset(f, o), { f: pick!.fault, o: mapped > 0 ? 0 : 60 });
    await page.evaluate(() => window.veinscape.ready());
    const after = await probe();
    // The piece moved on screen, and its rich patch went with it.
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(20);
    expect(darkGreen(after.rgb), `rich patch after: ${after.rgb.map(Math.round)}`).toBe(true);

    // In zone colours the same pixels are the vein's gold, not green: the green was the colouring.
    await page.evaluate(() => window.veinscape.store.getState().setVeinColour('zone'));
    await page.evaluate(() => window.veinscape.ready());
    expect(darkGreen((await probe()).rgb)).toBe(false);
  });
});
