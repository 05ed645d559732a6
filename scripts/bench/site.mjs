/**
 * What both benchmarks (`npm run bench`, `npm run bench:surfaces`) share: the Chromium flags, running
 * a command, and a private copy of the build in a temp folder (so a concurrent `vite build` of the
 * e2e suite cannot pull it away mid-run).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { installProbe } from './probe.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The e2e suite's flags, plus precise memory info for the heap figures. */
export const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info'];

/**
 * A fresh headless Chromium with these flags and a 1280 × 800 page whose probe (probe.mjs
 * installProbe) runs before the app's first script; the page's uncaught errors are collected.
 */
export async function launchProbedPage() {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { browser, context, page, pageErrors };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** True when something already answers on 127.0.0.1:port. */
export async function portTaken(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

export function run(cmd, args, timeoutMs) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}${r.signal ? `, ${r.signal}` : ''}`})`);
}

/**
 * A private copy of the app: `o.build` builds it fresh (`o.unminified`: without minification),
 * else dist/ is copied (built first when missing). Returns the temp folder, the site folder in it
 * and a line saying which build it is.
 */
export function buildSite(o, prefix, log) {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const site = join(tmp, 'site');
  let build;
  if (o.build) {
    log('building the app into', site);
    run('npx', ['vite', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'warn', ...(o.unminified ? ['--minify', 'false'] : [])], 10 * 60_000);
    build = `fresh \`vite build${o.unminified ? ' --minify false' : ''}\` at the start of the run`;
  } else {
    if (!existsSync(join(ROOT, 'dist/index.html'))) {
      log('dist/ is missing: npx vite build');
      run('npx', ['vite', 'build', '--logLevel', 'warn'], 10 * 60_000);
    }
    cpSync(join(ROOT, 'dist'), site, { recursive: true });
    build = `dist/ as of ${statSync(join(ROOT, 'dist/index.html')).mtime.toISOString().replace(/\.\d+Z$/, 'Z')}`;
  }
  return { tmp, site, build };
}
