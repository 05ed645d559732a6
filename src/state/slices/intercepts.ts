/** Significant-intercept calculator settings and its last result. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { Intercept } from '../../domain/intercepts';
import { queryIntercepts, type InterceptQuery } from '../../domain/interceptQuery';

export const DEFAULT_INTERCEPT_QUERY: InterceptQuery = { cutoff: 1, minLength: 0.5, maxDilution: 2, topCut: 45, includeCutoff: 10, system: null };

export interface InterceptsSlice {
  interceptQuery: InterceptQuery;
  intercepts: Intercept[];
  setInterceptQuery: (patch: Partial<InterceptQuery>) => void;
  /** recompute with the current settings (about 50 ms on the sample) */
  runIntercepts: () => Intercept[];
}

export const createInterceptsSlice: StateCreator<VeinscapeState, [], [], InterceptsSlice> = (set, get) => ({
  interceptQuery: DEFAULT_INTERCEPT_QUERY,
  intercepts: [],
  setInterceptQuery: (patch) => {
    set((s) => ({ interceptQuery: { ...s.interceptQuery, ...patch } }));
    get().runIntercepts();
  },
  runIntercepts: () => {
    const { model, prepared, interceptQuery } = get();
    const rows = model && prepared ? queryIntercepts(model, prepared.paths, interceptQuery) : [];
    set({ intercepts: rows });
    return rows;
  },
});
