import { describe, expect, it } from 'vitest';
import type { HolePath } from '../src/domain/desurvey';
import { drain } from '../src/domain/sliced';
import { packPaths, packStations, unpackPaths } from '../src/data/pathTransfer';
import { unpackSteps } from '../src/data/unpackSteps';
import { holeRuns, joinHoleRuns } from '../src/data/holeMessages';
import type { HoleModel } from '../src/data/model';

/** Holes with 0 to 6 stations each, more holes than one step unpacks. */
function sample(n: number) {
  const paths: HolePath[] = [];
  const holes: { stations: { depth: number; azimuth: number; dip: number }[] }[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 7;
    const depths = Array.from({ length: k }, (_, j) => j * 10);
    paths.push({
      holeId: `H${i}`,
      method: 'minimum-curvature',
      depths,
      points: Float64Array.from(depths.flatMap((d) => [i, d, -d])),
      directions: Float64Array.from(depths.flatMap(() => [0, 0, -1])),
    });
    holes.push({ stations: depths.map((d) => ({ depth: d, azimuth: i % 360, dip: -60 })) });
  }
  return { paths, holes };
}

describe('unpackSteps', () => {
  it('rebuilds every hole path and survey station, in several steps', () => {
    const { paths, holes } = sample(1234);
    const packedStations = packStations(holes);
    // As holeRuns sends them: no stations, nor the key.
    const emptied = holes.map(() => ({}) as typeof holes[number]);
    const m = { paths: packPaths(paths), stations: packedStations, model: { holes: emptied }, prepared: { paths: [] as HolePath[] } };
    const steps = unpackSteps(m as unknown as Parameters<typeof unpackSteps>[0]);
    let count = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) count++;
    expect(count).toBeGreaterThan(2);
    expect(m.prepared.paths).toEqual(paths);
    expect(m.prepared.paths).toEqual(unpackPaths(packPaths(paths)));
    expect(emptied).toEqual(holes);
  });

  it('shares the texts of the records without changing a key or a value (structured clones, as sent)', () => {
    const { paths } = sample(600);
    const records = paths.map((p, i) => ({ id: p.holeId, program: i % 3 ? 'RC' : 'DD', type: 'surface', status: i % 5 ? 'drilled' : 'planned', ...(i % 2 ? { release: 'NR-7' } : {}) }));
    const sent = structuredClone(records);
    const m = { paths: structuredClone(packPaths(paths)), stations: packStations(records.map(() => ({ stations: [] }))), model: { holes: sent }, prepared: { paths: [] as HolePath[] } };
    drain(unpackSteps(m as unknown as Parameters<typeof unpackSteps>[0]));
    // The same keys in the same order (stations added last), the same values; each path names its hole.
    sent.forEach((h, i) => {
      expect(Object.keys(h)).toEqual([...Object.keys(records[i]), 'stations']);
      expect({ ...h, stations: undefined }).toEqual({ ...records[i], stations: undefined });
    });
    expect(m.prepared.paths.map((p) => p.holeId)).toEqual(records.map((h) => h.id));
    expect(m.prepared.paths).toEqual(paths);
  });

  it('handles a dataset without holes', () => {
    const m = { paths: packPaths([]), stations: packStations([]), model: { holes: [] }, prepared: { paths: [] as HolePath[] } };
    drain(unpackSteps(m as unknown as Parameters<typeof unpackSteps>[0]));
    expect(m.prepared.paths).toEqual([]);
  });
});

// At 100,000 holes, the holes in the `done` message made its deserialisation one task of
// 0.15-0.27 s on the page: they now come ahead of it, a run per message (holeMessages.ts).
describe('holes sent in runs', () => {
  it('20,001 holes go in three messages of at most 10,000, and come back whole and in order', () => {
    const holes: HoleModel[] = Array.from({ length: 20_001 }, (_, i) => ({
      id: `H${i}`,
      collar: [1000 + i, 2000, 300],
      depth: 100 + (i % 50),
      stations: [{ depth: 0, azimuth: i % 360, dip: -60 }],
      program: i % 2 ? 'RC' : 'DD',
      type: 'surface',
      status: 'drilled',
    }));
    // Each run as the page receives it: a structured clone, as a message is.
    const runs = holeRuns(holes).map((run) => structuredClone(run));
    expect(runs.map((r) => r.length)).toEqual([10_000, 10_000, 1]);
    const back = joinHoleRuns(runs);
    expect(back).toHaveLength(20_001);
    expect([back[0].id, back[10_000].id, back[20_000].id]).toEqual(['H0', 'H10000', 'H20000']);
    const { stations: _, ...sent } = holes[20_000];
    expect(back[20_000]).toEqual(sent);
    // Stations travel flat (packStations), not with the holes, nor their key; the worker's holes keep theirs.
    expect(back.every((h) => !('stations' in h))).toBe(true);
    expect(holes[7].stations).toHaveLength(1);
  });
});
