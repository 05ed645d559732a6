/**
 * GPU form of a SegmentBuffer: camera-facing ribbons drawn without instancing.
 *
 * Why not an instance per segment: software WebGL (SwiftShader, what laptops without a usable GPU
 * and our CI fall back to) pays about 15 µs per instance whatever its size, so a million instanced
 * tubes took tens of seconds per frame. Here one draw covers a layer: 4 vertices (2 triangles) per
 * segment, and the vertex shader reads the segment it belongs to (gl_VertexID / 4) from float
 * textures ("vertex pulling"). The draw is indexed so that the vertex cache runs the shader once per
 * corner (4 a segment, not 6), over one small index of QUAD_CHUNK segments repeated as instances
 * (a few hundred at a million segments), so no buffer grows with the layer.
 *
 * Texture layout, one texel per segment in each, SEG_TEX_WIDTH texels per row:
 *   segA: start x, y, z (local m), fault block mask
 *   segB: end x, y, z (local m), value (grade or layer code; -1 none)
 *   segC: depth from, depth to (m along the hole), hole index, colour value
 * holeAttr (one texel per hole): status/type code, program index, year, 0.
 * Levels of detail (large interval layers): one RG texture per level, one texel per entry (a run
 * of segments, see domain/segmentLod.ts), drawn with the same index (entry i = vertices 4i..4i+3).
 * The arrays are packed by segmentPack.ts, in the loading worker for loaded data.
 */
import { Box3, BufferAttribute, BufferGeometry, DataTexture, FloatType, InstancedBufferGeometry, NearestFilter, RGBAFormat, RGFormat, Sphere, Vector3, type Material, type Object3D, type WebGLRenderer } from 'three';
import { holeIndexAt, type SegmentBuffer } from '../../domain/segments';
import { writeDepths } from '../../domain/segmentEnds';
import type { SegmentLod } from '../../domain/segmentLod';
import { HOLE_TEX_WIDTH, packSegments, quadIndex, SEG_TEX_WIDTH, type PackedSegments } from '../../domain/segmentPack';

export { HOLE_TEX_WIDTH, SEG_TEX_WIDTH };

export interface SegmentGpuData {
  /** the layer's segments */
  count: number;
  /** the chunk index, an instance per QUAD_CHUNK segments (setQuadRange places a draw) */
  geometry: InstancedBufferGeometry;
  segA: DataTexture;
  segB: DataTexture;
  segC: DataTexture;
  holeAttr: DataTexture;
  /**
   * levels of detail: per level its entries' texture (released from JS memory once uploaded) and
   * the hierarchy's tiles and ranges (its `refs` arrays emptied: the textures hold them)
   */
  lod: { hierarchy: SegmentLod; refs: DataTexture[] } | null;
  /** replaces the colour value of every segment (colour by another column); one texture upload */
  setColorValues(values: Float32Array): void;
  /** whether setColorValues has replaced the initial colour values (the segments' own values) */
  readonly colourChanged: boolean;
  dispose(): void;
}

function floatTexture(data: Float32Array, width: number, rows: number, format: typeof RGBAFormat | typeof RGFormat = RGBAFormat): DataTexture {
  const t = new DataTexture(data, width, rows, format, FloatType);
  t.minFilter = NearestFilter;
  t.magFilter = NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

/**
 * Segments per instance of a layer's draw: its index holds QUAD_CHUNK segments' two triangles
 * (vertex 4i + k is corner k of segment i, below 65,536 so the index is 16-bit: 48 KB), and an
 * instance per chunk draws the next QUAD_CHUNK segments (segmentMaterial.ts VERTEX_MAIN). The last
 * chunk's segments past the draw's end leave the vertex shader at once: at most QUAD_CHUNK - 1 per
 * draw. On SwiftShader the interval layer's frame at 10,000 x 100 took 1,256 ms drawn so, against
 * 1,427 ms for 6 vertices a segment with no index (docs/performance.md, Session 18). 4,096 and
 * 16,384 a chunk measured alike.
 */
export const QUAD_CHUNK = 4096;

/** One chunk's index (the same pattern as an emphasised subset's, domain/segmentPack.ts). */
const CHUNK_INDEX = new Uint16Array(quadIndex(QUAD_CHUNK, () => true));

/**
 * The vertex data three wants for a draw the shader places from gl_VertexID: a one-byte `position`
 * that says `count` vertices (three keys programs on having one); the shader never reads it, so
 * WebGL never reads past that byte. (A per-segment index was 24 bytes a segment, 264 MB at ten
 * million intervals, built in the worker and uploaded in one main-thread task of 0.8 s.)
 */
export function vertexCount(count: number): BufferAttribute {
  const a = new BufferAttribute(new Uint8Array(1), 1);
  (a as { count: number }).count = count;
  return a;
}

/**
 * A geometry drawing segments over the chunk index, none until setQuadRange places it. Its own
 * index attribute (over the shared array): disposing a geometry deletes its attributes' buffers.
 */
export function quadGeometry(position: BufferAttribute, index?: BufferAttribute): InstancedBufferGeometry {
  const g = new InstancedBufferGeometry();
  g.setIndex(index ?? new BufferAttribute(CHUNK_INDEX, 1));
  g.setAttribute('position', position);
  g.instanceCount = 0;
  return g;
}

/**
 * Places a draw of segments (or level-of-detail entries) start .. start + count - 1: the instances
 * of the chunk index that cover them and the material's first and end segment. The material is
 * this mesh's own (its uniforms are uploaded when three switches to it).
 */
export function setQuadRange(mesh: Object3D & { geometry: BufferGeometry; material: Material | Material[] }, start: number, count: number): void {
  coverQuads(mesh.geometry as InstancedBufferGeometry, count);
  const u = (mesh.material as Material).userData.uniforms as { uSegBase: { value: number }; uSegEnd: { value: number } };
  u.uSegBase.value = start;
  u.uSegEnd.value = start + count;
  mesh.onAfterRender = countLiveTriangles;
}

/** The instances and index range that draw `count` segments (the material says from which). */
function coverQuads(g: InstancedBufferGeometry, count: number): void {
  const perInstance = Math.min(count, QUAD_CHUNK);
  g.instanceCount = Math.ceil(count / QUAD_CHUNK);
  g.setDrawRange(0, 6 * perInstance);
  // three counts every instance's triangles; those of the last chunk past the end draw nothing.
  g.userData.deadTriangles = 2 * (g.instanceCount * perInstance - count);
}

/**
 * A quad draw's Object3D.onAfterRender: veinscape.stats() counts the triangles of the picture, the
 * draw's segments', not the dead ones of its last chunk.
 */
export function countLiveTriangles(renderer: WebGLRenderer, _scene: unknown, _camera: unknown, geometry: BufferGeometry): void {
  renderer.info.render.triangles -= (geometry.userData.deadTriangles as number | undefined) ?? 0;
}

/**
 * A quad draw's segments, base .. end - 1 (its material's uniforms), or null for any other draw:
 * what a first frame drawn in passes (scene/framePasses.ts) cuts by whole segments.
 */
export function quadRangeOf(object: Object3D, material: Material): { base: number; end: number } | null {
  const u = material.userData.uniforms as { uSegBase?: { value: number }; uSegEnd?: { value: number } } | undefined;
  if (!u?.uSegBase || !u.uSegEnd || object.onAfterRender !== countLiveTriangles) return null;
  return { base: u.uSegBase.value, end: u.uSegEnd.value };
}

/** The triangles countLiveTriangles takes off after this draw (its last chunk's dead ones; 0 for any other draw). */
export function deadTrianglesOf(object: Object3D, geometry: BufferGeometry): number {
  return object.onAfterRender === countLiveTriangles ? ((geometry.userData.deadTriangles as number | undefined) ?? 0) : 0;
}

export function buildSegmentGpuData(b: SegmentBuffer, packed: PackedSegments = packSegments(b)): SegmentGpuData {
  const n = packed.count;
  const geometry = quadGeometry(vertexCount(n * 4));
  coverQuads(geometry, n);
  // Give three the real bounds, which it uses to sort layers.
  const bb = packed.bounds;
  geometry.boundingBox = n > 0 ? new Box3(new Vector3(bb[0], bb[1], bb[2]), new Vector3(bb[3], bb[4], bb[5])) : new Box3(new Vector3(), new Vector3());
  geometry.boundingSphere = geometry.boundingBox.getBoundingSphere(new Sphere());

  const segA = floatTexture(packed.segA, SEG_TEX_WIDTH, packed.rows);
  const segB = floatTexture(packed.segB, SEG_TEX_WIDTH, packed.rows);
  const segC = floatTexture(packed.segC, SEG_TEX_WIDTH, packed.rows);
  const holeAttr = floatTexture(packed.holeAttr, HOLE_TEX_WIDTH, packed.holeRows);
  // Positions never change after load (offsets are uniforms): keep only the GPU copy. segC too:
  // colouring by another column writes its texels again from the buffer's depths and hole
  // indices (16 bytes a segment less on the page: 160 MB at 10,000,000 intervals).
  const lod = packed.lod
    ? {
        refs: packed.lod.levels.map((l) => floatTexture(l.refs, SEG_TEX_WIDTH, l.rows, RGFormat)),
        hierarchy: { ...packed.lod, levels: packed.lod.levels.map((l) => ({ ...l, refs: new Float32Array(0) })) },
      }
    : null;
  for (const t of [segA, segB, segC, ...(lod?.refs ?? [])]) {
    t.onUpdate = () => {
      (t.image as { data: Float32Array | null }).data = null;
    };
  }
  const texels = SEG_TEX_WIDTH * packed.rows;
  let colourChanged = false;
  return {
    get colourChanged() {
      return colourChanged;
    },
    count: n,
    geometry,
    segA,
    segB,
    segC,
    holeAttr,
    lod,
    setColorValues(values) {
      // segC as packSegments lays it out (depth from, depth to, hole index, colour value).
      const c = new Float32Array(texels * 4);
      writeDepths(b, c, 4);
      for (let i = 0; i < n; i++) {
        c[i * 4 + 2] = holeIndexAt(b, i); c[i * 4 + 3] = values[i];
      }
      (segC.image as { data: Float32Array | null }).data = c;
      segC.needsUpdate = true;
      colourChanged = true;
    },
    dispose() {
      geometry.dispose();
      for (const t of [segA, segB, segC, holeAttr, ...(lod?.refs ?? [])]) t.dispose();
    },
  };
}
