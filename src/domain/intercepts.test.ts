import { describe, expect, it } from 'vitest';
import type { Model, SurfaceModel } from '../data/model';
import type { ZoneT } from '../data/schema';
import { computeIntercepts, interceptSampleAt, interceptsToCsv, type Intercept, type InterceptOptions } from './intercepts';
import { holePaths } from './prepare';
import { add, scale, type Vec3 } from './vec3';

/** [from m, to m, Au g/t (NaN = missing), zone or null] */
type Row = [number, number, number, (string | null)?];
interface HoleSpec {
  id?: string;
  collar?: Vec3;
  azimuth?: number;
  dip?: number;
  depth?: number;
  rows: Row[];
}

/** A Model built directly: straight holes (collar azimuth/dip, no survey), one assay table. */
function makeModel(holes: HoleSpec[], extra: { zones?: ZoneT[]; surfaces?: SurfaceModel[] } = {}): Model {
  const all = holes.flatMap((h, hi) => h.rows.map((r) => ({ hi, r })));
  const categories: string[] = [];
  const codes = Int32Array.from(all, ({ r }) => {
    const z = r[3];
    if (z === undefined || z === null) return -1;
    if (!categories.includes(z)) categories.push(z);
    return categories.indexOf(z);
  });
  return {
    project: { name: 'test', crs: { name: 'local' }, units: { length: 'm', grade: 'g/t' }, illustrative: false },
    zones: extra.zones ?? [],
    surfaces: extra.surfaces ?? [],
    faults: [],
    holes: holes.map((h, i) => ({
      id: h.id ?? `H${i + 1}`,
      collar: h.collar ?? [i * 1000, 0, 100],
      depth: h.depth ?? 200,
      collarAzimuth: h.azimuth ?? 0,
      collarDip: h.dip ?? -90,
      stations: [],
      program: 'test',
      type: 'surface',
      status: 'drilled',
    })),
    intervals: [
      {
        id: 'assays',
        name: 'Assays',
        columns: [
          { name: 'Au', type: 'numeric', unit: 'g/t' },
          { name: 'zone', type: 'categorical' },
        ],
        hole: Int32Array.from(all, (x) => x.hi),
        from: Float64Array.from(all, (x) => x.r[0]),
        to: Float64Array.from(all, (x) => x.r[1]),
        numeric: { Au: Float64Array.from(all, (x) => x.r[2]) },
        categorical: { zone: { codes, categories } },
      },
    ],
    resourceCategories: [],
    workings: [],
    pointSets: [],
    views: [],
  };
}

const base: InterceptOptions = { cutoff: 1, minLength: 0, maxDilution: 0 };
function run(holes: HoleSpec[], options: Partial<InterceptOptions> = {}, extra?: Parameters<typeof makeModel>[1]): Intercept[] {
  const model = makeModel(holes, extra);
  return computeIntercepts(model, holePaths(model, 'minimum-curvature', []), { ...base, ...options });
}
const spans = (xs: { from: number; to: number }[]) => xs.map((x) => [x.from, x.to]);

describe('computeIntercepts: compositing rules (hand-computed)', () => {
  it('a single sample above cut-off', () => {
    const [x, ...rest] = run([{ rows: [[0, 1, 0.1], [1, 2, 5], [2, 3, 0.2]] }]);
    expect(rest).toEqual([]);
    expect([x.holeId, x.from, x.to, x.coreLength, x.grade, x.gradeUncapped, x.gramMetres]).toEqual(['H1', 1, 2, 1, 5, 5, 5]);
    expect(x.trueWidth).toBeNull();
    expect(x.horizontalWidth).toBeNull();
    expect(x.zoneId).toBeNull();
    expect(x.including).toEqual([]);
    [0, 0, 98.5].forEach((v, k) => expect(x.midpoint[k]).toBeCloseTo(v, 9)); // vertical hole from 100 m, mid depth 1.5 m
    expect(x.label).toBe('5.00 g/t Au over 1.00 m (core length)');
  });

  it('1 m of internal dilution: allowed with maxDilution 1 m, not with 0.5 m', () => {
    const rows: Row[] = [[0, 1, 4], [1, 2, 0.5], [2, 3, 3]];
    const [x] = run([{ rows }], { maxDilution: 1 });
    expect(spans([x])).toEqual([[0, 3]]);
    expect(x.grade).toBeCloseTo((4 + 0.5 + 3) / 3, 12); // 2.5 g/t
    expect(x.gramMetres).toBeCloseTo(7.5, 12);
    expect(spans(run([{ rows }], { maxDilution: 0.5 }))).toEqual([[0, 1], [2, 3]]);
  });

  it('dilution is refused when it would take the composite below cut-off', () => {
    // (1.2 + 0.05 + 1.2) / 3 = 0.817 < 1 g/t
    expect(spans(run([{ rows: [[0, 1, 1.2], [1, 2, 0.05], [2, 3, 1.2]] }], { maxDilution: 5 }))).toEqual([[0, 1], [2, 3]]);
  });

  it('composites shorter than the minimum length are dropped', () => {
    const rows: Row[] = [[0, 0.4, 10], [5, 6, 2]];
    expect(spans(run([{ rows }], { minLength: 0.5 }))).toEqual([[5, 6]]);
    expect(spans(run([{ rows }], { minLength: 0.4 }))).toEqual([[0, 0.4], [5, 6]]);
  });

  it('top-cut caps each sample before averaging; the uncapped grade is reported too', () => {
    const [x] = run([{ rows: [[0, 1, 100], [1, 3, 10]] }], { topCut: 45 });
    expect(x.grade).toBeCloseTo((45 * 1 + 10 * 2) / 3, 12); // 21.667 g/t
    expect(x.gradeUncapped).toBeCloseTo((100 * 1 + 10 * 2) / 3, 12); // 40 g/t
    expect(x.gramMetres).toBeCloseTo(65, 12);
    expect(x.label).toBe('21.67 g/t Au over 3.00 m (core length)');
  });

  it('a missing assay inside an intercept is internal dilution at zero grade; never an edge', () => {
    const xs = run([{ rows: [[0, 1, 5], [1, 2, NaN], [2, 3, 5]] }], { maxDilution: 5 });
    expect(spans(xs)).toEqual([[0, 3]]);
    // (5·1 + 0·1 + 5·1) / 3 m = 3.333 g/t; gram-metres (no vein: core length) 3.333 × 3 = 10 g/t·m
    expect(xs[0].grade).toBeCloseTo(10 / 3, 12);
    expect(xs[0].gramMetres).toBeCloseTo(10, 12);
    expect([xs[0].sampledLength, xs[0].unsampledLength]).toEqual([2, 1]);
    expect(xs[0].rows).toEqual([0, 1, 2]); // the missing row is part of the intercept
    // Longer than the allowed dilution, it breaks the composite.
    expect(spans(run([{ rows: [[0, 1, 5], [1, 2, NaN], [2, 3, 5]] }], { maxDilution: 0.5 }))).toEqual([[0, 1], [2, 3]]);
    // Never an edge, even at cut-off 0 where every assayed sample qualifies.
    expect(run([{ rows: [[0, 1, NaN]] }], { cutoff: 0 })).toEqual([]);
    expect(spans(run([{ rows: [[0, 1, NaN], [1, 2, 3], [2, 3, NaN]] }], { cutoff: 0, maxDilution: 5 }))).toEqual([[1, 2]]);
  });

  it('an unsampled gap longer than maxDilution breaks it; a shorter one is bridged at zero grade', () => {
    const rows: Row[] = [[0, 1, 5], [2.5, 3.5, 5]]; // 1.5 m gap
    expect(spans(run([{ rows }], { maxDilution: 1 }))).toEqual([[0, 1], [2.5, 3.5]]);
    const [x] = run([{ rows }], { maxDilution: 2 });
    expect([x.from, x.to, x.coreLength, x.sampledLength, x.unsampledLength]).toEqual([0, 3.5, 3.5, 2, 1.5]);
    // (5·1 + 0·1.5 + 5·1) / 3.5 m = 2.857 g/t; gram-metres 2.857 × 3.5 = 10 g/t·m (the gap adds none)
    expect(x.grade).toBeCloseTo(10 / 3.5, 12);
    expect(x.gramMetres).toBeCloseTo(10, 12);
    // A gap counts towards the run of dilution: 0.5 m gap + 0.5 m sample = 1 m.
    const diluted: Row[] = [[0, 1, 5], [1.5, 2, 0.1], [2, 3, 5]];
    const [y] = run([{ rows: diluted }], { maxDilution: 1 });
    expect(spans([y])).toEqual([[0, 3]]);
    expect(y.grade).toBeCloseTo((5 + 0 + 0.05 + 5) / 3, 12); // 3.35 g/t
    expect(spans(run([{ rows: diluted }], { maxDilution: 0.9 }))).toEqual([[0, 1], [2, 3]]);
  });

  it('a 0.5 m gap and a 0.5 m row with a missing assay give the same intercept', () => {
    const gap: Row[] = [[0, 1, 6], [1.5, 2.5, 4]];
    const missing: Row[] = [[0, 1, 6], [1, 1.5, NaN], [1.5, 2.5, 4]];
    const [a] = run([{ rows: gap }], { maxDilution: 1 });
    const [b] = run([{ rows: missing }], { maxDilution: 1 });
    // Hand: (6·1 + 0·0.5 + 4·1) / 2.5 m = 4.00 g/t; 4.00 × 2.5 m (core length, no vein) = 10 g/t·m.
    for (const x of [a, b]) {
      expect([x.from, x.to, x.coreLength, x.sampledLength, x.unsampledLength]).toEqual([0, 2.5, 2.5, 2, 0.5]);
      expect(x.grade).toBeCloseTo(4, 12);
      expect(x.gradeUncapped).toBeCloseTo(4, 12);
      expect(x.gramMetres).toBeCloseTo(10, 12);
      expect(x.label).toBe('4.00 g/t Au over 2.50 m (core length)');
    }
    // Zero grade can take the composite below cut-off: (1.2 + 0 + 1.2) / 2.5 = 0.96 < 1 g/t, for both.
    const low = (rows: Row[]) => spans(run([{ rows: rows.map(([f, t, g]) => [f, t, Number.isNaN(g) ? g : 1.2] as Row) }], { maxDilution: 1 }));
    expect(low(gap)).toEqual([[0, 1], [1.5, 2.5]]);
    expect(low(missing)).toEqual([[0, 1], [1.5, 2.5]]);
    // The other choice: unsampled core breaks the intercept, for both alike.
    expect(spans(run([{ rows: gap }], { maxDilution: 1, unsampled: 'break' }))).toEqual([[0, 1], [1.5, 2.5]]);
    expect(spans(run([{ rows: missing }], { maxDilution: 1, unsampled: 'break' }))).toEqual([[0, 1], [1.5, 2.5]]);
    // Below-cut assayed core is still bridged with 'break': (6 + 0.2·0.5 + 4) / 2.5 = 4.04 g/t.
    const [c] = run([{ rows: [[0, 1, 6], [1, 1.5, 0.2], [1.5, 2.5, 4]] }], { maxDilution: 1, unsampled: 'break' });
    expect(c.grade).toBeCloseTo(10.1 / 2.5, 12);
    expect(() => run([{ rows: gap }], { unsampled: 'mean' as never })).toThrow(RangeError);
  });

  it('samples are sorted by depth, holes are kept apart, edge samples are ≥ cut-off', () => {
    const xs = run([
      { rows: [[2, 3, 3], [0, 1, 0.2], [1, 2, 4], [3, 4, 0.1]] },
      { id: 'B-2', rows: [[0, 1, 1], [1, 2, 1]] },
    ], { maxDilution: 1 });
    expect(xs.map((x) => [x.holeId, x.from, x.to])).toEqual([['H1', 1, 3], ['B-2', 0, 2]]);
    expect(xs[0].rows).toEqual([2, 0]); // table rows in depth order
    expect(xs[1].grade).toBe(1); // exactly at cut-off counts
  });

  it('including: higher-grade sub-intervals inside the intercept, with no internal dilution', () => {
    const rows: Row[] = [[0, 1, 2], [1, 1.2, 21.4], [1.2, 2, 3], [2, 3, 0.5], [3, 4, 15.1]];
    const [x] = run([{ rows }], { maxDilution: 1, includeCutoff: 10 });
    // (2·1 + 21.4·0.2 + 3·0.8 + 0.5·1 + 15.1·1) / 4 = 24.28 / 4 = 6.07 g/t
    expect(x.grade).toBeCloseTo(6.07, 12);
    expect(spans(x.including)).toEqual([[1, 1.2], [3, 4]]);
    expect(x.including[0].grade).toBeCloseTo(21.4, 12);
    expect(x.label).toBe('6.07 g/t Au over 4.00 m (core length), including 21.40 g/t over 0.20 m and 15.10 g/t over 1.00 m');
    // The label's figures, kept for the interface to write them in its language.
    expect(x.labelParts.grade).toBeCloseTo(6.07, 12);
    expect([x.labelParts.unit, x.labelParts.element, x.labelParts.width, x.labelParts.widthKind]).toEqual(['g/t', 'Au', 4, 'core']);
    expect(x.labelParts.including.map((p) => [+p.grade.toFixed(9), +p.width.toFixed(9)])).toEqual([[21.4, 0.2], [15.1, 1]]);
    // Not reported when it is the whole intercept.
    const [y] = run([{ rows: [[0, 1, 20]] }], { includeCutoff: 10 });
    expect(y.including).toEqual([]);
    expect(y.label).toBe('20.00 g/t Au over 1.00 m (core length)');
  });

  it('domain: composites do not cross a change of the chosen categorical column', () => {
    const rows: Row[] = [[0, 1, 5, 'v1'], [1, 2, 5, null], [2, 3, 5, null]];
    const zones = [{ id: 'v1', name: 'v1', color: '#888888', kind: 'vein' as const }];
    expect(spans(run([{ rows }], {}, { zones }))).toEqual([[0, 3]]);
    const xs = run([{ rows }], { domain: 'zone' }, { zones });
    expect(spans(xs)).toEqual([[0, 1], [1, 3]]);
    expect(xs.map((x) => x.zoneId)).toEqual(['v1', null]);
    // Without the domain break the logged vein names the whole intercept.
    expect(run([{ rows }], {}, { zones })[0].zoneId).toBe('v1');
  });

  it('rejects nonsense options', () => {
    expect(() => run([{ rows: [] }], { maxDilution: -1 })).toThrow(RangeError);
    expect(() => run([{ rows: [] }], { cutoff: NaN })).toThrow(RangeError);
    expect(() => run([{ rows: [] }], { domain: 'nope' })).toThrow(RangeError);
  });
});

/** A rectangle (two triangles) through `p` spanned by unit vectors e1, e2, 400 m across. */
function rect(id: string, zoneId: string, p: Vec3, e1: Vec3, e2: Vec3): SurfaceModel {
  const c = (a: number, b: number) => add(p, add(scale(e1, a * 200), scale(e2, b * 200)));
  return { id, name: id, zoneId, vertices: Float64Array.from([...c(-1, -1), ...c(1, -1), ...c(1, 1), ...c(-1, 1)]), triangles: Uint32Array.from([0, 1, 2, 0, 2, 3]) };
}
const veinZone = (id: string): ZoneT => ({ id, name: id, color: '#888888', kind: 'vein' });

describe('computeIntercepts: widths', () => {
  // A -45° hole towards north from [0, 0, 100] through a vertical vein striking east-west (y = 50):
  // it reaches the vein at 50 / cos 45° = 70.71 m along the hole.
  const vertical = rect('vv', 'v1', [0, 50, 0], [1, 0, 0], [0, 0, 1]);
  const hole45 = (zone: string | null): HoleSpec => ({ collar: [0, 0, 100], azimuth: 0, dip: -45, rows: [[70, 71.5, 8, zone]] });

  it('true width of a -45° hole through a vertical vein = core length × cos 45°', () => {
    const [x] = run([hole45('v1')], {}, { zones: [veinZone('v1')], surfaces: [vertical] });
    expect(x.coreLength).toBe(1.5);
    expect(x.trueWidth).toBeCloseTo(1.5 * Math.SQRT1_2, 9); // 1.0607 m
    expect(x.horizontalWidth).toBeCloseTo(1.5 * Math.SQRT1_2, 9); // vertical vein: HW = TW
    expect(x.zoneId).toBe('v1');
    expect(x.vein!.dip).toBeCloseTo(90, 9);
    expect(x.label).toBe('8.00 g/t Au over 1.06 m (HW)');
    // Gram-metres on the horizontal width by default: 8 g/t × 1.0607 m = 8.485 g/t·m.
    expect([x.widthKind, x.width]).toEqual(['horizontal', x.horizontalWidth]);
    expect(x.gramMetres).toBeCloseTo(8 * 1.5 * Math.SQRT1_2, 9);
    const t = run([hole45('v1')], { widthBasis: 'true' }, { zones: [veinZone('v1')], surfaces: [vertical] })[0];
    expect(t.label).toBe('8.00 g/t Au over 1.06 m (TW)');
    expect(t.widthKind).toBe('true');
    const c = run([hole45('v1')], { widthBasis: 'core' }, { zones: [veinZone('v1')], surfaces: [vertical] })[0];
    expect(c.label).toBe('8.00 g/t Au over 1.50 m (core length)');
    expect(c.gramMetres).toBeCloseTo(12, 12); // 8 g/t × 1.5 m of core
  });

  it('a nearly flat vein has no horizontal width: gram-metres fall back to true width, and say so', () => {
    // A horizontal vein at 50 m elevation; a vertical hole from 100 m crosses it at 50 m depth.
    const flat = rect('vf', 'v1', [0, 0, 50], [1, 0, 0], [0, 1, 0]);
    const [x] = run([{ collar: [0, 0, 100], rows: [[49, 51, 3, 'v1']] }], {}, { zones: [veinZone('v1')], surfaces: [flat] });
    expect(x.horizontalWidth).toBeNull();
    expect(x.trueWidth).toBeCloseTo(2, 9);
    expect([x.widthKind, x.label]).toEqual(['true', '3.00 g/t Au over 2.00 m (TW)']);
    expect(x.gramMetres).toBeCloseTo(6, 9); // 3 g/t × 2 m TW
  });

  it('without a logged zone, the vein the hole pierces names the intercept', () => {
    const [x] = run([hole45(null)], {}, { zones: [veinZone('v1')], surfaces: [vertical] });
    expect(x.zoneId).toBe('v1');
    expect(x.vein!.pierced).toBe(true);
    expect(x.trueWidth).toBeCloseTo(1.5 * Math.SQRT1_2, 9);
  });

  it('a vein 5 m away gives the widths but not the zone; none within 10 m: core length only', () => {
    const near = rect('vv', 'v1', [0, 55, 0], [1, 0, 0], [0, 0, 1]);
    const [x] = run([hole45(null)], {}, { zones: [veinZone('v1')], surfaces: [near] });
    expect(x.zoneId).toBeNull();
    expect(x.trueWidth).toBeCloseTo(1.5 * Math.SQRT1_2, 9);
    const far = rect('vv', 'v1', [0, 70, 0], [1, 0, 0], [0, 0, 1]);
    const [y] = run([hole45(null)], {}, { zones: [veinZone('v1')], surfaces: [far] });
    expect([y.trueWidth, y.horizontalWidth, y.zoneId]).toEqual([null, null, null]);
    expect(y.label).toBe('8.00 g/t Au over 1.50 m (core length)');
    // No width but core length: gram-metres on it, labelled so (8 g/t × 1.5 m).
    expect([y.widthKind, y.width, y.gramMetres]).toEqual(['core', 1.5, 12]);
  });

  it('horizontal width of a vein dipping 60°: a vertical hole, HW = L·cos 60° / sin 60° = L / tan 60°', () => {
    // Vein striking east, dipping 60° south, through [0, 0, 50]: a vertical hole from [0, 0, 100] meets it at 50 m.
    const s60 = Math.sin(Math.PI / 3), c60 = Math.cos(Math.PI / 3);
    const dipping = rect('v60', 'v1', [0, 0, 50], [1, 0, 0], [0, -c60, -s60]);
    const [x] = run([{ collar: [0, 0, 100], rows: [[49, 51, 6, 'v1']] }], {}, { zones: [veinZone('v1')], surfaces: [dipping] });
    expect(x.vein!.dip).toBeCloseTo(60, 9);
    expect(x.trueWidth).toBeCloseTo(2 * c60, 9); // 1.000 m
    expect(x.horizontalWidth).toBeCloseTo(2 / Math.tan(Math.PI / 3), 9); // 1.155 m
    expect(x.label).toBe('6.00 g/t Au over 1.15 m (HW)');
    // The -45° hole towards north meets the same vein at 75°: TW = L·sin 75°, HW = TW / sin 60°.
    const [y] = run([{ collar: [0, -60, 100], azimuth: 0, dip: -45, rows: [[60, 62, 6, 'v1']] }], {}, { zones: [veinZone('v1')], surfaces: [dipping] });
    expect(y.trueWidth).toBeCloseTo(2 * Math.sin((75 * Math.PI) / 180), 9);
    expect(y.horizontalWidth).toBeCloseTo((2 * Math.sin((75 * Math.PI) / 180)) / s60, 9);
  });

  it('including clauses get widths from the same vein', () => {
    const [x] = run([{ collar: [0, 0, 100], azimuth: 0, dip: -45, rows: [[70, 70.5, 2, 'v1'], [70.5, 71, 30, 'v1'], [71, 71.5, 2, 'v1']] }], { includeCutoff: 10 }, { zones: [veinZone('v1')], surfaces: [vertical] });
    expect(x.including).toHaveLength(1);
    expect(x.including[0].horizontalWidth).toBeCloseTo(0.5 * Math.SQRT1_2, 9);
    expect(x.label).toBe('11.33 g/t Au over 1.06 m (HW), including 30.00 g/t over 0.35 m');
    // The including clause's width in the label is its HW (0.5 m of core × cos 45°), as the intercept's.
    expect(x.labelParts.widthKind).toBe('horizontal');
    expect(x.labelParts.including[0].width).toBeCloseTo(0.5 * Math.SQRT1_2, 9);
  });
});

/** Minimal RFC 4180 reader for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('interceptsToCsv', () => {
  it('names units in the header and quotes fields so odd hole ids round-trip', () => {
    const ids = ['RK "A", 7', 'plain', ' padded ', 'line\nbreak'];
    const xs = run(ids.map((id) => ({ id, rows: [[0, 1, 5], [1, 2, 50]] as Row[] })), { topCut: 45, includeCutoff: 10 });
    const csv = interceptsToCsv(xs, 'g/t');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['hole_id', 'from_m', 'to_m', 'core_length_m', 'true_width_m', 'horizontal_width_m', 'unsampled_m', 'grade_capped_gpt', 'grade_uncapped_gpt', 'gram_metres', 'gram_metres_width', 'zone', 'zone_name', 'label']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
    expect(rows.slice(1).every((r) => r.length === 14)).toBe(true);
    const r = rows[1];
    // No vein: gram-metres on core length, 25 g/t × 2 m, and the row says so.
    expect(r.slice(1, 13)).toEqual(['0.000', '2.000', '2.000', '', '', '0.000', '25.000', '27.500', '50.000', 'core length', '', '']);
    expect(r[13]).toBe('25.00 g/t Au over 2.00 m (core length), including 45.00 g/t over 1.00 m');
    expect(interceptsToCsv([], 'ppb').split('\r\n')[0]).toContain('grade_capped_ppb');
  });

  it('names each zone by its id and its name, and defuses text a spreadsheet would run', () => {
    const xs = run([{ id: '=HYPERLINK("http://x")', rows: [[0, 1, 5]] as Row[] }], {});
    const withZone = xs.map((x) => ({ ...x, zoneId: 'mcd-1' }));
    const rows = parseCsv(interceptsToCsv(withZone, 'g/t', [], new Map([['mcd-1', 'McDowell Set 1, Main']])));
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[1].slice(11, 13)).toEqual(['mcd-1', 'McDowell Set 1, Main']);
  });
});

describe('interceptSampleAt: the sample the info card shows for a picked depth', () => {
  // Rows: 0 [0,1] 0.1 · 1 [3,4] 5 · 2 [4,4.5] missing · 3 [4.5,5] 5 · 4 [5,6] 0.2 (a gap 1-3 m)
  const table = { from: [0, 3, 4, 4.5, 5], to: [1, 4, 4.5, 5, 6] };
  const values = [0.1, 5, NaN, 5, 0.2];
  const [x] = run([{ rows: [[0, 1, 0.1], [3, 4, 5], [4, 4.5, NaN], [4.5, 5, 5], [5, 6, 0.2]] }], { maxDilution: 1 });
  it('an intercept starting after a gap holds only its own rows', () => {
    expect(spans([x])).toEqual([[3, 5]]);
    expect(x.rows).toEqual([1, 2, 3]);
  });
  it('the sample holding the depth; a boundary belongs to the sample below; never a row outside the intercept', () => {
    expect(interceptSampleAt(x.rows, table, values, 3.5)).toBe(1);
    expect(interceptSampleAt(x.rows, table, values, 4.5)).toBe(3);
    expect(interceptSampleAt(x.rows, table, values, 4.5 - 1e-9)).toBe(3); // float noise at a boundary
    expect(interceptSampleAt(x.rows, table, values, 5)).toBe(3); // the bottom of the intercept
    expect(interceptSampleAt(x.rows, table, values, 3)).toBe(1); // its top: not row 0 above the gap
    expect(interceptSampleAt(x.rows, table, values, 2)).toBe(1);
  });
  it('in a missing assay, the nearest assayed sample (the upper on a tie)', () => {
    expect(interceptSampleAt(x.rows, table, values, 4.2)).toBe(1);
    expect(interceptSampleAt(x.rows, table, values, 4.25)).toBe(1);
    expect(interceptSampleAt(x.rows, table, values, 4.4)).toBe(3);
  });
});
