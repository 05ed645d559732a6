/**
 * Public types of the CSV drillhole import (collar, survey and interval tables exported from a
 * drillhole database) into the Veinscape JSON document. Pure data: no DOM, no React, no three.
 */
import type { DepositInput, Project } from '../schema';
import type { LoadReport } from '../model';
import type { z } from 'zod';
import type { Said } from '../../domain/message';
import type { Dialect } from './dialect';
import type { TextEncodingName } from './encoding';

export type ProjectInput = z.input<typeof Project>;

/**
 * What a column means. `depth` is the final depth of the hole in a collar table and the station
 * depth ("AT") in a survey table. `inclination` is measured from vertical (0° = straight down),
 * unlike `dip` (from horizontal).
 */
export type ColumnRole =
  | 'hole'
  | 'east'
  | 'north'
  | 'elevation'
  | 'depth'
  | 'azimuth'
  | 'dip'
  | 'inclination'
  | 'from'
  | 'to'
  | 'au'
  | 'program'
  | 'year'
  | 'type'
  | 'status';

export type TableKind = 'collar' | 'survey' | 'interval' | 'unknown';
export type DipSign = 'negative-down' | 'positive-down';
export type LengthUnit = 'm' | 'ft';
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

/**
 * One table file: its bytes as read from disk (decoded here: UTF-8, UTF-16 or Windows-1252, see
 * encoding.ts), or text already decoded by the caller.
 */
export type CsvFile = { name: string; bytes: Uint8Array | ArrayBuffer; text?: undefined } | { name: string; text: string; bytes?: undefined };

/**
 * A table as the page hands it to the loading worker: a File or Blob, read in the worker (a Blob is
 * cloned by reference, so neither sending it nor getting it back in the import's settings copies
 * its bytes on the page: 33 MB of tables took 200-370 ms of main thread to come back), or bytes or
 * text already in memory (the API, tests). sources.ts reads them into `CsvFile`s.
 */
export type CsvSource = CsvFile | { name: string; blob: Blob; bytes?: undefined; text?: undefined };

export interface ImportOptions {
  /** per file name: override of the detected column mapping, role → column header ('' unmaps the role) */
  mapping?: Record<string, ColumnMapping>;
  /** dip sign: 'auto' (detect from data), 'negative-down', 'positive-down' */
  dipSign?: 'auto' | DipSign;
  /** length unit of collar coordinates, depths and intervals (default: from column names, else m) */
  lengthUnit?: LengthUnit;
  /** project metadata to put in the document */
  project?: Partial<ProjectInput>;
  /**
   * Final depth in metres given to a hole whose depth cannot be known (no depth column, no survey
   * station below the collar, no interval). Default 1 m: a stub that shows the collar and its
   * orientation without pretending to know the hole length. Each such hole gets a warning.
   */
  stubDepth?: number;
}

/** Counts of what happened to the cells of one value column. */
export interface ValueStats {
  values: number;
  /** values that are exactly 0 (kept: some databases write 0 for below detection) */
  zero: number;
  missing: number;
  belowDetection: number;
  overLimit: number;
  /** text in a numeric column, kept as missing */
  nonNumeric: number;
  /** most frequent smallest value when it looks like half a detection limit (e.g. 0.005 for 0.01) */
  halfDetection?: { value: number; count: number };
}

/** A value column of an interval table as written to the document. */
export interface ValueColumn {
  /** header in the CSV file */
  header: string;
  /** column name in the document (unit suffix removed when recognised; gold is always "Au") */
  name: string;
  type: 'numeric' | 'categorical';
  /** unit in the document, e.g. g/t, ppm, % */
  unit?: string;
  /** factor applied to the file's values to reach `unit` (e.g. 0.001 for ppb → g/t) */
  factor: number;
  stats: ValueStats;
}

export interface DetectedTable {
  file: string;
  kind: TableKind;
  /** every header of the file, trimmed, in file order */
  headers: string[];
  /** role → header, as detected and overridden */
  mapping: ColumnMapping;
  /** role → header, as detected from the column names alone (before the user's overrides) */
  detectedMapping: ColumnMapping;
  /** delimiter and number format detected from the file */
  dialect: Dialect;
  /** text encoding the file was read in */
  encoding: TextEncodingName;
  /** "semicolon-separated, decimal comma, Windows-1252": the dialect and encoding, for people */
  format: string;
  /** the same as a catalogue message, for the interface language */
  formatSaid?: Said;
  /** headers with no role: value columns of an interval table, ignored columns elsewhere */
  unmapped: string[];
  /** value columns (interval tables only) */
  columns: ValueColumn[];
  /** id of the interval table in the document */
  tableId?: string;
  /** data rows in the file, loaded into the document, dropped (each with a reported reason) */
  rows: number;
  loaded: number;
  dropped: number;
}

export interface ImportResult {
  document: DepositInput;
  report: LoadReport;
  tables: DetectedTable[];
  dipSign: { detected: DipSign | 'none'; used: DipSign; evidence: string; evidenceSaid?: Said };
  /** length unit used */
  lengthUnit: LengthUnit;
  /** length unit detected from the column names alone (before the user's choice) */
  lengthUnitDetected: LengthUnit;
  /** no length column names its unit and the user chose none: metres is assumed */
  lengthUnitAssumed: boolean;
}
