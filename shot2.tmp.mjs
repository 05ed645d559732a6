import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto('http://127.0.0.1:4173/');
await page.waitForFunction(() => window.veinscape);
await page.evaluate(() => window.veinscape.ready());
for (let i = 0; i < 8; i++) { console.log(await page.evaluate(() => window.veinscape.stats().frames)); await page.waitForTimeout(500); }
await browser.close();
