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

/** A size label such as "10,000 × 100", or "10,000 × 100 (binary)" for the .vsb form of the same data. */
export const sizeLabel = (s) => `${fmt(s.holes)} × ${fmt(s.intervals)}${s.binary ? ' (binary)' : ''}`;

const ok = (pass) => (pass === null || pass === undefined ? '' : pass ? ' ✓' : ' ✗');

/**
 * Rows of the results table: [label, target, cell(result) -> [text, pass|null]].
 * Targets are the issue's, for 10,000 holes, 1,000,000 intervals and 2,000,000 surface triangles on a
 * 2-core machine with software WebGL; they are checked at every size (they must hold a fortiori).
 */
/** The filter-change target: main-thread CPU time (ms) of one change. */
const FILTER_MS = 16;
/** "n/m": how many of a kind's changes met the target (runs without a CPU time count as missing it). */
const within = (f) => `${f.runs.filter((x) => typeof x.cpuMs === 'number' && x.cpuMs <= FILTER_MS).length}/${f.runs.length}`;

export const ROWS = [
  ['file size (MB)', '', (r) => [mb(r.fileBytes)]],
  ['holes / intervals loaded', '', (r) => [r.loaded ? `${fmt(r.loaded.report?.counts?.holes)} / ${fmt(r.loaded.report?.counts?.intervals)}` : '-']],
  ['vein + fault triangles in the file', '', (r) => [r.loaded ? fmt(r.loaded.report?.counts?.triangles) : '-']],
  ['JSON.parse alone, main thread (ms)', '', (r) => [ms(r.parse?.median)]],
  ['navigation → `ready()` (ms)', '≤ 4 × JSON.parse', (r) => [ms(r.readyMs), r.readyMs && r.parse ? r.readyMs <= 4 * r.parse.median : null]],
  ['… as a multiple of JSON.parse', '≤ 4', (r) => [r.readyMs && r.parse ? `${fmt(r.readyMs / r.parse.median, 1)}×` : '-', r.readyMs && r.parse ? r.readyMs <= 4 * r.parse.median : null]],
  ['a bare frame of as many triangles, no app (ms)', '', (r) => [ms(r.bareFrame?.median)]],
  ['… with fetching the JSON: a floor for `ready()`, × JSON.parse', '', (r) => {
    const floor = r.bareFrame && r.parse && !r.size.binary ? r.parse.fetchMs + r.bareFrame.median : null;
    return [floor === null ? '-' : `${fmt(floor / r.parse.median, 1)}×`];
  }],
  ['longest main-thread task during load (ms)', '≤ 200', (r) => [ms(r.longest?.duration), r.longest ? r.longest.duration <= 200 : null]],
  ['main-thread tasks > 200 ms during load', '0', (r) => [r.longtasks ? fmt(r.longtasks.over200) : '-', r.longtasks ? r.longtasks.over200 === 0 : null]],
  ['draw calls', '≤ 50', (r) => [r.loaded ? fmt(r.loaded.stats.drawCalls) : '-', r.loaded ? r.loaded.stats.drawCalls <= 50 : null]],
  ['triangles drawn', '', (r) => [r.loaded ? fmt(r.loaded.stats.triangles) : '-']],
  ['JS memory after load and a GC: V8 heap + ArrayBuffers (MB)', '≤ 400', (r) => {
    const total = r.heap ? r.heap.afterGc + (r.heap.backing ?? 0) : null;
    return [mb(total), total === null ? null : total <= 400e6];
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
  lines.push(`Sizes are holes × intervals per hole; the files have two vein triangles per interval (2,000,000 for 10,000 × 100).${results.some((r) => r.size.binary) ? ' "(binary)": the same data in the binary form (`.vsb`, docs/data-format.md); its JSON.parse row is the JSON file\'s.' : ''} ✓ / ✗: meets / misses the target.`, '');
  lines.push(mdTable(header, rows), '');
  lines.push('Load phases (ms), from the store\'s `loading.phase` changes (see `scripts/bench/probe.mjs`):', '');
  lines.push(mdTable(['phase', ...results.map((r) => sizeLabel(r.size))], PHASES.map((p) => [PHASE_LABEL[p], ...results.map((r) => ms(phaseDurations(r)[p]))])), '');
  lines.push('Details:', '');
  for (const r of results) {
    lines.push(`- **${sizeLabel(r.size)}** (\`${r.file}\`)${r.error ? ` - **${r.error}**` : ''}`);
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
