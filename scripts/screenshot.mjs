#!/usr/bin/env node
/**
 * Captures the README screenshot (docs/screenshot.png) from the built app:
 *   npm run build && node scripts/screenshot.mjs [url] [out.png]
 * Starts `vite preview` itself when no URL is given.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4174/';
const out = process.argv[3] ?? 'docs/screenshot.png';
const server = process.argv[2] ? null : spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForFunction(() => 'veinscape' in window);
  await page.evaluate(() => window.veinscape.ready());
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server?.kill();
}
