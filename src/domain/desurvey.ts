/**
 * Desurvey: turn a collar and survey stations into a 3D hole path.
 *
 * Minimum curvature (Leapfrog's "spherical arc") is the default; balanced tangential and tangential
 * are offered for reconciliation with other software. Depths are metres along the hole from the
 * collar; azimuth degrees clockwise from grid north; dip degrees from horizontal, negative down.
 * Pure float64 maths: no rendering code here.
 */
import { say, type Said } from './message';
import { directionFromAzDip } from './orientation';
import { add, dot, normalize, scale, type Vec3 } from './vec3';

export type DesurveyMethod = 'minimum-curvature' | 'balanced-tangential' | 'tangential';

export const DESURVEY_METHOD_LABEL: Record<DesurveyMethod, string> = {
  'minimum-curvature': 'Minimum curvature',
  'balanced-tangential': 'Balanced tangential',
  tangential: 'Tangential',
};

export interface SurveyStation {
  /** metres along the hole */
  depth: number;
  /** degrees clockwise from grid north */
  azimuth: number;
  /** degrees from horizontal, negative down */
  dip: number;
}

export interface DesurveyInput {
  holeId: string;
  /** [easting, northing, elevation] in metres */
  collar: Vec3;
  /** final depth along the hole, metres */
  depth: number;
  stations: SurveyStation[];
  /** collar orientation used when there is no survey */
  collarAzimuth?: number;
  collarDip?: number;
}

/**
 * A desurveyed hole: stations with positions and unit directions, all float64. Positions and
 * directions are flat, 3 numbers a station (`pathPoint` / `pathDirection` give one as a Vec3): as
 * a small array each they were 2 × 48 bytes a station, 200 MB of the page's heap at 100,000 holes;
 * on the page they are views of the arrays the worker sends (pathTransfer.ts).
 */
export interface HolePath {
  holeId: string;
  method: DesurveyMethod;
  /** station depths in metres, strictly increasing, first 0, last = final depth */
  depths: number[];
  /** world position at each station, 3 numbers a station (m) */
  points: Float64Array;
  /** unit direction at each station, 3 numbers a station */
  directions: Float64Array;
}

/** Station k's world position (m). */
export function pathPoint(path: HolePath, k: number): Vec3 {
  const a = path.points;
  return [a[k * 3], a[k * 3 + 1], a[k * 3 + 2]];
}

/** Station k's unit direction. */
export function pathDirection(path: HolePath, k: number): Vec3 {
  const a = path.directions;
  return [a[k * 3], a[k * 3 + 1], a[k * 3 + 2]];
}

/** Vectors as one flat array, 3 numbers each. */
function flat3(vs: readonly Vec3[]): Float64Array {
  const out = new Float64Array(vs.length * 3);
  vs.forEach((v, k) => out.set(v, k * 3));
  return out;
}

export interface DesurveyResult {
  path: HolePath;
  warnings: Said[];
}

/** Clean the stations the way the domain rules say, and return warnings that name the hole. */
export function prepareStations(input: DesurveyInput): { stations: SurveyStation[]; warnings: Said[] } {
  const warnings: Said[] = [];
  const id = input.holeId;
  let stations = [...input.stations].sort((a, b) => a.depth - b.depth);
  if (stations.length === 0) {
    if (input.collarAzimuth !== undefined && input.collarDip !== undefined) {
      warnings.push(say('prepare.noSurveyStraight', { id, azimuth: input.collarAzimuth, dip: input.collarDip }));
      return { stations: [{ depth: 0, azimuth: input.collarAzimuth, dip: input.collarDip }], warnings };
    }
    warnings.push(say('prepare.noSurveyVertical', { id }));
    return { stations: [{ depth: 0, azimuth: 0, dip: -90 }], warnings };
  }
  const deduped: SurveyStation[] = [];
  for (const s of stations) {
    const last = deduped[deduped.length - 1];
    if (last && Math.abs(last.depth - s.depth) < 1e-9) {
      warnings.push(say('prepare.duplicated', { id, depth: s.depth }));
      continue;
    }
    deduped.push(s);
  }
  stations = deduped;
  const beyond = stations.filter((s) => s.depth > input.depth + 1e-9);
  if (beyond.length > 0) {
    warnings.push(say('prepare.beyond', { id, count: beyond.length, depth: input.depth, depths: beyond.map((s) => s.depth).join(', ') }));
    stations = stations.filter((s) => s.depth <= input.depth + 1e-9);
    if (stations.length === 0) stations = [{ ...beyond[0], depth: 0 }];
  }
  if (stations[0].depth > 0) {
    warnings.push(say('prepare.startsBelow', { id, depth: stations[0].depth }));
    stations = [{ ...stations[0], depth: 0 }, ...stations];
  }
  return { stations, warnings };
}

function step(t1: Vec3, t2: Vec3, md: number, method: DesurveyMethod): Vec3 {
  if (method === 'tangential') return scale(t2, md);
  if (method === 'balanced-tangential') return scale(add(t1, t2), md / 2);
  const cosB = Math.min(1, Math.max(-1, dot(t1, t2)));
  const beta = Math.acos(cosB);
  // Ratio factor (2/β)·tan(β/2) → 1 as β → 0; a series keeps it exact for tiny doglegs.
  const rf = beta < 1e-6 ? 1 + (beta * beta) / 12 : (2 / beta) * Math.tan(beta / 2);
  return scale(add(t1, t2), (md / 2) * rf);
}

/** Spherical interpolation between unit directions (the minimum-curvature arc's tangent). */
function slerp(t1: Vec3, t2: Vec3, f: number): Vec3 {
  const cosB = Math.min(1, Math.max(-1, dot(t1, t2)));
  const beta = Math.acos(cosB);
  if (beta < 1e-9) return t1;
  const s = Math.sin(beta);
  const a = Math.sin((1 - f) * beta) / s;
  const b = Math.sin(f * beta) / s;
  return normalize([a * t1[0] + b * t2[0], a * t1[1] + b * t2[1], a * t1[2] + b * t2[2]]);
}

export function desurvey(input: DesurveyInput, method: DesurveyMethod = 'minimum-curvature'): DesurveyResult {
  const { stations, warnings } = prepareStations(input);
  if (stations.length === 1) {
    warnings.push(...(input.stations.length === 1 ? [say('prepare.single', { id: input.holeId })] : []));
  }
  const depths = stations.map((s) => s.depth);
  const directions = stations.map((s) => directionFromAzDip(s.azimuth, s.dip));
  // The last station is carried straight to the final depth.
  if (depths[depths.length - 1] < input.depth) {
    depths.push(input.depth);
    directions.push(directions[directions.length - 1]);
  }
  const points: Vec3[] = [[...input.collar] as Vec3];
  for (let i = 1; i < depths.length; i++) {
    points.push(add(points[i - 1], step(directions[i - 1], directions[i], depths[i] - depths[i - 1], method)));
  }
  return { path: { holeId: input.holeId, method, depths, points: flat3(points), directions: flat3(directions) }, warnings };
}

/** Index i of the segment [depths[i], depths[i+1]] holding `depth` (clamped to the path). */
function segmentAt(depths: number[], depth: number): number {
  let lo = 0;
  let hi = depths.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (depths[mid] <= depth) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * World position at a depth along the hole, on the same curve the method draws between stations.
 * Depths beyond the final depth extend straight along the last direction; negative depths go up
 * along the first direction.
 */
export function positionAtDepth(path: HolePath, depth: number): Vec3 {
  return positionAtDepthInto(path, depth, [0, 0, 0]) as Vec3;
}

/**
 * positionAtDepth written into `out` (m), with no temporary vectors: `prepare` calls it for every
 * interval end of a million-row assay table.
 */
export function positionAtDepthInto<T extends { [i: number]: number }>(path: HolePath, depth: number, out: T): T {
  const { depths, points, directions } = path;
  const last = depths.length - 1;
  // Before the collar or past the final depth: straight along the first / last direction.
  if (depths.length === 1 || depth <= 0 || depth >= depths[last]) {
    const k = depths.length === 1 || depth <= 0 ? 0 : last;
    const p = k * 3, md = k === 0 ? depth : depth - depths[last];
    out[0] = points[p] + directions[p] * md; out[1] = points[p + 1] + directions[p + 1] * md; out[2] = points[p + 2] + directions[p + 2] * md;
    return out;
  }
  const i = segmentAt(depths, depth);
  const md = depth - depths[i];
  const span = depths[i + 1] - depths[i];
  // Station i's position and direction, and station i + 1's, in the flat arrays.
  const a = i * 3, b = a + 3;
  if (path.method !== 'minimum-curvature') {
    // The tangent methods draw straight chords between stations.
    const f = md / span;
    out[0] = points[a] + (points[b] - points[a]) * f; out[1] = points[a + 1] + (points[b + 1] - points[a + 1]) * f; out[2] = points[a + 2] + (points[b + 2] - points[a + 2]) * f;
    return out;
  }
  // The arc's tangent at this depth (slerp from t1 to t2), then the minimum-curvature step from
  // the station along t1 and that tangent (see `step`).
  const t1x = directions[a], t1y = directions[a + 1], t1z = directions[a + 2];
  const t2x = directions[b], t2y = directions[b + 1], t2z = directions[b + 2];
  let tx = t1x, ty = t1y, tz = t1z;
  const beta = Math.acos(Math.min(1, Math.max(-1, t1x * t2x + t1y * t2y + t1z * t2z)));
  if (!(beta < 1e-9)) {
    const f = md / span;
    const sb = Math.sin(beta);
    const wa = Math.sin((1 - f) * beta) / sb;
    const wb = Math.sin(f * beta) / sb;
    tx = wa * t1x + wb * t2x; ty = wa * t1y + wb * t2y; tz = wa * t1z + wb * t2z;
    // Not Math.hypot: it gathers its arguments into a heap array (50 MB over a million intervals).
    const l = Math.sqrt(tx * tx + ty * ty + tz * tz);
    if (l > 0) { tx /= l; ty /= l; tz /= l; } else { tx = 0; ty = 0; tz = 0; }
  }
  const b2 = Math.acos(Math.min(1, Math.max(-1, t1x * tx + t1y * ty + t1z * tz)));
  const rf = b2 < 1e-6 ? 1 + (b2 * b2) / 12 : (2 / b2) * Math.tan(b2 / 2);
  const k = (md / 2) * rf;
  out[0] = points[a] + (t1x + tx) * k; out[1] = points[a + 1] + (t1y + ty) * k; out[2] = points[a + 2] + (t1z + tz) * k;
  return out;
}

/** Unit direction of the hole at a depth. */
export function directionAtDepth(path: HolePath, depth: number): Vec3 {
  const { depths } = path;
  if (depths.length === 1 || depth <= 0) return pathDirection(path, 0);
  const last = depths.length - 1;
  if (depth >= depths[last]) return pathDirection(path, last);
  const i = segmentAt(depths, depth);
  return slerp(pathDirection(path, i), pathDirection(path, i + 1), (depth - depths[i]) / (depths[i + 1] - depths[i]));
}

/**
 * Depths at which to sample [from, to] so that a polyline through them follows the curve:
 * the ends plus every station strictly inside.
 */
export function sampleDepths(path: HolePath, from: number, to: number): number[] {
  const out = [from];
  const ds = path.depths;
  for (let i = firstStationAfter(path, from); i < ds.length && ds[i] < to - 1e-6; i++) out.push(ds[i]);
  out.push(to);
  return out;
}

/**
 * Index of the first station deeper than `from` (by more than 1e-6 m), or the station count.
 * Station depths increase along the hole, so this is a binary search: it runs for every row of a
 * million-row assay table.
 */
export function firstStationAfter(path: HolePath, from: number): number {
  const ds = path.depths;
  let i = ds.length > 1 && from > ds[0] ? segmentAt(ds, from) : 0;
  while (i < ds.length && !(ds[i] > from + 1e-6)) i++;
  return i;
}

/** A path built from a given 3D polyline (traces supplied instead of surveys). */
export function pathFromTrace(holeId: string, trace: Vec3[]): HolePath {
  const depths = [0];
  const directions: Vec3[] = [];
  for (let i = 1; i < trace.length; i++) {
    const d: Vec3 = [trace[i][0] - trace[i - 1][0], trace[i][1] - trace[i - 1][1], trace[i][2] - trace[i - 1][2]];
    depths.push(depths[i - 1] + Math.hypot(d[0], d[1], d[2]));
    directions.push(normalize(d));
  }
  directions.push(directions[directions.length - 1]);
  // Chords between the given points: the tangential interpolation reproduces the polyline exactly.
  return { holeId, method: 'tangential', depths, points: flat3(trace), directions: flat3(directions) };
}
