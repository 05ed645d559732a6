/**
 * The one store, in slices (zustand slices pattern). Components select narrowly; the scene reads
 * fast-changing values with getState() / subscribe outside React.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Model } from '../data/model';
import type { Prepared } from '../domain/prepare';
import { length } from '../domain/vec3';
import { dataBox } from '../domain/bounds';
import { createDatasetSlice, type DatasetSlice } from './slices/dataset';
import { createLayersSlice, DEFAULT_LAYERS, type LayersSlice } from './slices/layers';
import { createFiltersSlice, DEFAULT_FILTERS, type FiltersSlice } from './slices/filters';
import { createFaultsSlice, type FaultsSlice } from './slices/faults';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createViewSlice, type ViewSlice } from './slices/view';
import { createMeasureSlice, type MeasureSlice } from './slices/measure';
import { createDisplaySlice, type DisplaySlice } from './slices/display';
import { createInterceptsSlice, type InterceptsSlice } from './slices/intercepts';
import { NO_INTERCEPTS } from '../domain/interceptRows';
import { createViewsSlice, type ViewsSlice } from './slices/views';
import { createSectionSlice, type SectionSlice } from './slices/section';
import { createHoverSlice, type HoverSlice } from './slices/hover';
import { createQaSlice, type QaSlice } from './slices/qa';
import { createVerifySlice, type VerifySlice } from './slices/verify';
import { DEFAULT_QA_OPTIONS } from '../domain/qa/types';

export type VeinscapeState = DatasetSlice &
  LayersSlice &
  FiltersSlice &
  FaultsSlice &
  SelectionSlice &
  ViewSlice &
  MeasureSlice &
  DisplaySlice &
  InterceptsSlice &
  ViewsSlice &
  SectionSlice &
  HoverSlice &
  QaSlice &
  VerifySlice & {
    /** reset per-dataset state (zones, programs, fault offsets) after a new dataset loads */
    resetForDataset: (model: Model, prepared: Prepared) => void;
  };

/** Plan centre [e, n] of the geology and holes (not the fault surfaces), true world m. */
function dataCentre(model: Model, p: Prepared): [number, number] {
  const b = dataBox(model, p);
  return [(b.min[0] + b.max[0]) / 2 + p.origin[0], (b.min[1] + b.max[1]) / 2 + p.origin[1]];
}

/** What a view shows of a dataset when nothing says otherwise: what the dataset opens with. */
export type ViewDefaults = Pick<VeinscapeState, 'zoneVisible' | 'layerVisible' | 'filters' | 'faultOffsets' | 'holesFollowFaults' | 'colorBy' | 'veinColour' | 'gradeWidth' | 'longSection'>;

/**
 * The state a dataset opens with (layers, zones, filters, fault offsets as mapped, colouring): the
 * base a saved view, a tour step or a presentation step is applied over, so a step shows the same
 * whatever was on screen before it.
 */
export function datasetDefaults(model: Model, prepared: Prepared): ViewDefaults {
  return {
    zoneVisible: Object.fromEntries(model.zones.map((z) => [z.id, true])),
    layerVisible: { ...DEFAULT_LAYERS },
    filters: { ...DEFAULT_FILTERS, programs: Object.fromEntries(prepared.programs.map((p) => [p, true])) },
    faultOffsets: Object.fromEntries(prepared.faultModels.map((f) => [f.id, Math.round(length(f.slip) * 100) / 100])),
    holesFollowFaults: true,
    colorBy: null,
    veinColour: 'zone',
    gradeWidth: false,
    longSection: null,
  };
}

export function createVeinscapeStore() {
  return createStore<VeinscapeState>()((...a) => {
    const [set] = a;
    return {
      ...createDatasetSlice(...a),
      ...createLayersSlice(...a),
      ...createFiltersSlice(...a),
      ...createFaultsSlice(...a),
      ...createSelectionSlice(...a),
      ...createViewSlice(...a),
      ...createMeasureSlice(...a),
      ...createDisplaySlice(...a),
      ...createInterceptsSlice(...a),
      ...createViewsSlice(...a),
      ...createSectionSlice(...a),
      ...createHoverSlice(...a),
      ...createQaSlice(...a),
      ...createVerifySlice(...a),
      resetForDataset: (model, prepared) => {
        const d = datasetDefaults(model, prepared);
        set({
          ...d,
          // The disclosure limit (the user's, ?disclosed, the roadshow's) holds for the next dataset too.
          filters: { ...d.filters, disclosedOn: a[1]().disclosureLimit },
          mappedOffsets: { ...d.faultOffsets },
          measure: { active: false, points: [], faultId: null },
          intercepts: NO_INTERCEPTS,
          qaOptions: { ...DEFAULT_QA_OPTIONS, collarTolerance: model.project.collarTolerance ?? DEFAULT_QA_OPTIONS.collarTolerance },
          tour: null,
          section: { mode: 'off', azimuth: 337, centre: dataCentre(model, prepared), width: 50, box: null, placing: false, picks: [] },
        });
      },
    };
  });
}

export type VeinscapeStore = ReturnType<typeof createVeinscapeStore>;

/** The application's store. */
export const store = createVeinscapeStore();

/** React hook over the application store with a selector. */
export function useVeinscape<T>(selector: (s: VeinscapeState) => T): T {
  return useStore(store, selector);
}
