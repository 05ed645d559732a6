/**
 * The anchor of `npm run bench` (issue 22): a page with no Veinscape code that shows the same file
 * with three.js (scripts/bench/anchor/page.js: WebGLRenderer, fetch, JSON.parse, the same
 * triangles as one mesh, a 1-pixel readPixels). The app's time to ready() is reported as a
 * multiple of its time from navigation to the frame finished on the GPU.
 *
 * The page is bundled with Vite (already the app's build tool; no new dependency) into
 * `<site>/anchor/`, so it is served by the same static server as the app and the files.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../find-chromium.mjs';
import { CHROMIUM_ARGS } from './site.mjs';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'anchor');

/** Bundles three.js and the anchor page into `<site>/anchor/` (minified, like the app). */
export async function buildAnchor(site) {
  const { build } = await import('vite');
  await build({ configFile: false, root: HERE, base: './', logLevel: 'warn', build: { outDir: join(site, 'anchor'), emptyOutDir: true, reportCompressedSize: false } });
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

/**
 * One run of the anchor page for `file` (a URL relative to the site), in a fresh browser (so it
 * pays for the first WebGL context, as the app's load does), with a canvas of `width` × `height` px
 * and the app's antialias setting. Returns the page's `window.__anchor`.
 */
export async function anchorOnce(base, file, { width, height, antialias }, timeoutMs = 180_000) {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/anchor/?file=${encodeURIComponent(`../${file}`)}&w=${width}&h=${height}&aa=${antialias ? 1 : 0}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!window.__anchor, null, { timeout: timeoutMs, polling: 50 });
    const r = await page.evaluate(() => window.__anchor);
    if (r.error || errors.length) throw new Error(`anchor page: ${r.error ?? errors.join(' | ')}`);
    return r;
  } finally {
    await browser.close();
  }
}

/** The anchor's runs with their median and the counts of what it drew. */
export function anchorSummary(runs, { width, height, antialias }) {
  return { runs, median: median(runs.map((r) => r.readyMs)), triangles: runs[0].triangles, surfaceTriangles: runs[0].surfaceTriangles, ribbonQuads: runs[0].ribbonQuads, width, height, antialias };
}
