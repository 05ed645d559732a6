/**
 * Bad and hostile drill tables: empty, blank-only and header-only files, binary garbage, NUL
 * bytes, huge fields, markup, wrong types, thousands of columns, prototype-polluting names. Each
 * problem is reported with the file (and row and hole id where there is one), valid rows still
 * load, and the document loads through the app's own validation.
 */
import { describe, expect, it } from 'vitest';
import { importCsv, type CsvFile } from '../src/data/csv';
import { validateDeposit } from '../src/data/load';

const COLLAR = 'hole,east,north,rl,depth\nA,100,200,300,50\nB,110,200,300,60\n';
const SURVEY = 'hole,at,azimuth,dip\nA,0,90,-60\nB,0,180,-45\n';
const load = (files: CsvFile[]) => {
  const r = importCsv(files);
  const v = validateDeposit(JSON.parse(JSON.stringify(r.document)), 'test');
  return { r, v, all: [...r.report.errors, ...r.report.warnings] };
};

describe('empty, blank-only and header-only tables are reported by name', () => {
  const { r, v, all } = load([
    { name: 'collar.csv', text: COLLAR },
    { name: 'survey.csv', text: '' },
    { name: 'assay.csv', text: '\n  \r\n\t\n' },
    { name: 'lith.csv', text: 'hole,from,to,lith\n' },
    { name: 'empty-bytes.csv', bytes: new Uint8Array(0) },
  ]);

  it('names each file and what is wrong with it', () => {
    expect(all.find((i) => i.path === 'survey.csv')!.message).toMatch(/^survey\.csv is empty/);
    expect(all.find((i) => i.path === 'assay.csv')!.message).toMatch(/^assay\.csv holds only blank lines/);
    expect(all.find((i) => i.path === 'lith.csv')!.message).toMatch(/^lith\.csv has a header \(hole, from, to, lith\) but no data rows: no interval rows loaded/);
    expect(all.find((i) => i.path === 'empty-bytes.csv')!.message).toMatch(/is empty/);
  });

  it('still loads the tables that are not empty', () => {
    expect(r.report.ok).toBe(true);
    expect(v.model!.holes.map((h) => h.id)).toEqual(['A', 'B']);
    expect(v.model!.holes[1].depth).toBe(60);
  });

  it('a set of only empty tables produces nothing, and says so', () => {
    const only = importCsv([{ name: 'collar.csv', text: '' }, { name: 'survey.csv', text: 'hole,at,azimuth,dip\n' }]);
    expect(only.report.ok).toBe(false);
    expect(only.report.errors.map((e) => e.path)).toContain('collar.csv');
    expect(only.report.warnings.map((e) => e.path)).toContain('survey.csv');
  });
});

describe('hostile content', () => {
  it('markup stays text: a hole id or lithology holding HTML is loaded verbatim', () => {
    const id = '<img src=x onerror="alert(1)">';
    const { v } = load([
      { name: 'collar.csv', text: `hole,east,north,rl,depth\n"${id.replace(/"/g, '""')}",1,2,3,10\n` },
      { name: 'lith.csv', text: `hole,from,to,lith\n"${id.replace(/"/g, '""')}",0,10,<script>alert(1)</script>\n` },
    ]);
    expect(v.model!.holes[0].id).toBe(id);
    expect(v.model!.intervals[0].categorical.lith.categories).toEqual(['<script>alert(1)</script>']);
  });

  it('binary garbage is refused by name and the other files load', () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const { r, v } = load([{ name: 'collar.csv', text: COLLAR }, { name: 'survey.csv', bytes: garbage }]);
    expect(r.report.errors.find((e) => e.path === 'survey.csv')!.message).toMatch(/not a text table/);
    expect(v.model!.holes).toHaveLength(2);
  });

  it('NUL bytes inside a table are removed with a warning at their row, and the values load', () => {
    const text = 'hole,east,north,rl,depth\nA,100,200,300,50\nB,11\u00000,200,300,60\n';
    const { r, v } = load([{ name: 'collar.csv', bytes: new TextEncoder().encode(text) }]);
    expect(r.report.warnings.find((w) => /NUL/.test(w.message))).toMatchObject({ path: 'collar.csv:row 3' });
    expect(v.model!.holes[1].collar).toEqual([110, 200, 300]);
  });

  it('a huge field is reported at its row and hole, in a message of readable length', () => {
    const huge = '9'.repeat(2_000_000) + 'x';
    const { r, v } = load([{ name: 'collar.csv', text: `${COLLAR}C,${huge},200,300,10\n` }]);
    const e = r.report.errors.find((x) => x.id === 'C')!;
    expect(e.path).toBe('collar.csv:row 4');
    expect(e.message.length).toBeLessThan(1000);
    expect(e.message).toMatch(/characters in all/);
    expect(v.model!.holes.map((h) => h.id)).toEqual(['A', 'B']);
  });

  it('wrong types are reported per row with the hole id; valid rows load', () => {
    const { r, v } = load([
      { name: 'collar.csv', text: `${COLLAR}C,east,200,300,10\nD,120,{"a":1},300,10\n` },
      { name: 'survey.csv', text: `${SURVEY}A,ten,90,-60\n` },
    ]);
    expect(r.report.errors.map((e) => [e.path, e.id])).toEqual([['collar.csv:row 4', 'C'], ['collar.csv:row 5', 'D'], ['survey.csv:row 4', 'A']]);
    expect(v.model!.holes.map((h) => h.id)).toEqual(['A', 'B']);
  });

  it('thousands of columns load, every one kept', () => {
    const n = 3000;
    const head = ['hole', 'from', 'to', ...Array.from({ length: n }, (_, k) => `E${k}_ppm`)].join(',');
    const row = (h: string) => [h, 0, 5, ...Array.from({ length: n }, (_, k) => k / 10)].join(',');
    const { r, v } = load([{ name: 'collar.csv', text: COLLAR }, { name: 'assay.csv', text: `${head}\n${row('A')}\n${row('B')}\n` }]);
    expect(r.report.errors).toEqual([]);
    expect(v.model!.intervals[0].columns).toHaveLength(n);
    expect(v.model!.intervals[0].numeric.E2999[1]).toBeCloseTo(299.9, 9);
  });

  it('prototype names as headers and hole ids: renamed columns, no pollution, values kept', () => {
    const { r, v } = load([
      { name: 'collar.csv', text: `${COLLAR}__proto__,1,2,3,10\nconstructor,4,5,6,10\n` },
      { name: 'assay.csv', text: 'hole,from,to,__proto__,constructor,toString,Au\nA,0,1,1.5,x,2,0.5\n__proto__,0,2,7,y,8,9\n' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.document.intervals![0].data)).toBe(Object.prototype);
    const cols = r.tables[1].columns.map((c) => c.name);
    expect(cols).toEqual(['Au', '__proto__ (4)', 'constructor (5)', 'toString (6)']);
    expect(r.report.warnings.filter((w) => /cannot name a column/.test(w.message))).toHaveLength(3);
    expect(v.report.errors).toEqual([]);
    expect(v.model!.holes.map((h) => h.id)).toEqual(['A', 'B', '__proto__', 'constructor']);
    const t = v.model!.intervals[0];
    expect(Array.from(t.numeric['__proto__ (4)'])).toEqual([1.5, 7]);
    expect(t.categorical['constructor (5)'].categories).toEqual(['x', 'y']);
    expect(Array.from(t.numeric.Au)).toEqual([0.5, 9]);
  });

  it('a file named __proto__ with a mapping option does not read the prototype as a mapping', () => {
    const r = importCsv([{ name: '__proto__', text: COLLAR }], { mapping: {} });
    expect(r.tables[0].kind).toBe('collar');
    expect(r.document.holes).toHaveLength(2);
  });
});
