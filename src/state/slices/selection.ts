/** What the user picked: a hole, optionally an interval row, with the picked depth along the hole (m). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export interface Selection {
  hole: number;
  /** row in the grade table, when an interval was picked */
  row: number | null;
  /** depth along the hole at the pick, m */
  depth: number;
}

export interface SelectionSlice {
  selection: Selection | null;
  select: (s: Selection | null) => void;
}

export const createSelectionSlice: StateCreator<VeinscapeState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
