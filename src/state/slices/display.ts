/** How intervals are coloured (any numeric or categorical column, with editable bins) and labelled. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { GradeBins } from '../../domain/gradeBins';

export interface DisplaySlice {
  /** column of the grade table that colours the intervals; null = the grade column (Au) */
  colorBy: string | null;
  /** numeric column name → class bounds and colours */
  bins: Record<string, GradeBins>;
  /** show "6.07 g/t Au over 0.82 m (HW)" labels at intercepts */
  interceptLabels: boolean;
  setColorBy: (column: string | null) => void;
  setBins: (column: string, bins: GradeBins) => void;
  setInterceptLabels: (on: boolean) => void;
}

export const createDisplaySlice: StateCreator<VeinscapeState, [], [], DisplaySlice> = (set) => ({
  colorBy: null,
  bins: {},
  interceptLabels: false,
  setColorBy: (colorBy) => set({ colorBy }),
  setBins: (column, bins) => set((s) => ({ bins: { ...s.bins, [column]: bins } })),
  setInterceptLabels: (interceptLabels) => set({ interceptLabels }),
});
