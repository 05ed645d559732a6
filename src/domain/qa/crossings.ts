/**
 * Holes crossing each other: two desurveyed holes passing closer than a tolerance (m). In the
 * ground two holes cannot share core, so an approach closer than a metre or so is a collar or
 * survey error (or a hole drilled into another, which the geologist will want to know). Holes
 * collared within SHARED_COLLAR m of each other (a fan from one pad or underground setup) start
 * together by design: their approaches in the first FAN_DEPTH m of either hole are not reported.
 *
 * Each hole is resampled along its path every STEP m and cut into straight pieces; pieces are
 * bucketed on a 3-D grid of cells at least as large as a piece, so only pieces of nearby cells are
 * compared (linear in the number of pieces for drilling that is not all in one spot). One problem
 * per pair of holes, at their closest approach. No react/three/zustand.
 */
import { positionAtDepth, type HolePath } from '../desurvey';
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

interface Pieces {
  /** x0 y0 z0 x1 y1 z1 per piece (world m, minus the first collar to keep precision) */
  xyz: Float64Array;
  /** hole index per piece */
  hole: Int32Array;
  /** depth at the piece's start and end, m */
  d0: Float64Array;
  d1: Float64Array;
}

function piecesIn(p: HolePath): number {
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

/** Closest points of segments p0-p1 and q0-q1: squared distance and the parameters s, t in [0, 1]. */
export function segmentDistance(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): { d2: number; s: number; t: number } {
  const d1 = [a[ai + 3] - a[ai], a[ai + 4] - a[ai + 1], a[ai + 5] - a[ai + 2]];
  const d2v = [b[bi + 3] - b[bi], b[bi + 4] - b[bi + 1], b[bi + 5] - b[bi + 2]];
  const r = [a[ai] - b[bi], a[ai + 1] - b[bi + 1], a[ai + 2] - b[bi + 2]];
  const dot = (u: number[], v: number[]) => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const A = dot(d1, d1), E = dot(d2v, d2v), F = dot(d2v, r);
  let s = 0, t = 0;
  const EPS = 1e-12;
  if (A <= EPS && E <= EPS) {
    s = t = 0;
  } else if (A <= EPS) {
    t = Math.min(1, Math.max(0, F / E));
  } else {
    const C = dot(d1, r);
    if (E <= EPS) {
      s = Math.min(1, Math.max(0, -C / A));
    } else {
      const B = dot(d1, d2v);
      const den = A * E - B * B;
      s = den > EPS ? Math.min(1, Math.max(0, (B * F - C * E) / den)) : 0;
      t = (B * s + F) / E;
      if (t < 0) {
        t = 0;
        s = Math.min(1, Math.max(0, -C / A));
      } else if (t > 1) {
        t = 1;
        s = Math.min(1, Math.max(0, (B - C) / A));
      }
    }
  }
  const dx = r[0] + d1[0] * s - d2v[0] * t, dy = r[1] + d1[1] * s - d2v[1] * t, dz = r[2] + d1[2] * s - d2v[2] * t;
  return { d2: dx * dx + dy * dy + dz * dz, s, t };
}

/** Pairs of holes closer than `tolerance` m (step generator). */
export function* crossingProblems(paths: readonly HolePath[], holeIds: readonly string[], tolerance: number): Generator<void, Problem[]> {
  if (paths.length < 2 || !(tolerance > 0)) return [];
  const origin = paths[0].points[0] ?? [0, 0, 0];
  const P = piecesOf(paths, origin);
  const n = P.hole.length;
  const cell = Math.max(STEP, tolerance) * 2;
  // Cells keyed by a string of integer coordinates: exact for any extent (a numeric hash of huge
  // coordinates would collide or lose precision).
  const grid = new Map<string, number[]>();
  const key = (i: number, j: number, k: number) => `${i},${j},${k}`;
  const range = (k: number, a: number) => {
    const v0 = P.xyz[k * 6 + a], v1 = P.xyz[k * 6 + 3 + a];
    return [Math.floor((Math.min(v0, v1) - tolerance) / cell), Math.floor((Math.max(v0, v1) + tolerance) / cell)];
  };
  for (let k = 0; k < n; k++) {
    const [x0, x1] = range(k, 0), [y0, y1] = range(k, 1), [z0, z1] = range(k, 2);
    // A piece longer than its cells (a straight hole with few stations is resampled, so this is a guard) goes in every cell it spans, capped.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1) > 64) continue;
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) for (let l = z0; l <= z1; l++) {
      const id = key(i, j, l);
      const list = grid.get(id);
      if (list) list.push(k);
      else grid.set(id, [k]);
    }
    if (k % PER_SLICE === 0) yield;
  }
  const tol2 = tolerance * tolerance;
  const best = new Map<string, { d2: number; a: number; b: number; da: number; db: number }>();
  const collar = (h: number) => paths[h].points[0];
  let work = 0;
  for (const list of grid.values()) {
    for (let x = 0; x < list.length; x++) {
      const a = list[x];
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y];
        const ha = P.hole[a], hb = P.hole[b];
        if (ha === hb) continue;
        const r = segmentDistance(P.xyz, a * 6, P.xyz, b * 6);
        if (r.d2 > tol2) continue;
        const da = P.d0[a] + (P.d1[a] - P.d0[a]) * r.s, db = P.d0[b] + (P.d1[b] - P.d0[b]) * r.t;
        const ca = collar(ha), cb = collar(hb);
        const shared = Math.hypot(ca[0] - cb[0], ca[1] - cb[1], ca[2] - cb[2]) <= SHARED_COLLAR;
        if (shared && Math.min(da, db) < FAN_DEPTH) continue;
        const [lo, hi] = ha < hb ? [a, b] : [b, a];
        const pair = `${P.hole[lo]}:${P.hole[hi]}`;
        const prev = best.get(pair);
        if (!prev || r.d2 < prev.d2) best.set(pair, { d2: r.d2, a: lo, b: hi, da: lo === a ? da : db, db: lo === a ? db : da });
      }
      work += list.length - x;
      if (work > PER_SLICE) {
        work = 0;
        yield;
      }
    }
  }
  const out: Problem[] = [];
  for (const v of [...best.values()].sort((p, q) => P.hole[p.a] - P.hole[q.a] || P.hole[p.b] - P.hole[q.b])) {
    const ha = P.hole[v.a], hb = P.hole[v.b];
    const at = positionAtDepth(paths[ha], v.da);
    out.push({
      kind: 'crossing', severity: 'warning', holeId: holeIds[ha], hole: ha, depth: v.da, otherHoleId: holeIds[hb], otherDepth: v.db, at,
      message: `${holeIds[ha]} at ${v.da.toFixed(1)} m passes ${Math.sqrt(v.d2).toFixed(2)} m from ${holeIds[hb]} at ${v.db.toFixed(1)} m (tolerance ${tolerance} m)`,
    });
  }
  return out;
}
