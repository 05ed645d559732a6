#!/usr/bin/env node
/**
 * `npm run bench:surfaces`: opens a 2,000,000-triangle surface in each of four file formats through
 * the app's Open… file input, in headless Chromium (software WebGL), and measures what the product
 * requirement is about ("a 2-million-triangle file opens without freezing the page"; target: no
 * main-thread task over 100 ms during any load). Prints a table and rewrites the generated part of
 * the "Surface files" section of docs/performance.md. Benchmarks measure; no test times anything.
 *
 *   npm run bench:surfaces -- [--formats stl,obj,dxf,ts] [--no-build] [--unminified] [--no-doc]
 *                             [--profile] [--timeout 300] [--port 4191] [--json file]
 *
 *   --formats    which of the four files to load, in this order (default all four)
 *   --no-build   use the existing dist/ (built with `npx vite build` only when missing) instead of
 *                building the app into a private temp folder (dist/ is left alone either way)
 *   --unminified build without minification, so --profile names the app's functions
 *   --no-doc     print only; leave docs/performance.md alone
 *   --profile    also record a CPU profile of the page's main thread from the file being set until
 *                ready, and print the top self-time functions (with two callers) of the five longest
 *                tasks (profiling slows the page: the timings of a profiled run are not published)
 *   --timeout    seconds to wait for one file to load (default 300); a file that fails or times out
 *                is reported as such and the run goes on
 *   --json       also write every raw measurement to this file
 *
 * The surface (data/stress/surfaces/, generated when missing, git-ignored with data/stress/): a
 * 1000 × 1000-cell undulating sheet, 1 m cells at UTM-size coordinates (612,000 E, 5,343,000 N),
 * z = 300 + 20 sin(i/50) cos(j/70) rounded to the millimetre, 1,002,001 vertices and 2,000,000
 * triangles, the same in each file:
 *   sheet-2m.stl  binary STL (float32; each facet repeats its three corners, as STL does)
 *   sheet-2m.obj  Wavefront OBJ (`v x y z` with 3 decimals, `f a b c`)
 *   sheet-2m.dxf  ASCII DXF, ENTITIES section only, 2,000,000 3DFACE entities on layer "sheet"
 *                 (4th corner = 3rd)
 *   sheet-2m.ts   GOCAD TSurf (`VRTX id x y z`, `TRGL a b c`)
 * Files are written as they are generated (chunked writes to a temp name, renamed when complete).
 *
 * For each format, in a browser of its own (the e2e suite's Chromium flags, as scripts/bench.mjs):
 * the probe (scripts/bench/probe.mjs installProbe, an init script, so its 'longtask' and
 * 'long-animation-frame' observers exist before the app's first script) is installed; the page opens
 * `/` and waits for `veinscape.ready()` (the sample); the time is marked (`performance.now()`), the
 * file is set on `data-testid="file-input"` (Playwright setInputFiles: a real change event), and
 * the page waits until `report.files[0].file` is the file and no load runs, then for `ready()`.
 * Measured: set file → ready (s); long tasks that start after the mark and before ready (the longest,
 * how many over 50 and over 100 ms); `veinscape.stats().triangles`; the object's vertex and triangle
 * counts from `report.files[0].objects[0]`; the JS heap after a forced GC (CDP Runtime.getHeapUsage,
 * the page's and its workers').
 *
 * The site is a private copy of the build in a temp folder served by scripts/bench/static-server.mjs
 * on port 4191 (see scripts/bench.mjs), deleted at the end.
 */
import { buildSite, CHROMIUM_ARGS, launchProbedPage, portTaken, run } from './bench/site.mjs';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';
import { serveStatic } from './bench/static-server.mjs';
import { machineInfo } from './bench/machine.mjs';
import { workerHeaps } from './bench/worker-heap.mjs';
import { webglRenderer } from './bench/probe.mjs';
import { profileTop } from './bench/profile.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'data/stress/surfaces');
const DOC = join(ROOT, 'docs/performance.md');
const HEADING = '## Surface files (2,000,000 triangles)';
const START = '<!-- surfaces:start (written by `npm run bench:surfaces`; edit outside these markers) -->';
const START_PREFIX = '<!-- surfaces:start';
const END = '<!-- surfaces:end -->';
const TARGET_MS = 100;


/** The sheet: (N + 1)² vertices on a 1 m grid, 2 N² triangles. */
const N = 1000;
const NV = (N + 1) * (N + 1);
const NT = 2 * N * N;
const X0 = 612000;
const Y0 = 5343000;

const FORMATS = {
  stl: { label: 'STL (binary)', file: 'sheet-2m.stl', write: writeStl, rawVertices: 3 * NT },
  obj: { label: 'OBJ', file: 'sheet-2m.obj', write: writeObj, rawVertices: NV },
  dxf: { label: 'DXF (3DFACE)', file: 'sheet-2m.dxf', write: writeDxf, rawVertices: 4 * NT },
  ts: { label: 'GOCAD TSurf', file: 'sheet-2m.ts', write: writeTsurf, rawVertices: NV },
};

const log = (...a) => console.error('[bench:surfaces]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  const o = { formats: Object.keys(FORMATS), build: true, unminified: false, doc: true, profile: false, timeout: 300, port: 4191, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--formats') o.formats = value().split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    else if (flag === '--no-build') o.build = false;
    else if (flag === '--build') o.build = true;
    else if (flag === '--unminified') o.build = o.unminified = true;
    else if (flag === '--no-doc') o.doc = false;
    else if (flag === '--profile') o.profile = true;
    else if (flag === '--timeout') o.timeout = Number(value());
    else if (flag === '--port') o.port = Number(value());
    else if (flag === '--json') o.json = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/bench-surfaces.mjs [--formats stl,obj,dxf,ts] [--no-build] [--unminified] [--no-doc] [--profile] [--timeout s] [--port n] [--json file]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const f of o.formats) if (!FORMATS[f]) throw new Error(`unknown format "${f}" (one of ${Object.keys(FORMATS).join(', ')})`);
  if (o.port === 4173 || o.port === 4175) throw new Error('ports 4173 and 4175 belong to the tests; use 4191 or above');
  return o;
}

// ---------------------------------------------------------------------------------------------
// The surface, in four formats

/** Vertex k = j (N + 1) + i at (X0 + i, Y0 + j, z(i, j)), z rounded to the millimetre. */
function sheet() {
  const z = new Float64Array(NV);
  for (let j = 0; j <= N; j++) for (let i = 0; i <= N; i++) z[j * (N + 1) + i] = Math.round((300 + 20 * Math.sin(i / 50) * Math.cos(j / 70)) * 1000) / 1000;
  return { z };
}

/** Calls fn(a, b, c) for every triangle (0-based vertex indices), two per cell, counter-clockwise seen from above. */
function forEachTriangle(fn) {
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const a = j * (N + 1) + i;
      const b = a + 1;
      const c = a + N + 2;
      const d = a + N + 1;
      fn(a, b, c);
      fn(a, c, d);
    }
  }
}

/** A writer of text or bytes in chunks of about 4 MB, to `path`. */
function chunkedWriter(path) {
  const fd = openSync(path, 'w');
  let parts = [];
  let size = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    text(s) {
      parts.push(s);
      size += s.length;
      if (size > 4_000_000) flush();
    },
    bytes(buf) {
      flush();
      writeSync(fd, buf);
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

const xStr = (k) => String(X0 + (k % (N + 1))) + '.000';
const yStr = (k) => String(Y0 + Math.floor(k / (N + 1))) + '.000';

function writeStl(path, { z }) {
  const w = chunkedWriter(path);
  const head = Buffer.alloc(84);
  head.write('Veinscape benchmark sheet, 1000 x 1000 cells, binary STL', 0, 'latin1');
  head.writeUInt32LE(NT, 80);
  w.bytes(head);
  const PER = 80_000;
  let buf = Buffer.alloc(50 * PER);
  let n = 0;
  const X = (k) => X0 + (k % (N + 1));
  const Y = (k) => Y0 + Math.floor(k / (N + 1));
  forEachTriangle((a, b, c) => {
    const ux = X(b) - X(a), uy = Y(b) - Y(a), uz = z[b] - z[a];
    const vx = X(c) - X(a), vy = Y(c) - Y(a), vz = z[c] - z[a];
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len; ny /= len; nz /= len;
    let o = n * 50;
    buf.writeFloatLE(nx, o); buf.writeFloatLE(ny, o + 4); buf.writeFloatLE(nz, o + 8);
    o += 12;
    for (const k of [a, b, c]) {
      buf.writeFloatLE(X(k), o); buf.writeFloatLE(Y(k), o + 4); buf.writeFloatLE(z[k], o + 8);
      o += 12;
    }
    buf.writeUInt16LE(0, o);
    if (++n === PER) {
      w.bytes(buf);
      buf = Buffer.alloc(50 * PER);
      n = 0;
    }
  });
  if (n) w.bytes(buf.subarray(0, 50 * n));
  w.close();
}

function writeObj(path, { z }) {
  const w = chunkedWriter(path);
  w.text('# Veinscape benchmark sheet: 1000 x 1000 cells, 1,002,001 vertices, 2,000,000 triangles\no sheet\n');
  for (let k = 0; k < NV; k++) w.text(`v ${xStr(k)} ${yStr(k)} ${z[k].toFixed(3)}\n`);
  forEachTriangle((a, b, c) => w.text(`f ${a + 1} ${b + 1} ${c + 1}\n`));
  w.close();
}

function writeDxf(path, { z }) {
  const w = chunkedWriter(path);
  // Each vertex's three coordinate lines, built once (a vertex is a corner of up to six faces).
  const corner = (k) => [xStr(k), yStr(k), z[k].toFixed(3)];
  const cache = new Array(NV);
  const at = (k) => (cache[k] ??= corner(k));
  w.text('0\nSECTION\n2\nENTITIES\n');
  forEachTriangle((a, b, c) => {
    const A = at(a), B = at(b), C = at(c);
    w.text(`0\n3DFACE\n8\nsheet\n10\n${A[0]}\n20\n${A[1]}\n30\n${A[2]}\n11\n${B[0]}\n21\n${B[1]}\n31\n${B[2]}\n12\n${C[0]}\n22\n${C[1]}\n32\n${C[2]}\n13\n${C[0]}\n23\n${C[1]}\n33\n${C[2]}\n`);
  });
  w.text('0\nENDSEC\n0\nEOF\n');
  w.close();
}

function writeTsurf(path, { z }) {
  const w = chunkedWriter(path);
  w.text('GOCAD TSurf 1\nHEADER {\nname: sheet\n}\nTFACE\n');
  for (let k = 0; k < NV; k++) w.text(`VRTX ${k + 1} ${xStr(k)} ${yStr(k)} ${z[k].toFixed(3)}\n`);
  forEachTriangle((a, b, c) => w.text(`TRGL ${a + 1} ${b + 1} ${c + 1}\n`));
  w.text('END\n');
  w.close();
}

function ensureFiles(formats) {
  mkdirSync(OUT_DIR, { recursive: true });
  let data = null;
  for (const f of formats) {
    const spec = FORMATS[f];
    const path = join(OUT_DIR, spec.file);
    if (existsSync(path)) continue;
    data ??= sheet();
    const t = Date.now();
    log(`writing ${relative(path)}`);
    const tmp = `${path}.partial`;
    spec.write(tmp, data);
    renameSync(tmp, path);
    log(`  ${(statSync(path).size / 1e6).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

const relative = (p) => p.slice(ROOT.length + 1);

/** data/stress/surfaces/ must be git-ignored: data/stress/ is in .gitignore; checked, not edited. */
function checkIgnored() {
  const r = spawnSync('git', ['check-ignore', '-q', relative(join(OUT_DIR, 'x.stl'))], { cwd: ROOT });
  if (r.status === 1) log(`warning: ${relative(OUT_DIR)}/ is not git-ignored (add data/stress/ to .gitignore)`);
}

// ---------------------------------------------------------------------------------------------
// Site, server, browser

/** A private copy of the build (the surface files are not served: they are set on the file input). */
function prepareSite(o) {
  let { tmp, site, build } = buildSite(o, 'veinscape-bench-surfaces-', log);
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  if (head) build += ` of ${head}${dirty ? ' with uncommitted changes in src/' : ''}`;
  return { tmp, site, build };
}

function withTimeout(promise, ms, what) {
  let timer;
  promise.catch(() => undefined);
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms)))]).finally(() => clearTimeout(timer));
}


function phaseAt(phases, t) {
  let p = 'before load';
  for (const x of phases) if (x.t <= t) p = x.phase;
  return p;
}

// ---------------------------------------------------------------------------------------------
// One format

async function measureFormat(o, base, key) {
  const spec = FORMATS[key];
  const path = join(OUT_DIR, spec.file);
  const result = { format: key, label: spec.label, file: spec.file, fileBytes: statSync(path).size };
  const { browser, context, page, pageErrors } = await launchProbedPage();
  try {
    let crashed = false;
    const crash = new Promise((_, reject) => page.on('crash', () => ((crashed = true), reject(new Error('the page crashed (renderer process died, likely out of memory)')))));
    crash.catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    // The sample first.
    await page.goto(`${base}/`);
    await withTimeout(Promise.race([crash, page.waitForFunction(() => !!window.veinscape, null, { timeout: 0, polling: 100 }).then(() => page.evaluate(() => window.veinscape.ready()))]), 180_000, 'the sample (veinscape.ready())');

    if (o.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }

    log(`${spec.label}: opening ${spec.file} (${(result.fileBytes / 1e6).toFixed(0)} MB)`);
    const t0 = Date.now();
    const mark = await page.evaluate(() => performance.now());
    // Waits in the page (a store subscription, not polling) until the file's report is in and no
    // load runs, then for ready(); answers with the page's clock.
    const done = page.evaluate(
      (name) =>
        new Promise((resolvePage) => {
          const v = window.veinscape;
          let settled = false;
          const check = () => {
            if (settled) return;
            const s = v.store.getState();
            if (s.report?.files?.[0]?.file !== name || s.loading) return;
            settled = true;
            const reportAt = performance.now();
            v.ready().then(() => resolvePage({ reportAt, readyAt: performance.now() }));
          };
          v.store.subscribe(check);
          check();
        }),
      spec.file,
    );
    done.catch(() => undefined);
    // Progress: a poll that does not come back means the page's main thread is blocked.
    let polled = { phase: null, at: Date.now(), busy: false };
    const progress = setInterval(async () => {
      if (polled.busy) return;
      polled.busy = true;
      try {
        const phase = await page.evaluate(() => window.__bench?.phases?.at(-1)?.phase ?? null);
        if (phase !== polled.phase) log(`  ${Math.round((Date.now() - t0) / 1000)} s: ${phase}`);
        polled = { phase, at: Date.now(), busy: false };
      } catch {
        polled.busy = false;
      }
    }, 2_000);
    let outcome;
    try {
      await page.getByTestId('file-input').setInputFiles(path);
      outcome = await withTimeout(Promise.race([crash, done]), o.timeout * 1000, `${spec.file} to load and draw`);
    } catch (e) {
      const blocked = Date.now() - polled.at > 15_000 ? `; the page's main thread had not answered for ${Math.round((Date.now() - polled.at) / 1000)} s` : '';
      result.error = crashed ? 'page crashed' : /timed out/.test(e.message) ? 'timed out' : 'failed';
      result.errorDetail = `${e.message}${polled.phase ? `; last phase seen "${polled.phase}"` : ''}${blocked}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`;
      return result;
    } finally {
      clearInterval(progress);
    }
    result.wallSeconds = (Date.now() - t0) / 1000;
    result.readyMs = outcome.readyAt - mark;
    result.reportMs = outcome.reportAt - mark;

    let profile = null;
    if (o.profile) profile = (await cdp.send('Profiler.stop')).profile;

    const state = await page.evaluate(() => {
      const v = window.veinscape;
      const s = v.store.getState();
      const f = s.report?.files?.[0];
      return {
        stats: v.stats(),
        ok: s.report?.ok ?? null,
        errors: (s.report?.errors ?? []).slice(0, 3).map((e) => e.message ?? String(e)),
        file: f ? { file: f.file, format: f.format, errors: f.errors, warnings: f.warnings, objects: f.objects.map((x) => ({ name: x.name, type: x.type, vertices: x.vertices, triangles: x.triangles })) } : null,
      };
    });
    result.state = state;
    result.triangles = state.stats.triangles;
    result.object = state.file?.objects?.[0] ?? null;
    result.objectCount = state.file?.objects?.length ?? 0;
    if (result.object) {
      const v = result.object.vertices;
      result.verticesOk = v === NV || v === spec.rawVertices;
      result.trianglesOk = result.object.triangles === NT;
    }

    const B = await page.evaluate(() => ({ longtasks: window.__bench.longtasks, loafs: window.__bench.loafs, phases: window.__bench.phases, workerDone: window.__bench.workerDone ?? null, gl: window.__bench.gl }));
    const inLoad = B.longtasks.filter((t) => t.start >= mark && t.start < outcome.readyAt);
    const sorted = [...inLoad].sort((a, b) => b.duration - a.duration);
    result.longest = sorted[0] ? { start: sorted[0].start - mark, duration: sorted[0].duration, during: phaseAt(B.phases, sorted[0].start) } : null;
    result.longestMs = sorted[0]?.duration ?? 0;
    result.over50 = inLoad.length;
    result.over100 = inLoad.filter((t) => t.duration > 100).length;
    result.topTasks = sorted.slice(0, 5).map((t) => ({ start: t.start - mark, duration: t.duration, during: phaseAt(B.phases, t.start) }));
    result.phases = B.phases.filter((p) => p.t >= mark).map((p) => ({ phase: p.phase, t: p.t - mark }));
    // The worker's result on the main thread (the probe times the first access to e.data, its
    // structured-clone deserialisation, and the handler), and the WebGL uploads since the page opened.
    if (B.workerDone && B.workerDone.at >= mark) result.workerDone = { ...B.workerDone, at: B.workerDone.at - mark };
    const up = ['bufferData', 'bufferSubData', 'texImage2D', 'texSubImage2D'].map((k) => B.gl[k]).filter(Boolean);
    result.uploads = { calls: up.reduce((n, x) => n + x.calls, 0), ms: up.reduce((n, x) => n + x.ms, 0), bytes: up.reduce((n, x) => n + x.bytes, 0) };
    // The long animation frames' scripts over the same window: who ran in the long tasks.
    const loafs = B.loafs.filter((l) => l.start + l.duration >= mark && l.start < outcome.readyAt).sort((a, b) => b.duration - a.duration);
    result.loafScripts = loafs.slice(0, 3).map((l) => ({ start: l.start - mark, duration: l.duration, scripts: [...l.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3) }));
    if (profile) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const navStart = metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0;
      result.profileTop = profileTop(profile, 12, { from: mark, to: outcome.readyAt }, navStart);
      result.profileTasks = sorted.slice(0, 5).map((t) => ({ start: t.start - mark, duration: t.duration, during: phaseAt(B.phases, t.start), fns: profileTop(profile, 8, { from: t.start, to: t.start + t.duration }, navStart, 2) }));
    }

    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    if (usage) result.heap = { used: usage.usedSize, backing: usage.backingStorageSize ?? 0 };
    const workers = await withTimeout(workerHeaps(browser), 30_000, 'worker heaps').catch(() => null);
    if (workers) result.workerHeap = workers.reduce((n, w) => n + w.used + w.backing, 0);
    result.pageErrors = pageErrors;
    if (state.ok === false || state.file?.errors) {
      result.error = 'the load reported errors';
      result.errorDetail = JSON.stringify(state.errors);
    }
    return result;
  } catch (e) {
    result.error ??= 'benchmark error';
    result.errorDetail = e.message;
    return result;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

const COLUMNS = [
  ['format', (r) => r.label],
  ['file', (r) => r.file],
  ['size (MB)', (r) => fmt(r.fileBytes / 1e6, 0)],
  ['set file → ready (s)', (r) => (r.readyMs === undefined ? '-' : fmt(r.readyMs / 1000, 1))],
  ['longest task (ms)', (r) => (r.readyMs === undefined ? '-' : `${fmt(r.longestMs)}${r.longestMs > TARGET_MS ? ' ✗' : ' ✓'}`)],
  ['tasks > 50 ms', (r) => (r.readyMs === undefined ? '-' : fmt(r.over50))],
  ['tasks > 100 ms', (r) => (r.readyMs === undefined ? '-' : fmt(r.over100))],
  ['triangles drawn', (r) => fmt(r.triangles)],
  ['object vertices', (r) => (r.object ? `${fmt(r.object.vertices)}${r.verticesOk ? '' : ' (?)'}` : '-')],
  ['object triangles', (r) => (r.object ? `${fmt(r.object.triangles)}${r.trianglesOk ? '' : ' (?)'}` : '-')],
  ['JS heap after load, page / workers (MB)', (r) => (r.heap ? `${fmt((r.heap.used + r.heap.backing) / 1e6)} / ${r.workerHeap === undefined ? '-' : fmt(r.workerHeap / 1e6)}` : '-')],
  ['result', (r) => (r.error ? `**${r.error}**` : 'loaded')],
];

function consoleTable(results) {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, c]) => c(r).replace(/\*\*/g, '')))];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row, k) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ') + (k === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

function markdown(results, env) {
  const m = env.machine;
  const L = [];
  L.push(START, '');
  L.push(
    `Run on ${env.date} with \`${env.command}\` (${fmt(env.totalSeconds)} s in all): ${m.cpu}, ${m.cores} cores, ${fmt(m.ramGB, 1)} GB, ${m.os}; ` +
      `${env.browser} headless, WebGL ${env.webgl.renderer}; Node ${m.node}; build: ${env.build}; load average (1 min) ${fmt(env.loadavg[0][0], 1)} at the start, ${fmt(env.loadavg[1][0], 1)} at the end.`,
    '',
  );
  const header = COLUMNS.map(([h]) => h);
  L.push(`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i < 2 || i === header.length - 1 ? '---' : '---:')).join(' | ')} |`);
  for (const r of results) L.push(`| ${COLUMNS.map(([, c]) => c(r)).join(' | ')} |`);
  L.push('', `✓ / ✗: longest main-thread task within / over the ${TARGET_MS} ms target. Object vertices: STL and DXF corners are merged by exact position, so all four give the sheet's 1,002,001.`, '');
  L.push('Details:', '');
  for (const r of results) {
    L.push(`- **${r.label}** (\`data/stress/surfaces/${r.file}\`)${r.error ? `: **${r.error}**` : ''}`);
    if (r.readyMs !== undefined) {
      L.push(`  - report in and no load running ${fmt(r.reportMs / 1000, 1)} s after the file was set; drawn (\`ready()\`) at ${fmt(r.readyMs / 1000, 1)} s.`);
      const phases = r.phases?.filter((p, i, a) => i === 0 || p.phase !== a[i - 1].phase);
      if (phases?.length) L.push(`  - load phases (s from the file being set): ${phases.map((p) => `${p.phase} ${fmt(p.t / 1000, 1)}`).join(', ')}.`);
      if (r.workerDone) L.push(`  - the worker's result on the main thread at ${fmt(r.workerDone.at / 1000, 1)} s: deserialising the message ${fmt(r.workerDone.deserializeMs)} ms, its handler ${fmt(r.workerDone.handlerMs)} ms.`);
      if (r.uploads) L.push(`  - WebGL uploads since the page opened (the sample's too): ${fmt(r.uploads.bytes / 1e6)} MB in ${fmt(r.uploads.calls)} calls, ${fmt(r.uploads.ms)} ms of main thread.`);
      L.push(`  - long tasks (top 5): ${r.topTasks.length ? r.topTasks.map((t) => `${fmt(t.duration)} ms at ${fmt(t.start / 1000, 1)} s (${t.during})`).join('; ') : 'none over 50 ms'}.`);
      const lf = r.loafScripts?.[0];
      if (lf?.scripts?.length) L.push(`  - longest animation frame (${fmt(lf.duration)} ms at ${fmt(lf.start / 1000, 1)} s), its scripts: ${lf.scripts.map((s) => `${s.invoker}${s.fn ? ` → ${s.fn}` : ''} ${fmt(s.duration)} ms`).join('; ')}.`);
      for (const t of r.profileTasks ?? []) L.push(`  - CPU profile of the ${fmt(t.duration)} ms task (${t.during}), top self time: ${t.fns.slice(0, 6).map((p) => `${p.fn.replace(/ .*$/, '')} ${fmt(p.ms)} ms`).join(', ')}.`);
    }
    if (r.errorDetail) L.push(`  - error: \`${r.errorDetail.replace(/`/g, "'").slice(0, 600)}\``);
  }
  L.push('', END);
  return L.join('\n');
}

const INTRO = [
  HEADING,
  '',
  'The product requirement "a 2-million-triangle file opens without freezing the page", measured by',
  '`npm run bench:surfaces` (`scripts/bench-surfaces.mjs`). The same 1000 × 1000-cell undulating sheet',
  '(1 m cells at 612,000 E, 5,343,000 N, z = 300 + 20 sin(i/50) cos(j/70); 1,002,001 vertices,',
  '2,000,000 triangles) is generated into `data/stress/surfaces/` as binary STL, OBJ, ASCII DXF',
  '(3DFACE entities) and GOCAD TSurf. Each file is opened in a fresh headless Chromium (software WebGL,',
  '1280 × 800) through the Open… file input (`setInputFiles`, a real change event) after the sample has',
  'drawn. "Set file → ready" runs from the moment the file is set until the file\'s report is in, no load',
  'runs and `veinscape.ready()` resolves (the GPU has finished the picture). Long tasks are the',
  '`longtask` entries (observer registered before the app\'s first script) that start in that window;',
  `the target is none over ${TARGET_MS} ms. The heap is taken after a forced GC (CDP \`Runtime.getHeapUsage\`,`,
  'V8 heap plus ArrayBuffers), for the page and for its workers. The machine is given with the run.',
  'A run loads each file once, on a machine shared with other jobs: the longest task varies from run to',
  'run, so compare several runs before concluding that a file meets the target or misses it.',
  '',
].join('\n');

function updateDoc(generated) {
  const text = readFileSync(DOC, 'utf8');
  const a = text.indexOf(START_PREFIX);
  const b = text.indexOf(END);
  let next;
  if (a >= 0 && b > a) next = text.slice(0, a) + generated + text.slice(b + END.length);
  else next = `${text.trimEnd()}\n\n${INTRO}\n${generated}\n`;
  writeFileSync(DOC, next);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadStart = os.loadavg();
  checkIgnored();
  ensureFiles(o.formats);
  if (await portTaken(o.port)) throw new Error(`port ${o.port} is already in use (a leftover server?); free it or pass --port`);
  const { tmp, site, build } = prepareSite(o);
  const results = [];
  let server = null;
  let webgl = { renderer: 'unknown', vendor: '' };
  let browserVersion = 'unknown';
  try {
    server = await serveStatic(site, o.port);
    const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
    browserVersion = `Chromium ${browser.version()}`;
    const page = await browser.newPage();
    await page.goto(`${server.base}/?data=`);
    webgl = await page.evaluate(webglRenderer);
    await browser.close();
    for (const key of o.formats) {
      const r = await measureFormat(o, server.base, key);
      results.push(r);
      log(`${r.label}: ${r.error ? `${r.error}: ${r.errorDetail}` : `ready ${(r.readyMs / 1000).toFixed(1)} s after the file was set; longest task ${Math.round(r.longestMs)} ms; ${r.over100} over 100 ms`}`);
      for (const t of r.profileTasks ?? []) {
        log(`  ${Math.round(t.duration)} ms task at ${(t.start / 1000).toFixed(1)} s (${t.during}), top self time:`);
        for (const p of t.fns) log(`    ${p.ms.toFixed(0).padStart(6)} ms  ${p.fn}`);
      }
      if (r.profileTop) {
        log('  whole load, main thread top self time:');
        for (const p of r.profileTop) log(`    ${p.ms.toFixed(0).padStart(6)} ms  ${p.fn}`);
      }
      await sleep(1000);
    }
  } finally {
    server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  const env = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench:surfaces${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machineInfo(),
    loadavg: [loadStart, os.loadavg()],
    browser: browserVersion,
    webgl,
    build,
    totalSeconds: (Date.now() - started) / 1000,
  };
  if (o.json) writeFileSync(resolve(o.json), JSON.stringify({ env, results }, null, 1));
  console.log(`\nVeinscape surface files, ${env.date}: ${env.machine.cpu}, ${env.machine.cores} cores; ${env.browser}; ${env.webgl.renderer}\n`);
  console.log(consoleTable(results));
  for (const r of results) {
    if (r.error) console.log(`\n${r.label}: ${r.error}: ${r.errorDetail}`);
    else if (r.longestMs > TARGET_MS) console.log(`\n${r.label}: ${r.over100} task(s) over ${TARGET_MS} ms: ${r.topTasks.filter((t) => t.duration > TARGET_MS).map((t) => `${Math.round(t.duration)} ms at ${(t.start / 1000).toFixed(1)} s (${t.during})`).join('; ')}`);
  }
  if (o.doc && !o.profile) {
    updateDoc(markdown(results, env));
    log('docs/performance.md updated (Surface files section)');
  } else if (o.doc) log('--profile: timings of a profiled run are not published; docs/performance.md left alone');
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench:surfaces: ${e.stack ?? e.message}`);
  process.exit(1);
});
