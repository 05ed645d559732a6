/**
 * Data-QA problems: one record per problem found in the loaded data, by a load-time check or by a
 * check run on the loaded data (checks.ts), with what it concerns (hole, interval row, surface) so
 * the interface can select it and fly to it. No react/three/zustand.
 */
import type { Vec3 } from '../vec3';

export type ProblemKind =
  | 'load-error'
  | 'load-warning'
  | 'overlap'
  | 'duplicate'
  | 'beyond-hole'
  | 'collar-topography'
  | 'crossing'
  | 'dogleg'
  | 'information';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  kind: ProblemKind;
  severity: Severity;
  /** English text (API, CSV); the panel writes it in its language from `key` and `params` (src/domain/message.ts) */
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  /** hole concerned (id as in the data, and index into Model.holes) */
  holeId?: string;
  hole?: number;
  /** interval table id and row, for interval problems */
  table?: string;
  row?: number;
  /** m along the hole */
  from?: number;
  to?: number;
  depth?: number;
  /** the other hole of a crossing */
  otherHoleId?: string;
  otherDepth?: number;
  /** surface concerned (id), for surface problems */
  surfaceId?: string;
  /** id of the record a load issue names (a hole, surface, table... possibly one that was not loaded) */
  recordId?: string;
  /** where the load report placed it: JSON path, or file:row for tables */
  path?: string;
  /** true-world point (m) to fly to */
  at?: Vec3;
}

/**
 * The kinds in the order the panel lists them (most serious first), with the English title the CSV
 * export writes (machine-readable, whatever the interface language; the panel's words are in the
 * `qa` catalogues).
 */
export const PROBLEM_KINDS: { kind: ProblemKind; title: string }[] = [
  { kind: 'load-error', title: 'Records not loaded' },
  { kind: 'overlap', title: 'Overlapping intervals' },
  { kind: 'duplicate', title: 'Duplicate samples' },
  { kind: 'beyond-hole', title: 'Intervals beyond the hole' },
  { kind: 'collar-topography', title: 'Collars off the topography' },
  { kind: 'crossing', title: 'Holes crossing' },
  { kind: 'dogleg', title: 'Survey dog-legs' },
  { kind: 'load-warning', title: 'Load warnings' },
  { kind: 'information', title: 'Information' },
];

export interface QaOptions {
  /** m: holes closer than this are reported as crossing */
  crossingTolerance: number;
  /** degrees per 30 m: dog-leg severity above this is reported */
  doglegThreshold: number;
  /** m: a collar further than this above or below the topography is reported */
  collarTolerance: number;
}

export const DEFAULT_QA_OPTIONS: QaOptions = { crossingTolerance: 1, doglegThreshold: 5, collarTolerance: 5 };
