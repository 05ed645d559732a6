/**
 * Distance and offset between two picked points (world metres): length, azimuth and plunge of the
 * separation, and its components on a fault: along strike (strike-slip), down dip (dip-slip) and
 * across the fault (normal).
 */
import { azDipFromDirection } from './orientation';
import { dot, sub, type Vec3 } from './vec3';
import type { FaultBlockModel } from './faults';

export interface Measurement {
  /** m */
  distance: number;
  horizontal: number;
  /** m, positive up from the first point to the second */
  vertical: number;
  /** degrees clockwise from grid north, 0-360 */
  azimuth: number;
  /** degrees below horizontal (positive down) */
  plunge: number;
  /** components on the chosen fault, m; strike-slip along the strike azimuth, dip-slip positive down-dip */
  fault?: { id: string; strikeSlip: number; dipSlip: number; normal: number };
}

export function measure(p1: Vec3, p2: Vec3, fault?: FaultBlockModel): Measurement {
  const d = sub(p2, p1);
  const distance = Math.hypot(d[0], d[1], d[2]);
  const { azimuth, dip } = azDipFromDirection(d);
  const m: Measurement = { distance, horizontal: Math.hypot(d[0], d[1]), vertical: d[2], azimuth, plunge: -dip };
  if (fault) m.fault = { id: fault.id, strikeSlip: dot(d, fault.strikeDir), dipSlip: dot(d, fault.downDipDir), normal: dot(d, fault.normal) };
  return m;
}
