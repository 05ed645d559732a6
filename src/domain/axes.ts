/**
 * Axis box and tick marks around the data, in local coordinates, labelled with true easting,
 * northing and elevation (metres). Tick spacing is a "nice" 1-2-5 step.
 */
import type { Box } from './viewFit';
import type { Vec3 } from './vec3';

export function niceStep(range: number, targetTicks = 6): number {
  // A non-finite range (an empty or overflowing box) gets the step of a 1 km one.
  const raw = (Number.isFinite(range) ? Math.max(range, 1e-6) : 1000) / targetTicks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

export interface AxisTick {
  axis: 'E' | 'N' | 'Z';
  /** local position of the tick on the box edge */
  at: Vec3;
  /** true coordinate value, metres */
  value: number;
}

export interface AxisBox {
  min: Vec3;
  max: Vec3;
  ticks: AxisTick[];
  step: number;
}

/** Box snapped outward to the tick step, with ticks on the south-west bottom edges and the SW vertical edge. */
export function axisBox(b: Box, origin: Vec3): AxisBox {
  const step = niceStep(Math.max(b.max[0] - b.min[0], b.max[1] - b.min[1]));
  const zStep = niceStep(b.max[2] - b.min[2], 5);
  const lo = (v: number, o: number, s: number) => Math.floor((v + o) / s) * s - o;
  const hi = (v: number, o: number, s: number) => Math.ceil((v + o) / s) * s - o;
  const min: Vec3 = [lo(b.min[0], origin[0], step), lo(b.min[1], origin[1], step), lo(b.min[2], origin[2], zStep)];
  const max: Vec3 = [hi(b.max[0], origin[0], step), hi(b.max[1], origin[1], step), hi(b.max[2], origin[2], zStep)];
  const ticks: AxisTick[] = [];
  // Counted, not stepped: at a coordinate far larger than the step, x + step === x (a float64 ulp
  // beyond the step) and a stepping loop would never end. The count is capped whatever the box.
  const count = (a: number, s: number) => Math.min(MAX_TICKS_PER_AXIS, Math.max(0, Math.round((max[a] - min[a]) / s) + 1));
  for (let i = 0, n = count(0, step); i < n; i++) ticks.push({ axis: 'E', at: [min[0] + i * step, min[1], min[2]], value: min[0] + i * step + origin[0] });
  for (let i = 0, n = count(1, step); i < n; i++) ticks.push({ axis: 'N', at: [min[0], min[1] + i * step, min[2]], value: min[1] + i * step + origin[1] });
  for (let i = 0, n = count(2, zStep); i < n; i++) ticks.push({ axis: 'Z', at: [min[0], min[1], min[2] + i * zStep], value: min[2] + i * zStep + origin[2] });
  return { min, max, ticks, step };
}

/** Most ticks on one axis: niceStep gives about 6 to 16; the cap only bounds a box no data should give. */
export const MAX_TICKS_PER_AXIS = 50;

/** The outer end of a tick mark (local m): ticks stick out of the box by 12 % of the step, away from it. */
export function tickEnd(t: AxisTick, step: number): Vec3 {
  const [x, y, z] = t.at;
  const len = step * 0.12;
  if (t.axis === 'E') return [x, y - len, z];
  if (t.axis === 'N') return [x - len, y, z];
  return [x - len * 0.7, y - len * 0.7, z];
}

/** "612 400" with thin-space thousands, as survey plans print coordinates. */
export function formatCoord(v: number): string {
  const r = Math.round(v);
  const s = Math.abs(r).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  return r < 0 ? `−${s}` : s;
}
