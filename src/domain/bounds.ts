/** Bounds of prepared (local, float32) geometry in metres. */
import type { Prepared } from './prepare';
import type { Box } from './viewFit';

/**
 * Box around prepared geometry. With a filter, only the surfaces it accepts; without one, every
 * surface `include` accepts (by default all) plus collars, traces and workings.
 */
export function localBox(p: Prepared, filter?: (surfaceIndex: number) => boolean, include?: (surfaceIndex: number) => boolean): Box {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  p.surfaces.forEach((s, i) => {
    if (filter && !filter(i)) return;
    if (!filter && include && !include(i)) return;
    for (let k = 0; k < s.positions.length; k += 3) {
      for (let a = 0; a < 3; a++) {
        min[a] = Math.min(min[a], s.positions[k + a]);
        max[a] = Math.max(max[a], s.positions[k + a]);
      }
    }
  });
  if (!filter) {
    for (let k = 0; k < p.collars.length; k += 3) for (let a = 0; a < 3; a++) { min[a] = Math.min(min[a], p.collars[k + a]); max[a] = Math.max(max[a], p.collars[k + a]); }
    for (const b of [p.traces, p.workings]) for (let k = 0; k < b.end.length; k += 3) for (let a = 0; a < 3; a++) { min[a] = Math.min(min[a], b.end[k + a]); max[a] = Math.max(max[a], b.end[k + a]); }
  }
  if (!Number.isFinite(min[0])) return { min: [-100, -100, -100], max: [100, 100, 100] };
  return { min, max };
}


/** The box views fit and axes frame: the geology and holes, not the (often far larger) fault surfaces. */
export function dataBox(model: { surfaces: { faultId?: string }[] }, p: Prepared): Box {
  return localBox(p, undefined, (i) => !model.surfaces[i].faultId);
}
