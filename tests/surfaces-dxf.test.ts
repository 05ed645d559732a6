/**
 * DXF importer (src/data/surfaces/dxf.ts) on every DXF file of ../shared/data/external/surfaces,
 * against the counts and boxes that ../shared/data/README.md gives from independent parsers, and
 * against the same surfaces in other formats beside them (the Surpac .str/.dtm of the Kirra wall,
 * CloudCompare's OBJ of the Kirra shell, the GOCAD TSurf of the Hecho faults); then small built
 * files for each kind of damage, the binary encoding, and a 200,000-face file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDxf } from '../src/data/surfaces/dxf';
import { ACI_RGB, aciHex } from '../src/data/surfaces/aci';
import type { ImportResult, ImportedLines, ImportedMesh } from '../src/data/surfaces/types';

const SURFACES = new URL('../../shared/data/external/surfaces/', import.meta.url);
const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(file, SURFACES)));
const textOf = (file: string) => readFileSync(new URL(file, SURFACES), 'utf8');
const load = (file: string) => importDxf(bytesOf(file), file) as ImportResult;
const dxf = (s: string, name = 'test.dxf') => importDxf(new TextEncoder().encode(s), name) as ImportResult;
const meshes = (r: ImportResult) => r.objects.filter((o): o is ImportedMesh => o.type === 'mesh');
const lineSets = (r: ImportResult) => r.objects.filter((o): o is ImportedLines => o.type === 'lines');
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
/** The issues as the English report reads them (their catalogue key and values are checked in surfaces-messages.test.ts). */
const plain = (r: ImportResult) => r.issues.map(({ key: _k, params: _p, ...i }) => i);

function box(xyz: ArrayLike<number>): [number, number][] {
  return [0, 1, 2].map((a) => {
    let lo = Infinity, hi = -Infinity;
    for (let i = a; i < xyz.length; i += 3) { lo = Math.min(lo, xyz[i]); hi = Math.max(hi, xyz[i]); }
    return [lo, hi] as [number, number];
  });
}
/** Each triangle as its three corners (x, y, z). */
function corners(m: ImportedMesh): number[][][] {
  const out: number[][][] = [];
  for (let t = 0; t < m.triangles.length; t += 3) out.push([0, 1, 2].map((k) => Array.from(m.vertices.subarray(3 * m.triangles[t + k], 3 * m.triangles[t + k] + 3))));
  return out;
}
/** A triangle's key regardless of winding and starting corner. */
const triKey = (tri: number[][]) => tri.map((p) => p.join(',')).sort().join(' ');

/** Entities-only DXF around group code / value pairs. */
function entities(...records: string[]): string {
  return ['0', 'SECTION', '2', 'ENTITIES', ...records, '0', 'ENDSEC', '0', 'EOF', ''].join('\n');
}
function face(layer: string, ...pts: number[][]): string {
  return ['0', '3DFACE', '8', layer, ...pts.flatMap((p, k) => [`1${k}`, String(p[0]), `2${k}`, String(p[1]), `3${k}`, String(p[2])])].join('\n');
}

describe('kirra: open-pit surfaces and strings', () => {
  it('24m-west-wall-presplits.dxf: one mesh on layer 0, 219 vertices, 292 triangles (the 4th corner repeats the 1st)', () => {
    const r = load('kirra/24m-west-wall-presplits.dxf');
    expect(r.meta).toEqual({ format: 'DXF AC1024', declaredUnit: 'in' }); // $INSUNITS 1 although the coordinates are metres
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect(m.name).toBe('0');
    expect(m.vertices.length / 3).toBe(219);
    expect(m.triangles.length / 3).toBe(292);
    expect(m.color).toBe('#ffffff'); // layer 0: ACI 7
    expect(box(m.vertices)).toEqual([[477743.285, 478342.248], [6771812.573, 6772382.417], [310, 334]]); // X is easting
  });

  it('24m-west-wall-presplits.dxf: the same 292 triangles as the Surpac DTM over its .str points', () => {
    // .str: "string, Y (north), X (east), Z"; the DTM's vertex numbers index those points in file order.
    const pts = textOf('kirra/24m-west-wall-presplits.str').split('\n').slice(2)
      .map((l) => l.split(',').map((s) => s.trim())).filter((f) => f[0] === '32000').map((f) => [Number(f[2]), Number(f[1]), Number(f[3])]);
    expect(pts).toHaveLength(219);
    const dtm = textOf('kirra/24m-west-wall-presplits.dtm').split('\n');
    const rows = dtm.slice(dtm.findIndex((l) => l.startsWith('TRISOLATION')) + 1).filter((l) => /^\d/.test(l)).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(292);
    const fromDtm = rows.map((f) => triKey([f[1], f[2], f[3]].map((v) => pts[v - 1]))).sort();
    expect(corners(meshes(load('kirra/24m-west-wall-presplits.dxf'))[0]).map(triKey).sort()).toEqual(fromDtm);
  });

  it('KIRRA_DXF_3DFACE.dxf: 489 triangles on SURFACE, 264 vertices: the OBJ of the same shell, triangle for triangle', () => {
    const r = load('kirra/KIRRA_DXF_3DFACE.dxf');
    expect(r.meta).toEqual({ format: 'DXF AC1015', declaredUnit: 'in' });
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect(m.name).toBe('SURFACE');
    expect(m.triangles.length / 3).toBe(489);
    expect(m.vertices.length / 3).toBe(264); // = the OBJ's 264 `v`: merging exactly equal coordinates finds every shared corner
    const obj = textOf('kirra/KIRRA_OBJ_CC.obj').split('\n');
    const v = obj.filter((l) => l.startsWith('v ')).map((l) => l.split(/\s+/).slice(1, 4).map(Number));
    const f = obj.filter((l) => l.startsWith('f ')).map((l) => l.split(/\s+/).slice(1, 4).map((s) => v[parseInt(s, 10) - 1]));
    expect(v).toHaveLength(264);
    const tris = corners(m);
    let worst = 0;
    tris.forEach((tri, i) => tri.forEach((p, k) => p.forEach((c, a) => { worst = Math.max(worst, Math.abs(c - f[i][k][a])); })));
    expect(worst).toBeLessThan(6.1e-5); // same order, same winding; the README's "within 6e-5" is rounded: the largest is 6.05e-5
    expect(box(m.vertices).map(([lo, hi]) => [Math.round(lo * 1000) / 1000, Math.round(hi * 1000) / 1000])).toEqual([[477732.343, 478201.676], [6771163.115, 6771743.731], [226, 274]]);
  });

  it('OB25W_J1pit.dxf: 48 closed polylines, 2,545 vertices, 2D ones at their elevation', () => {
    const r = load('kirra/OB25W_J1pit.dxf');
    expect(r.meta).toEqual({ format: 'DXF AC1021', declaredUnit: 'm' });
    expect(plain(r)).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const [l] = lineSets(r);
    expect(l.name).toBe('PWJ101_PB_V03A_C');
    expect(l.color).toBe('#ff0000'); // the layer's ACI 1 (the entities' own 420 colours are not the layer's)
    expect(l.lines).toHaveLength(48);
    // Closed by repeating the first vertex, never by flag bit 1: nothing is added.
    expect(l.lines.reduce((n, p) => n + p.length / 3, 0)).toBe(2545);
    for (const p of l.lines) expect(Array.from(p.subarray(-3))).toEqual(Array.from(p.subarray(0, 3)));
    const flat = l.lines.filter((p) => box(p)[2][0] === box(p)[2][1]);
    expect(flat).toHaveLength(37); // the AcDb2dPolyline toes and crests, the 11 others are ramps
    const levels = [...new Set(flat.map((p) => p[2]))].sort((a, b) => a - b);
    expect(levels).toEqual([468, 480, 492, 504, 516, 540, 552, 564, 576, 588, 600, 612, 624, 636, 648, 660, 672, 684, 696]); // 12 m steps, 528 absent
    const all = box(Float64Array.from(l.lines.flatMap((p) => Array.from(p))));
    expect(all).toEqual([[326457.003, 327430.194], [299365.098, 300174.551], [468, 696]]);
  });
});

describe('claudius and hecho: faults from a geomodelling benchmark', () => {
  it('claudius/Fault.dxf: entities only, 73 faces on SmallFault_Depth, 51 distinct vertices', () => {
    const r = load('claudius/Fault.dxf');
    expect(r.meta).toEqual({ format: 'DXF' });
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect([m.name, m.triangles.length / 3, m.vertices.length / 3]).toEqual(['SmallFault_Depth', 73, 51]);
    expect(m.color).toBeUndefined(); // no layer table, no entity colour
    expect(box(m.vertices)[2][0]).toBeCloseTo(-11106.2, 1);
  });

  it.each([['F1', 80, 55], ['F2', 168, 105], ['F3', 120, 77]])('hecho/%s.dxf: %i triangles, as many vertices as the TSurf (%i)', (f, tris, verts) => {
    const r = load(`hecho/${f}.dxf`);
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect(r.objects).toHaveLength(1);
    expect([m.name, m.triangles.length / 3, m.vertices.length / 3]).toEqual([`${f}Surf`, tris, verts]);
    // The TSurf object of the same name in AllFaultSurfaces.ts: same vertex count, every triangle there within 5e-11.
    const ts = textOf('hecho/AllFaultSurfaces.ts').split(/\r?\n/);
    const start = ts.findIndex((l) => l.trim() === `name: ${f}Surf` || l.trim() === `name:${f}Surf`);
    const end = ts.findIndex((l, i) => i > start && l.trim() === 'END');
    const part = ts.slice(start, end);
    const vx = new Map(part.filter((l) => /^P?VRTX/.test(l)).map((l) => { const w = l.trim().split(/\s+/); return [w[1], w.slice(2, 5).map(Number)]; }));
    expect(vx.size).toBe(verts);
    const ref = part.filter((l) => l.startsWith('TRGL')).map((l) => l.trim().split(/\s+/).slice(1, 4).map((id) => vx.get(id)!));
    expect(ref).toHaveLength(tris);
    const round = (tri: number[][]) => triKey(tri.map((p) => p.map((c) => c.toFixed(8))) as unknown as number[][]);
    expect(corners(m).map(round).sort()).toEqual(ref.map(round).sort());
  });
});

describe('ezdxf/uncommon.dxf: both kinds of DXF mesh among many entity types', () => {
  const text = textOf('ezdxf/uncommon.dxf');
  /** The whole records of one entity (a POLYLINE with its VERTEX and SEQEND) cut out of the ENTITIES section. */
  function cut(type: string, nth: number): string {
    const lines = text.split('\n');
    const from = lines.findIndex((l, i) => l === 'ENTITIES' && lines[i - 1].trim() === '2');
    const starts = lines.map((_, i) => (i > from && i % 2 === 1 && lines[i - 1].trim() === '0' ? i - 1 : -1)).filter((i) => i >= 0);
    const own = starts.filter((i) => lines[i + 1] === type)[nth];
    const next = starts.find((i) => i > own && !['VERTEX', 'SEQEND'].includes(lines[i + 1]))!;
    return lines.slice(own, next).join('\n');
  }

  it('the whole file: layer 0 gets one mesh (MESH + polyface) and one lines object; the rest is counted', () => {
    const r = load('ezdxf/uncommon.dxf');
    expect(r.meta).toEqual({ format: 'DXF AC1032', declaredUnit: 'in' });
    expect(errors(r)).toEqual([]);
    expect(r.objects.map((o) => [o.type, o.name])).toEqual([['mesh', '0'], ['lines', '0 (lines)']]);
    const [m] = meshes(r);
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([56 + 8, 108 + 6]);
    expect(lineSets(r)[0].lines).toHaveLength(19 + 6); // 19 LINE, 6 LWPOLYLINE
    const messages = r.issues.map((i) => i.message);
    expect(messages).toContain('ignored 13 DIMENSION entities: not a surface or a line');
    expect(messages).toContain('ignored 19 MTEXT entities: not a surface or a line');
    expect(messages).toContain('ignored 1 3DSOLID entity: not a surface or a line');
    expect(messages).toContain('ignored 1 INSERT entity: block references are not expanded');
    expect(messages.filter((s) => s.startsWith('ignored'))).toHaveLength(16);
    expect(messages).toContain('polyface mesh with 8 vertices and no face records: no triangles');
  });

  it('the MESH alone: 56 vertices, 54 quads = 108 triangles (edge and crease lists ignored)', () => {
    const r = dxf(entities(cut('MESH', 0)));
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([56, 108]);
  });

  it('the polyfaces alone: 8 vertices and 3 quads = 6 triangles; the one without face records gives none', () => {
    const first = dxf(entities(cut('POLYLINE', 0)));
    expect(first.objects).toEqual([]);
    expect(first.issues.map((i) => [i.severity, i.path, i.message])).toEqual([
      ['warning', 'test.dxf:5', 'polyface mesh with 8 vertices and no face records: no triangles'],
      ['error', 'test.dxf', "layer '0': its only entity could not be read"],
    ]);
    const second = dxf(entities(cut('POLYLINE', 1)));
    expect(second.issues).toEqual([]);
    const [m] = meshes(second);
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([8, 6]);
  });
});

describe('3DFACE corners', () => {
  it('a true quad gives two triangles; a triangle may repeat its 3rd or its 1st corner', () => {
    const r = dxf(entities(
      face('Q', [0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]),
      face('T', [0, 0, 5], [1, 0, 5], [1, 1, 5], [1, 1, 5]),
      face('T', [0, 0, 5], [1, 1, 5], [0, 1, 5], [0, 0, 5]),
    ));
    expect(plain(r)).toEqual([]);
    const [q, t] = meshes(r);
    expect([q.name, q.vertices.length / 3, Array.from(q.triangles)]).toEqual(['Q', 4, [0, 1, 2, 0, 2, 3]]);
    expect([t.name, t.vertices.length / 3, Array.from(t.triangles)]).toEqual(['T', 4, [0, 1, 2, 0, 2, 3]]);
  });

  it('degenerate faces are skipped and counted once per layer; -0 and 0 are one vertex', () => {
    const r = dxf(entities(
      face('D', [0, 0, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0]),
      face('D', [0, 0, 0], [1, 0, 0], [0, 0, 0], [1, 0, 0]),
      face('D', [-0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0]),
    ));
    const [m] = meshes(r);
    expect(m.triangles.length / 3).toBe(1);
    expect(plain(r)).toEqual([{ path: 'test.dxf:5', severity: 'warning', message: "2 degenerate faces (repeated corners, no area) skipped on layer 'D'", id: 'D' }]);
    const twice = dxf(entities(face('D', [-0, 0, 0], [1, 0, 0], [0, 1, 0]), face('D', [0, 0, 0], [0, 1, 0], [-1, 0, 0])));
    expect(meshes(twice)[0].vertices.length / 3).toBe(4);
  });

  it('coordinates are float64 exactly as written', () => {
    const r = dxf(entities(face('P', [477972.614990234375, 6771466.251007080078, 0.1], [0.30000000000000004, 1e-300, -2.5e5], [1, 2, 3])));
    expect(Array.from(meshes(r)[0].vertices)).toEqual([477972.614990234375, 6771466.251007080078, 0.1, 0.30000000000000004, 1e-300, -2.5e5, 1, 2, 3]);
  });
});

describe('lines', () => {
  it('LINE, LWPOLYLINE at its elevation (38), 2D POLYLINE at its own z, closed flag repeats the first point; CRLF', () => {
    const s = entities(
      ['0', 'LINE', '8', 'L', '10', '1', '20', '2', '30', '3', '11', '4', '21', '5', '31', '6'].join('\n'),
      ['0', 'LWPOLYLINE', '8', 'L', '90', '3', '70', '1', '38', '250.5', '10', '0', '20', '0', '10', '10', '20', '0', '10', '10', '20', '10'].join('\n'),
      ['0', 'POLYLINE', '8', 'P', '66', '1', '10', '0', '20', '0', '30', '312', '70', '0',
        '0', 'VERTEX', '8', 'P', '10', '1', '20', '1', '30', '312', '0', 'VERTEX', '8', 'P', '10', '2', '20', '1', '30', '312', '0', 'SEQEND'].join('\n'),
      ['0', 'POLYLINE', '8', 'P', '66', '1', '70', '9',
        '0', 'VERTEX', '10', '1', '20', '1', '30', '1', '70', '32', '0', 'VERTEX', '10', '2', '20', '1', '30', '2', '70', '32', '0', 'VERTEX', '10', '2', '20', '2', '30', '3', '70', '32', '0', 'SEQEND'].join('\n'),
    ).replace(/\n/g, '\r\n');
    const r = dxf(s);
    expect(plain(r)).toEqual([]);
    const [l, p] = lineSets(r);
    expect(l.name).toBe('L');
    expect(l.lines.map((x) => Array.from(x))).toEqual([[1, 2, 3, 4, 5, 6], [0, 0, 250.5, 10, 0, 250.5, 10, 10, 250.5, 0, 0, 250.5]]);
    expect(p.lines.map((x) => Array.from(x))).toEqual([[1, 1, 312, 2, 1, 312], [1, 1, 1, 2, 1, 2, 2, 2, 3, 1, 1, 1]]);
  });

  it('a 2D entity with extrusion (0, 0, -1) is mirrored into world coordinates (arbitrary axis algorithm); arcs (bulge) are reported', () => {
    const r = dxf(entities(['0', 'LWPOLYLINE', '8', 'M', '38', '5', '10', '1', '20', '2', '42', '0.5', '10', '3', '20', '4', '210', '0', '220', '0', '230', '-1'].join('\n')));
    expect(Array.from(lineSets(r)[0].lines[0])).toEqual([-1, 2, -5, -3, 4, -5]);
    expect(r.issues.map((i) => i.message)).toEqual(['1 polyline arc segment (bulge) drawn as straight lines']);
  });

  it('layer names as text: UTF-8, a Windows code page (older files), \\U+ escapes; CR-only line breaks', () => {
    const utf8 = dxf(entities(face('Zone aurifère', [0, 0, 0], [1, 0, 0], [0, 1, 0]), face('Veine \\U+00E9 2', [0, 0, 0], [1, 0, 0], [0, 1, 0])).replace(/\n/g, '\r'));
    expect(utf8.objects.map((o) => o.name)).toEqual(['Zone aurifère', 'Veine é 2']);
    const cp1252 = Uint8Array.from([...entities(face('Zone aurif\u00e8re', [0, 0, 0], [1, 0, 0], [0, 1, 0]))].map((ch) => ch.charCodeAt(0)));
    expect((importDxf(cp1252, 'old.dxf') as ImportResult).objects.map((o) => o.name)).toEqual(['Zone aurifère']);
  });

  it('a layer with both surfaces and lines gives "<layer>" and "<layer> (lines)", in the order layers are met', () => {
    const r = dxf(entities(
      ['0', 'LINE', '8', 'B', '10', '0', '20', '0', '30', '0', '11', '1', '21', '0', '31', '0'].join('\n'),
      face('A', [0, 0, 0], [1, 0, 0], [0, 1, 0]),
      ['0', 'LINE', '8', 'A', '10', '0', '20', '0', '30', '0', '11', '1', '21', '0', '31', '0'].join('\n'),
    ));
    expect(r.objects.map((o) => [o.type, o.name])).toEqual([['lines', 'B'], ['mesh', 'A'], ['lines', 'A (lines)']]);
  });
});

describe('colours', () => {
  const layerTable = (...entries: string[][]) => ['0', 'SECTION', '2', 'TABLES', '0', 'TABLE', '2', 'LAYER', ...entries.flatMap((e) => ['0', 'LAYER', ...e]), '0', 'ENDTAB', '0', 'ENDSEC'].join('\n');
  it('the LAYER table gives the colour: ACI (negative = layer off, same colour) or true colour 420', () => {
    const s = layerTable(['2', 'ore', '62', '-3'], ['2', 'fault', '62', '1', '420', '1193046'], ['2', 'empty', '62', '5']) + '\n' +
      entities(face('ore', [0, 0, 0], [1, 0, 0], [0, 1, 0]), ['0', '3DFACE', '8', 'fault', '62', '5', '10', '0', '20', '0', '30', '0', '11', '1', '21', '0', '31', '0', '12', '0', '22', '1', '32', '0'].join('\n'));
    const r = dxf(s);
    expect(plain(r)).toEqual([]); // a layer of the table with no entity is fine
    expect(r.objects.map((o) => [o.name, o.color])).toEqual([['ore', '#00ff00'], ['fault', '#123456']]);
  });

  it('without a layer table: the entities\' colour when they agree (420 beats 62, 256 = BYLAYER is none)', () => {
    const e = (layer: string, ...colour: string[]) => ['0', 'LINE', '8', layer, ...colour, '10', '0', '20', '0', '30', '0', '11', '1', '21', '0', '31', '0'].join('\n');
    const r = dxf(entities(e('a', '62', '30'), e('a', '62', '30'), e('b', '62', '1', '420', '255'), e('c', '62', '1'), e('c', '62', '2'), e('d', '62', '256')));
    expect(r.objects.map((o) => [o.name, o.color])).toEqual([['a', '#ff7f00'], ['b', '#0000ff'], ['c', undefined], ['d', undefined]]);
  });

  it('the ACI palette: 256 entries, AutoCAD values', () => {
    expect(ACI_RGB).toHaveLength(256);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(aciHex)).toEqual(['#ff0000', '#ffff00', '#00ff00', '#00ffff', '#0000ff', '#ff00ff', '#ffffff', '#808080', '#c0c0c0']);
    expect([10, 11, 12, 13, 30, 31, 150, 151, 210, 249].map(aciHex)).toEqual(['#ff0000', '#ff7f7f', '#cc0000', '#cc6666', '#ff7f00', '#ffbf7f', '#007fff', '#7fbfff', '#ff00ff', '#4c262f']);
    expect([250, 251, 252, 253, 254, 255].map(aciHex)).toEqual(['#333333', '#5b5b5b', '#848484', '#adadad', '#d6d6d6', '#ffffff']);
    expect([0, 256, -1].map(aciHex)).toEqual([undefined, undefined, '#ff0000']);
  });
});

describe('damaged and foreign files', () => {
  const good = face('G', [0, 0, 0], [1, 0, 0], [0, 1, 0]);

  it('a non-numeric coordinate: that entity is skipped at its line, the others load', () => {
    const bad = ['0', '3DFACE', '8', 'G', '10', '0', '20', '0', '30', '1', '11', '1', '21', 'abc', '31', '1', '12', '0', '22', '1', '32', '1'].join('\n');
    const s = entities(good, bad, face('G', [0, 0, 2], [1, 0, 2], [0, 1, 2]));
    const lines = s.split('\n');
    const at = lines.indexOf('abc'); // 0-based index of the value line = 1-based line of its group code
    expect(lines[at - 1]).toBe('21');
    const r = dxf(s);
    expect(meshes(r)[0].triangles.length / 3).toBe(2);
    expect(plain(r)).toEqual([{ path: `test.dxf:${at}`, severity: 'error', message: "coordinate 'abc' is not a number: the 3DFACE is skipped", id: 'G' }]);
  });

  it('a polyface face index out of range: that face is skipped, the others load', () => {
    const v = (x: number, y: number) => ['0', 'VERTEX', '8', 'F', '10', String(x), '20', String(y), '30', '0', '70', '192'];
    const f = (...i: number[]) => ['0', 'VERTEX', '8', 'F', '10', '0', '20', '0', '30', '0', '70', '128', ...i.flatMap((k, j) => [String(71 + j), String(k)])];
    const s = entities(['0', 'POLYLINE', '8', 'F', '66', '1', '70', '64', ...v(0, 0), ...v(1, 0), ...v(1, 1), ...v(0, 1), ...f(1, -2, 3), ...f(1, 3, 9), ...f(1, 3, -4), '0', 'SEQEND'].join('\n'));
    const at = s.split('\n').findIndex((l, i, all) => l === '73' && all[i + 1] === '9') - 16 + 1; // 1-based line of that face record's group 0
    const r = dxf(s);
    expect(Array.from(meshes(r)[0].triangles)).toEqual([0, 1, 2, 0, 2, 3]);
    expect(plain(r)).toEqual([{ path: `test.dxf:${at}`, severity: 'error', message: 'polyface vertex index 9 is out of range (4 vertices): the face is skipped', id: 'F' }]);
  });

  it('a truncated file: reported at its last line, inside the entity it cuts; everything complete before it loads', () => {
    const lines = entities(good, good, face('G', [0, 0, 3], [1, 0, 3], [0, 1, 3])).split('\n');
    const cut = lines.slice(0, lines.lastIndexOf('3DFACE') + 9); // ends with the 30 / z pair of the third face's first corner
    expect(cut.slice(-2)).toEqual(['30', '3']);
    const r = dxf(cut.join('\n'));
    expect(meshes(r)[0].triangles.length / 3).toBe(2);
    const n = cut.length;
    expect(plain(r)).toEqual([{ path: `test.dxf:${n}`, severity: 'error', message: `file ends at line ${n} inside a 3DFACE; the entities before it are loaded` }]);
    // A group code with no value line is cut too.
    expect(dxf(cut.slice(0, -1).join('\n') + '\n').issues[0].message).toBe(`file ends at line ${n - 1} inside a 3DFACE; the entities before it are loaded`);
    // Cut inside a polyline: the whole polyline is dropped.
    const pl = dxf(entities(good, ['0', 'POLYLINE', '8', 'G', '70', '8', '0', 'VERTEX', '10', '0', '20', '0', '30', '0', '0', 'VERTEX', '10', '1', '20', '0', '30', '0'].join('\n')).split('\n0\nENDSEC')[0]);
    expect(pl.objects.map((o) => o.type)).toEqual(['mesh']);
    expect(pl.issues.map((i) => i.message)).toEqual([`file ends at line ${4 + 22 + 22} inside a POLYLINE; the entities before it are loaded`]);
    // Cut after ENDSEC: only the EOF marker is missing.
    const noEof = entities(good).replace('0\nEOF\n', '');
    const r2 = dxf(noEof);
    expect(meshes(r2)).toHaveLength(1);
    expect(r2.issues.map((i) => [i.severity, i.message])).toEqual([['warning', `file ends at line ${noEof.split('\n').length - 1} without the EOF marker`]]);
  });

  it('a line that is not a group code mid-file stops the reading there', () => {
    const s = entities(good, ['0', '3DFACE', '8', 'G', 'ten', '0'].join('\n'), good);
    const at = s.split('\n').indexOf('ten') + 1;
    const r = dxf(s);
    expect(meshes(r)[0].triangles.length / 3).toBe(1);
    expect(plain(r)).toEqual([{ path: `test.dxf:${at}`, severity: 'error', message: "'ten' is not a group code: reading stops here inside a 3DFACE; the entities before it are loaded" }]);
  });

  it('not a DXF at all: one error, no objects', () => {
    for (const [content, why] of [
      ['solid pit\n  facet normal 0 0 1\n', "line 1 'solid pit' is not a group code"],
      ['v 1 2 3\nv 4 5 6\n', "line 1 'v 1 2 3' is not a group code"],
      ['42\nhello\n', 'line 1 should start a section (group 0, SECTION), not group 42'],
      ['0\nHELLO\n', "line 1 should start a section, not 'HELLO'"],
      ['', 'the file is empty'],
    ]) {
      const r = dxf(content, 'pit.dxf');
      expect(r.objects).toEqual([]);
      expect(plain(r)).toEqual([{ path: 'pit.dxf', severity: 'error', message: `not a DXF file: ${why}` }]);
    }
  });
});

describe('binary DXF', () => {
  /** Encodes tags as binary DXF: 2-byte group codes (R13+) or 1-byte ones (R12). */
  function binary(tags: [number, string | number][], oneByte = false): Uint8Array {
    const out: number[] = [...new TextEncoder().encode('AutoCAD Binary DXF\r\n\x1a\0')];
    const dv = new DataView(new ArrayBuffer(8));
    for (const [code, value] of tags) {
      out.push(...(oneByte ? (code < 255 ? [code] : [255, code & 255, code >> 8]) : [code & 255, code >> 8]));
      if ((code >= 10 && code < 60) || (code >= 210 && code < 240)) { dv.setFloat64(0, Number(value), true); out.push(...new Uint8Array(dv.buffer)); }
      else if (code >= 60 && code < 80) { dv.setInt16(0, Number(value), true); out.push(...new Uint8Array(dv.buffer, 0, 2)); }
      else if ((code >= 90 && code < 100) || (code >= 420 && code < 430)) { dv.setInt32(0, Number(value), true); out.push(...new Uint8Array(dv.buffer, 0, 4)); }
      else out.push(...new TextEncoder().encode(String(value)), 0);
    }
    return Uint8Array.from(out);
  }
  const tags: [number, string | number][] = [
    [0, 'SECTION'], [2, 'HEADER'], [9, '$ACADVER'], [1, 'AC1015'], [9, '$INSUNITS'], [70, 6], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'ENTITIES'],
    [0, '3DFACE'], [8, 'Ore'], [62, 3], [10, 477743.285], [20, 6771826.348], [30, 334], [11, 477767.82], [21, 6771877.7], [31, 322], [12, 0.1], [22, 0.2], [32, 0.30000000000000004], [13, 0.1], [23, 0.2], [33, 0.30000000000000004],
    [0, 'LINE'], [8, 'Ore'], [62, 3], [10, 1], [20, 2], [30, 3], [11, 4], [21, 5], [31, 6], [1001, 'APP'], [1071, 7],
    [0, 'ENDSEC'], [0, 'EOF'],
  ];

  it.each([['2-byte group codes (R13+)', false], ['1-byte group codes (R12)', true]])('%s', (_, oneByte) => {
    const r = importDxf(binary(tags, oneByte), 'b.dxf') as ImportResult;
    expect(r.meta).toEqual({ format: 'DXF AC1015 (binary)', declaredUnit: 'm' });
    expect(plain(r)).toEqual([]);
    expect(r.objects.map((o) => [o.type, o.name, o.color])).toEqual([['mesh', 'Ore', '#00ff00'], ['lines', 'Ore (lines)', '#00ff00']]);
    expect(Array.from(meshes(r)[0].vertices)).toEqual([477743.285, 6771826.348, 334, 477767.82, 6771877.7, 322, 0.1, 0.2, 0.30000000000000004]);
  });

  it('a truncated binary file is reported at its byte offset', () => {
    const b = binary(tags.slice(0, 20));
    const r = importDxf(b.subarray(0, b.length - 3), 'b.dxf') as ImportResult;
    expect(r.objects).toEqual([]);
    // The path points at the tag cut short (a group code of 2 bytes and a double of 8).
    expect(plain(r)).toEqual([{ path: `b.dxf@${b.length - 10}`, severity: 'error', message: `file ends at byte ${b.length - 3} inside a 3DFACE; the entities before it are loaded` }]);
  });
});

describe('size', () => {
  it('200,000 3DFACEs in one pass (a 20 MB text), with progress', () => {
    const n = 200_000, side = 400; // a 400 × 250 grid of quads, each written as two triangular 3DFACEs
    const parts = ['0\nSECTION\n2\nENTITIES\n'];
    const p = (i: number, j: number) => `${477000 + i * 2.5}\n${6771000 + j * 2.5}\n${300 + ((i * 7 + j * 3) % 11) / 4}`;
    for (let k = 0; k < n / 2; k++) {
      const i = k % side, j = Math.floor(k / side);
      const [a, b, c, d] = [p(i, j), p(i + 1, j), p(i + 1, j + 1), p(i, j + 1)].map((s) => s.split('\n'));
      for (const [u, v, w] of [[a, b, c], [a, c, d]]) {
        parts.push(`0\n3DFACE\n8\nBIG\n10\n${u[0]}\n20\n${u[1]}\n30\n${u[2]}\n11\n${v[0]}\n21\n${v[1]}\n31\n${v[2]}\n12\n${w[0]}\n22\n${w[1]}\n32\n${w[2]}\n13\n${w[0]}\n23\n${w[1]}\n33\n${w[2]}\n`);
      }
    }
    parts.push('0\nENDSEC\n0\nEOF\n');
    const bytes = new TextEncoder().encode(parts.join(''));
    expect(bytes.length).toBeGreaterThan(20e6);
    const seen: number[] = [];
    const r = importDxf(bytes, 'big.dxf', { onProgress: (f) => seen.push(f) }) as ImportResult;
    expect(plain(r)).toEqual([]);
    const [m] = meshes(r);
    expect(m.triangles.length / 3).toBe(n);
    expect(m.vertices.length / 3).toBe((side + 1) * (n / 2 / side + 1));
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });
});
