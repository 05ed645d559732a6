import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(process.env.URL ?? 'http://127.0.0.1:4190/');
await page.waitForFunction(() => 'veinscape' in window);
await page.evaluate(() => window.veinscape.ready());
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: false });
});
const t0 = Date.now();
await page.getByTestId('file-input').setInputFiles(['/tmp/perf/sheet2m.stl']);
await page.waitForFunction(() => window.veinscape.store.getState().report?.files?.[0]?.file === 'sheet2m.stl', null, { timeout: 300000 });
await page.evaluate(() => window.veinscape.ready());
const t1 = Date.now();
const r = await page.evaluate(() => ({ long: window.__long, tri: window.veinscape.store.getState().report.files[0].objects[0], checks: window.veinscape.store.getState().report.warnings.slice(0, 5) }));
console.log('ready after', t1 - t0, 'ms; longest tasks', r.long.sort((a, b) => b - a).slice(0, 8), r.tri, r.checks);
await page.screenshot({ path: '/tmp/perf/sheet.png' });
await browser.close();
