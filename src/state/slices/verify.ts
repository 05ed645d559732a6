/**
 * The outcome of checking a picture or a view link against the loaded data (src/api/verify.ts),
 * shown as a notice until dismissed: a picture dropped on the app, or a link made from other data.
 */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';

export interface VerifyNotice {
  /** match: data and view as on screen; restored: same data, its view put back; otherData: made from other data; noFingerprint: not a Veinscape export; linkOtherData: a view link made from other data */
  kind: 'match' | 'restored' | 'otherData' | 'noFingerprint' | 'linkOtherData';
  /** the picture's short code, or the link's data code */
  code?: string;
  /** the loaded dataset's data code */
  loaded?: string;
}

export interface VerifySlice {
  verifyNotice: VerifyNotice | null;
  setVerifyNotice: (notice: VerifyNotice | null) => void;
}

export const createVerifySlice: StateCreator<VeinscapeState, [], [], VerifySlice> = (set) => ({
  verifyNotice: null,
  setVerifyNotice: (verifyNotice) => set({ verifyNotice }),
});
