/**
 * Cut restored vein sheets at the faults, mesh each fault block as its own surface and move it to
 * its as-mapped position.
 *
 * Each row (a constant depth) of a sheet is split where it meets a fault plane. The end vertex of a
 * piece is set 0.1 m inside its block (measured perpendicular to the fault), so after rounding to
 * 0.01 m every vertex is unambiguously on its block's side, and the two facing ends of a cut are
 * ~0.2 m apart in the restored state. Rows share a global (u, d) grid so facing ends have vertices
 * at the same depths and parallel sheets share vertex positions along strike.
 */
import type { Vec3 } from '../../src/domain/vec3';
import { add } from '../../src/domain/vec3';
import { framePoint, roundVec } from './frame';
import { blockShift, planeSide, type FaultCut } from './faults';
import type { Sheet } from './veins';

/** Grid spacing along strike and down dip, m. */
export const DU = 20;
export const DD = 15;
/** Perpendicular distance (m) of a piece's cut end from its fault. */
export const INSET = 0.1;

export interface Row {
  d: number;
  us: number[];
}
export interface Piece {
  sheet: Sheet;
  mask: number;
  /** restored → as-mapped displacement, m */
  shift: Vec3;
  rows: Row[];
}

export const sheetPoint = (s: Sheet, u: number, d: number): Vec3 => framePoint(s.frame, u, s.h(u, d), d);

function bisect(g: (u: number) => number, a: number, b: number): number {
  let ga = g(a);
  for (let k = 0; k < 60; k++) {
    const m = (a + b) / 2;
    const gm = g(m);
    if ((gm > 0) === (ga > 0)) { a = m; ga = gm; } else b = m;
  }
  return (a + b) / 2;
}

export interface Segment { mask: number; uL: number; uR: number }

/** The pieces of one row of a sheet at depth d (restored), each with its block mask. */
export function rowSegments(s: Sheet, d: number, faults: FaultCut[]): Segment[] {
  const [u0, u1] = s.uRange;
  const cuts: { u: number; f: number }[] = [];
  faults.forEach((f, fi) => {
    const g = (u: number) => planeSide(f, sheetPoint(s, u, d));
    const n = Math.ceil((u1 - u0) / 10);
    for (let k = 0; k < n; k++) {
      const a = u0 + ((u1 - u0) * k) / n;
      const b = u0 + ((u1 - u0) * (k + 1)) / n;
      if ((g(a) > 0) !== (g(b) > 0)) cuts.push({ u: bisect(g, a, b), f: fi });
    }
  });
  cuts.sort((x, y) => x.u - y.u);
  const bounds = [u0, ...cuts.map((c) => c.u), u1];
  const out: Segment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const mid = sheetPoint(s, (bounds[k] + bounds[k + 1]) / 2, d);
    let mask = 0;
    faults.forEach((f, fi) => { if (planeSide(f, mid) > 0) mask |= 1 << fi; });
    const end = (c: { u: number; f: number }) => {
      const target = mask & (1 << c.f) ? INSET : -INSET;
      return bisect((u) => planeSide(faults[c.f], sheetPoint(s, u, d)) - target, c.u - 5, c.u + 5);
    };
    const uL = k === 0 ? u0 : end(cuts[k - 1]);
    const uR = k + 2 === bounds.length ? u1 : end(cuts[k]);
    if (uR - uL > 2) out.push({ mask, uL, uR });
  }
  return out;
}

/** Row vertex positions along strike: the two ends plus the global grid strictly between them. */
function rowUs(uL: number, uR: number): number[] {
  const us = [uL];
  for (let j = Math.ceil(uL / DU); j * DU < uR; j++) {
    const u = j * DU;
    if (u > uL + 0.3 * DU && u < uR - 0.3 * DU) us.push(u);
  }
  us.push(uR);
  return us;
}

/**
 * Cut a sheet into per-block pieces. The as-mapped top of every piece is at the sheet's top depth
 * (restored top = top + shift z, so down-thrown blocks reach higher in the restored state) and all
 * pieces share one restored bottom, chosen so the deepest as-mapped point is at the bottom depth.
 */
export function cutSheet(s: Sheet, faults: FaultCut[]): Piece[] {
  const masks = new Set<number>();
  for (let d = 0; d <= s.bottomDepth; d += 10) for (const seg of rowSegments(s, d, faults)) masks.add(seg.mask);
  const shifts = new Map([...masks].map((m) => [m, blockShift(faults, m)] as const));
  const dBot = s.bottomDepth + Math.min(...[...shifts.values()].map((v) => v[2]));
  const pieces: Piece[] = [];
  for (const mask of [...masks].sort((a, b) => a - b)) {
    const shift = shifts.get(mask)!;
    const dTop = s.topDepth + shift[2];
    const depths = [dTop];
    for (let k = Math.ceil(dTop / DD); k * DD < dBot; k++) if (k * DD > dTop + 3 && k * DD < dBot - 3) depths.push(k * DD);
    depths.push(dBot);
    const rows: Row[] = [];
    for (const d of depths) {
      const segs = rowSegments(s, d, faults).filter((g) => g.mask === mask);
      if (segs.length === 0) continue;
      if (segs.length > 1) throw new Error(`${s.id}: block ${mask} split twice at depth ${d}`);
      rows.push({ d, us: rowUs(segs[0].uL, segs[0].uR) });
    }
    if (rows.length < 2) continue;
    pieces.push({ sheet: s, mask, shift, rows });
  }
  return pieces;
}

export interface Mesh { vertices: number[]; triangles: number[] }

/** Triangulate the strip between two rows sorted by u (merge by u; normals towards the dip side). */
function strip(tris: number[], a0: number, ua: number[], b0: number, ub: number[], flip: boolean): void {
  let i = 0;
  let j = 0;
  const push = (x: number, y: number, z: number) => (flip ? tris.push(x, z, y) : tris.push(x, y, z));
  while (i < ua.length - 1 || j < ub.length - 1) {
    if (i < ua.length - 1 && (j === ub.length - 1 || ua[i + 1] <= ub[j + 1])) {
      push(a0 + i, b0 + j, a0 + i + 1);
      i++;
    } else {
      push(a0 + i, b0 + j, b0 + j + 1);
      j++;
    }
  }
}

/** Row start indices of a piece's vertices. */
const rowStarts = (p: Piece): number[] => {
  const starts: number[] = [];
  let n = 0;
  for (const r of p.rows) { starts.push(n); n += r.us.length; }
  return starts;
};

/** As-mapped vertices of a piece, rounded to 0.01 m. */
export function pieceVertices(p: Piece): number[] {
  const v: number[] = [];
  for (const r of p.rows) for (const u of r.us) v.push(...roundVec(add(sheetPoint(p.sheet, u, r.d), p.shift)));
  return v;
}

export function meshPiece(p: Piece, flip = false): Mesh {
  const starts = rowStarts(p);
  const triangles: number[] = [];
  for (let k = 0; k + 1 < p.rows.length; k++) strip(triangles, starts[k], p.rows[k].us, starts[k + 1], p.rows[k + 1].us, flip);
  return { vertices: pieceVertices(p), triangles };
}

/**
 * A closed slab from two parallel pieces of the same block (hanging-wall side a, footwall side b):
 * both sheets, a top and a bottom cap, and the two end walls (on the faults or the strike ends).
 */
export function meshSlab(a: Piece, b: Piece): Mesh {
  if (a.rows.length !== b.rows.length) throw new Error(`slab ${a.sheet.id}: sides have different rows`);
  const ma = meshPiece(a);
  const mb = meshPiece(b, true);
  const nA = ma.vertices.length / 3;
  const triangles = [...ma.triangles, ...mb.triangles.map((t) => t + nA)];
  const sa = rowStarts(a);
  const sb = rowStarts(b).map((x) => x + nA);
  const last = a.rows.length - 1;
  strip(triangles, sa[0], a.rows[0].us, sb[0], b.rows[0].us, true);
  strip(triangles, sa[last], a.rows[last].us, sb[last], b.rows[last].us, false);
  for (let k = 0; k < last; k++) {
    const ea = sa[k] + a.rows[k].us.length - 1;
    const eb = sb[k] + b.rows[k].us.length - 1;
    const ea2 = sa[k + 1] + a.rows[k + 1].us.length - 1;
    const eb2 = sb[k + 1] + b.rows[k + 1].us.length - 1;
    triangles.push(sa[k], sb[k], sa[k + 1], sb[k], sb[k + 1], sa[k + 1]);
    triangles.push(ea, ea2, eb, eb, ea2, eb2);
  }
  return { vertices: [...ma.vertices, ...mb.vertices], triangles };
}
