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
 */
import { Box3, BufferAttribute, BufferGeometry, DataTexture, FloatType, NearestFilter, RGBAFormat, Sphere, Vector3 } from 'three';
import type { SegmentBuffer } from '../../domain/segments';

/** Texels per row of the segment textures (rows ≤ 8192 on every WebGL2: 33M segments). */
export const SEG_TEX_WIDTH = 4096;
/** Texels per row of the per-hole attribute texture. */
export const HOLE_TEX_WIDTH = 1024;

export interface SegmentGpuData {
  geometry: BufferGeometry;
  segA: DataTexture;
  segB: DataTexture;
  segC: DataTexture;
  holeAttr: DataTexture;
  /** replaces the colour value of every segment (colour by another column); one texture upload */
  setColorValues(values: Float32Array): void;
  dispose(): void;
}

function floatTexture(data: Float32Array, width: number, rows: number): DataTexture {
  const t = new DataTexture(data, width, rows, RGBAFormat, FloatType);
  t.minFilter = NearestFilter;
  t.magFilter = NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

/** Drops a typed array from JS memory once the GPU has its copy (the GPU copy is what draws). */
function releaseAfterUpload(attr: BufferAttribute): void {
  attr.onUpload(function (this: { array: unknown }) {
    this.array = null;
  });
}

export function buildSegmentGpuData(b: SegmentBuffer): SegmentGpuData {
  const n = b.count;
  const rows = Math.max(1, Math.ceil(n / SEG_TEX_WIDTH));
  const texels = SEG_TEX_WIDTH * rows;
  const a = new Float32Array(texels * 4);
  const e = new Float32Array(texels * 4);
  const c = new Float32Array(texels * 4);
  let holes = 0;
  const box = new Box3();
  const p = new Vector3();
  for (let i = 0; i < n; i++) {
    const i3 = i * 3;
    const i4 = i * 4;
    a[i4] = b.start[i3]; a[i4 + 1] = b.start[i3 + 1]; a[i4 + 2] = b.start[i3 + 2]; a[i4 + 3] = b.mask[i];
    e[i4] = b.end[i3]; e[i4 + 1] = b.end[i3 + 1]; e[i4 + 2] = b.end[i3 + 2]; e[i4 + 3] = b.value[i];
    const h = b.hole[i4 + 3];
    c[i4] = b.depth[i * 2]; c[i4 + 1] = b.depth[i * 2 + 1]; c[i4 + 2] = h; c[i4 + 3] = b.value[i];
    if (h + 1 > holes) holes = h + 1;
    box.expandByPoint(p.set(b.start[i3], b.start[i3 + 1], b.start[i3 + 2]));
    box.expandByPoint(p.set(b.end[i3], b.end[i3 + 1], b.end[i3 + 2]));
  }
  // Hole attributes are the same for every segment of a hole: one texel per hole.
  const holeRows = Math.max(1, Math.ceil(holes / HOLE_TEX_WIDTH));
  const ha = new Float32Array(HOLE_TEX_WIDTH * holeRows * 4);
  for (let i = 0; i < n; i++) {
    const h = b.hole[i * 4 + 3];
    if (h < 0) continue;
    ha[h * 4] = b.hole[i * 4]; ha[h * 4 + 1] = b.hole[i * 4 + 1]; ha[h * 4 + 2] = b.hole[i * 4 + 2];
  }

  // Two triangles per segment over its 4 vertices: corner bit 0 = along (start/end), bit 1 = side.
  const index = new Uint32Array(n * 6);
  for (let i = 0, v = 0, k = 0; i < n; i++, v += 4) {
    index[k++] = v; index[k++] = v + 1; index[k++] = v + 2;
    index[k++] = v + 2; index[k++] = v + 1; index[k++] = v + 3;
  }
  const geometry = new BufferGeometry();
  const indexAttr = new BufferAttribute(index, 1);
  // three needs a position attribute to set up the draw; one byte per vertex, never read.
  const position = new BufferAttribute(new Uint8Array(n * 4), 1);
  releaseAfterUpload(indexAttr);
  releaseAfterUpload(position);
  geometry.setIndex(indexAttr);
  geometry.setAttribute('position', position);
  // The position attribute says nothing about where segments are (and is dropped after upload):
  // give three the real bounds, which it uses to sort layers.
  geometry.boundingBox = n > 0 ? box : new Box3(new Vector3(), new Vector3());
  geometry.boundingSphere = geometry.boundingBox.getBoundingSphere(new Sphere());

  const segA = floatTexture(a, SEG_TEX_WIDTH, rows);
  const segB = floatTexture(e, SEG_TEX_WIDTH, rows);
  const segC = floatTexture(c, SEG_TEX_WIDTH, rows);
  const holeAttr = floatTexture(ha, HOLE_TEX_WIDTH, holeRows);
  // Positions never change after load (offsets are uniforms): keep only the GPU copy. segC stays
  // in memory because colouring by another column rewrites its colour value.
  for (const t of [segA, segB]) {
    t.onUpdate = () => {
      (t.image as { data: Float32Array | null }).data = null;
    };
  }
  return {
    geometry,
    segA,
    segB,
    segC,
    holeAttr,
    setColorValues(values) {
      for (let i = 0; i < n; i++) c[i * 4 + 3] = values[i];
      segC.needsUpdate = true;
    },
    dispose() {
      geometry.dispose();
      for (const t of [segA, segB, segC, holeAttr]) t.dispose();
    },
  };
}
