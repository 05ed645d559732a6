/** The store's filters as the CPU filter mirror wants them (local elevations, bit masks, hole mask). */
import { holeSearchMask, programMask, statusTypeMask, type FilterState } from '../domain/holeFilter';
import type { VeinscapeState } from './store';

let cache: { ids: unknown; search: string; mask: Uint8Array | null } | null = null;

export function holeMaskOf(s: Pick<VeinscapeState, 'model' | 'filters'>): Uint8Array | null {
  const ids = s.model?.holes;
  if (cache && cache.ids === ids && cache.search === s.filters.holeSearch) return cache.mask;
  const mask = ids ? holeSearchMask(ids.map((h) => h.id), s.filters.holeSearch) : null;
  cache = { ids, search: s.filters.holeSearch, mask };
  return mask;
}

export function filterStateFrom(s: Pick<VeinscapeState, 'model' | 'prepared' | 'filters'>): FilterState {
  const f = s.filters;
  const oz = s.prepared?.origin[2] ?? 0;
  return {
    gradeCutoff: f.gradeCutoff,
    belowCutoff: f.belowCutoff,
    elevMin: f.elevationMin === null ? -1e9 : f.elevationMin - oz,
    elevMax: f.elevationMax === null ? 1e9 : f.elevationMax - oz,
    statusTypeMask: statusTypeMask(f.status, f.type),
    programMask: programMask(s.prepared?.programs ?? [], f.programs),
    yearMin: f.yearMin ?? undefined,
    yearMax: f.yearMax ?? undefined,
    depthMin: f.depthMin ?? undefined,
    depthMax: f.depthMax ?? undefined,
    holeMask: holeMaskOf(s),
  };
}
