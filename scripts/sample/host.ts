/**
 * The host intrusive (gabbro to granodiorite, "quartz diorite in a shear zone" elsewhere): one closed
 * triangulated body, elliptical in plan, 1,000 m long (long axis along the ENE vein strike) by 600 m
 * wide at the surface, narrowing and leaning gently south with depth (never beyond the surface outline) down to 500 m below surface.
 * It is older than the faults but, for simplicity, is not cut by them (tens of metres of slip are
 * small against a 1 km body).
 */
import type { Vec3 } from '../../src/domain/vec3';
import { MCD_FRAME, framePoint, frameCoords, round2 } from './frame';

export const HOST_LENGTH = 1000; // m, plan long axis
export const HOST_WIDTH = 600; // m, plan short axis
/** Centre of the body in the McDowell frame (m along strike, m across strike). */
const CU = -30;
const CH = -20;
/** [depth m below surface, scale of the plan axes, southward lean m]: the top ring is the widest. */
const RINGS: [number, number, number][] = [
  [0, 1, 0], [50, 0.995, 1], [130, 0.98, 4], [220, 0.95, 9], [310, 0.9, 15],
  [400, 0.8, 22], [470, 0.62, 26], [500, 0.42, 28],
];
const N_AROUND = 64; // vertices per ring (a multiple of 4 so the axis ends are vertices)

export interface HostMesh { vertices: number[]; triangles: number[] }

export function hostMesh(): HostMesh {
  const vertices: number[] = [];
  const push = (p: Vec3) => vertices.push(round2(p[0]), round2(p[1]), round2(p[2]));
  for (const [d, sc, lean] of RINGS) {
    for (let k = 0; k < N_AROUND; k++) {
      const t = (2 * Math.PI * k) / N_AROUND;
      push(framePoint(MCD_FRAME, CU + (HOST_LENGTH / 2) * sc * Math.cos(t), CH + lean + (HOST_WIDTH / 2) * sc * Math.sin(t), d));
    }
  }
  const top = vertices.length / 3;
  push(framePoint(MCD_FRAME, CU, CH, RINGS[0][0]));
  const bottom = vertices.length / 3;
  const [dB, , leanB] = RINGS[RINGS.length - 1];
  push(framePoint(MCD_FRAME, CU, CH + leanB, dB));
  const triangles: number[] = [];
  for (let r = 0; r + 1 < RINGS.length; r++) {
    for (let k = 0; k < N_AROUND; k++) {
      const a = r * N_AROUND + k;
      const b = r * N_AROUND + ((k + 1) % N_AROUND);
      triangles.push(a, a + N_AROUND, b, b, a + N_AROUND, b + N_AROUND);
    }
  }
  const lastRing = (RINGS.length - 1) * N_AROUND;
  for (let k = 0; k < N_AROUND; k++) {
    const k2 = (k + 1) % N_AROUND;
    triangles.push(top, k2, k);
    triangles.push(bottom, lastRing + k, lastRing + k2);
  }
  return { vertices, triangles };
}

/** Plan scale and lean of the body at a depth (m), linearly between rings; null outside 0-500 m. */
function ringAt(d: number): { sc: number; lean: number } | null {
  if (d < -10 || d > RINGS[RINGS.length - 1][0]) return null;
  for (let i = 0; i + 1 < RINGS.length; i++) {
    const [d0, s0, l0] = RINGS[i];
    const [d1, s1, l1] = RINGS[i + 1];
    if (d <= d1) {
      const f = Math.max(0, (d - d0) / (d1 - d0));
      return { sc: s0 + (s1 - s0) * f, lean: l0 + (l1 - l0) * f };
    }
  }
  return null;
}

/** Where a world point lies relative to the host: null outside, else its along-strike position (m). */
export function hostPosition(p: Vec3): number | null {
  const c = frameCoords(MCD_FRAME, p);
  const ring = ringAt(c.d);
  if (!ring) return null;
  const x = (c.u - CU) / ((HOST_LENGTH / 2) * ring.sc);
  const y = (c.h - CH - ring.lean) / ((HOST_WIDTH / 2) * ring.sc);
  return x * x + y * y <= 1 ? c.u - CU : null;
}

/** Wall-rock lithology code of the host by position: gabbro west, quartz diorite centre, granodiorite east. */
export function hostLithology(alongStrike: number): string {
  if (alongStrike < -180) return 'GAB';
  if (alongStrike > 220) return 'GRD';
  return 'QD';
}
