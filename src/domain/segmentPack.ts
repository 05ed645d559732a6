/**
 * Packs a SegmentBuffer into the arrays the segment shader reads (see segmentGeometry.ts for the
 * layout). Plain typed arrays, no three.js: the loading worker runs this, so the page receives
 * ready-made GPU data and spends no main-thread time on a million segments.
 */
import { holeAttrAt, holeIndexAt, type SegmentBuffer } from './segments';
import { withOwnEnds } from './segmentEnds';
import { buildSegmentLod, LOD_MIN_SEGMENTS, lodTransferables, type SegmentLod } from './segmentLod';

/** Texels per row of the segment textures (rows ≤ 8192 on every WebGL2: 33M segments). */
export const SEG_TEX_WIDTH = 4096;
/** Texels per row of the per-hole attribute texture. */
export const HOLE_TEX_WIDTH = 1024;

export interface PackedSegments {
  count: number;
  rows: number;
  /** RGBA float texels, SEG_TEX_WIDTH × rows */
  segA: Float32Array;
  segB: Float32Array;
  segC: Float32Array;
  holeRows: number;
  /** RGBA float texels, HOLE_TEX_WIDTH × holeRows */
  holeAttr: Float32Array;
  /** local bounds of every end point, [minX, minY, minZ, maxX, maxY, maxZ] (m) */
  bounds: Float64Array;
  /** levels of detail (segmentLod.ts), for a layer asked for them with at least LOD_MIN_SEGMENTS segments */
  lod?: SegmentLod;
}

/** `withLod`: also build the levels of detail (the intervals layer, when large). */
/** Segments packed between two calls of packSegments' `progress` (a power of 2). */
const SEGMENTS_A_STEP = 1 << 18;

export function packSegments(buffer: SegmentBuffer, withLod = false, progress?: (fraction: number) => void): PackedSegments {
  // Packed by the worker before the ends are shared; made whole again if the page packs a shared buffer.
  const b = withOwnEnds(buffer);
  const n = b.count;
  const rows = Math.max(1, Math.ceil(n / SEG_TEX_WIDTH));
  const texels = SEG_TEX_WIDTH * rows;
  const segA = new Float32Array(texels * 4);
  const segB = new Float32Array(texels * 4);
  const segC = new Float32Array(texels * 4);
  const bounds = new Float64Array([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
  let holes = 0;
  // Without levels of detail the packing is the whole of the work; with them, about half of it.
  const packShare = withLod ? 0.5 : 1;
  for (let i = 0; i < n; i++) {
    if (progress && (i & (SEGMENTS_A_STEP - 1)) === 0) progress((packShare * i) / n);
    const i3 = i * 3;
    const i4 = i * 4;
    segA[i4] = b.start[i3]; segA[i4 + 1] = b.start[i3 + 1]; segA[i4 + 2] = b.start[i3 + 2]; segA[i4 + 3] = b.mask[i];
    segB[i4] = b.end[i3]; segB[i4 + 1] = b.end[i3 + 1]; segB[i4 + 2] = b.end[i3 + 2]; segB[i4 + 3] = b.value[i];
    const h = holeIndexAt(b, i);
    segC[i4] = b.depth[i * 2]; segC[i4 + 1] = b.depth[i * 2 + 1]; segC[i4 + 2] = h; segC[i4 + 3] = b.value[i];
    if (h + 1 > holes) holes = h + 1;
    for (let k = 0; k < 3; k++) {
      const s = b.start[i3 + k], e = b.end[i3 + k];
      const lo = s < e ? s : e, hi = s < e ? e : s;
      if (lo < bounds[k]) bounds[k] = lo;
      if (hi > bounds[k + 3]) bounds[k + 3] = hi;
    }
  }
  // Hole attributes are the same for every segment of a hole: one texel per hole.
  const holeRows = Math.max(1, Math.ceil(holes / HOLE_TEX_WIDTH));
  const holeAttr = new Float32Array(HOLE_TEX_WIDTH * holeRows * 4);
  for (let i = 0; i < n; i++) {
    const h = holeIndexAt(b, i);
    if (h < 0) continue;
    holeAttr[h * 4] = holeAttrAt(b, i, 0); holeAttr[h * 4 + 1] = holeAttrAt(b, i, 1); holeAttr[h * 4 + 2] = holeAttrAt(b, i, 2);
  }
  // No index for the whole layer: its draws repeat one small index (scene/geometry/segmentGeometry.ts QUAD_CHUNK).
  const lod = withLod && n >= LOD_MIN_SEGMENTS ? buildSegmentLod(b, SEG_TEX_WIDTH, progress && ((f) => progress(packShare + (1 - packShare) * f))) : undefined;
  return { count: n, rows, segA, segB, segC, holeRows, holeAttr, bounds, lod };
}

/**
 * The triangles (two per segment) of the segments `keep` accepts: vertex 4i + k is corner k of
 * segment i (bit 0 = end of the segment, bit 1 = side). For the emphasised grades' draw, a subset
 * of the layer's segments drawn again from the same textures (its shader finds a segment from its
 * vertex number, not from where it sits in the index). The whole layer has no index of its own:
 * its draws repeat this pattern's first QUAD_CHUNK segments as instances (segmentGeometry.ts).
 */
export function quadIndex(n: number, keep: (segment: number) => boolean): Uint32Array {
  let m = 0;
  for (let i = 0; i < n; i++) if (keep(i)) m++;
  const index = new Uint32Array(m * 6);
  for (let i = 0, k = 0; i < n; i++) {
    if (!keep(i)) continue;
    const v = 4 * i;
    index[k++] = v; index[k++] = v + 1; index[k++] = v + 2;
    index[k++] = v + 2; index[k++] = v + 1; index[k++] = v + 3;
  }
  return index;
}

export function packedTransferables(p: PackedSegments): ArrayBuffer[] {
  return [...[p.segA, p.segB, p.segC, p.holeAttr, p.bounds].map((a) => a.buffer as ArrayBuffer), ...(p.lod ? lodTransferables(p.lod) : [])];
}
