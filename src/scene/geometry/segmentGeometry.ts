/**
 * GPU form of a SegmentBuffer: camera-facing ribbons drawn without instancing.
 *
 * Why not instancing: software WebGL (SwiftShader, what laptops without a usable GPU and our CI
 * fall back to) pays about 15 µs per instance whatever its size, so a million instanced tubes took
 * tens of seconds per frame. Here one plain indexed draw covers a layer: 4 vertices (2 triangles)
 * per segment, and the vertex shader reads the segment it belongs to (gl_VertexID / 4) from float
 * textures ("vertex pulling"), so the per-vertex buffers hold nothing but the index.
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
import { Box3, BufferAttribute, BufferGeometry, DataTexture, FloatType, NearestFilter, RGBAFormat, RGFormat, Sphere, Vector3 } from 'three';
import { holeIndexAt, type SegmentBuffer } from '../../domain/segments';
import { writeDepths } from '../../domain/segmentEnds';
import type { SegmentLod } from '../../domain/segmentLod';
import { HOLE_TEX_WIDTH, packSegments, SEG_TEX_WIDTH, type PackedSegments } from '../../domain/segmentPack';

export { HOLE_TEX_WIDTH, SEG_TEX_WIDTH };

export interface SegmentGpuData {
  geometry: BufferGeometry;
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
 * The whole layer is drawn with no index and no vertex data: six vertices a segment, each placed
 * by the vertex shader from gl_VertexID and the segment textures. three still wants a position
 * attribute to know how many vertices a non-indexed draw has: this one holds one byte and says
 * `count`; the shader never reads it, so WebGL never reads past that byte. (The index was 24 bytes
 * a segment, 264 MB at ten million intervals, built in the worker and uploaded in one main-thread
 * task of 0.8 s; a one-byte-per-vertex placeholder another 44 MB.)
 */
export function vertexCount(count: number): BufferAttribute {
  const a = new BufferAttribute(new Uint8Array(1), 1);
  (a as { count: number }).count = count;
  return a;
}

export function buildSegmentGpuData(b: SegmentBuffer, packed: PackedSegments = packSegments(b)): SegmentGpuData {
  const n = packed.count;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', vertexCount(n * 6));
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
