/**
 * Turns benchmark results into the console table and the generated part of docs/performance.md
 * (between the `bench:results` markers; everything else in the file is left as written).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:results:start (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

const fmt = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '-' : Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ms = (x) => (x === null || x === undefined ? '-' : x >= 100 ? fmt(x) : fmt(x, 1));
const mb = (bytes) => (bytes === null || bytes === undefined ? '-' : fmt(bytes / 1e6, bytes >= 1e8 ? 0 : 1));
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};
export { median };

/**
 * A size label: "sample", "100 real holes", "10,000 × 100", with " (binary)" for the .vsb form of the
 * same data and " (CSV)" for its CSV tables (measured against their JSON twin).
 */
export const sizeLabel = (s) => `${s.kind === 'sample' ? 'sample' : s.kind === 'real' ? `${fmt(s.holes)} real holes` : `${fmt(s.holes)} × ${fmt(s.intervals)}`}${s.binary ? ' (binary)' : ''}${s.csv ? ' (CSV)' : ''}`;

const ok = (pass) => (pass === null || pass === undefined ? '' : pass ? ' ✓' : ' ✗');

/**
 * Rows of the results table: [label, target, cell(result) -> [text, pass|null]].
 * Targets are the issue's, for 10,000 holes, 1,000,000 intervals and 2,000,000 surface triangles on a
 * 2-core machine with software WebGL; they are checked at every size (they must hold a fortiori).
 */
/** The filter-change target: main-thread CPU time (ms) of one change. */
const FILTER_MS = 16;
/** "n/m": how many of a kind's changes met the target (runs without a CPU time count as missing it). */
/** Issue 22's targets: the app's ready() against the anchor, the CSV load against its JSON twin. */
const ANCHOR_SMALL = 1.5;
const ANCHOR_ANY = 2;
const anchorLimit = (r) => (r.size.kind === 'sample' || r.size.kind === 'real' ? ANCHOR_SMALL : ANCHOR_ANY);
const FIRST_PICTURE_MS = 1000;
const CSV_OVER_JSON = 1.25;
const TASK_MS = 100;
/** Issue 22's targets at ten million intervals (from the binary form), overview camera. */
const TENM_TRIANGLES = 3_000_000;
const TENM_MEMORY = 1.5e9;
const isTenM = (r) => (r.size.holes ?? 0) * (r.size.intervals ?? 0) >= 10_000_000;
const isGenerated = (r) => r.size.kind === undefined || r.size.kind === 'generated';
/** "a / b" for a CSV column's two loads (CSV tables / JSON twin), with one pass for both. */
const both = (r, get, limit) => {
  const a = get(r.open.csv);
  const b = get(r.open.json);
  return [`${ms(a)} / ${ms(b)}`, limit === undefined || a === null || b === null ? null : a <= limit && b <= limit];
};
const within = (f) => `${f.runs.filter((x) => typeof x.cpuMs === 'number' && x.cpuMs <= FILTER_MS).length}/${f.runs.length}`;

export const ROWS = [
  ['file size (MB)', '', (r) => [mb(r.fileBytes)]],
  ['holes / intervals loaded', '', (r) => {
    const c = r.open ? r.open.csv.counts : r.loaded?.report?.counts;
    return [c ? `${fmt(c.holes)} / ${fmt(c.intervals)}` : '-'];
  }],
  ['vein + fault triangles in the file', '', (r) => [r.loaded ? fmt(r.loaded.report?.counts?.triangles) : '-']],
  ['JSON.parse alone, main thread (ms)', '', (r) => [ms(r.parse?.median)]],
  // The first target (issue 1) is about the generated sizes (10,000 holes): not judged for the small real files.
  ['navigation → `ready()` (ms)', '≤ 4 × JSON.parse (generated)', (r) => [ms(r.readyMs), r.readyMs && r.parse && isGenerated(r) ? r.readyMs <= 4 * r.parse.median : null]],
  ['… as a multiple of JSON.parse', '≤ 4 (generated)', (r) => [r.readyMs && r.parse ? `${fmt(r.readyMs / r.parse.median, 1)}×` : '-', r.readyMs && r.parse && isGenerated(r) ? r.readyMs <= 4 * r.parse.median : null]],
  ['anchor: a bare three.js page, navigation → the same file drawn, GPU finished (ms, median of 3)', '', (r) => [ms(r.anchor?.median)]],
  ['… triangles drawn by the anchor / by the app', '', (r) => [r.anchor && r.loaded ? `${fmt(r.anchor.triangles)} / ${fmt(r.loaded.stats.triangles)} (${r.anchor.triangles >= r.loaded.stats.triangles ? '+' : ''}${fmt((100 * (r.anchor.triangles - r.loaded.stats.triangles)) / r.loaded.stats.triangles, 1)} %)` : '-']],
  ['navigation → `ready()`, median of the loads (ms; loads)', '', (r) => [r.readyRuns ? `${ms(r.readyMedian)} (${r.readyRuns.length})` : '-']],
  ['navigation → `ready()` as a multiple of the anchor (medians)', `≤ ${ANCHOR_SMALL} (sample, real holes), ≤ ${ANCHOR_ANY}`, (r) => {
    const app = r.readyMedian ?? r.readyMs;
    return app && r.anchor?.median && !r.size.csv ? [`${fmt(app / r.anchor.median, 2)}×`, app <= anchorLimit(r) * r.anchor.median] : ['-'];
  }],
  ['navigation → first picture, `veinscape:first-picture` (ms)', `≤ ${fmt(FIRST_PICTURE_MS)} (sample)`, (r) => (r.loaded ? [ms(r.firstPictureMs), r.size.kind === 'sample' && typeof r.firstPictureMs === 'number' ? r.firstPictureMs <= FIRST_PICTURE_MS : null] : ['-'])],
  ['longest wait between two progress updates, navigation → `ready()` (ms; CSV: CSV / JSON)', '', (r) => (r.open ? both(r, (x) => x.gapMs) : [ms(r.progressGap?.ms)])],
  ['open in the file input → `ready()`, CSV tables (ms, median)', '', (r) => [ms(r.open?.csv.readyMs)]],
  ['… the same holes as JSON, same way (ms, median)', '', (r) => [ms(r.open?.json.readyMs)]],
  ['… CSV as a multiple of JSON (median of the runs\' ratios, each CSV load / the JSON load before it)', `≤ ${CSV_OVER_JSON}`, (r) => {
    // Files written before the pairs were kept: the ratio of the medians.
    const x = r.open ? r.open.ratio ?? (r.open.csv.readyMs && r.open.json.readyMs ? r.open.csv.readyMs / r.open.json.readyMs : null) : null;
    return x ? [`${fmt(x, 2)}×`, x <= CSV_OVER_JSON] : ['-'];
  }],
  ['a bare frame of as many triangles, no app (ms)', '', (r) => [ms(r.bareFrame?.median)]],
  ['… with fetching the JSON: a floor for `ready()`, × JSON.parse', '', (r) => {
    const floor = r.bareFrame && r.parse && !r.size.binary ? r.parse.fetchMs + r.bareFrame.median : null;
    return [floor === null ? '-' : `${fmt(floor / r.parse.median, 1)}×`];
  }],
  ['longest main-thread task during load (ms; CSV: CSV / JSON)', `≤ ${TASK_MS}`, (r) => (r.open ? both(r, (x) => x.longestMs, TASK_MS) : [ms(r.longest?.duration), r.longest ? r.longest.duration <= TASK_MS : null])],
  [`main-thread tasks > ${TASK_MS} ms during load (CSV: CSV / JSON, all runs)`, '0', (r) => {
    if (r.open) return [`${fmt(r.open.csv.over100)} / ${fmt(r.open.json.over100)}`, r.open.csv.over100 === 0 && r.open.json.over100 === 0];
    const n = r.longtasks?.over100;
    return [n === undefined ? '-' : fmt(n), n === undefined ? null : n === 0];
  }],
  ['draw calls', '≤ 50', (r) => [r.loaded ? fmt(r.loaded.stats.drawCalls) : '-', r.loaded ? r.loaded.stats.drawCalls <= 50 : null]],
  ['triangles drawn', `≤ ${fmt(TENM_TRIANGLES)} (10 M intervals)`, (r) => [r.loaded ? fmt(r.loaded.stats.triangles) : '-', r.loaded && isTenM(r) ? r.loaded.stats.triangles <= TENM_TRIANGLES : null]],
  ['JS memory after load and a GC: V8 heap + ArrayBuffers (MB)', '≤ 400 (up to 1 M intervals)', (r) => {
    const total = r.heap ? r.heap.afterGc + (r.heap.backing ?? 0) : null;
    return [mb(total), total === null || isTenM(r) ? null : total <= 400e6];
  }],
  ['… page and workers together (MB)', `≤ ${fmt(TENM_MEMORY / 1e6)} (10 M intervals)`, (r) => {
    const total = r.heap && r.workerHeap ? r.heap.afterGc + (r.heap.backing ?? 0) + r.workerHeap.reduce((n, w) => n + w.used + w.backing, 0) : null;
    return [mb(total), total !== null && isTenM(r) ? total <= TENM_MEMORY : null];
  }],
  ['… of which the V8 heap (`usedSize`) (MB)', '', (r) => [mb(r.heap?.afterGc)]],
  ['workers after load and a GC: V8 heap + ArrayBuffers (MB)', '', (r) => [r.workerHeap ? mb(r.workerHeap.reduce((n, w) => n + w.used + w.backing, 0)) : '-']],
  ['grade filter change, main-thread work: CPU time, median of 5 (ms)', `≤ ${FILTER_MS}`, (r) => [ms(r.filters?.grade?.cpuMs), typeof r.filters?.grade?.cpuMs === 'number' ? r.filters.grade.cpuMs <= FILTER_MS : null]],
  ['elevation filter change, main-thread work: CPU time, median of 5 (ms)', `≤ ${FILTER_MS}`, (r) => [ms(r.filters?.elevation?.cpuMs), typeof r.filters?.elevation?.cpuMs === 'number' ? r.filters.elevation.cpuMs <= FILTER_MS : null]],
  [`… changes within ${FILTER_MS} ms of CPU time, grade / elevation`, '', (r) => [r.filters?.grade?.runs && r.filters?.elevation?.runs ? `${within(r.filters.grade)} / ${within(r.filters.elevation)}` : '-']],
  ['… wall-clock task time, GPU wait taken out, grade / elevation (ms)', '', (r) => [r.filters?.grade && r.filters?.elevation ? `${ms(r.filters.grade.taskMs)} / ${ms(r.filters.elevation.taskMs)}` : '-']],
  ['bytes uploaded / geometries added by a filter change', '0 / 0', (r) => [r.filters ? `${fmt(r.filters.uploadBytes)} / ${fmt(r.filters.geometries)}` : '-', r.filters ? r.filters.uploadBytes === 0 && r.filters.geometries === 0 : null]],
  ['hover pick, median of the mouse moves (ms)', '≤ 5', (r) => [ms(r.hover?.medianMs), r.hover?.medianMs !== undefined && r.hover?.medianMs !== null ? r.hover.medianMs <= 5 : null]],
  ['… slowest hover pick (ms)', '≤ 5', (r) => [ms(r.hover?.maxMs), r.hover?.maxMs !== undefined && r.hover?.maxMs !== null ? r.hover.maxMs <= 5 : null]],
  ['click pick, finding the interval (ms)', '', (r) => [ms(r.pick?.pickMs), null]],
  ['… whole click, pick + UI update + frame (ms)', '', (r) => [ms(r.pick?.taskMs)]],
  ['grade filter change until drawn, GPU included (ms)', '', (r) => [ms(r.filters?.grade?.visibleMs)]],
  ['click until the selection is drawn, GPU included (ms)', '', (r) => [ms(r.pick?.visibleMs)]],
  ['frames drawn while idle (2 s)', '0', (r) => [r.idleFrames === undefined ? '-' : fmt(r.idleFrames), r.idleFrames === undefined ? null : r.idleFrames === 0]],
];

const PHASES = ['start', 'reading', 'parsing', 'validating', 'building', 'drawing', 'stored', 'drawn'];
const PHASE_LABEL = {
  start: 'navigation → load starts (app start-up)',
  reading: 'reading the file (main thread, streamed)',
  parsing: 'decoding + JSON.parse (worker)',
  validating: 'validation into the model (worker)',
  building: 'desurvey, fault cuts, buffers (worker) + result message',
  drawing: 'store update (`setDataset`)',
  stored: 'React scene + first frames (GPU upload, shaders)',
  drawn: 'until the picture is still (`ready()`)',
};

/** Duration of each load phase, from one phase change to the next. */
export function phaseDurations(r) {
  const ph = r.phases ?? [];
  const at = (name) => (name === 'start' ? 0 : ph.find((p) => p.phase === name)?.t ?? null);
  const out = {};
  PHASES.forEach((name, i) => {
    const a = at(name);
    const next = PHASES.slice(i + 1).map(at).find((t) => t !== null) ?? r.readyMs ?? null;
    out[name] = a !== null && next !== null ? next - a : null;
  });
  return out;
}

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((x, c) => (c === 0 ? String(x).padEnd(widths[c]) : String(x).padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Plain-text table for the console: one row per measure, one column per size. */
export function consoleTable(results) {
  const header = ['measure', ...results.map((r) => sizeLabel(r.size)), 'target'];
  const rows = ROWS.map(([label, target, cell]) => [label.replace(/`/g, ''), ...results.map((r) => { const [t, pass] = cell(r); return t === '-' && r.error ? 'failed' : t + ok(pass); }), target]);
  const phases = PHASES.map((p) => [`  phase: ${PHASE_LABEL[p].replace(/`/g, '')}`, ...results.map((r) => ms(phaseDurations(r)[p])), '']);
  return table(header, [...rows, ...phases]);
}

function mdTable(header, rows, numeric = true) {
  return [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 || !numeric ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function describeLongTasks(r) {
  if (!r.longtasks) return '-';
  const top = (r.longtasks.over200List?.length > 3 ? r.longtasks.over200List : r.longtasks.top).map((t) => `${fmt(t.duration)} ms at ${fmt(t.start)} ms (${t.during})`).join('; ');
  return top || 'none over 50 ms';
}

function describeLoafs(r) {
  if (!r.loafScripts?.length) return '-';
  return r.loafScripts.map((s) => `${s.invoker}${s.fn ? ` → ${s.fn}` : ''} ${fmt(s.duration)} ms`).join('; ');
}

/** The generated Markdown: machine, results table, load phases and the details per size. */
export function markdownResults(results, env) {
  const m = env.machine;
  const lines = [];
  lines.push(START, '');
  lines.push(`Run on ${env.date} with \`${env.command ?? `npm run bench -- --sizes ${results.map((r) => r.size.spec).join(',')}`}\` (${fmt(env.totalSeconds)} s in all).`, '');
  lines.push(
    mdTable(['machine', ''], [
      ['CPU', `${m.cpu}, ${m.cores} cores`],
      ['RAM', `${fmt(m.ramGB, 1)} GB`],
      ['OS', m.os],
      ['browser', `${env.browser} (headless, \`--use-angle=swiftshader\`)`],
      ['WebGL renderer', `${env.webgl.renderer} (${env.webgl.vendor})`],
      ['Node', m.node],
      ['load average (1 min) at start / end', env.loadavg ? `${fmt(env.loadavg[0][0], 1)} / ${fmt(env.loadavg[1][0], 1)}` : '-'],
      ['build', env.build],
    ], false),
    '',
  );
  const header = ['measure', ...results.map((r) => `${sizeLabel(r.size)}`), 'target'];
  const rows = ROWS.map(([label, target, cell]) => [label, ...results.map((r) => { const [t, pass] = cell(r); return t === '-' && r.error ? '**failed**' : t + ok(pass); }), target || '']);
  const kinds = [];
  if (results.some((r) => r.size.kind === 'sample')) kinds.push('"sample": `data/rocmec1.json`, the app\'s default dataset, opened at `/` as a user opens the app.');
  if (results.some((r) => r.size.kind === 'real')) kinds.push('"100 real holes": the forrestania drill database (CSV tables) turned into a deposit JSON by the app\'s own importer (`scripts/bench/real-data.ts`).');
  if (results.some((r) => r.size.binary)) kinds.push('"(binary)": the same data in the binary form (`.vsb`, docs/data-format.md); its JSON.parse and anchor rows are the JSON file\'s, or "-" when the size has no JSON form.');
  if (results.some((r) => r.size.csv)) kinds.push('"(CSV)": the collar, survey and assay tables, opened through the Open… control, against the same holes as a JSON file opened the same way; two figures in a cell are the CSV load\'s, then the JSON\'s.');
  lines.push(`Sizes are holes × intervals per hole; the generated files have two vein triangles per interval up to 2,000,000 (reached at 10,000 × 100). ${kinds.join(' ')} ✓ / ✗: meets / misses the target.`, '');
  lines.push(mdTable(header, rows), '');
  lines.push('Load phases (ms), from the store\'s `loading.phase` changes (see `scripts/bench/probe.mjs`):', '');
  lines.push(mdTable(['phase', ...results.map((r) => sizeLabel(r.size))], PHASES.map((p) => [PHASE_LABEL[p], ...results.map((r) => ms(phaseDurations(r)[p]))])), '');
  lines.push('Details:', '');
  for (const r of results) {
    lines.push(`- **${sizeLabel(r.size)}** (\`${r.file}\`)${r.error ? ` - **${r.error}**` : ''}`);
    if (r.open) {
      for (const kind of ['csv', 'json']) {
        const x = r.open[kind];
        lines.push(`  - ${kind === 'csv' ? 'CSV tables' : 'JSON twin'} through the file input (${x.runs.length} run${x.runs.length > 1 ? 's' : ''}, each in a fresh browser after the sample): ready ${x.runs.map((y) => ms(y.readyMs)).join(', ')} ms after the input; longest task ${x.runs.map((y) => ms(y.longestMs)).join(', ')} ms; longest wait between progress updates ${x.runs.map((y) => `${ms(y.gap.ms)} (at ${ms(y.gap.from)}-${ms(y.gap.to)})`).join(', ')} ms; ${fmt(x.triangles)} triangles drawn.`);
      }
      lines.push(`  - sizes: the three tables ${mb(r.fileBytes)} MB, the JSON twin ${mb(r.twinBytes)} MB.`);
      if (r.open.ratios) lines.push(`  - CSV / JSON, run by run: ${r.open.ratios.map((x) => `${fmt(x, 2)}×`).join(', ')}; the ratio of the medians ${fmt(r.open.csv.readyMs / r.open.json.readyMs, 2)}×.`);
    }
    if (r.anchor && !r.size.binary) lines.push(`  - anchor (\`scripts/bench/anchor/page.js\`, ${r.anchor.width} × ${r.anchor.height} px, antialias ${r.anchor.antialias ? 'on' : 'off'} as the app's canvas; ${fmt(r.anchor.surfaceTriangles)} surface triangles and ${fmt(r.anchor.ribbonQuads)} ribbon quads): ${r.anchor.runs.map((x) => `${ms(x.readyMs)} ms (context ${ms(x.steps.context)}, parsed ${ms(x.steps.parsed)}, built ${ms(x.steps.built)})`).join('; ')}.`);
    if (r.readyRuns?.length > 1) lines.push(`  - loads to \`ready()\` (the first with every measure, then ${r.readyRuns.length - 1} more between the anchor's runs): ${r.readyRuns.map((x) => `${ms(x.readyMs)} ms (first picture ${ms(x.firstPictureMs)}, longest progress wait ${ms(x.gapMs)}, longest task ${ms(x.longestMs)})`).join('; ')}.`);
    if (r.progressGap) lines.push(`  - progress: ${fmt(r.progressGap.updates)} updates of the store's \`loading\` and of the progress bar before \`ready()\`; the longest wait ${ms(r.progressGap.ms)} ms, from ${ms(r.progressGap.from)} to ${ms(r.progressGap.to)} ms${typeof r.firstPictureMs === 'number' ? `; first picture at ${ms(r.firstPictureMs)} ms` : ''}.`);
    if (r.parse) lines.push(`  - JSON.parse runs${r.size.binary ? ` (of the JSON form, \`data/stress/${r.size.json.name}\`, the baseline)` : ''}: ${r.parse.times.map((t) => fmt(t)).join(', ')} ms; fetch of the text ${ms(r.parse.fetchMs)} ms.`);
    if (r.loaded) {
      lines.push(`  - long tasks during load (${r.longtasks?.over200List?.length > 3 ? 'all over 200 ms' : 'top 3'}): ${describeLongTasks(r)}.`);
      lines.push(`  - longest animation frame's scripts: ${describeLoafs(r)}.`);
      if (r.workerDone) lines.push(`  - worker result on the main thread: deserialising the message ${ms(r.workerDone.deserializeMs)} ms, its handler ${ms(r.workerDone.handlerMs)} ms.`);
      if (r.workerExtras) lines.push(`  - pick indexes and vein grids, sent after the dataset: arrived at ${ms(r.workerExtras.at)} ms, deserialising ${ms(r.workerExtras.deserializeMs)} ms, handler ${ms(r.workerExtras.handlerMs)} ms.`);
      const drawnAt = r.phases?.find((p) => p.phase === 'drawn')?.t ?? Infinity;
      for (const c of (r.glCalls?.canvasResize?.log ?? []).filter((x) => x.ms > 50)) lines.push(`  - the canvas ${c.dim} was set to ${c.value} px at ${fmt(c.t)} ms${c.t > drawnAt ? ', after the first frame' : ''}; the setter blocked the main thread ${fmt(c.ms)} ms (it waits for the GPU to finish the frames in flight).`);
      if (r.gl) lines.push(`  - WebGL during load: ${fmt(r.gl.uploadBytes / 1e6)} MB uploaded in ${fmt(r.gl.uploadCalls)} calls, ${ms(r.gl.uploadMs)} ms of main thread; shader compile + link waits ${ms(r.gl.shaderMs)} ms.`);
      lines.push(`  - drawn: ${fmt(r.loaded.segments?.intervals)} interval segments, ${fmt(r.loaded.segments?.traces)} trace segments, ${fmt(r.loaded.segments?.surfaceTriangles)} surface triangles after fault cuts.`);
      if (r.heap) lines.push(`  - heap: ${mb(r.heap.beforeGc)} MB before GC, ${mb(r.heap.afterGc)} MB after${r.heap.backing !== null ? `, ArrayBuffers ${mb(r.heap.backing)} MB` : ''}.`);
      const times = r.reps === 1 ? 'once each, as a frame took over 5 s' : 'median of 3 each';
      for (const kind of ['grade', 'elevation']) {
        const f = r.filters?.[kind];
        const each = f?.runs?.map((x) => (typeof x.cpuMs === 'number' ? ms(x.cpuMs) : '-')).join(', ');
        if (f) lines.push(`  - ${kind} filter change (median of ${f.runs?.length ?? '-'}): ${ms(f.cpuMs)} ms of main-thread CPU time (each: ${each} ms), ${ms(f.taskMs)} ms of wall-clock task time (store update, subscribers and React ${ms(f.microMs)} ms; the frame's own callback ${ms(f.frameMs)} ms); drawn ${ms(f.visibleMs)} ms after the change.`);
      }
      if (r.hover?.count) lines.push(`  - hover: ${r.hover.count} picks; the first (may include building the spatial index) ${ms(r.hover.firstMs)} ms, then median ${ms(r.hover.medianMs)} ms, slowest ${ms(r.hover.maxMs)} ms.`);
      if (r.pick) lines.push(`  - click pick (${times}): ${ms(r.pick.pickMs)} ms to find the ${r.pick.hit ? 'interval under the cursor' : 'nothing (miss)'}, ${ms(r.pick.eventMs)} ms for the whole pointerup; ${ms(r.pick.taskMs)} ms of main-thread tasks with the UI update and frame; drawn ${ms(r.pick.visibleMs)} ms after the click.`);
      if (r.bareFrame) lines.push(`  - bare frame (${fmt(r.bareFrame.triangles)} triangles, ${r.bareFrame.width} × ${r.bareFrame.height} px, no app; \`timeBareFrame\` in \`scripts/bench/probe.mjs\`): first ${ms(r.bareFrame.first)} ms, then ${r.bareFrame.times.map((t) => ms(t)).join(', ')} ms.`);
      for (const sk of r.skipped ?? []) lines.push(`  - ${sk}.`);
      for (const [what, fns] of Object.entries(r.profileInteractions ?? {})) lines.push(`  - CPU profile of the ${what}, top self time: ${fns.slice(0, 6).map((p) => `${p.fn.replace(/ .*$/, '')} ${fmt(p.ms)} ms`).join(', ')}.`);
      for (const { task, fns } of r.profileTasks ?? []) lines.push(`  - CPU profile of the ${fmt(task.duration)} ms task (${task.during}), top self time: ${fns.slice(0, 6).map((p) => `${p.fn.replace(/ .*$/, '')} ${fmt(p.ms)} ms`).join(', ')}.`);
    }
    if (r.errorDetail) lines.push(`  - error: \`${r.errorDetail.replace(/`/g, "'").slice(0, 600)}\``);
  }
  lines.push('', END);
  return lines.join('\n');
}

const TEMPLATE = `# Performance

How fast Veinscape loads and draws large deposits, measured by \`npm run bench\` on generated stress
datasets. Benchmarks measure; tests never time anything.

${START}
${END}
`;

/** Replace the generated part of the document (creating the document when it does not exist). */
export function updateDoc(path, generated) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : TEMPLATE;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next = a >= 0 && b > a ? text.slice(0, a) + generated + text.slice(b + END.length) : `${text.trimEnd()}\n\n${generated}\n`;
  writeFileSync(path, next);
}
