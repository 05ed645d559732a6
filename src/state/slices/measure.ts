/** Measuring: up to two picked points (true world coordinates as drawn, m) and the fault to resolve against. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { Vec3 } from '../../domain/vec3';

export interface MeasureState {
  active: boolean;
  points: Vec3[];
  /** fault whose strike / dip the separation is resolved on; null = nearest */
  faultId: string | null;
}

export interface MeasureSlice {
  measure: MeasureState;
  /** true world point under the cursor (on a surface), m; null when none */
  cursor: [number, number, number] | null;
  setCursor: (p: [number, number, number] | null) => void;
  setMeasureActive: (active: boolean) => void;
  addMeasurePoint: (p: Vec3) => void;
  setMeasureFault: (faultId: string | null) => void;
  clearMeasure: () => void;
}

export const createMeasureSlice: StateCreator<VeinscapeState, [], [], MeasureSlice> = (set) => ({
  measure: { active: false, points: [], faultId: null },
  cursor: null,
  setCursor: (cursor) => set({ cursor }),
  setMeasureActive: (active) => set((s) => ({ measure: { ...s.measure, active, points: active ? [] : s.measure.points } })),
  // A third pick starts a new measurement.
  addMeasurePoint: (p) => set((s) => ({ measure: { ...s.measure, points: s.measure.points.length >= 2 ? [p] : [...s.measure.points, p] } })),
  setMeasureFault: (faultId) => set((s) => ({ measure: { ...s.measure, faultId } })),
  clearMeasure: () => set((s) => ({ measure: { ...s.measure, active: false, points: [] } })),
});
