/**
 * GOCAD ASCII importer (src/data/surfaces/gocad.ts) against the real files in
 * ../shared/data/external/surfaces/ (counts from /work/shared/data/README.md, written from
 * independent parsers), plus hand-made broken files for the error paths.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGocad, parseGocad } from '../src/data/surfaces/gocad';
import type { ImportedLines, ImportedMesh, ImportResult } from '../src/data/surfaces/types';

const DIR = path.resolve(__dirname, '../../shared/data/external/surfaces');
const bytesOf = (rel: string) => new Uint8Array(readFileSync(path.join(DIR, rel)));
const textOf = (rel: string) => readFileSync(path.join(DIR, rel), 'utf8');
const load = (rel: string) => parseGocad(bytesOf(rel), path.basename(rel));
const fromText = (text: string, name = 'synthetic.ts') => importGocad(new TextEncoder().encode(text), name) as ImportResult;
const meshes = (r: ImportResult) => r.objects.filter((o): o is ImportedMesh => o.type === 'mesh');

type Box = [[number, number], [number, number], [number, number]];
function boxOf(...arrays: Float64Array[]): Box {
  const b: Box = [[Infinity, -Infinity], [Infinity, -Infinity], [Infinity, -Infinity]];
  for (const a of arrays) {
    for (let i = 0; i < a.length; i += 3) {
      for (let c = 0; c < 3; c++) { b[c][0] = Math.min(b[c][0], a[i + c]); b[c][1] = Math.max(b[c][1], a[i + c]); }
    }
  }
  return b;
}
/** README boxes are rounded: compare within `tol` (half a unit of the last printed digit). */
function expectBox(actual: Box, expected: Box, tol: number) {
  for (let c = 0; c < 3; c++) {
    expect(Math.abs(actual[c][0] - expected[c][0]), `axis ${c} min`).toBeLessThanOrEqual(tol);
    expect(Math.abs(actual[c][1] - expected[c][1]), `axis ${c} max`).toBeLessThanOrEqual(tol);
  }
}
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');

describe('GOCAD: real files', () => {
  it('SCEC GVFA fault: 6 vertices, 4 triangles, a property whose no-data value becomes NaN', () => {
    const r = load('GVFA-WWFZ-EAST-Scodie_Lineament-CFM1.ts');
    expect(errors(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect(m.name).toBe('GVFA-WWFZ-EAST-Scodie_Lineament-CFM1');
    expect(m.vertices.length / 3).toBe(6);
    expect(Array.from(m.triangles)).toEqual([0, 4, 1, 0, 1, 2, 5, 3, 2, 3, 0, 2]);
    expect(m.color).toBe('#000080'); // *solid*color:0 0 0.501961 1
    expect(m.attributes?.map((a) => a.name)).toEqual(['is_latest']);
    expect(Array.from(m.attributes![0].values).every(Number.isNaN)).toBe(true); // every value is -99999
    expect(boxOf(m.vertices)).toEqual([[399811.84375, 410852.8125], [3946495.75, 3958683.75], [-13036.85546875, -7000]]);
    expect(r.meta).toMatchObject({ format: 'GOCAD TSurf 1', zPositive: 'up', declaredUnit: 'm', crs: 'Default' });
    expect(r.info[0].geologicalType).toBe('top');
  });

  it('GVFA with one real property value keeps it and NaNs the no-data ones', () => {
    const text = textOf('GVFA-WWFZ-EAST-Scodie_Lineament-CFM1.ts').replace('PVRTX 2 404500.5625 3949874.5 -12862.9267578125 -99999', 'PVRTX 2 404500.5625 3949874.5 -12862.9267578125 0.25');
    const [m] = meshes(fromText(text));
    expect(Array.from(m.attributes![0].values).map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual(['NaN', 0.25, 'NaN', 'NaN', 'NaN', 'NaN']);
  });

  it('Claudius Fault.ts: 93 VRTX (one ending CNXYZ), 133 TRGL, time axis reported', () => {
    const r = load('claudius/Fault.ts');
    expect(errors(r)).toEqual([]);
    const [m] = meshes(r);
    expect(m.name).toBe('SmallFault');
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([93, 133]);
    expect(r.info[0]).toMatchObject({ parts: 1, geologicalType: 'fault' });
    // `VRTX 56 551139.43200683594 7817139.765625 -10527.142578125 CNXYZ`: ids are 1..93 in order
    expect(Array.from(m.vertices.slice(55 * 3, 56 * 3))).toEqual([551139.43200683594, 7817139.765625, -10527.142578125]);
    expect(m.color).toBe('#ff7256');
    expectBox(boxOf(m.vertices), [[550988.0, 551520.7], [7816600.0, 7817659.5], [-10920, -9694.9]], 0.05);
    expect(r.meta).toMatchObject({ zPositive: 'up', declaredUnit: 'm', crs: 'gocad Local' });
    expect(r.issues.some((i) => i.severity === 'warning' && /third axis is "T"/.test(i.message) && i.path === 'Fault.ts:11')).toBe(true);
  });

  it('Hecho AllFaultSurfaces.ts: 3 objects 55/80, 105/168, 77/120, ids restarting at 1', () => {
    const r = load('hecho/AllFaultSurfaces.ts');
    expect(errors(r)).toEqual([]);
    const ms = meshes(r);
    expect(ms.map((m) => [m.name, m.vertices.length / 3, m.triangles.length / 3, m.color])).toEqual([
      ['F1Surf', 55, 80, '#c6a646'], ['F2Surf', 105, 168, '#8080bf'], ['F3Surf', 77, 120, '#800040'],
    ]);
    for (const m of ms) expect(Math.max(...m.triangles)).toBeLessThan(m.vertices.length / 3);
    expect(r.info.map((i) => i.parts)).toEqual([1, 1, 1]);
    expectBox(boxOf(...ms.map((m) => m.vertices)), [[6.42, 12.86], [-0.5, 0.5], [0, 2.73]], 0.005);
  });

  it('SCEC San Andreas: 7 TFACE merged, 1,835 VRTX + 4 ATOM aliases, 3,124 TRGL', () => {
    const r = load('scec_cfm/SAFS-SAFZ-MULT-San_Andreas_fault-complex-M3M4.ts');
    expect(errors(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([1835, 3124]);
    expect(r.info[0]).toMatchObject({ parts: 7, atoms: 4 });
    // independent scan of the text: VRTX id -> order, ATOM id -> ref, then each TRGL's indices
    const lines = textOf('scec_cfm/SAFS-SAFZ-MULT-San_Andreas_fault-complex-M3M4.ts').split('\n').map((l) => l.trim().split(/\s+/));
    const index = new Map<string, number>();
    lines.filter((t) => t[0] === 'VRTX').forEach((t, i) => index.set(t[1], i));
    const atoms = new Map(lines.filter((t) => t[0] === 'ATOM').map((t) => [t[1], t[2]]));
    expect([...atoms.keys()]).toEqual(['1643', '1747', '1751', '1755']);
    for (const [id, ref] of atoms) index.set(id, index.get(ref)!);
    const trgl = lines.filter((t) => t[0] === 'TRGL');
    expect(trgl.filter((t) => t.slice(1, 4).some((id) => atoms.has(id)))).toHaveLength(17);
    expect(Array.from(m.triangles)).toEqual(trgl.flatMap((t) => t.slice(1, 4).map((id) => index.get(id)!)));
    // one pair of VRTX share coordinates: 1,834 distinct positions
    const keys = new Set<string>();
    for (let i = 0; i < m.vertices.length; i += 3) keys.add(`${m.vertices[i]},${m.vertices[i + 1]},${m.vertices[i + 2]}`);
    expect(keys.size).toBe(1834);
    expectBox(boxOf(m.vertices), [[179036, 620114], [3689759, 3989825], [-17124, 1888]], 0.5);
  });

  it('OpenGeode Fault_without_crs.ts: CRLF, indented name, 0-based ids, no CRS', () => {
    const r = load('opengeode/Fault_without_crs.ts');
    expect(errors(r)).toEqual([]);
    const [m] = meshes(r);
    expect(m.name).toBe('Fault');
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([189, 324]);
    expect(Math.min(...m.triangles)).toBe(0); // id 0 is a real vertex, not an unknown id
    expect(Math.max(...m.triangles)).toBe(188);
    expect(Array.from(m.vertices.slice(0, 3))).toEqual([603006.757227, 6083871.433608, 2122.703843]); // VRTX 0
    expect(r.meta.zPositive).toBeUndefined();
    expect(r.meta.crs).toBeUndefined();
    expect(r.meta.declaredUnit).toBeUndefined();
    expectBox(boxOf(m.vertices), [[602930.9, 603905.7], [6083544.8, 6084589.1], [2117.3, 2432.3]], 0.05);
  });

  it('OpenGeode ts-2props.ts: two quoted property names, 4 PVRTX with CNXYZ, ZPOSITIVE Depth', () => {
    const r = load('opengeode/ts-2props.ts');
    expect(errors(r)).toEqual([]);
    const [m] = meshes(r);
    expect(m.name).toBe('test');
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([4, 2]);
    expect(m.attributes?.map((a) => a.name)).toEqual([' default property', 'def-prop']);
    for (const a of m.attributes!) {
      expect(a.values).toHaveLength(4);
      expect(Array.from(a.values).every(Number.isNaN)).toBe(true); // all -99999 = NO_DATA_VALUES
    }
    expect(r.meta).toMatchObject({ zPositive: 'down', crs: 'Pdgm_Epic Local', declaredUnit: 'm' });
    expect(m.color).toBe('#ff7256');
    expectBox(boxOf(m.vertices), [[-1008071, -745926], [-2717022, -2463857], [-110116, -15211]], 0.5);
  });

  it('OpenGeode surf2d_multi.ts: two identical TSurf named section1 load under distinct names', () => {
    const r = load('opengeode/surf2d_multi.ts');
    const ms = meshes(r);
    expect(ms.map((m) => m.name)).toEqual(['section1', 'section1 (2)']);
    for (const m of ms) expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([46, 46]);
    expect(r.info.map((i) => i.parts)).toEqual([3, 3]);
    expect(ms[1].vertices).toEqual(ms[0].vertices);
    expect(ms[1].triangles).toEqual(ms[0].triangles);
    expect(r.issues.filter((i) => /two objects named section1/.test(i.message)).map((i) => i.path)).toEqual(['surf2d_multi.ts:134']);
    expectBox(boxOf(ms[0].vertices), [[-61.7, 76.2], [-30.6, 27.1], [0, 0]], 0.05);
  });

  it('OpenGeode closed_lines.pl: 74 closed lines, 9,395 vertices + 74 closing repeats', () => {
    const r = load('opengeode/closed_lines.pl');
    expect(errors(r)).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const l = r.objects[0] as ImportedLines;
    expect(l.type).toBe('lines');
    expect(l.name).toBe('xs+ls-ore-25');
    expect(l.lines).toHaveLength(74);
    expect(l.lines.reduce((n, a) => n + a.length / 3, 0)).toBe(9395 + 74);
    const sizes = l.lines.map((a) => a.length / 3 - 1);
    expect(Math.min(...sizes)).toBe(30);
    expect(Math.max(...sizes)).toBe(416);
    for (const a of l.lines) expect(Array.from(a.slice(-3))).toEqual(Array.from(a.slice(0, 3)));
    const constant = (a: Float64Array, c: number) => a.every((v, i) => i % 3 !== c || v === a[c]);
    expect(l.lines.filter((a) => constant(a, 0)).length).toBe(42);
    expect(l.lines.filter((a) => constant(a, 1)).length).toBe(32);
    // first ILINE: VRTX 1..54, closed by SEG 54 1
    expect(l.lines[0].length / 3).toBe(55);
    expect(Array.from(l.lines[0].slice(0, 6))).toEqual([314590, 6074560, -353.70407104492188, 314590, 6074550.2241210938, -350]);
    expectBox(boxOf(...l.lines), [[314196.3, 315124.6], [6071316.3, 6075340.0], [-854.7, 345]], 0.05);
    expect(r.meta).toMatchObject({ format: 'GOCAD PLine 1', crs: 'SKUA Local' });
  });

  it('OpenGeode modelA4.ml: Model3d header skipped, 11 TSurf, 48,903 triangles, ZPOSITIVE Depth', () => {
    const r = load('opengeode/modelA4.ml');
    expect(errors(r)).toEqual([]);
    const ms = meshes(r);
    expect(ms.map((m) => m.name)).toEqual([
      'F1fault', 'F2fault', 'voi_N0boundary', 'voi_W90boundary', 'voi_bottom_boundary', 'voi_top_boundary',
      'voi_N180boundary', 'voi_E90boundary', 'H1b_horizon', 'H2b_horizon', 'H3b_horizon',
    ]);
    expect(ms.reduce((n, m) => n + m.triangles.length / 3, 0)).toBe(48903);
    expect(ms.reduce((n, m) => n + m.vertices.length / 3, 0)).toBe(14046 + 13956); // PATOM add no vertex
    expect(r.info.reduce((n, i) => n + i.atoms, 0)).toBe(690);
    expect(r.info.slice(1).reduce((n, i) => n + i.parts, 0)).toBe(55); // = the 55 TFACE of the Model3d header
    expect(r.info[0]).toMatchObject({ type: 'Model3d', name: 'modelA4' });
    expect(r.meta.zPositive).toBe('down');
    expect(r.meta.format).toContain('Model3d');
    for (const m of ms.slice(0, 8)) expect(m.attributes?.map((a) => a.name)).toEqual(['U', 'V', 'model3b_skua_model_H2b_t_plus', 'model3b_skua_model_H2b_t_minus', 'model3b_skua_model_H2b_t_throw']);
    expect(ms.slice(8).map((m) => m.color)).toEqual(['#19ccdf', '#9c3ece', '#ffff00']);
    expect(ms[0].color).toBe('#ffffff'); // *solid*color:white
    for (const m of ms) expect(Math.max(...m.triangles)).toBeLessThan(m.vertices.length / 3);
    expectBox(boxOf(...ms.map((m) => m.vertices)), [[-5291.1, 10949.3], [-3582.6, 5817.4], [-3247.1, 1837.6]], 0.05);
  });
});

describe('GOCAD: broken and synthetic input', () => {
  const head = 'GOCAD TSurf 1\nHEADER {\nname: bad\n}\nTFACE\n';

  it('TRGL naming an unknown id: error with its line, the other triangles load', () => {
    const r = fromText(head + 'VRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 0 1 0\nTRGL 1 2 3\nTRGL 1 2 9\nTRGL 3 2 1\nEND\n');
    expect(errors(r)).toEqual([expect.objectContaining({ path: 'synthetic.ts:10', severity: 'error', id: 'bad' })]);
    expect(errors(r)[0].message).toMatch(/unknown vertex id 9/);
    expect(Array.from(meshes(r)[0].triangles)).toEqual([0, 1, 2, 2, 1, 0]);
  });

  it('non-numeric VRTX: error, vertex skipped, triangles using it reported as unknown id', () => {
    const r = fromText(head + 'VRTX 1 0 0 0\nVRTX 2 1 abc 0\nVRTX 3 0 1 0\nVRTX 4 1 1 0\nTRGL 1 2 3\nTRGL 1 3 4\nEND\n');
    expect(errors(r).map((i) => i.path)).toEqual(['synthetic.ts:7', 'synthetic.ts:10']);
    const [m] = meshes(r);
    expect(m.vertices.length / 3).toBe(3);
    expect(Array.from(m.triangles)).toEqual([0, 1, 2]);
  });

  it('truncated file inside an object: warning with the last line, complete triangles kept', () => {
    const body = head + 'VRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 0 1 0\nVRTX 4 1 1 0\nTRGL 1 2 3\nTRGL 2 4 3\nTRGL 4 3';
    const r = fromText(body);
    const w = r.issues.filter((i) => i.severity === 'warning');
    expect(w).toHaveLength(1);
    expect(w[0].path).toBe('synthetic.ts:12');
    expect(w[0].message).toMatch(/file ends at line 12 inside object bad; .*loaded what was complete/);
    expect(Array.from(meshes(r)[0].triangles)).toEqual([0, 1, 2, 1, 3, 2]);
    // cut after a whole line: nothing dropped
    const r2 = fromText(body.slice(0, body.lastIndexOf('\n') + 1));
    expect(r2.issues[0].message).toMatch(/file ends at line 11 inside object bad; loaded what was complete/);
    expect(meshes(r2)[0].triangles.length).toBe(6);
  });

  it('not a GOCAD file: one error', () => {
    const r = fromText('solid cube\nfacet normal 0 0 1\n', 'cube.ts');
    expect(r.objects).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ path: 'cube.ts', severity: 'error', message: expect.stringMatching(/^not a GOCAD ASCII file/) })]);
  });

  it('unnamed objects, inline HEADER, #rrggbb colour, missing END before the next object', () => {
    const r = fromText('GOCAD TSurf 1\nHEADER {name:inline *solid*color:#FF0000}\nVRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 0 1 0\nTRGL 1 2 3\nEND\n'
      + 'GOCAD TSurf 1\nVRTX 0 0 0 0\nVRTX 1 1 0 0\nVRTX 2 0 1 0\nTRGL 0 1 2\n'
      + 'GOCAD TSurf 1\nHEADER {\n*solid*color: 0 1 0\n}\nVRTX 5 0 0 0\nATOM 6 5\nVRTX 7 0 1 0\nVRTX 8 1 0 0\nTRGL 6 7 8\nEND\n', 'dir/pit.ts');
    expect(meshes(r).map((m) => [m.name, m.color])).toEqual([['inline', '#ff0000'], ['pit 2', undefined], ['pit 3', '#00ff00']]);
    expect(r.issues.map((i) => i.path)).toEqual(['dir/pit.ts:13']); // no END before line 13's GOCAD
    expect(Array.from(meshes(r)[2].triangles)).toEqual([0, 1, 2]); // ATOM 6 is vertex 5
  });

  it('PLine: open SEG chains, and vertex order when there is no SEG', () => {
    const r = fromText('GOCAD PLine 1\nHEADER {\nname: w\n*line*color: 1 0 0 1\n}\nILINE\nVRTX 1 0 0 0\nVRTX 2 1 0 0\nVRTX 3 2 0 0\nSEG 2 3\nSEG 1 2\n'
      + 'ILINE\nVRTX 4 5 5 5\nVRTX 5 6 6 6\nEND\n', 'w.pl');
    const l = r.objects[0] as ImportedLines;
    expect(l.color).toBe('#ff0000');
    expect(l.lines.map((a) => Array.from(a))).toEqual([[0, 0, 0, 1, 0, 0, 2, 0, 0], [5, 5, 5, 6, 6, 6]]);
  });

  it('a generated 200,000-triangle TSurf parses (linear walk) with the right counts and progress', () => {
    const nx = 401, ny = 251; // 400 x 250 cells, 2 triangles each
    const parts: string[] = ['GOCAD TSurf 1\nHEADER {\nname: big\n}\nTFACE\n'];
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) parts.push(`VRTX ${j * nx + i + 1} ${500000 + i * 2.5} ${7000000 + j * 2.5} ${100 + ((i * j) % 17) * 0.125}\n`);
    for (let j = 0; j + 1 < ny; j++) {
      for (let i = 0; i + 1 < nx; i++) {
        const a = j * nx + i + 1;
        parts.push(`TRGL ${a} ${a + 1} ${a + nx}\nTRGL ${a + 1} ${a + nx + 1} ${a + nx}\n`);
      }
    }
    parts.push('END\n');
    const seen: number[] = [];
    const r = importGocad(new TextEncoder().encode(parts.join('')), 'big.ts', { onProgress: (f) => seen.push(f) }) as ImportResult;
    expect(r.issues).toEqual([]);
    const [m] = meshes(r);
    expect(m.vertices.length / 3).toBe(nx * ny);
    expect(m.triangles.length / 3).toBe(200000);
    expect(m.triangles[m.triangles.length - 1]).toBe(nx * ny - 1 - 1); // last TRGL's third corner: id nx*ny - 1
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });
});
