import { chromium } from '@playwright/test';
const url = process.argv[2] || 'http://127.0.0.1:4173/';
const out = process.argv[3] || '/tmp/shot.png';
const action = process.argv[4] || '';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
const t0 = Date.now();
await page.waitForFunction(() => window.veinscape, null, { timeout: 30000 });
await page.evaluate(() => window.veinscape.ready());
console.log('ready in', Date.now() - t0, 'ms');
if (action) { await page.evaluate(action); await page.waitForTimeout(800); }
console.log(JSON.stringify(await page.evaluate(() => window.veinscape.stats())));
await page.screenshot({ path: out });
await browser.close();
