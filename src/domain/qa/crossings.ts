/**
 * Holes crossing each other: two desurveyed holes passing closer than a tolerance (m). In the
 * ground two holes cannot share core, so an approach closer than a metre or so is a collar or
 * survey error (or a hole drilled into another, which the geologist will want to know). Holes
 * collared within SHARED_COLLAR m of each other (a fan from one pad or underground setup) start
 * together by design: their approaches in the first FAN_DEPTH m of either hole are not reported.
 *
 * Each hole is resampled along its path every STEP m and cut into straight pieces; pieces are
 * bucketed on a 3-D hash grid of cells as large as a piece plus the tolerance, so only pieces of
 * neighbouring cells are compared (linear in the number of pieces for drilling that is not all in
 * one spot). One problem
 * per pair of holes, at their closest approach. No react/three/zustand.
 */
import { say } from '../message';
import { pathPoint, positionAtDepth, type HolePath } from '../desurvey';
import type { Problem } from './types';

/** m between resampled points along a hole (min-curvature arcs deviate < 2 cm from their chords at this step for 3°/30 m) */
const STEP = 5;
/** m: collars this close are one setup */
export const SHARED_COLLAR = 10;
/** m: near a shared collar, approaches shallower than this in either hole are by design */
export const FAN_DEPTH = 30;
/** pieces compared per yield */
const PER_SLICE = 20000;
/** pieces per hole at most (20 km of hole at STEP): an absurd depth must not exhaust memory */
const MAX_PIECES_PER_HOLE = 4000;
/** m: pieces longer than this (a hole of absurd length) are left out of the comparison */
const LONG_PIECE = 4 * STEP;

interface Pieces {
  /** x0 y0 z0 x1 y1 z1 per piece (world m, minus the first collar to keep precision) */
  xyz: Float64Array;
  /** hole index per piece */
  hole: Int32Array;
  /** depth at the piece's start and end, m */
  d0: Float64Array;
  d1: Float64Array;
}

/** Pieces a hole is cut into for the comparison (the check's cost grows with their total). */
export function piecesIn(p: HolePath): number {
  const depth = p.depths[p.depths.length - 1] ?? 0;
  return depth > 0 && Number.isFinite(depth) ? Math.min(MAX_PIECES_PER_HOLE, Math.max(1, Math.ceil(depth / STEP))) : 0;
}

function piecesOf(paths: readonly HolePath[], origin: readonly number[]): Pieces {
  let n = 0;
  for (const p of paths) n += piecesIn(p);
  const xyz = new Float64Array(n * 6), hole = new Int32Array(n), d0 = new Float64Array(n), d1 = new Float64Array(n);
  let k = 0;
  paths.forEach((p, hi) => {
    const depth = p.depths[p.depths.length - 1] ?? 0;
    const steps = piecesIn(p);
    if (steps === 0) return;
    let prev = positionAtDepth(p, 0);
    for (let s = 1; s <= steps; s++) {
      const d = Math.min(depth, (s * depth) / steps);
      const cur = positionAtDepth(p, d);
      for (let a = 0; a < 3; a++) {
        xyz[k * 6 + a] = prev[a] - origin[a];
        xyz[k * 6 + 3 + a] = cur[a] - origin[a];
      }
      hole[k] = hi;
      d0[k] = ((s - 1) * depth) / steps;
      d1[k] = d;
      k++;
      prev = cur;
    }
  });
  return { xyz: xyz.subarray(0, k * 6), hole: hole.subarray(0, k), d0: d0.subarray(0, k), d1: d1.subarray(0, k) };
}

/** Closest points of segments a (6 numbers from ai) and b (from bi): squared distance and the parameters s, t in [0, 1]. Scalars only: it runs millions of times. */
export function segmentDistance(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number, out: { d2: number; s: number; t: number } = { d2: 0, s: 0, t: 0 }): { d2: number; s: number; t: number } {
  const ux = a[ai + 3] - a[ai], uy = a[ai + 4] - a[ai + 1], uz = a[ai + 5] - a[ai + 2];
  const vx = b[bi + 3] - b[bi], vy = b[bi + 4] - b[bi + 1], vz = b[bi + 5] - b[bi + 2];
  const rx = a[ai] - b[bi], ry = a[ai + 1] - b[bi + 1], rz = a[ai + 2] - b[bi + 2];
  const A = ux * ux + uy * uy + uz * uz, E = vx * vx + vy * vy + vz * vz, F = vx * rx + vy * ry + vz * rz;
  const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
  const EPS = 1e-12;
  let s = 0, t = 0;
  if (A <= EPS && E <= EPS) {
    s = t = 0;
  } else if (A <= EPS) {
    t = clamp(F / E);
  } else {
    const C = ux * rx + uy * ry + uz * rz;
    if (E <= EPS) {
      s = clamp(-C / A);
    } else {
      const B = ux * vx + uy * vy + uz * vz;
      const den = A * E - B * B;
      s = den > EPS ? clamp((B * F - C * E) / den) : 0;
      t = (B * s + F) / E;
      if (t < 0) {
        t = 0;
        s = clamp(-C / A);
      } else if (t > 1) {
        t = 1;
        s = clamp((B - C) / A);
      }
    }
  }
  const dx = rx + ux * s - vx * t, dy = ry + uy * s - vy * t, dz = rz + uz * s - vz * t;
  out.d2 = dx * dx + dy * dy + dz * dz;
  out.s = s;
  out.t = t;
  return out;
}

/** Pairs of holes closer than `tolerance` m (step generator). */
export function* crossingProblems(paths: readonly HolePath[], holeIds: readonly string[], tolerance: number): Generator<void, Problem[]> {
  if (paths.length < 2 || !(tolerance > 0)) return [];
  const origin = paths[0].points.length > 0 ? pathPoint(paths[0], 0) : [0, 0, 0];
  const P = piecesOf(paths, origin);
  const n = P.hole.length;
  // Pieces are bucketed by the cell of their midpoint in a hash grid of typed arrays (a Map of
  // millions of cells would cost seconds and hundreds of MB): two pieces closer than the tolerance
  // have midpoints less than one cell apart, so each piece is compared with the 27 cells around its
  // own. Hash collisions only add comparisons; the distance test decides.
  const len = new Float64Array(n);
  let maxLen = 0;
  for (let k = 0; k < n; k++) {
    const o = k * 6;
    len[k] = Math.hypot(P.xyz[o + 3] - P.xyz[o], P.xyz[o + 4] - P.xyz[o + 1], P.xyz[o + 5] - P.xyz[o + 2]);
    if (len[k] <= LONG_PIECE) maxLen = Math.max(maxLen, len[k]);
  }
  const cell = maxLen + tolerance;
  const cx = new Float64Array(n), cy = new Float64Array(n), cz = new Float64Array(n);
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const hash = (i: number, j: number, l: number) => (Math.imul(i | 0, 73856093) ^ Math.imul(j | 0, 19349663) ^ Math.imul(l | 0, 83492791)) & mask;
  const bucketOf = new Int32Array(n);
  const start = new Int32Array(size + 1);
  for (let k = 0; k < n; k++) {
    const o = k * 6;
    cx[k] = Math.floor((P.xyz[o] + P.xyz[o + 3]) / 2 / cell);
    cy[k] = Math.floor((P.xyz[o + 1] + P.xyz[o + 4]) / 2 / cell);
    cz[k] = Math.floor((P.xyz[o + 2] + P.xyz[o + 5]) / 2 / cell);
    bucketOf[k] = hash(cx[k], cy[k], cz[k]);
    start[bucketOf[k] + 1]++;
  }
  for (let b = 0; b < size; b++) start[b + 1] += start[b];
  const fill = start.slice(0, size);
  const members = new Int32Array(n);
  for (let k = 0; k < n; k++) members[fill[bucketOf[k]]++] = k;
  yield;

  const tol2 = tolerance * tolerance;
  const scratch = { d2: 0, s: 0, t: 0 };
  const best = new Map<string, { d2: number; a: number; b: number; da: number; db: number }>();
  const collar = (h: number) => pathPoint(paths[h], 0);
  let work = 0;
  for (let a = 0; a < n; a++) {
    if (len[a] > LONG_PIECE) continue; // an absurd hole length is reported by the loader, not compared
    for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) for (let dl = -1; dl <= 1; dl++) {
      const bucket = hash(cx[a] + di, cy[a] + dj, cz[a] + dl);
      for (let m = start[bucket]; m < start[bucket + 1]; m++) {
        const b = members[m];
        if (b <= a || len[b] > LONG_PIECE) continue;
        const ha = P.hole[a], hb = P.hole[b];
        if (ha === hb) continue;
        work++;
        const r = segmentDistance(P.xyz, a * 6, P.xyz, b * 6, scratch);
        if (r.d2 > tol2) continue;
        const da = P.d0[a] + (P.d1[a] - P.d0[a]) * r.s, db = P.d0[b] + (P.d1[b] - P.d0[b]) * r.t;
        const ca = collar(ha), cb = collar(hb);
        const shared = Math.hypot(ca[0] - cb[0], ca[1] - cb[1], ca[2] - cb[2]) <= SHARED_COLLAR;
        if (shared && Math.min(da, db) < FAN_DEPTH) continue;
        const [lo, hi, dlo, dhi] = ha < hb ? [a, b, da, db] : [b, a, db, da];
        const pair = `${P.hole[lo]}:${P.hole[hi]}`;
        const prev = best.get(pair);
        if (!prev || r.d2 < prev.d2) best.set(pair, { d2: r.d2, a: lo, b: hi, da: dlo, db: dhi });
      }
    }
    if (++work > PER_SLICE) {
      work = 0;
      yield;
    }
  }
  const out: Problem[] = [];
  for (const v of [...best.values()].sort((p, q) => P.hole[p.a] - P.hole[q.a] || P.hole[p.b] - P.hole[q.b])) {
    const ha = P.hole[v.a], hb = P.hole[v.b];
    const at = positionAtDepth(paths[ha], v.da);
    out.push({
      kind: 'crossing', severity: 'warning', holeId: holeIds[ha], hole: ha, depth: v.da, otherHoleId: holeIds[hb], otherDepth: v.db, at,
      ...say('qa.crossing', { id: holeIds[ha], depth: v.da, distance: Math.sqrt(v.d2), other: holeIds[hb], otherDepth: v.db, tolerance }),
    });
  }
  return out;
}
