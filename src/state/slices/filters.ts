/** Filters, applied in the renderer through uniforms: changing one never rebuilds geometry. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export interface Filters {
  /** g/t; intervals below it are dimmed or hidden */
  gradeCutoff: number;
  belowCutoff: 'dim' | 'hide';
  /** elevation window in metres above sea level; null = no limit */
  elevationMin: number | null;
  elevationMax: number | null;
  status: { drilled: boolean; planned: boolean };
  type: { surface: boolean; underground: boolean };
  /** program name → shown; programs missing from the map are shown */
  programs: Record<string, boolean>;
  /** drilling year window (holes without a year always show) */
  yearMin: number | null;
  yearMax: number | null;
  /** depth window along the hole, m */
  depthMin: number | null;
  depthMax: number | null;
  /** hole ids to show (substring, several separated by commas); empty = all */
  holeSearch: string;
  /** resource outlines shown per category */
  categories: { measured: boolean; indicated: boolean; inferred: boolean };
  /**
   * only these holes (ids) are shown, on top of the hole search (e.g. the data-QA panel's holes
   * with problems); null = all holes
   */
  onlyHoles: string[] | null;
  /**
   * "as disclosed on" this date (YYYY-MM-DD): only holes whose news release is dated on or before
   * it are shown (domain/disclosure.ts); null = every hole
   */
  disclosedOn: string | null;
}

export const DEFAULT_FILTERS: Filters = {
  gradeCutoff: 0,
  belowCutoff: 'dim',
  elevationMin: null,
  elevationMax: null,
  status: { drilled: true, planned: true },
  type: { surface: true, underground: true },
  programs: {},
  yearMin: null,
  yearMax: null,
  depthMin: null,
  depthMax: null,
  holeSearch: '',
  categories: { measured: true, indicated: true, inferred: true },
  onlyHoles: null,
  disclosedOn: null,
};

export interface FiltersSlice {
  filters: Filters;
  /**
   * The disclosure date the user, the address (?disclosed) or the roadshow build set (YYYY-MM-DD):
   * the latest a view, a tour step or the timeline may show. `filters.disclosedOn` is the date in
   * force, never later than this; a tour step may set an earlier one and the next a later one up to it.
   */
  disclosureLimit: string | null;
  setFilters: (patch: Partial<Filters>) => void;
  /** Sets the disclosure date and its limit (the Filters panel's date, ?disclosed, the roadshow's). */
  setDisclosureLimit: (date: string | null) => void;
  resetFilters: () => void;
}

export const createFiltersSlice: StateCreator<VeinscapeState, [], [], FiltersSlice> = (set) => ({
  filters: DEFAULT_FILTERS,
  disclosureLimit: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setDisclosureLimit: (date) => set((s) => ({ disclosureLimit: date, filters: { ...s.filters, disclosedOn: date } })),
  // The disclosure date is not a view filter: resetting the filters keeps it (only its own field changes it).
  resetFilters: () => set((s) => ({ filters: { ...DEFAULT_FILTERS, disclosedOn: s.filters.disclosedOn } })),
});
