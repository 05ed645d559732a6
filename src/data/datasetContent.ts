/**
 * What a dataset's fingerprint is a hash of (src/domain/fingerprint.ts): the loaded model's
 * content, typed arrays as they are (hashed from their bytes, never copied), whatever file form or
 * key order it was read from. Saved views are left out: they are ways of looking at the data, and
 * adding one to a project must not make its earlier pictures fail verification.
 */
import type { Model } from './model';

export function datasetContent(model: Model): unknown {
  const { views: _views, ...content } = model;
  return content;
}
