#!/usr/bin/env node
/**
 * Frames the sample's saved views for a 16:9 presentation: opens the built app at 1920 x 1080,
 * presents, and at each 3D step asks for a fit (the free area the legend, caption, north arrow and
 * scale bar leave), keeping the step's viewing direction. Writes the cameras to
 * scripts/sample/framed.json, which scripts/sample/views.ts uses; then run `npm run data:sample`.
 *   npm run build && node scripts/frame-sample-views.mjs
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const port = 4175;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
const out = {};
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await page.getByRole('button', { name: 'Present' }).click();
  const views = await page.evaluate(() => window.veinscape.store.getState().model.views);
  for (let i = 0; i < views.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    // The step's flight (1.6 s) and its frame.
    await page.waitForTimeout(2200);
    await page.evaluate(() => window.veinscape.ready());
    if (views[i].longSection?.fullScreen) continue;
    await page.evaluate(() => window.veinscape.store.getState().requestView('fit'));
    await page.waitForTimeout(300);
    await page.evaluate(() => window.veinscape.ready());
    const cam = await page.evaluate(() => window.veinscape.camera());
    const r = (v) => Math.round(v * 100) / 100;
    out[views[i].name] = { position: cam.position.map(r), target: cam.target.map(r), ...(cam.zoom ? { zoom: Math.round(cam.zoom * 10000) / 10000, viewHeight: Math.round(cam.viewHeight) } : {}) };
    console.log(views[i].name, JSON.stringify(out[views[i].name]));
  }
} finally {
  await browser.close();
  server.kill();
}
writeFileSync(new URL('./sample/framed.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
