#!/usr/bin/env node
/**
 * `npm test`: every test suite, with one summary line at the end.
 *
 *   1. checks that a Chromium exists (scripts/find-chromium.mjs) and that port 4173 is free;
 *   2. unit tests:  npx vitest run            -> .reports/unit.json
 *   3. end-to-end:  npx playwright test       -> .reports/e2e.json
 *      (both run even when the first fails);
 *   4. prints a line per suite and, as the very last line, `N passed, N failed` (`, N skipped` is
 *      appended when tests were skipped).
 *
 * passed = vitest passed + playwright expected + flaky (passed on retry)
 * failed = vitest failed + playwright unexpected, plus at least 1 for a suite that exited non-zero
 *          without reporting a failing test (crash, missing report, build / web server error, no tests).
 * Skipped tests never count as passed. Exits non-zero on any failure or when no test ran at all.
 * The reports go to $VEINSCAPE_REPORT_DIR when set (default .reports/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_DIR = resolve(ROOT, process.env.VEINSCAPE_REPORT_DIR || '.reports');
const UNIT_REPORT = join(REPORT_DIR, 'unit.json');
const E2E_REPORT = join(REPORT_DIR, 'e2e.json');
const PORT = 4173;

/** Prints the final count line (nothing may be printed after it) and sets the exit code. */
function finish({ passed, failed, skipped }) {
  const ok = failed === 0 && passed > 0;
  if (passed + failed === 0) console.log('No tests ran.');
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = ok ? 0 : 1;
}

/** Fails before running anything; the count line is still the last line. */
function abort(message) {
  console.log(message); // stdout, so it stays just above the count line
  finish({ passed: 0, failed: 1, skipped: 0 });
}

/** True when something is listening on 127.0.0.1:PORT, or the port cannot be bound. */
async function portBusy(port) {
  const accepts = await new Promise((done) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('timeout', () => { socket.destroy(); done(false); });
    socket.once('error', () => done(false));
  });
  if (accepts) return true;
  return new Promise((done) => {
    const server = net.createServer();
    server.once('error', () => done(true));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => done(false)));
  });
}

function run(label, args, env = {}) {
  console.log(`\n=== ${label}: npx ${args.join(' ')}\n`);
  const result = spawnSync('npx', args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.error) console.error(`${label}: could not start npx: ${result.error.message}`);
  return result.status ?? 1; // killed by a signal counts as a failure
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { __error: existsSync(file) ? `unreadable report ${file}: ${error.message}` : `no report ${file}` };
  }
}

/** Vitest's JSON report (Jest-compatible shape). */
function unitCounts(report) {
  if (report.__error) return { passed: 0, failed: 0, skipped: 0, notes: [report.__error] };
  const notes = [];
  let crashedFiles = 0;
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    // A file that failed without a failing test: an import / syntax error or a failing hook.
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      crashedFiles += 1;
      notes.push(`${file.name.replace(`${ROOT}/`, '')} failed to run${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
    }
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + crashedFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes,
  };
}

/** Playwright's JSON report. */
function e2eCounts(report) {
  if (report.__error) return { passed: 0, failed: 0, skipped: 0, notes: [report.__error] };
  const stats = report.stats ?? {};
  const notes = (report.errors ?? []).map((e) => (e.message ?? String(e)).split('\n')[0]);
  if (stats.flaky) notes.push(`${stats.flaky} flaky (passed on retry)`);
  // Global errors (web server did not start, no tests found, global timeout...) fail the suite.
  const globalFailures = (report.errors ?? []).length > 0 && !stats.unexpected ? 1 : 0;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + globalFailures,
    skipped: stats.skipped ?? 0,
    notes,
  };
}

/** A suite that exited non-zero must count at least one failure. */
function settle(name, exitCode, counts) {
  const failed = exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed;
  if (exitCode !== 0 && counts.failed === 0) counts.notes.push(`exited with code ${exitCode}`);
  const result = { ...counts, failed };
  const notes = result.notes.length ? ` [${result.notes.join('; ')}]` : '';
  console.log(`${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (exit ${exitCode})${notes}`);
  return result;
}

async function main() {
  const chromium = findChromium();
  if (!chromium) return abort(NO_CHROMIUM_MESSAGE);
  if (await portBusy(PORT)) {
    return abort(
      `Port ${PORT} on 127.0.0.1 is already in use; the end-to-end tests serve the build there.\n` +
        `Stop whatever is listening (e.g. a leftover \`npm run preview\`: see \`ss -ltnp 'sport = :${PORT}'\`) and retry.`,
    );
  }
  console.log(`Chromium: ${chromium}`);

  mkdirSync(REPORT_DIR, { recursive: true });
  rmSync(UNIT_REPORT, { force: true }); // a stale report must never stand in for a crashed run
  rmSync(E2E_REPORT, { force: true });

  const unitExit = run('unit tests', [
    'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${UNIT_REPORT}`,
  ]);
  const e2eExit = run('end-to-end tests', ['playwright', 'test'], {
    VEINSCAPE_REPORT_DIR: REPORT_DIR,
    CHROMIUM_PATH: chromium,
  });

  console.log('\n=== summary');
  const unit = settle('unit (vitest)', unitExit, unitCounts(readReport(UNIT_REPORT)));
  const e2e = settle('e2e (playwright)', e2eExit, e2eCounts(readReport(E2E_REPORT)));
  finish({
    passed: unit.passed + e2e.passed,
    failed: unit.failed + e2e.failed,
    skipped: unit.skipped + e2e.skipped,
  });
}

main().catch((error) => abort(`test-all crashed: ${error?.stack ?? error}`));
