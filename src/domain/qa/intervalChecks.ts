/**
 * Interval-table checks, per table and hole in depth order: overlapping intervals, duplicate
 * samples (same hole, from and to) and intervals ending past the hole's final depth. Depths in
 * metres; a tolerance of 1 mm absorbs rounding in exports. No react/three/zustand.
 */
import { say } from '../message';
import { rowsByHole, sortRowsByDepth } from '../rowOrder';
import type { Problem } from './types';

/** m: differences of depth below this are rounding, not data. */
const DEPTH_TOL = 1e-3;

export interface IntervalTableLike {
  id: string;
  hole: ArrayLike<number>;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

export interface HoleLike {
  id: string;
  depth: number;
}

/** A depth for a message, to the millimetre. */
const m = (v: number) => +v.toFixed(3);

/** Step generator (yields between holes); returns the problems in table, hole, depth order. */
export function* intervalProblems(tables: readonly IntervalTableLike[], holes: readonly HoleLike[]): Generator<void, Problem[]> {
  const out: Problem[] = [];
  for (const t of tables) {
    const { offsets, order } = rowsByHole(t.hole, holes.length);
    for (let hi = 0; hi < holes.length; hi++) {
      const rows = order.subarray(offsets[hi], offsets[hi + 1]);
      if (rows.length === 0) continue;
      const h = holes[hi];
      sortRowsByDepth(rows, t.from);
      let reach = rows[0];
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        const base = { holeId: h.id, hole: hi, table: t.id, row: r, from: t.from[r], to: t.to[r] };
        if (t.to[r] > h.depth + DEPTH_TOL) {
          out.push({ ...base, kind: 'beyond-hole', severity: 'warning', depth: t.to[r], ...say('qa.beyondHole', { id: h.id, from: m(t.from[r]), to: m(t.to[r]), table: t.id, past: m(t.to[r] - h.depth), depth: m(h.depth) }) });
        }
        if (k > 0) {
          const p = rows[k - 1];
          const q = reach; // the earlier row reaching deepest: any overlap includes it
          if (Math.abs(t.from[p] - t.from[r]) <= DEPTH_TOL && Math.abs(t.to[p] - t.to[r]) <= DEPTH_TOL) {
            out.push({ ...base, kind: 'duplicate', severity: 'warning', depth: t.from[r], ...say('qa.duplicate', { id: h.id, from: m(t.from[r]), to: m(t.to[r]), table: t.id }) });
          } else if (t.to[q] > t.from[r] + DEPTH_TOL) {
            out.push({ ...base, kind: 'overlap', severity: 'warning', depth: t.from[r], ...say('qa.overlap', { id: h.id, from: m(t.from[r]), to: m(t.to[r]), otherFrom: m(t.from[q]), otherTo: m(t.to[q]), table: t.id, by: m(Math.min(t.to[q], t.to[r]) - t.from[r]) }) });
          }
        }
        if (k === 0 || t.to[r] > t.to[reach]) reach = r;
      }
      if ((hi & 63) === 0) yield;
    }
  }
  return out;
}
