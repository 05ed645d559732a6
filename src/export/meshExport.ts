/**
 * 3D model export: a neutral description of what is on screen (ExportScene, true world float64
 * coordinates) written as glTF 2.0 binary (.glb, for viewers, Blender, PowerPoint, the web) or as
 * Wavefront OBJ + MTL (for mining software: Leapfrog, Deswik, Vulcan, Surpac, Micromine).
 *
 * Precision: UTM coordinates (~600,000 E, ~5,000,000 N) lose about 0.5 m in float32, so both
 * files hold coordinates RELATIVE to `origin` (Veinscape's origin rounded to 100 m): float32 in
 * the glb (under 0.25 mm error within 4 km of it), 4 decimals (0.1 mm) in the OBJ. The origin
 * is written in each file (glTF asset.extras.veinscape, OBJ header comment) to be added back.
 *
 * Axes: glTF is Y-up by specification, so (e, n, z) is written as (e - e0, z - z0, -(n - n0))
 * (a proper rotation: triangle winding and handedness are kept), the convention of
 * src/data/surfaces/gltfAxes.ts, which the glTF importer inverts. OBJ stays Z-up in project
 * axes, as mining software expects. Units: metres throughout.
 *
 * Pure: no React, no DOM, no store, no three; runs in Node tests and in a worker.
 */
import { fileSlug } from './download';
import { Document, VertexLayout, WebIO, type Material } from '@gltf-transform/core';
import { toGltfAxes, type VeinscapeGltfInfo } from '../data/surfaces/gltfAxes';
import { vertexNormals } from '../domain/surfaceBuffer';

export interface ExportMesh {
  name: string;
  /** '#rrggbb', sRGB as in the scene */
  color: string;
  /** 0 transparent .. 1 opaque */
  opacity: number;
  /** world [e, n, z, ...] m, float64 */
  vertices: Float64Array;
  /** vertex indices, 0-based, three per triangle */
  triangles: Uint32Array;
}

export interface ExportLines {
  name: string;
  color: string;
  /** world polylines [e0, n0, z0, e1, ...] m, float64, at least two points each */
  lines: Float64Array[];
}

export interface ExportPoints {
  name: string;
  color: string;
  /** world [e, n, z, ...] m, float64 */
  vertices: Float64Array;
}

export interface ExportScene {
  project: string;
  /** CRS name (e.g. 'NAD83 / UTM zone 17N'), recorded in the files */
  crs?: string;
  /** subtracted from every coordinate before writing; world m */
  origin: [number, number, number];
  meshes: ExportMesh[];
  lines: ExportLines[];
  /** point sets (OMF), as drawn */
  points?: ExportPoints[];
}

/** '#rrggbb' → [r, g, b] in 0..1, still sRGB-encoded. Unparseable colours give mid grey. */
export function hexToSrgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [0.5, 0.5, 0.5];
  const v = parseInt(m[1], 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** sRGB-encoded channel → linear (glTF baseColorFactor is linear; IEC 61966-2-1 curve). */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1);

/** The scene's area-weighted normals; a vertex without area gets +Y (glTF wants unit normals). */
function normalsOf(p: Float32Array, idx: Uint32Array): Float32Array {
  const n = vertexNormals(p, idx);
  for (let i = 0; i < n.length; i += 3) if (n[i] === 0 && n[i + 1] === 0 && n[i + 2] === 0) n[i + 1] = 1;
  return n;
}

/** Polylines with fewer than two points say nothing; they are left out of both formats. */
const drawable = (lines: Float64Array[]) => lines.filter((l) => l.length >= 6);

/**
 * glTF 2.0 binary: one named node + mesh + material per object, under one scene named after the
 * project. Meshes are TRIANGLES with POSITION, NORMAL and uint32 indices; lines are LINES
 * (mode 1), indexed, one pair per polyline segment. Materials are double-sided (surfaces are
 * open sheets seen from both sides), non-metallic, BLEND when the opacity is below 1.
 */
export async function writeGlb(scene: ExportScene): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document();
  const root = doc.getRoot();
  const asset = root.getAsset();
  asset.generator = 'Veinscape';
  // The convention of src/data/surfaces/gltfAxes.ts: its importer reads this block and fromGltfAxes inverts the axes.
  const extras: VeinscapeGltfInfo = { origin: [...scene.origin], upAxis: 'y', ...(scene.crs ? { crs: scene.crs } : {}), units: 'm' };
  asset.extras = { veinscape: extras };
  const buffer = doc.createBuffer();
  const gltfScene = doc.createScene(scene.project);
  root.setDefaultScene(gltfScene);
  const o = scene.origin;

  const material = (name: string, color: string, opacity: number): Material => {
    const [r, g, b] = hexToSrgb(color).map(srgbToLinear);
    const a = clamp01(opacity);
    return doc
      .createMaterial(name)
      .setBaseColorFactor([r, g, b, a])
      .setAlphaMode(a < 1 ? 'BLEND' : 'OPAQUE')
      .setDoubleSided(true)
      .setMetallicFactor(0)
      .setRoughnessFactor(0.8);
  };

  for (const m of scene.meshes) {
    const nv = m.vertices.length / 3;
    if (nv === 0 || m.triangles.length < 3) continue;
    const pos = toGltfAxes(m.vertices, o, new Float32Array(nv * 3));
    const indices = m.triangles.slice(0, m.triangles.length - (m.triangles.length % 3));
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(normalsOf(pos, indices)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
      .setMaterial(material(m.name, m.color, m.opacity));
    gltfScene.addChild(doc.createNode(m.name).setMesh(doc.createMesh(m.name).addPrimitive(prim)));
  }

  for (const l of scene.lines) {
    const lines = drawable(l.lines);
    if (lines.length === 0) continue;
    let points = 0, segments = 0;
    for (const p of lines) {
      points += p.length / 3;
      segments += p.length / 3 - 1;
    }
    const pos = new Float32Array(points * 3);
    const idx = new Uint32Array(segments * 2);
    let v = 0, s = 0;
    for (const p of lines) {
      const first = v;
      toGltfAxes(p, o, pos.subarray(3 * v, 3 * v + p.length));
      v += p.length / 3;
      for (let k = first; k < v - 1; k++) {
        idx[s++] = k;
        idx[s++] = k + 1;
      }
    }
    const prim = doc
      .createPrimitive()
      .setMode(1) // LINES
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(idx).setBuffer(buffer))
      .setMaterial(material(l.name, l.color, 1));
    gltfScene.addChild(doc.createNode(l.name).setMesh(doc.createMesh(l.name).addPrimitive(prim)));
  }
  for (const p of scene.points ?? []) {
    const n = p.vertices.length / 3;
    if (n === 0) continue;
    const prim = doc
      .createPrimitive()
      .setMode(0) // POINTS
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(toGltfAxes(p.vertices, o, new Float32Array(n * 3))).setBuffer(buffer))
      .setMaterial(material(p.name, p.color, 1));
    gltfScene.addChild(doc.createNode(p.name).setMesh(doc.createMesh(p.name).addPrimitive(prim)));
  }
  // One buffer view per attribute (not interleaved): the plainest layout for every importer.
  return new WebIO().setVertexLayout(VertexLayout.SEPARATE).writeBinary(doc);
}

/** Names on OBJ `o` lines: one line, no leading/trailing blanks. */
const objName = (s: string) => s.replace(/[\r\n]+/g, ' ').trim() || 'object';
/** MTL names are read up to the first blank by some programs: blanks become '_'. */
const mtlName = (s: string, i: number) => `${objName(s).replace(/\s+/g, '_')}_${i + 1}`;

/** Metres relative to the origin with 4 decimals (0.1 mm); '-0.0000' written as '0.0000'. */
function coord(x: number): string {
  const t = x.toFixed(4);
  return t === '-0.0000' ? '0.0000' : t;
}

/**
 * Wavefront OBJ + MTL: Z up in project axes, coordinates relative to the origin (header comment
 * says how to add it back), one `o` per object with its own material, 1-based `f` triangles and
 * `l` polylines. `mtlFile` is the name the OBJ's `mtllib` refers to (saved next to it).
 */
export function writeObj(scene: ExportScene, mtlFile: string = exportFileNames(scene.project).mtl): { obj: string; mtl: string } {
  const o = scene.origin;
  const out: string[] = [];
  const mtl: string[] = [`# Veinscape materials for ${objName(scene.project)}; Kd is sRGB 0..1, d is opacity`];
  out.push(
    `# Veinscape export of ${objName(scene.project)}; origin E N Z = ${o[0]} ${o[1]} ${o[2]} (add it back for project coordinates); CRS ${scene.crs ? objName(scene.crs) : 'not given'}; Z up, metres`,
    `mtllib ${mtlFile}`,
  );
  let base = 1; // OBJ vertex numbers are 1-based and global to the file
  let objects = 0;
  const addMaterial = (name: string, color: string, opacity: number) => {
    const id = mtlName(name, objects);
    const [r, g, b] = hexToSrgb(color);
    mtl.push('', `newmtl ${id}`, `Kd ${r.toFixed(4)} ${g.toFixed(4)} ${b.toFixed(4)}`, `Ka ${r.toFixed(4)} ${g.toFixed(4)} ${b.toFixed(4)}`, 'Ks 0.0000 0.0000 0.0000', `d ${clamp01(opacity).toFixed(3)}`, 'illum 1');
    return id;
  };
  const vertexLine = (v: ArrayLike<number>, i: number) => `v ${coord(v[i] - o[0])} ${coord(v[i + 1] - o[1])} ${coord(v[i + 2] - o[2])}`;

  for (const m of scene.meshes) {
    const nv = m.vertices.length / 3;
    if (nv === 0 || m.triangles.length < 3) continue;
    out.push(`o ${objName(m.name)}`, `usemtl ${addMaterial(m.name, m.color, m.opacity)}`);
    objects++;
    for (let i = 0; i < m.vertices.length; i += 3) out.push(vertexLine(m.vertices, i));
    for (let t = 0; t + 2 < m.triangles.length; t += 3) out.push(`f ${m.triangles[t] + base} ${m.triangles[t + 1] + base} ${m.triangles[t + 2] + base}`);
    base += nv;
  }
  for (const l of scene.lines) {
    const lines = drawable(l.lines);
    if (lines.length === 0) continue;
    out.push(`o ${objName(l.name)}`, `usemtl ${addMaterial(l.name, l.color, 1)}`);
    objects++;
    for (const p of lines) {
      const n = p.length / 3;
      for (let i = 0; i < p.length; i += 3) out.push(vertexLine(p, i));
      const refs: number[] = [];
      for (let k = 0; k < n; k++) refs.push(base + k);
      out.push(`l ${refs.join(' ')}`);
      base += n;
    }
  }
  for (const p of scene.points ?? []) {
    const n = p.vertices.length / 3;
    if (n === 0) continue;
    out.push(`o ${objName(p.name)}`, `usemtl ${addMaterial(p.name, p.color, 1)}`);
    objects++;
    for (let i = 0; i < p.vertices.length; i += 3) out.push(vertexLine(p.vertices, i));
    out.push(`p ${Array.from({ length: n }, (_, k) => base + k).join(' ')}`);
    base += n;
  }
  return { obj: out.join('\n') + '\n', mtl: mtl.join('\n') + '\n' };
}

/** File names for an export: `base` (e.g. the project name) as a safe lower-case slug. */
export function exportFileNames(base: string): { base: string; glb: string; obj: string; mtl: string } {
  const slug = fileSlug(base, 'veinscape-model');
  return { base: slug, glb: `${slug}.glb`, obj: `${slug}.obj`, mtl: `${slug}.mtl` };
}
