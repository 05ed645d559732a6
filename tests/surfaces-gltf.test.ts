/**
 * glTF import (src/data/surfaces/gltf.ts) and the Veinscape axis convention (gltfAxes.ts).
 * There is no real glTF in ../shared/data, so the files are built here: some by hand, byte by
 * byte (12-byte header, JSON chunk, BIN chunk), so that the reader is checked against bytes it did
 * not write; others with @gltf-transform/core's writer; .gltf text with a data: URI buffer and with
 * an external .bin companion. Expected world positions are composed with three's Matrix4
 * (float64), an implementation independent of the importer's.
 */
import { Document, WebIO } from '@gltf-transform/core';
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { importGltf } from '../src/data/surfaces/gltf';
import { fromGltfAxes, readVeinscapeExtras, toGltfAxes } from '../src/data/surfaces/gltfAxes';
import type { ImportedLines, ImportedMesh, ImportedPoints, ImportOptions, ImportResult } from '../src/data/surfaces/types';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array, name: string, options?: ImportOptions) => importGltf(b, name, options) as Promise<ImportResult>;
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const meshes = (r: ImportResult) => r.objects.filter((o): o is ImportedMesh => o.type === 'mesh');

/** A GLB assembled by hand: header, JSON chunk (space-padded), BIN chunk (zero-padded). */
function glb(json: object, bin?: Uint8Array): Uint8Array {
  const j = enc(JSON.stringify(json));
  const jl = Math.ceil(j.length / 4) * 4;
  const bl = bin ? Math.ceil(bin.length / 4) * 4 : 0;
  const total = 12 + 8 + jl + (bin ? 8 + bl : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); // 'glTF'
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jl, true);
  dv.setUint32(16, 0x4e4f534a, true); // 'JSON'
  out.fill(0x20, 20, 20 + jl);
  out.set(j, 20);
  if (bin) {
    dv.setUint32(20 + jl, bl, true);
    dv.setUint32(24 + jl, 0x004e4942, true); // 'BIN\0'
    out.set(bin, 28 + jl);
  }
  return out;
}

/** Little-endian bytes of float32 values then uint16 values (each run padded to 4 bytes). */
function binOf(floats: number[], shorts: number[] = []): Uint8Array {
  const fb = new Uint8Array(new Float32Array(floats).buffer);
  const sb = new Uint8Array(new Uint16Array(shorts).buffer);
  const out = new Uint8Array(fb.length + Math.ceil(sb.length / 4) * 4);
  out.set(fb);
  out.set(sb, fb.length);
  return out;
}

/** One triangle (9 floats, 36 bytes) + its uint16 indices (6 bytes): the hand-built file's layout. */
const TRI = [0, 0, 0, 1, 0, 0, 0, 0, -1];
function handJson(extra: Record<string, unknown> = {}) {
  return {
    asset: { version: '2.0', generator: 'by hand' },
    buffers: [{ byteLength: 44 }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 36 }, { buffer: 0, byteOffset: 36, byteLength: 6 }],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, -1], max: [1, 0, 0] },
      { bufferView: 1, componentType: 5123, count: 3, type: 'SCALAR' },
    ],
    materials: [{ name: 'ore', pbrMetallicRoughness: { baseColorFactor: [0.5, 0.2, 0, 1] } }],
    meshes: [{ name: 'shell', primitives: [{ attributes: { POSITION: 0 }, indices: 1, material: 0 }] }],
    nodes: [{ name: 'Pit shell', mesh: 0, translation: [612000.5, 300.25, -5343000.75] }],
    scenes: [{ nodes: [0] }],
    scene: 0,
    ...extra,
  };
}

describe('a GLB written by hand', () => {
  it('reads the triangle, places it by the node translation in float64, colours it from the linear factor', async () => {
    const r = await read(glb(handJson(), binOf(TRI, [0, 1, 2])), 'hand.glb');
    expect(r.issues).toEqual([]);
    expect(r.meta).toMatchObject({ format: 'glTF 2.0 (GLB)', upAxis: 'y', declaredUnit: 'm' });
    expect(r.objects).toHaveLength(1);
    const m = meshes(r)[0];
    expect(m.name).toBe('Pit shell');
    // Y up, not rotated: the file's axes as stored; the UTM-size translation exact (float32 would lose it)
    expect(Array.from(m.vertices)).toEqual([612000.5, 300.25, -5343000.75, 612001.5, 300.25, -5343000.75, 612000.5, 300.25, -5343001.75]);
    expect(Array.from(m.triangles)).toEqual([0, 1, 2]);
    // baseColorFactor is linear: 0.5 → sRGB 0.735 (188), 0.2 → 0.485 (124)
    expect(m.color).toBe('#bc7c00');
  });

  it('bad magic in a .glb: error at byte 0', async () => {
    const b = glb(handJson(), binOf(TRI, [0, 1, 2]));
    b[3] = 0x58;
    const r = await read(b, 'bad.glb');
    expect(r.objects).toEqual([]);
    expect(errors(r)).toMatchObject([{ path: 'bad.glb@0' }]);
    expect(errors(r)[0].message).toMatch(/bad magic/);
  });

  it('truncated inside the JSON chunk: error at the chunk header', async () => {
    const r = await read(glb(handJson(), binOf(TRI, [0, 1, 2])).subarray(0, 60), 'cut.glb');
    expect(r.objects).toEqual([]);
    expect(errors(r).map((e) => e.path)).toEqual(['cut.glb@60', 'cut.glb@12']);
    expect(errors(r)[1].message).toMatch(/JSON chunk truncated/);
  });

  it('truncated inside the BIN chunk: the primitive whose data is there loads, the other is reported', async () => {
    // two primitives: one triangle at BIN 0..42, a second at 44..86; the file is cut at BIN byte 60
    const json = handJson({
      buffers: [{ byteLength: 88 }],
      bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 36 }, { buffer: 0, byteOffset: 36, byteLength: 6 }, { buffer: 0, byteOffset: 44, byteLength: 36 }],
      accessors: [
        { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
        { bufferView: 1, componentType: 5123, count: 3, type: 'SCALAR' },
        { bufferView: 2, componentType: 5126, count: 3, type: 'VEC3' },
      ],
      meshes: [{ name: 'shell', primitives: [{ attributes: { POSITION: 0 }, indices: 1 }, { attributes: { POSITION: 2 } }] }],
    });
    const bin = new Uint8Array(88);
    bin.set(binOf(TRI, [0, 1, 2]));
    bin.set(binOf(TRI.map((x) => x + 10)), 44);
    const full = glb(json, bin);
    const binStart = full.length - 88 - 8;
    const r = await read(full.subarray(0, binStart + 8 + 60), 'cut.glb');
    expect(meshes(r).map((m) => m.vertices[0])).toEqual([612000.5]);
    const e = errors(r);
    expect(e.some((i) => i.path === `cut.glb@${binStart}` && /BIN chunk truncated/.test(i.message))).toBe(true);
    expect(e.some((i) => /primitive 1 skipped: POSITION accessor 2: reads past the end of the data/.test(i.message))).toBe(true);
  });

  it('an accessor index out of range: that primitive skipped with an error, the others load', async () => {
    const json = handJson({
      meshes: [{ name: 'shell', primitives: [{ attributes: { POSITION: 7 } }, { attributes: { POSITION: 0 }, indices: 1 }, { attributes: { POSITION: 0 }, indices: 9 }] }],
    });
    const r = await read(glb(json, binOf(TRI, [0, 1, 2])), 'refs.glb');
    expect(meshes(r).map((m) => m.name)).toEqual(['Pit shell (primitive 1)']);
    expect(errors(r).map((e) => e.message)).toEqual([
      "meshes[0] 'shell' primitive 0 skipped: POSITION accessor 7 out of range (2 accessors)",
      "meshes[0] 'shell' primitive 2 skipped: indices accessor 9 out of range (2 accessors)",
    ]);
  });

  it('an index beyond the vertices: the primitive skipped', async () => {
    const r = await read(glb(handJson(), binOf(TRI, [0, 1, 5])), 'idx.glb');
    expect(r.objects).toEqual([]);
    expect(errors(r)[0].message).toMatch(/index 5 out of range \(3 vertices\)/);
  });
});

describe('.gltf text', () => {
  it('a data: URI buffer and a node matrix (column-major, float64)', async () => {
    const bin = binOf(TRI, [0, 1, 2]);
    const b64 = Buffer.from(bin.subarray(0, 44)).toString('base64');
    // rotate +90 degrees about X (Y up → Z up: y → z, z → -y), then translate to UTM size
    const matrix = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 612000.5, 5343000.75, 300.25, 1];
    const json = handJson({
      buffers: [{ byteLength: 44, uri: `data:application/octet-stream;base64,${b64}` }],
      nodes: [{ name: 'placed', mesh: 0, matrix }],
    });
    const r = await read(enc(JSON.stringify(json)), 'inline.gltf');
    expect(r.issues).toEqual([]);
    expect(r.meta.format).toBe('glTF 2.0');
    const expected = [0, 1, 2].map((i) => new Vector3(TRI[3 * i], TRI[3 * i + 1], TRI[3 * i + 2]).applyMatrix4(new Matrix4().fromArray(matrix)).toArray()).flat();
    expect(Array.from(meshes(r)[0].vertices)).toEqual(expected);
    expect(expected.slice(6)).toEqual([612000.5, 5343001.75, 300.25]); // (0, 0, -1) → (0, 1, 0) + t
  });

  it('an external .bin companion (by lower-case base name); missing: an error, nothing loaded', async () => {
    const json = handJson({ buffers: [{ byteLength: 44, uri: 'sub%20dir/Shell%20Data.BIN' }] });
    const companions = new Map([['shell data.bin', binOf(TRI, [0, 1, 2])]]);
    const ok = await read(enc(JSON.stringify(json)), 'ext.gltf', { companions });
    expect(ok.issues).toEqual([]);
    expect(meshes(ok)[0].vertices[0]).toBe(612000.5);
    const missing = await read(enc(JSON.stringify(json)), 'ext.gltf');
    expect(missing.objects).toEqual([]);
    expect(errors(missing)[0].message).toMatch(/'sub%20dir\/Shell%20Data.BIN' was not opened/);
  });

  it('not glTF: text that is not JSON, JSON without asset, a binary file', async () => {
    expect(errors(await read(enc('solid x\nendsolid x\n'), 'a.gltf'))[0].message).toMatch(/not a glTF file/);
    expect(errors(await read(enc('{"type":"FeatureCollection"}'), 'a.gltf'))[0].message).toMatch(/no "asset"/);
    expect(errors(await read(new Uint8Array([1, 0, 2, 0, 3]), 'a.gltf'))[0].message).toMatch(/not a glTF file/);
  });
});

describe('written by @gltf-transform/core', () => {
  /** Builds a document, lets the caller fill it, and returns GLB bytes. */
  async function build(fill: (doc: Document) => void): Promise<Uint8Array> {
    const doc = new Document();
    doc.createBuffer();
    fill(doc);
    return new WebIO().writeBinary(doc);
  }
  const acc = (doc: Document, type: 'VEC3' | 'SCALAR', a: Float32Array | Uint32Array | Uint16Array) =>
    doc.createAccessor().setType(type).setArray(a).setBuffer(doc.getRoot().listBuffers()[0]);

  it('composes a node hierarchy (TRS) in float64 like three.Matrix4 does', async () => {
    const pos = new Float32Array([0, 0, 0, 10, 0, 0, 0, 5, 0, 10, 5, 2.5]);
    const rot = new Quaternion().setFromEuler(new Euler(-Math.PI / 2, 0, 0.3));
    const bytes = await build((doc) => {
      const prim = doc.createPrimitive().setAttribute('POSITION', acc(doc, 'VEC3', pos)).setIndices(acc(doc, 'SCALAR', new Uint16Array([0, 1, 2, 1, 3, 2])));
      const child = doc.createNode('bench').setMesh(doc.createMesh('m').addPrimitive(prim)).setTranslation([3, 4, 5]).setScale([2, 2, 2]);
      const parent = doc.createNode('pit').setTranslation([612345.125, 310, -5343210.5]).setRotation([rot.x, rot.y, rot.z, rot.w]).addChild(child);
      doc.createScene('s').addChild(parent);
    });
    const r = await read(bytes, 'tree.glb');
    expect(r.issues).toEqual([]);
    const m = meshes(r)[0];
    expect(m.name).toBe('bench');
    const P = new Matrix4().compose(new Vector3(612345.125, 310, -5343210.5), rot, new Vector3(1, 1, 1));
    const C = new Matrix4().compose(new Vector3(3, 4, 5), new Quaternion(), new Vector3(2, 2, 2));
    const W = P.multiply(C);
    for (let i = 0; i < 4; i++) {
      const e = new Vector3(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]).applyMatrix4(W);
      expect(m.vertices[3 * i]).toBeCloseTo(e.x, 6);
      expect(m.vertices[3 * i + 1]).toBeCloseTo(e.y, 6);
      expect(m.vertices[3 * i + 2]).toBeCloseTo(e.z, 6);
    }
  });

  it('TRIANGLE_STRIP and TRIANGLE_FAN become triangles; LINES, LINE_STRIP, LINE_LOOP lines; POINTS points', async () => {
    const square = new Float32Array([0, 0, 0, 1, 0, 0, 0, 0, -1, 1, 0, -1]);
    const bytes = await build((doc) => {
      const scene = doc.createScene();
      const add = (name: string, mode: number, idx?: number[]) => {
        const prim = doc.createPrimitive().setMode(mode as 0).setAttribute('POSITION', acc(doc, 'VEC3', square));
        if (idx) prim.setIndices(acc(doc, 'SCALAR', new Uint16Array(idx)));
        scene.addChild(doc.createNode(name).setMesh(doc.createMesh().addPrimitive(prim)));
      };
      add('strip', 5);
      add('fan', 6, [0, 1, 3, 2]);
      add('segments', 1, [0, 1, 1, 3, 2, 0]); // 0-1-3 joined, then 2-0 apart
      add('strip line', 3);
      add('loop', 2, [0, 1, 3]);
      add('dots', 0);
    });
    const r = await read(bytes, 'modes.glb');
    expect(r.issues).toEqual([]);
    const by = new Map(r.objects.map((o) => [o.name, o]));
    expect(Array.from((by.get('strip') as ImportedMesh).triangles)).toEqual([0, 1, 2, 1, 3, 2]); // odd triangles (i, i+2, i+1) per the specification
    expect((by.get('fan') as ImportedMesh).triangles.length).toBe(6);
    const lines = (name: string) => (by.get(name) as ImportedLines).lines.map((l) => Array.from(l));
    expect(lines('segments')).toEqual([[0, 0, 0, 1, 0, 0, 1, 0, -1], [0, 0, -1, 0, 0, 0]]);
    expect(lines('strip line')).toEqual([[0, 0, 0, 1, 0, 0, 0, 0, -1, 1, 0, -1]]);
    expect(lines('loop')).toEqual([[0, 0, 0, 1, 0, 0, 1, 0, -1, 0, 0, 0]]);
    expect(by.get('dots')).toMatchObject({ type: 'points' });
    expect((by.get('dots') as ImportedPoints).vertices.length).toBe(12);
  });

  it('a material without baseColorFactor gives no colour; a mesh no node places is reported, not loaded', async () => {
    const bytes = await build((doc) => {
      const tri = () => doc.createPrimitive().setAttribute('POSITION', acc(doc, 'VEC3', new Float32Array(TRI)));
      doc.createScene().addChild(doc.createNode('plain').setMesh(doc.createMesh().addPrimitive(tri().setMaterial(doc.createMaterial('m')))));
      doc.createMesh('orphan').addPrimitive(tri());
    });
    const r = await read(bytes, 'm.glb');
    expect(r.objects.map((o) => o.name)).toEqual(['plain']);
    expect(meshes(r)[0].color).toBeUndefined(); // the default factor is not written: the app picks a colour
    expect(r.issues).toMatchObject([{ severity: 'warning' }]);
    expect(r.issues[0].message).toMatch(/1 mesh\(es\) placed by no node.*orphan/);
  });
});

describe('Veinscape origin and axes (gltfAxes.ts)', () => {
  const origin: [number, number, number] = [612000, 5343000, 300];
  const world = [612010.25, 5343020.5, 280.75, 612110.5, 5342990.25, 310, 611990.75, 5343100, 250.5];

  it('toGltfAxes is a proper rotation (+Y up, north = -Z) and fromGltfAxes inverts it exactly', () => {
    const gl = toGltfAxes(world, origin);
    expect(Array.from(gl.slice(0, 3))).toEqual([10.25, -19.25, -20.5]);
    expect(Array.from(fromGltfAxes(gl, origin))).toEqual(world);
    // east, north, up map to +X, -Z, +Y: east x north = up in both frames (determinant +1)
    const [e, n, u] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]].map((v) => Array.from(toGltfAxes(v, [0, 0, 0])));
    expect(e).toEqual([1, 0, 0]);
    expect(n).toEqual([0, 0, -1]);
    expect(u).toEqual([0, 1, 0]);
    const cross = [e[1] * n[2] - e[2] * n[1], e[2] * n[0] - e[0] * n[2], e[0] * n[1] - e[1] * n[0]].map((x) => x + 0);
    expect(cross).toEqual(u);
    expect(readVeinscapeExtras({ veinscape: { origin: [1, 2] } })).toMatchObject({ message: expect.stringMatching(/three finite numbers/) });
    expect(readVeinscapeExtras({ other: 1 })).toBeNull();
  });

  it('a file with asset.extras.veinscape reads back in project coordinates, Z up', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    doc.getRoot().getAsset().extras = { veinscape: { origin, upAxis: 'y', units: 'm', crs: 'NAD83 / UTM zone 17N' } };
    const pos = toGltfAxes(world, origin, new Float32Array(9)); // offsets are float32-exact here
    const prim = doc.createPrimitive().setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer));
    doc.createScene().addChild(doc.createNode('vein').setMesh(doc.createMesh().addPrimitive(prim)));
    const r = await read(await new WebIO().writeBinary(doc), 'export.glb');
    expect(r.issues).toEqual([]);
    expect(r.meta).toMatchObject({ upAxis: 'z', declaredUnit: 'm', crs: 'NAD83 / UTM zone 17N' });
    expect(Array.from(meshes(r)[0].vertices)).toEqual(world);
  });

  it('the block may sit on the scene; upAxis z means offsets only; a malformed block is a warning', async () => {
    const json = handJson({ scenes: [{ nodes: [0], extras: { veinscape: { origin: [1000, 2000, 3000], upAxis: 'z' } } }], nodes: [{ mesh: 0 }] });
    const r = await read(glb(json, binOf(TRI, [0, 1, 2])), 'z.glb');
    expect(r.meta.upAxis).toBe('z');
    expect(Array.from(meshes(r)[0].vertices)).toEqual([1000, 2000, 3000, 1001, 2000, 3000, 1000, 2000, 2999]);
    const bad = await read(glb(handJson({ asset: { version: '2.0', extras: { veinscape: { origin: 'here' } } } }), binOf(TRI, [0, 1, 2])), 'b.glb');
    expect(bad.meta.upAxis).toBe('y');
    expect(bad.issues).toMatchObject([{ severity: 'warning' }]);
  });
});
