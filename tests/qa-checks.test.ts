/**
 * Data-QA checks against hand-made holes whose problems are known by construction: the overlap,
 * duplicate and overrun lengths, the dog-leg angle and the crossing distance are computed by hand
 * in the comments, not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { desurvey } from '../src/domain/desurvey';
import { drain } from '../src/domain/sliced';
import { intervalProblems } from '../src/domain/qa/intervalChecks';
import { doglegAngle, doglegProblems } from '../src/domain/qa/doglegs';
import { crossingProblems } from '../src/domain/qa/crossings';
import { collarProblems } from '../src/domain/qa/checks';

describe('interval checks', () => {
  const holes = [{ id: 'A', depth: 100 }, { id: 'B', depth: 50 }];
  // A: 0-2, 1.5-3 (overlaps by 0.5 m), 3-4 twice (duplicate), 98-102 (2 m past 100 m); B: clean.
  const table = {
    id: 'assay',
    hole: Int32Array.from([0, 0, 0, 0, 1, 0, 1]),
    from: Float64Array.from([0, 1.5, 3, 3, 0, 98, 1]),
    to: Float64Array.from([2, 3, 4, 4, 1, 102, 2]),
  };
  const problems = drain(intervalProblems([table], holes));

  it('finds the overlap with its length', () => {
    const o = problems.filter((p) => p.kind === 'overlap');
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({ holeId: 'A', from: 1.5, to: 3, row: 1 });
    expect(o[0].message).toMatch(/overlaps 0 m–2 m in assay by 0\.5 m/);
  });
  it('finds the duplicate sample, once', () => {
    const d = problems.filter((p) => p.kind === 'duplicate');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ holeId: 'A', from: 3, to: 4 });
  });
  it('finds the interval past the final depth and by how much', () => {
    const b = problems.filter((p) => p.kind === 'beyond-hole');
    expect(b).toHaveLength(1);
    expect(b[0].message).toMatch(/ends 2 m past the final depth 100 m/);
  });
  it('reports nothing on a clean hole', () => {
    expect(problems.filter((p) => p.holeId === 'B')).toHaveLength(0);
  });
  it('finds an overlap with an earlier long interval, not only the previous row', () => {
    // 0-10 covers 2-3 and 5-6: both overlap it; 2-3 and 5-6 do not overlap each other.
    const t = { id: 't', hole: Int32Array.from([0, 0, 0]), from: Float64Array.from([0, 2, 5]), to: Float64Array.from([10, 3, 6]) };
    const p = drain(intervalProblems([t], [{ id: 'A', depth: 20 }]));
    expect(p.filter((x) => x.kind === 'overlap').map((x) => x.from)).toEqual([2, 5]);
  });
});

describe('dog-legs', () => {
  it('measures the angle between two survey directions', () => {
    expect(doglegAngle(0, -60, 0, -50)).toBeCloseTo(10, 9); // same azimuth: the dip difference
    expect(doglegAngle(10, 0, 100, 0)).toBeCloseTo(90, 9); // horizontal, azimuths 90° apart
    expect(doglegAngle(0, -90, 180, -90)).toBeCloseTo(0, 6); // vertical: azimuth means nothing
  });
  it('reports a severity over the threshold in degrees per 30 m', () => {
    const hole = { id: 'D1', stations: [{ depth: 0, azimuth: 0, dip: -60 }, { depth: 30, azimuth: 0, dip: -50 }, { depth: 90, azimuth: 0, dip: -48 }] };
    const p = drain(doglegProblems([hole], 5));
    // 10° over 30 m = 10°/30 m (> 5); 2° over 60 m = 1°/30 m (not reported).
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ holeId: 'D1', from: 0, to: 30 });
    expect(p[0].message).toMatch(/10\.0°\/30 m/);
  });
});

describe('crossing holes', () => {
  const path = (id: string, collar: [number, number, number], azimuth: number, dip: number, depth: number) =>
    desurvey({ holeId: id, collar, depth, stations: [{ depth: 0, azimuth, dip }] }).path;

  it('finds two holes passing 0.6 m apart, at the right depths', () => {
    // A: vertical from (0,0,0). B: horizontal east from (-50, 0.6, -40): it passes A's line
    // 0.6 m away, at 40 m down A and 50 m along B.
    const paths = [path('A', [0, 0, 0], 0, -90, 100), path('B', [-50, 0.6, -40], 90, 0, 100)];
    const p = drain(crossingProblems(paths, ['A', 'B'], 1));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ holeId: 'A', otherHoleId: 'B' });
    expect(p[0].depth!).toBeCloseTo(40, 6);
    expect(p[0].otherDepth!).toBeCloseTo(50, 6);
    expect(p[0].message).toMatch(/passes 0\.60 m from B/);
  });
  it('does not report holes 1.2 m apart with a 1 m tolerance', () => {
    const paths = [path('A', [0, 0, 0], 0, -90, 100), path('B', [-50, 1.2, -40], 90, 0, 100)];
    expect(drain(crossingProblems(paths, ['A', 'B'], 1))).toHaveLength(0);
  });
  it('leaves a fan from one collar alone, but not holes that stay together deep', () => {
    // 5° apart from one collar: 1 m apart at 11.5 m, within FAN_DEPTH (30 m): by design.
    const fan = [path('A', [0, 0, 0], 0, -90, 100), path('F', [0, 0, 0], 0, -85, 100)];
    expect(drain(crossingProblems(fan, ['A', 'F'], 1))).toHaveLength(0);
    // 0.5° apart: 0.35 m apart at 40 m, still within a metre at 100 m: one hole drilled twice?
    const twin = [path('A', [0, 0, 0], 0, -90, 100), path('T', [0, 0, 0], 0, -89.5, 100)];
    const p = drain(crossingProblems(twin, ['A', 'T'], 1));
    expect(p).toHaveLength(1);
    expect(Math.min(p[0].depth!, p[0].otherDepth!)).toBeGreaterThanOrEqual(30);
  });
});

describe('collars against the topography', () => {
  it('reports a surface collar 12 m above a flat topography at 300 m, not one at 302 m', () => {
    const model = {
      zones: [{ id: 'topo', name: 'Topography', kind: 'topography' as const }],
      surfaces: [{ id: 's', zoneId: 'topo', vertices: Float64Array.from([-100, -100, 300, 100, -100, 300, 100, 100, 300, -100, 100, 300]), triangles: Uint32Array.from([0, 1, 2, 0, 2, 3]) }],
      holes: [{ id: 'H1', collar: [0, 0, 312] }, { id: 'H2', collar: [10, 10, 302] }],
    };
    const p = collarProblems(model as never, 5);
    expect(p.map((x) => x.holeId)).toEqual(['H1']);
    expect(p[0].message).toMatch(/12\.0 m above/);
  });
});

describe('framing a problem', () => {
  it('looks across two crossing holes, from above, with both around the approach in view', async () => {
    const { problemFrame } = await import('../src/domain/qa/frame');
    const A = desurvey({ holeId: 'A', collar: [0, 0, 0], depth: 100, stations: [{ depth: 0, azimuth: 0, dip: -90 }] }).path;
    const B = desurvey({ holeId: 'B', collar: [-50, 0.6, -40], depth: 100, stations: [{ depth: 0, azimuth: 90, dip: 0 }] }).path;
    const f = problemFrame({ kind: 'crossing', severity: 'warning', message: '', hole: 0, holeId: 'A', depth: 40, otherHoleId: 'B', otherDepth: 50 }, [A, B], new Map([['A', 0], ['B', 1]]))!;
    // A is vertical, B runs east: across both is north-south, level; the sign keeps z ≥ 0.
    expect(Math.abs(f.direction[1])).toBeCloseTo(1, 9);
    expect(f.target[2]).toBeCloseTo(-40, 9);
    const zs = f.points.map((p) => p[2]);
    expect(Math.min(...zs)).toBeCloseTo(-80, 6); // A from 0 m to 80 m down
    const xs = f.points.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(-40, 6); // B from 10 m to 90 m along: x from -40 to 40
    expect(Math.max(...xs)).toBeCloseTo(40, 6);
  });
});
