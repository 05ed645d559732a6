/**
 * Spatial index for screen-space picking of a SegmentBuffer: the same answer as `pickSegment`
 * (pick.ts) while visiting only the segments near the pick ray.
 *
 * Layout: segments are grouped by fault-block mask (each group moves by one uniform offset, so a
 * query moves the pick volume instead of rebuilding), sorted along a Morton curve of their
 * centres within a group, and covered by a packed bounding-box tree (leaves of LEAF consecutive
 * segments, parents of FAN consecutive nodes, as in flatbush). Memory: one Uint32 per segment
 * plus 6 float32 per node (about 1/7 node per segment), no object per segment.
 *
 * Query: the pick volume is the set of points that project within the tolerance square around
 * the cursor, bounded by four planes in clip space (x ≥ xlo·w, x ≤ xhi·w, y ≥ ylo·w, y ≤ yhi·w)
 * plus w > 0. That is the cone about the eye ray for a perspective camera and the cylinder about
 * the ray for an orthographic one (w ≡ 1), with the pixel tolerance turned into world size by the
 * matrix itself at every distance. A box wholly outside one plane holds no segment that can be
 * picked; every other segment of a visited leaf is tested exactly as pickSegment tests it.
 */
import type { SegmentBuffer } from './segments';
import { readEnd, withOwnEnds } from './segmentEnds';
import type { Vec3 } from './vec3';
import { pickRule, pickSegment, segmentScreenHit, type PickResult, type SegmentHit, type Viewport } from './pick';

/** segments per leaf and children per node: small boxes, shallow tree (1M segments → 7 levels) */
const LEAF = 8;
const FAN = 8;
/** extra pick radius for the box tests, px: covers rounding between box and exact tests */
const MARGIN_PX = 0.5;

interface IndexGroup {
  /** fault-block bit mask shared by the group */
  mask: number;
  /** range of `order` holding the group's segments */
  start: number;
  end: number;
  /** first node of each level (level 0 = leaves) and, last, the end of the root level */
  levels: number[];
}

export interface PickIndex {
  /** the buffer indexed (buffers are immutable once prepared) */
  readonly buffer: SegmentBuffer;
  /** segment indices: by group, then in Morton order */
  readonly order: Uint32Array;
  /** node boxes, 6 float32 per node: min x, y, z, max x, y, z, local m (unshifted) */
  readonly boxes: Float32Array;
  readonly groups: readonly IndexGroup[];
}

/** Spread the low 10 bits of v to every third bit (for a 30-bit 3D Morton code). */
function spread3(v: number): number {
  v &= 0x3ff;
  v = (v | (v << 16)) & 0x030000ff;
  v = (v | (v << 8)) & 0x0300f00f;
  v = (v | (v << 4)) & 0x030c30c3;
  v = (v | (v << 2)) & 0x09249249;
  return v;
}

/**
 * One stable LSD radix pass on 16 bits of the keys, `shift` = 0 or 16: reorders (keys, idx) into
 * (keysOut, idxOut). Keys travel with their indices so every read is sequential.
 */
function radixPass(keys: Uint32Array, idx: Uint32Array, keysOut: Uint32Array, idxOut: Uint32Array, shift: number): void {
  const counts = new Uint32Array(65537);
  const n = keys.length;
  for (let k = 0; k < n; k++) counts[((keys[k] >>> shift) & 0xffff) + 1]++;
  for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
  for (let k = 0; k < n; k++) {
    const at = counts[(keys[k] >>> shift) & 0xffff]++;
    keysOut[at] = keys[k];
    idxOut[at] = idx[k];
  }
}

/** Box of segments order[from..to) into boxes[node*6..]; min / max of float32 values, so exact. */
function leafBox(b: SegmentBuffer, order: Uint32Array, from: number, to: number, boxes: Float32Array, node: number): void {
  const o = node * 6;
  for (let c = 0; c < 6; c++) boxes[o + c] = c < 3 ? Infinity : -Infinity;
  for (let k = from; k < to; k++) {
    const i3 = order[k] * 3;
    for (let c = 0; c < 3; c++) {
      const a = b.start[i3 + c], e = b.end[i3 + c];
      const lo = a < e ? a : e, hi = a < e ? e : a;
      if (lo < boxes[o + c]) boxes[o + c] = lo;
      if (hi > boxes[o + 3 + c]) boxes[o + 3 + c] = hi;
    }
  }
}

/** Box of nodes [from, to) into boxes[node*6..]; min / max of float32 values, so exact. */
function unionBox(boxes: Float32Array, from: number, to: number, node: number): void {
  const o = node * 6;
  for (let c = 0; c < 6; c++) boxes[o + c] = c < 3 ? Infinity : -Infinity;
  for (let k = from; k < to; k++) {
    const q = k * 6;
    for (let c = 0; c < 3; c++) {
      if (boxes[q + c] < boxes[o + c]) boxes[o + c] = boxes[q + c];
      if (boxes[q + 3 + c] > boxes[o + 3 + c]) boxes[o + 3 + c] = boxes[q + 3 + c];
    }
  }
}

/** Build the index of a buffer: O(n) passes plus a 3-pass radix sort; no object per segment. */
export function buildPickIndex(buffer: SegmentBuffer): PickIndex {
  // The page's shared ends (segmentEnds.ts), made whole for the build only; the index keeps `buffer`.
  const b = withOwnEnds(buffer);
  const n = b.count;
  // Group ids by mask; neighbouring segments usually share a block, so remember the last one.
  const groupOf = new Uint32Array(n);
  const masks: number[] = [];
  const ids = new Map<number, number>();
  let lastMask = NaN, lastId = 0;
  // Centre bounds, local m, to quantise the Morton code.
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  const { start: S, end: E } = b;
  for (let i = 0; i < n; i++) {
    const mk = b.mask[i];
    if (mk !== lastMask) {
      let id = ids.get(mk);
      if (id === undefined) { id = masks.length; ids.set(mk, id); masks.push(mk); }
      lastMask = mk; lastId = id;
    }
    groupOf[i] = lastId;
    const i3 = i * 3;
    const x = S[i3] + E[i3], y = S[i3 + 1] + E[i3 + 1], z = S[i3 + 2] + E[i3 + 2]; // twice the centre
    if (x < x0) x0 = x; if (x > x1) x1 = x;
    if (y < y0) y0 = y; if (y > y1) y1 = y;
    if (z < z0) z0 = z; if (z > z1) z1 = z;
  }
  // Sort key, 32 bits: group id on top, Morton code of the centre below it (10 bits per axis,
  // fewer when there are more than 4 groups; precision here only affects speed, never results).
  const groupBits = Math.ceil(Math.log2(Math.max(1, masks.length)));
  const axisBits = Math.max(1, Math.min(10, Math.floor((32 - groupBits) / 3)));
  const cells = (1 << axisBits) - 1;
  const fx = x1 > x0 ? cells / (x1 - x0) : 0, fy = y1 > y0 ? cells / (y1 - y0) : 0, fz = z1 > z0 ? cells / (z1 - z0) : 0;
  const keys = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const i3 = i * 3;
    const qx = ((S[i3] + E[i3] - x0) * fx) | 0;
    const qy = ((S[i3 + 1] + E[i3 + 1] - y0) * fy) | 0;
    const qz = ((S[i3 + 2] + E[i3 + 2] - z0) * fz) | 0;
    const morton = (spread3(qx) | (spread3(qy) << 1) | (spread3(qz) << 2)) >>> 0;
    keys[i] = ((groupOf[i] * 2 ** (3 * axisBits)) + morton) >>> 0;
    order[i] = i;
  }
  // LSD radix sort in two 16-bit passes.
  const keysTmp = new Uint32Array(n), orderTmp = new Uint32Array(n);
  radixPass(keys, order, keysTmp, orderTmp, 0);
  radixPass(keysTmp, orderTmp, keys, order, 16);
  // Group ranges and the node count of each group's tree.
  const groups: IndexGroup[] = [];
  let nodes = 0;
  for (let k = 0; k < n; ) {
    const g = groupOf[order[k]];
    let e = k;
    while (e < n && groupOf[order[e]] === g) e++;
    const levels = [nodes];
    let width = Math.ceil((e - k) / LEAF);
    nodes += width;
    levels.push(nodes);
    while (width > 1) {
      width = Math.ceil(width / FAN);
      nodes += width;
      levels.push(nodes);
    }
    groups.push({ mask: masks[g], start: k, end: e, levels });
    k = e;
  }
  const boxes = new Float32Array(nodes * 6);
  for (const g of groups) {
    const L = g.levels;
    for (let j = L[0]; j < L[1]; j++) {
      const from = g.start + (j - L[0]) * LEAF;
      leafBox(b, order, from, Math.min(from + LEAF, g.end), boxes, j);
    }
    for (let l = 1; l + 1 < L.length; l++) {
      for (let j = L[l]; j < L[l + 1]; j++) {
        const from = L[l - 1] + (j - L[l]) * FAN;
        unionBox(boxes, from, Math.min(from + FAN, L[l]), j);
      }
    }
  }
  return { buffer, order, boxes, groups };
}

const built = new WeakMap<SegmentBuffer, PickIndex>();

/** An index as the loading worker sends it: without the buffer, which travels on its own. */
export type SentPickIndex = Omit<PickIndex, 'buffer'>;

/** The index without its buffer, for the worker's message. */
export function sendablePickIndex(ix: PickIndex): SentPickIndex {
  return { order: ix.order, boxes: ix.boxes, groups: ix.groups };
}

/** Buffers whose index the loading worker is still building (see adoptPickIndex). */
const coming = new WeakSet<SegmentBuffer>();
const adoptedListeners = new Set<() => void>();

/** The loading worker will send this buffer's index: prebuilding on the page would waste the work. */
export function expectPickIndex(b: SegmentBuffer): void {
  if (!built.has(b)) coming.add(b);
}

export function pickIndexPending(b: SegmentBuffer): boolean {
  return coming.has(b);
}

/**
 * Use the index the loading worker built for this buffer (built from the same segments); null:
 * it could not, and the page builds one when first needed.
 */
export function adoptPickIndex(b: SegmentBuffer, sent: SentPickIndex | null): void {
  coming.delete(b);
  if (sent && !built.has(b)) built.set(b, { ...sent, buffer: b });
  adoptedListeners.forEach((f) => f());
}

/** Called after each adoption (the picker warms up its code path then). Returns an unsubscribe. */
export function onPickIndexAdopted(f: () => void): () => void {
  adoptedListeners.add(f);
  return () => adoptedListeners.delete(f);
}

/** The index of a buffer, built on first use and kept as long as the buffer lives. */
export function pickIndexOf(b: SegmentBuffer): PickIndex {
  let ix = built.get(b);
  if (!ix) {
    // Not from the loading worker (adoptPickIndex), or a pick before its index arrived: build it
    // here (0.3-0.4 s at 1M segments; the worker's copy is then ignored).
    ix = buildPickIndex(b);
    built.set(b, ix);
    coming.delete(b);
  }
  return ix;
}

/** The typed arrays of an index, for transfer out of a worker without copying. */
export function pickIndexTransferables(ix: PickIndex): ArrayBuffer[] {
  return [ix.order.buffer as ArrayBuffer, ix.boxes.buffer as ArrayBuffer];
}

/** Pick-volume planes as 5 × (a, b, c, d) on unshifted local points: keep a box when some point has a·x + b·y + c·z + d ≥ 0. */
const planes = new Float64Array(20);
/** a segment's end point (local m), either form of the buffer */
const endPoint = [0, 0, 0];

/** Whether any point of box `node` is on the kept side of every plane. */
function boxMayHit(boxes: Float32Array, node: number): boolean {
  const o = node * 6;
  for (let p = 0; p < 20; p += 4) {
    const a = planes[p], bb = planes[p + 1], c = planes[p + 2];
    const max = planes[p + 3]
      + (a > 0 ? a * boxes[o + 3] : a * boxes[o])
      + (bb > 0 ? bb * boxes[o + 4] : bb * boxes[o + 1])
      + (c > 0 ? c * boxes[o + 5] : c * boxes[o + 2]);
    if (max < 0) return false;
  }
  return true;
}

/** Whether segment i (ends S, E, unshifted) may meet the pick volume: not both ends outside one plane. */
function segmentMayHit(b: SegmentBuffer, i: number): boolean {
  const i3 = i * 3;
  readEnd(b, i, endPoint);
  const sx = b.start[i3], sy = b.start[i3 + 1], sz = b.start[i3 + 2], ex = endPoint[0], ey = endPoint[1], ez = endPoint[2];
  for (let p = 0; p < 20; p += 4) {
    const a = planes[p], bb = planes[p + 1], c = planes[p + 2], d = planes[p + 3];
    if (a * sx + bb * sy + c * sz + d < 0 && a * ex + bb * ey + c * ez + d < 0) return false;
  }
  return true;
}

/**
 * Fill `planes` for the square of half-size r px around the cursor, for points moved by s m:
 * clip x - xlo·w ≥ 0, xhi·w - x ≥ 0, y - ylo·w ≥ 0, yhi·w - y ≥ 0, w ≥ 0 (rows of the column-major m).
 */
function setPlanes(m: ArrayLike<number>, vp: Viewport, cx: number, cy: number, r: number, s: Vec3): void {
  // Pixels to NDC: x_px = (x_ndc + 1) / 2 · width, y_px = (1 - y_ndc) / 2 · height.
  const xlo = (2 * (cx - r)) / vp.width - 1, xhi = (2 * (cx + r)) / vp.width - 1;
  const ylo = 1 - (2 * (cy + r)) / vp.height, yhi = 1 - (2 * (cy - r)) / vp.height;
  // Clip row k as (a, b, c, d) for an unshifted point: the shift folds into d.
  const row = (k: number, out: number[]) => {
    out[0] = m[k]; out[1] = m[4 + k]; out[2] = m[8 + k];
    out[3] = m[12 + k] + m[k] * s[0] + m[4 + k] * s[1] + m[8 + k] * s[2];
  };
  const X = [0, 0, 0, 0], Y = [0, 0, 0, 0], W = [0, 0, 0, 0];
  row(0, X); row(1, Y); row(3, W);
  for (let c = 0; c < 4; c++) {
    planes[c] = X[c] - xlo * W[c];
    planes[4 + c] = xhi * W[c] - X[c];
    planes[8 + c] = Y[c] - ylo * W[c];
    planes[12 + c] = yhi * W[c] - Y[c];
    planes[16 + c] = W[c];
  }
}

const hit: SegmentHit = { t: 0, d: 0, depth: 0 };
let stack = new Int32Array(256);
/** Hits within tolerance of the current query, slot by slot: segment index, t, px, NDC depth. */
let cap = 1024;
let hitIndex = new Uint32Array(cap);
let hitT = new Float64Array(cap), hitD = new Float64Array(cap), hitDepth = new Float64Array(cap);

function growHits(): void {
  cap *= 2;
  const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
    const b = make(cap);
    b.set(a);
    return b;
  };
  hitIndex = grow(hitIndex, (n) => new Uint32Array(n));
  hitT = grow(hitT, (n) => new Float64Array(n));
  hitD = grow(hitD, (n) => new Float64Array(n));
  hitDepth = grow(hitDepth, (n) => new Float64Array(n));
}

/** pickSegment's arguments after the buffer: view-projection, viewport, cursor, tolerance, shiftOf, visible. */
type PickArgs = Parameters<typeof pickSegment> extends [SegmentBuffer, ...infer Rest] ? Rest : never;

/**
 * Same contract and result as pickSegment (pick.ts): the visible segment nearest the cursor on
 * screen within `tolerancePx`, ties within 1 px going to the nearest to the eye. The
 * view-projection is column-major and includes the vertical exaggeration; the cursor is in CSS px
 * from the canvas' top-left corner; shiftOf (block offset, local m) runs once per block per query.
 */
export function pickIndexed(ix: PickIndex, ...[viewProj, vp, cursor, tolerancePx, shiftOf, visible]: PickArgs): PickResult | null {
  const b = ix.buffer;
  let n = 0;
  // The pick (pickRule) is among hits within 1 px of the nearest: once a hit d px away is found,
  // the pick volume shrinks to d + 1 px, so in a dense view (ten million intervals, hundreds under
  // the cursor's tolerance square) most boxes and segments are left out early.
  let limit = tolerancePx;
  for (const g of ix.groups) {
    const s = shiftOf(g.mask);
    let planesAt = limit;
    setPlanes(viewProj, vp, cursor[0], cursor[1], planesAt + MARGIN_PX, s);
    const L = g.levels;
    // Depth-first from the root; a node is its global id, its level found from L.
    let top = 0;
    stack[top++] = L[L.length - 2];
    while (top > 0) {
      const node = stack[--top];
      if (!boxMayHit(ix.boxes, node)) continue;
      if (node < L[1]) {
        const from = g.start + (node - L[0]) * LEAF;
        const to = Math.min(from + LEAF, g.end);
        for (let k = from; k < to; k++) {
          const i = ix.order[k];
          // A cheap plane test first: in a dense view most segments of a leaf miss the cursor.
          if (!segmentMayHit(b, i)) continue;
          if (!segmentScreenHit(b, i, s[0], s[1], s[2], viewProj, vp, cursor[0], cursor[1], hit)) continue;
          if (hit.d > limit || !visible(i)) continue;
          if (n === cap) growHits();
          hitIndex[n] = i; hitT[n] = hit.t; hitD[n] = hit.d; hitDepth[n] = hit.depth;
          n++;
          if (hit.d + 1 < limit) limit = hit.d + 1;
        }
        // Planes for the smaller volume (cheap: 20 numbers) when it has shrunk by a pixel or more.
        if (limit < planesAt - 1) {
          planesAt = limit;
          setPlanes(viewProj, vp, cursor[0], cursor[1], planesAt + MARGIN_PX, s);
        }
        continue;
      }
      let l = 2;
      while (node >= L[l]) l++;
      // node is on level l - 1; its children are on level l - 2.
      const first = L[l - 2] + (node - L[l - 1]) * FAN;
      const last = Math.min(first + FAN, L[l - 1]);
      if (top + FAN > stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      for (let c = last - 1; c >= first; c--) stack[top++] = c;
    }
  }
  // Hits kept before the limit came down may be more than 1 px past the nearest: pickRule skips them.
  return pickRule(n, hitIndex, hitT, hitD, hitDepth);
}
