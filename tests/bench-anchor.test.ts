/**
 * The benchmark's anchor page (scripts/bench/anchor/) must draw as many triangles as the app for the
 * same file, so that "ready() as a multiple of the anchor" compares like with like (issue 22), and
 * the progress figure must find the longest wait the user has between two progress updates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the benchmark (no types)
import { build } from '../scripts/bench/anchor/geometry.js';
// @ts-expect-error plain JavaScript module of the benchmark (no types)
import { longestProgressGap } from '../scripts/bench/progress.mjs';
import { importCsv } from '../src/data/csv/index';
import { validateDeposit } from '../src/data/load';
import { prepare } from '../src/domain/prepare';

/** Interval segments the app draws a second time, over the surfaces: at or above the 1 g/t intercept cut-off. */
const onTop = (values: ArrayLike<number>) => Array.from(values).filter((v) => v >= 1).length;

const FORRESTANIA = fileURLToPath(new URL('../../shared/data/external/forrestania/', import.meta.url));

describe('the anchor page draws the same triangles as the app', () => {
  it('counts ribbons by hand on a small deposit: intervals cut at stations, high grades twice, traces in 10 m pieces in the gaps, workings, surfaces', () => {
    const doc = {
      holes: [{ id: 'H1', collar: [1000, 2000, 300], depth: 100, surveys: [{ depth: 0, azimuth: 0, dip: -90 }, { depth: 50, azimuth: 0, dip: -90 }, { depth: 100, azimuth: 0, dip: -90 }] }],
      intervals: [{ id: 'assays', columns: [{ name: 'Au', type: 'numeric' }], data: { hole: ['H1', 'H1'], from: [10, 60], to: [60, 70], Au: [0.5, 2] } }],
      surfaces: [{ id: 's', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0], triangles: [0, 1, 2, 2, 1, 3] }],
      workings: [{ id: 'w', path: [[0, 0, 0], [10, 0, 0], [10, 10, 0]] }],
    };
    const g = build(doc);
    // Intervals: 10-50 and 50-60 (cut at the 50 m station), 60-70, and 60-70 again over the
    // surfaces (2 g/t, at or above the 1 g/t cut-off): 4. Traces: 0-10 (1 piece); 70-100 cut at
    // 80 and 90 (10 m pieces between the 50 and 100 m stations): 3. Workings: 2.
    expect(g.quads).toBe(4 + 1 + 3 + 2);
    expect(g.surfaceTriangles).toBe(2);
    expect(g.index.length / 3).toBe(2 + 2 * 10);
  });

  it('draws exactly as many hole ribbons as the app for the 100 real holes (forrestania, no faults)', () => {
    const files = ['collar.csv', 'survey.csv', 'assay.csv'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FORRESTANIA, name))) }));
    const doc = JSON.parse(JSON.stringify(importCsv(files).document));
    const { model } = validateDeposit(doc, 'forrestania.json');
    const p = prepare(model!);
    expect(build(doc).quads).toBe(p.intervals.count + p.traces.count + onTop(p.intervals.value));
  });

  it("draws the sample's surfaces and ribbons within 1 % of the app's (its faults cut a few intervals in two)", () => {
    const doc = JSON.parse(readFileSync('data/rocmec1.json', 'utf8'));
    const { model } = validateDeposit(doc, 'rocmec1.json');
    const p = prepare(model!);
    const app = 2 * (p.intervals.count + onTop(p.intervals.value) + p.traces.count + p.workings.count + p.resources.count) + p.surfaces.reduce((n, s) => n + s.indices.length / 3, 0);
    const g = build(doc);
    const anchor = g.index.length / 3;
    expect(Math.abs(anchor - app) / app).toBeLessThan(0.01);
  });
});

describe('the longest wait between progress updates', () => {
  it('includes the wait before the first update and after the last', () => {
    const progress = [{ t: 300 }, { t: 400 }, { t: 1500 }, { t: 1600 }];
    expect(longestProgressGap(progress, 0, 1700)).toMatchObject({ ms: 1100, from: 400, to: 1500, updates: 4 });
    expect(longestProgressGap(progress, 0, 4000)).toMatchObject({ ms: 2400, from: 1600, to: 4000 });
    expect(longestProgressGap([], 100, 900)).toMatchObject({ ms: 800, from: 100, to: 900, updates: 0 });
  });

  it('ignores updates outside the load (before the file was chosen, after ready)', () => {
    expect(longestProgressGap([{ t: 50 }, { t: 600 }, { t: 5000 }], 500, 1000)).toMatchObject({ ms: 400, from: 600, to: 1000, updates: 1 });
  });
});
