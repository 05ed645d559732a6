/** What is under the cursor: a hole, optionally an interval row, at a depth along the hole (m), and where the cursor is. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { Selection } from './selection';

export interface Hover extends Selection {
  /** cursor position in the 3D view, CSS px from its top-left corner */
  x: number;
  y: number;
}

export interface HoverSlice {
  hover: Hover | null;
  setHover: (h: Hover | null) => void;
}

export const createHoverSlice: StateCreator<VeinscapeState, [], [], HoverSlice> = (set) => ({
  hover: null,
  setHover: (hover) => set({ hover }),
});
