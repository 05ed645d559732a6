import { describe, expect, it } from 'vitest';
import { loadDepositText } from '../data/load';
import { computeIntercepts } from './intercepts';
import { interceptDerivation } from './interceptDerivation';
import { holePaths } from './prepare';
import { interceptSamplesToCsv } from './interceptSamplesCsv';

// A vertical hole from z = 100 through a vein plane dipping 60° east (z = -tan 60° · (x - 1000)),
// pierced at 100 m down the hole. Its assays around the vein: a missing assay, a below-detection
// value ("<0.02", kept as 0.01), a gap with no row (99-99.5), a 60 g/t sample capped at 45, and a
// sample below cut-off inside.
const t = Math.tan(Math.PI / 3);
const doc = {
  format: 'veinscape',
  schemaVersion: 1,
  project: { name: 'derivation', crs: { name: 'local' } },
  zones: [{ id: 'v1', name: 'Vein', color: '#d4a017', kind: 'vein' }],
  surfaces: [{ id: 'v1-s', zone: 'v1', vertices: [900, 900, 100 * t, 1100, 900, -100 * t, 900, 1100, 100 * t, 1100, 1100, -100 * t], triangles: [0, 1, 2, 1, 3, 2] }],
  holes: [{ id: 'H1', collar: [1000, 1000, 100], depth: 200, azimuth: 0, dip: -90, program: 'p' }],
  intervals: [
    {
      id: 'assays',
      columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }],
      rows: [
        ['H1', 0, 97, 0.1],
        ['H1', 97, 98, 5],
        ['H1', 98, 98.5, null],
        ['H1', 98.5, 99, '<0.02'],
        ['H1', 99.5, 100.5, 60],
        ['H1', 100.5, 101, 0.4],
        ['H1', 101, 101.5, 3],
        ['H1', 101.5, 150, 0.1],
      ],
    },
  ],
};
const options = { cutoff: 1, minLength: 0.5, maxDilution: 2, topCut: 45, includeCutoff: null, widthBasis: 'horizontal' as const, unsampled: 'zero' as const };

describe('interceptDerivation', () => {
  const { model } = loadDepositText(JSON.stringify(doc), 'derivation.json');
  const paths = holePaths(model!, 'minimum-curvature', []);
  const [ic] = computeIntercepts(model!, paths, options);
  const d = interceptDerivation(model!, ic, options, 'minimum-curvature')!;

  it('lists every piece of core with its grade as assayed, as capped and how it was counted', () => {
    expect(ic.from).toBe(97);
    expect(ic.to).toBe(101.5);
    expect(d.samples.map((s) => [s.from, s.to, s.assayed, s.capped, s.countedAs])).toEqual([
      [97, 98, 5, 5, 'sample'],
      [98, 98.5, null, 0, 'missing'],
      [98.5, 99, 0.01, 0.01, 'belowDetection'],
      [99, 99.5, null, 0, 'gap'],
      [99.5, 100.5, 60, 45, 'sample'],
      [100.5, 101, 0.4, 0.4, 'dilution'],
      [101, 101.5, 3, 3, 'sample'],
    ]);
    expect(d.samples.map((s) => s.wasCapped)).toEqual([false, false, false, false, true, false, false]);
  });

  it("sums to the intercept's own figures, as worked by hand", () => {
    // 5×1 + 0×0.5 + 0.01×0.5 + 0×0.5 + 45×1 + 0.4×0.5 + 3×0.5 = 51.705 over 4.5 m
    expect(d.totalWeight).toBeCloseTo(4.5, 12);
    expect(d.cappedSum).toBeCloseTo(51.705, 12);
    expect(d.grade).toBeCloseTo(51.705 / 4.5, 12);
    expect(d.gradeUncapped).toBeCloseTo(66.705 / 4.5, 12);
    expect(d.grade).toBe(ic.grade);
    expect(d.gradeUncapped).toBe(ic.gradeUncapped);
    // Dilution 0.5 missing + 0.5 below detection + 0.5 gap + 0.5 below cut-off; longest run 98-99.5.
    expect(d.dilutionLength).toBeCloseTo(2, 12);
    expect(d.longestDilutionRun).toBeCloseTo(1.5, 12);
    expect(d.unsampledLength).toBeCloseTo(1, 12);
    expect(ic.unsampledLength).toBeCloseTo(1, 12);
    expect(d.cappedCount).toBe(1);
    expect(d.belowDetectionCount).toBe(1);
  });

  it('gives the widths and the vein orientation they used: TW = CL cos 60°, HW = TW / sin 60°', () => {
    expect(d.vein!.zoneId).toBe('v1');
    expect(d.vein!.dip).toBeCloseTo(60, 6);
    expect(d.vein!.dipDirection).toBeCloseTo(90, 6);
    expect(d.widths.coreLength).toBeCloseTo(4.5, 12);
    expect(d.widths.trueWidth).toBeCloseTo(2.25, 6);
    expect(d.widths.horizontalWidth).toBeCloseTo(2.25 / Math.sin(Math.PI / 3), 6);
    expect(d.widthKind).toBe('horizontal');
    expect(d.gramMetres).toBeCloseTo((51.705 / 4.5) * (2.25 / Math.sin(Math.PI / 3)), 6);
    expect(d.gramMetres).toBe(ic.gramMetres);
  });

  it('carries the settings it was made with', () => {
    expect(d.parameters).toEqual({
      table: 'assays', column: 'Au', unit: 'g/t', cutoff: 1, topCut: 45, minLength: 0.5, maxDilution: 2, includeCutoff: null,
      widthBasis: 'horizontal', unsampled: 'zero', domain: null, desurveyMethod: 'minimum-curvature',
    });
  });
});

describe('interceptSamplesToCsv', () => {
  it('writes each piece of each intercept with a decimal point and the counting code', () => {
    const { model } = loadDepositText(JSON.stringify(doc), 'derivation.json');
    const [ic] = computeIntercepts(model!, holePaths(model!, 'minimum-curvature', []), options);
    const csv = interceptSamplesToCsv([interceptDerivation(model!, ic, options, 'minimum-curvature')], 'g/t', ['parameters: x']);
    expect(csv.split('\r\n')).toEqual([
      '# parameters: x',
      'intercept,hole_id,from_m,to_m,grade_assayed_gpt,grade_capped_gpt,counted_as,weight_m',
      '1,H1,97.000,98.000,5.000,5.000,sample,1.000',
      '1,H1,98.000,98.500,,0.000,missing_at_zero,0.500',
      '1,H1,98.500,99.000,0.010,0.010,below_detection_half_limit,0.500',
      '1,H1,99.000,99.500,,0.000,gap,0.500',
      '1,H1,99.500,100.500,60.000,45.000,sample,1.000',
      '1,H1,100.500,101.000,0.400,0.400,internal_dilution,0.500',
      '1,H1,101.000,101.500,3.000,3.000,sample,0.500',
      '',
    ]);
  });
});
