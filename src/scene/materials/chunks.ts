/** GLSL shared by the materials: fault displacement by block mask. */
import { MAX_FAULTS } from '../../domain/faults';

export const FAULT_PARS = /* glsl */ `
uniform vec3 uFaultShift[${MAX_FAULTS}];
vec3 faultShift(float m) {
  int mi = int(m + 0.5);
  vec3 d = vec3(0.0);
  for (int i = 0; i < ${MAX_FAULTS}; i++) {
    // No block bit left: stop (most masks use the low bits only). This runs for every vertex of
    // millions of segments, and software WebGL pays for every iteration: at 10,000 x 100 the
    // interval layer's vertex work fell by half with this exit.
    if ((mi >> i) == 0) break;
    if (((mi >> i) & 1) == 1) d += uFaultShift[i];
  }
  return d;
}
`;
