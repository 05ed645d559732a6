/**
 * The loading worker's second message: the picking indexes and the vein search grids, built after
 * the dataset was sent so the first picture does not wait for them. Until they arrive, the picker
 * does not prebuild its indexes and intercept widths wait for the grids (rather than build them
 * on the page, seconds of main-thread work at a million intervals).
 */
import type { WorkerResponse } from './worker-protocol';
import { adoptPickIndex, expectPickIndex } from '../domain/pickIndex';
import { adoptVeinGrids, expectVeinGrids, settleGrids } from '../domain/veinOrientation';
import { adoptLoaderFingerprint, expectLoaderFingerprint } from './loaderFingerprint';

type Done = Extract<WorkerResponse, { type: 'done' }>;
type Extras = Extract<WorkerResponse, { type: 'extras' }>;

/** Called on `done`, before the dataset reaches the store: what is on its way. */
export function expectExtras(done: Done, grids: boolean): void {
  expectPickIndex(done.prepared.intervals);
  expectPickIndex(done.prepared.traces);
  if (grids) expectVeinGrids(done.model);
  expectLoaderFingerprint(done.model);
}

/** Use what the worker built; what it could not build (null) is built on the page when needed. */
export function adoptExtras(done: Done, extras: Extras): void {
  adoptPickIndex(done.prepared.intervals, extras.pickIndexes.intervals);
  adoptPickIndex(done.prepared.traces, extras.pickIndexes.traces);
  if (extras.veinGrids) adoptVeinGrids(done.model, extras.veinGrids);
  else settleGrids(done.model);
  adoptLoaderFingerprint(done.model, extras.fingerprint ?? null);
}
