/**
 * Hole paths as a few flat typed arrays for the trip from the loading worker to the page. As
 * objects (one small array per station point and direction) their structured clone took about
 * 1.8 s for 10,000 holes; flat arrays transfer without a copy and rebuild in tens of milliseconds.
 */
import type { DesurveyMethod, HolePath } from '../domain/desurvey';

export interface PackedPaths {
  holeIds: string[];
  methods: DesurveyMethod[];
  /** stations of path i are offsets[i] .. offsets[i + 1] */
  offsets: Int32Array;
  depths: Float64Array;
  /** 3 per station, world m */
  points: Float64Array;
  /** 3 per station, unit */
  directions: Float64Array;
}

export function packPaths(paths: HolePath[]): PackedPaths {
  const offsets = new Int32Array(paths.length + 1);
  paths.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.depths.length));
  const n = offsets[paths.length];
  const depths = new Float64Array(n);
  const points = new Float64Array(n * 3);
  const directions = new Float64Array(n * 3);
  paths.forEach((p, i) => {
    const o = offsets[i];
    depths.set(p.depths, o);
    points.set(p.points, o * 3);
    directions.set(p.directions, o * 3);
  });
  return { holeIds: paths.map((p) => p.holeId), methods: paths.map((p) => p.method), offsets, depths, points, directions };
}

/**
 * The paths back: each one's positions and directions are views of the packed arrays (no copy,
 * 2 small objects a hole), its depths an array of its own.
 */
export function unpackPaths(pp: PackedPaths): HolePath[] {
  const out: HolePath[] = new Array(pp.holeIds.length);
  for (let i = 0; i < out.length; i++) {
    const o = pp.offsets[i], e = pp.offsets[i + 1];
    const depths: number[] = new Array(e - o);
    for (let k = o; k < e; k++) depths[k - o] = pp.depths[k];
    out[i] = { holeId: pp.holeIds[i], method: pp.methods[i], depths, points: pp.points.subarray(o * 3, e * 3), directions: pp.directions.subarray(o * 3, e * 3) };
  }
  return out;
}

export function packedPathTransferables(pp: PackedPaths): ArrayBuffer[] {
  return [pp.offsets, pp.depths, pp.points, pp.directions].map((a) => a.buffer as ArrayBuffer);
}

/** Survey stations of every hole as flat arrays (the hole records travel with `stations: []`). */
export interface PackedStations {
  offsets: Int32Array;
  /** 3 per station: depth m, azimuth °, dip ° */
  values: Float64Array;
}

export function packStations(holes: { stations: { depth: number; azimuth: number; dip: number }[] }[]): PackedStations {
  const offsets = new Int32Array(holes.length + 1);
  holes.forEach((h, i) => (offsets[i + 1] = offsets[i] + h.stations.length));
  const values = new Float64Array(offsets[holes.length] * 3);
  holes.forEach((h, i) => h.stations.forEach((s, k) => values.set([s.depth, s.azimuth, s.dip], (offsets[i] + k) * 3)));
  return { offsets, values };
}

type Station = { depth: number; azimuth: number; dip: number };
type WithStations = { stations: Station[] };

/** Where a hole's stations are in the packed values, until they are first read (unpackStations). */
interface PackedRange {
  values: Float64Array;
  from: number;
  to: number;
  /** the stations once read or set, where the record could not take them (a frozen record) */
  kept?: Station[];
}
const packedRanges = new WeakMap<object, PackedRange>();

/** Hole i's stations as objects, from the packed values. */
function stationsAt(values: Float64Array, from: number, to: number): Station[] {
  const out: Station[] = new Array(to - from);
  for (let k = from, j = 0; k < to; k++, j++) out[j] = { depth: values[k * 3], azimuth: values[k * 3 + 1], dip: values[k * 3 + 2] };
  return out;
}

/** `stations` becomes a plain property of the record holding `value` (kept aside if it is frozen). */
function settle(h: object, r: PackedRange, value: Station[]): Station[] {
  if (Object.isFrozen(h)) r.kept = value;
  else {
    Object.defineProperty(h, 'stations', { value, writable: true, enumerable: true, configurable: true });
    packedRanges.delete(h);
  }
  return value;
}

function readStations(this: WithStations): Station[] {
  const r = packedRanges.get(this);
  if (!r) return [];
  return r.kept ?? settle(this, r, stationsAt(r.values, r.from, r.to));
}

function writeStations(this: WithStations, value: Station[]): void {
  const r = packedRanges.get(this);
  if (r) settle(this, r, value);
}

/**
 * Puts the stations back into hole records that came without them (in place), as a property read
 * the first time it is asked for: the page reads one hole's stations at a time (the info panel, a
 * new desurvey, QA checks, saving), and 1.5 M station objects at 100,000 holes are about 100 MB
 * of the page's heap, against 24 bytes a station packed. Reading it, spreading or cloning the record
 * gives the same stations as before; assigning it replaces them.
 */
export function unpackStations(holes: WithStations[], ps: PackedStations): void {
  holes.forEach((h, i) => {
    packedRanges.set(h, { values: ps.values, from: ps.offsets[i], to: ps.offsets[i + 1] });
    Object.defineProperty(h, 'stations', { get: readStations, set: writeStations, enumerable: true, configurable: true });
  });
}
