/**
 * Data QA: the checks run on the loaded data (domain/qa), computed in slices off the interaction
 * path once per dataset, desurvey and thresholds, and the thresholds themselves. The problems found
 * at load are the load report's (state/qaProblems.ts merges both for the panel).
 */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { Prepared } from '../../domain/prepare';
import { runSliced, type SlicedRun } from '../../domain/sliced';
import { qaCheapEnough, qaChecks } from '../../domain/qa/checks';
import { DEFAULT_QA_OPTIONS, type Problem, type QaOptions } from '../../domain/qa/types';

export interface QaSlice {
  qaOptions: QaOptions;
  /** problems the checks found, for `qaFor`; null until they have run on this dataset */
  qaChecked: Problem[] | null;
  qaPending: boolean;
  qaFor: { prepared: Prepared; options: QaOptions } | null;
  /** the dataset is large: the checks wait until asked (the panel's Run checks, veinscape.qa()) */
  qaDeferred: boolean;
  setQaOptions: (patch: Partial<QaOptions>) => void;
  /**
   * Run the checks unless they have run on this dataset with these thresholds; resolves with them.
   * Unless `force`, a large dataset's checks wait (qaDeferred) and this resolves to [].
   */
  ensureQa: (force?: boolean) => Promise<Problem[]>;
}

export const createQaSlice: StateCreator<VeinscapeState, [], [], QaSlice> = (set, get) => {
  let current: { prepared: Prepared; options: QaOptions; run: SlicedRun<Problem[]> } | null = null;
  return {
    qaOptions: DEFAULT_QA_OPTIONS,
    qaChecked: null,
    qaPending: false,
    qaFor: null,
    qaDeferred: false,
    setQaOptions: (patch) => {
      set((s) => ({ qaOptions: { ...s.qaOptions, ...patch } }));
      void get().ensureQa(true);
    },
    ensureQa: (force = false) => {
      const { model, prepared, qaOptions, qaFor, qaChecked } = get();
      if (!model || !prepared) return Promise.resolve([]);
      if (qaFor && qaFor.prepared === prepared && qaFor.options === qaOptions && qaChecked) return Promise.resolve(qaChecked);
      if (current && current.prepared === prepared && current.options === qaOptions) return current.run.promise;
      current?.run.cancel();
      if (!force && !qaCheapEnough(prepared.paths)) {
        current = null;
        set({ qaPending: false, qaChecked: null, qaFor: null, qaDeferred: true });
        return Promise.resolve([]);
      }
      // In the background: the first picture's warm-up comes first (domain/sliced.ts).
      const run = runSliced(qaChecks(model, prepared.paths, qaOptions), 8, undefined, true);
      current = { prepared, options: qaOptions, run };
      set({ qaPending: true, qaChecked: null, qaFor: null, qaDeferred: false });
      void run.promise.then((problems) => {
        if (current?.run !== run) return;
        current = null;
        set({ qaChecked: problems, qaPending: false, qaFor: { prepared, options: qaOptions } });
      });
      return run.promise;
    },
  };
};
