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
import { holeMaskTexture, MAX_BINS, zoneMaskTexture } from './materials/sharedUniforms';
import { holeMaskOf, zoneMaskOf } from '../state/filterState';
import { highlightGrade } from '../state/highlight';
import { PALETTES } from '../ui/theme';

let lastMask: Uint8Array | null = null;
let lastZones: Uint8Array | null = null;

function apply(s: VeinscapeState) {
  const p = s.prepared;
  const f = s.filters;
  const oz = p ? p.origin[2] : 0;
  shared.uCutoff.value = f.gradeCutoff;
  // Only the grade column is emphasised: a colouring by another column keeps the grade's threshold.
  shared.uHighlight.value = highlightGrade(s);
  shared.uGradeWidth.value = s.gradeWidth ? 1 : 0;
  shared.uHaloColor.value.set(PALETTES[s.theme].haloLine);
  shared.uBelowMode.value = f.belowCutoff === 'hide' ? 1 : 0;
  shared.uElevMin.value = f.elevationMin === null ? -1e9 : f.elevationMin - oz;
  shared.uElevMax.value = f.elevationMax === null ? 1e9 : f.elevationMax - oz;
  shared.uStatusTypeMask.value = statusTypeMask(f.status, f.type);
  shared.uProgramMask.value = programMask(p?.programs ?? [], f.programs);
  shared.uSelectedHole.value = s.selection ? s.selection.hole : -1;
  shared.uYearMin.value = f.yearMin ?? -1e9;
  shared.uYearMax.value = f.yearMax ?? 1e9;
  shared.uDepthMin.value = f.depthMin ?? -1e9;
  shared.uDepthMax.value = f.depthMax ?? 1e9;
  shared.uCategoryMask.value = (f.categories.measured ? 1 : 0) | (f.categories.indicated ? 2 : 0) | (f.categories.inferred ? 4 : 0);
  const mask = holeMaskOf(s);
  if (mask !== lastMask) {
    // A small texture upload (one byte per hole), not geometry.
    lastMask = mask;
    shared.uHoleMask.value.dispose();
    shared.uHoleMask.value = mask ? holeMaskTexture(Uint8Array.from(mask, (v) => v * 255), mask.length) : holeMaskTexture(new Uint8Array([255]), 1);
    shared.uHoleMaskOn.value = mask ? 1 : 0;
  }
  const zones = zoneMaskOf(s);
  if (zones !== lastZones) {
    // 256 bytes, not geometry: which zone codes are shown.
    lastZones = zones;
    shared.uZoneMask.value.dispose();
    shared.uZoneMask.value = zoneMaskTexture(zones);
    shared.uZoneMaskOn.value = zones ? 1 : 0;
  }
  shared.uHolesFollow.value = s.holesFollowFaults ? 1 : 0;
  shared.uIntervalsOn.value = s.layerVisible.intervals ? 1 : 0;
  shared.uTracesOn.value = s.layerVisible.traces ? 1 : 0;
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
      // Intercepts and their labels are painted by the 2D overlay alone (OverlayPainter): no 3D
      // frame for them, which would cost seconds in software WebGL on a large deposit.
      if (s.filters === prev.filters && s.colorBy === prev.colorBy && s.bins === prev.bins && s.holesFollowFaults === prev.holesFollowFaults && s.faultOffsets === prev.faultOffsets && s.selection === prev.selection && s.prepared === prev.prepared && s.zoneVisible === prev.zoneVisible && s.layerVisible === prev.layerVisible && s.theme === prev.theme && s.interceptQuery === prev.interceptQuery && s.gradeWidth === prev.gradeWidth) return;
      apply(s);
      invalidate();
    });
  }, [invalidate]);
  return null;
}
