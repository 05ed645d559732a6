/// <reference lib="webworker" />
/**
 * Parses, validates and prepares a deposit off the main thread, so a large file never freezes
 * the page. Also imports CSV drill tables and re-desurveys a loaded model. Typed arrays go back
 * as transferables (no copy).
 */
import { say, type Said } from '../domain/message';
import { validateDeposit } from './load';
import { ownSurfaceArrays, parseDepositBytes } from './binary/decode';
import { hasBinaryMagic } from './binary/format';
import { fetchDeposit } from './readBody';
import { packedPathTransferables, packPaths, packStations } from './pathTransfer';
import { importCsv } from './csv';
import { readCsvSources } from './csv/sources';
import { mergeCsvIssues } from './csvReport';
import { prepare, surfaceBuffers, worldFrame, type Prepared } from '../domain/prepare';
import { hasSurfaceForCopies, prestartSurfaceWorker, startSurfaceJob, warmSurfaceWorkers } from './surfaceJob';
import { layerBounds, surfaceBounds } from '../domain/bounds';
import { holeRuns } from './holeMessages';
import { buildVeinGrids, sendableVeinGrids, veinGridTransferables } from '../domain/veinOrientation';
import { buildPickIndex, pickIndexTransferables, sendablePickIndex } from '../domain/pickIndex';
import { compactHoles, compactMasks, copySegments, holesByRow, segmentTransferables } from '../domain/segments';
import { shareEnds } from '../domain/segmentEnds';
import { packedTransferables, packSegments, type PackedSegments } from '../domain/segmentPack';
import type { LoadReport, Model, LoadIssue } from './model';
import type { CsvImportInfo, ExtrasRequest, WorkerRequest, WorkerResponse } from './worker-protocol';
import { baseNameOf, importSurfaceFiles, isSurfaceMainFileName, sniffFormat } from './surfaces';
import { assemble } from './surfaces/assemble';
import { carryImported } from './surfaces/edit';
import { topographyWarnings } from './topographyCheck';
import { datasetContent } from './datasetContent';
import { finishContentHash, startContentHash } from '../domain/fingerprint';
import { countSourceOf, createCounter, type CountAnswer, type CountRequest } from './countHost';

const post = (m: WorkerResponse | CountAnswer, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

/** Once the dataset is sent, this worker stays on as its counter (see countHost.ts). */
let counter: ((req: CountRequest) => CountAnswer) | null = null;

/** Shortest time between two progress reports of one step (ms): each is a message the page handles. */
const REPORT_MS = 100;

/** `report`, called at most every REPORT_MS: a step's progress callback (0-1), called far more often. */
function everyReport(report: (fraction: number) => void): (fraction: number) => void {
  let last = performance.now();
  return (f) => {
    const now = performance.now();
    if (now - last < REPORT_MS) return;
    last = now;
    report(f);
  };
}

/**
 * The validation's progress (validateDeposit's 0-1) as the load's, 40 % to 70 %: at 100,000 holes
 * the validation takes 2.5 s of this worker, and the bar would stand.
 */
const validationProgress = () => everyReport((f) => post({ type: 'progress', phase: 'validating', fraction: 0.4 + 0.3 * f }));

/**
 * Progress steps between the surfaces and the result's message: the picking and counting copies,
 * the paths, the page's forms of the layers, the fingerprint's start (together 2-5 s of this
 * worker at ten million intervals on this machine, with no other report).
 */
const SENDING_STEPS = 5;

/** Ends the wait for the page's go-ahead for the extras (ExtrasRequest). */
let extrasWanted: (() => void) | null = null;

/**
 * Every typed array of the result, model included, moves to the main thread without a copy: a
 * structured clone of a million-row model cost 0.5-0.7 s of main-thread deserialisation.
 * A buffer may be shared (an uncut surface keeps the model's triangles), so the list is a set.
 */
function transferables(p: Prepared, model: Model): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => out.add(a.buffer as ArrayBuffer);
  for (const b of [p.intervals, p.traces, p.workings, p.resources, p.faultTraces]) {
    for (const buf of segmentTransferables(b)) out.add(buf);
    if (b.gpu) for (const buf of packedTransferables(b.gpu as PackedSegments)) out.add(buf);
  }
  for (const s of p.surfaces) [s.positions, s.normals, s.masks, s.indices, ...(s.levels ?? []).map((l) => l.indices)].forEach(add);
  add(p.collars);
  add(p.collarMasks);
  for (const s of model.surfaces) [s.vertices, s.triangles].forEach(add);
  for (const t of model.intervals) {
    [t.hole, t.from, t.to, ...Object.values(t.numeric), ...Object.values(t.categorical).map((c) => c.codes)].forEach(add);
  }
  return [...out];
}

/**
 * Adds warnings that are not already in the report: a model edited in the import panel comes back
 * with its report, whose desurvey and topography warnings the new preparation finds again.
 */
function addWarnings(report: LoadReport, warnings: LoadReport['warnings']): void {
  const key = (w: LoadReport['warnings'][number]) => `${w.path}\u0000${w.id ?? ''}\u0000${w.message}`;
  const seen = new Set(report.warnings.map(key));
  for (const w of warnings) if (!seen.has(key(w))) report.warnings.push(w);
}

function failed(source: string, said: Said): LoadReport {
  return { source, ok: false, errors: [{ path: source, ...said }], warnings: [], counts: {}, dropped: {} };
}

async function finish(model: Model, report: LoadReport, req: WorkerRequest, csv?: CsvImportInfo) {
  post({ type: 'progress', phase: 'building', fraction: 0.7 });
  if (req.kind !== 'prepare') addWarnings(report, topographyWarnings(model));
  // The surfaces' half of prepare on the other core (surfaceJob.ts), the holes' half here.
  // The world bounds and origin once, for both halves (a loop over every vertex).
  const frame = worldFrame(model);
  // Building is 0.7 to 0.85 of the bar for the holes (a report at most every 100 ms, a message
  // each), 0.85 to 0.89 for what follows them: the layers' GPU layout (seconds at ten million
  // intervals) and the surfaces' copies (the other workers' steps, reported once the holes are
  // done), then to 0.9 the result's steps before it is sent (SENDING_STEPS).
  let holesDone = false;
  let layout = 0;
  let surfaceShare = 0;
  const afterHoles = () => post({ type: 'progress', phase: 'building', fraction: 0.85 + 0.04 * (0.5 * layout + 0.5 * surfaceShare) });
  const sending = (step: number) => post({ type: 'progress', phase: 'building', fraction: 0.89 + (0.01 * step) / SENDING_STEPS });
  const job = startSurfaceJob(model, frame.origin, (done) => {
    surfaceShare = done;
    if (holesDone) afterHoles();
  });
  const prepared = prepare(model, req.method, frame, everyReport((f) => post({ type: 'progress', phase: 'building', fraction: 0.7 + 0.15 * f })));
  // GPU layout of every segment layer, here rather than on the page.
  holesDone = true;
  afterHoles();
  // The intervals are most of the layout (their levels of detail): their progress is the layout's.
  const intervalsLayout = everyReport((f) => {
    layout = 0.95 * f;
    afterHoles();
  });
  for (const b of [prepared.intervals, prepared.traces, prepared.workings, prepared.resources, prepared.faultTraces]) b.gpu = packSegments(b, b === prepared.intervals, b === prepared.intervals ? intervalsLayout : undefined);
  layout = 1;
  afterHoles();
  prepared.surfaces = (await job) ?? surfaceBuffers(model, frame.origin, prepared.faultModels);
  // Surface bounds (views and axes frame them) from millions of vertices: here, not on the page.
  for (const s of prepared.surfaces) s.bounds ??= surfaceBounds(s.positions);
  addWarnings(report, prepared.warnings);
  // The picking indexes and the vein search grids (intercept widths) are not needed for the first
  // picture: they are built after the result is sent, while the page draws it (about a second at
  // a million intervals and 2 M vein triangles). The result's arrays move to the page, so they are
  // built from copies of what they read. No grids for a new desurvey of the loaded model: the
  // page's grids still hold.
  // One copy of each hole layer serves the picking index and the counter.
  const [intervalsCopy, tracesCopy] = [prepared.intervals, prepared.traces].map(copySegments);
  sending(1);
  const gridSource = req.kind !== 'prepare' ? veinGridSource(model) : null;
  const countSource = attemptOrNull(() => countSourceOf(model, prepared, { traces: tracesCopy, intervals: intervalsCopy }));
  const paths = packPaths(prepared.paths);
  sending(2);
  // The page keeps one hole entry and a one-byte fault-block mask per interval and trace piece
  // (segments.ts), and each end once where it is the next piece's start (segmentEnds.ts).
  const forPage = (b: Prepared['intervals']) => shareEnds(compactMasks(compactHoles(b)));
  // An interval piece's hole is its row's: read from the table's hole column, which the page gets anyway.
  const gradeTable = model.intervals.find((t) => t.id === prepared.valueColumn?.table);
  const intervalsForPage = gradeTable ? holesByRow(forPage(prepared.intervals), gradeTable.hole) : forPage(prepared.intervals);
  const sent: Prepared = { ...prepared, intervals: intervalsForPage, traces: forPage(prepared.traces), paths: [] };
  const stations = packStations(model.holes);
  sending(3);
  // The dataset's fingerprint: its columns' digests start now (WebCrypto copies the bytes, which
  // then move to the page), its canonical text is written after the dataset is sent.
  const content = req.kind !== 'prepare' ? datasetContent(model) : null;
  const started = content ? attemptOrNull(() => startContentHash(content)) : null;
  sending(4);
  // The holes first, in messages of their own (one long task on the page at 100,000 holes).
  for (const holes of holeRuns(model.holes)) post({ type: 'holes', holes });
  const sentModel: Model = { ...model, holes: [] };
  post({ type: 'done', model: sentModel, prepared: sent, paths, stations, bounds: layerBounds(sent), report, csv, extras: true }, [
    ...transferables(sent, sentModel),
    ...packedPathTransferables(paths),
    stations.offsets.buffer as ArrayBuffer,
    stations.values.buffer as ArrayBuffer,
  ]);
  const fingerprint = content && started ? finishContentHash(content, started).catch(() => null) : Promise.resolve(null);
  // Until the page has stored the dataset (ExtrasRequest): not beside its render, on two cores.
  await new Promise<void>((resolve) => (extrasWanted = resolve));
  const [intervals, traces] = [intervalsCopy, tracesCopy].map((b) => attemptOrNull(() => buildPickIndex(b)));
  const grids = gridSource ? attemptOrNull(() => sendableVeinGrids(buildVeinGrids(gridSource))) : null;
  counter = countSource ? createCounter(countSource) : null;
  const out = new Set<ArrayBuffer>();
  for (const ix of [intervals, traces]) if (ix) pickIndexTransferables(ix).forEach((b) => out.add(b));
  if (grids) veinGridTransferables(grids).forEach((b) => out.add(b));
  post({ type: 'extras', pickIndexes: { intervals: intervals && sendablePickIndex(intervals), traces: traces && sendablePickIndex(traces) }, veinGrids: grids, counter: counter !== null, fingerprint: await fingerprint }, [...out]);
}

/** f(), or null when it throws: what the extras could not build is built on the page when needed. */
function attemptOrNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** Copies of the vein surfaces, for building their search grids after the model has moved to the page. */
function veinGridSource(model: Model): Pick<Model, 'zones' | 'surfaces'> {
  const veins = new Set(model.zones.filter((z) => z.kind === 'vein').map((z) => z.id));
  return { zones: model.zones, surfaces: model.surfaces.filter((s) => s.zoneId && veins.has(s.zoneId)).map((s) => ({ ...s, vertices: s.vertices.slice(), triangles: s.triangles.slice() })) };
}

/** Surface files, with the drill tables opened with them imported first, added to the base dataset. */
async function importSurfaces(req: Extract<WorkerRequest, { kind: 'surfaces' }>): Promise<void> {
  post({ type: 'progress', phase: 'parsing', fraction: 0 });
  let base = req.base;
  const errors: LoadReport['errors'] = [];
  const warnings: LoadReport['warnings'] = [];
  const notes: LoadIssue[] = [];
  let csv: CsvImportInfo | undefined;
  if (req.csv.length > 0) {
    const imported = importCsv(await readCsvSources(req.csv), {});
    const v = validateDeposit(imported.document, req.source);
    const m = mergeCsvIssues(imported.report, v.report);
    errors.push(...m.errors);
    warnings.push(...m.warnings);
    notes.push(...(m.notes ?? []));
    if (v.model) {
      base = v.model;
      csv = { fileSet: `${req.source} (${Date.now()})`, files: req.csv, options: {}, tables: imported.tables, dipSign: imported.dipSign, lengthUnit: imported.lengthUnit, lengthUnitDetected: imported.lengthUnitDetected, lengthUnitAssumed: imported.lengthUnitAssumed };
    }
  }
  const files = await Promise.all(req.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(f.bytes instanceof Blob ? await f.bytes.arrayBuffer() : f.bytes) })));
  post({ type: 'progress', phase: 'parsing', fraction: 0.05 });
  const imports = await importSurfaceFiles(files, (f) => post({ type: 'progress', phase: 'parsing', fraction: 0.05 + 0.6 * f }));
  post({ type: 'progress', phase: 'validating', fraction: 0.65 });
  const a = assemble(base, imports);
  const objects = a.files.reduce((n, f) => n + f.objects.length, 0);
  const report: LoadReport = {
    source: req.source,
    ok: objects > 0 || base !== null,
    errors: [...errors, ...a.errors],
    warnings: [...warnings, ...a.warnings],
    notes,
    counts: { surfaces: a.model.surfaces.length, faults: a.model.faults.length, workings: a.model.workings.length, resourceCategories: a.model.resourceCategories.length, pointSets: a.model.pointSets.length, holes: a.model.holes.length, objects },
    dropped: {},
    files: a.files,
  };
  if (!report.ok) return post({ type: 'failed', report });
  await finish(a.model, report, req, csv);
}

/** A URL or file of a surface format (by its name, or by first bytes that no deposit file has). */
function isSurfaceSource(source: string, bytes: Uint8Array): boolean {
  const name = baseNameOf(source.split(/[?#]/)[0]);
  if (/\.(json|vsb)$/i.test(name) || hasBinaryMagic(bytes)) return false;
  return isSurfaceMainFileName(name) || (sniffFormat(bytes) !== null && bytes[0] !== 0x7b);
}

/** Bytes of a URL or file request, read here; a failure to read is reported as such. */
async function readSource(req: WorkerRequest): Promise<WorkerRequest | null> {
  try {
    if (req.kind === 'url') {
      const bytes = await fetchDeposit(req.url, (f) => {
        // Half-way through a file long enough to report progress: start the surfaces worker now,
        // not at the first byte, when the page is still starting up on the same two cores.
        if (f >= 0.5 && f < 1) prestartSurfaceWorker();
        post({ type: 'progress', phase: 'reading', fraction: f * 0.5 });
      });
      return { kind: 'bytes', bytes, source: req.source, method: req.method };
    }
    if (req.kind === 'blob') return { kind: 'bytes', bytes: await req.blob.arrayBuffer(), source: req.source, method: req.method };
    return req;
  } catch (err) {
    post({ type: 'failed', report: failed(req.source, say('load.couldNotRead', { error: (err as Error).message })) });
    return null;
  }
}

self.onmessage = async (e: MessageEvent<WorkerRequest | CountRequest | ExtrasRequest>) => {
  if (e.data.kind === 'extras') {
    extrasWanted?.();
    extrasWanted = null;
    return;
  }
  if (e.data.kind === 'count') {
    return post(counter ? counter(e.data) : { type: 'counts', id: e.data.id, counts: null, error: 'no dataset to count' });
  }
  // Ready by the time the surfaces are due (see surfaceJob.ts); a URL's, once half of it is read.
  if (e.data.kind !== 'url') prestartSurfaceWorker();
  const req = await readSource(e.data);
  if (!req) return;
  try {
    if (req.kind === 'prepare') {
      const report: LoadReport = { source: req.source, ok: true, errors: [], warnings: [], counts: {}, dropped: {} };
      return await finish(req.model, report, req);
    }
    if (req.kind === 'csv') {
      post({ type: 'progress', phase: 'parsing', fraction: 0.1 });
      const imported = importCsv(await readCsvSources(req.files), req.options);
      // No hole at all: the file set failed, and the dataset on screen stays (with this report).
      if (!imported.report.ok) return post({ type: 'failed', report: { ...imported.report, errors: [...imported.report.errors, { path: req.source, ...say('load.noHoles') }] } });
      post({ type: 'progress', phase: 'validating', fraction: 0.4 });
      const { model: tables, report } = validateDeposit(imported.document, req.source, validationProgress());
      if (!tables) return post({ type: 'failed', report: { ...report, errors: [...imported.report.errors, ...report.errors] } });
      const model = req.keep ? carryImported(req.keep, tables) : tables;
      const merged: LoadReport = {
        source: req.source,
        ok: true,
        ...mergeCsvIssues(imported.report, report),
        counts: { ...report.counts, ...imported.report.counts },
        dropped: { ...imported.report.dropped },
      };
      const info: CsvImportInfo = { fileSet: req.fileSet, files: req.files, options: req.options, tables: imported.tables, dipSign: imported.dipSign, lengthUnit: imported.lengthUnit, lengthUnitDetected: imported.lengthUnitDetected, lengthUnitAssumed: imported.lengthUnitAssumed };
      return await finish(model, merged, req, info);
    }
    if (req.kind === 'surfaces') return await importSurfaces(req);
    if (req.kind === 'model') return await finish(req.model, { ...req.report, warnings: req.report.warnings.filter((w) => !w.path.startsWith('topography')) }, req);
    let value: unknown = req.kind === 'object' ? req.value : undefined;
    if (req.kind === 'bytes' && isSurfaceSource(req.source, new Uint8Array(req.bytes))) {
      const name = baseNameOf(req.source.split(/[?#]/)[0]);
      return await importSurfaces({ kind: 'surfaces', files: [{ name, bytes: req.bytes }], base: null, csv: [], source: req.source, method: req.method });
    }
    if (req.kind === 'bytes') {
      post({ type: 'progress', phase: 'parsing', fraction: 0 });
      // JSON text or the binary form (.vsb), told apart by the file's first bytes.
      const parsed = parseDepositBytes(req.bytes, req.source);
      if (parsed.value === undefined) return post({ type: 'failed', report: { source: req.source, ok: false, errors: parsed.issues, warnings: [], counts: {}, dropped: {} } });
      value = parsed.value;
    }
    post({ type: 'progress', phase: 'validating', fraction: 0.4 });
    if (hasSurfaceForCopies(value)) warmSurfaceWorkers();
    const { model, report } = validateDeposit(value, req.source, validationProgress());
    if (!model) return post({ type: 'failed', report });
    if (req.kind === 'bytes') ownSurfaceArrays(model);
    await finish(model, report, req);
  } catch (err) {
    post({ type: 'failed', report: failed(req.source, say('load.couldNotLoad', { error: (err as Error).message })) });
  }
};
