/// <reference lib="webworker" />
/**
 * Parses, validates and prepares a deposit off the main thread, so a large file never freezes
 * the page. Also imports CSV drill tables and re-desurveys a loaded model. Typed arrays go back
 * as transferables (no copy).
 */
import { parseJsonText, validateDeposit } from './load';
import { importCsv } from './csv';
import { prepare, type Prepared } from '../domain/prepare';
import { segmentTransferables } from '../domain/segments';
import type { LoadReport, Model } from './model';
import type { CsvImportInfo, WorkerRequest, WorkerResponse } from './worker-protocol';

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

function transferables(p: Prepared): ArrayBuffer[] {
  return [
    ...[p.intervals, p.traces, p.workings, p.resources, p.faultTraces].flatMap(segmentTransferables),
    ...p.surfaces.flatMap((s) => [s.positions.buffer, s.normals.buffer, s.masks.buffer, s.indices.buffer] as ArrayBuffer[]),
    p.collars.buffer as ArrayBuffer,
  ];
}

function failed(source: string, message: string): LoadReport {
  return { source, ok: false, errors: [{ path: source, message }], warnings: [], counts: {}, dropped: {} };
}

function finish(model: Model, report: LoadReport, req: WorkerRequest, csv?: CsvImportInfo) {
  post({ type: 'progress', phase: 'building', fraction: 0.7 });
  const prepared = prepare(model, req.method);
  report.warnings.push(...prepared.warnings);
  post({ type: 'done', model, prepared, report, csv }, transferables(prepared));
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.kind === 'prepare') {
      const report: LoadReport = { source: req.source, ok: true, errors: [], warnings: [], counts: {}, dropped: {} };
      return finish(req.model, report, req);
    }
    if (req.kind === 'csv') {
      post({ type: 'progress', phase: 'parsing', fraction: 0.1 });
      const imported = importCsv(req.files, req.options);
      post({ type: 'progress', phase: 'validating', fraction: 0.4 });
      const { model, report } = validateDeposit(imported.document, req.source);
      if (!model) return post({ type: 'failed', report: { ...report, errors: [...imported.report.errors, ...report.errors] } });
      const merged: LoadReport = {
        source: req.source,
        ok: true,
        errors: [...imported.report.errors, ...report.errors],
        warnings: [...imported.report.warnings, ...report.warnings],
        counts: { ...report.counts, ...imported.report.counts },
        dropped: { ...imported.report.dropped },
      };
      const info: CsvImportInfo = { files: req.files, options: req.options, tables: imported.tables, dipSign: imported.dipSign, lengthUnit: imported.lengthUnit, document: imported.document };
      return finish(model, merged, req, info);
    }
    let value: unknown = req.kind === 'object' ? req.value : undefined;
    if (req.kind === 'bytes') {
      post({ type: 'progress', phase: 'parsing', fraction: 0 });
      const parsed = parseJsonText(new TextDecoder('utf-8').decode(req.bytes), req.source);
      if (parsed.issue) return post({ type: 'failed', report: { source: req.source, ok: false, errors: [parsed.issue], warnings: [], counts: {}, dropped: {} } });
      value = parsed.value;
    }
    post({ type: 'progress', phase: 'validating', fraction: 0.4 });
    const { model, report } = validateDeposit(value, req.source);
    if (!model) return post({ type: 'failed', report });
    finish(model, report, req);
  } catch (err) {
    post({ type: 'failed', report: failed(req.source, `could not load: ${(err as Error).message}`) });
  }
};
