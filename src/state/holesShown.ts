/**
 * The holes the hole filters keep (status, type, programme, year, hole search; not the elevation
 * or depth windows, which cut pieces of holes): 1 per hole. The same array is returned while those
 * filters are the same (viewCounts.ts holesPassingFor), so callers can key caches on it. Used by the overlay's labels and by the
 * g/t·m interpolation (3D grade on the vein and the long section), so a filtered hole leaves all of them.
 */
import { holeAttrsFor, holesPassingFor } from '../domain/viewCounts';
import type { InterceptRows } from '../domain/interceptRows';
import { filterStateFrom } from './filterState';
import type { VeinscapeState } from './store';

const NONE = new Uint8Array(0);

export function holesShown(s: Pick<VeinscapeState, 'model' | 'prepared' | 'filters'>): Uint8Array {
  if (!s.model || !s.prepared) return NONE;
  return holesPassingFor(holeAttrsFor(s.model.holes, s.prepared.programs), filterStateFrom(s));
}

/** Intercepts of the holes `shown` keeps (all when every hole is kept: the same rows back). */
export function interceptsOfShown(intercepts: InterceptRows, shown: Uint8Array): InterceptRows {
  if (shown.length !== intercepts.holes.length || shown.every((v) => v === 1)) return intercepts;
  return intercepts.select((i) => shown[intercepts.holeIndex(i)] === 1);
}
