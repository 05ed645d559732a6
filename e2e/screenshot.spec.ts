/**
 * Screenshot export: `veinscape.screenshot(options)` and the Export image dialog. Images are
 * decoded in the page (createImageBitmap → canvas) and only small summaries come back to the test.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

type ShotOptions = { width?: number; height?: number; transparent?: boolean; overlays?: boolean; maxTile?: number };
/** What the page offers: the API member, and the decoding helpers installed below. */
type Shot = {
  veinscape: { screenshot(options?: ShotOptions): Promise<Blob>; store: { getState(): { setLayerVisible(l: string, v: boolean): void } } };
  __png: {
    header(blob: Blob): Promise<{ png: boolean; width: number; height: number }>;
    decode(blob: Blob): Promise<ImageData>;
    /** fraction of pixels in a region (fractions of the image) that differ by more than 24 in RGB */
    diff(a: ImageData, b: ImageData, r: [number, number, number, number]): number;
    /** height of the uniform band at the bottom of column x */
    band(img: ImageData, x: number): number;
    pixel(img: ImageData, x: number, y: number): number[];
  };
};

/** PNG width and height from the IHDR chunk (big-endian at bytes 16 and 20). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

const helpers = () => {
  const png = {
    async header(blob: Blob) {
      const b = new Uint8Array(await blob.slice(0, 24).arrayBuffer());
      const v = new DataView(b.buffer);
      return { png: b[1] === 80 && b[2] === 78 && b[3] === 71, width: v.getUint32(16), height: v.getUint32(20) };
    },
    async decode(blob: Blob) {
      const bmp = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bmp, 0, 0);
      return ctx.getImageData(0, 0, c.width, c.height);
    },
    diff(a: ImageData, b: ImageData, r: [number, number, number, number]) {
      const x0 = Math.round(r[0] * a.width), y0 = Math.round(r[1] * a.height);
      const x1 = Math.round((r[0] + r[2]) * a.width), y1 = Math.round((r[1] + r[3]) * a.height);
      let n = 0, d = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * a.width + x) * 4;
          n++;
          if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 24) d++;
        }
      }
      return d / Math.max(n, 1);
    },
    band(img: ImageData, x: number) {
      const at = (y: number) => (y * img.width + x) * 4;
      const base = at(img.height - 1);
      let y = img.height - 1;
      while (y > 0) {
        const i = at(y - 1);
        if (Math.abs(img.data[i] - img.data[base]) + Math.abs(img.data[i + 1] - img.data[base + 1]) + Math.abs(img.data[i + 2] - img.data[base + 2]) > 6) break;
        y--;
      }
      return img.height - y;
    },
    pixel(img: ImageData, x: number, y: number) {
      const i = (y * img.width + x) * 4;
      return Array.from(img.data.subarray(i, i + 4));
    },
  };
  (window as unknown as { __png: typeof png }).__png = png;
};

async function ready(page: Page): Promise<void> {
  await page.addInitScript(helpers);
  await openApp(page);
  // Until the API member is wired, fail with a clear message rather than a TypeError.
  expect(await page.evaluate(() => typeof (window as unknown as Shot).veinscape.screenshot), 'window.veinscape.screenshot exists').toBe('function');
}

test.describe('screenshot export', () => {
  test.beforeEach(async ({ page }) => {
    await ready(page);
  });

  test('a 3840 x 2160 screenshot through the API has that size and carries the overlays', async ({ page }) => {
    test.setTimeout(240_000);
    const r = await page.evaluate(async () => {
      const w = window as unknown as Shot;
      const on = await w.veinscape.screenshot({ width: 3840, height: 2160 });
      const off = await w.veinscape.screenshot({ width: 3840, height: 2160, overlays: false });
      const a = await w.__png.decode(on);
      const b = await w.__png.decode(off);
      const d = (r: [number, number, number, number]) => w.__png.diff(a, b, r);
      return {
        type: on.type,
        header: Array.from(new Uint8Array(await on.slice(0, 32).arrayBuffer())),
        offHeader: await w.__png.header(off),
        decoded: [a.width, a.height],
        title: d([0.015, 0.02, 0.2, 0.08]),
        footer: d([0, 0.965, 1, 0.035]),
        legend: d([0.02, 0.7, 0.1, 0.1]),
        north: d([0.94, 0.03, 0.05, 0.07]),
        scaleBar: d([0.88, 0.78, 0.1, 0.1]),
        footerBandOn: w.__png.band(a, 6),
        corner: w.__png.pixel(b, 0, 0),
      };
    });
    expect(r.type).toBe('image/png');
    expect(pngSize(new Uint8Array(r.header))).toEqual({ width: 3840, height: 2160 });
    expect(r.offHeader).toEqual({ png: true, width: 3840, height: 2160 });
    expect(r.decoded).toEqual([3840, 2160]);
    // Title block top-left, disclosure footer along the bottom, legend bottom-left, north arrow
    // top-right, scale bar bottom-right.
    expect(r.title, 'title block').toBeGreaterThan(0.3);
    expect(r.footer, 'footer band').toBeGreaterThan(0.3);
    expect(r.legend, 'legend').toBeGreaterThan(0.2);
    expect(r.north, 'north arrow').toBeGreaterThan(0.05);
    expect(r.scaleBar, 'scale bar').toBeGreaterThan(0.05);
    // The footer is a band several text lines high (disclaimer + qualified person) at 4K scale.
    expect(r.footerBandOn).toBeGreaterThan(120);
    expect(r.footerBandOn).toBeLessThan(2160 * 0.3);
    // An opaque background by default.
    expect(r.corner[3]).toBe(255);
  });

  test('a transparent export has a transparent background and an opaque model', async ({ page }) => {
    const r = await page.evaluate(async () => {
      const w = window as unknown as Shot;
      const img = await w.__png.decode(await w.veinscape.screenshot({ width: 1280, height: 720, transparent: true, overlays: false }));
      let opaque = 0;
      for (let i = 3; i < img.data.length; i += 4) if (img.data[i] === 255) opaque++;
      return { corners: [w.__png.pixel(img, 0, 0), w.__png.pixel(img, 1279, 719)], opaque: opaque / (img.width * img.height) };
    });
    expect(r.corners[0][3]).toBe(0);
    expect(r.corners[1][3]).toBe(0);
    expect(r.opaque).toBeGreaterThan(0.01);
    expect(r.opaque).toBeLessThan(0.9);
  });

  test('tiles compose into the same picture as a single render', async ({ page }) => {
    const r = await page.evaluate(async () => {
      const w = window as unknown as Shot;
      const one = await w.__png.decode(await w.veinscape.screenshot({ width: 800, height: 600, overlays: false }));
      const tiled = await w.__png.decode(await w.veinscape.screenshot({ width: 800, height: 600, overlays: false, maxTile: 300 }));
      const other = await w.__png.decode(await w.veinscape.screenshot({ width: 800, height: 600, overlays: true }));
      return { size: [tiled.width, tiled.height], diff: w.__png.diff(one, tiled, [0, 0, 1, 1]), sanity: w.__png.diff(one, other, [0, 0, 1, 1]) };
    });
    expect(r.size).toEqual([800, 600]);
    // 3 x 2 tiles with view offsets: only anti-aliasing at a few edges may differ.
    expect(r.diff).toBeLessThan(0.003);
    // ...while the comparison does see a real difference (the overlays).
    expect(r.sanity).toBeGreaterThan(0.02);
  });

  test('the inferred-resource cautionary statement joins the footer when inferred outlines are shown', async ({ page }) => {
    const band = () =>
      page.evaluate(async () => {
        const w = window as unknown as Shot;
        const img = await w.__png.decode(await w.veinscape.screenshot({ width: 1600, height: 900 }));
        return w.__png.band(img, 3);
      });
    const without = await band();
    await page.evaluate(() => (window as unknown as Shot).veinscape.store.getState().setLayerVisible('resources', true));
    const withInferred = await band();
    // Two more lines of footer text (about 13.5 layout px each).
    expect(withInferred - without).toBeGreaterThan(20);
  });

  test('the Export image dialog downloads a 7680 x 4320 PNG (tiled)', async ({ page }) => {
    test.setTimeout(300_000);
    await page.getByRole('button', { name: 'Export image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await expect(dialog).toBeVisible();
    // Custom size validation.
    await dialog.getByLabel('Custom').check();
    await dialog.getByLabel('Width in pixels').fill('9000');
    await expect(dialog.getByRole('alert')).toContainText('7680 × 4320');
    await expect(dialog.getByRole('button', { name: 'Download PNG' })).toBeDisabled();
    await dialog.getByLabel('7680 × 4320').check();
    await expect(dialog.getByRole('button', { name: 'Download PNG' })).toBeEnabled();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 280_000 }),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rocmec-1.*-7680x4320\.png$/);
    const bytes = readFileSync((await download.path())!);
    expect(pngSize(bytes)).toEqual({ width: 7680, height: 4320 });
    await expect(dialog.getByTestId('export-result')).toContainText('7680 × 4320');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('Copy to clipboard puts a PNG on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Export image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await dialog.getByLabel('1920 × 1080').check();
    await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
    await expect(dialog.getByTestId('export-result')).toContainText('Copied 1920 × 1080', { timeout: 60_000 });
    const pasted = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return null;
      return (window as unknown as Shot).__png.header(await item.getType('image/png'));
    });
    expect(pasted).toEqual({ png: true, width: 1920, height: 1080 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
