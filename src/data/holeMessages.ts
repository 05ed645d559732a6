/**
 * The model's holes on their way from the loading worker to the page, as messages of their own
 * ahead of `done`. A message is deserialised in one main-thread task on the page: with the holes
 * in `done`, 100,000 hole records (about 20 MB of small objects, strings and arrays) made it a
 * task of 0.15-0.27 s. In runs of `HOLES_PER_MESSAGE` each message is a task of a few tens of ms.
 */
import type { HoleModel } from './model';

/** Holes per message: about 2 MB of their structured clone, 10-30 ms to deserialise on the page. */
export const HOLES_PER_MESSAGE = 10_000;

/** The holes in runs of `per`, in order; stations left out (they travel flat: pathTransfer.ts). */
export function holeRuns(holes: readonly HoleModel[], per = HOLES_PER_MESSAGE): HoleModel[][] {
  const runs: HoleModel[][] = [];
  for (let i = 0; i < holes.length; i += per) runs.push(holes.slice(i, i + per).map((h) => ({ ...h, stations: [] })));
  return runs;
}

/** The runs received, back as one list in order. */
export function joinHoleRuns(runs: readonly HoleModel[][]): HoleModel[] {
  const holes: HoleModel[] = [];
  for (const run of runs) for (const h of run) holes.push(h);
  return holes;
}
