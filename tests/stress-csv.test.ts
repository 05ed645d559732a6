/**
 * The stress generator's CSV form (scripts/stress/csv.ts): the three tables, opened with the app's
 * CSV import, and holes.json beside them, opened with the app's loader, give the same holes,
 * collars, surveys and assay values, so CSV and JSON loads of "the same data" really are the same.
 * Expectations come from the files' own lines, not from either loader.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCsv } from '../src/data/csv';
import { validateDeposit } from '../src/data/load';
import { CSV_FILES, CSV_TWIN_JSON, generateStressCsv } from '../scripts/stress/csv';

const HOLES = 12;
const PER_HOLE = 20;
const dir = mkdtempSync(join(tmpdir(), 'veinscape-stress-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateStressCsv({ holes: HOLES, intervals: PER_HOLE, seed: 3 }, dir);

const text = (f: string) => readFileSync(join(dir, f), 'utf8');
/** Data lines of a CSV file split on commas (the generator quotes nothing for these ids). */
const rows = (f: string) => text(f).trim().split('\n').slice(1).map((l) => l.split(','));

const csv = importCsv(CSV_FILES.map((name) => ({ name, text: text(name) })));
const fromCsv = validateDeposit(JSON.parse(JSON.stringify(csv.document)), 'csv');
const fromJson = validateDeposit(JSON.parse(text(CSV_TWIN_JSON)), CSV_TWIN_JSON);

describe('stress generator, CSV form', () => {
  it('writes one collar line per hole and one assay line per interval', () => {
    expect(rows('collar.csv')).toHaveLength(HOLES);
    expect(rows('assay.csv')).toHaveLength(HOLES * PER_HOLE);
    expect(new Set(rows('survey.csv').map((r) => r[0]))).toEqual(new Set(rows('collar.csv').map((r) => r[0])));
  });

  it('loads from CSV and from holes.json without errors, every row kept', () => {
    expect(csv.report.errors).toEqual([]);
    expect(fromCsv.report.errors).toEqual([]);
    expect(fromJson.report.errors).toEqual([]);
    expect(csv.tables.map((t) => t.kind)).toEqual(['collar', 'survey', 'interval']);
    expect(fromCsv.model!.holes).toHaveLength(HOLES);
    expect(fromJson.model!.holes).toHaveLength(HOLES);
    expect(fromCsv.model!.intervals[0].hole).toHaveLength(HOLES * PER_HOLE);
    expect(fromJson.model!.intervals[0].hole).toHaveLength(HOLES * PER_HOLE);
  });

  it('gives the same holes, collars, depths and survey stations both ways, as written in collar.csv', () => {
    const a = fromCsv.model!.holes;
    const b = fromJson.model!.holes;
    const collarLines = rows('collar.csv');
    for (let i = 0; i < HOLES; i++) {
      const [id, e, n, z, depth] = collarLines[i];
      expect(a[i].id).toBe(id);
      expect(b[i].id).toBe(id);
      expect(a[i].collar).toEqual([Number(e), Number(n), Number(z)]);
      expect(b[i].collar).toEqual([Number(e), Number(n), Number(z)]);
      expect(a[i].depth).toBe(Number(depth));
      expect(b[i].depth).toBe(Number(depth));
      expect(a[i].stations).toEqual(b[i].stations);
      expect(a[i].program).toBe(b[i].program);
      expect(a[i].type).toBe(b[i].type);
      expect(a[i].status).toBe(b[i].status);
    }
    expect(a.reduce((s, h) => s + h.stations.length, 0)).toBe(rows('survey.csv').length);
  });

  it('gives the same assay rows both ways: hole, from, to, Au (empty cell = missing) and zone', () => {
    const a = fromCsv.model!.intervals[0];
    const b = fromJson.model!.intervals[0];
    const lines = rows('assay.csv');
    const holeIds = fromCsv.model!.holes.map((h) => h.id);
    const zoneOf = (t: typeof a, r: number) => {
      const c = t.categorical.zone;
      return c.codes[r] < 0 ? '' : c.categories[c.codes[r]];
    };
    let missing = 0;
    lines.forEach(([hole, from, to, au, zone], r) => {
      for (const t of [a, b]) {
        expect(holeIds[t.hole[r]]).toBe(hole);
        expect(t.from[r]).toBe(Number(from));
        expect(t.to[r]).toBe(Number(to));
        if (au === '') expect(Number.isNaN(t.numeric.Au[r])).toBe(true);
        else expect(t.numeric.Au[r]).toBe(Number(au));
        expect(zoneOf(t, r)).toBe(zone);
      }
      if (au === '') missing++;
    });
    // Some ore-zone rows and only a few missing grades (0.4 % missing in the generator).
    expect(lines.some((l) => l[4] !== '')).toBe(true);
    expect(missing).toBeLessThan(lines.length / 10);
  });
});
