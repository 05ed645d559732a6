import { describe, expect, it } from 'vitest';
import type { HolePath } from '../src/domain/desurvey';
import { drain } from '../src/domain/sliced';
import { packPaths, packStations, unpackPaths } from '../src/data/pathTransfer';
import { unpackSteps } from '../src/data/unpackSteps';

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
      points: depths.map((d) => [i, d, -d] as [number, number, number]),
      directions: depths.map(() => [0, 0, -1] as [number, number, number]),
    });
    holes.push({ stations: depths.map((d) => ({ depth: d, azimuth: i % 360, dip: -60 })) });
  }
  return { paths, holes };
}

describe('unpackSteps', () => {
  it('rebuilds every hole path and survey station, in several steps', () => {
    const { paths, holes } = sample(1234);
    const packedStations = packStations(holes);
    const emptied = holes.map(() => ({ stations: [] as typeof holes[number]['stations'] }));
    const m = { paths: packPaths(paths), stations: packedStations, model: { holes: emptied }, prepared: { paths: [] as HolePath[] } };
    const steps = unpackSteps(m as unknown as Parameters<typeof unpackSteps>[0]);
    let count = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) count++;
    expect(count).toBeGreaterThan(2);
    expect(m.prepared.paths).toEqual(paths);
    expect(m.prepared.paths).toEqual(unpackPaths(packPaths(paths)));
    expect(emptied).toEqual(holes);
  });

  it('handles a dataset without holes', () => {
    const m = { paths: packPaths([]), stations: packStations([]), model: { holes: [] }, prepared: { paths: [] as HolePath[] } };
    drain(unpackSteps(m as unknown as Parameters<typeof unpackSteps>[0]));
    expect(m.prepared.paths).toEqual([]);
  });
});
