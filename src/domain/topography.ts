/**
 * Collars against the topography: the elevation of a topographic surface straight above or below
 * each collar, and the holes whose collar is further from it than a tolerance (a collar surveyed
 * in another datum, a typing error, or a surface in the wrong place). Pure maths, metres.
 *
 * Triangles are bucketed on a 2-D grid of about one triangle per cell, so 10,000 collars against
 * 2 million triangles stay linear.
 */

export interface TopoSurface {
  /** world [e, n, z, ...] metres */
  vertices: ArrayLike<number>;
  triangles: ArrayLike<number>;
}

/** Elevation (m) of the surfaces at (e, n), the highest where several cover it, or null when none does. */
export function topographyLookup(surfaces: TopoSurface[]): (e: number, n: number) => number | null {
  // 9 numbers per triangle: ax ay az bx by bz cx cy cz
  const tris = new Float64Array(surfaces.reduce((n, s) => n + Math.floor(s.triangles.length / 3) * 9, 0));
  let w = 0;
  for (const s of surfaces) {
    const v = s.vertices, t = s.triangles;
    for (let i = 0; i + 2 < t.length; i += 3) for (let k = 0; k < 3; k++) for (let a = 0; a < 3; a++) tris[w++] = v[t[i + k] * 3 + a];
  }
  const n = tris.length / 9;
  if (n === 0) return () => null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < tris.length; i += 3) {
    minX = Math.min(minX, tris[i]); maxX = Math.max(maxX, tris[i]);
    minY = Math.min(minY, tris[i + 1]); maxY = Math.max(maxY, tris[i + 1]);
  }
  const side = Math.max(1, Math.min(2048, Math.ceil(Math.sqrt(n))));
  const cw = Math.max((maxX - minX) / side, 1e-9), ch = Math.max((maxY - minY) / side, 1e-9);
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  const cellX = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - minX) / cw)));
  const cellY = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - minY) / ch)));
  for (let t = 0; t < n; t++) {
    const o = t * 9;
    const x0 = cellX(Math.min(tris[o], tris[o + 3], tris[o + 6])), x1 = cellX(Math.max(tris[o], tris[o + 3], tris[o + 6]));
    const y0 = cellY(Math.min(tris[o + 1], tris[o + 4], tris[o + 7])), y1 = cellY(Math.max(tris[o + 1], tris[o + 4], tris[o + 7]));
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cells[y * side + x].push(t);
  }
  return (e, nn) => {
    if (e < minX || e > maxX || nn < minY || nn > maxY) return null;
    let best: number | null = null;
    for (const t of cells[cellY(nn) * side + cellX(e)]) {
      const o = t * 9;
      const ax = tris[o], ay = tris[o + 1], az = tris[o + 2], bx = tris[o + 3], by = tris[o + 4], bz = tris[o + 5], cx = tris[o + 6], cy = tris[o + 7], cz = tris[o + 8];
      const d = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
      if (Math.abs(d) < 1e-12) continue; // vertical or degenerate in plan
      const l1 = ((by - cy) * (e - cx) + (cx - bx) * (nn - cy)) / d;
      const l2 = ((cy - ay) * (e - cx) + (ax - cx) * (nn - cy)) / d;
      const l3 = 1 - l1 - l2;
      const eps = -1e-9;
      if (l1 < eps || l2 < eps || l3 < eps) continue;
      const z = l1 * az + l2 * bz + l3 * cz;
      if (best === null || z > best) best = z;
    }
    return best;
  };
}

export interface CollarMisfit {
  holeId: string;
  /** collar elevation minus topography elevation, m (positive: collar above the ground) */
  difference: number;
}

/** Holes whose collar is more than `tolerance` m above or below the topography. Underground holes are skipped: they are collared below ground. */
export function collarMisfits(holes: { id: string; collar: ArrayLike<number>; type?: string }[], surfaces: TopoSurface[], tolerance: number): { misfits: CollarMisfit[]; outside: number } {
  const at = topographyLookup(surfaces);
  const misfits: CollarMisfit[] = [];
  let outside = 0;
  for (const h of holes) {
    if (h.type === 'underground') continue;
    const z = at(h.collar[0], h.collar[1]);
    if (z === null) {
      outside++;
      continue;
    }
    const d = h.collar[2] - z;
    if (Math.abs(d) > tolerance) misfits.push({ holeId: h.id, difference: d });
  }
  return { misfits, outside };
}
