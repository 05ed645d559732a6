/**
 * Loads a deposit from a URL, a File, an array of Files or a parsed object. Reading (streamed,
 * with progress), parsing, validation and geometry preparation all run in a worker. The result
 * goes into the store; a failed load leaves the current dataset on screen.
 */
import { say, type Said } from '../domain/message';
import type { LoadReport } from './model';
import type { ExtrasRequest, LoadPhase, WorkerRequest, WorkerResponse } from './worker-protocol';
import type { VeinscapeStore } from '../state/store';
import { createLoaderWorker } from './workerFactory';
import type { CsvSource, ImportOptions } from './csv';
import type { DesurveyMethod } from '../domain/desurvey';
import { adoptExtras, expectExtras } from './loadExtras';
import { adoptCounter, dropCounter, expectCounter } from './countClient';
import { laterTask, nextTask, runSliced } from '../domain/sliced';
import { unpackSteps } from './unpackSteps';
import { adoptLayerBounds, dataBox } from '../domain/bounds';
import { veinStrike } from '../domain/viewFit';
import { isBinaryDepositFile } from './binary/format';
import { isSurfaceFileName, isSurfaceMainFileName } from './surfaces/names';
import type { HoleModel, Model } from './model';
import { joinHoleRuns } from './holeMessages';

export type LoadSource = string | URL | File | File[] | FileList | object;

function failure(source: string, said: Said, path = source): LoadReport {
  return { source, ok: false, errors: [{ path, ...said }], warnings: [], counts: {}, dropped: {} };
}

/**
 * The worker's `extras` wait for `stored` (ExtrasRequest): the caller settles it once the dataset
 * is in the store and the frame after has run.
 */
function runWorker(req: WorkerRequest, onProgress: (phase: LoadPhase, f: number) => void, stored: Promise<unknown>, transfer: ArrayBuffer[] = []): Promise<Extract<WorkerResponse, { type: 'done' | 'failed' }>> {
  return new Promise((resolve) => {
    const worker = createLoaderWorker();
    // After `done`, the worker goes on building the pick indexes and vein grids (see `extras`).
    let extrasFor: Extract<WorkerResponse, { type: 'done' }> | null = null;
    /** the holes, come ahead of `done` in runs (holeMessages.ts) */
    const holeRunsIn: HoleModel[][] = [];
    const giveUpExtras = () => {
      if (!extrasFor) return;
      adoptExtras(extrasFor, { type: 'extras', pickIndexes: { intervals: null, traces: null }, veinGrids: null, counter: false });
      dropCounter(extrasFor.prepared);
      extrasFor = null;
    };
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.phase, m.fraction);
      else if (m.type === 'holes') holeRunsIn.push(m.holes);
      else if (m.type === 'extras') {
        if (extrasFor) adoptExtras(extrasFor, m);
        // The worker stays on as the dataset's counter (countClient.ts), or ends here.
        if (extrasFor && m.counter) adoptCounter(extrasFor.prepared, worker);
        else {
          if (extrasFor) dropCounter(extrasFor.prepared);
          worker.terminate();
        }
        extrasFor = null;
      } else {
        // Hole paths and stations are unpacked later (unpack), in tasks of their own.
        if (m.type === 'done') {
          m.model.holes = joinHoleRuns(holeRunsIn);
          if (m.extras) {
            extrasFor = m;
            expectExtras(m, req.kind !== 'prepare');
            expectCounter(m.prepared);
            const go: ExtrasRequest = { kind: 'extras' };
            void stored.then(() => worker.postMessage(go));
          }
        }
        if (!extrasFor) worker.terminate();
        resolve(m);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      if (extrasFor) return giveUpExtras();
      resolve({ type: 'failed', report: failure(req.source, say('load.crashed', { error: e.message })) });
    };
    try {
      worker.postMessage(req, req.kind === 'bytes' ? [req.bytes] : transfer);
    } catch (e) {
      // An object that cannot be copied to the worker (a function, a DOM node inside): a report, not
      // a rejected load that would leave the page "loading" for ever.
      worker.terminate();
      resolve({ type: 'failed', report: failure(req.source, say('load.objectUnreadable', { error: (e as Error).message })) });
    }
  });
}

function sourceName(src: LoadSource): string {
  if (typeof src === 'string') return src;
  if (src instanceof URL) return src.href;
  if (typeof File !== 'undefined' && src instanceof File) return src.name;
  return 'object';
}

/** Where surface files go: a project of their own, or added to the dataset on screen. */
export interface LoadOptions {
  /** 'new' (default: opening files starts a project) or 'add' (the Project panel's Add files; never onto the illustrative sample) */
  project?: 'add' | 'new';
}

/** Load into the store and resolve with the report (also stored as the latest report). */
export async function loadInto(store: VeinscapeStore, src: LoadSource, options: LoadOptions = {}): Promise<LoadReport> {
  const st = store.getState();
  let files: File[] | null = null;
  if (typeof FileList !== 'undefined' && src instanceof FileList) files = [...src];
  else if (Array.isArray(src)) files = src as File[];
  else if (typeof File !== 'undefined' && src instanceof File && isSurfaceMainFileName(src.name)) files = [src];
  if (files) {
    const tables = files.filter((f) => /\.(csv|txt|tsv)$/i.test(f.name) || f.type === 'text/csv');
    // Deposit files: JSON by name or type; the binary form (.vsb) by its first bytes, whatever its name.
    const rest = files.filter((f) => !tables.includes(f));
    const binary = await Promise.all(rest.map((f) => (/\.vsb$/i.test(f.name) ? true : isBinaryDepositFile(f))));
    const json = rest.filter((f, i) => binary[i] || /\.json$/i.test(f.name) || f.type === 'application/json');
    const surfaces = rest.filter((f) => !json.includes(f) && isSurfaceFileName(f.name));
    const others = rest.filter((f) => !json.includes(f) && !surfaces.includes(f));
    let report: LoadReport;
    if (json.length > 0) {
      report = await loadInto(store, json[0]);
      for (const f of [...json.slice(1), ...tables]) report.warnings.push({ path: f.name, ...say('load.notLoadedWithDeposit') });
      if (surfaces.length > 0 && report.ok) {
        const added = await importSurfacesInto(store, surfaces, [], { project: 'add' });
        report = { ...added, errors: [...report.errors, ...added.errors], warnings: [...report.warnings, ...added.warnings], notes: [...(report.notes ?? []), ...(added.notes ?? [])] };
      }
    } else if (surfaces.length > 0) {
      report = await importSurfacesInto(store, surfaces, tableSources(tables), options);
    } else if (tables.length > 0) {
      // A new file set: import settings start from what is detected in it, never from the last set's.
      report = await importCsvInto(store, tableSources(tables), {}, { fileSet: newFileSet(tables) });
    } else {
      report = failure(files.map((f) => f.name).join(', '), say('load.noKnownFile'));
      st.setLoadFailed(report);
      return report;
    }
    for (const f of others) report.warnings.push({ path: f.name, ...say('load.notLoadedUnknown') });
    return report;
  }
  const source = sourceName(src);
  const progress = (phase: LoadPhase, fraction: number) => store.getState().setLoading({ source, phase, fraction });
  progress('reading', 0);
  const method = store.getState().desurveyMethod;
  let req: WorkerRequest;
  if (typeof src === 'string' || src instanceof URL) {
    // Absolute, so it resolves the same inside the worker (whose own URL may be a blob:).
    req = { kind: 'url', url: new URL(String(src), location.href).href, source, method };
  } else if (typeof Blob !== 'undefined' && src instanceof Blob) {
    req = { kind: 'blob', blob: src, source, method };
  } else {
    req = { kind: 'object', value: src, source, method };
  }
  return runAndStore(store, req);
}

/**
 * Unpacks in slices, then finds the data's bounds (cached per array; the store and the view need
 * them at once; the hole layers' and the surfaces' made by the worker) in a task of its own, and leaves what follows
 * (the store update and the render it starts) another.
 */
async function unpack(m: Extract<WorkerResponse, { type: 'done' }>): Promise<void> {
  await runSliced(unpackSteps(m)).promise;
  await nextTask();
  // The hole layers' bounds came made (0.1 s over 11 M segment ends at ten million intervals).
  adoptLayerBounds(m.prepared, m.bounds);
  dataBox(m.model, m.prepared);
  // The first view's direction too (the view presets turn on the veins' strike).
  veinStrike(m.model, m.prepared);
  await nextTask();
}

/**
 * Resolves after the next animation frame and the task after it, or after `ms` (a page in the
 * background draws no frames).
 */
function afterFrame(ms = 250): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      clearTimeout(timer);
      laterTask(resolve);
    };
    const timer = setTimeout(go, ms);
    if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(go);
  });
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => undefined as void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

async function runAndStore(store: VeinscapeStore, req: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<LoadReport> {
  const progress = (phase: LoadPhase, fraction: number) => store.getState().setLoading({ source: req.source, phase, fraction });
  const stored = signal();
  const res = await runWorker(req, progress, stored.promise, transfer);
  try {
    if (res.type === 'failed') {
      store.getState().setLoadFailed(res.report);
      return res.report;
    }
    progress('drawing', 0.9);
    await unpack(res);
    store.getState().setDataset(res.model, res.prepared, res.report, res.csv ?? null);
    return res.report;
  } finally {
    void afterFrame().then(stored.fire);
  }
}

/**
 * Surface files (with any drill tables opened with them) read and assembled in the worker: a new
 * project, or added to the dataset on screen when `options.project` is 'add' (never onto the
 * illustrative sample: a company's own files do not mix with it).
 */
export async function importSurfacesInto(store: VeinscapeStore, files: File[], tables: CsvSource[], options: LoadOptions = {}): Promise<LoadReport> {
  const st = store.getState();
  const source = [...files.map((f) => f.name), ...tables.map((t) => t.name)].join(', ');
  st.setLoading({ source, phase: 'reading', fraction: 0 });
  const add = options.project === 'add' && tables.length === 0 && st.model !== null && !st.model.project.illustrative;
  // The files themselves go to the worker, which reads them: reading 350 MB here took tasks of 200 ms.
  return runAndStore(store, { kind: 'surfaces', files: files.map((f) => ({ name: f.name, bytes: f })), base: add ? st.model : null, csv: tables, source, method: st.desurveyMethod });
}

/** A model edited in the import panel, prepared again and shown; the load report is kept. */
export function reloadModel(store: VeinscapeStore, model: Model): Promise<LoadReport> {
  const st = store.getState();
  const report = st.report ?? { source: 'project', ok: true, errors: [], warnings: [], counts: {}, dropped: {} };
  st.setLoading({ source: report.source, phase: 'building', fraction: 0.5 });
  return runAndStore(store, { kind: 'model', model, report, source: report.source, method: st.desurveyMethod });
}

/**
 * Drill tables as the Files themselves: the worker reads their bytes (and tells their encoding from
 * them, csv/encoding.ts). Reading them here and sending the bytes copied them on the main thread
 * twice, there and back with the import's settings.
 */
function tableSources(tables: File[]): CsvSource[] {
  return tables.map((f) => ({ name: f.name, blob: f }));
}

let fileSets = 0;
/** A new identity for files opened together (the same names opened again are another set). */
export function newFileSet(files: { name: string }[]): string {
  return `${++fileSets}: ${files.map((f) => f.name).join(', ')}`;
}

/**
 * Import drill tables (collar, survey, assay CSV) with the given options, and show them.
 * `fileSet` names the set the options belong to: a new one for files just opened, the shown
 * import's own for "Import again".
 */
export function importCsvInto(store: VeinscapeStore, files: CsvSource[], options: ImportOptions, how: { keepImported?: boolean; fileSet?: string } = {}): Promise<LoadReport> {
  const source = files.map((f) => f.name).join(', ');
  const st = store.getState();
  st.setLoading({ source, phase: 'reading', fraction: 0 });
  const keep = how.keepImported && st.model ? st.model : undefined;
  return runAndStore(store, { kind: 'csv', files, options, source, method: st.desurveyMethod, fileSet: how.fileSet ?? newFileSet(files), ...(keep ? { keep } : {}) });
}

/** Desurvey the loaded holes again with another method (the model itself does not change). */
export async function redesurvey(store: VeinscapeStore, method: DesurveyMethod): Promise<void> {
  const s = store.getState();
  if (!s.model) return;
  s.setLoading({ source: s.report?.source ?? 'dataset', phase: 'building', fraction: 0.5 });
  const stored = signal();
  const res = await runWorker({ kind: 'prepare', model: s.model, source: s.report?.source ?? 'dataset', method }, () => undefined, stored.promise);
  try {
    if (res.type === 'failed') {
      store.getState().setLoadFailed(res.report);
      return;
    }
    await unpack(res);
    store.getState().setPrepared(res.prepared, method);
  } finally {
    void afterFrame().then(stored.fire);
  }
}
