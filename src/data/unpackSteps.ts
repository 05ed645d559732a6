/**
 * The worker's result back in the form the page uses, in steps (see domain/sliced.ts): hole paths
 * and survey stations travel as flat arrays (pathTransfer.ts) and are rebuilt as small objects.
 */
import type { HolePath } from '../domain/desurvey';
import { unpackPaths, unpackStations } from './pathTransfer';
import type { WorkerResponse } from './worker-protocol';

/** Holes unpacked per step (about 2-5 ms each at 10,000 holes on a 2-core machine). */
const UNPACK_HOLES = 250;

/**
 * Hole paths and survey stations back in object form, a few hundred holes per step, in slices of
 * their own tasks. The result message's task has already deserialised about 100 MB at 10,000
 * holes x 100 intervals; unpacking all at once added 100 ms there, and as many small arrays again
 * for the garbage collector to move in one go.
 */
export function* unpackSteps(m: Pick<Extract<WorkerResponse, { type: 'done' }>, 'paths' | 'stations' | 'model' | 'prepared'>): Generator<void, void> {
  const pp = m.paths;
  const holes = m.model.holes;
  const paths = new Array<HolePath>(pp.holeIds.length);
  for (let i0 = 0; i0 < paths.length; i0 += UNPACK_HOLES) {
    const i1 = Math.min(paths.length, i0 + UNPACK_HOLES);
    // The offsets are absolute, so a range of them unpacks that range of holes.
    const offsets = pp.offsets.subarray(i0, i1 + 1);
    unpackPaths({ ...pp, holeIds: pp.holeIds.slice(i0, i1), methods: pp.methods.slice(i0, i1), offsets }).forEach((p, k) => (paths[i0 + k] = p));
    yield;
  }
  m.prepared.paths = paths;
  for (let i0 = 0; i0 < holes.length; i0 += UNPACK_HOLES) {
    const i1 = Math.min(holes.length, i0 + UNPACK_HOLES);
    unpackStations(holes.slice(i0, i1), { offsets: m.stations.offsets.subarray(i0, i1 + 1), values: m.stations.values });
    yield;
  }
}
