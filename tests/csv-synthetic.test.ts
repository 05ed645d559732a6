/**
 * CSV import on small hand-written tables: one behaviour per test (BOM, units, detection limits,
 * mapping overrides, unknown holes, duplicates, conventions, row numbers).
 */
import { describe, expect, it } from 'vitest';
import { importCsv, type CsvFile, type ImportOptions } from '../src/data/csv';
import { validateDeposit } from '../src/data/load';
import { Deposit } from '../src/data/schema';

const COLLAR = ['HOLEID,EAST,NORTH,RL', 'DH1,612000,5343000,300', 'DH2,612100,5343050,301.5'].join('\n');
const SURVEY = ['HOLEID,DEPTH,AZI,DIP', 'DH1,0,180,-60', 'DH1,100,181,-58', 'DH2,0,0,-90', 'DH2,50,0,-89'].join('\n');

function load(files: CsvFile[], options?: ImportOptions) {
  const r = importCsv(files, options);
  expect(Deposit.safeParse(r.document).success).toBe(true);
  const v = validateDeposit(JSON.parse(JSON.stringify(r.document)), 'test');
  expect(v.report.errors).toEqual([]);
  return { ...r, model: v.model!, loadReport: v.report };
}

const assay = (text: string): CsvFile => ({ name: 'assays.csv', text });
const files = (...extra: CsvFile[]): CsvFile[] => [{ name: 'collar.csv', text: COLLAR }, { name: 'survey.csv', text: SURVEY }, ...extra];

describe('CSV import: parsing', () => {
  it('ignores a UTF-8 BOM and header whitespace', () => {
    const r = load([{ name: 'collar.csv', text: '\uFEFF HOLEID , EAST ,NORTH,RL\nDH1,1,2,3\n' }]);
    expect(r.tables[0].headers).toEqual(['HOLEID', 'EAST', 'NORTH', 'RL']);
    expect(r.tables[0].mapping).toEqual({ hole: 'HOLEID', east: 'EAST', north: 'NORTH', elevation: 'RL' });
    expect(r.document.holes![0]).toMatchObject({ id: 'DH1', collar: [1, 2, 3] });
  });

  it('numbers rows by file line, past blank lines and quoted line breaks, CRLF or not', () => {
    const text = 'HOLEID,FROM,TO,Au,comment\r\n\r\nDH1,0,1,1.2,"two\r\nlines"\r\n   \r\nDH9,1,2,0.5,x\r\nDH1,5,4,1,y';
    const r = load(files(assay(text)));
    expect(r.report.errors.map((e) => [e.path, e.id]).sort()).toEqual([['assays.csv:row 6', 'DH9'], ['assays.csv:row 7', 'DH1']]);
    expect(r.document.intervals![0].data!.comment).toEqual(['two\r\nlines']);
  });

  it('keeps numeric-looking hole ids as strings', () => {
    const r = load([{ name: 'c.csv', text: 'BHID,XCOLLAR,YCOLLAR,ZCOLLAR\n00123,1,2,3\n34873,4,5,6' }]);
    expect(r.document.holes!.map((h) => h.id)).toEqual(['00123', '34873']);
  });
});

describe('CSV import: values', () => {
  it('converts Au in ppb to g/t and says so', () => {
    const r = load(files(assay('HOLE_ID,FROM_M,TO_M,Au_ppb,LITH\nDH1,0,1,1500,GRN\nDH1,1,2,<5,QV\nDH1,2,3,,QV\nDH1,3,4,7,')));
    const t = r.tables[2];
    expect(t.mapping).toEqual({ hole: 'HOLE_ID', from: 'FROM_M', to: 'TO_M', au: 'Au_ppb' });
    expect(t.columns[0]).toMatchObject({ name: 'Au', unit: 'g/t', factor: 0.001 });
    expect(t.columns[1]).toMatchObject({ name: 'LITH', type: 'categorical' });
    const data = r.document.intervals![0].data!;
    expect(data.Au).toEqual([1.5, -0.005, null, 0.007]);
    expect(data.LITH).toEqual(['GRN', 'QV', 'QV', null]);
    expect(r.report.warnings.some((w) => /Au_ppb is in ppb: converted to g\/t \(× 0.001\)/.test(w.message))).toBe(true);
    // Loaded by the app: below detection is half the limit, missing stays NaN (never 0).
    const au = r.model.intervals[0].numeric.Au;
    expect([au[0], au[1], au[3]]).toEqual([1.5, 0.0025, 0.007]);
    expect(Number.isNaN(au[2])).toBe(true);
  });

  it('reads "<0.005", negative numbers, NS and -99 as below detection or missing', () => {
    const r = load(files(assay('HOLEID,FROM,TO,Au_ppm,Cu_pct\nDH1,0,1,<0.005,0.5\nDH1,1,2,-0.01,NS\nDH1,2,3,2.5,-99\nDH1,3,4,>100,')));
    const data = r.document.intervals![0].data!;
    expect(data.Au).toEqual([-0.005, -0.01, 2.5, 100]);
    expect(data.Cu).toEqual([0.5, null, null, null]);
    expect(r.tables[2].columns.map((c) => [c.name, c.unit])).toEqual([['Au', 'g/t'], ['Cu', '%']]);
    expect(r.tables[2].columns[0].stats).toMatchObject({ values: 1, belowDetection: 2, overLimit: 1, missing: 0 });
    expect(r.tables[2].columns[1].stats).toMatchObject({ values: 1, missing: 3 });
    // Expected properties of assay data are information; a value capped at the lab's upper limit
    // understates the grade and needs a re-assay: a warning.
    expect((r.report.notes ?? []).map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/below-detection values .*: Au 2$/),
        expect.stringMatching(/missing values .*never zero: Cu 3$/),
      ]),
    );
    expect(r.report.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/over-limit values .*: Au 1$/)]));
    expect(r.report.warnings.map((w) => w.message).join('\n')).not.toMatch(/below-detection values|missing values/);
    expect(Array.from(r.model.intervals[0].numeric.Au)).toEqual([0.0025, 0.005, 2.5, 100]);
  });

  it('treats a mostly-text column as categorical and a mostly-numeric one as numeric', () => {
    const r = load(files(assay('HOLEID,FROM,TO,Ag_ppm,ZONE,SAMPLE\nDH1,0,1,3,1,1001\nDH1,1,2,abc,2,1002\nDH1,2,3,4,,1003')));
    const [ag, zone, sample] = r.tables[2].columns;
    expect([ag.type, ag.stats.nonNumeric]).toEqual(['numeric', 1]);
    expect(zone.type).toBe('categorical');
    expect(sample.type).toBe('categorical');
  });
});

describe('CSV import: mapping and conventions', () => {
  it('applies a mapping override, which can also make a table recognisable', () => {
    const survey = { name: 'odd-survey.csv', text: 'HOLEID,Station,AZI,Angle\nDH1,0,180,-60\nDH1,100,181,-58' };
    const auto = importCsv([{ name: 'collar.csv', text: COLLAR }, survey]);
    expect(auto.tables[1].kind).toBe('unknown');
    expect(auto.report.errors[0]).toMatchObject({ path: 'odd-survey.csv' });
    expect(auto.report.dropped.unrecognised).toBe(2);

    const assays = assay('HOLEID,FROM,TO,Au1_ppm,Au2_ppm\nDH1,0,1,1,2');
    const r = load([{ name: 'collar.csv', text: COLLAR }, survey, assays], {
      mapping: { 'odd-survey.csv': { depth: 'Station', dip: 'angle' }, 'assays.csv': { au: 'Au2_ppm' } },
    });
    expect(r.tables[1]).toMatchObject({ kind: 'survey', mapping: { hole: 'HOLEID', depth: 'Station', azimuth: 'AZI', dip: 'Angle' } });
    expect(r.document.holes![0].surveys).toEqual([{ depth: 0, azimuth: 180, dip: -60 }, { depth: 100, azimuth: 181, dip: -58 }]);
    expect(r.tables[2].columns.map((c) => [c.header, c.name])).toEqual([['Au2_ppm', 'Au'], ['Au1_ppm', 'Au1']]);
    expect(r.document.intervals![0].data!.Au).toEqual([2]);
  });

  it('reads INC as inclination from vertical: dip = inc - 90, with a warning', () => {
    const r = load([{ name: 'collar.csv', text: COLLAR }, { name: 'survey.csv', text: 'HOLEID,MD,AZIMUTH,INC\nDH1,0,90,0\nDH1,100,90,30\nDH2,0,0,-60' }]);
    expect(r.tables[1].mapping).toEqual({ hole: 'HOLEID', depth: 'MD', azimuth: 'AZIMUTH', inclination: 'INC' });
    expect(r.document.holes![0].surveys).toEqual([{ depth: 0, azimuth: 90, dip: -90 }, { depth: 100, azimuth: 90, dip: -60 }]);
    expect(r.document.holes![1].surveys).toEqual([{ depth: 0, azimuth: 0, dip: -60 }]);
    expect(r.report.warnings.some((w) => /INC read as inclination from vertical/.test(w.message))).toBe(true);
    expect(r.report.warnings.some((w) => /1 negative value\(s\) in INC/.test(w.message))).toBe(true);
  });

  it('detects positive-down dips, negates them, and follows an explicit choice with a warning', () => {
    const survey = { name: 'survey.csv', text: 'HOLEID,AT,AZ,DIP\nDH1,0,180,60\nDH1,100,181,58\nDH2,0,0,90' };
    const auto = load([{ name: 'collar.csv', text: COLLAR }, survey]);
    expect(auto.dipSign).toMatchObject({ detected: 'positive-down', used: 'positive-down' });
    expect(auto.document.holes![0].surveys).toEqual([{ depth: 0, azimuth: 180, dip: -60 }, { depth: 100, azimuth: 181, dip: -58 }]);
    const forced = load([{ name: 'collar.csv', text: COLLAR }, survey], { dipSign: 'negative-down' });
    expect(forced.dipSign).toMatchObject({ detected: 'positive-down', used: 'negative-down' });
    expect(forced.report.warnings.some((w) => /as asked, though the data suggest positive-down/.test(w.message))).toBe(true);
  });

  it('reads feet from column names and converts every length', () => {
    const r = load([
      { name: 'collar.csv', text: 'HOLEID,EAST_FT,NORTH_FT,ELEV_FT,TOTAL_DEPTH_FT\nDH1,1000,2000,100,328.084' },
      { name: 'assay.csv', text: 'HOLEID,FROM_FT,TO_FT,AU_GPT\nDH1,0,10,1' },
    ]);
    expect(r.lengthUnit).toBe('ft');
    const h = r.document.holes![0];
    expect(h.collar).toEqual([304.8, 609.6, 30.48]);
    expect(h.depth).toBeCloseTo(100, 4);
    expect(r.document.intervals![0].data!.to).toEqual([3.048]);
  });
});

describe('CSV import: every row accounted for', () => {
  it('reports an unknown hole id in the assay file once per hole, with file:row, and drops its rows', () => {
    const r = load(files(assay('HOLEID,FROM,TO,Au\nDH1,0,1,1\nDH7,0,1,2\nDH7,1,2,3\nDH1,1,2,4')));
    expect(r.report.errors).toMatchObject([{ path: 'assays.csv:row 3', id: 'DH7', message: expect.stringMatching(/hole "DH7" has no collar: 2 interval row\(s\) of assays.csv ignored/) }]);
    expect(r.report.counts.intervals).toBe(2);
    expect(r.report.dropped.intervals).toBe(2);
    expect(r.tables[2]).toMatchObject({ rows: 4, loaded: 2, dropped: 2 });
  });

  it('reports a duplicated collar and keeps the first', () => {
    const r = load([{ name: 'collar.csv', text: `${COLLAR}\nDH1,1,1,1` }, { name: 'survey.csv', text: SURVEY }]);
    expect(r.report.errors).toMatchObject([{ path: 'collar.csv:row 4', id: 'DH1', message: expect.stringMatching(/duplicate collar .*first at collar.csv:row 2/) }]);
    expect(r.document.holes!.map((h) => h.collar)).toEqual([[612000, 5343000, 300], [612100, 5343050, 301.5]]);
    expect(r.report).toMatchObject({ counts: { collars: 2 }, dropped: { collars: 1 } });
  });

  it('reports from >= to and bad coordinates, and explains surveys of a rejected collar', () => {
    const r = importCsv([
      { name: 'collar.csv', text: `${COLLAR}\nDH3,abc,1,1` },
      { name: 'survey.csv', text: `${SURVEY}\nDH3,0,0,-90` },
      assay('HOLEID,FROM,TO,Au\nDH1,2,2,1\nDH1,3,1,1'),
    ]);
    expect(r.report.errors.map((e) => [e.path, e.id])).toEqual([
      ['collar.csv:row 4', 'DH3'],
      ['survey.csv:row 6', 'DH3'],
      ['assays.csv:row 2', 'DH1'],
      ['assays.csv:row 3', 'DH1'],
    ]);
    expect(r.report.errors[1].message).toMatch(/its collar row at collar.csv:row 4 was rejected/);
    expect(r.report.dropped).toMatchObject({ collars: 1, surveys: 1, intervals: 2 });
  });

  it('uses the final depth column: stations past it are ignored with a warning; sentinels too', () => {
    const r = load([
      { name: 'collar.csv', text: 'HOLEID,EAST,NORTH,RL,MAX_DEPTH,AZIMUTH,DIP\nDH1,0,0,0,120,90,-45\nDH2,0,10,0,50,270,-60' },
      { name: 'survey.csv', text: 'HOLEID,DEPTH,AZI,DIP\nDH1,0,180,-60\nDH1,150,181,-58\nDH1,99999,0,-90\nDH1,100,181,-58\nDH1,100,182,-57' },
    ]);
    const [dh1, dh2] = r.document.holes!;
    expect(dh1).toMatchObject({ depth: 120, azimuth: 90, dip: -45, surveys: [{ depth: 0, azimuth: 180, dip: -60 }, { depth: 100, azimuth: 181, dip: -58 }] });
    expect(dh2).toMatchObject({ depth: 50, azimuth: 270, dip: -60 });
    expect(dh2.surveys).toBeUndefined();
    const msgs = r.report.warnings.map((w) => `${w.path} ${w.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/row 3 hole DH1: survey station at 150 m is past the final depth 120 m; ignored/),
        expect.stringMatching(/row 6 hole DH1: duplicated survey station at 100 m \(also at survey.csv:row 5\) with a different azimuth \/ dip; the first is kept/),
        expect.stringMatching(/row 2 hole DH1: survey stations listed out of depth order; sorted by depth/),
        expect.stringMatching(/row 4 hole DH1: survey depth 99999 m is a no-data placeholder/),
        expect.stringMatching(/hole DH2: no survey; drawn straight along its collar azimuth 270° and dip -60°/),
      ]),
    );
    expect(r.tables[1]).toMatchObject({ rows: 5, loaded: 2, dropped: 3 });
  });

  it('reads program, year, type and status when the collar table has them', () => {
    const r = load([{ name: 'collar.csv', text: 'Hole ID,Easting,Northing,Elevation,Depth,Program,Year,Hole Type,Status\nA,1,2,3,100,Phase 1,2021-05-04,UG,Planned\nB,1,2,3,50,,1988,Surface,RC' }]);
    expect(r.document.holes).toEqual([
      { id: 'A', collar: [1, 2, 3], depth: 100, program: 'Phase 1', year: 2021, type: 'underground', status: 'planned' },
      { id: 'B', collar: [1, 2, 3], depth: 50, year: 1988, type: 'surface' },
    ]);
    expect(r.report.warnings.some((w) => /1 value\(s\) of Status are not drilled \/ planned: status left unset \(drilled\) \("RC"\)/.test(w.message))).toBe(true);
  });
});

describe('CSV import: the length unit', () => {
  it('says metres are assumed when no column names a unit, and warns when a hole is implausibly deep in metres', () => {
    const collar = 'HOLEID,EAST,NORTH,RL,DEPTH\nDH1,612000,5343000,300,250\nDH2,612100,5343050,301.5,9840';
    const r = importCsv([{ name: 'collar.csv', text: collar }]);
    expect(r.lengthUnit).toBe('m');
    expect(r.lengthUnitAssumed).toBe(true);
    // 9,840 "m" is deeper than any gold exploration hole: probably 9,840 ft (3 km).
    expect(r.report.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^1 hole\(s\) deeper than 3,000 m \(deepest DH2, 9,840 m\).*choose feet/)]));
  });
  it('reads a unit in the column names as detected, not assumed', () => {
    const collar = 'HOLEID,EAST_M,NORTH_M,RL_M,DEPTH_M\nDH1,612000,5343000,300,250';
    const r = importCsv([{ name: 'collar.csv', text: collar }]);
    expect(r.lengthUnitAssumed).toBe(false);
    expect(r.report.warnings.map((w) => w.message).join('\n')).not.toMatch(/deeper than/);
    expect(importCsv([{ name: 'collar.csv', text: collar }], { lengthUnit: 'm' }).lengthUnitAssumed).toBe(false);
  });
});

describe('CSV import: line ends', () => {
  it('numbers rows right in a file with carriage returns alone (classic Mac OS)', () => {
    const collar = ['HOLEID,EAST,NORTH,RL,DEPTH', 'DH1,612000,5343000,300,50', 'DH2,oops,5343050,301.5,60'].join('\r');
    const r = importCsv([{ name: 'collar.csv', text: collar }]);
    expect(r.document.holes!.map((h) => h.id)).toEqual(['DH1']);
    expect(r.report.errors.map((e) => [e.path, e.id])).toEqual([['collar.csv:row 3', 'DH2']]);
  });
});
