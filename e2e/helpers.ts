/** Shared e2e helpers: open the app, wait for drawing, and compare pictures of the 3D canvas. */
import { expect, type Page } from '@playwright/test';

export async function openApp(page: Page, query = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/${query}`);
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  expect(errors, 'no uncaught page errors').toEqual([]);
}

/** Wait until at least one more frame has been drawn after `before` (frames are drawn on demand). */
export async function nextFrame(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => window.veinscape.stats().frames > n, before);
  // ready() also waits until the picture is still (no frame for two animation frames).
  await page.evaluate(() => window.veinscape.ready());
}

export async function frames(page: Page): Promise<number> {
  return page.evaluate(() => window.veinscape.stats().frames);
}

/** Downsampled RGBA of the WebGL canvas (it keeps its drawing buffer), 160 x 100. */
export async function canvasPixels(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)')!;
    const w = 160, h = 100;
    const cv = document.createElement('canvas');
    cv.width = w;
    cv.height = h;
    const ctx = cv.getContext('2d')!;
    ctx.drawImage(c, 0, 0, w, h);
    return Array.from(ctx.getImageData(0, 0, w, h).data);
  });
}

/** Fraction of pixels that differ by more than a small tolerance. */
export function pixelDifference(a: number[], b: number[]): number {
  let diff = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 24) diff++;
  }
  return diff / (a.length / 4);
}

/** Number of distinct (coarsely quantised) colours: a blank canvas has one. */
export function distinctColours(px: number[]): number {
  const set = new Set<number>();
  for (let i = 0; i < px.length; i += 4) set.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
  return set.size;
}

/** Change the store and wait for the resulting frame. */
export async function act(page: Page, fn: () => Promise<unknown> | unknown): Promise<void> {
  const before = await frames(page);
  await fn();
  await nextFrame(page, before);
}

/** Size and pixel statistics of a PNG decoded in the page: distinct (coarse) colours and pixels near `target` RGB. */
export async function pngStats(page: Page, png: Buffer, target: number[]): Promise<{ width: number; height: number; colours: number; high: number }> {
  return page.evaluate(async ({ b64, target }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let high = 0;
    for (let i = 0; i < d.length; i += 4) {
      colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
      if (Math.abs(d[i] - target[0]) < 24 && Math.abs(d[i + 1] - target[1]) < 24 && Math.abs(d[i + 2] - target[2]) < 24) high++;
    }
    return { width: bmp.width, height: bmp.height, colours: colours.size, high };
  }, { b64: png.toString('base64'), target });
}

/** Wait for the step's fault offsets to arrive (they animate) and the picture to settle. */
export async function settleStep(page: Page, index: number): Promise<void> {
  await page.waitForFunction((i) => {
    const s = window.veinscape.store.getState();
    const want = s.model!.views[i].faultOffsets ?? {};
    return Object.entries(want).every(([k, v]) => Math.abs((s.faultOffsets[k] ?? NaN) - v) < 1e-6);
  }, index, { timeout: 20_000 });
  await page.evaluate(() => window.veinscape.ready());
}

/** The PNG `veinscape.screenshot(options)` makes, as bytes in Node (base64 across the page boundary). */
export async function screenshotPng(page: Page, options: Record<string, unknown> = {}): Promise<Buffer> {
  const b64 = await page.evaluate(async (o) => {
    const blob = await window.veinscape.screenshot(o);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, options);
  return Buffer.from(b64, 'base64');
}

/**
 * keyword → text of every tEXt and uncompressed iTXt chunk of a PNG, read here from the bytes
 * (PNG spec 11.3.3.4), independently of the app's own reader.
 */
export function pngTextChunks(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    at += 12 + len;
    if (type !== 'tEXt' && type !== 'iTXt') continue;
    const nul = data.indexOf(0);
    const key = data.toString('latin1', 0, nul);
    if (type === 'tEXt') out[key] = data.toString('latin1', nul + 1);
    else {
      // keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text
      const tag = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, tag + 1);
      out[key] = data.toString('utf8', translated + 1);
    }
  }
  return out;
}
