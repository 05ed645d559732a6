/** View settings and camera requests (the scene performs them; the store only asks). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export type ViewPreset = 'plan' | 'long' | 'iso' | 'zone';

export interface ViewSlice {
  theme: 'light' | 'dark';
  /** a camera move the scene should perform; seq changes on every request */
  viewRequest: { preset: ViewPreset; zoneId?: string; seq: number } | null;
  setTheme: (t: 'light' | 'dark') => void;
  requestView: (preset: ViewPreset, zoneId?: string) => void;
}

export const createViewSlice: StateCreator<VeinscapeState, [], [], ViewSlice> = (set, get) => ({
  theme: 'light',
  viewRequest: null,
  setTheme: (theme) => set({ theme }),
  requestView: (preset, zoneId) => set({ viewRequest: { preset, zoneId, seq: (get().viewRequest?.seq ?? 0) + 1 } }),
});
