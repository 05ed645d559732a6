/**
 * 3D model export: the glb and OBJ files read back with three's own loaders (GLTFLoader, OBJLoader,
 * MTLLoader, in Node) give the input objects, colours and UTM coordinates within 1 mm once the
 * recorded origin is added back; collectExportScene exports what is on screen, fault offsets applied.
 */
import { describe, expect, it } from 'vitest';
import { LineSegments, Mesh, type BufferGeometry, type Material, type MeshStandardMaterial, type Object3D } from 'three';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { MTLLoader } from 'three/examples/jsm/loaders/MTLLoader.js';
import { exportFileNames, writeGlb, writeObj, type ExportScene } from '../src/export/meshExport';
import { collectExportScene } from '../src/export/collectScene';
import { validateDeposit } from '../src/data/load';
import { readVeinscapeExtras } from '../src/data/surfaces/gltfAxes';
import { prepare } from '../src/domain/prepare';
import { createVeinscapeStore } from '../src/state/store';

const E = 612345.678, N = 5343210.987;
const f64 = (a: number[]) => Float64Array.from(a);

/** Two translucent/opaque meshes and two line objects at UTM magnitudes. */
function handScene(): ExportScene {
  return {
    project: 'Mine Test / Ünit 1',
    crs: 'NAD83 / UTM zone 17N',
    origin: [612300, 5343200, 0],
    meshes: [
      {
        name: 'Vein One',
        color: '#d4a017',
        opacity: 1,
        vertices: f64([E, N, 250.123, E + 10.001, N, 250.456, E + 10.002, N + 5.003, 245.789, E, N + 5.004, 245.001]),
        triangles: Uint32Array.from([0, 1, 2, 0, 2, 3]),
      },
      { name: 'Host', color: '#b9a7a0', opacity: 0.12, vertices: f64([E - 50, N - 40, 10, E + 60, N - 40, 12, E, N + 70, -5.5]), triangles: Uint32Array.from([0, 1, 2]) },
    ],
    lines: [
      { name: 'Drill holes', color: '#59626d', lines: [f64([E, N, 300, E + 0.5, N + 0.25, 250.0005, E + 1, N + 0.5, 200]), f64([E - 20, N, 300, E - 20, N, 150.123])] },
      { name: 'Shaft', color: '#7a6a58', lines: [f64([E + 5, N + 5, 310, E + 5, N + 5, 200, E + 15, N + 5, 200, E + 15, N + 25, 195])] },
    ],
  };
}

function parseGlb(bytes: Uint8Array): Promise<GLTF> {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Promise((resolve, reject) => new GLTFLoader().parse(ab, '', resolve, reject));
}

/** Positions as a plain array, whatever the attribute's layout (interleaved or not). */
function positionsOf(g: BufferGeometry): Float32Array {
  const a = g.getAttribute('position');
  const out = new Float32Array(a.count * 3);
  for (let i = 0; i < a.count; i++) out.set([a.getX(i), a.getY(i), a.getZ(i)], i * 3);
  return out;
}
const hexOf = (m: Material | Material[]) => (m as MeshStandardMaterial).color.getHexString();

/** Largest distance, m, between expected world points and read ones (to world by `back`). */
function worstError(expected: ArrayLike<number>, order: ArrayLike<number> | null, read: Float32Array, back: (x: number, y: number, z: number) => [number, number, number]): number {
  let worst = 0;
  const count = read.length / 3;
  for (let k = 0; k < count; k++) {
    const src = order ? order[k] : k;
    const w = back(read[k * 3], read[k * 3 + 1], read[k * 3 + 2]);
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(w[c] - expected[src * 3 + c]));
  }
  return worst;
}

describe('glb export read by three GLTFLoader', () => {
  it('keeps objects, names, counts, colours, alpha, lines and UTM coordinates (1 mm)', async () => {
    const scene = handScene();
    const gltf = await parseGlb(await writeGlb(scene));
    const extras = (gltf.asset as { extras?: { veinscape?: { origin: number[]; upAxis: string; crs: string; units: string } } }).extras!.veinscape!;
    expect(extras).toEqual({ origin: [612300, 5343200, 0], upAxis: 'y', crs: 'NAD83 / UTM zone 17N', units: 'm' });
    expect(gltf.asset.generator).toBe('Veinscape');
    // The importer's reader of the block (src/data/surfaces/gltfAxes.ts) understands it.
    expect(readVeinscapeExtras(gltf.asset.extras)).toEqual(extras);
    const o = extras.origin;
    // Y-up back to project axes: e = x + e0, n = -z + n0, z = y + z0.
    const back = (x: number, y: number, z: number): [number, number, number] => [x + o[0], -z + o[1], y + o[2]];

    const kids = gltf.scene.children;
    // three sanitises node names (blanks become '_'); the file keeps them as written.
    expect(kids.map((k) => k.name)).toEqual(['Vein_One', 'Host', 'Drill_holes', 'Shaft']);
    expect((gltf.parser.json as { nodes: { name: string }[] }).nodes.map((n) => n.name)).toEqual(['Vein One', 'Host', 'Drill holes', 'Shaft']);

    const [vein, host, holes, shaft] = kids as [Mesh, Mesh, LineSegments, LineSegments];
    for (const [obj, src] of [[vein, scene.meshes[0]], [host, scene.meshes[1]]] as const) {
      expect(obj).toBeInstanceOf(Mesh);
      expect(obj.geometry.getAttribute('position').count).toBe(src.vertices.length / 3);
      expect(obj.geometry.getAttribute('normal').count).toBe(src.vertices.length / 3);
      expect(obj.geometry.index!.count / 3).toBe(src.triangles.length / 3);
      expect(hexOf(obj.material)).toBe(src.color.slice(1));
      expect((obj.material as Material).side).toBe(2); // DoubleSide
      expect(worstError(src.vertices, null, positionsOf(obj.geometry), back)).toBeLessThan(1e-3);
    }
    expect((vein.material as Material).transparent).toBe(false);
    expect((host.material as Material).transparent).toBe(true);
    expect((host.material as Material).opacity).toBeCloseTo(0.12, 6);
    // Vertex 1 belongs to triangle 0 alone: its normal is that triangle's (counter-clockwise in
    // plan, so up), taken to glTF axes as (nE, nZ, -nN).
    const v = scene.meshes[0].vertices;
    const u = [v[3] - v[0], v[4] - v[1], v[5] - v[2]], w = [v[6] - v[0], v[7] - v[1], v[8] - v[2]];
    const nw = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
    const len = Math.hypot(nw[0], nw[1], nw[2]);
    const normal = vein.geometry.getAttribute('normal');
    expect(nw[2]).toBeGreaterThan(0);
    expect(normal.getX(1)).toBeCloseTo(nw[0] / len, 4);
    expect(normal.getY(1)).toBeCloseTo(nw[2] / len, 4);
    expect(normal.getZ(1)).toBeCloseTo(-nw[1] / len, 4);

    expect(holes).toBeInstanceOf(LineSegments);
    expect(holes.geometry.getAttribute('position').count).toBe(3 + 2);
    expect(holes.geometry.index!.count).toBe(2 * (2 + 1));
    expect(hexOf(holes.material)).toBe('59626d');
    expect(worstError(f64([...scene.lines[0].lines[0], ...scene.lines[0].lines[1]]), null, positionsOf(holes.geometry), back)).toBeLessThan(1e-3);
    expect(shaft).toBeInstanceOf(LineSegments);
    expect(shaft.geometry.getAttribute('position').count).toBe(4);
    expect(hexOf(shaft.material)).toBe('7a6a58');
  });
});

describe('OBJ export read by three OBJLoader + MTLLoader', () => {
  it('keeps objects, names, counts, colours, lines and UTM coordinates (1 mm), Z up', () => {
    const scene = handScene();
    const names = exportFileNames(scene.project);
    expect(names).toEqual({ base: 'mine-test-unit-1', glb: 'mine-test-unit-1.glb', obj: 'mine-test-unit-1.obj', mtl: 'mine-test-unit-1.mtl' });
    const { obj, mtl } = writeObj(scene);
    expect(obj.split('\n')[0]).toBe('# Veinscape export of Mine Test / Ünit 1; origin E N Z = 612300 5343200 0 (add it back for project coordinates); CRS NAD83 / UTM zone 17N; Z up, metres');
    expect(obj).toContain('\nmtllib mine-test-unit-1.mtl\n');
    const m = /origin E N Z = (\S+) (\S+) (\S+)/.exec(obj)!;
    const o = [Number(m[1]), Number(m[2]), Number(m[3])];
    const back = (x: number, y: number, z: number): [number, number, number] => [x + o[0], y + o[1], z + o[2]];

    const materials = new MTLLoader().parse(mtl, '');
    materials.preload();
    const group = new OBJLoader().setMaterials(materials).parse(obj);
    const kids = group.children;
    expect(kids.map((k) => k.name)).toEqual(['Vein One', 'Host', 'Drill holes', 'Shaft']);

    const [vein, host, holes, shaft] = kids as [Mesh, Mesh, LineSegments, LineSegments];
    for (const [o3, src] of [[vein, scene.meshes[0]], [host, scene.meshes[1]]] as const) {
      expect(o3).toBeInstanceOf(Mesh);
      // OBJLoader un-indexes: three vertices per triangle, in triangle order.
      expect(o3.geometry.getAttribute('position').count).toBe(src.triangles.length);
      expect(hexOf(o3.material)).toBe(src.color.slice(1));
      expect(worstError(src.vertices, src.triangles, positionsOf(o3.geometry), back)).toBeLessThan(1e-3);
    }
    expect((host.material as Material).opacity).toBeCloseTo(0.12, 3);
    expect((host.material as Material).transparent).toBe(true);

    // `l a b c` becomes segments a-b, b-c: two vertices per segment.
    expect(holes).toBeInstanceOf(LineSegments);
    expect(holes.geometry.getAttribute('position').count).toBe(2 * (2 + 1));
    expect(hexOf(holes.material)).toBe('59626d');
    const p = scene.lines[0].lines[0];
    expect(worstError(p, [0, 1, 1, 2], positionsOf(holes.geometry).subarray(0, 12), back)).toBeLessThan(1e-3);
    expect(shaft.geometry.getAttribute('position').count).toBe(2 * 3);
  });

  it('leaves out empty objects and one-point polylines', async () => {
    const scene: ExportScene = {
      project: '',
      origin: [0, 0, 0],
      meshes: [{ name: 'empty', color: '#ffffff', opacity: 1, vertices: new Float64Array(0), triangles: new Uint32Array(0) }],
      lines: [{ name: 'dot', color: '#000000', lines: [f64([1, 2, 3])] }],
    };
    expect(writeObj(scene).obj).not.toMatch(/^o /m);
    expect(exportFileNames('').base).toBe('veinscape-model');
    expect((await parseGlb(await writeGlb(scene))).scene.children).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// collectExportScene on a tiny deposit: a vein dipping north crossed by a vertical fault at
// e = 612020 whose east block moved down 10 m (as mapped); a host sheet; two vertical holes,
// one each side; a drift crossing the fault.

const FAULT_E = 612020;
const veinZ = (n: number) => 200 - 0.5 * (n - 5343000);

function tinyDeposit() {
  const vein: number[] = [];
  const es = [611900, 611950, 612000, 612050, 612100];
  const ns = [5343000, 5343050, 5343100];
  for (const n of ns) for (const e of es) vein.push(e, n, veinZ(n));
  const tris: number[] = [];
  for (let r = 0; r < ns.length - 1; r++) {
    for (let c = 0; c < es.length - 1; c++) {
      const a = r * es.length + c;
      tris.push(a, a + 1, a + es.length + 1, a, a + es.length + 1, a + es.length);
    }
  }
  return {
    format: 'veinscape',
    schemaVersion: 1,
    project: { name: 'Export test', crs: { name: 'NAD83 / UTM zone 17N' } },
    zones: [
      { id: 'v1', name: 'Vein One', color: '#d4a017', kind: 'vein' },
      { id: 'host', name: 'Host', color: '#b9a7a0', kind: 'host' },
    ],
    surfaces: [
      { id: 'v1-s', name: 'Vein One', zone: 'v1', vertices: vein, triangles: tris },
      { id: 'host-s', zone: 'host', vertices: [611900, 5343000, 50, 612100, 5343000, 50, 612000, 5343100, 50], triangles: [0, 1, 2] },
      { id: 'f1-s', fault: 'f1', vertices: [FAULT_E, 5342900, 400, FAULT_E, 5343200, 400, FAULT_E, 5343200, -100, FAULT_E, 5342900, -100], triangles: [0, 1, 2, 0, 2, 3] },
    ],
    faults: [{ id: 'f1', name: 'F1', surface: 'f1-s', movingSide: 'east', slip: { vector: [0, 0, -10] } }],
    holes: [
      { id: 'DH-E', collar: [612060, 5343050, 300], depth: 200, azimuth: 0, dip: -90 },
      { id: 'DH-W', collar: [611950, 5343050, 300], depth: 150, azimuth: 0, dip: -90 },
    ],
    workings: [{ id: 'w1', name: 'Drift 150', kind: 'drift', path: [[611900, 5343050, 150], [612100, 5343050, 150]] }],
  };
}

function tinyStore() {
  const { model, report } = validateDeposit(tinyDeposit(), 'tiny.json');
  expect(report.errors).toEqual([]);
  const prepared = prepare(model!);
  const store = createVeinscapeStore();
  store.setState({ model: model!, prepared });
  store.getState().resetForDataset(model!, prepared);
  return { store, model: model!, prepared };
}

describe('collectExportScene', () => {
  it('exports the visible surfaces with the current fault offset, in scene colours', () => {
    const { store, model } = tinyStore();
    store.getState().setZoneVisible('host', false);
    // Mapped offset 10 m; 25 m moves the east block 15 m further along the slip (straight down).
    expect(store.getState().mappedOffsets).toEqual({ f1: 10 });
    store.getState().setFaultOffset('f1', 25);
    const scene = collectExportScene(store.getState());

    expect(scene.project).toBe('Export test');
    expect(scene.crs).toBe('NAD83 / UTM zone 17N');
    expect(scene.origin).toEqual([612000, 5343100, 0]);
    expect(scene.meshes.map((m) => m.name)).toEqual(['Vein One', 'f1-s']); // host hidden
    const [vein, fault] = scene.meshes;
    expect(vein).toMatchObject({ color: '#d4a017', opacity: 0.82 });
    expect(fault).toMatchObject({ color: '#b5473a', opacity: 0.13 });
    expect(fault.vertices).toEqual(model.surfaces[2].vertices); // faults never move

    let east = 0, west = 0;
    for (let i = 0; i < vein.vertices.length; i += 3) {
      const [e, n, z] = [vein.vertices[i], vein.vertices[i + 1], vein.vertices[i + 2]];
      if (e > FAULT_E + 1e-3) {
        east++;
        expect(Math.abs(z - (veinZ(n) - 15))).toBeLessThan(1e-3);
      } else if (e < FAULT_E - 1e-3) {
        west++;
        expect(Math.abs(z - veinZ(n))).toBeLessThan(1e-3);
      }
    }
    expect(east).toBeGreaterThan(0);
    expect(west).toBeGreaterThan(0);
  });

  it('exports hole traces and workings as drawn: moved with their block, cut at the fault', () => {
    const { store } = tinyStore();
    store.getState().setFaultOffset('f1', 25);
    const lines = (follow: boolean) => {
      store.getState().setHolesFollowFaults(follow);
      return collectExportScene(store.getState()).lines;
    };
    const followed = lines(true);
    expect(followed.map((l) => l.name)).toEqual(['Drill holes', 'Drift 150']);
    const [holes, drift] = followed;
    expect(holes.lines).toHaveLength(2);
    const [east, west] = holes.lines; // model order
    expect([east[0], east[1], east[2]]).toEqual([612060, 5343050, 285]);
    expect(east[east.length - 1]).toBeCloseTo(100 - 15, 6);
    expect([west[0], west[1], west[2]]).toEqual([611950, 5343050, 300]);
    expect(east.length / 3).toBe(21); // 200 m in 10 m pieces
    // The drift crosses the fault: a fixed piece and a moved piece, split at e = 612020.
    // (A point within 1 mm of a fault belongs to the fixed side: the cut lies 1 mm into the moving block, as drawn.)
    expect(drift.lines).toHaveLength(2);
    const expected = [
      [611900, 5343050, 150, FAULT_E, 5343050, 150],
      [FAULT_E, 5343050, 135, 612100, 5343050, 135],
    ];
    drift.lines.forEach((l, i) => l.forEach((v, k) => expect(Math.abs(v - expected[i][k])).toBeLessThanOrEqual(1.001e-3)));
    // Holes left as mapped: no shift; workings still move.
    const [holes2, drift2] = lines(false);
    expect(holes2.lines[0][2]).toBe(300);
    expect(drift2.lines[1][2]).toBe(135);
  });

  it('follows the layer switches and hole filters', () => {
    const { store } = tinyStore();
    store.getState().setLayerVisible('veins', false);
    store.getState().setLayerVisible('faults', false);
    store.getState().setFilters({ holeSearch: 'DH-W' });
    let scene = collectExportScene(store.getState());
    expect(scene.meshes.map((m) => m.name)).toEqual(['host-s']);
    expect(scene.lines[0].lines).toHaveLength(1);
    expect(scene.lines[0].lines[0][0]).toBe(611950);
    store.getState().setLayerVisible('traces', false);
    store.getState().setLayerVisible('workings', false);
    scene = collectExportScene(store.getState());
    expect(scene.lines).toEqual([]);
  });

  it('writes a collected scene that GLTFLoader reads back', async () => {
    const { store } = tinyStore();
    const gltf = await parseGlb(await writeGlb(collectExportScene(store.getState())));
    const names = gltf.scene.children.map((c: Object3D) => c.name);
    expect(names).toEqual(['Vein_One', 'host-s', 'f1-s', 'Drill_holes', 'Drift_150']);
  });
});

describe('point sets in the exports', () => {
  const scene = (): ExportScene => ({ ...handScene(), meshes: [], lines: [], points: [{ name: 'Samples', color: '#336699', vertices: f64([E, N, 250, E + 3, N + 4, 240.5, E - 1, N + 2, 260.25]) }] });

  it('glb: a POINTS mesh three reads as Points, 3 points back in place within 1 mm', async () => {
    const gltf = await parseGlb(await writeGlb(scene()));
    const pts: Object3D[] = [];
    gltf.scene.traverse((o) => (o as { isPoints?: boolean }).isPoints && pts.push(o));
    expect(pts).toHaveLength(1);
    const read = positionsOf((pts[0] as unknown as { geometry: BufferGeometry }).geometry);
    const o = scene().origin;
    // glTF Y-up back to project axes: e = x + e0, n = n0 - z, z = y + z0
    const back = Array.from({ length: 3 }, (_, i) => [read[i * 3] + o[0], o[1] - read[i * 3 + 2], read[i * 3 + 1] + o[2]]).flat();
    back.forEach((v, i) => expect(Math.abs(v - scene().points![0].vertices[i])).toBeLessThan(1e-3));
  });

  it('OBJ: one `p` record naming the three vertices, read by three as Points', () => {
    const { obj } = writeObj(scene());
    expect(obj).toMatch(/^p 1 2 3$/m);
    const group = new OBJLoader().parse(obj);
    const pts: Object3D[] = [];
    group.traverse((o) => (o as { isPoints?: boolean }).isPoints && pts.push(o));
    expect(pts).toHaveLength(1);
    expect((pts[0] as unknown as { geometry: BufferGeometry }).geometry.getAttribute('position').count).toBe(3);
  });
});
