/** The data-QA list: load issues merged with the checks' problems, and its CSV for the database manager. */
import { describe, expect, it } from 'vitest';
import { qaProblems, problemHoleIds } from '../src/state/qaProblems';
import { qaCsv } from '../src/ui/qa/csv';
import type { LoadReport, Model } from '../src/data/model';
import type { Problem } from '../src/domain/qa/types';

const model = { holes: [{ id: 'H1' }, { id: 'H2' }], surfaces: [{ id: 'vein-a' }] } as unknown as Model;
const report: LoadReport = {
  source: 'd.json', ok: true, counts: {}, dropped: {},
  errors: [{ path: '$.holes[7].collar', id: 'H9', message: 'collar must be 3 numbers; hole ignored' }],
  warnings: [
    { path: '$.intervals[0]', id: 'H1', check: 'overlap', message: 'hole H1: interval 1-2 m overlaps 0-1.5 m' },
    { path: '$.surfaces[0]', id: 'vein-a', message: 'attribute "x" left out' },
  ],
  notes: [{ path: '$.intervals[0].Au', id: 'assays', message: 'Au: 3 missing value(s), kept as missing (not zero)' }],
};
const checked: Problem[] = [{ kind: 'overlap', severity: 'warning', holeId: 'H1', hole: 0, from: 1, to: 2, message: 'H1: interval 1 m–2 m overlaps 0 m–1.5 m' }];

describe('data-QA list', () => {
  const list = qaProblems(report, model, checked);
  it('keeps every load issue but the ones a check lists again, and ties them to holes and surfaces', () => {
    expect(list.map((p) => p.kind)).toEqual(['load-error', 'load-warning', 'overlap', 'information']);
    expect(list[0]).toMatchObject({ path: '$.holes[7].collar', recordId: 'H9' });
    expect(list[0].hole).toBeUndefined(); // H9 was not loaded: nothing to fly to
    expect(list[1]).toMatchObject({ surfaceId: 'vein-a' });
    expect(list[3].severity).toBe('info');
  });
  it('ties each of many warnings to its hole, the first few found by a scan and the rest by a map', () => {
    // 20 holes H0..H19; 12 warnings naming H19, H18, ... H8 (more than are scanned for), then a surface and a missing hole.
    const many = { holes: Array.from({ length: 20 }, (_, i) => ({ id: `H${i}` })), surfaces: [{ id: 'vein-a' }] } as unknown as Model;
    const named = Array.from({ length: 12 }, (_, k) => ({ path: `$.holes[${19 - k}]`, id: `H${19 - k}`, message: 'w' }));
    const out = qaProblems({ ...report, errors: [], notes: [], warnings: [...named, { path: '$.surfaces[0]', id: 'vein-a', message: 's' }, { path: '$.x', id: 'H99', message: 'x' }] }, many, null);
    expect(out.slice(0, 12).map((p) => [p.holeId, p.hole])).toEqual(Array.from({ length: 12 }, (_, k) => [`H${19 - k}`, 19 - k]));
    expect(out[12]).toMatchObject({ surfaceId: 'vein-a' });
    expect(out[12].hole).toBeUndefined();
    expect(out[13].hole).toBeUndefined();
    expect(out[13].holeId).toBeUndefined();
  });
  it('lists the holes with problems, information aside', () => {
    expect(problemHoleIds([...list, { kind: 'crossing', severity: 'warning', holeId: 'H1', otherHoleId: 'H2', message: '' }, { kind: 'information', severity: 'info', holeId: 'H3', message: '' }])).toEqual(['H1', 'H2']);
  });
  it('exports one CSV row per problem, quoted, with formulas defused', () => {
    const csv = qaCsv([
      { kind: 'duplicate', severity: 'warning', holeId: '=HYPERLINK("http://x")', table: 'assay', from: 1.5, to: 2.25, message: 'twice, "again"' },
      { kind: 'load-error', severity: 'error', path: 'collar.csv:row 4', message: 'line\nbreak' },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('kind,severity,hole_id,table,from_m,to_m,depth_m,other_hole_id,other_depth_m,surface_id,record_id,source_path,message');
    expect(lines[1]).toBe(`Duplicate samples,warning,"'=HYPERLINK(""http://x"")",assay,1.5,2.25,,,,,,,"twice, ""again"""`);
    expect(csv).toContain('Records not loaded,error,,,,,,,,,,collar.csv:row 4,"line\nbreak"');
  });
  it('writes the CSV in French: header identifiers, kinds, severities and keyed messages; numbers keep a decimal point', async () => {
    const { say } = await import('../src/domain/message');
    const lines = qaCsv([{ kind: 'duplicate', severity: 'warning', holeId: 'RK-1', table: 'assay', from: 1234.5, to: 1235.25, message: 'x' }, { kind: 'load-error', severity: 'error', path: '$.x', ...say('example.rows', { count: 1234 }) }], 'fr').split('\r\n');
    expect(lines[0]).toBe('type,gravite,forage,table,de_m,a_m,profondeur_m,autre_forage,autre_profondeur_m,surface,enregistrement,emplacement_source,message');
    expect(lines[1]).toBe('Échantillons en double,avertissement,RK-1,assay,1234.5,1235.25,,,,,,,x');
    expect(lines[2]).toBe('Enregistrements non chargés,erreur,,,,,,,,,,$.x,1\u202f234 rangées');
  });
});

describe('a CSV import and the QA checks say the same', () => {
  it('names the duplicate and the overlap at their rows, once each, tagged with the QA check', async () => {
    const { importCsv } = await import('../src/data/csv');
    const { validateDeposit } = await import('../src/data/load');
    const { mergeCsvIssues } = await import('../src/data/csvReport');
    const collar = 'HOLEID,EAST,NORTH,RL,DEPTH\nDH1,612000,5343000,300,50';
    // Rows (file lines): 2: 0-1, 3: 1-2, 4: 1-2 again (duplicate), 5: 1.5-3 (overlaps 1-2).
    const assays = 'HOLEID,FROM,TO,AU\nDH1,0,1,0.5\nDH1,1,2,3.1\nDH1,1,2,3.1\nDH1,1.5,3,1.2';
    const r = importCsv([{ name: 'collar.csv', text: collar }, { name: 'assays.csv', text: assays }]);
    const v = validateDeposit(r.document, 'test');
    const m = mergeCsvIssues(r.report, v.report);
    const tagged = m.warnings.filter((w) => w.check === 'duplicate' || w.check === 'overlap').map((w) => [w.check, w.path]);
    expect(tagged).toEqual([['duplicate', 'assays.csv:row 4'], ['overlap', 'assays.csv:row 5']]);
  });
});
