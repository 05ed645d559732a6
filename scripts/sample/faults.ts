/**
 * The north-trending faults of the illustrative model, as planar triangulated grids, and the
 * block models (src/domain/faults.ts) that cut and move the veins.
 *
 * F2 and F3 are parallel on purpose: the block east of F3 moves with both, and because F2's slip
 * lies in a plane parallel to F3 the F3 cut stays on the F3 surface after F2 has moved it. F1 bounds
 * the western block only, so no block moves across another fault.
 */
import { buildFaultModel, displacement, type FaultBlockModel, type MovingSide } from '../../src/domain/faults';
import { directionFromAzDip } from '../../src/domain/orientation';
import { dot, sub, type Vec3 } from '../../src/domain/vec3';
import { MCD_FRAME, REF_ELEV, framePoint, round2 } from './frame';

export interface FaultDef {
  id: string;
  name: string;
  /** where the fault crosses the McDowell Set 1 trace, m along strike */
  anchorU: number;
  /** strike (right-hand rule) and dip, degrees */
  strike: number;
  dip: number;
  movingSide: MovingSide;
  /** m; strike-slip positive towards the strike azimuth, dip-slip positive down-dip */
  slip: { strikeSlip: number; dipSlip: number };
}

export const FAULT_DEFS: FaultDef[] = [
  { id: 'F1', name: 'Fault F1', anchorU: -420, strike: 352, dip: 78, movingSide: 'west', slip: { strikeSlip: 42, dipSlip: 12 } },
  { id: 'F2', name: 'Fault F2', anchorU: 180, strike: 8, dip: 80, movingSide: 'east', slip: { strikeSlip: -30, dipSlip: 8 } },
  { id: 'F3', name: 'Fault F3', anchorU: 560, strike: 8, dip: 80, movingSide: 'east', slip: { strikeSlip: 55, dipSlip: 15 } },
];

/** Fault grid: 10 cells along strike over 1,600 m, 6 cells down-dip from 20 m above surface to 600 m depth. */
const ALONG = 1600;
const CELLS_ALONG = 10;
const CELLS_DOWN = 6;
const TOP_ABOVE = 20; // m above the reference surface
const BOTTOM_DEPTH = 600; // m below the reference surface

export interface FaultSurface {
  id: string;
  vertices: number[];
  triangles: number[];
}

export function faultSurface(f: FaultDef): FaultSurface {
  const anchor = framePoint(MCD_FRAME, f.anchorU, 0, 0);
  const sd = directionFromAzDip(f.strike, 0);
  const dd = directionFromAzDip((f.strike + 90) % 360, -f.dip);
  const vertices: number[] = [];
  const wTop = -TOP_ABOVE / Math.sin((f.dip * Math.PI) / 180);
  const wBot = BOTTOM_DEPTH / Math.sin((f.dip * Math.PI) / 180);
  for (let j = 0; j <= CELLS_DOWN; j++) {
    const w = wTop + ((wBot - wTop) * j) / CELLS_DOWN;
    for (let i = 0; i <= CELLS_ALONG; i++) {
      const a = -ALONG / 2 + (ALONG * i) / CELLS_ALONG;
      vertices.push(
        round2(anchor[0] + a * sd[0] + w * dd[0]),
        round2(anchor[1] + a * sd[1] + w * dd[1]),
        round2(REF_ELEV + a * sd[2] + w * dd[2]),
      );
    }
  }
  const triangles: number[] = [];
  const row = CELLS_ALONG + 1;
  for (let j = 0; j < CELLS_DOWN; j++) {
    for (let i = 0; i < CELLS_ALONG; i++) {
      const a = j * row + i;
      triangles.push(a, a + row, a + 1, a + 1, a + row, a + row + 1);
    }
  }
  return { id: `fault-${f.id.toLowerCase()}`, vertices, triangles };
}

/** A fault as used by the generator: its surface, its block model and its plane. */
export interface FaultCut {
  def: FaultDef;
  surface: FaultSurface;
  model: FaultBlockModel;
  /** a point of the plane; side(p) = n·(p - x0) > 0 on the moving side (m) */
  x0: Vec3;
}

export function buildFaults(): FaultCut[] {
  return FAULT_DEFS.map((def) => {
    const surface = faultSurface(def);
    const model = buildFaultModel({ id: def.id, vertices: surface.vertices, triangles: surface.triangles, movingSide: def.movingSide, slip: def.slip });
    const v = surface.vertices;
    return { def, surface, model, x0: [v[0], v[1], v[2]] };
  });
}

/** Signed distance (m) of p from the fault plane, positive on the moving side. */
export const planeSide = (f: FaultCut, p: Vec3): number => dot(f.model.normal, sub(p, f.x0));

/** Bit mask of the moving sides p lies on, by the planes (same bit order as blockMask). */
export function planeMask(faults: FaultCut[], p: Vec3): number {
  let m = 0;
  faults.forEach((f, i) => {
    if (planeSide(f, p) > 0) m |= 1 << i;
  });
  return m;
}

/** Full as-mapped offsets (m): each fault at its whole interpreted slip. */
export const fullOffsets = (faults: FaultCut[]): number[] =>
  faults.map((f) => Math.hypot(f.def.slip.strikeSlip, f.def.slip.dipSlip));

/** Displacement (m) of a block from the restored to the as-mapped state. */
export function blockShift(faults: FaultCut[], mask: number): Vec3 {
  return displacement(faults.map((f) => f.model), fullOffsets(faults), mask);
}
