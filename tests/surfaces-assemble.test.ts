/**
 * Imported objects into a project: kinds guessed, records made, coordinate checks against the drill
 * holes (by hand: a 1 km square of collars at UTM 17N), the panel's edits, and a saved project that
 * validates back to the same records.
 */
import { describe, expect, it } from 'vitest';
import { assemble, emptyModel } from '../src/data/surfaces/assemble';
import { checkCoordinates } from '../src/data/surfaces/checks';
import { carryImported, editObject, fixFile, importedObjects, setObjectKind } from '../src/data/surfaces/edit';
import type { FileImport } from '../src/data/surfaces';
import type { ImportedMesh } from '../src/data/surfaces/types';
import { modelToDocument } from '../src/data/serialize';
import { validateDeposit } from '../src/data/load';
import type { Model } from '../src/data/model';

const E0 = 612_000, N0 = 5_343_000;

function holesModel(): Model {
  const m = emptyModel('test');
  m.holes = [0, 1].flatMap((i) => [0, 1].map((j) => ({ id: `H${i}${j}`, collar: [E0 + i * 1000, N0 + j * 1000, 300] as [number, number, number], depth: 300, stations: [], program: 'p', type: 'surface' as const, status: 'drilled' as const })));
  return m;
}

/** A 200 m square sheet at elevation z, as a file would give it. */
function sheet(name: string, x0: number, y0: number, z: number, color?: string): ImportedMesh {
  return { type: 'mesh', name, vertices: Float64Array.from([x0, y0, z, x0 + 200, y0, z, x0 + 200, y0 + 200, z, x0, y0 + 200, z]), triangles: Uint32Array.from([0, 1, 2, 0, 2, 3]), ...(color ? { color } : {}) };
}

const file = (name: string, objects: FileImport['objects'], meta: FileImport['meta'] = { format: 'test' }): FileImport => ({ file: name, format: 'dxf', objects, issues: [], meta });

describe('coordinate checks', () => {
  const holes = { min: [E0 - 300, N0 - 300, 0] as [number, number, number], max: [E0 + 1300, N0 + 1300, 300] as [number, number, number] };

  it('says nothing when the file sits with the holes', () => {
    expect(checkCoordinates([sheet('v', E0 + 100, N0 + 100, 200)], { format: 't' }, holes)).toEqual([]);
  });

  it('finds easting and northing swapped', () => {
    const c = checkCoordinates([sheet('v', N0 + 100, E0 + 100, 200)], { format: 't' }, holes);
    expect(c.map((x) => [x.kind, x.fix])).toEqual([['swapped', { swapEN: true }]]);
  });

  it('finds feet: the same sheet written in feet', () => {
    const c = checkCoordinates([sheet('v', (E0 + 100) / 0.3048, (N0 + 100) / 0.3048, 200 / 0.3048)], { format: 't' }, holes);
    expect(c[0].kind).toBe('feet');
    expect(c[0].fix).toEqual({ feet: true });
  });

  it('finds a Y-up file: elevation in y, -northing in z', () => {
    const m = sheet('v', 0, 0, 0);
    const v = Float64Array.from([E0 + 100, 200, -(N0 + 100), E0 + 300, 200, -(N0 + 100), E0 + 300, 200, -(N0 + 300)]);
    const c = checkCoordinates([{ ...m, vertices: v, triangles: Uint32Array.from([0, 1, 2]) }], { format: 't' }, holes);
    expect(c[0]).toMatchObject({ kind: 'y-up', fix: { yUp: true } });
  });

  it('offers a shift to the holes for a local grid, 50 km away', () => {
    const c = checkCoordinates([sheet('v', 1000, 2000, 200)], { format: 't' }, holes);
    expect(c[0].kind).toBe('far');
    // centre of holes (612,500, 5,343,500) minus centre of the sheet (1,100, 2,100)
    expect(c[0].fix).toEqual({ shift: [611_400, 5_341_400, 0] });
  });

  it('shifts the elevation too when the file is also far below the holes', () => {
    const c = checkCoordinates([sheet('v', 1000, 2000, -10_000)], { format: 't' }, holes);
    // holes' mid elevation 150 minus the sheet's -10,000
    expect(c[0].fix).toEqual({ shift: [611_400, 5_341_400, 10_150] });
  });

  it('reports what the file declares: Y up, depth positive, feet; an inch header is information only', () => {
    const kinds = (meta: FileImport['meta']) => checkCoordinates([sheet('v', E0, N0, 0)], meta, null).map((c) => [c.kind, !!c.fix]);
    expect(kinds({ format: 'glTF', upAxis: 'y' })).toEqual([['y-up', true]]);
    expect(kinds({ format: 'GOCAD', zPositive: 'down' })).toEqual([['z-down', true]]);
    expect(kinds({ format: 'DXF', declaredUnit: 'ft' })).toEqual([['feet', true]]);
    expect(kinds({ format: 'DXF', declaredUnit: 'in' })).toEqual([['units', false]]);
  });
});

describe('assembling and editing', () => {
  const imports = [
    file('model.dxf', [sheet('McDowell vein', E0, N0, 200, '#ff0000'), sheet('F2 fault', E0 + 500, N0, 0), sheet('Topo', E0, N0, 300)]),
    file('drifts.str', [{ type: 'lines', name: 'level 50', lines: [Float64Array.from([E0, N0, 250, E0 + 100, N0, 250, E0 + 100, N0 + 50, 250])] }]),
  ];

  it('guesses kinds from names and adds the records to the holes already loaded', () => {
    const a = assemble(holesModel(), imports);
    expect(a.model.holes.length).toBe(4);
    expect(importedObjects(a.model).map((r) => [r.name, r.kind])).toEqual([
      ['McDowell vein', 'vein'], ['F2 fault', 'fault'], ['Topo', 'topography'], ['level 50', 'workings'],
    ]);
    expect(a.model.faults).toHaveLength(1);
    expect(a.model.surfaces.find((s) => s.name === 'McDowell vein')!.color).toBe('#ff0000');
    expect(a.files.map((f) => [f.file, f.objects.length])).toEqual([['model.dxf', 3], ['drifts.str', 1]]);
  });

  it('changes kind, colour, vein system and fault slip, and saves to a document that loads back the same', () => {
    let m = assemble(holesModel(), imports).model;
    const rows = importedObjects(m);
    const topo = rows.find((r) => r.name === 'Topo')!;
    m = setObjectKind(m, topo.key, 'host');
    expect(importedObjects(m).find((r) => r.name === 'Topo')!.kind).toBe('host');
    const fault = rows.find((r) => r.kind === 'fault')!;
    m = editObject(m, fault.key, { slip: { strikeSlip: 0, dipSlip: 40 }, movingSide: 'east' });
    const vein = rows.find((r) => r.kind === 'vein')!;
    m = editObject(m, vein.key, { color: '#00ff00', system: 'McDowell' });
    expect(m.faults[0]).toMatchObject({ movingSide: 'east', slip: { strikeSlip: 0, dipSlip: 40 } });
    const v = importedObjects(m).find((r) => r.kind === 'vein')!;
    expect([v.color, v.system]).toEqual(['#00ff00', 'McDowell']);

    const back = validateDeposit(JSON.parse(JSON.stringify(modelToDocument(m))), 'saved.json');
    expect(back.report.errors).toEqual([]);
    expect(importedObjects(back.model!)).toEqual(importedObjects(m));
    expect(back.model!.faults).toEqual(m.faults);
  });

  it('fixes a file in feet: every vertex times 0.3048, recorded in the source', () => {
    const m = assemble(null, [file('ft.obj', [sheet('pit', 1000, 2000, 100)])]).model;
    const fixed = fixFile(m, 'ft.obj', { feet: true });
    expect(Array.from(fixed.surfaces[0].vertices.slice(0, 3))).toEqual([304.8, 609.6, 30.48]);
    expect(fixed.surfaces[0].source!.transform).toBe('feet to metres');
    // The model it came from is untouched.
    expect(m.surfaces[0].vertices[0]).toBe(1000);
  });

  it('keeps the imported objects when the drill tables are imported again', () => {
    const before = assemble(holesModel(), imports).model;
    const tablesAgain = holesModel();
    tablesAgain.holes = tablesAgain.holes.slice(0, 2);
    const after = carryImported(before, tablesAgain);
    expect(after.holes.length).toBe(2);
    expect(importedObjects(after)).toEqual(importedObjects(before));
    expect(after.faults).toEqual(before.faults);
  });
});
