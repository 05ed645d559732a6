/**
 * Loads through the app's Open… control, for the CSV form of a size and its JSON twin (issue 22:
 * "CSV as fast as JSON"). Both go the same way, so the comparison is fair: a fresh headless
 * Chromium with the probe (scripts/bench/probe.mjs) opens `/`, waits for the sample's `ready()`,
 * then Playwright `setInputFiles` sets the files on `data-testid="file-input"` (a real change
 * event). Measured from the input's change event (recorded by the probe before the app's own
 * listener) until the new dataset is in the store, no load runs, and `veinscape.ready()` resolves
 * (the GPU has finished the picture); the long tasks that start in that window, and the longest
 * wait between two progress updates.
 */
import { launchProbedPage } from './site.mjs';
import { longestProgressGap } from './progress.mjs';

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

/** One load of `paths` (local files) through the Open… control, in a browser of its own. */
export async function openOnce(base, paths, timeoutMs) {
  const { browser, page, pageErrors } = await launchProbedPage();
  try {
    await page.goto(`${base}/`);
    await page.waitForFunction(() => !!window.veinscape, null, { timeout: 180_000, polling: 100 });
    const version = await page.evaluate(async () => {
      await window.veinscape.ready();
      return window.veinscape.store.getState().version;
    });
    // Waits in the page (a store subscription) for the new dataset, no load running, then ready().
    const done = page.evaluate(
      (v0) =>
        new Promise((resolve) => {
          const v = window.veinscape;
          let settled = false;
          const check = () => {
            const s = v.store.getState();
            if (settled || s.loading) return;
            if (s.version > v0) {
              settled = true;
              v.ready().then(() => resolve({ readyAt: performance.now() }));
            } else if (s.report && !s.report.ok && window.__bench.inputs.length) {
              settled = true;
              resolve({ failed: s.report.errors.slice(0, 3).map((e) => e.message ?? String(e)) });
            }
          };
          v.store.subscribe(check);
        }),
      version,
    );
    done.catch(() => undefined);
    await page.getByTestId('file-input').setInputFiles(paths);
    let timer;
    const outcome = await Promise.race([done, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs)))]).finally(() => clearTimeout(timer));
    if (outcome.failed) throw new Error(`the load failed: ${outcome.failed.join('; ')}`);
    const B = await page.evaluate(() => ({ inputs: window.__bench.inputs, longtasks: window.__bench.longtasks, progress: window.__bench.progress, stats: window.veinscape.stats(), counts: window.veinscape.store.getState().report?.counts ?? null }));
    const start = B.inputs[0];
    const inLoad = B.longtasks.filter((t) => t.start >= start && t.start < outcome.readyAt).sort((a, b) => b.duration - a.duration);
    return {
      readyMs: outcome.readyAt - start,
      longestMs: inLoad[0]?.duration ?? 0,
      over100: inLoad.filter((t) => t.duration > 100).length,
      top: inLoad.slice(0, 3).map((t) => ({ start: t.start - start, duration: t.duration })),
      gap: (({ ms, from, to, updates }) => ({ ms, from: from - start, to: to - start, updates }))(longestProgressGap(B.progress, start, outcome.readyAt)),
      triangles: B.stats.triangles,
      counts: B.counts,
      pageErrors,
    };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * `runs` loads of the CSV set and of its JSON twin, alternating (JSON, CSV, JSON, CSV, ...) so a
 * change in the machine's load touches both alike. Returns each form's runs and medians, and the
 * median of the pairs' ratios (CSV ready / JSON ready).
 */
export async function measureCsvAgainstJson(base, csvPaths, jsonPath, runs, timeoutMs, log = () => {}) {
  const out = { csv: [], json: [] };
  for (let i = 0; i < runs; i++) {
    for (const [kind, paths] of [['json', [jsonPath]], ['csv', csvPaths]]) {
      const r = await openOnce(base, paths, timeoutMs);
      log(`  ${kind} run ${i + 1}: ready ${Math.round(r.readyMs)} ms after the input, longest task ${Math.round(r.longestMs)} ms`);
      out[kind].push(r);
    }
  }
  const summary = (rs) => ({ runs: rs, readyMs: median(rs.map((r) => r.readyMs)), longestMs: Math.max(...rs.map((r) => r.longestMs)), over100: rs.reduce((n, r) => n + r.over100, 0), gapMs: Math.max(...rs.map((r) => r.gap.ms)), counts: rs[0]?.counts ?? null, triangles: rs[0]?.triangles ?? null });
  // Each CSV load against the JSON load just before it: on a shared machine the two of a pair meet
  // the closest conditions, so the median of these ratios moves less than the ratio of the medians.
  const ratios = out.csv.map((c, i) => c.readyMs / out.json[i].readyMs);
  return { csv: summary(out.csv), json: summary(out.json), ratios, ratio: median(ratios) };
}
