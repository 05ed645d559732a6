/**
 * How intervals are coloured (any numeric or categorical column, with editable bins) and labelled,
 * and how the veins are coloured: by zone, or by interpolated grade × thickness ("grade on the
 * vein", domain/gradeThickness.ts), computed in short slices when first shown.
 */
import { holesShown } from '../holesShown';
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { GradeBins } from '../../domain/gradeBins';
import type { Prepared } from '../../domain/prepare';
import { veinGradeSteps, type VeinGrade } from '../../domain/gradeThickness';
import type { WidthKind } from '../../domain/intercepts';
import { runSliced, type SlicedRun } from '../../domain/sliced';
import { veinGridsReady } from '../../domain/veinOrientation';

export type VeinColour = 'zone' | 'gradeThickness';

export interface DisplaySlice {
  /** column of the grade table that colours the intervals; null = the grade column (Au) */
  colorBy: string | null;
  /** numeric column name → class bounds and colours */
  bins: Record<string, GradeBins>;
  /** show "6.07 g/t Au over 0.82 m (HW)" labels at intercepts */
  interceptLabels: boolean;
  /** vein surfaces in their zone colour, or by interpolated g/t·m in the long section's classes */
  veinColour: VeinColour;
  /** g/t·m at the vein surfaces' vertices and what it was computed from (null: not yet) */
  veinGrade: (VeinGrade & { prepared: Prepared; topCut: number | null; basis?: WidthKind; shown: Uint8Array }) | null;
  /** veinGrade is being computed for the current dataset and top-cut */
  veinGradePending: boolean;
  /** emphasised intervals wider class by class above the highlight grade (width by grade class) */
  gradeWidth: boolean;
  setGradeWidth: (on: boolean) => void;
  setColorBy: (column: string | null) => void;
  setBins: (column: string, bins: GradeBins) => void;
  setInterceptLabels: (on: boolean) => void;
  setVeinColour: (mode: VeinColour) => void;
  /** compute veinGrade unless it is that of the current dataset and top-cut already (or on its way) */
  ensureVeinGrade: () => void;
}

export const createDisplaySlice: StateCreator<VeinscapeState, [], [], DisplaySlice> = (set, get) => {
  let current: { prepared: Prepared; topCut: number | null; basis?: WidthKind; shown: Uint8Array; run: SlicedRun<VeinGrade> } | null = null;
  return {
    colorBy: null,
    bins: {},
    interceptLabels: false,
    veinColour: 'zone',
    veinGrade: null,
    veinGradePending: false,
    gradeWidth: false,
    setGradeWidth: (gradeWidth) => set({ gradeWidth }),
    setColorBy: (colorBy) => set({ colorBy }),
    setBins: (column, bins) => set((s) => ({ bins: { ...s.bins, [column]: bins } })),
    setInterceptLabels: (interceptLabels) => set({ interceptLabels }),
    setVeinColour: (veinColour) => {
      set({ veinColour });
      if (veinColour === 'gradeThickness') get().ensureVeinGrade();
    },
    ensureVeinGrade: () => {
      const { model, prepared, veinGrade } = get();
      // The same top-cut as the long section's pierce points (the intercept calculator's).
      const topCut = get().interceptQuery.topCut ?? null;
      // ... and the same width of g/t·m (the intercepts' width basis).
      const basis = get().interceptQuery.widthBasis;
      if (!model || !prepared) return;
      // The holes the hole filters keep (the same array while those filters are the same).
      const shown = holesShown(get());
      if (veinGrade && veinGrade.prepared === prepared && veinGrade.topCut === topCut && veinGrade.basis === basis && veinGrade.shown === shown) return;
      if (current && current.prepared === prepared && current.topCut === topCut && current.basis === basis && current.shown === shown) return;
      current?.run.cancel();
      const keep = new Set(model.holes.filter((_, i) => shown[i]).map((h) => h.id));
      // The vein search grids (horizontal widths) may still be on their way from the loading worker.
      const run = runSliced(veinGradeSteps(model, prepared.paths, prepared.origin, prepared.surfaces, topCut, (id) => keep.has(id), basis), 8, veinGridsReady(model));
      const mine = { prepared, topCut, basis, shown, run };
      current = mine;
      set({ veinGradePending: true });
      run.promise.then(
        (grade) => {
          if (current !== mine) return;
          current = null;
          set({ veinGradePending: false, ...(get().prepared === prepared ? { veinGrade: { ...grade, prepared, topCut, basis, shown } } : {}) });
        },
        () => {
          if (current !== mine) return;
          current = null;
          set({ veinGradePending: false });
        },
      );
    },
  };
};
