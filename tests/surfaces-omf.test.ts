/**
 * OMF importer on the real files in shared/data/external/surfaces/omf/ (counts from the data
 * README, which come from independent parsers), on damaged copies of them, and on a small OMF 1
 * file built here to exercise origins, colour strings, segment chaining and a bad index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { OMF_VERSIONS_READ, importOmf } from '../src/data/surfaces/omf';
import type { ImportResult, ImportedObject } from '../src/data/surfaces/types';

const DIR = path.resolve(__dirname, '../../shared/data/external/surfaces/omf');
const load = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));
const read = async (name: string, bytes = load(name)) => importOmf(bytes, name);

function byName(r: ImportResult, name: string): ImportedObject {
  const o = r.objects.find((x) => x.name === name);
  if (!o) throw new Error(`no object '${name}' in ${r.objects.map((x) => x.name).join(', ')}`);
  return o;
}
const mesh = (o: ImportedObject) => { if (o.type !== 'mesh') throw new Error(`${o.name} is ${o.type}`); return o; };
const lines = (o: ImportedObject) => { if (o.type !== 'lines') throw new Error(`${o.name} is ${o.type}`); return o; };
const points = (o: ImportedObject) => { if (o.type !== 'points') throw new Error(`${o.name} is ${o.type}`); return o; };
/** segments a polyline set stands for: a line of n points is n - 1 segments */
const segmentCount = (o: ImportedObject) => lines(o).lines.reduce((s, l) => s + l.length / 3 - 1, 0);

function box(o: ImportedObject): { min: number[]; max: number[] } {
  const arrays = o.type === 'lines' ? o.lines : [o.vertices];
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  for (const a of arrays) for (let i = 0; i < a.length; i++) { min[i % 3] = Math.min(min[i % 3], a[i]); max[i % 3] = Math.max(max[i % 3], a[i]); }
  return { min, max };
}
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const warnings = (r: ImportResult) => r.issues.filter((i) => i.severity === 'warning');
function validIndices(o: ImportedObject) {
  if (o.type !== 'mesh') return;
  const n = o.vertices.length / 3;
  expect(o.triangles.every((k) => k < n)).toBe(true);
}

describe('OMF 1: omf-python_v1_test_file.omf', () => {
  it('reads the point set, line set, surface and grid surface with README counts; warns for the volume', async () => {
    const r = await read('omf-python_v1_test_file.omf');
    expect(r.meta.format).toBe('OMF 1 (OMF-v0.9.0)');
    expect(errors(r)).toEqual([]);
    expect(r.objects.map((o) => [o.type, o.name])).toEqual([
      ['points', 'Random Points'], ['lines', 'Random Line'], ['mesh', 'trisurf'], ['mesh', 'gridsurf'],
    ]);
    const p = points(byName(r, 'Random Points'));
    expect(p.vertices.length / 3).toBe(100);
    expect(p.color).toBe('#008000');
    expect(p.attributes?.map((a) => [a.name, a.values.length])).toEqual([['rand data', 100], ['More rand data', 100]]);

    const l = lines(byName(r, 'Random Line'));
    expect(segmentCount(l)).toBe(50);
    expect(l.color).toBe('#0000ff');
    expect(l.attributes?.[0].values.length).toBe(100); // 100 vertices

    const s = mesh(byName(r, 'trisurf'));
    expect([s.vertices.length / 3, s.triangles.length / 3]).toEqual([100, 50]);
    validIndices(s);

    const g = mesh(byName(r, 'gridsurf'));
    expect([g.vertices.length / 3, g.triangles.length / 3]).toEqual([11 * 16, 10 * 15 * 2]);
    validIndices(g);
    // standing vertical: u = X (10 cells of 1), v = Z (15 cells of 1) from origin (50, 50, 50); offsets along u x v = -Y
    const b = box(g);
    expect(b.min[0]).toBe(50); expect(b.max[0]).toBe(60);
    expect(b.min[2]).toBe(50); expect(b.max[2]).toBe(65);
    expect(b.min[1]).toBeGreaterThanOrEqual(49); expect(b.max[1]).toBeLessThanOrEqual(50);
    expect(g.attributes?.[0].values.length).toBe(176);

    // every element in the file is accounted for: volume warned, face data and textures named
    expect(warnings(r).some((w) => w.message === "volume grid 'vol' is not loaded: Veinscape shows surfaces, lines and points")).toBe(true);
    expect(warnings(r).find((w) => w.id === 'trisurf')?.message).toMatch(/face data 'rand face data'/);
    expect(warnings(r).find((w) => w.id === 'Random Points')?.message).toMatch(/texture 'test image'; texture 'test image'/);
    expect(warnings(r).find((w) => w.id === 'Random Line')?.message).toMatch(/segment data 'rand segment data'/);
  });
});

describe('OMF 1: omf1_plane_surface.omf', () => {
  it('reads the plane with its Au vertex attribute and names the face data and texture it skips', async () => {
    const r = await read('omf1_plane_surface.omf');
    expect(r.meta.format).toBe('OMF 1 (OMF-v0.9.0)');
    expect(errors(r)).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const m = mesh(r.objects[0]);
    expect(m.name).toBe('plane');
    expect([m.vertices.length / 3, m.triangles.length / 3]).toEqual([90, 144]);
    validIndices(m);
    const b = box(m);
    expect(b.min[0]).toBeCloseTo(3917.1, 1); expect(b.max[0]).toBeCloseTo(4493.1, 1);
    expect(b.min[1]).toBeCloseTo(7050.6, 1); expect(b.max[1]).toBeCloseTo(7562.6, 1);
    expect(b.min[2]).toBeCloseTo(355.931, 3); expect(b.max[2]).toBeCloseTo(355.931, 3);
    expect(m.color).toBe('#ff9896');
    expect(m.attributes?.map((a) => a.name)).toEqual(['Au']);
    const au = m.attributes![0].values;
    expect(au.length).toBe(90);
    expect(Math.min(...au)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...au)).toBeCloseTo(0.93, 2);
    expect(warnings(r)[0].message).toMatch(/face data 'Face dip'; face data 'Dip azimuth'; texture 'test'/);
  });
});

describe('OMF 2.0: omf2_pyramid.omf', () => {
  it('reads the surface 5 / 6 and the outline 5 vertices / 8 segments in the box -1..1, -1..1, 0..1', async () => {
    const r = await read('omf2_pyramid.omf');
    expect(r.meta.format).toBe('OMF 2.0');
    expect(r.issues).toEqual([]);
    const s = mesh(byName(r, 'Pyramid surface'));
    expect([s.vertices.length / 3, s.triangles.length / 3]).toEqual([5, 6]);
    expect(s.color).toBe('#ffff00');
    const l = lines(byName(r, 'Pyramid outline'));
    expect(segmentCount(l)).toBe(8);
    expect(new Set(l.lines.flatMap((x) => Array.from({ length: x.length / 3 }, (_, i) => x.slice(i * 3, i * 3 + 3).join(',')))).size).toBe(5);
    expect(l.color).toBe('#000000');
    for (const o of r.objects) expect(box(o)).toEqual({ min: [-1, -1, 0], max: [1, 1, 1] });
  });
});

describe('OMF 2.0: omf2_one_of_everything.omf', () => {
  it('handles all 10 elements: reads surfaces, points, lines, grid surface, composite children; warns for the rest', async () => {
    const r = await read('omf2_one_of_everything.omf');
    expect(r.meta.format).toBe('OMF 2.0');
    expect(errors(r)).toEqual([]);
    expect(r.objects.map((o) => [o.type, o.name])).toEqual([
      ['mesh', 'Pyramid surface'], ['points', 'Pyramid points'], ['lines', 'Pyramid lines'], ['mesh', 'Pyramid grid surface'],
      ['mesh', 'Composite / Cube faces'], ['lines', 'Composite / Cube edges'], ['mesh', 'Textured'],
    ]);
    const s = mesh(byName(r, 'Pyramid surface'));
    expect([s.vertices.length / 3, s.triangles.length / 3]).toEqual([5, 6]);
    expect(s.color).toBe('#ff8000');
    // the number attribute (1..4, one null = NaN); the date-time one is named in a warning
    expect(s.attributes?.map((a) => a.name)).toEqual(['Numbers']);
    expect(Array.from(s.attributes![0].values)).toEqual([1, 2, 3, 4, NaN]);
    expect(points(byName(r, 'Pyramid points')).vertices.length / 3).toBe(5);
    expect(segmentCount(byName(r, 'Pyramid lines'))).toBe(8);
    // tensor grid 2 x 2 cells → 3 x 3 vertices, 8 triangles, u sizes 1, 2 and v 1.5, 1.5 from (-1.5, -1.5, 0)
    const g = mesh(byName(r, 'Pyramid grid surface'));
    expect([g.vertices.length / 3, g.triangles.length / 3]).toEqual([9, 8]);
    expect(box(g).min.slice(0, 2)).toEqual([-1.5, -1.5]);
    expect(box(g).max.slice(0, 2)).toEqual([1.5, 1.5]);
    const cube = mesh(byName(r, 'Composite / Cube faces'));
    expect([cube.vertices.length / 3, cube.triangles.length / 3]).toEqual([8, 12]);
    expect(segmentCount(byName(r, 'Composite / Cube edges'))).toBe(12);
    expect(mesh(byName(r, 'Textured')).triangles.length / 3).toBe(2);
    for (const o of r.objects) validIndices(o);

    const w = warnings(r).map((x) => x.message);
    for (const bm of ['Regular block model', 'Tensor block model', 'Sub-blocked block model, regular', 'Sub-blocked block model, free-form']) {
      expect(w).toContain(`block model '${bm}' is not loaded: Veinscape shows surfaces, lines and points`);
    }
    expect(w.find((x) => x.startsWith("'Textured'"))).toMatch(/texture 'Projected'; texture 'Mapped'/);
    expect(w.find((x) => x.startsWith("'Pyramid surface'"))).toMatch(/triangle data 'Colors'; date-time attribute 'Date-times'/);
    expect(w.find((x) => x.startsWith("'Pyramid points'"))).toMatch(/category attribute 'Categories'/);
  });
});

describe("omf-python's 2.0 draft: omf-python_v2alpha_test_file.omf", () => {
  it('reads the same project as the v1 file, says it is the draft and gives the CRS', async () => {
    const r = await read('omf-python_v2alpha_test_file.omf');
    expect(r.meta.format).toBe('OMF 2 draft (omf-python 2.0 alpha)');
    expect(r.meta.crs).toBe('epsg 3857');
    expect(errors(r)).toEqual([]);
    expect(r.objects.map((o) => [o.type, o.name])).toEqual([
      ['points', 'Random Points'], ['lines', 'Random Line'], ['mesh', 'trisurf'], ['mesh', 'gridsurf'],
    ]);
    expect(points(byName(r, 'Random Points')).vertices.length / 3).toBe(100);
    expect(segmentCount(byName(r, 'Random Line'))).toBe(50);
    expect(mesh(byName(r, 'trisurf')).triangles.length / 3).toBe(50);
    const g = mesh(byName(r, 'gridsurf'));
    expect([g.vertices.length / 3, g.triangles.length / 3]).toEqual([176, 300]);
    expect(byName(r, 'trisurf').color).toBe('#64c8c8');
    expect(warnings(r).map((x) => x.message)).toContain("block model 'vol' is not loaded: Veinscape shows surfaces, lines and points");
  });
});

describe('damaged files: errors with byte offsets, never a throw', () => {
  it('a truncated OMF 1 file loses its JSON index: one error at the header offset field', async () => {
    const r = await read('omf-python_v1_test_file.omf', load('omf-python_v1_test_file.omf').slice(0, 50000));
    expect(r.objects).toEqual([]);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0].path).toBe('omf-python_v1_test_file.omf@52');
    expect(errors(r)[0].message).toMatch(/JSON index offset 81796 .* truncated/);
  });

  it('an OMF 1 file cut inside its JSON index: error at the index offset', async () => {
    const r = await read('x.omf', load('omf-python_v1_test_file.omf').slice(0, 85000));
    expect(errors(r)[0].path).toBe('x.omf@81796');
    expect(errors(r)[0].message).toMatch(/not valid JSON/);
  });

  it('a corrupt zlib block costs only its element, located at the block start', async () => {
    const bytes = load('omf-python_v1_test_file.omf');
    for (let i = 38042 + 200; i < 38042 + 240; i++) bytes[i] ^= 0x5a; // trisurf vertices: block at byte 38042
    const r = await read('c.omf', bytes);
    expect(r.objects.map((o) => o.name)).toEqual(['Random Points', 'Random Line', 'gridsurf']);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatchObject({ path: 'c.omf@38042', id: 'trisurf' });
    expect(errors(r)[0].message).toMatch(/corrupt zlib block at byte 38042/);
  });

  it('bad magic: an error at byte 0', async () => {
    const bytes = load('omf1_plane_surface.omf');
    bytes[0] = 0x00;
    const r = await read('bad.omf', bytes);
    expect(r.objects).toEqual([]);
    expect(errors(r)[0].path).toBe('bad.omf@0');
    expect(errors(r)[0].message).toMatch(/not an OMF file: it starts 00 83 82 81/);
    expect((await importOmf(new Uint8Array(0), 'empty.omf')).issues[0].severity).toBe('error');
  });

  it('a truncated OMF 2 zip: no central directory, an error at the cut', async () => {
    const r = await read('t.omf', load('omf2_one_of_everything.omf').slice(0, 12000));
    expect(r.objects).toEqual([]);
    expect(errors(r)[0].path).toBe('t.omf@12000');
    expect(errors(r)[0].message).toMatch(/end-of-central-directory.*truncated/);
  });

  it('a corrupt Parquet member costs only its element, located at the member', async () => {
    const bytes = load('omf2_pyramid.omf');
    for (let i = 100; i < 110; i++) bytes[i] ^= 0xff; // inside 1.parquet (surface vertices), stored from byte 59
    const r = await read('p.omf', bytes);
    expect(r.objects.map((o) => o.name)).toEqual(['Pyramid outline']);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatchObject({ path: 'p.omf@59', id: 'Pyramid surface' });
    expect(errors(r)[0].message).toMatch(/member '1.parquet' at byte 59 is corrupt/);
  });
});

/** A minimal OMF 1 file: header, one zlib block per array, JSON index (the layout omf1.ts documents). */
function buildOmf1(index: (arr: (values: number[], dtype: '<f8' | '<i8') => object) => Record<string, object>): Uint8Array {
  const blocks: Uint8Array[] = [];
  let at = 60;
  const arr = (values: number[], dtype: '<f8' | '<i8') => {
    const raw = new DataView(new ArrayBuffer(values.length * 8));
    values.forEach((v, i) => (dtype === '<f8' ? raw.setFloat64(i * 8, v, true) : raw.setBigInt64(i * 8, BigInt(v), true)));
    const z = zlibSync(new Uint8Array(raw.buffer));
    blocks.push(z);
    const ref = { start: at, length: z.length, dtype };
    at += z.length;
    return ref;
  };
  const json = new TextEncoder().encode(JSON.stringify(index(arr)));
  const out = new Uint8Array(at + json.length);
  out.set([0x84, 0x83, 0x82, 0x81]);
  out.set(new TextEncoder().encode('OMF-v0.9.0'), 4);
  out.set([0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x33, 0x33, 0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55], 36);
  new DataView(out.buffer).setBigInt64(52, BigInt(at), true);
  let p = 60;
  for (const b of blocks) { out.set(b, p); p += b.length; }
  out.set(json, at);
  return out;
}

describe('OMF 1 built here', () => {
  const bytes = buildOmf1((arr) => ({
    '11111111-2222-3333-4444-555555555555': { __class__: 'Project', name: 'p', units: 'm', origin: [1000, 2000, 300], elements: ['a', 'b', 'c', 'd'] },
    a: { __class__: 'LineSetElement', name: 'ring and tail', color: 'red', geometry: 'ga' },
    ga: { __class__: 'LineSetGeometry', origin: [10, 0, 0], vertices: 'va', segments: 'sa' },
    va: { __class__: 'Vector3Array', array: arr([0, 0, 0, 1, 0, 0, 1, 1, 0, 5, 5, 5, 6, 5, 5], '<f8') },
    sa: { __class__: 'Int2Array', array: arr([0, 1, 1, 2, 2, 0, 3, 4], '<i8') },
    b: { __class__: 'SurfaceElement', name: 'bad index', color: '#0a0B0c', geometry: 'gb' },
    gb: { __class__: 'SurfaceGeometry', origin: [0, 0, 0], vertices: 'va', triangles: 'tb' },
    tb: { __class__: 'Int3Array', array: arr([0, 1, 2, 0, 1, 7], '<i8') },
    c: { __class__: 'PointSetElement', name: 'pts', color: '#abc', geometry: 'gc' },
    gc: { __class__: 'PointSetGeometry', origin: [0, 0, 0], vertices: 'va' },
    d: { __class__: 'SomethingElse', name: 'odd' },
  }));

  it('adds geometry and project origins, chains segments, reads colour names and hex, skips a bad index', async () => {
    const r = await importOmf(bytes, 'built.omf');
    expect(r.meta).toEqual({ format: 'OMF 1 (OMF-v0.9.0)', declaredUnit: 'm' });
    expect(r.objects.map((o) => o.name)).toEqual(['ring and tail', 'pts']);
    const l = lines(r.objects[0]);
    expect(l.color).toBe('#ff0000');
    // 0-1, 1-2, 2-0 chain into a closed ring (first point repeated); 3-4 stands alone
    expect(l.lines.map((x) => Array.from(x))).toEqual([
      [1010, 2000, 300, 1011, 2000, 300, 1011, 2001, 300, 1010, 2000, 300],
      [1015, 2005, 305, 1016, 2005, 305],
    ]);
    expect(points(r.objects[1]).color).toBe('#aabbcc');
    const e = errors(r);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ id: 'bad index', path: 'built.omf' });
    expect(e[0].message).toMatch(/index 7 at position 5 is out of range \(5 vertices\)/);
    expect(warnings(r).map((w) => w.message)).toContain("element 'odd' (SomethingElse) is not loaded: Veinscape shows surfaces, lines and points");
  });

  it('reports progress and describes the versions read', async () => {
    const seen: number[] = [];
    await importOmf(bytes, 'built.omf', { onProgress: (x) => seen.push(x) });
    expect(seen.at(-1)).toBe(1);
    expect(OMF_VERSIONS_READ).toMatch(/OMF 1.*OMF 2\.0.*draft/);
  });
});
