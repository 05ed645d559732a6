/// <reference lib="webworker" />
/**
 * Parses, validates and prepares a deposit off the main thread, so a large file never freezes
 * the page. Typed arrays go back as transferables (no copy).
 */
import { parseJsonText, validateDeposit } from './load';
import { prepare } from '../domain/prepare';
import { segmentTransferables } from '../domain/segments';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    let value: unknown = req.kind === 'object' ? req.value : undefined;
    if (req.kind === 'bytes') {
      post({ type: 'progress', phase: 'parsing', fraction: 0 });
      const text = new TextDecoder('utf-8').decode(req.bytes);
      const parsed = parseJsonText(text, req.source);
      if (parsed.issue) {
        post({ type: 'failed', report: { source: req.source, ok: false, errors: [parsed.issue], warnings: [], counts: {}, dropped: {} } });
        return;
      }
      value = parsed.value;
    }
    post({ type: 'progress', phase: 'validating', fraction: 0.4 });
    const { model, report } = validateDeposit(value, req.source);
    if (!model) {
      post({ type: 'failed', report });
      return;
    }
    post({ type: 'progress', phase: 'building', fraction: 0.7 });
    const prepared = prepare(model);
    report.warnings.push(...prepared.warnings);
    const transfer: ArrayBuffer[] = [
      ...[prepared.intervals, prepared.traces, prepared.workings, prepared.resources, prepared.faultTraces].flatMap(segmentTransferables),
      ...prepared.surfaces.flatMap((s) => [s.positions.buffer, s.normals.buffer, s.masks.buffer, s.indices.buffer] as ArrayBuffer[]),
      prepared.collars.buffer as ArrayBuffer,
    ];
    post({ type: 'done', model, prepared, report }, transfer);
  } catch (err) {
    post({ type: 'failed', report: { source: req.source, ok: false, errors: [{ path: req.source, message: `could not load: ${(err as Error).message}` }], warnings: [], counts: {}, dropped: {} } });
  }
};
