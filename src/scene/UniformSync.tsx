/**
 * Copies filters, fault offsets, selection and grade bins from the store into the shared
 * uniforms and asks for one frame. Runs outside React renders (store.subscribe), so dragging a
 * slider touches a few numbers, never geometry.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { store, type VeinscapeState } from '../state/store';
import { shared } from './materials/sharedUniforms';
import { faultShifts } from '../state/faultShifts';
import { programMask, statusTypeMask } from '../domain/holeFilter';
import { DEFAULT_GOLD_BINS } from '../domain/gradeBins';
import { currentColouring } from '../state/colouring';
import { MAX_BINS } from './materials/sharedUniforms';

function apply(s: VeinscapeState) {
  const p = s.prepared;
  const f = s.filters;
  const oz = p ? p.origin[2] : 0;
  shared.uCutoff.value = f.gradeCutoff;
  shared.uBelowMode.value = f.belowCutoff === 'hide' ? 1 : 0;
  shared.uElevMin.value = f.elevationMin === null ? -1e9 : f.elevationMin - oz;
  shared.uElevMax.value = f.elevationMax === null ? 1e9 : f.elevationMax - oz;
  shared.uStatusTypeMask.value = statusTypeMask(f.status, f.type);
  shared.uProgramMask.value = programMask(p?.programs ?? [], f.programs);
  shared.uSelectedHole.value = s.selection ? s.selection.hole : -1;
  shared.uHolesFollow.value = s.holesFollowFaults ? 1 : 0;
  const shifts = faultShifts(s);
  shared.uFaultShift.value.forEach((v, i) => (shifts[i] ? v.set(...shifts[i]) : v.set(0, 0, 0)));
  const bins = currentColouring(s)?.bins ?? DEFAULT_GOLD_BINS;
  const n = Math.min(bins.bounds.length, MAX_BINS);
  shared.uBinCount.value = n;
  for (let i = 0; i < MAX_BINS; i++) shared.uBins.value[i] = i < n ? bins.bounds[i] : 1e9;
  for (let i = 0; i <= n; i++) shared.uBinColors.value[i].set(bins.colors[Math.min(i, bins.colors.length - 1)]);
}

export function UniformSync() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    apply(store.getState());
    invalidate();
    return store.subscribe((s, prev) => {
      if (s.filters === prev.filters && s.interceptLabels === prev.interceptLabels && s.intercepts === prev.intercepts && s.colorBy === prev.colorBy && s.bins === prev.bins && s.holesFollowFaults === prev.holesFollowFaults && s.faultOffsets === prev.faultOffsets && s.selection === prev.selection && s.prepared === prev.prepared && s.zoneVisible === prev.zoneVisible && s.layerVisible === prev.layerVisible && s.theme === prev.theme) return;
      apply(s);
      invalidate();
    });
  }, [invalidate]);
  return null;
}
