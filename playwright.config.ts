/**
 * End-to-end tests (e2e/): the production build served by `vite preview`, driven by headless Chromium
 * with software WebGL (SwiftShader), so they run on machines without a GPU.
 *
 * The browser is the system Chromium when there is one (see scripts/find-chromium.mjs), otherwise
 * Playwright's own (`npx playwright install chromium`). Reports: list on the console and JSON in
 * .reports/e2e.json ($VEINSCAPE_REPORT_DIR/e2e.json when set), read by scripts/test-all.mjs.
 */
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
// @ts-ignore -- plain JS module shared with scripts/test-all.mjs; it has no type declarations (allowJs is off).
import { CHROMIUM_ARGS as CHROMIUM_ARGS_UNTYPED, findChromium as findChromiumUntyped } from './scripts/find-chromium.mjs';

const findChromium = findChromiumUntyped as () => string | null;
const CHROMIUM_ARGS = CHROMIUM_ARGS_UNTYPED as string[];

// Overridable so several checkouts or agents can run suites side by side without sharing a port or dist/.
const PORT = Number(process.env.VEINSCAPE_E2E_PORT || 4173);
const OUT_DIR = process.env.VEINSCAPE_E2E_OUTDIR || 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;
const REPORT_DIR = process.env.VEINSCAPE_REPORT_DIR || '.reports';
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.VEINSCAPE_E2E_OUTDIR ? `test-results-${PORT}` : 'test-results',
  // 2-core machines and software WebGL: one browser at a time keeps timings predictable.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalTimeout: 30 * 60_000,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: join(REPORT_DIR, 'e2e.json') }]],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
