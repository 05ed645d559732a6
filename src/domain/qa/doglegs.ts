/**
 * Survey dog-legs: the angle between the hole's directions at consecutive survey stations, and its
 * severity in degrees per 30 m of hole (the drilling convention). A severity above the threshold
 * is usually a misread azimuth or dip (a 10° typing error, a magnetic reading near a dyke), not
 * the hole. Stations are the survey as given (azimuth clockwise from grid north, dip negative down).
 * No react/three/zustand.
 */
import { say } from '../message';
import type { Problem } from './types';

/** m: stations closer than this are measured over this length, so a repeated reading is not a spike. */
const MIN_SPAN = 3;

export interface SurveyedHole {
  id: string;
  stations: readonly { depth: number; azimuth: number; dip: number }[];
}

const RAD = Math.PI / 180;

/** Angle in degrees between two survey directions (azimuth, dip in degrees). */
export function doglegAngle(az1: number, dip1: number, az2: number, dip2: number): number {
  // Unit vectors east, north, up; the angle from their dot product, clamped for rounding.
  const v = (az: number, dip: number) => [Math.cos(dip * RAD) * Math.sin(az * RAD), Math.cos(dip * RAD) * Math.cos(az * RAD), Math.sin(dip * RAD)];
  const a = v(az1, dip1), b = v(az2, dip2);
  const dot = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  return Math.acos(dot) / RAD;
}

/** Dog-leg severities above `threshold` (°/30 m), one problem per pair of stations. */
export function* doglegProblems(holes: readonly SurveyedHole[], threshold: number): Generator<void, Problem[]> {
  const out: Problem[] = [];
  holes.forEach((h, hi) => {
    const st = [...h.stations].sort((a, b) => a.depth - b.depth);
    for (let i = 1; i < st.length; i++) {
      const a = st[i - 1], b = st[i];
      const span = b.depth - a.depth;
      if (!(span > 0)) continue; // duplicated stations are the desurvey's warning
      const angle = doglegAngle(a.azimuth, a.dip, b.azimuth, b.dip);
      const severity = (angle / Math.max(span, MIN_SPAN)) * 30;
      if (severity > threshold) {
        out.push({
          kind: 'dogleg', severity: 'warning', holeId: h.id, hole: hi, from: a.depth, to: b.depth, depth: b.depth,
          ...say('qa.dogleg', {
            id: h.id, angle, severity, threshold,
            fromDepth: +a.depth.toFixed(2), fromAzimuth: +a.azimuth.toFixed(1), fromDip: +a.dip.toFixed(1),
            toDepth: +b.depth.toFixed(2), toAzimuth: +b.azimuth.toFixed(1), toDip: +b.dip.toFixed(1),
          }),
        });
      }
    }
  });
  yield;
  return out;
}
