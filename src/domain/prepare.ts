/**
 * Turns a validated Model into what the renderer needs, once per load (in a worker): desurveyed
 * hole paths, fault block models, and flat float32 arrays relative to a local origin (so GPU
 * buffers keep millimetre precision at UTM magnitudes). No three.js here: plain typed arrays.
 */
import { say } from './message';
import type { LoadIssue, Model } from '../data/model';
import { desurvey, firstStationAfter, pathFromTrace, positionAtDepth, positionAtDepthInto, type DesurveyMethod, type HolePath } from './desurvey';
import { blockMask, buildFaultModel, MAX_FAULTS, movingSideValueAt, type FaultBlockModel } from './faults';
import { rowsByHole, sortRowsByDepth } from './rowOrder';
import { buildSurfaceBuffer, type SurfaceBuffer } from './surfaceBuffer';
import { cutSegment, cutTriangles } from './faultCut';
import { faultTraceAt } from './faultTrace';
import { SegmentBuilder, type SegmentBuffer } from './segments';
import { lerp, type Vec3 } from './vec3';
import { modelExtent, pathBox } from './extent';
import { rowZoneCodes } from './zoneCodes';

/** Zone kinds whose surfaces move with fault blocks. The host is drawn as mapped. */
const MOVES_WITH_FAULTS = new Set(['vein', 'alteration', 'shear', 'other']);
/** Longest straight piece when drawing a curved hole between stations, m. */
const MAX_TRACE_STEP = 10;
/** Most pieces between two stations, whatever their distance: a bound on the work one hole can make. */
const MAX_TRACE_PIECES = 2000;
/** Hole attributes of segments that belong to no hole (workings, outlines). */
const NO_HOLE = [0, 0, 0, -1];

/**
 * Depth ranges covered by interval rows, per hole, merged: CSR offsets into flat [from, to] pairs.
 * Rows need not be sorted; touching or overlapping rows merge (within 1 mm).
 */
export function coverage(hole: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>, holeCount: number): { offsets: Int32Array; ranges: Float64Array } {
  const { offsets: counts, order } = rowsByHole(hole, holeCount);
  const offsets = new Int32Array(holeCount + 1);
  const ranges = new Float64Array(hole.length * 2);
  let out = 0;
  for (let h = 0; h < holeCount; h++) {
    offsets[h] = out;
    const rows = order.subarray(counts[h], counts[h + 1]);
    sortRowsByDepth(rows, from);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (out > offsets[h] && from[r] <= ranges[out - 1] + 1e-3) ranges[out - 1] = Math.max(ranges[out - 1], to[r]);
      else {
        ranges[out++] = from[r];
        ranges[out++] = to[r];
      }
    }
  }
  offsets[holeCount] = out;
  return { offsets, ranges: ranges.subarray(0, out) };
}

/**
 * How many interval pieces the segment builder should expect: one per row, one more per survey
 * station inside a row, and room for every hole to cross every fault twice. A guess of 5 % over
 * the row count was short at 10,000 x 100 (1,121,513 pieces for 1,000,000 rows), so the builder
 * doubled its arrays (130 MB allocated and 66 MB copied) before trimming them.
 */
function intervalPieceBound(table: { hole: ArrayLike<number>; from: ArrayLike<number>; to: ArrayLike<number> }, paths: HolePath[], faults: number): number {
  let n = 0;
  for (let r = 0; r < table.hole.length; r++) {
    const p = paths[table.hole[r]];
    const ds = p.depths;
    n++;
    for (let i = firstStationAfter(p, table.from[r]); i < ds.length && ds[i] < table.to[r] - 1e-6; i++) n++;
  }
  return n + 2 * faults * paths.length + 16;
}

/** Flat [start, end, ...] depth ranges of [d0, d1] not covered for hole h (pieces under 1 mm dropped). */
export function uncovered(c: { offsets: Int32Array; ranges: Float64Array }, h: number, d0: number, d1: number): number[] {
  const out: number[] = [];
  let at = d0;
  for (let k = c.offsets[h]; k < c.offsets[h + 1]; k += 2) {
    const f = c.ranges[k], t = c.ranges[k + 1];
    if (f > at + 1e-3) out.push(at, Math.min(f, d1));
    at = Math.max(at, t);
    if (at >= d1) break;
  }
  if (d1 > at + 1e-3) out.push(at, d1);
  return out;
}

export interface Prepared {
  /** local origin subtracted from every world coordinate before float32 (m) */
  origin: Vec3;
  method: DesurveyMethod;
  paths: HolePath[];
  faultModels: FaultBlockModel[];
  /** one per model surface, same order */
  surfaces: SurfaceBuffer[];
  /** assay intervals of the grade table (first table with a numeric column) */
  intervals: SegmentBuffer;
  /**
   * per row of the grade table: the code of the zone its `zone` column names (zoneCodes.ts; 0 none),
   * for the zone filter (GPU and in-view counts)
   */
  intervalZones: Uint8Array;
  /** name of the numeric column in `intervals.value`, with unit */
  valueColumn: { table: string; name: string; unit: string } | null;
  /** hole traces, whole length, one segment per piece */
  traces: SegmentBuffer;
  workings: SegmentBuffer;
  /** own colours of workings ('#rrggbb'), in the order of their segments' values (at most WORKING_COLOURS) */
  workingColors: string[];
  resources: SegmentBuffer;
  /** fault traces at the ground surface (value = fault index) */
  faultTraces: SegmentBuffer;
  /** collar positions, local float32, 3 per hole */
  collars: Float32Array;
  /** fault block mask at each collar (labels move with it) */
  collarMasks: Float32Array;
  /** programs in the order their index is stored */
  programs: string[];
  /** world bounds of everything drawn */
  bounds: { min: Vec3; max: Vec3 };
  /**
   * world box of the bulk of the data when some object lies far outside it (extent.ts
   * modelExtent): what views frame, axes tick and grids cover; null when there is no outlier
   */
  extent?: { min: Vec3; max: Vec3 } | null;
  warnings: LoadIssue[];
}

/** The grade column: Au when present, else the first numeric column. */
export function pickValueColumn(model: Model): Prepared['valueColumn'] {
  for (const t of model.intervals) {
    const au = t.columns.find((c) => c.type === 'numeric' && /^au/i.test(c.name));
    if (au) return { table: t.id, name: au.name, unit: au.unit ?? 'g/t' };
  }
  for (const t of model.intervals) {
    const c = t.columns.find((c) => c.type === 'numeric');
    if (c) return { table: t.id, name: c.name, unit: c.unit ?? '' };
  }
  return null;
}

function worldBounds(model: Model): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const addPoint = (x: number, y: number, z: number) => {
    if (x < min[0]) min[0] = x; if (y < min[1]) min[1] = y; if (z < min[2]) min[2] = z;
    if (x > max[0]) max[0] = x; if (y > max[1]) max[1] = y; if (z > max[2]) max[2] = z;
  };
  for (const s of model.surfaces) for (let i = 0; i < s.vertices.length; i += 3) addPoint(s.vertices[i], s.vertices[i + 1], s.vertices[i + 2]);
  for (const h of model.holes) addPoint(...h.collar);
  for (const w of model.workings) for (const p of w.path) addPoint(...p);
  for (const r of model.resourceCategories) for (const p of r.outline) addPoint(...p);
  for (const ps of model.pointSets ?? []) for (let i = 0; i < ps.points.length; i += 3) addPoint(ps.points[i], ps.points[i + 1], ps.points[i + 2]);
  if (!Number.isFinite(min[0])) return { min: [0, 0, 0], max: [0, 0, 0] };
  return { min, max };
}

/** Origin rounded to 100 m so local coordinates are readable and stable across reloads. */
export function chooseOrigin(b: { min: Vec3; max: Vec3 }): Vec3 {
  return [Math.round((b.min[0] + b.max[0]) / 200) * 100, Math.round((b.min[1] + b.max[1]) / 200) * 100, 0];
}

/** How many own colours workings may have (the line shader's palette); more draw in the workings colour. */
export const WORKING_COLOURS = 16;

/** The distinct own colours of workings, first met first, at most WORKING_COLOURS. */
export function workingPalette(workings: { color?: string }[]): string[] {
  const out: string[] = [];
  for (const w of workings) if (w.color && !out.includes(w.color) && out.length < WORKING_COLOURS) out.push(w.color);
  return out;
}

export function holePaths(model: Model, method: DesurveyMethod, warnings: LoadIssue[]): HolePath[] {
  return model.holes.map((h, i) => {
    if (h.trace && h.stations.length === 0) return pathFromTrace(h.id, h.trace);
    const r = desurvey({ holeId: h.id, collar: h.collar, depth: h.depth, stations: h.stations, collarAzimuth: h.collarAzimuth, collarDip: h.collarDip }, method);
    for (const w of r.warnings) warnings.push({ path: `$.holes[${i}]`, id: h.id, ...w });
    return r.path;
  });
}

/** What building the surfaces' buffers reads of a model (a second worker gets a copy of it). */
export type SurfaceInput = Pick<Model, 'zones' | 'surfaces' | 'faults'>;

/** The faults that offset blocks (at most MAX_FAULTS) as block models, from their surfaces. */
export function faultModelsOf(model: Pick<Model, 'surfaces' | 'faults'>): FaultBlockModel[] {
  return model.faults.slice(0, MAX_FAULTS).map((f) => {
    const s = model.surfaces.find((x) => x.id === f.surface)!;
    return buildFaultModel({ id: f.id, vertices: s.vertices, triangles: s.triangles, movingSide: f.movingSide, slip: f.slip });
  });
}

/** A model's world bounds, the box of its bulk and the origin of its local coordinates (see chooseOrigin). */
export interface WorldFrame {
  bounds: { min: Vec3; max: Vec3 };
  extent: { min: Vec3; max: Vec3 } | null;
  origin: Vec3;
}

/**
 * The origin sits in the bulk of the data (outliers left out, extent.ts): one collar typed
 * 5e12 m east must not move it, or every other coordinate would lose its float32 precision.
 */
export function worldFrame(model: Model): WorldFrame {
  const bounds = worldBounds(model);
  const bulk = modelExtent(model);
  // With no outlier, everything is the bulk: the frame is the one every figure had before.
  const extent = bulk.outliers.length > 0 ? bulk.box : null;
  return { bounds, extent, origin: chooseOrigin(extent ?? bounds) };
}

/**
 * Every surface as drawn: local float32 coordinates, normals, and, for those that move with the
 * faults, cut along the faults with each piece's block mask. Independent of the holes, so the
 * loading worker can have it built by a second worker while it desurveys (surfaces.worker.ts).
 */
export function surfaceBuffers(model: SurfaceInput, origin: Vec3, faultModels: FaultBlockModel[] = faultModelsOf(model)): SurfaceBuffer[] {
  const mask = (p: Vec3) => (faultModels.length ? blockMask(faultModels, p) : 0);
  const zoneKind = new Map(model.zones.map((z) => [z.id, z.kind]));
  return model.surfaces.map((s) => {
    if (!(s.zoneId && MOVES_WITH_FAULTS.has(zoneKind.get(s.zoneId) ?? '')) || faultModels.length === 0) {
      return buildSurfaceBuffer(s.vertices, s.triangles, origin, null);
    }
    // Cut along the faults first so each piece moves whole with its block.
    const cut = cutTriangles(faultModels, s.vertices, s.triangles);
    return buildSurfaceBuffer(cut.vertices, cut.triangles, origin, mask);
  });
}

/**
 * How far prepare() is, 0 to 1, told every PROGRESS_ROWS intervals and between its parts: the
 * desurvey and the interval pieces of ten million intervals take seconds, and a progress bar that
 * stands still that long reads as a hung page.
 */
export type PrepareProgress = (fraction: number) => void;

/** Interval rows between two progress reports. */
const PROGRESS_ROWS = 1 << 16;

/**
 * `surfacesElsewhere`, when given, is the frame (worldFrame(model)) in which the model's surface
 * buffers are being built elsewhere (surfaceBuffers with its origin): the result has none, and
 * the caller puts them in. Otherwise they are built here, and the frame is found here.
 */
export function prepare(model: Model, method: DesurveyMethod = 'minimum-curvature', surfacesElsewhere?: WorldFrame, onProgress: PrepareProgress = () => undefined): Prepared {
  const warnings: LoadIssue[] = [];
  const frame = surfacesElsewhere ?? worldFrame(model);
  const { bounds, origin } = frame;
  const paths = holePaths(model, method, warnings);
  // The desurvey is about a fifth of the work; the interval pieces most of the rest.
  onProgress(0.2);
  // The bulk's box again, the holes bounded by their paths (the origin only needed their collars).
  const extent = frame.extent ? modelExtent(model, (i) => pathBox(paths[i].points)).box : null;
  if (model.faults.length > MAX_FAULTS) {
    warnings.push({ path: '$.faults', ...say('prepare.maxFaults', { max: MAX_FAULTS, more: model.faults.length - MAX_FAULTS }) });
  }
  const faultModels = faultModelsOf(model);
  const mask = (p: Vec3) => (faultModels.length ? blockMask(faultModels, p) : 0);
  const surfaces = surfacesElsewhere ? [] : surfaceBuffers(model, origin, faultModels);
  /**
   * Push a segment, split where it crosses faults so each piece moves with its block. Most pieces
   * cross no fault: their block is read from the end signs without building pieces (the side
   * value of a planar fault is linear, so both ends and the middle agree).
   */
  const nf = faultModels.length;
  const pushCut = (builder: SegmentBuilder, a: Vec3, b: Vec3, value: number, hole: ArrayLike<number>, row: number, d0: number, d1: number) => {
    let mask = 0;
    let crossing = false;
    for (let k = 0; k < nf; k++) {
      const sa = movingSideValueAt(faultModels[k], a, 0);
      const sb = movingSideValueAt(faultModels[k], b, 0);
      if (sa > 0 !== sb > 0) {
        crossing = true;
        break;
      }
      if (sa > 0) mask |= 1 << k;
    }
    if (!crossing) return builder.pushRaw(a, b, value, hole, mask, row, d0, d1);
    for (const piece of cutSegment(faultModels, a, b)) {
      const pa = lerp(a, b, piece.t0);
      const pb = lerp(a, b, piece.t1);
      builder.pushRaw(pa, pb, value, hole, piece.mask, row, d0 + (d1 - d0) * piece.t0, d0 + (d1 - d0) * piece.t1);
    }
  };

  const programs = [...new Set(model.holes.map((h) => h.program))].sort();
  const programIndex = new Map(programs.map((p, i) => [p, i]));
  const holeAttrs = model.holes.map((h, i): [number, number, number, number] => [
    (h.status === 'planned' ? 1 : 0) + (h.type === 'underground' ? 2 : 0),
    programIndex.get(h.program)!,
    h.year ?? 0,
    i,
  ]);

  const valueColumn = pickValueColumn(model);
  const table = valueColumn ? model.intervals.find((t) => t.id === valueColumn.table)! : null;
  const intervals = new SegmentBuilder(origin, table ? intervalPieceBound(table, paths, nf) : 16);
  if (table && valueColumn) {
    const values = table.numeric[valueColumn.name];
    // A piece per interval, cut at the survey stations inside it (as sampleDepths), with no
    // temporary arrays: two scratch points, swapped as the pieces follow each other. The end of
    // one interval is usually the start of the next: its position is reused.
    let cur: Vec3 = [0, 0, 0];
    let next: Vec3 = [0, 0, 0];
    let lastHole = -1;
    let lastDepth = NaN;
    const rows = table.hole.length;
    for (let r = 0; r < rows; r++) {
      if ((r & (PROGRESS_ROWS - 1)) === 0 && r > 0) onProgress(0.2 + (0.7 * r) / rows);
      const hi = table.hole[r];
      const p = paths[hi];
      const from = table.from[r], to = table.to[r];
      const v = Number.isNaN(values[r]) ? -1 : values[r];
      if (!(hi === lastHole && from === lastDepth)) positionAtDepthInto(p, from, cur);
      let d0 = from;
      const ds = p.depths;
      for (let i = firstStationAfter(p, from); i <= ds.length; i++) {
        const d1 = i < ds.length && ds[i] < to - 1e-6 ? ds[i] : to;
        positionAtDepthInto(p, d1, next);
        pushCut(intervals, cur, next, v, holeAttrs[hi], r, d0, d1);
        const t = cur; cur = next; next = t;
        d0 = d1;
        if (d1 === to) break;
      }
      lastHole = hi;
      lastDepth = to;
    }
  }

  onProgress(0.9);
  // Hole traces: stations plus pieces no longer than MAX_TRACE_STEP so arcs look smooth, only
  // where no interval of the grade table covers the hole (the interval shader draws the trace
  // there when intervals are hidden), so a fully sampled hole costs no trace pieces at all.
  const covered = table ? coverage(table.hole, table.from, table.to, model.holes.length) : null;
  const traces = new SegmentBuilder(origin);
  paths.forEach((p, i) => {
    const end = p.depths[p.depths.length - 1];
    const gaps = covered ? uncovered(covered, i, 0, end) : [0, end];
    if (gaps.length === 0) return;
    const depths: number[] = [];
    for (let k = 0; k < p.depths.length - 1; k++) {
      const n = Math.min(MAX_TRACE_PIECES, Math.max(1, Math.ceil((p.depths[k + 1] - p.depths[k]) / MAX_TRACE_STEP)));
      for (let j = 0; j < n; j++) depths.push(p.depths[k] + ((p.depths[k + 1] - p.depths[k]) * j) / n);
    }
    depths.push(end);
    for (let g = 0; g < gaps.length; g += 2) {
      const g0 = gaps[g], g1 = gaps[g + 1];
      const ds = [g0, ...depths.filter((d) => d > g0 + 1e-6 && d < g1 - 1e-6), g1];
      let a = positionAtDepth(p, ds[0]);
      for (let k = 0; k < ds.length - 1; k++) {
        const b = positionAtDepth(p, ds[k + 1]);
        pushCut(traces, a, b, -1, holeAttrs[i], i, ds[k], ds[k + 1]);
        a = b;
      }
    }
  });

  const workings = new SegmentBuilder(origin);
  const workingColors = workingPalette(model.workings);
  model.workings.forEach((w, i) => {
    // A working with a colour of its own (an imported line) draws in it: its value is the palette index.
    const value = w.color ? workingColors.indexOf(w.color) : -1;
    for (let k = 0; k < w.path.length - 1; k++) {
      const a = w.path[k] as Vec3;
      const b = w.path[k + 1] as Vec3;
      pushCut(workings, a, b, value, NO_HOLE, i, 0, 0);
    }
  });
  const resources = new SegmentBuilder(origin);
  const CATEGORY_CODE = { measured: 0, indicated: 1, inferred: 2 } as const;
  model.resourceCategories.forEach((rc, i) => {
    const ring = [...rc.outline, rc.outline[0]];
    for (let k = 0; k < ring.length - 1; k++) {
      const a = ring[k] as Vec3;
      const b = ring[k + 1] as Vec3;
      pushCut(resources, a, b, CATEGORY_CODE[rc.category], NO_HOLE, i, 0, 0);
    }
  });

  // Fault traces where each fault meets the ground (reference elevation, else the highest collar).
  const groundZ = model.project.referenceElevation ?? Math.max(...model.holes.map((h) => h.collar[2]), bounds.max[2]);
  const faultTraces = new SegmentBuilder(origin);
  model.faults.forEach((f, i) => {
    const s = model.surfaces.find((x) => x.id === f.surface)!;
    for (const [a, b] of faultTraceAt(s.vertices, s.triangles, groundZ)) {
      faultTraces.push(a, b, { value: i, hole: [0, 0, 0, -1], mask: 0, row: i, d0: 0, d1: 0 });
    }
  });

  const collars = new Float32Array(model.holes.length * 3);
  model.holes.forEach((h, i) => collars.set([h.collar[0] - origin[0], h.collar[1] - origin[1], h.collar[2] - origin[2]], i * 3));
  const collarMasks = Float32Array.from(model.holes, (h) => mask(h.collar));

  return {
    origin,
    method,
    paths,
    faultModels,
    surfaces,
    intervals: intervals.finish(),
    intervalZones: rowZoneCodes(table, model.zones),
    valueColumn,
    traces: traces.finish(),
    workings: workings.finish(),
    workingColors,
    resources: resources.finish(),
    faultTraces: faultTraces.finish(),
    collars,
    collarMasks,
    programs,
    bounds,
    extent,
    warnings,
  };
}
