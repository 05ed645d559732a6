/**
 * Loads a deposit from a URL, a File, an array of Files or a parsed object. Bytes are read on
 * the main thread (streamed, with progress); parsing, validation and geometry preparation run in
 * a worker. The result goes into the store; a failed load leaves the current dataset on screen.
 */
import type { LoadReport } from './model';
import type { LoadPhase, WorkerRequest, WorkerResponse } from './worker-protocol';
import type { VeinscapeStore } from '../state/store';
import { createLoaderWorker } from './workerFactory';
import type { CsvFile, ImportOptions } from './csv';
import type { DesurveyMethod } from '../domain/desurvey';

export type LoadSource = string | URL | File | File[] | FileList | object;

function failure(source: string, message: string, path = source): LoadReport {
  return { source, ok: false, errors: [{ path, message }], warnings: [], counts: {}, dropped: {} };
}

/** Read a response body chunk by chunk, reporting the fraction read when the size is known. */
async function readWithProgress(res: Response, onProgress: (f: number) => void): Promise<ArrayBuffer> {
  const total = Number(res.headers.get('content-length')) || 0;
  if (!res.body || !total) return res.arrayBuffer();
  const reader = res.body.getReader();
  const out = new Uint8Array(total);
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > out.length) return concatFallback(out.subarray(0, got), value, reader);
    out.set(value, got);
    got += value.length;
    onProgress(got / total);
  }
  return out.buffer.slice(0, got);
}

/** A compressed response can be longer than its content-length: finish reading into a list. */
async function concatFallback(head: Uint8Array, value: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ArrayBuffer> {
  const parts = [head.slice(), value];
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    parts.push(r.value);
  }
  const blob = new Blob(parts as BlobPart[]);
  return blob.arrayBuffer();
}

function runWorker(req: WorkerRequest, onProgress: (phase: LoadPhase, f: number) => void): Promise<Extract<WorkerResponse, { type: 'done' | 'failed' }>> {
  return new Promise((resolve) => {
    const worker = createLoaderWorker();
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.phase, m.fraction);
      else {
        worker.terminate();
        resolve(m);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ type: 'failed', report: failure(req.source, `loader crashed: ${e.message}`) });
    };
    worker.postMessage(req, req.kind === 'bytes' ? [req.bytes] : []);
  });
}

function sourceName(src: LoadSource): string {
  if (typeof src === 'string') return src;
  if (src instanceof URL) return src.href;
  if (typeof File !== 'undefined' && src instanceof File) return src.name;
  return 'object';
}

/** Load into the store and resolve with the report (also stored as the latest report). */
export async function loadInto(store: VeinscapeStore, src: LoadSource): Promise<LoadReport> {
  const st = store.getState();
  let files: File[] | null = null;
  if (typeof FileList !== 'undefined' && src instanceof FileList) files = [...src];
  else if (Array.isArray(src)) files = src as File[];
  if (files) {
    const json = files.filter((f) => /\.json$/i.test(f.name) || f.type === 'application/json');
    const tables = files.filter((f) => /\.(csv|txt|tsv)$/i.test(f.name) || f.type === 'text/csv');
    const others = files.filter((f) => !json.includes(f) && !tables.includes(f));
    let report: LoadReport;
    if (json.length > 0) {
      report = await loadInto(store, json[0]);
      for (const f of [...json.slice(1), ...tables]) report.warnings.push({ path: f.name, message: 'not loaded: a deposit file (.json) was opened with it; open drill tables (.csv) on their own' });
    } else if (tables.length > 0) {
      const texts = await Promise.all(tables.map(async (f) => ({ name: f.name, text: await f.text() })));
      report = await importCsvInto(store, texts, {});
    } else {
      report = failure(files.map((f) => f.name).join(', '), 'no deposit file (.json) or drill tables (.csv) among the files');
      st.setLoadFailed(report);
      return report;
    }
    for (const f of others) report.warnings.push({ path: f.name, message: 'not loaded: not a .json deposit file or a .csv drill table' });
    return report;
  }
  const source = sourceName(src);
  const progress = (phase: LoadPhase, fraction: number) => store.getState().setLoading({ source, phase, fraction });
  progress('reading', 0);
  const method = store.getState().desurveyMethod;
  let req: WorkerRequest;
  try {
    if (typeof src === 'string' || src instanceof URL) {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      // Single-page servers answer unknown paths with their index page: say so plainly.
      if ((res.headers.get('content-type') ?? '').includes('text/html')) throw new Error('the server returned an HTML page, not a deposit file (check the URL)');
      req = { kind: 'bytes', bytes: await readWithProgress(res, (f) => progress('reading', f * 0.5)), source, method };
    } else if (typeof File !== 'undefined' && src instanceof Blob) {
      req = { kind: 'bytes', bytes: await (src as Blob).arrayBuffer(), source, method };
    } else {
      req = { kind: 'object', value: src, source, method };
    }
  } catch (e) {
    const report = failure(source, `could not read: ${(e as Error).message}`);
    st.setLoadFailed(report);
    return report;
  }
  return runAndStore(store, req);
}

async function runAndStore(store: VeinscapeStore, req: WorkerRequest): Promise<LoadReport> {
  const progress = (phase: LoadPhase, fraction: number) => store.getState().setLoading({ source: req.source, phase, fraction });
  const res = await runWorker(req, progress);
  if (res.type === 'failed') {
    store.getState().setLoadFailed(res.report);
    return res.report;
  }
  progress('drawing', 0.9);
  store.getState().setDataset(res.model, res.prepared, res.report, res.csv ?? null);
  return res.report;
}

/** Import drill tables (collar, survey, assay CSV) with the given options, and show them. */
export function importCsvInto(store: VeinscapeStore, files: CsvFile[], options: ImportOptions): Promise<LoadReport> {
  const source = files.map((f) => f.name).join(', ');
  store.getState().setLoading({ source, phase: 'reading', fraction: 0 });
  return runAndStore(store, { kind: 'csv', files, options, source, method: store.getState().desurveyMethod });
}

/** Desurvey the loaded holes again with another method (the model itself does not change). */
export async function redesurvey(store: VeinscapeStore, method: DesurveyMethod): Promise<void> {
  const s = store.getState();
  if (!s.model) return;
  s.setLoading({ source: s.report?.source ?? 'dataset', phase: 'building', fraction: 0.5 });
  const res = await runWorker({ kind: 'prepare', model: s.model, source: s.report?.source ?? 'dataset', method }, () => undefined);
  if (res.type === 'done') store.getState().setPrepared(res.prepared, method);
  else store.getState().setLoadFailed(res.report);
}
