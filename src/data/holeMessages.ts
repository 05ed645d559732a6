/**
 * The model's holes on their way from the loading worker to the page, as messages of their own
 * ahead of `done`. A message is deserialised in one main-thread task on the page: with the holes
 * in `done`, 100,000 hole records (about 20 MB of small objects, strings and arrays) made it a
 * task of 0.15-0.27 s. In runs of `HOLES_PER_MESSAGE` each message is a task of a few tens of ms.
 */
import type { HoleModel } from './model';

/** Holes per message: about 2 MB of their structured clone, 10-30 ms to deserialise on the page. */
export const HOLES_PER_MESSAGE = 10_000;

/**
 * The holes in runs of `per`, in order; stations left out, the key too (they travel flat and the
 * page adds them back: pathTransfer.ts unpackStations). A record whose `stations` data property is
 * made an accessor in place goes to V8's dictionary mode: about 420 bytes of properties a hole,
 * 42 MB of the page's heap at 100,000 holes (Session 17); one given the accessor as a new, last
 * property stays a fast object sharing its shape with the others.
 */
export function holeRuns(holes: readonly HoleModel[], per = HOLES_PER_MESSAGE): HoleModel[][] {
  const runs: HoleModel[][] = [];
  for (let i = 0; i < holes.length; i += per) runs.push(holes.slice(i, i + per).map(withoutStations));
  return runs;
}

/** The record without its `stations` key (typed as a hole: the page puts them back before anything reads them). */
function withoutStations(h: HoleModel): HoleModel {
  const { stations: _, ...rest } = h;
  return rest as HoleModel;
}

/** The runs received, back as one list in order. */
export function joinHoleRuns(runs: readonly HoleModel[][]): HoleModel[] {
  const holes: HoleModel[] = [];
  for (const run of runs) for (const h of run) holes.push(h);
  return holes;
}
