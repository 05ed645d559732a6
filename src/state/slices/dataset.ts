/** Dataset slice: the loaded model (immutable once loaded), its prepared buffers and the last load report. */
import type { StateCreator } from 'zustand';
import type { LoadReport, Model } from '../../data/model';
import type { Prepared } from '../../domain/prepare';
import type { CsvImportInfo, LoadPhase } from '../../data/worker-protocol';
import type { DesurveyMethod } from '../../domain/desurvey';
import type { VeinscapeState } from '../store';

export interface DatasetSlice {
  model: Model | null;
  prepared: Prepared | null;
  /** increments at each successful load; the scene reports which version it has drawn */
  version: number;
  renderedVersion: number;
  /** report of the most recent load attempt (successful or not) */
  report: LoadReport | null;
  /** report of the load that made the dataset on screen (kept when the card is dismissed or a later load fails): the data-QA panel's */
  datasetReport: LoadReport | null;
  loading: { source: string; phase: LoadPhase; fraction: number } | null;
  /** desurvey method of the drawn holes */
  desurveyMethod: DesurveyMethod;
  /** what the last CSV import detected (mapping, dip sign, units), for the import panel; null for JSON */
  csvImport: CsvImportInfo | null;
  setDataset: (model: Model, prepared: Prepared, report: LoadReport, csv?: CsvImportInfo | null) => void;
  /** new buffers for the same model (another desurvey method) */
  setPrepared: (prepared: Prepared, method: DesurveyMethod) => void;
  setLoadFailed: (report: LoadReport) => void;
  setLoading: (loading: DatasetSlice['loading']) => void;
  markRendered: (version: number) => void;
  dismissReport: () => void;
}

export const createDatasetSlice: StateCreator<VeinscapeState, [], [], DatasetSlice> = (set, get) => ({
  model: null,
  prepared: null,
  version: 0,
  renderedVersion: 0,
  report: null,
  datasetReport: null,
  loading: null,
  desurveyMethod: 'minimum-curvature',
  csvImport: null,
  setDataset: (model, prepared, report, csv = null) => {
    set({ model: Object.freeze(model), prepared, report, datasetReport: report, loading: null, version: get().version + 1, selection: null, csvImport: csv, desurveyMethod: prepared.method });
    get().resetForDataset(model, prepared);
  },
  // Same model and per-dataset state (filters, offsets, selection); only the drawn paths change.
  setPrepared: (prepared, method) => set({ prepared, desurveyMethod: method, loading: null, version: get().version + 1 }),
  // A failed load leaves the dataset on screen untouched.
  setLoadFailed: (report) => set({ report, loading: null }),
  setLoading: (loading) => set({ loading }),
  markRendered: (version) => {
    if (get().renderedVersion !== version) set({ renderedVersion: version });
  },
  dismissReport: () => set({ report: null }),
});
