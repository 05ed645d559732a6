import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDepositText, validateDeposit } from './load';
import { readNumericCell } from './intervals';

const mini = () => JSON.parse(readFileSync(new URL('../../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));

describe('loading a deposit file', () => {
  it('loads every record of a valid file and counts them', () => {
    const { model, report } = validateDeposit(mini(), 'mini.json');
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.counts).toMatchObject({ zones: 2, surfaces: 2, faults: 1, holes: 3, intervals: 7, workings: 1 });
    expect(model!.holes.map((h) => h.id)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    // Column-form surveys become stations.
    expect(model!.holes[1].stations).toEqual([{ depth: 0, azimuth: 355, dip: -55 }, { depth: 120, azimuth: 357, dip: -54 }]);
  });

  it('keeps UTM coordinates in float64', () => {
    const doc = mini();
    doc.holes[0].collar = [612345.678, 5343210.987, 300.123];
    const { model } = validateDeposit(doc, 'mini.json');
    expect(model!.holes[0].collar).toEqual([612345.678, 5343210.987, 300.123]);
    expect(model!.surfaces[0].vertices[1]).toBe(doc.surfaces[0].vertices[1]);
  });

  it('fails outright, with where, on text that is not JSON', () => {
    const { model, report } = loadDepositText('{"format": "veinscape",\n  "schemaVersion": 1,, }', 'broken.json');
    expect(model).toBeUndefined();
    expect(report.ok).toBe(false);
    expect(report.errors[0].path).toMatch(/^broken\.json:2:/);
    expect(report.errors[0].message).toMatch(/not valid JSON/);
  });

  it('fails outright on an unknown schema version or format', () => {
    const v2 = validateDeposit({ ...mini(), schemaVersion: 2 }, 'v2.json');
    expect(v2.report.ok).toBe(false);
    expect(v2.report.errors[0]).toMatchObject({ path: '$.schemaVersion' });
    expect(v2.report.errors[0].message).toMatch(/unknown schema version 2/);
    expect(validateDeposit({ holes: [] }, 'x.json').report.errors[0].path).toBe('$.format');
    expect(validateDeposit([1, 2], 'x.json').report.ok).toBe(false);
  });

  it('drops only the bad records and names each by JSON path and id', () => {
    const doc = mini();
    doc.holes[1].surveys.dip[1] = -120; // out of range
    doc.holes.push({ id: 'BAD-COLLAR', collar: [1, 2], depth: 10 });
    doc.holes.push({ id: 'DH-1', collar: [0, 0, 0], depth: 10 }); // duplicate id
    doc.zones.push({ id: 'z2', name: 'Z', color: 'gold', kind: 'vein' });
    doc.surfaces.push({ id: 'orphan', zone: 'nope', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], triangles: [0, 1, 2] });
    doc.surfaces.push({ id: 'badidx', zone: 'v1', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], triangles: [0, 1, 7] });
    doc.intervals[0].rows.push(['GHOST', 0, 1, 1, null], ['DH-1', 5, 2, 1, null]);
    const { model, report } = validateDeposit(doc, 'mini.json');
    expect(report.ok).toBe(true);
    const at = (p: string) => report.errors.find((e) => e.path.startsWith(p));
    expect(at('$.holes[1].surveys.dip[1]')?.id).toBe('DH-2');
    expect(at('$.holes[1].surveys.dip[1]')?.message).toMatch(/dip -120 out of range/);
    expect(at('$.holes[3].collar')?.id).toBe('BAD-COLLAR');
    expect(at('$.holes[4].id')?.message).toMatch(/duplicate id "DH-1"/);
    expect(at('$.zones[2].color')?.message).toMatch(/colour/);
    expect(at('$.surfaces[2].zone')?.message).toMatch(/unknown zone "nope"/);
    expect(at('$.surfaces[3].triangles[2]')?.message).toMatch(/out of range/);
    expect(report.errors.find((e) => e.id === 'GHOST')?.message).toMatch(/unknown hole "GHOST"/);
    expect(at('$.intervals[0].rows[8]')?.message).toMatch(/from 5 m \/ to 2 m/);
    // Everything valid is still there.
    expect(model!.holes.map((h) => h.id)).toEqual(['DH-1', 'PL-1']);
    expect(model!.surfaces.map((s) => s.id)).toEqual(['v1-s', 'f1-s']);
    expect(report.dropped).toMatchObject({ holes: 3, zones: 1, surfaces: 2, intervals: 2 + 3 });
  });

  it('keeps missing values missing and below-detection counted, never zero', () => {
    const { model, report } = validateDeposit(mini(), 'mini.json');
    const au = model!.intervals[0].numeric.Au;
    expect(Number.isNaN(au[3])).toBe(true);
    expect(au[5]).toBeCloseTo(0.005, 9); // -0.01 = below a 0.01 g/t detection limit → half of it
    expect((report.notes ?? []).map((w) => w.message).join('\n')).toMatch(/Au: 1 below-detection/);
    expect(report.warnings.map((w) => w.message).join('\n')).not.toMatch(/below-detection|missing value/);
    expect((report.notes ?? []).map((w) => w.message).join('\n')).toMatch(/Au: 1 missing value\(s\), kept as missing \(not zero\)/);
  });

  it('reads numeric cells the way drill databases write them', () => {
    expect(readNumericCell('<0.005')).toEqual({ value: 0.0025, kind: 'below-detection' });
    expect(readNumericCell(-99).kind).toBe('missing');
    // Text that Number() would read as a number but no lab writes: never a grade.
    for (const t of ['0x10', '0b101', '0o7', 'Infinity', '1_000', '12abc']) expect(readNumericCell(t).kind).toBe('missing');
    expect(readNumericCell(' 1.5e1 ')).toEqual({ value: 15, kind: 'value' });
    expect(readNumericCell('NS').kind).toBe('missing');
    expect(readNumericCell('').kind).toBe('missing');
    expect(readNumericCell('12.5')).toEqual({ value: 12.5, kind: 'value' });
  });

  it('reads column-wise interval tables the same as row-wise', () => {
    const doc = mini();
    const rows: unknown[][] = doc.intervals[0].rows;
    doc.intervals[0] = {
      id: 'assays', columns: doc.intervals[0].columns,
      data: { hole: rows.map((r) => r[0]), from: rows.map((r) => r[1]), to: rows.map((r) => r[2]), Au: rows.map((r) => r[3]), zone: rows.map((r) => r[4]) },
    };
    const { model } = validateDeposit(doc, 'mini.json');
    const t = model!.intervals[0];
    expect(t.hole.length).toBe(7);
    expect(t.numeric.Au[2]).toBe(12.5);
    expect(t.categorical.zone.categories[t.categorical.zone.codes[2]]).toBe('v1');
    expect(t.categorical.zone.codes[0]).toBe(-1);
  });

  it('warns about overlapping intervals and intervals past the final depth, naming the hole', () => {
    const doc = mini();
    doc.intervals[0].rows.push(['DH-1', 150.5, 151, 3, null], ['DH-2', 161, 230, 0.1, null]);
    const { report } = validateDeposit(doc, 'mini.json');
    const msgs = report.warnings.map((w) => w.message).join('\n');
    expect(msgs).toMatch(/DH-1: interval 150\.5 m–151 m overlaps 150 m–151\.2 m in \S+ by 0\.5 m/);
    expect(msgs).toMatch(/DH-2: interval 161 m–230 m in \S+ ends 10 m past the final depth 220 m/);
  });
});

describe('drilling years', () => {
  it('loads a hole with a typing-error year without its year, and says so', () => {
    const doc = mini();
    doc.holes[0].year = 19888;
    const { model, report } = validateDeposit(doc, 'mini.json');
    expect(model!.holes.map((h) => h.id)).toContain(doc.holes[0].id);
    expect(model!.holes.find((h) => h.id === doc.holes[0].id)!.year).toBeUndefined();
    expect(report.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.holes[0].year', id: doc.holes[0].id })]));
  });
});

describe('the validation\'s progress', () => {
  it('moves through the hole records, their checks and the interval rows, never back', () => {
    // 2,100 holes and one column-form interval table of 70,000 rows (100 rows on each of 700 holes).
    const doc = mini();
    doc.holes = Array.from({ length: 2_100 }, (_, i) => ({ id: `H${i}`, collar: [i, 0, 300], depth: 200, surveys: { depth: [0], azimuth: [0], dip: [-60] } }));
    const hole: string[] = [], from: number[] = [], to: number[] = [], au: (number | null)[] = [];
    for (let r = 0; r < 70_000; r++) {
      hole.push(`H${Math.floor(r / 100)}`);
      from.push(r % 100);
      to.push((r % 100) + 1);
      au.push(1);
    }
    doc.intervals = [{ id: 'assays', columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }], data: { hole, from, to, Au: au } }];
    const seen: number[] = [];
    const { report } = validateDeposit(doc, 'big.json', (f) => seen.push(f));
    expect(report.counts).toMatchObject({ holes: 2_100, intervals: 70_000 });
    // Hole records every 1,024 (a quarter of the bar), their checks likewise (to 30 %), the rows every 65,536 (the rest).
    const expected = [0, (0.25 * 1_024) / 2_100, (0.25 * 2_048) / 2_100, 0.25, 0.25 + (0.05 * 1_024) / 2_100, 0.25 + (0.05 * 2_048) / 2_100, 0.3, 0.3 + (0.7 * 65_536) / 70_000];
    expect(seen).toHaveLength(expected.length);
    expected.forEach((f, i) => expect(seen[i]).toBeCloseTo(f, 12));
  });
});

