/** Current fault offsets in metres along each fault's slip direction (0 = restored). */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export interface FaultsSlice {
  /** fault id → offset in m; starts at the interpreted slip magnitude */
  faultOffsets: Record<string, number>;
  /** fault id → interpreted (as mapped) offset in m */
  mappedOffsets: Record<string, number>;
  /** drill holes and intervals move with their fault block (true) or stay as mapped (false) */
  holesFollowFaults: boolean;
  setHolesFollowFaults: (follow: boolean) => void;
  setFaultOffset: (faultId: string, metres: number) => void;
  setFaultOffsets: (offsets: Record<string, number>) => void;
  restoreAll: () => void;
  asMapped: () => void;
}

export const createFaultsSlice: StateCreator<VeinscapeState, [], [], FaultsSlice> = (set, get) => ({
  faultOffsets: {},
  mappedOffsets: {},
  holesFollowFaults: true,
  setHolesFollowFaults: (holesFollowFaults) => set({ holesFollowFaults }),
  setFaultOffsets: (offsets) => set((s) => ({ faultOffsets: { ...s.faultOffsets, ...offsets } })),
  setFaultOffset: (faultId, metres) => set((s) => ({ faultOffsets: { ...s.faultOffsets, [faultId]: metres } })),
  restoreAll: () => set({ faultOffsets: Object.fromEntries(Object.keys(get().mappedOffsets).map((k) => [k, 0])) }),
  asMapped: () => set({ faultOffsets: { ...get().mappedOffsets } }),
});
