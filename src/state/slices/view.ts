/** View settings and camera requests (the scene performs them; the store only asks). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export type ViewPreset = 'plan' | 'long' | 'iso' | 'zone';

export interface ViewSlice {
  theme: 'light' | 'dark';
  /** plan and long views are orthographic (true scale); the isometric view is in perspective */
  projection: 'perspective' | 'orthographic';
  setProjection: (p: 'perspective' | 'orthographic') => void;
  /** a camera move the scene should perform; seq changes on every request */
  viewRequest: { preset: ViewPreset; zoneId?: string; seq: number } | null;
  setTheme: (t: 'light' | 'dark') => void;
  requestView: (preset: ViewPreset, zoneId?: string) => void;
}

export const createViewSlice: StateCreator<VeinscapeState, [], [], ViewSlice> = (set, get) => ({
  theme: 'light',
  projection: 'perspective',
  setProjection: (projection) => set({ projection }),
  viewRequest: null,
  setTheme: (theme) => set({ theme }),
  requestView: (preset, zoneId) =>
    set({
      viewRequest: { preset, zoneId, seq: (get().viewRequest?.seq ?? 0) + 1 },
      projection: preset === 'plan' || preset === 'long' ? 'orthographic' : preset === 'iso' ? 'perspective' : get().projection,
    }),
});
