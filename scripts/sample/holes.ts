/**
 * Drill-hole designs: surface holes collared on the hanging-wall (south) side and drilled
 * north-north-west across the veins, underground fans from drill bays on the levels, and planned
 * holes testing the down-dip extensions to 400 m below surface.
 *
 * Drilled holes deviate gently (azimuth and dip drift of a few degrees per 100 m, surveyed every
 * 30-50 m). Paths come from src/domain/desurvey.ts (minimum curvature) run on the rounded survey
 * values that are written to the file, so the viewer draws exactly the generator's path.
 */
import { desurvey, type HolePath, type SurveyStation } from '../../src/domain/desurvey';
import { directionFromAzDip } from '../../src/domain/orientation';
import type { Vec3 } from '../../src/domain/vec3';
import type { DepositInput } from '../../src/data/schema';
import { ground, round1, round2 } from './frame';
import { normal, randInt, uniform, type Rng } from './rng';

export type HoleRecord = NonNullable<DepositInput['holes']>[number];

export interface DrillHole {
  rec: HoleRecord;
  path: HolePath;
  /** the zone the hole was aimed at */
  target: string;
}

export interface HoleSpec {
  id: string;
  program: string;
  year: number;
  type: 'surface' | 'underground';
  status: 'drilled' | 'planned';
  collar: Vec3;
  azimuth: number;
  dip: number;
  depth: number;
  target: string;
}

/** Stations read back from a record, either form. */
export function stationsOf(rec: HoleRecord): SurveyStation[] {
  const s = rec.surveys;
  if (!s) return [];
  if (Array.isArray(s)) return s.map((x) => ({ ...x }));
  return s.depth.map((d, i) => ({ depth: d, azimuth: s.azimuth[i], dip: s.dip[i] }));
}

export function pathOf(rec: HoleRecord): HolePath {
  return desurvey({
    holeId: rec.id, collar: rec.collar as Vec3, depth: rec.depth, stations: stationsOf(rec),
    collarAzimuth: rec.azimuth, collarDip: rec.dip,
  }).path;
}

const wrapAz = (a: number) => round1(((a % 360) + 360) % 360) % 360;

/**
 * Survey stations: at 0 m, then every 30-50 m to the final depth. Down holes lift (dip flattens by
 * 0.5-2.5°/100 m) and walk in azimuth (-1 to +3°/100 m); upward underground holes sag instead.
 * Station readings carry ±0.1-0.2° of instrument noise. Azimuth and dip are written to 0.1°.
 */
function deviatedStations(r: Rng, s: HoleSpec): SurveyStation[] {
  const rateAz = uniform(r, -1, 3);
  const rateDip = s.dip < 0 ? uniform(r, 0.5, 2.5) : -uniform(r, 0.5, 2);
  const out: SurveyStation[] = [];
  for (let d = 0; d <= s.depth; d += randInt(r, 30, 50)) {
    const az = s.azimuth + (rateAz * d) / 100 + (d ? 0.2 * normal(r) : 0);
    const dip = s.dip + (rateDip * d) / 100 + (d ? 0.1 * normal(r) : 0);
    out.push({ depth: d, azimuth: wrapAz(az), dip: round1(Math.max(-89.9, Math.min(89.9, dip))) });
  }
  return out;
}

/** A hole record and its path. Alternate holes write their surveys row-wise and column-wise. */
export function makeHole(r: Rng, s: HoleSpec, columns: boolean): DrillHole {
  const stations: SurveyStation[] = s.status === 'planned'
    ? [{ depth: 0, azimuth: s.azimuth, dip: s.dip }, { depth: s.depth, azimuth: s.azimuth, dip: s.dip }]
    : deviatedStations(r, s);
  const surveys = columns
    ? { depth: stations.map((x) => x.depth), azimuth: stations.map((x) => x.azimuth), dip: stations.map((x) => x.dip) }
    : stations;
  const rec: HoleRecord = {
    id: s.id, collar: s.collar, depth: s.depth, azimuth: s.azimuth, dip: s.dip, surveys,
    program: s.program, year: s.year, type: s.type, status: s.status,
  };
  return { rec, path: pathOf(rec), target: s.target };
}

/**
 * Collar of a surface hole aimed (straight) at a target: back along the hole direction until the
 * ground. Returns the rounded collar and the straight distance (m) from collar to target.
 */
export function collarFor(target: Vec3, azimuth: number, dip: number): { collar: Vec3; reach: number } {
  const dir = directionFromAzDip(azimuth, dip);
  let reach = (300 - target[2]) / -dir[2];
  for (let k = 0; k < 4; k++) {
    const e = target[0] - reach * dir[0];
    const n = target[1] - reach * dir[1];
    reach = (ground(e, n) - target[2]) / -dir[2];
  }
  const e = round2(target[0] - reach * dir[0]);
  const n = round2(target[1] - reach * dir[1]);
  return { collar: [e, n, round2(ground(e, n))], reach };
}

/** Hole id with a zero-padded number, e.g. RK88-007. */
export const holeId = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(3, '0')}`;
