/** Vertical section (a slab between two vertical planes) and clip box, in true world coordinates (m). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export interface SectionState {
  mode: 'off' | 'slab' | 'box';
  /** azimuth of the section line, degrees clockwise from grid north */
  azimuth: number;
  /** a point on the section line [easting, northing], m */
  centre: [number, number];
  /** slab width across the section, m */
  width: number;
  /** clip box, true world [e, n, z] */
  box: { min: [number, number, number]; max: [number, number, number] } | null;
  /** placing the section with two clicks on the view */
  placing: boolean;
  picks: [number, number][];
}

/** Faults, host rock and topography clipped to the model box (the axes box), grown by `margin` m. */
export interface ModelClip {
  on: boolean;
  /** metres added on every side of the model box */
  margin: number;
}

export interface SectionSlice {
  section: SectionState;
  setSection: (patch: Partial<SectionState>) => void;
  modelClip: ModelClip;
  setModelClip: (patch: Partial<ModelClip>) => void;
}

export const createSectionSlice: StateCreator<VeinscapeState, [], [], SectionSlice> = (set) => ({
  section: { mode: 'off', azimuth: 337, centre: [0, 0], width: 50, box: null, placing: false, picks: [] },
  setSection: (patch) => set((s) => ({ section: { ...s.section, ...patch } })),
  modelClip: { on: true, margin: 0 },
  setModelClip: (patch) => set((s) => ({ modelClip: { ...s.modelClip, ...patch, margin: Math.max(0, Math.min(1e5, patch.margin ?? s.modelClip.margin)) } })),
});
