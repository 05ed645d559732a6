/**
 * Underground workings in the west-central part of McDowell, all inside the fixed fault block
 * (between F1 and F2), so their as-mapped and restored positions are the same.
 *
 * Public figures honoured: a 100 m two-compartment shaft, an 844 m decline to the 130 m level,
 * levels at 50, 70, 90, 110 and 130 m below surface and about 1,700 m of drifts. Drifts follow
 * McDowell Set 1 2.5 m into its footwall (north); crosscuts join them to the shaft and decline.
 */
import type { Vec3 } from '../../src/domain/vec3';
import type { WorkingT } from '../../src/data/schema';
import { MCD_FRAME, REF_ELEV, framePoint, ground, round2, roundVec } from './frame';
import type { Sheet } from './veins';

export const LEVELS = [50, 70, 90, 110, 130]; // m below surface
const DRIFT_LENGTHS = [380, 360, 340, 320, 300]; // m, 1,700 m in all
const DRIFT_CENTRE_U = -150; // m along strike
const FOOTWALL = -2.5; // m across strike from Set 1 (north = footwall)
const SHAFT_DEPTH = 100; // m
const DECLINE_LENGTH = 844; // m, 3D length along the ramp
const SHAFT_UH: [number, number] = [-150, -60];

export interface DrillStation { level: number; u: number; collar: Vec3 }
export interface Workings { workings: WorkingT[]; stations: DrillStation[] }

const len3 = (a: Vec3, b: Vec3) => Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);

/** Polyline along the Set 1 footwall at a level, exactly `length` m long, starting at uStart. */
function driftPath(set1: Sheet, level: number, uStart: number, length: number): Vec3[] {
  const at = (u: number): Vec3 => framePoint(MCD_FRAME, u, set1.h(u, level) + FOOTWALL, level);
  const pts: Vec3[] = [at(uStart)];
  let total = 0;
  for (let u = uStart + 10; ; u += 10) {
    const next = at(u);
    const seg = len3(pts[pts.length - 1], next);
    if (total + seg >= length) {
      const prev = pts[pts.length - 1];
      const f = (length - total) / seg;
      pts.push([prev[0] + (next[0] - prev[0]) * f, prev[1] + (next[1] - prev[1]) * f, prev[2]]);
      return pts.map(roundVec);
    }
    pts.push(next);
    total += seg;
  }
}

/** The decline: three switchback legs in the footwall at a constant gradient, 844 m long in 3D. */
function declinePath(): Vec3[] {
  const uh: [number, number][] = [[-340, -150], [-40, -150]];
  const arc = (cu: number, ch: number, east: boolean) => {
    for (let k = 1; k <= 12; k++) {
      const phi = (Math.PI * k) / 12;
      uh.push([cu + (east ? 1 : -1) * 12.5 * Math.sin(phi), ch - 12.5 * Math.cos(phi)]);
    }
  };
  arc(-40, -137.5, true);
  uh.push([-340, -125]);
  arc(-340, -112.5, false);
  const portal = framePoint(MCD_FRAME, uh[0][0], uh[0][1], 0);
  const zTop = round2(ground(portal[0], portal[1]));
  const zEnd = REF_ELEV - 130;
  const drop = zTop - zEnd;
  const H = Math.sqrt(DECLINE_LENGTH ** 2 - drop ** 2); // horizontal length for the 3D length
  let sofar = 0;
  for (let i = 1; i < uh.length; i++) sofar += Math.hypot(uh[i][0] - uh[i - 1][0], uh[i][1] - uh[i - 1][1]);
  uh.push([uh[uh.length - 1][0] + (H - sofar), -100]); // last leg east, as long as needed
  const out: Vec3[] = [];
  let cum = 0;
  uh.forEach(([u, h], i) => {
    if (i > 0) cum += Math.hypot(u - uh[i - 1][0], h - uh[i - 1][1]);
    const p = framePoint(MCD_FRAME, u, h, 0);
    out.push(roundVec([p[0], p[1], zTop - (drop * cum) / H]));
  });
  return out;
}

export function buildWorkings(set1: Sheet): Workings {
  const workings: WorkingT[] = [];
  const sp = framePoint(MCD_FRAME, SHAFT_UH[0], SHAFT_UH[1], 0);
  const sz = round2(ground(sp[0], sp[1]));
  const shaftTop: Vec3 = [round2(sp[0]), round2(sp[1]), sz];
  workings.push({ id: 'shaft', name: 'Two-compartment shaft', kind: 'shaft', path: [shaftTop, [shaftTop[0], shaftTop[1], round2(sz - SHAFT_DEPTH)]] });
  const decline = declinePath();
  workings.push({ id: 'decline', name: 'Decline', kind: 'decline', path: decline });
  const stations: DrillStation[] = [];
  LEVELS.forEach((level, i) => {
    const uStart = DRIFT_CENTRE_U - DRIFT_LENGTHS[i] / 2;
    const path = driftPath(set1, level, uStart, DRIFT_LENGTHS[i]);
    workings.push({ id: `drift-${level}`, name: `${level} m level drift`, kind: 'drift', path, levelDepth: level });
    const zLevel = REF_ELEV - level;
    const atDrift = (u: number): Vec3 => roundVec(framePoint(MCD_FRAME, u, set1.h(u, level) + FOOTWALL, level));
    if (level < SHAFT_DEPTH) {
      workings.push({ id: `crosscut-${level}`, name: `${level} m level shaft crosscut`, kind: 'crosscut',
        path: [[shaftTop[0], shaftTop[1], zLevel], atDrift(SHAFT_UH[0])], levelDepth: level });
    } else {
      // Join the decline where it passes the level (the 130 m level at its foot).
      let best = decline[decline.length - 1];
      for (const p of decline) if (Math.abs(p[2] - zLevel) < Math.abs(best[2] - zLevel)) best = p;
      const u = (best[0] - MCD_FRAME.oE) * MCD_FRAME.s[0] + (best[1] - MCD_FRAME.oN) * MCD_FRAME.s[1];
      workings.push({ id: `crosscut-${level}`, name: `${level} m level decline access`, kind: 'crosscut',
        path: [[best[0], best[1], zLevel], atDrift(Math.min(Math.max(u, uStart), uStart + DRIFT_LENGTHS[i]))], levelDepth: level });
    }
    // Drill bays 4 m into the footwall every 55 m along the drift; collars 1.5 m above the floor.
    for (let u = uStart + 15; u < uStart + DRIFT_LENGTHS[i] - 10; u += 55) {
      const c = framePoint(MCD_FRAME, u, set1.h(u, level) - 4, level);
      stations.push({ level, u, collar: roundVec([c[0], c[1], zLevel + 1.5]) });
    }
  });
  return { workings, stations };
}

/** 3D length of a polyline, m. */
export const pathLength = (path: Vec3[]): number => path.reduce((s, p, i) => (i ? s + len3(path[i - 1], p) : 0), 0);
