/**
 * Pure maths of the strip log: depth ↔ y (linear, depth increasing downwards), grade ↔ x on a log
 * scale, "nice" depth ticks and the depth window shown. No React, no DOM: tested in Node.
 */

export interface LinearScale {
  /** depth (m) → y (px) */
  y(depth: number): number;
  /** y (px) → depth (m) */
  depth(y: number): number;
}

/** Depths d0..d1 (m) onto y0..y1 (px); d0 at the top. A zero-length window maps everything to y0. */
export function depthScale(d0: number, d1: number, y0: number, y1: number): LinearScale {
  const span = d1 - d0;
  const k = span > 0 ? (y1 - y0) / span : 0;
  return {
    y: (d) => y0 + (d - d0) * k,
    depth: (y) => (k === 0 ? d0 : d0 + (y - y0) / k),
  };
}

export interface LogScale {
  /** value → x (px), clamped to [min, max]; values ≤ 0 or NaN map to x0 */
  x(value: number): number;
  min: number;
  max: number;
}

/** Log10 scale of values min..max (> 0) onto x0..x1 (px). */
export function logScale(min: number, max: number, x0: number, x1: number): LogScale {
  if (!(min > 0) || !(max > min)) throw new RangeError(`log scale needs 0 < min < max (got ${min}, ${max})`);
  const l0 = Math.log10(min);
  const l1 = Math.log10(max);
  return {
    min,
    max,
    x: (v) => {
      if (!(v > 0)) return x0;
      const l = Math.min(l1, Math.max(l0, Math.log10(v)));
      return x0 + ((l - l0) / (l1 - l0)) * (x1 - x0);
    },
  };
}

/** Powers of ten from min to max inclusive: 0.01, 0.1, 1, 10, 100. */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
    // toPrecision keeps 0.1 and 0.01 exact-looking (10 ** -1 is 0.1, 10 ** -2 is 0.01 in JS, but be safe)
    out.push(Number((10 ** e).toPrecision(1)));
  }
  return out;
}

/** The 1, 2, 5 × 10^k step giving about `target` intervals over `span` (> 0). */
export function niceStep(span: number, target = 6): number {
  if (!(span > 0) || !(target > 0)) return 1;
  const raw = span / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  const m = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
  return m * p;
}

/** Multiples of a nice step inside [d0, d1] (inclusive, within floating-point tolerance). */
export function niceTicks(d0: number, d1: number, target = 6): number[] {
  if (!(d1 > d0)) return [d0];
  const step = niceStep(d1 - d0, target);
  const out: number[] = [];
  const eps = step * 1e-9;
  for (let t = Math.ceil((d0 - eps) / step) * step; t <= d1 + eps; t += step) out.push(Number(t.toFixed(10)));
  return out;
}

/**
 * Depth window of the log: the whole hole [0, end], or a `span` m window centred on `at` and kept
 * inside the hole (the whole hole when it is shorter than the span).
 */
export function depthWindow(end: number, at: number | null, span: number | null): [number, number] {
  const total = Math.max(0, end);
  if (span === null || at === null || !(span > 0) || span >= total) return [0, total];
  let d0 = at - span / 2;
  d0 = Math.max(0, Math.min(total - span, d0));
  return [d0, d0 + span];
}

/** Index of the interval [from[i], to[i]) containing depth d, among `rows` (sorted or not), else -1. */
export function rowAtDepth(rows: readonly number[], from: ArrayLike<number>, to: ArrayLike<number>, d: number): number {
  for (const r of rows) if (d >= from[r] && d < to[r]) return r;
  // The bottom of the last interval belongs to it.
  for (const r of rows) if (d === to[r]) return r;
  return -1;
}
