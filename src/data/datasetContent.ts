/**
 * What a dataset's fingerprint is a hash of (src/domain/fingerprint.ts): the loaded model's
 * content, typed arrays as they are (hashed from their bytes, never copied; the interval tables'
 * narrowed integer columns as the int32 they were read as), whatever file form or key order it
 * was read from. Saved views are left out: they are ways of looking at the data, and
 * adding one to a project must not make its earlier pictures fail verification.
 */
import type { Model } from './model';
import { asReadColumns } from './rowColumns';

export function datasetContent(model: Model): unknown {
  const { views: _views, ...content } = model;
  // Interval tables' integer columns as read (int32), however they are stored (rowColumns.ts).
  return { ...content, intervals: content.intervals.map(asReadColumns) };
}
