#!/usr/bin/env node
/**
 * Finds a Chromium (or Chrome) executable for the end-to-end tests.
 *
 * Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome,
 * then the browser Playwright downloaded itself (`npx playwright install chromium`).
 *
 *   node scripts/find-chromium.mjs   # prints the path, or explains how to get one and exits 1
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Flags for headless Chromium with software WebGL (SwiftShader): the e2e suite's, and the benchmarks' base. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium found for the end-to-end tests.',
  'Looked at $CHROMIUM_PATH, ' + SYSTEM_CHROMIUM_PATHS.join(', ') + " and Playwright's own browser.",
  'Get one with either:',
  '  sudo apt-get install -y chromium        # Debian / Ubuntu (no download from Playwright needed)',
  '  npx playwright install chromium         # where downloads from the Playwright CDN are allowed',
  'or point CHROMIUM_PATH at an existing Chromium / Chrome executable.',
].join('\n');

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium that Playwright installed itself, or null (playwright-core may be absent or the browser not downloaded). */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Absolute path of a Chromium executable, or null when there is none.
 * An explicit $CHROMIUM_PATH that does not exist is ignored (with a warning on stderr).
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const path = resolve(fromEnv);
    if (isExecutableFile(path)) return path;
    process.stderr.write(`find-chromium: CHROMIUM_PATH=${fromEnv} is not an executable file; ignoring it\n`);
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) {
    if (isExecutableFile(path)) return path;
  }
  return playwrightChromium();
}

export default findChromium;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = findChromium();
  if (path) {
    console.log(path);
  } else {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
}
