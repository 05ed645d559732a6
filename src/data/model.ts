/**
 * The validated, immutable in-memory model a deposit file loads into. World coordinates stay
 * float64 (Float64Array / number); interval tables are column-wise typed arrays so a million rows
 * stay compact. Missing numeric values are NaN, never 0; missing categories are code -1.
 */
import type { Vec3 } from '../domain/vec3';
import type { ImportedFileSummary } from './surfaces/assemble';
import type { SurveyStation } from '../domain/desurvey';
import type { FaultT, ImportSourceT, PointSetT, ProjectT, ReleaseT, ResourceCategoryT, SavedViewT, WorkingT, ZoneT } from './schema';

export interface SurfaceModel {
  id: string;
  name: string;
  zoneId?: string;
  faultId?: string;
  /** world [e, n, z, ...] metres, float64 */
  vertices: Float64Array;
  triangles: Uint32Array;
  /** '#rrggbb': the surface's own colour, over its zone's or fault's */
  color?: string;
  /** 0..1: the surface's own opacity, over its kind's default */
  opacity?: number;
  /** per-vertex values from the source file (NaN = no data) */
  attributes?: Record<string, Float64Array>;
  /** the file and object it was imported from */
  source?: ImportSourceT;
}

/** Points from mining software (OMF point sets). */
export interface PointSetModel extends Omit<PointSetT, 'points' | 'attributes'> {
  /** world [e, n, z, ...] metres, float64 */
  points: Float64Array;
  attributes?: Record<string, Float64Array>;
}

export interface HoleModel {
  id: string;
  collar: Vec3;
  /** final depth, m */
  depth: number;
  collarAzimuth?: number;
  collarDip?: number;
  stations: SurveyStation[];
  trace?: Vec3[];
  program: string;
  year?: number;
  type: 'surface' | 'underground';
  status: 'drilled' | 'planned';
  /** id of the news release that disclosed it (one of Model.releases); none: undisclosed */
  release?: string;
}

/** A news release; `date` is left out when the file's was not a valid YYYY-MM-DD date. */
export type ReleaseModel = Omit<ReleaseT, 'date'> & { date?: string };

/**
 * A categorical column's codes: int32 as read, narrowed to one or two bytes once the table is read
 * when the categories fit (intervals.ts narrowRows; 30 MB at 10,000,000 rows). The dataset
 * fingerprint hashes them as int32 whatever their storage (datasetContent.ts).
 */
export type RowCodes = Int32Array | Int16Array | Int8Array;

/** Interval rows' hole indices: int32 as read, two bytes once read where the holes fit (narrowRows). */
export type RowHoles = Int32Array | Uint16Array;

export interface CategoricalColumn {
  /** index into `categories`, -1 when missing */
  codes: RowCodes;
  categories: string[];
}

export interface IntervalTableModel {
  id: string;
  name: string;
  columns: { name: string; type: 'numeric' | 'categorical'; unit?: string }[];
  /** index into Model.holes per row */
  hole: RowHoles;
  /** from / to depth along the hole, m */
  from: Float64Array;
  to: Float64Array;
  numeric: Record<string, Float64Array>;
  categorical: Record<string, CategoricalColumn>;
  /**
   * numeric column → 1 per row whose value was below detection (kept as half the limit), so an
   * intercept's derivation can say how it was counted; absent for a column without any
   */
  belowDetection?: Record<string, Uint8Array>;
}

/**
 * The project, zones, faults and views keep each text the file gives in several languages as its
 * default text in the plain field (`name`, `disclaimer`…: English when given, else the first
 * language) and every language under `texts` (field → language → text; src/data/languageTexts.ts);
 * the screen shows them through src/i18n/localText.ts.
 */
export interface Model {
  project: ProjectT;
  zones: ZoneT[];
  surfaces: SurfaceModel[];
  faults: FaultT[];
  holes: HoleModel[];
  intervals: IntervalTableModel[];
  resourceCategories: ResourceCategoryT[];
  workings: WorkingT[];
  pointSets: PointSetModel[];
  /** saved views stored in the file, in tour order */
  views: SavedViewT[];
  /** news releases that disclosed drilling results (none: the file gives none) */
  releases?: ReleaseModel[];
}

export interface LoadIssue {
  /** JSON path such as $.holes[3].surveys[2].dip, or file:row for tables */
  path: string;
  /** id of the record concerned, when it has one */
  id?: string;
  /** English text (API, logs, CSV); the interface writes it in its language from `key` and `params` */
  message: string;
  /** catalogue key of the message (namespace `messages`, src/domain/message.ts) and its values */
  key?: string;
  params?: Record<string, string | number>;
  /** the data-QA check that finds the same problem on the loaded data (the QA panel lists it from there, with its place) */
  check?: 'overlap' | 'duplicate' | 'beyond-hole' | 'collar-topography';
}

export interface LoadReport {
  source: string;
  /** true when a dataset was produced (possibly with dropped records) */
  ok: boolean;
  errors: LoadIssue[];
  warnings: LoadIssue[];
  /**
   * information: expected properties of the data that need no action (missing assays kept as
   * missing, below-detection values at half the limit). Shown in the data-QA panel, never as a warning.
   */
  notes?: LoadIssue[];
  /** records loaded, per kind */
  counts: Record<string, number>;
  /** records dropped, per kind */
  dropped: Record<string, number>;
  /** surface files read by this load: their objects with counts, and the coordinate checks */
  files?: ImportedFileSummary[];
}
