/**
 * What every surface-file importer (DXF, OBJ, GOCAD, Surpac, STL, glTF, OMF) produces: objects in
 * the file's own coordinates (float64, as stored: no axis swap, no unit change: the coordinate
 * checks in `checks.ts` report, the user decides), plus issues that say where (file:line or
 * file@byte offset). A bad object is reported and skipped; every valid object still loads.
 *
 * Pure TypeScript: no DOM, no three, no React; runs in the loading worker and in Node tests.
 */
import type { MessageKey, MessageParams } from '../../domain/message';

/** A triangulated surface. */
export interface ImportedMesh {
  type: 'mesh';
  /** object name as the file gives it (DXF layer, OBJ `o`/`g`, TSurf HEADER name, OMF element name) */
  name: string;
  /** flat [x0, y0, z0, x1, ...] as stored in the file (metres or feet, Z up or Y up: see checks) */
  vertices: Float64Array;
  /** flat vertex indices, 0-based, three per triangle; every index < vertices.length / 3 */
  triangles: Uint32Array;
  /** '#rrggbb' when the file gives a colour (DXF ACI / true colour, MTL Kd, TSurf *solid*color, OMF colour) */
  color?: string;
  /** per-vertex values (GOCAD PVRTX properties, OMF vertex attributes); NaN where no data */
  attributes?: ImportedAttribute[];
}

/** Polylines (workings, traces, outlines, strings). */
export interface ImportedLines {
  type: 'lines';
  name: string;
  /** each polyline flat [x0, y0, z0, x1, ...], at least two points; closed lines repeat the first point at the end */
  lines: Float64Array[];
  color?: string;
  attributes?: ImportedAttribute[];
}

/** Points (OMF point sets). */
export interface ImportedPoints {
  type: 'points';
  name: string;
  vertices: Float64Array;
  color?: string;
  attributes?: ImportedAttribute[];
}

export type ImportedObject = ImportedMesh | ImportedLines | ImportedPoints;

export interface ImportedAttribute {
  name: string;
  /** one value per vertex (or per point); NaN for no-data */
  values: Float64Array;
}

export interface ImportIssue {
  /** `file:line` for text formats, `file@byte` for binary ones, `file` alone when the whole file is concerned */
  path: string;
  /** English text (API, logs); the interface writes it in its language from `key` and `params` (domain/message.ts say) */
  message: string;
  key?: MessageKey;
  params?: MessageParams;
  severity: 'error' | 'warning';
  /** object name, when the issue concerns one */
  id?: string;
}

/** What the file itself says about its coordinates (never applied silently). */
export interface ImportedMeta {
  /** e.g. 'DXF AC1024', 'GOCAD TSurf 1', 'OMF 1 (OMF-v0.9.0)', 'OMF 2.0', 'Surpac string (binary)' */
  format: string;
  /** length unit the header claims ('m', 'ft', 'in', ...), when it claims one */
  declaredUnit?: string;
  /** 'down' for GOCAD `ZPOSITIVE Depth`: z grows downward */
  zPositive?: 'up' | 'down';
  /** 'y' for glTF (Y up by the specification) */
  upAxis?: 'y' | 'z';
  /** true when the file states its columns are northing before easting (Surpac strings are read into x = east already) */
  crs?: string;
}

export interface ImportResult {
  objects: ImportedObject[];
  issues: ImportIssue[];
  meta: ImportedMeta;
}

/** Progress callback: fraction 0..1 of the file parsed. */
export type Progress = (fraction: number) => void;

export interface ImportOptions {
  /** fraction 0..1 of the file parsed, at most every few milliseconds */
  onProgress?: Progress;
  /**
   * The other files opened with this one, by lower-case base name (e.g. 'pit.mtl', 'pit.str',
   * 'scene.bin'): an OBJ's MTL, a Surpac DTM's string file, a glTF's external buffers.
   */
  companions?: Map<string, Uint8Array>;
}

/** An importer: bytes of one file (and its name, for messages) to objects. */
export type Importer = (bytes: Uint8Array, fileName: string, options?: ImportOptions) => ImportResult | Promise<ImportResult>;
