/**
 * Flat arrays describing line segments (interval pieces, hole traces, workings) for instanced
 * drawing: one instance per segment, so any number of holes costs one draw call per layer.
 * Coordinates are local (world minus origin) float32 metres.
 */
import type { Vec3 } from './vec3';

export interface SegmentBuffer {
  count: number;
  /** local start / end points, 3 floats per segment, m */
  start: Float32Array;
  end: Float32Array;
  /** grade (g/t) or layer-specific code; -1 = no value */
  value: Float32Array;
  /** 4 per segment: status+type code (planned=1, underground=2), program index, year, hole index */
  hole: Float32Array;
  /** fault block bit mask */
  mask: Float32Array;
  /** source record: interval row, hole index, working index... */
  row: Int32Array;
  /** depth along the hole at start / end, m (0 for non-hole layers) */
  depth: Float32Array;
  /**
   * The same segments already laid out for the GPU (packed by the loading worker so the page does
   * no per-segment work); opaque here, built and read by the scene.
   */
  gpu?: unknown;
}

export interface SegmentAttrs {
  value: number;
  hole: [number, number, number, number];
  mask: number;
  row: number;
  d0: number;
  d1: number;
}

/** Growable builder so callers need not count segments first. */
export class SegmentBuilder {
  private n = 0;
  private cap: number;
  private buf: SegmentBuffer;
  /** capacity: expected number of segments (grows past it; an exact guess avoids all copies) */
  constructor(private readonly origin: Vec3, capacity = 1024) {
    this.cap = Math.max(1, capacity);
    this.buf = SegmentBuilder.alloc(this.cap);
  }

  private static alloc(cap: number): SegmentBuffer {
    return {
      count: 0,
      start: new Float32Array(cap * 3),
      end: new Float32Array(cap * 3),
      value: new Float32Array(cap),
      hole: new Float32Array(cap * 4),
      mask: new Float32Array(cap),
      row: new Int32Array(cap),
      depth: new Float32Array(cap * 2),
    };
  }

  push(a: Vec3, b: Vec3, at: SegmentAttrs): void {
    this.pushRaw(a, b, at.value, at.hole, at.mask, at.row, at.d0, at.d1);
  }

  /** The same without an attribute object: called once per interval piece of a million-row table. */
  pushRaw(a: ArrayLike<number>, b: ArrayLike<number>, value: number, hole: ArrayLike<number>, mask: number, row: number, d0: number, d1: number): void {
    if (this.n === this.cap) {
      const next = SegmentBuilder.alloc(this.cap * 2);
      for (const k of ['start', 'end', 'value', 'hole', 'mask', 'row', 'depth'] as const) next[k].set(this.buf[k] as never);
      this.buf = next;
      this.cap *= 2;
    }
    const i = this.n++;
    const o = this.origin;
    const b3 = this.buf;
    b3.start[i * 3] = a[0] - o[0]; b3.start[i * 3 + 1] = a[1] - o[1]; b3.start[i * 3 + 2] = a[2] - o[2];
    b3.end[i * 3] = b[0] - o[0]; b3.end[i * 3 + 1] = b[1] - o[1]; b3.end[i * 3 + 2] = b[2] - o[2];
    b3.value[i] = value;
    b3.hole[i * 4] = hole[0]; b3.hole[i * 4 + 1] = hole[1]; b3.hole[i * 4 + 2] = hole[2]; b3.hole[i * 4 + 3] = hole[3];
    b3.mask[i] = mask;
    b3.row[i] = row;
    b3.depth[i * 2] = d0;
    b3.depth[i * 2 + 1] = d1;
  }

  finish(): SegmentBuffer {
    const n = this.n;
    const b = this.buf;
    if (n === this.cap) return { ...b, count: n };
    return copySegments({ ...b, count: n });
  }
}

/**
 * A copy of every array of a buffer (trimmed to `count`, without its GPU layout): what the loading
 * worker keeps of a layer once the original has moved to the page, to build the picking index
 * from and to count with (countHost.ts). One copy serves both.
 */
export function copySegments(b: SegmentBuffer): SegmentBuffer {
  const n = b.count;
  return {
    count: n,
    start: b.start.slice(0, n * 3),
    end: b.end.slice(0, n * 3),
    value: b.value.slice(0, n),
    hole: b.hole.slice(0, n * 4),
    mask: b.mask.slice(0, n),
    row: b.row.slice(0, n),
    depth: b.depth.slice(0, n * 2),
  };
}

/** The typed arrays of a buffer, for transfer out of a worker without copying. */
export function segmentTransferables(s: SegmentBuffer): ArrayBuffer[] {
  return [s.start, s.end, s.value, s.hole, s.mask, s.row, s.depth].map((a) => a.buffer as ArrayBuffer);
}
