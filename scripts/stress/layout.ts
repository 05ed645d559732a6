/**
 * The synthetic stress deposit's frame: a vein field striking 070° and dipping 60° to the south
 * (dip direction 160°), drilled from the south by holes pointing 340°, in real UTM coordinates
 * (NAD83 / UTM zone 17N, near the Rocmec 1 sample so the two files look alike). The field grows
 * with the number of holes so the drilling density stays plausible.
 *
 * Local frame used throughout: u along strike (m, east-northeast positive), v across strike,
 * horizontal, positive toward the dip direction (south-southeast), z elevation (m).
 */
import type { Vec3 } from '../../src/domain/vec3';

export const CENTRE_E = 611800;
export const CENTRE_N = 5343000;
/** ground surface elevation, m */
export const GROUND = 300;

export const STRIKE_AZ = 70;
export const DIP = 60;
const rad = Math.PI / 180;
/** unit vectors in world (easting, northing, elevation) */
export const ALONG: Vec3 = [Math.sin(STRIKE_AZ * rad), Math.cos(STRIKE_AZ * rad), 0];
export const ACROSS: Vec3 = [Math.sin((STRIKE_AZ + 90) * rad), Math.cos((STRIKE_AZ + 90) * rad), 0];
/** down-dip unit vector of the veins */
export const DOWN_DIP: Vec3 = [ACROSS[0] * Math.cos(DIP * rad), ACROSS[1] * Math.cos(DIP * rad), -Math.sin(DIP * rad)];

/** World point of local (u, v) at elevation z. */
export function world(u: number, v: number, z: number): Vec3 {
  return [CENTRE_E + u * ALONG[0] + v * ACROSS[0], CENTRE_N + u * ALONG[1] + v * ACROSS[1], z];
}

export interface VeinDef {
  id: string;
  name: string;
  color: string;
  /** v of the vein's trace at the ground surface, m */
  offset: number;
  /** true width used to decide which assay intervals are in the vein, m */
  width: number;
}

/** Four veins, north to south; holes are collared south of them all and drilled north. */
export const VEINS: VeinDef[] = [
  { id: 'vein-a', name: 'Vein A', color: '#d4a017', offset: -160, width: 1.6 },
  { id: 'vein-b', name: 'Vein B', color: '#e07b24', offset: -90, width: 1.2 },
  { id: 'vein-c', name: 'Vein C', color: '#4a90c2', offset: 0, width: 2.0 },
  { id: 'vein-d', name: 'Vein D', color: '#8064a2', offset: 55, width: 1.0 },
];

export interface FieldSize {
  /** strike length covered by collars, m */
  strikeLength: number;
  /** collar columns (along strike) and rows (across strike) */
  cols: number;
  rows: number;
  /** collar spacing along and across strike, m */
  du: number;
  dv: number;
  /** v of the first (northernmost) collar row, m */
  v0: number;
}

/** Collar grid for `holes` holes: about four times as many columns as rows. */
export function fieldSize(holes: number): FieldSize {
  const cols = Math.max(1, Math.ceil(Math.sqrt(holes * 4)));
  const rows = Math.max(1, Math.ceil(holes / cols));
  const strikeLength = Math.min(4000, Math.max(600, cols * 12.5));
  const du = strikeLength / cols;
  const dv = Math.min(25, Math.max(6, 700 / rows));
  return { strikeLength, cols, rows, du, dv, v0: 90 };
}

/**
 * Along-hole distance from a collar at local (v, z) to a vein, for a straight hole pointing 340°
 * (straight at the veins, across strike) with dip `dip` (negative down); null when it never meets it.
 */
export function distanceToVein(vein: VeinDef, v: number, z: number, dip: number): number | null {
  const d = -dip * rad;
  const tanDip = Math.tan(DIP * rad);
  const t = (v - vein.offset - (GROUND - z) / tanDip) / (Math.cos(d) + Math.sin(d) / tanDip);
  return t > 1 ? t : null;
}
