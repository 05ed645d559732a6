/**
 * Every data-QA check on a loaded model, as one step generator: interval checks, survey dog-legs,
 * crossing holes and collars against the topography. The thresholds are the panel's options.
 * No react/three/zustand.
 */
import { say } from '../message';
import type { Model } from '../../data/model';
import type { HolePath } from '../desurvey';
import { collarMisfits } from '../topography';
import { crossingProblems, piecesIn } from './crossings';
import { doglegProblems } from './doglegs';
import { intervalProblems } from './intervalChecks';
import type { Problem, QaOptions } from './types';

export function* qaChecks(model: Model, paths: readonly HolePath[], options: QaOptions): Generator<void, Problem[]> {
  const out: Problem[] = [];
  out.push(...(yield* intervalProblems(model.intervals, model.holes)));
  out.push(...(yield* doglegProblems(model.holes, options.doglegThreshold)));
  out.push(...(yield* crossingProblems(paths, model.holes.map((h) => h.id), options.crossingTolerance)));
  out.push(...collarProblems(model, options.collarTolerance));
  return out;
}

/**
 * Pieces of hole the crossing check compares above which the checks wait to be asked: about a
 * second of slices on a 2-core laptop; 10,000 holes of 600 m (1.2 M pieces) take several.
 */
export const AUTO_CHECK_PIECES = 250_000;

/** Whether the checks are cheap enough to run unasked after a load. */
export function qaCheapEnough(paths: readonly HolePath[]): boolean {
  let n = 0;
  for (const p of paths) n += piecesIn(p);
  return n <= AUTO_CHECK_PIECES;
}

/** Surface holes whose collar is off the topography surfaces (zones of kind 'topography'). */
export function collarProblems(model: Pick<Model, 'zones' | 'surfaces' | 'holes'>, tolerance: number): Problem[] {
  const topo = new Set(model.zones.filter((z) => z.kind === 'topography').map((z) => z.id));
  const surfaces = model.surfaces.filter((s) => s.zoneId && topo.has(s.zoneId));
  if (surfaces.length === 0) return [];
  const index = new Map(model.holes.map((h, i) => [h.id, i]));
  return collarMisfits(model.holes, surfaces, tolerance).misfits.map((m) => {
    const hi = index.get(m.holeId)!;
    const d = m.difference;
    return {
      kind: 'collar-topography', severity: 'warning', holeId: m.holeId, hole: hi, depth: 0,
      ...say(d > 0 ? 'qa.collarAbove' : 'qa.collarBelow', { id: m.holeId, distance: Math.abs(d), tolerance }),
    } satisfies Problem;
  });
}
