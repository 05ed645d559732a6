#!/usr/bin/env node
/**
 * `npm run bench`: loads generated stress datasets in headless Chromium (software WebGL) and measures
 * what the performance targets are about. Prints a table and rewrites the generated part of
 * docs/performance.md. Benchmarks measure; no test times anything.
 *
 *   npm run bench -- [--sizes 1000x100,10000x10,10000x100] [--build] [--no-doc] [--profile] [--binary]
 *                    [--csv] [--csv-runs n] [--timeout 300] [--budget 360] [--total 600] [--port 4191]
 *
 *   --sizes    holes × intervals per hole (optionally ×triangles, default 2 per interval); each file
 *              is generated with scripts/gen-stress.ts into data/stress/ when missing. Also `sample`
 *              (data/rocmec1.json, opened at `/` as the app opens it), `real100` (100 real holes:
 *              forrestania converted by scripts/bench/real-data.ts) and `NxM:vsb` (the binary form
 *              only, written by gen-stress --vsb: no JSON, whose text passes 1 GB at 10 M intervals)
 *   --build    build the app first (into a private folder; dist/ is left alone). Without it the
 *              existing dist/ is used, and built with `npx vite build` only when missing
 *   --unminified  like --build, without minification, so --profile names the app's functions
 *   --no-doc   print only; leave docs/performance.md alone
 *   --binary   also load the binary form (.vsb, docs/data-format.md) of each size, as a column of its own
 *              ("10,000 × 100 (binary)"); written next to the JSON with scripts/pack-deposit.ts when
 *              missing. Its JSON.parse row is the JSON file's (the baseline the targets are about)
 *   --csv      also load the CSV form of each generated size and of real100 (collar, survey, assay
 *              tables; gen-stress --csv) and its JSON twin through the Open… control, as a column
 *              of its own ("1,000 × 100 (CSV)"): CSV ready as a multiple of JSON ready
 *              (scripts/bench/open-file.mjs); --csv-runs loads of each (default 3, 1 past 50 MB)
 *   --profile  also record a CPU profile of the main thread during each load and print its top functions
 *   --timeout  seconds to wait for one dataset to load (default 300)
 *   --budget   seconds for one size from the start of its load to the end of its measures (default
 *              360); measures that do not fit are skipped and reported as such
 *   --total    seconds for the whole run (default 600): the last sizes get what the first ones left
 *              (at least a minute each); what does not fit is reported as not finished / skipped
 *   --json     also write every raw measurement to this file
 *   --report f measure nothing: print the table and rewrite the doc from a file written by --json
 *
 * For each size: (1) in a browser of its own, JSON.parse of the file's text on the page's main
 * thread (3 runs, median); (2) in a fresh browser, a page opens `/?data=bench/<file>` and records, from before the app's
 * first script (scripts/bench/probe.mjs): time to `veinscape.ready()`, load phases, long tasks
 * (PerformanceObserver 'longtask' and 'long-animation-frame'), WebGL uploads; then draw calls and
 * triangles (`veinscape.stats()`), frames drawn during 2 s idle, the JS heap after a forced GC
 * (CDP Runtime.getHeapUsage), the main-thread cost of a click pick (CDP Performance.getMetrics
 * TaskDuration, minus a no-change baseline) and of five grade and five elevation filter changes
 * (the main thread's CPU time, ThreadTime, minus a no-change baseline; TaskDuration beside it); (3) in another
 * fresh browser, a bare WebGL frame of as many triangles as the app drew, with nothing of the app
 * (`timeBareFrame`): with the fetch of the file, a floor for the time to ready of any viewer; (4) the
 * anchor (scripts/bench/anchor.mjs): a three.js page with no app code that fetches, parses and
 * draws the same triangles as one mesh, 3 runs in fresh browsers; the app's ready() is reported as
 * a multiple of its median. Also the app's `veinscape:first-picture` mark and the longest wait
 * between two progress updates (changes of the store's `loading`).
 *
 * The site is a private copy of the build in a temp folder served without on-the-fly compression
 * (scripts/bench/static-server.mjs; `vite preview` gzips as it sends, 6 s for the 107 MB file) on port 4191 (4190 is on the
 * browsers' list of blocked ports: fetch and Chromium refuse it),
 * so a concurrent `vite build` (the e2e suite rebuilds dist/) cannot pull it away mid-run.
 */
import { spawnSync } from 'node:child_process';
import { serveStatic } from './bench/static-server.mjs';
import { buildSite, CHROMIUM_ARGS, launchProbedPage, portTaken, run } from './bench/site.mjs';
import { existsSync, readFileSync, writeFileSync, linkSync, mkdirSync, rmSync, statSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';
import { machineInfo } from './bench/machine.mjs';
import { workerHeaps } from './bench/worker-heap.mjs';
import { armPick, changeFilters, loadedState, noChange, pickResult, pickTarget, timeBareFrame, timeJsonParse, webglRenderer } from './bench/probe.mjs';
import { consoleTable, markdownResults, median, sizeLabel, updateDoc } from './bench/report.mjs';
import { profileTop } from './bench/profile.mjs';
import { anchorOnce, anchorSummary, buildAnchor } from './bench/anchor.mjs';
import { measureCsvAgainstJson } from './bench/open-file.mjs';
import { longestProgressGap } from './bench/progress.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The app's test for software WebGL (src/scene/glCapabilities.ts): there its canvas has no MSAA. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;
const DEFAULT_SIZES = '1000x100,10000x10,10000x100';

function parseArgs(argv) {
  const o = { sizes: DEFAULT_SIZES, build: false, doc: true, profile: false, binary: false, csv: false, csvRuns: null, timeout: 300, budget: 360, total: 600, port: 4191, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') o.sizes = value();
    else if (flag === '--build') o.build = true;
    else if (flag === '--unminified') o.build = o.unminified = true;
    else if (flag === '--no-doc') o.doc = false;
    else if (flag === '--profile') o.profile = true;
    else if (flag === '--binary') o.binary = true;
    else if (flag === '--csv') o.csv = true;
    else if (flag === '--csv-runs') o.csvRuns = Number(value());
    else if (flag === '--json') o.json = value();
    else if (flag === '--report') o.report = value();
    else if (flag === '--timeout') o.timeout = Number(value());
    else if (flag === '--budget') o.budget = Number(value());
    else if (flag === '--total') o.total = Number(value());
    else if (flag === '--port') o.port = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/bench.mjs [--sizes sample,real100,1000x100,10000x10,10000x100,10000x1000:vsb] [--build] [--no-doc] [--profile] [--binary] [--csv] [--csv-runs n] [--timeout s] [--port n]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.port === 4173 || o.port === 4175) throw new Error('ports 4173 and 4175 belong to the tests; use 4190 or above');
  o.sizes = o.sizes.split(',').filter(Boolean).map(parseSize);
  // Each size's binary form right after its JSON, which it refers to for the JSON.parse baseline
  // and the anchor; then its CSV form (generated sizes and the real holes; the sample has none).
  o.sizes = o.sizes.flatMap((s) => [s, ...(o.binary && s.kind === 'generated' && !s.binary ? [binaryTwin(s)] : []), ...(o.csv && (s.kind === 'real' || (s.kind === 'generated' && !s.binary)) ? [csvTwin(s)] : [])]);
  return o;
}

/**
 * The CSV form of a size: the three tables opened together through the Open… control, against
 * their JSON twin opened the same way. Generated sizes: a folder written by
 * `scripts/gen-stress.ts --csv` (collar.csv, survey.csv, assay.csv and holes.json, the same
 * holes, surveys and assays); the real holes: the original files and their conversion.
 */
function csvTwin(size) {
  if (size.kind === 'real') return { ...size, spec: `${size.spec} csv`, csv: true, json: size, dir: realFolder(), twin: size.path };
  const dir = join(ROOT, 'data/stress', size.name.replace(/\.json$/, '-csv'));
  return { ...size, spec: `${size.spec} csv`, csv: true, json: size, dir, twin: join(dir, 'holes.json'), name: `${basename(dir)}/` };
}

/** The binary form (.vsb) of a size: same data, its own column in the results. */
function binaryTwin(size) {
  const name = size.name.replace(/\.json$/, '.vsb');
  return { ...size, spec: `${size.spec} binary`, binary: true, json: size, name, path: join(ROOT, 'data/stress', name) };
}

/** The real drill database's CSV files (scripts/bench/real-data.ts), in the picker's order. */
const REAL_CSV = ['collar.csv', 'survey.csv', 'assay.csv'];

function realFolder() {
  const candidates = [join(ROOT, '../shared/data/external/forrestania'), '/work/shared/data/external/forrestania'];
  return candidates.find((d) => existsSync(join(d, 'collar.csv'))) ?? candidates[0];
}

/**
 * `sample` (data/rocmec1.json, opened as the app opens it: `/`, no ?data), `real100` (100 real
 * holes: forrestania converted by scripts/bench/real-data.ts), `NxM[xT]` (a generated size) or
 * `NxM:vsb` (a generated size in the binary form only: no JSON, whose text would pass 1 GB at
 * 10,000,000 intervals).
 */
function parseSize(spec) {
  spec = spec.trim();
  if (spec === 'sample') return { spec, kind: 'sample', holes: null, intervals: null, name: 'rocmec1.json', path: join(ROOT, 'data/rocmec1.json'), url: '/' };
  if (spec === 'real100') return { spec, kind: 'real', holes: 100, intervals: null, name: 'forrestania-100.json', path: join(ROOT, 'data/stress/forrestania-100.json') };
  const m = /^(\d+)x(\d+)(?:x(\d+))?(:vsb)?$/i.exec(spec);
  if (!m) throw new Error(`size "${spec}" must be sample, real100, or look like 10000x100 (holes x intervals per hole[ x triangles]), optionally with :vsb`);
  const holes = Number(m[1]);
  const intervals = Number(m[2]);
  const defaultTriangles = 2 * holes * intervals;
  const triangles = m[3] ? Number(m[3]) : defaultTriangles;
  const name = `stress-${holes}h-${intervals}i${triangles === defaultTriangles ? '' : `-${triangles}t`}.json`;
  const size = { spec, kind: 'generated', holes, intervals, triangles, name, path: join(ROOT, 'data/stress', name) };
  if (m[4]) return { ...size, binary: true, vsbOnly: true, json: null, name: name.replace(/\.json$/, '.vsb'), path: join(ROOT, 'data/stress', name.replace(/\.json$/, '.vsb')) };
  return size;
}

const log = (...a) => console.error('[bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function ensureDataset(size) {
  if (size.csv) return ensureCsv(size);
  if (existsSync(size.path)) return;
  if (size.kind === 'real') {
    log(`converting the forrestania CSV tables into ${size.name}`);
    return run('npx', ['tsx', 'scripts/bench/real-data.ts', '--out', size.path], 5 * 60_000);
  }
  if (size.vsbOnly) {
    log(`generating ${size.name} (binary form only)`);
    return run('npx', ['tsx', 'scripts/gen-stress.ts', '--holes', String(size.holes), '--intervals', String(size.intervals), '--vsb', '--out', size.path], 30 * 60_000);
  }
  if (size.binary) {
    ensureDataset(size.json);
    log(`writing ${size.name} (the binary form of ${size.json.name})`);
    // Parsing the 107 MB JSON whole takes about 1.5 GB of heap.
    const r = spawnSync('npx', ['tsx', 'scripts/pack-deposit.ts', size.json.path, size.path], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000, env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim() } });
    if (r.status !== 0) throw new Error(`scripts/pack-deposit.ts failed for ${size.json.name} (exit ${r.status})`);
    return;
  }
  log(`generating ${size.name}`);
  const args = ['tsx', 'scripts/gen-stress.ts', '--holes', String(size.holes), '--intervals', String(size.intervals), '--out', size.path];
  if (size.triangles !== 2 * size.holes * size.intervals) args.push('--triangles', String(size.triangles));
  run('npx', args, 15 * 60_000);
}

function ensureCsv(size) {
  if (size.kind === 'real') {
    ensureDataset(size.json);
    for (const f of REAL_CSV) if (!existsSync(join(size.dir, f))) throw new Error(`${join(size.dir, f)} is missing (the real drill database, /work/shared/data/external/forrestania)`);
    return;
  }
  if (existsSync(join(size.dir, 'holes.json'))) return;
  log(`generating ${basename(size.dir)} (CSV tables and their JSON twin)`);
  run('npx', ['tsx', 'scripts/gen-stress.ts', '--holes', String(size.holes), '--intervals', String(size.intervals), '--csv', '--out', size.dir], 15 * 60_000);
}

/** The local files a CSV size opens through the Open… control. */
const csvPaths = (size) => REAL_CSV.map((f) => join(size.dir, f));

/** A private copy of the build with the stress files under bench/ and the anchor page under anchor/. */
async function prepareSite(o, sizes) {
  const { tmp, site, build } = buildSite(o, 'veinscape-bench-', log);
  mkdirSync(join(site, 'bench'), { recursive: true });
  await buildAnchor(site);
  for (const s of sizes) {
    if (s.csv) continue; // opened from the disk through the file input
    const dest = join(site, 'bench', s.name);
    try {
      linkSync(s.path, dest);
    } catch {
      copyFileSync(s.path, dest);
    }
  }
  return { tmp, site, build };
}

async function startServer(site, port) {
  if (await portTaken(port)) throw new Error(`port ${port} is already in use (a leftover server?); free it or pass --port`);
  const server = await serveStatic(site, port);
  process.once('exit', () => server.stop());
  return server;
}

/** In the page: resolves once no intercept calculation or data check is running. */
function backgroundDone() {
  const s = window.veinscape.store;
  const idle = () => !s.getState().interceptsPending && !s.getState().qaPending;
  return new Promise((resolve) => {
    if (idle()) return resolve();
    const off = s.subscribe(() => {
      if (!idle()) return;
      off();
      resolve();
    });
  });
}

/** Moves the real mouse over and around `target` and reads the app's hover-pick measures. */
async function measureHover(page, target) {
  await page.evaluate(() => performance.clearMeasures('veinscape:hover-pick'));
  const offsets = [[0, 0], [12, 0], [0, 12], [-12, 0], [0, -12], [25, 25], [-25, 25], [25, -25], [-25, -25], [3, 1], [1, 3], [0, 0]];
  for (const [dx, dy] of offsets) {
    await page.mouse.move(target.x + dx, target.y + dy);
    // The pick runs at most once per animation frame: let two frames pass.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const durations = await page.evaluate(() => performance.getEntriesByName('veinscape:hover-pick').map((e) => e.duration));
  if (durations.length === 0) return { count: 0 };
  // The first pick may build the spatial index when idle time did not come first: reported apart.
  const rest = durations.length > 1 ? durations.slice(1) : durations;
  const sorted = [...rest].sort((a, b) => a - b);
  return { count: durations.length, firstMs: durations[0], medianMs: median(rest), maxMs: sorted[sorted.length - 1] };
}

function withTimeout(promise, ms, what) {
  let timer;
  promise.catch(() => undefined); // once timed out, a later rejection (browser closed) is expected
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms)))]).finally(() => clearTimeout(timer));
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name) => metrics.find((x) => x.name === name)?.value ?? 0;
  return { task: m('TaskDuration'), thread: m('ThreadTime') };
}

/**
 * Main-thread time (ms) of `fn`: `ms`, the wall-clock time of its tasks (CDP TaskDuration), and
 * `cpuMs`, the main thread's CPU time over the same span (CDP ThreadTime). The two differ by the
 * time the main thread spends blocked (a read-back waiting for the GPU, a commit waiting for the
 * compositor) or runnable but not running: with software WebGL the GPU process's rasteriser
 * threads take both cores while they draw.
 */
async function taskMs(cdp, fn) {
  const a = await taskSeconds(cdp);
  const out = await fn();
  const b = await taskSeconds(cdp);
  return { ms: (b.task - a.task) * 1000, cpuMs: (b.thread - a.thread) * 1000, out };
}

function phaseAt(phases, t) {
  let p = 'before load';
  for (const x of phases) if (x.t <= t) p = x.phase;
  return p;
}


async function measureParse(browser, base, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/?data=`);
    const r = await withTimeout(page.evaluate(timeJsonParse, { url: `bench/${size.name}`, repeat: 3 }), 180_000, 'JSON.parse runs');
    return { ...r, median: median(r.times) };
  } finally {
    await context.close();
  }
}

/**
 * The least a frame of as many triangles as the app drew costs in this browser, with nothing of the
 * app (see timeBareFrame), in a browser of its own: with the fetch of the file, a lower bound of
 * `ready()` for any viewer that draws the picture once the data is in.
 */
async function measureBareFrame(base, loaded) {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/?data=`);
    const { width, height } = loaded.canvas ?? { width: 1280, height: 800 };
    const r = await withTimeout(page.evaluate(timeBareFrame, { width, height, triangles: loaded.stats.triangles, repeat: 3 }), 120_000, 'the bare frame');
    return r && { ...r, width, height, median: median(r.times) };
  } finally {
    await browser.close();
  }
}

async function measureSize(o, base, size, endBy, jsonParse = null) {
  const result = { size, file: relative(ROOT, size.path), fileBytes: statSync(size.path).size };
  // A binary form's baseline is its JSON file's parse: measured with the JSON's column when it ran.
  // The parse runs in a browser of its own: in the same browser as the app's measures (another
  // context, closed before the load), the filter changes measured after it came out 3-10 ms slower
  // than in a fresh browser, in every JSON column of two runs against none of the binary ones.
  if (jsonParse) result.parse = jsonParse;
  else if (size.vsbOnly) result.parse = null; // no JSON form to parse
  else {
    log(`${sizeLabel(size)}: JSON.parse baseline`);
    const parser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
    try {
      result.parse = await measureParse(parser, base, size.json ?? size);
    } finally {
      await parser.close();
    }
  }
  const { browser, context, page, pageErrors } = await launchProbedPage();
  try {
    let crashed = null;
    const crash = new Promise((_, reject) => page.on('crash', () => reject((crashed = new Error('the page crashed (renderer process died, likely out of memory)')))));
    crash.catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (o.profile) {
      // Same-origin first, so the profiled document stays in this renderer process.
      await page.goto(`${base}/?data=`);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    log(`${sizeLabel(size)}: loading ${size.name}`);
    const t0 = Date.now();
    // Poll the phases (also kept for the report if the load never finishes); a poll that does not
    // come back means the page's main thread is blocked.
    let polled = { phases: null, at: t0, busy: false };
    const progress = setInterval(async () => {
      if (polled.busy) return;
      polled.busy = true;
      try {
        const phases = await page.evaluate(() => window.__bench?.phases ?? null);
        const phase = phases?.at(-1)?.phase;
        if (phase && phase !== polled.phases?.at(-1)?.phase) log(`  ${Math.round((Date.now() - t0) / 1000)} s: ${phase}`);
        polled = { phases, at: Date.now(), busy: false };
      } catch {
        polled.busy = false; // page gone
      }
    }, 5_000);
    let outcome;
    try {
      await page.goto(`${base}${size.url ?? `/?data=bench/${size.name}`}`, { waitUntil: 'commit' });
      outcome = await withTimeout(
        Promise.race([
          crash,
          page.waitForFunction(() => !!window.veinscape, null, { timeout: 0, polling: 50 }).then(() => page.evaluate(
            () =>
              new Promise((resolve) => {
                const v = window.veinscape;
                const failed = () => {
                  const s = v.store.getState();
                  if (s.report && !s.report.ok && !s.loading) resolve({ failed: s.report.errors.slice(0, 3) });
                };
                v.store.subscribe(failed);
                failed();
                v.ready().then(() => resolve({ readyMs: performance.now() }));
              }),
          )),
        ]),
        Math.max(10_000, Math.min(o.timeout * 1000, endBy - Date.now())),
        'veinscape.ready()',
      );
    } catch (e) {
      if (o.profile) {
        // The inspector can interrupt running JavaScript: see what the page was busy with.
        const stopped = await withTimeout(cdp.send('Profiler.stop'), 30_000, 'Profiler.stop').catch(() => null);
        if (stopped) result.profileTop = profileTop(stopped.profile);
      }
      let last = null;
      if (!crashed) last = await withTimeout(page.evaluate(() => window.__bench?.phases), 10_000, 'phases').catch(() => null);
      last ??= polled.phases;
      const blocked = Date.now() - polled.at > 15_000 ? `; the page's main thread had not answered for ${Math.round((Date.now() - polled.at) / 1000)} s` : '';
      result.phases = last ?? undefined;
      result.error = crashed ? 'page crashed during load' : 'load did not finish';
      result.errorDetail = `${e.message}${last?.length ? `; last phase "${last.at(-1).phase}" from ${Math.round(last.at(-1).t)} ms` : ''}${blocked}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`;
      return result;
    } finally {
      clearInterval(progress);
    }
    if (outcome.failed) {
      result.error = 'the load failed';
      result.errorDetail = JSON.stringify(outcome.failed);
      return result;
    }
    result.readyMs = outcome.readyMs;
    let profile = null;
    if (o.profile) {
      profile = (await cdp.send('Profiler.stop')).profile;
      result.profileTop = profileTop(profile);
    }
    result.loaded = await page.evaluate(loadedState);
    const B = await page.evaluate(() => window.__bench);
    result.phases = B.phases;
    result.firstPictureMs = result.loaded.firstPictureMs;
    result.progress = B.progress;
    result.progressGap = longestProgressGap(B.progress, 0, result.readyMs);
    result.workerDone = B.workerDone ?? null;
    result.workerExtras = B.workerExtras ?? null;
    const inLoad = B.longtasks.filter((t) => t.start < result.readyMs);
    const top = [...inLoad].sort((a, b) => b.duration - a.duration).slice(0, 6).map((t) => ({ ...t, during: phaseAt(B.phases, t.start) }));
    result.longest = top[0] ?? { start: 0, duration: 0 };
    result.longtasks = { count: inLoad.length, over100: inLoad.filter((t) => t.duration > 100).length, over200: inLoad.filter((t) => t.duration > 200).length, total: inLoad.reduce((n, t) => n + t.duration, 0), top: top.slice(0, 3), over200List: top.filter((t) => t.duration > 200) };
    if (profile) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const navStart = metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0;
      result.profileTasks = top.filter((t) => t.duration > 200).map((task) => ({ task, fns: profileTop(profile, 8, { from: task.start, to: task.start + task.duration }, navStart) }));
    }
    const loaf = B.loafs.filter((l) => l.start < result.readyMs).sort((a, b) => b.duration - a.duration)[0];
    result.loafScripts = loaf ? [...loaf.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3) : [];
    const g = B.gl;
    result.glCalls = g;
    const sum = (names, k) => names.reduce((n, x) => n + (g[x]?.[k] ?? 0), 0);
    const uploads = ['bufferData', 'bufferSubData', 'texImage2D', 'texSubImage2D', 'texImage3D', 'texSubImage3D'];
    result.gl = { uploadBytes: sum(uploads, 'bytes'), uploadCalls: sum(uploads, 'calls'), uploadMs: sum(uploads, 'ms'), shaderMs: sum(['compileShader', 'linkProgram', 'getProgramParameter', 'getShaderParameter'], 'ms') };
    result.pageErrors = pageErrors;

    // Idle: nothing should be drawn.
    const f0 = (await page.evaluate(() => window.veinscape.stats())).frames;
    await sleep(2000);
    result.idleFrames = (await page.evaluate(() => window.veinscape.stats())).frames - f0;

    // Interactive measures, within what is left of this size's time budget. Each one waits for
    // its frame to be drawn; when software WebGL takes seconds per frame, run each once, not 3 times.
    const deadline = Math.min(t0 + o.budget * 1000, endBy);
    const left = (what) => {
      const ms = deadline - Date.now();
      if (ms < 5000) throw Object.assign(new Error(`skipped ${what}: over the time budget for this size (--budget ${o.budget}, --total ${o.total})`), { budget: true });
      return ms;
    };
    const step = (what, run) => {
      const ms = left(what);
      return withTimeout(run(), ms, what);
    };
    result.skipped = [];
    // The intercepts and data checks run in the background once the picture is finished
    // (scene/foreground.ts): seconds at ten million intervals. A filter change and the baseline
    // are measured as the main thread's CPU time, which would count them, and the intercepts are
    // most of the page's heap at 100,000 holes (the memory read before them moved with how far
    // they had got): wait for them before both.
    try {
      const bgStart = Date.now();
      await step('background computations', () => page.evaluate(backgroundDone));
      result.backgroundMs = Date.now() - bgStart;
      log(`${sizeLabel(size)}: intercepts and data checks finished ${result.backgroundMs} ms after the measures could start`);
    } catch (e) {
      if (!e.budget && !/timed out/.test(e.message)) throw e;
      result.skipped.push(e.message);
      log(`${sizeLabel(size)}: ${e.message}`);
    }

    // Heap after load, then after a full GC.
    const beforeGc = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    result.heap = { beforeGc, afterGc: usage.usedSize, total: usage.totalSize, backing: usage.backingStorageSize ?? null, embedder: usage.embedderHeapUsedSize ?? null };
    // The loading worker stays on as the dataset's counter: its heap is reported beside the page's.
    result.workerHeap = await workerHeaps(browser).catch(() => null);

    try {
      // Baseline task time of a measurement that changes nothing (draws nothing, so it is quick).
      const base3 = [];
      for (let i = 0; i < 3; i++) base3.push(await taskMs(cdp, () => step('baseline', () => page.evaluate(noChange))));
      const baseline = median(base3.map((b) => b.ms));
      const baselineCpu = median(base3.map((b) => b.cpuMs));
      result.baselineMs = baseline;
      result.baselineCpuMs = baselineCpu;

      // Click pick. The first click decides its repetitions (once when its frame took over 5 s).
      const target = await page.evaluate(pickTarget);
      await page.mouse.move(target.x, target.y);
      await step('ready()', () => page.evaluate(() => window.veinscape.ready()));
      const picks = [];
      let reps = 3;
      for (let i = 0; i < reps; i++) {
        await page.evaluate(armPick);
        if (o.profile && i === 0) await cdp.send('Profiler.start');
        const { ms, out } = await taskMs(cdp, async () => {
          await page.mouse.down();
          await page.mouse.up();
          return step('the pick', () => page.evaluate(pickResult));
        });
        if (o.profile && i === 0) (result.profileInteractions ??= {})['click pick'] = profileTop((await cdp.send('Profiler.stop')).profile, 10);
        picks.push({ ...out, taskMs: ms - baseline - (out.gpuWaitMs ?? 0) });
        if (i === 0 && out.visibleMs > 5000) reps = 1;
        result.reps = reps;
        await step('clearing the selection', () => page.evaluate(async () => {
          window.veinscape.store.getState().select(null);
          await window.veinscape.ready();
        }));
      }
      result.pick = { pickMs: median(picks.map((p) => p.pickMs)), eventMs: median(picks.map((p) => p.eventMs)), taskMs: median(picks.map((p) => p.taskMs)), visibleMs: median(picks.map((p) => p.visibleMs)), hit: picks.every((p) => p.hit), target };

      // Hover picks: real mouse moves around the same interval; the app times each pick with
      // performance.measure('veinscape:hover-pick') (the pick only, not the tooltip update).
      result.hover = await step('hover picks', () => measureHover(page, target));

      // Filter changes: grade cut-off, then elevation window (on top of the last cut-off). Five of
      // each at every size, even when a frame takes seconds: the median then stands apart from a
      // garbage collection the page runs on its own (V8's memory reducer starts about 20 s after
      // the load, and runs a second of incremental marking in steps between tasks).
      const zMid = result.loaded.bounds ? Math.round((result.loaded.bounds.min[2] + result.loaded.bounds.max[2]) / 2) : 0;
      const groups = {
        grade: [{ gradeCutoff: 3 }, { gradeCutoff: 5 }, { gradeCutoff: 1 }, { gradeCutoff: 2 }, { gradeCutoff: 4 }],
        elevation: [{ elevationMin: zMid }, { elevationMin: zMid - 100, elevationMax: zMid + 150 }, { elevationMin: null, elevationMax: null }, { elevationMax: zMid + 50 }, { elevationMin: null, elevationMax: null }],
      };
      result.filters = { uploadBytes: 0, geometries: 0 };
      for (const [kind, patches] of Object.entries(groups)) {
        const runs = [];
        for (const [i, patch] of patches.entries()) {
          if (o.profile && i === 0) await cdp.send('Profiler.start');
          const { ms, cpuMs, out } = await taskMs(cdp, () => step(`the ${kind} filter change`, () => page.evaluate(changeFilters, patch)));
          if (o.profile && i === 0) (result.profileInteractions ??= {})[`${kind} filter change`] = profileTop((await cdp.send('Profiler.stop')).profile, 10);
          // The main thread's CPU time is the change's work. The wall-clock task time is kept
          // beside it; the read-back that waits for the GPU blocks the main thread inside a task,
          // so that wait is taken out of it (it uses no CPU, so the CPU time has none of it).
          runs.push({ ...out, cpuMs: cpuMs - baselineCpu, taskMs: ms - baseline - (out.gpuWaitMs ?? 0) });
          result.filters.uploadBytes += out.uploadBytes;
          result.filters.geometries += out.geometries;
        }
        const pick = (k) => median(runs.map((r) => r[k]));
        result.filters[kind] = { cpuMs: pick('cpuMs'), taskMs: pick('taskMs'), microMs: pick('microMs'), frameMs: pick('frameMs'), visibleMs: pick('visibleMs'), runs };
      }
    } catch (e) {
      if (!e.budget && !/timed out/.test(e.message)) throw e;
      result.skipped.push(e.message);
      log(`${sizeLabel(size)}: ${e.message}`);
    }
    result.pageErrors = pageErrors;
    if (pageErrors.length) result.errorDetail = `page errors: ${pageErrors.join(' | ')}`;
    return result;
  } catch (e) {
    result.error = result.error ?? 'benchmark error';
    result.errorDetail = `${e.message}`;
    return result;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * One more load of the app to ready() in a fresh browser with the probe, nothing else measured:
 * navigation → ready(), the first-picture mark, the longest progress wait and the longest task.
 */
async function readyOnce(base, size, timeoutMs) {
  const { browser, page } = await launchProbedPage();
  try {
    await page.goto(`${base}${size.url ?? `/?data=bench/${size.name}`}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!window.veinscape, null, { timeout: timeoutMs, polling: 50 });
    const readyMs = await withTimeout(page.evaluate(() => window.veinscape.ready().then(() => performance.now())), timeoutMs, 'veinscape.ready()');
    const B = await page.evaluate(() => ({ progress: window.__bench.progress, longtasks: window.__bench.longtasks, firstPictureMs: performance.getEntriesByName('veinscape:first-picture')[0]?.startTime ?? null }));
    return { readyMs, firstPictureMs: B.firstPictureMs, gapMs: longestProgressGap(B.progress, 0, readyMs).ms, longestMs: Math.max(0, ...B.longtasks.filter((t) => t.start < readyMs).map((t) => t.duration)) };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * The anchor's 3 runs (when `withAnchor`) interleaved with 2 more loads of the app to ready() (files
 * up to 50 MB: beyond, a load takes too long to repeat): anchor, app, anchor, app, anchor. Sets
 * `r.anchor` and `r.readyRuns` (the first is the measured load's).
 */
async function anchorAndReadyRuns(o, base, size, r, withAnchor, antialias, endBy) {
  const extra = r.fileBytes <= 50e6 ? 2 : 0;
  const opts = { ...(r.loaded?.canvas ?? { width: 976, height: 728 }), antialias };
  const timeout = () => Math.max(30_000, Math.min(o.timeout * 1000, endBy - Date.now()));
  const anchors = [];
  r.readyRuns = [{ readyMs: r.readyMs, firstPictureMs: r.firstPictureMs, gapMs: r.progressGap?.ms ?? null, longestMs: r.longest?.duration ?? null }];
  log(`${sizeLabel(size)}: ${withAnchor ? 'the anchor page, 3 runs' : ''}${withAnchor && extra ? ', between ' : ''}${extra ? `${extra} more loads of the app to ready()` : ''}`);
  try {
    for (let i = 0; i < 3; i++) {
      if (withAnchor) anchors.push(await anchorOnce(base, `bench/${size.name}`, opts, timeout()));
      if (i < extra) r.readyRuns.push(await readyOnce(base, size, timeout()));
    }
  } catch (e) {
    (r.skipped ??= []).push(`the anchor and repeated loads: ${e.message}`);
  }
  if (anchors.length) r.anchor = anchorSummary(anchors, opts);
  r.readyMedian = median(r.readyRuns.map((x) => x.readyMs));
}

/**
 * The CSV form of a size against its JSON twin, both through the Open… control (see
 * scripts/bench/open-file.mjs): three runs of each when the tables are small, one past 50 MB.
 */
async function measureCsvSize(o, base, size, endBy) {
  const paths = csvPaths(size);
  const result = { size, file: `${relative(ROOT, size.dir)}/{${REAL_CSV.join(',')}} and ${relative(ROOT, size.twin)}`, fileBytes: paths.reduce((n, p) => n + statSync(p).size, 0), twinBytes: statSync(size.twin).size };
  const runs = o.csvRuns ?? (result.fileBytes > 50e6 ? 1 : 3);
  log(`${sizeLabel(size)}: ${runs} load(s) of the CSV tables and of their JSON twin through the file input`);
  try {
    result.open = await measureCsvAgainstJson(base, paths, size.twin, runs, Math.max(10_000, Math.min(o.timeout * 1000, endBy - Date.now())), log);
  } catch (e) {
    result.error = 'the CSV or JSON load did not finish';
    result.errorDetail = e.message;
  }
  return result;
}

function publish(o, results, env) {
  console.log(`\nVeinscape benchmark, ${env.date}: ${env.machine.cpu}, ${env.machine.cores} cores, ${env.machine.ramGB.toFixed(1)} GB; ${env.browser}; ${env.webgl.renderer}\n`);
  console.log(consoleTable(results));
  for (const r of results) if (r.error) console.log(`\n${sizeLabel(r.size)}: ${r.error}: ${r.errorDetail}`);
  if (o.doc) {
    updateDoc(join(ROOT, 'docs/performance.md'), markdownResults(results, env));
    log('docs/performance.md updated');
  }
}

function logProfiles(size, r) {
  if (r.profileTop) {
    log(`${sizeLabel(size)}: main-thread CPU profile during load, top self time:`);
    for (const p of r.profileTop) log(`  ${p.ms.toFixed(0).padStart(7)} ms  ${p.fn}`);
  }
  for (const [what, fns] of Object.entries(r.profileInteractions ?? {})) {
    log(`${sizeLabel(size)}: ${what}, top self time:`);
    for (const p of fns) log(`  ${p.ms.toFixed(0).padStart(7)} ms  ${p.fn}`);
  }
  for (const { task, fns } of r.profileTasks ?? []) {
    log(`${sizeLabel(size)}: long task of ${Math.round(task.duration)} ms at ${Math.round(task.start)} ms (${task.during}), top self time:`);
    for (const p of fns) log(`  ${p.ms.toFixed(0).padStart(7)} ms  ${p.fn}`);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.report) {
    const { env, results } = JSON.parse(readFileSync(resolve(o.report), 'utf8'));
    publish(o, results, env);
    return;
  }
  const started = Date.now();
  const loadStart = os.loadavg();
  for (const s of o.sizes) ensureDataset(s);
  const { tmp, site, build } = await prepareSite(o, o.sizes);
  const results = [];
  let webgl = { renderer: 'unknown', vendor: '' };
  let browserVersion = 'unknown';
  let server = null;
  try {
    server = await startServer(site, o.port, o.sizes[0].name);
    const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
    browserVersion = `Chromium ${browser.version()}`;
    const page = await browser.newPage();
    await page.goto(`${server.base}/?data=`);
    webgl = await page.evaluate(webglRenderer);
    await browser.close();
    const runDeadline = started + o.total * 1000;
    for (const [i, size] of o.sizes.entries()) {
      // Whatever the sizes before it left, minus a minute kept for each size after it and 45 s to close.
      const endBy = runDeadline - 45_000 - (o.sizes.length - 1 - i) * 60_000;
      if (size.csv) {
        const r = await measureCsvSize(o, server.base, size, endBy);
        results.push(r);
        log(`${sizeLabel(size)}: ${r.error ? `${r.error}: ${r.errorDetail}` : `CSV ready in ${Math.round(r.open.csv.readyMs)} ms, JSON in ${Math.round(r.open.json.readyMs)} ms after the input`}`);
        continue;
      }
      const jsonResult = size.binary && size.json ? results.find((x) => x.size === size.json) : null;
      const r = await measureSize(o, server.base, size, endBy, jsonResult?.parse ?? null);
      // The anchor: the same file shown by a bare three.js page (scripts/bench/anchor.mjs), 3 runs
      // in fresh browsers, between two more loads of the app to ready() (small files), so that the
      // medians of both come from the same stretch of a shared machine's load. The binary form is
      // compared with its JSON's anchor (the same data).
      if (jsonResult) r.anchor = jsonResult.anchor ?? null;
      if (r.readyMs && Date.now() < endBy) await anchorAndReadyRuns(o, server.base, size, r, !jsonResult && !size.vsbOnly, !SOFTWARE_GL.test(webgl.renderer), endBy);
      // The binary form draws the same triangles: its JSON's bare frame stands for both.
      if (jsonResult?.bareFrame && r.loaded?.stats.triangles === jsonResult.loaded?.stats.triangles) r.bareFrame = jsonResult.bareFrame;
      else if (r.loaded && Date.now() < endBy) {
        log(`${sizeLabel(size)}: a bare frame of ${r.loaded.stats.triangles} triangles`);
        r.bareFrame = await measureBareFrame(server.base, r.loaded).catch((e) => ((r.skipped ??= []).push(`the bare frame: ${e.message}`), null));
      }
      results.push(r);
      log(`${sizeLabel(size)}: ${r.error ? `${r.error}: ${r.errorDetail}` : `ready in ${Math.round(r.readyMs)} ms`}`);
      logProfiles(size, r);
    }
  } finally {
    server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  const env = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machineInfo(),
    loadavg: [loadStart, os.loadavg()],
    browser: browserVersion,
    webgl,
    build,
    totalSeconds: (Date.now() - started) / 1000,
  };
  if (o.json) writeFileSync(resolve(o.json), JSON.stringify({ env, results }, null, 1));
  publish(o, results, env);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e.message}`);
  process.exit(1);
});
