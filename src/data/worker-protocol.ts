/** Messages between the page and the loading worker. */
import type { HoleModel, LoadReport, Model } from './model';
import type { Prepared } from '../domain/prepare';
import type { DesurveyMethod } from '../domain/desurvey';
import type { CsvSource, DetectedTable, ImportOptions, ImportResult } from './csv';
import type { PackedPaths, PackedStations } from './pathTransfer';
import type { SentPickIndex } from '../domain/pickIndex';
import type { VeinGrids } from '../domain/veinOrientation';
import type { LayerBounds } from '../domain/bounds';

export type WorkerRequest =
  | { kind: 'bytes'; bytes: ArrayBuffer; source: string; method: DesurveyMethod }
  /** fetched by the worker itself (absolute URL), so a large download never touches the page */
  | { kind: 'url'; url: string; source: string; method: DesurveyMethod }
  /** an opened or dropped file, read by the worker */
  | { kind: 'blob'; blob: Blob; source: string; method: DesurveyMethod }
  | { kind: 'object'; value: unknown; source: string; method: DesurveyMethod }
  /** `keep`: the dataset on screen, whose imported surfaces and lines the new tables keep */
  /** `fileSet`: identity of the file set the import settings belong to (a new one per opening of files; kept by "Import again") */
  | { kind: 'csv'; files: CsvSource[]; options: ImportOptions; source: string; method: DesurveyMethod; fileSet: string; keep?: Model }
  | { kind: 'prepare'; model: Model; source: string; method: DesurveyMethod }
  /**
   * Surface files (DXF, OBJ, GOCAD, Surpac, STL, glTF, OMF) added to `base` (the dataset on screen,
   * or null), with any drill tables opened with them imported first.
   */
  | { kind: 'surfaces'; files: { name: string; bytes: ArrayBuffer | Blob }[]; base: Model | null; csv: CsvSource[]; source: string; method: DesurveyMethod }
  /** a model edited on the page (import panel): validated records, prepared again as a new dataset */
  | { kind: 'model'; model: Model; report: LoadReport; source: string; method: DesurveyMethod };

/**
 * The page's go-ahead for the `extras`, once it has stored the dataset and run the frame after:
 * built at once, they took one of the two cores from the page's render of the dataset (its task at
 * 1,000 x 100 stretched past 100 ms beside them).
 */
export interface ExtrasRequest {
  kind: 'extras';
}

export type LoadPhase = 'reading' | 'parsing' | 'validating' | 'building' | 'drawing';

/** What a CSV import detected, kept so the user can change the mapping and import again. */
export interface CsvImportInfo {
  /** identity of the file set: the import settings (options) belong to it and to no other set */
  fileSet: string;
  /** as the page gave them: Files stay Blobs (cloned by reference), so "Import again" reads them again without the page holding or copying their bytes */
  files: CsvSource[];
  options: ImportOptions;
  tables: DetectedTable[];
  dipSign: ImportResult['dipSign'];
  lengthUnit: ImportResult['lengthUnit'];
  lengthUnitDetected: ImportResult['lengthUnitDetected'];
  lengthUnitAssumed: ImportResult['lengthUnitAssumed'];
}

export type WorkerResponse =
  | { type: 'progress'; phase: LoadPhase; fraction: number }
  /** ahead of `done`: the model's holes, a run per message, in order (holeMessages.ts) */
  | { type: 'holes'; holes: HoleModel[] }
  /**
   * `model.holes` travels empty: the holes came in the `holes` messages before it.
   * `prepared.paths` and each hole's `stations` travel empty; they come flat in `paths` and `stations` (see pathTransfer.ts).
   * `bounds`: the hole layers' bounds, made in the worker (domain/bounds.ts layerBounds)
   */
  | { type: 'done'; model: Model; prepared: Prepared; paths: PackedPaths; stations: PackedStations; bounds: LayerBounds; report: LoadReport; csv?: CsvImportInfo; extras: boolean }
  /**
   * After `done` (when it said `extras`) and the page's ExtrasRequest: what the first picture does
   * not need, built while the page draws it. Null where building failed (the page then builds that itself when first needed).
   */
  | {
      type: 'extras';
      pickIndexes: { intervals: SentPickIndex | null; traces: SentPickIndex | null };
      veinGrids: VeinGrids | null;
      /** true: the worker stays alive and answers in-view count requests for this dataset (countHost.ts) */
      counter: boolean;
      /** SHA-256 hex of the dataset's content (src/domain/fingerprint.ts), made here; null: not made (a desurvey again, or it failed) */
      fingerprint?: string | null;
    }
  | { type: 'failed'; report: LoadReport };
