/**
 * Illustrative resource-category outlines on the as-mapped McDowell Set 1 plane: measured around
 * the workings (50-130 m levels), indicated around it, inferred below it and over the other fault
 * blocks (most of the area, as in the 2007 estimate). Each outline stays inside one fault block,
 * 8 m from the faults, and is moved with that block.
 */
import type { Vec3 } from '../../src/domain/vec3';
import { add } from '../../src/domain/vec3';
import type { ResourceCategoryT } from '../../src/data/schema';
import { roundVec } from './frame';
import { blockShift, type FaultCut } from './faults';
import { rowSegments, sheetPoint, type Piece } from './pieces';

const MARGIN = 8; // m from a fault or a vein end

interface Box { id: string; category: 'measured' | 'indicated' | 'inferred'; mask: number; u: [number, number]; d: [number, number] }

/** Outline of a (u, d) box clipped, row by row, to the block's extent on the sheet. */
function outline(piece: Piece, box: Box, faults: FaultCut[]): Vec3[] {
  const s = piece.sheet;
  const limits = (d: number): [number, number] => {
    const seg = rowSegments(s, d, faults).find((g) => g.mask === box.mask);
    if (!seg) throw new Error(`resource ${box.id}: block ${box.mask} absent at ${d} m`);
    return [Math.max(box.u[0], seg.uL + MARGIN), Math.min(box.u[1], seg.uR - MARGIN)];
  };
  const shift = blockShift(faults, box.mask);
  const uv: [number, number][] = [];
  const [d0, d1] = box.d;
  const nd = Math.max(2, Math.ceil((d1 - d0) / 15));
  const ds = Array.from({ length: nd + 1 }, (_, k) => d0 + ((d1 - d0) * k) / nd);
  const edge = (d: number, forward: boolean) => {
    const [a, b] = limits(d);
    const n = Math.max(2, Math.ceil((b - a) / 20));
    for (let k = 1; k < n; k++) uv.push([forward ? a + ((b - a) * k) / n : b - ((b - a) * k) / n, d]);
  };
  for (const d of ds) uv.push([limits(d)[0], d]); // left edge, down
  edge(d1, true); // bottom edge, west to east
  for (const d of [...ds].reverse()) uv.push([limits(d)[1], d]); // right edge, up
  edge(d0, false); // top edge, east to west
  return uv.map(([u, d]) => roundVec(add(sheetPoint(s, u, d), shift)));
}

export function buildResources(set1Pieces: Piece[], blockNumber: Map<number, number>, faults: FaultCut[]): ResourceCategoryT[] {
  const fixed = set1Pieces.find((p) => p.mask === 0)!;
  const dBot = fixed.rows[fixed.rows.length - 1].d;
  const boxes: Box[] = [
    { id: 'mcdowell-1-measured', category: 'measured', mask: 0, u: [-310, 10], d: [40, 140] },
    { id: 'mcdowell-1-indicated', category: 'indicated', mask: 0, u: [-410, 160], d: [15, 205] },
    { id: `mcdowell-1-inferred-b${blockNumber.get(0)}`, category: 'inferred', mask: 0, u: [-1e4, 1e4], d: [205, dBot - 6] },
  ];
  for (const p of set1Pieces) {
    if (p.mask === 0) continue;
    const top = p.rows[0].d;
    boxes.push({ id: `mcdowell-1-inferred-b${blockNumber.get(p.mask)}`, category: 'inferred', mask: p.mask, u: [-1e4, 1e4], d: [top + 15, p.rows[p.rows.length - 1].d - 6] });
  }
  return boxes.map((b) => {
    const piece = set1Pieces.find((p) => p.mask === b.mask)!;
    return { id: b.id, category: b.category, zone: 'mcdowell-1', outline: outline(piece, b, faults) };
  });
}
