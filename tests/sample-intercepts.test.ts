/**
 * The intercept calculator on the committed sample, data/rocmec1.json: it must reproduce the
 * disclosed McDowell figure (6.07 g/t Au capped at 45 g/t, over 0.82 m horizontal width) from its
 * own output, and be fast on the whole 24k-sample table.
 *
 * How the figure is defined (tests/sample-figures.test.ts): one intercept per McDowell vein
 * crossing, each crossing being one assay sample logged with a McDowell zone; horizontal width from
 * the nearest triangle of that zone's surface; mean HW arithmetic; grade the HW-weighted mean of
 * the grades capped at 45 g/t.
 *
 * Why these calculator options give exactly those per-crossing intercepts:
 * - A cut-off alone cannot isolate the crossings: McDowell samples go down to 0.06 g/t while the
 *   wall-rock samples touching them reach 4 g/t, so any cut-off low enough to keep every crossing
 *   also merges it with its neighbours. Instead:
 * - `domain: 'zone'` breaks composites at every change of the logged zone, and no two McDowell
 *   samples touch in this sample, so a crossing can only composite with itself;
 * - `cutoff: 0` makes every assayed sample ≥ cut-off, so every crossing is kept whatever its grade
 *   (dilution never comes into play, `maxDilution: 0` also makes any gap break);
 * - `minLength: 0` keeps the narrowest veins (down to 0.05 m);
 * - `topCut: 45` is the disclosed capping;
 * - intercepts are then those whose zoneId (the logged vein zone, rule 9 of intercepts.ts) is one of
 *   the McDowell system's vein zones; their widths come from the nearest triangle of that zone at the
 *   mid depth (rule 10), the figure's definition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { computeIntercepts, interceptsToCsv } from '../src/domain/intercepts';
import { holePaths } from '../src/domain/prepare';
import { buildVeinOrienter } from '../src/domain/veinOrientation';
import { positionAtDepth } from '../src/domain/desurvey';

const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
if (!model) throw new Error('data/rocmec1.json did not load');
const paths = holePaths(model, 'minimum-curvature', []);
/** Fastest of a few runs, in ms, so a busy machine does not fail the timing checks. */
function fastest<T>(f: () => T, runs = 3): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}
const within = (value: number, target: number, rel: number) => Math.abs(value / target - 1) <= rel;
const mcdZones = new Set(model.zones.filter((z) => z.kind === 'vein' && z.system === 'McDowell').map((z) => z.id));
const assays = model.intervals.find((t) => t.id === 'assays')!;

describe('computeIntercepts on data/rocmec1.json', () => {
  it('reproduces the McDowell figure: 6.07 g/t Au capped at 45 g/t over 0.82 m horizontal width', () => {
    const all = computeIntercepts(model, paths, { cutoff: 0, minLength: 0, maxDilution: 0, topCut: 45, domain: 'zone' });
    const mcd = all.filter((x) => x.zoneId !== null && mcdZones.has(x.zoneId));

    // One intercept per McDowell-logged sample, each a single sample on its vein surface.
    const zone = assays.categorical.zone;
    const logged = zone.codes.filter((c) => c >= 0 && mcdZones.has(zone.categories[c])).length;
    expect(logged).toBeGreaterThan(100);
    expect(mcd).toHaveLength(logged);
    for (const x of mcd) {
      expect(x.rows).toHaveLength(1);
      expect(x.horizontalWidth).not.toBeNull();
      expect(x.vein!.zoneId).toBe(x.zoneId);
      expect(x.vein!.distance).toBeLessThan(0.05);
    }

    const hw = mcd.map((x) => x.horizontalWidth!);
    const sumHw = hw.reduce((s, w) => s + w, 0);
    const meanHw = sumHw / hw.length;
    const grade = mcd.reduce((s, x) => s + x.horizontalWidth! * x.grade, 0) / sumHw;
    expect(within(meanHw, 0.82, 0.01), `mean HW ${meanHw}`).toBe(true);
    expect(within(grade, 6.07, 0.01), `HW-weighted capped grade ${grade}`).toBe(true);
    // Capping matters: some crossings are above 45 g/t and are reported at 45.
    const capped = mcd.filter((x) => x.gradeUncapped > 45);
    expect(capped.length).toBeGreaterThanOrEqual(3);
    expect(capped.every((x) => x.grade === 45)).toBe(true);
    expect(mcd[0].label).toMatch(/^\d+\.\d\d g\/t Au over \d+\.\d\d m \(HW\)$/);
  });

  it('typical settings on the whole table run well under a second', () => {
    // Timed with the vein orienter built from scratch each run.
    const { ms, value: xs } = fastest(() =>
      computeIntercepts(model, paths, { cutoff: 1, minLength: 0.5, maxDilution: 1, topCut: 45, includeCutoff: 10 }, buildVeinOrienter(model)),
    );
    expect(assays.hole.length).toBeGreaterThan(20000);
    expect(ms).toBeLessThan(1000);
    expect(xs.length).toBeGreaterThan(100);
    expect(xs.some((x) => x.including.length > 0)).toBe(true);
    for (const x of xs) {
      expect(x.grade).toBeGreaterThanOrEqual(1);
      expect(x.coreLength).toBeGreaterThanOrEqual(0.5 - 1e-9);
      expect(Number.isFinite(x.grade) && Number.isFinite(x.gramMetres)).toBe(true);
    }
    expect(interceptsToCsv(xs, 'g/t').split('\r\n')).toHaveLength(xs.length + 2);
  });

  it('25k vein-orientation queries run well under a second', () => {
    const orient = buildVeinOrienter(model);
    const pts = Array.from({ length: Math.min(25000, assays.hole.length) }, (_, r) =>
      positionAtDepth(paths[assays.hole[r]], (assays.from[r] + assays.to[r]) / 2),
    );
    const { ms, value: found } = fastest(() => pts.reduce((n, p) => n + (orient.nearest(p) ? 1 : 0), 0));
    expect(ms).toBeLessThan(1000);
    expect(found).toBeGreaterThan(0);
  });
});
