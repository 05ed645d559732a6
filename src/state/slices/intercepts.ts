/**
 * Significant-intercept calculator settings and its last result. The calculation runs only when
 * asked for (the intercepts panel, intercept labels, the counts in view) and in short slices
 * (domain/sliced.ts), so at a million intervals it never blocks input or frames for long; while it
 * runs `interceptsPending` is true and `intercepts` still holds the previous rows.
 */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { Intercept, InterceptOptions } from '../../domain/intercepts';
import { NO_INTERCEPTS, type InterceptRows } from '../../domain/interceptRows';
import type { Prepared } from '../../domain/prepare';
import { queryInterceptSteps, type InterceptQuery } from '../../domain/interceptQuery';
import { runSliced, started, type SlicedRun } from '../../domain/sliced';
import { veinGridsReady } from '../../domain/veinOrientation';

/** Defaults: gram-metres on horizontal width (the disclosure's), unsampled core at zero grade (the conservative practice). */
export const DEFAULT_INTERCEPT_QUERY: InterceptQuery = { cutoff: 1, minLength: 0.5, maxDilution: 2, topCut: 45, includeCutoff: 10, system: null, widthBasis: 'horizontal', unsampled: 'zero' };

/** What a set of rows was (or is being) computed from. */
interface Inputs {
  prepared: Prepared;
  query: InterceptQuery;
}

export interface InterceptsSlice {
  interceptQuery: InterceptQuery;
  /** as columns, each intercept's object made when read (`at`): domain/interceptRows.ts */
  intercepts: InterceptRows;
  /** a calculation is running; `intercepts` are those of the previous one */
  interceptsPending: boolean;
  /** the dataset and settings `intercepts` were computed from (null: never computed) */
  interceptsFor: Inputs | null;
  /** change the settings and recompute; invalid settings throw (RangeError) and keep the rows */
  setInterceptQuery: (patch: Partial<InterceptQuery>) => void;
  /**
   * Recompute with the current settings, in slices; resolves with the rows once they are in the
   * store. Invalid settings throw here, synchronously. A run with the same inputs is reused.
   */
  runIntercepts: () => Promise<InterceptRows>;
  /** Compute unless the rows are already those of the current dataset and settings (or on their way). */
  ensureIntercepts: () => void;
  /** the intercept whose derivation card is open, with the settings that made it (the table's, or the long section's) */
  derivationOpen: { intercept: Intercept; options: InterceptOptions } | null;
  openDerivation: (open: { intercept: Intercept; options: InterceptOptions } | null) => void;
}

const same = (a: Inputs | null, b: Inputs) => a !== null && a.prepared === b.prepared && a.query === b.query;

export const createInterceptsSlice: StateCreator<VeinscapeState, [], [], InterceptsSlice> = (set, get) => {
  let current: { inputs: Inputs; run: SlicedRun<InterceptRows>; done: Promise<InterceptRows> } | null = null;
  const stop = () => {
    current?.run.cancel();
    current = null;
  };

  return {
    interceptQuery: DEFAULT_INTERCEPT_QUERY,
    intercepts: NO_INTERCEPTS,
    interceptsPending: false,
    interceptsFor: null,
    derivationOpen: null,
    openDerivation: (derivationOpen) => set({ derivationOpen }),
    setInterceptQuery: (patch) => {
      set((s) => ({ interceptQuery: { ...s.interceptQuery, ...patch } }));
      void get().runIntercepts();
    },
    runIntercepts: () => {
      const { model, prepared, interceptQuery } = get();
      if (!model || !prepared) {
        stop();
        set({ intercepts: NO_INTERCEPTS, interceptsPending: false, interceptsFor: null });
        return Promise.resolve(NO_INTERCEPTS);
      }
      const inputs: Inputs = { prepared, query: interceptQuery };
      if (current && same(current.inputs, inputs)) return current.done;
      // Checks the settings: throws before anything changes.
      const steps = started(queryInterceptSteps(model, prepared.paths, interceptQuery));
      stop();
      // The vein search grids may still be on their way from the loading worker: wait for them
      // rather than build them here (seconds of main-thread work at millions of triangles).
      // In the background: the first picture's warm-up comes first (domain/sliced.ts).
      const run = runSliced(steps, 8, veinGridsReady(model), true);
      const mine = { inputs, run, done: Promise.resolve(NO_INTERCEPTS) };
      mine.done = run.promise.then(
        (rows) => {
          if (current !== mine) return rows;
          current = null;
          // A dataset loaded meanwhile: these rows belong to the old one.
          if (get().prepared !== prepared) set({ interceptsPending: false });
          else set({ intercepts: rows, interceptsPending: false, interceptsFor: inputs });
          return rows;
        },
        (e: unknown) => {
          if (current === mine) {
            current = null;
            set({ interceptsPending: false });
          }
          throw e;
        },
      );
      current = mine;
      set({ interceptsPending: true });
      return mine.done;
    },
    ensureIntercepts: () => {
      const { prepared, interceptQuery, interceptsFor } = get();
      if (!prepared || same(interceptsFor, { prepared, query: interceptQuery })) return;
      try {
        get().runIntercepts().catch(() => undefined);
      } catch {
        // Invalid settings: the panel shows the error when they are edited; nothing to compute.
      }
    },
  };
};
