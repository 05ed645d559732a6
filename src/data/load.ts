/**
 * Tolerant loading of a deposit document: the header is validated strictly (a file with no
 * project or an unknown schema version fails outright), then every record on its own, so one bad
 * hole or surface is reported with its JSON path and id and the rest still loads.
 */
import type { z } from 'zod';
import { DepositHeader, FORMAT_NAME, MAX_HOLE_DEPTH_M, RECORD_SCHEMAS, SCHEMA_VERSION } from './schema';
import { plainRecord, stripBulkArrays } from './bulkArrays';
import type { FaultT, HoleT, ResourceCategoryT, SavedViewT, WorkingT, ZoneT } from './schema';
import type { HoleModel, LoadIssue, LoadReport, Model, PointSetModel, ReleaseModel, SurfaceModel } from './model';
import { readIntervalTable, shortText } from './intervals';
import { checkTexts, hasTextFields } from './localTexts';
import type { SurveyStation } from '../domain/desurvey';
import { AXIS_WORDS, modelExtent, type ModelOutlier } from '../domain/extent';
import { formatCoord } from '../domain/axes';
import { say } from '../domain/message';
import { isIsoDate } from '../domain/disclosure';
import { zodSaid } from './zodMessages';

/** JSON path text for a zod issue path under a prefix, e.g. $.holes[3].collar[0]. */
export function jsonPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
  return out;
}

function zodIssues(prefix: string, error: z.ZodError, id?: string): LoadIssue[] {
  return error.issues.map((i) => ({ path: jsonPath(prefix, i.path), id, ...zodSaid(i) }));
}

/** Parse JSON text; a syntax error becomes one issue with the line and column when known. */
export function parseJsonText(text: string, source: string): { value?: unknown; issue?: LoadIssue } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(clean) };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = source;
    if (m) {
      const pos = Number(m[1]);
      const before = clean.slice(0, pos);
      const line = before.split('\n').length;
      where = `${source}:${line}:${pos - before.lastIndexOf('\n')}`;
    }
    return { issue: { path: where, ...say('load.notJson', { error: msg }) } };
  }
}

function failed(source: string, errors: LoadIssue[]): { report: LoadReport } {
  return { report: { source, ok: false, errors, warnings: [], counts: {}, dropped: {} } };
}

type RecordKey = keyof typeof RECORD_SCHEMAS;

/** Validate each record of one array; returns the valid ones and reports the others. */
function validRecords<K extends RecordKey>(
  doc: Record<string, unknown>,
  key: K,
  errors: LoadIssue[],
  dropped: Record<string, number>,
  indices: number[] = [],
  warnings: LoadIssue[] = errors,
  onRecord?: (done: number, total: number) => void,
): z.output<(typeof RECORD_SCHEMAS)[K]>[] {
  const raw = doc[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push({ path: `$.${key}`, ...say('load.notArray', { key }) });
    dropped[key] = 1;
    return [];
  }
  const out: z.output<(typeof RECORD_SCHEMAS)[K]>[] = [];
  const seen = new Set<string>();
  // Each bad record is listed up to MAX_LISTED_RECORDS, then counted: a million bad records make one
  // line, not a million (a report the page could not show).
  let bad = 0;
  const reject = (issues: LoadIssue[]) => {
    if (++bad <= MAX_LISTED_RECORDS) errors.push(...issues);
    dropped[key] = (dropped[key] ?? 0) + 1;
  };
  raw.forEach((rec, i) => {
    if (onRecord && (i & (RECORDS_A_STEP - 1)) === 0) onRecord(i, raw.length);
    // Not an object: said at once (zod's generic path costs some microseconds a record).
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      reject([{ path: `$.${key}[${i}]`, ...say('load.notObject', { found: Array.isArray(rec) ? 'array' : rec === null ? 'null' : typeof rec }) }]);
      return;
    }
    const id = typeof (rec as { id?: unknown }).id === 'string' ? shortText((rec as { id: string }).id) : undefined;
    if (hasTextFields(key)) {
      // Texts in several languages: a bad language is left out with a warning, the record kept.
      const textErrors: LoadIssue[] = [];
      const texts = checkTexts(key, rec as Record<string, unknown>, `$.${key}[${i}]`, warnings, textErrors, id);
      if (!texts.ok) return reject(textErrors);
      rec = texts.record;
    }
    const bulk = stripBulkArrays(key, rec);
    const r = RECORD_SCHEMAS[key].safeParse(bulk ? bulk.light : plainRecord(key, rec));
    if (r.success && bulk) bulk.restore(r.data as Record<string, unknown>);
    if (!r.success) {
      reject(zodIssues(`$.${key}[${i}]`, r.error, id));
      return;
    }
    const value = r.data as z.output<(typeof RECORD_SCHEMAS)[K]> & { id?: string; name?: string };
    const key2 = value.id ?? value.name ?? String(i);
    if (seen.has(key2)) {
      reject([{ path: `$.${key}[${i}].${value.id !== undefined ? 'id' : 'name'}`, id: key2, ...say(value.id !== undefined ? 'load.duplicateId' : 'load.duplicateName', { value: key2 }) }]);
      return;
    }
    seen.add(key2);
    out.push(value);
    indices.push(i);
  });
  if (bad > MAX_LISTED_RECORDS) errors.push({ path: `$.${key}`, ...say('load.moreBad', { more: bad - MAX_LISTED_RECORDS, key, total: bad }) });
  return out;
}

/** Bad records of one array listed one by one; past this they are counted in one line. */
export const MAX_LISTED_RECORDS = 200;

function toStations(h: HoleT): SurveyStation[] {
  if (!h.surveys) return [];
  if (Array.isArray(h.surveys)) return h.surveys.map((s) => ({ ...s }));
  const { depth, azimuth, dip } = h.surveys;
  return depth.map((d, i) => ({ depth: d, azimuth: azimuth[i], dip: dip[i] }));
}

/** Years a drilling year can be (drilled or planned): outside, a typing error, loaded without its year. */
const YEARS = [1800, 2200] as const;

function checkHole(h: HoleT, i: number, errors: LoadIssue[], warnings: LoadIssue[] = errors): HoleModel | null {
  const at = `$.holes[${i}]`;
  let year = h.year;
  if (year !== undefined && !(year >= YEARS[0] && year <= YEARS[1])) {
    warnings.push({ path: `${at}.year`, id: h.id, ...say('load.badYear', { year, min: YEARS[0], max: YEARS[1] }) });
    year = undefined;
  }
  if (h.surveys && !Array.isArray(h.surveys)) {
    const { depth, azimuth, dip } = h.surveys;
    if (azimuth.length !== depth.length || dip.length !== depth.length) {
      errors.push({ path: `${at}.surveys`, id: h.id, ...say('load.surveyLengths', { depth: depth.length, azimuth: azimuth.length, dip: dip.length }) });
      return null;
    }
    const bad = depth.findIndex((d, k) => !(d >= 0 && d <= MAX_HOLE_DEPTH_M) || !(azimuth[k] >= 0 && azimuth[k] <= 360) || !(dip[k] >= -90 && dip[k] <= 90));
    if (bad >= 0) {
      const field = !(depth[bad] >= 0 && depth[bad] <= MAX_HOLE_DEPTH_M) ? 'depth' : !(azimuth[bad] >= 0 && azimuth[bad] <= 360) ? 'azimuth' : 'dip';
      const value = { depth, azimuth, dip }[field][bad];
      errors.push({ path: `${at}.surveys.${field}[${bad}]`, id: h.id, ...say('load.surveyRange', { field, value, max: MAX_HOLE_DEPTH_M }) });
      return null;
    }
  }
  return {
    id: h.id,
    collar: [...h.collar],
    depth: h.depth,
    collarAzimuth: h.azimuth,
    collarDip: h.dip,
    stations: toStations(h),
    trace: h.trace?.map((p) => [...p]),
    program: h.program ?? 'unspecified',
    year,
    type: h.type,
    status: h.status,
    ...(h.release !== undefined ? { release: h.release } : {}),
  };
}

/** Index of the first element ≥ limit, or -1: a plain loop (6 M triangle indices at 10,000 holes; findIndex's callback cost 80 ms). */
function firstAtLeast(a: ArrayLike<number>, limit: number): number {
  for (let i = 0; i < a.length; i++) if (a[i] >= limit) return i;
  return -1;
}

/** Per-vertex attributes as Float64Arrays (null → NaN); an attribute of the wrong length is reported and left out. */
function readAttributes(raw: Record<string, (number | null)[]>, n: number, at: string, id: string, warnings: LoadIssue[]): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (values.length !== n) {
      warnings.push({ path: `${at}.${name}`, id, ...say('load.attributeLength', { name, values: values.length, vertices: n }) });
      continue;
    }
    out[name] = Float64Array.from(values, (v) => (v === null ? NaN : v));
  }
  return out;
}

/** "5 000 000 000 000" (thin spaces, as the axes write it): a coordinate for a message. */
const coordinateText = (value: number) => (Math.abs(value) < 1e15 ? formatCoord(value) : String(value));

/** A distance for a message: whole metres up to a million (a number, grouped by the language), then "4.9e12". */
const distanceValue = (m: number) => (m < 1e6 ? Math.round(m) : m.toExponential(1).replace('e+', 'e'));

/** What the warning for a record far outside the bulk says, with its JSON path. */
function outlierWarning(o: ModelOutlier, at: number): LoadIssue {
  const where = { holes: 'collar', surfaces: 'vertices', workings: 'path', resourceCategories: 'outline', pointSets: 'points' }[o.kind];
  const path = `$.${o.kind}[${at}].${where}${o.kind === 'holes' ? `[${o.axis}]` : ''}`;
  const distance = distanceValue(o.distance);
  const far = typeof distance === 'string' ? 'Far' : '';
  const key = o.kind === 'holes' ? (`load.outlier.hole${far}` as const) : (`load.outlier.other${far}` as const);
  return { path, id: o.id, ...say(key, { coordinate: coordinateText(o.value), axis: AXIS_WORDS[o.axis], distance }) };
}

/** Hole records between two progress steps (a power of 2). */
const RECORDS_A_STEP = 1024;

/**
 * Shares of the validation's progress (0-1) reached once the hole records, then the holes' checks,
 * are done; the interval tables' rows fill the rest. About their shares of the time at
 * 100,000 holes × 100 intervals.
 */
const HOLE_RECORDS_SHARE = 0.25;
const HOLE_CHECKS_SHARE = 0.3;

/**
 * Validate a parsed document into a Model plus a report of every problem and what loaded.
 * `progress` (0-1) is called as the holes and the interval tables' rows are read: at 100,000 holes
 * this takes seconds, and the load's progress would stand still meanwhile.
 */
export function validateDeposit(doc: unknown, source: string, progress?: (fraction: number) => void): { model?: Model; report: LoadReport } {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return failed(source, [{ path: '$', ...say('load.notDeposit') }]);
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== FORMAT_NAME) {
    const found = JSON.stringify(d.format);
    return failed(source, [{ path: '$.format', ...(found === undefined ? say('load.noFormat', { expected: FORMAT_NAME }) : say('load.wrongFormat', { expected: FORMAT_NAME, found })) }]);
  }
  if (d.schemaVersion !== SCHEMA_VERSION) {
    const found = JSON.stringify(d.schemaVersion);
    return failed(source, [{ path: '$.schemaVersion', ...(found === undefined ? say('load.noSchemaVersion', { version: SCHEMA_VERSION }) : say('load.schemaVersion', { found, version: SCHEMA_VERSION })) }]);
  }
  const errors: LoadIssue[] = [];
  const warnings: LoadIssue[] = [];
  const project = d.project && typeof d.project === 'object' && !Array.isArray(d.project) ? checkTexts('project', d.project as Record<string, unknown>, '$.project', warnings, errors) : undefined;
  if (project && !project.ok) return failed(source, errors);
  const header = DepositHeader.safeParse(project ? { ...d, project: project.record } : doc);
  if (!header.success) return failed(source, zodIssues('$', header.error));

  const notes: LoadIssue[] = [];
  const dropped: Record<string, number> = {};
  const drop = (key: string) => (dropped[key] = (dropped[key] ?? 0) + 1);
  /** JSON index of each loaded hole, surface, outline (outlier warnings name the file's record) */
  const jsonIndex: Record<ModelOutlier['kind'], number[]> = { holes: [], surfaces: [], workings: [], resourceCategories: [], pointSets: [] };

  const zones: ZoneT[] = validRecords(d, 'zones', errors, dropped, [], warnings);
  const zoneIds = new Set(zones.map((z) => z.id));
  const surfaceAt: number[] = [];
  const rawSurfaces = validRecords(d, 'surfaces', errors, dropped, surfaceAt);
  const faultAt: number[] = [];
  const rawFaults: FaultT[] = validRecords(d, 'faults', errors, dropped, faultAt, warnings);
  const faultIds = new Set(rawFaults.map((f) => f.id));

  const surfaces: SurfaceModel[] = [];
  rawSurfaces.forEach((s, n) => {
    const at = `$.surfaces[${surfaceAt[n]}]`;
    if (s.zone !== undefined && !zoneIds.has(s.zone)) {
      errors.push({ path: `${at}.zone`, id: s.id, ...say('load.surfaceZone', { zone: s.zone }) });
      drop('surfaces');
      return;
    }
    if (s.fault !== undefined && !faultIds.has(s.fault)) {
      errors.push({ path: `${at}.fault`, id: s.id, ...say('load.surfaceFault', { fault: s.fault }) });
      drop('surfaces');
      return;
    }
    if (s.vertices.length % 3 !== 0 || s.triangles.length % 3 !== 0) {
      errors.push({ path: `${at}.${s.vertices.length % 3 ? 'vertices' : 'triangles'}`, id: s.id, ...say('load.surfaceLength') });
      drop('surfaces');
      return;
    }
    const nv = s.vertices.length / 3;
    const badTri = firstAtLeast(s.triangles, nv);
    if (badTri >= 0) {
      errors.push({ path: `${at}.triangles[${badTri}]`, id: s.id, ...say('load.vertexIndex', { index: s.triangles[badTri], vertices: nv }) });
      drop('surfaces');
      return;
    }
    // The binary form's arrays are already of the model's types: adopted as they are (no copy).
    const vertices: ArrayLike<number> = s.vertices;
    const triangles: ArrayLike<number> = s.triangles;
    jsonIndex.surfaces.push(surfaceAt[n]);
    surfaces.push({
      id: s.id,
      name: s.name ?? s.id,
      zoneId: s.zone,
      faultId: s.fault,
      vertices: vertices instanceof Float64Array ? vertices : Float64Array.from(vertices),
      triangles: triangles instanceof Uint32Array ? triangles : Uint32Array.from(triangles),
      ...(s.color ? { color: s.color } : {}),
      ...(s.opacity !== undefined ? { opacity: s.opacity } : {}),
      ...(s.attributes ? { attributes: readAttributes(s.attributes, nv, `${at}.attributes`, s.id, warnings) } : {}),
      ...(s.source ? { source: s.source } : {}),
    });
  });
  const surfaceIds = new Set(surfaces.filter((s) => s.faultId).map((s) => s.id));
  const faults = rawFaults.filter((f, n) => {
    if (surfaceIds.has(f.surface)) return true;
    errors.push({ path: `$.faults[${faultAt[n]}].surface`, id: f.id, ...say('load.faultSurface', { surface: f.surface }) });
    drop('faults');
    return false;
  });

  const releaseAt: number[] = [];
  const releases: ReleaseModel[] = validRecords(d, 'releases', errors, dropped, releaseAt, warnings).map((r, n) => {
    if (isIsoDate(r.date)) return r;
    // Kept without its date: its holes count as undisclosed on any disclosure date.
    warnings.push({ path: `$.releases[${releaseAt[n]}].date`, id: r.id, ...say('load.releaseDate', { date: shortText(r.date) }) });
    const { date: _bad, ...rest } = r;
    return rest;
  });
  const releaseIds = new Set(releases.map((r) => r.id));

  const holes: HoleModel[] = [];
  const holeAt: number[] = [];
  /** progress from `from` to `to` as `done` of `total` records or rows are read */
  const step = (from: number, to: number) => (progress ? (done: number, total: number) => progress(from + ((to - from) * done) / Math.max(total, 1)) : undefined);
  const holeChecks = step(HOLE_RECORDS_SHARE, HOLE_CHECKS_SHARE);
  validRecords(d, 'holes', errors, dropped, holeAt, errors, step(0, HOLE_RECORDS_SHARE)).forEach((h, n, all) => {
    if (holeChecks && (n & (RECORDS_A_STEP - 1)) === 0) holeChecks(n, all.length);
    const m = checkHole(h, holeAt[n], errors, warnings);
    if (m?.release !== undefined && !releaseIds.has(m.release)) {
      // Loaded as undisclosed: a release the file does not list vouches for nothing.
      warnings.push({ path: `$.holes[${holeAt[n]}].release`, id: m.id, ...say('load.unknownRelease', { release: shortText(m.release) }) });
      delete m.release;
    }
    if (m) {
      holes.push(m);
      jsonIndex.holes.push(holeAt[n]);
    } else drop('holes');
  });

  const holeIndex = new Map(holes.map((h, i) => [h.id, i]));
  const tableAt: number[] = [];
  const tables = validRecords(d, 'intervals', errors, dropped, tableAt);
  // The tables' rows, all tables end to end, fill the rest of the progress.
  const rowsOf = (t: (typeof tables)[number]) => t.rows?.length ?? t.data?.hole?.length ?? 0;
  const rows = tables.reduce((n, t) => n + rowsOf(t), 0);
  const rowStep = step(HOLE_CHECKS_SHARE, 1);
  let rowsBefore = 0;
  const intervals = tables.map((t, n) => {
    const model = readIntervalTable(t, `$.intervals[${tableAt[n]}]`, holeIndex, holes, errors, warnings, dropped, notes, rowStep && ((r) => rowStep(rowsBefore + r, rows)));
    rowsBefore += rowsOf(t);
    return model;
  });

  const rcAt: number[] = [];
  const resourceCategories = validRecords(d, 'resourceCategories', errors, dropped, rcAt).filter((r: ResourceCategoryT, n) => {
    if (r.zone === undefined || zoneIds.has(r.zone)) return jsonIndex.resourceCategories.push(rcAt[n]) > 0;
    errors.push({ path: `$.resourceCategories[${rcAt[n]}].zone`, id: r.id, ...say('load.outlineZone', { zone: r.zone }) });
    drop('resourceCategories');
    return false;
  });
  const workings: WorkingT[] = validRecords(d, 'workings', errors, dropped, jsonIndex.workings);
  const views: SavedViewT[] = validRecords(d, 'views', errors, dropped, [], warnings);
  const psAt: number[] = [];
  const pointSets: PointSetModel[] = [];
  validRecords(d, 'pointSets', errors, dropped, psAt).forEach((p, n) => {
    const at = `$.pointSets[${psAt[n]}]`;
    if (p.points.length % 3 !== 0) {
      errors.push({ path: `${at}.points`, id: p.id, ...say('load.pointsLength') });
      drop('pointSets');
      return;
    }
    jsonIndex.pointSets.push(psAt[n]);
    const { attributes, points, ...rest } = p;
    pointSets.push({ ...rest, points: Float64Array.from(points), ...(attributes ? { attributes: readAttributes(attributes, points.length / 3, `${at}.attributes`, p.id, warnings) } : {}) });
  });

  const model: Model = {
    project: header.data.project,
    zones,
    surfaces,
    faults,
    holes,
    intervals,
    resourceCategories,
    workings,
    pointSets,
    views,
    ...(releases.length ? { releases } : {}),
  };
  for (const o of modelExtent(model).outliers) warnings.push(outlierWarning(o, jsonIndex[o.kind][o.index]));
  const counts = {
    zones: zones.length,
    surfaces: surfaces.length,
    triangles: surfaces.reduce((n, s) => n + s.triangles.length / 3, 0),
    faults: faults.length,
    holes: holes.length,
    intervals: intervals.reduce((n, t) => n + t.hole.length, 0),
    resourceCategories: resourceCategories.length,
    workings: workings.length,
    pointSets: pointSets.length,
    ...(releases.length ? { releases: releases.length } : {}),
  };
  return { model, report: { source, ok: true, errors, warnings, notes, counts, dropped } };
}

/** Parse and validate JSON text in one step. */
export function loadDepositText(text: string, source: string): { model?: Model; report: LoadReport } {
  const parsed = parseJsonText(text, source);
  if (parsed.issue) return failed(source, [parsed.issue]);
  return validateDeposit(parsed.value, source);
}
