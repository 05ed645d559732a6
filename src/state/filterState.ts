/**
 * The store's filters as the CPU filter mirror wants them (local elevations, bit masks, hole mask,
 * zone mask, section planes). One definition for the counts in view, picking and the renderer's
 * hole and zone masks (UniformSync).
 */
import { combineHoleMasks, holeSearchMask, programMask, statusTypeMask, type FilterState } from '../domain/holeFilter';
import { zoneShownMask } from '../domain/zoneCodes';
import { bothMasks, disclosedMask } from '../domain/disclosure';
import { sectionPlanes } from './sectionPlanes';
import type { VeinscapeState } from './store';

let cache: { ids: unknown; search: string; only: unknown; disclosed: string | null; mask: Uint8Array | null } | null = null;

/**
 * 1 per hole kept by the hole search, by the list of holes (`filters.onlyHoles`, e.g. the data-QA
 * panel's holes with problems) and by the disclosure date (`filters.disclosedOn`: holes released
 * later or never are hidden, and with them their intervals, intercepts, labels, picks and their
 * part of the long section's contours and the grade on the vein, which all follow this mask);
 * null when none limits (every hole shown). The same array while they are the same, so callers can
 * key caches on it.
 */
export function holeMaskOf(s: Pick<VeinscapeState, 'model' | 'filters'>): Uint8Array | null {
  const holes = s.model?.holes;
  const { holeSearch, onlyHoles } = s.filters;
  const disclosed = s.filters.disclosedOn ?? null;
  if (cache && cache.ids === holes && cache.search === holeSearch && cache.only === onlyHoles && cache.disclosed === disclosed) return cache.mask;
  const ids = holes ? holes.map((h) => h.id) : null;
  const listed = ids ? combineHoleMasks(ids, holeSearchMask(ids, holeSearch), onlyHoles) : null;
  const mask = holes && disclosed !== null ? bothMasks(listed, disclosedMask(holes, s.model?.releases ?? [], disclosed)) : listed;
  cache = { ids: holes, search: holeSearch, only: onlyHoles, disclosed, mask };
  return mask;
}

let zoneCache: { zones: unknown; visible: unknown; mask: Uint8Array | null } | null = null;

/** Per zone code, 1 shown (domain/zoneCodes.ts); null when no zone is unticked. Kept while zones and ticks are the same. */
export function zoneMaskOf(s: Pick<VeinscapeState, 'model'> & Partial<Pick<VeinscapeState, 'zoneVisible'>>): Uint8Array | null {
  const zones = s.model?.zones;
  const visible = s.zoneVisible;
  if (zoneCache && zoneCache.zones === zones && zoneCache.visible === visible) return zoneCache.mask;
  const mask = zones && visible ? zoneShownMask(zones, visible) : null;
  zoneCache = { zones, visible, mask };
  return mask;
}

/** The section slab or clip box as [nx, ny, nz, c] per plane, local true-scale m (null: none). */
export function countPlanesOf(s: Pick<VeinscapeState, 'prepared'> & Partial<Pick<VeinscapeState, 'section'>>): Float64Array | null {
  if (!s.section || !s.prepared) return null;
  // True scale: the counts test the pieces where they are, not as exaggerated on screen.
  const hs = sectionPlanes({ prepared: s.prepared, section: s.section, verticalExaggeration: 1 });
  if (hs.length === 0) return null;
  return Float64Array.from(hs.flatMap((h) => [...h.normal, h.constant]));
}

export type FilterInputs = Pick<VeinscapeState, 'model' | 'prepared' | 'filters'> & Partial<Pick<VeinscapeState, 'zoneVisible' | 'section'>>;

export function filterStateFrom(s: FilterInputs): FilterState {
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
    zoneShown: zoneMaskOf(s),
    planes: countPlanesOf(s),
  };
}
