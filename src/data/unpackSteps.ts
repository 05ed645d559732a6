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
  const texts = new Texts();
  const paths = new Array<HolePath>(pp.holeIds.length);
  for (let i0 = 0; i0 < paths.length; i0 += UNPACK_HOLES) {
    const i1 = Math.min(paths.length, i0 + UNPACK_HOLES);
    // The offsets are absolute, so a range of them unpacks that range of holes.
    const offsets = pp.offsets.subarray(i0, i1 + 1);
    unpackPaths({ ...pp, holeIds: pp.holeIds.slice(i0, i1), methods: pp.methods.slice(i0, i1), offsets }).forEach((p, k) => {
      const i = i0 + k;
      // Its hole's own id string (the same text), and one method string for all.
      if (holes[i]?.id === p.holeId) p.holeId = holes[i].id;
      p.method = texts.one(p.method);
      paths[i] = p;
    });
    yield;
  }
  m.prepared.paths = paths;
  for (let i0 = 0; i0 < holes.length; i0 += UNPACK_HOLES) {
    const i1 = Math.min(holes.length, i0 + UNPACK_HOLES);
    const run = holes.slice(i0, i1);
    for (const h of run) {
      // Only where the record has the text: a key added would change the record's shape.
      if (typeof h.program === 'string') h.program = texts.one(h.program);
      if (typeof h.type === 'string') h.type = texts.one(h.type);
      if (typeof h.status === 'string') h.status = texts.one(h.status);
      if (typeof h.release === 'string') h.release = texts.one(h.release);
    }
    unpackStations(run, { offsets: m.stations.offsets.subarray(i0, i1 + 1), values: m.stations.values });
    yield;
  }
}

/**
 * One string per distinct text. A structured clone makes a new string for every occurrence: each
 * of 100,000 holes came with its own copies of its programme, type, status and release, and its
 * path with its own copy of the hole's id and of the method (about 1.2 M strings, 15 MB of the
 * page's heap at 100,000 holes, Session 17). The records keep their properties and shape; only the
 * strings they point to are shared.
 */
class Texts {
  private seen = new Map<string, string>();

  one<T extends string>(s: T): T {
    const hit = this.seen.get(s);
    if (hit !== undefined) return hit as T;
    this.seen.set(s, s);
    return s;
  }
}
