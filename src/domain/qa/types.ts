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
  message: string;
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

/** Group titles, in the order the panel lists them (most serious first). */
export const PROBLEM_KINDS: { kind: ProblemKind; title: string; what: string }[] = [
  { kind: 'load-error', title: 'Records not loaded', what: 'records the loader skipped, with the reason' },
  { kind: 'overlap', title: 'Overlapping intervals', what: 'an interval starting before the previous one of the same hole and table ends' },
  { kind: 'duplicate', title: 'Duplicate samples', what: 'two rows of one table with the same hole, from and to' },
  { kind: 'beyond-hole', title: 'Intervals beyond the hole', what: 'an interval ending past the final depth of its hole' },
  { kind: 'collar-topography', title: 'Collars off the topography', what: 'a surface hole collared further than the tolerance above or below the topography' },
  { kind: 'crossing', title: 'Holes crossing', what: 'two holes passing closer than the tolerance, away from a shared collar' },
  { kind: 'dogleg', title: 'Survey dog-legs', what: 'a change of direction between survey stations steeper than the threshold (dog-leg severity, degrees per 30 m)' },
  { kind: 'load-warning', title: 'Load warnings', what: 'records loaded with a caveat the user should check' },
  { kind: 'information', title: 'Information', what: 'expected properties of the data, no action needed' },
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
