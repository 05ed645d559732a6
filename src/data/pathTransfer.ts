/**
 * Hole paths as a few flat typed arrays for the trip from the loading worker to the page. As
 * objects (one small array per station point and direction) their structured clone took about
 * 1.8 s for 10,000 holes; flat arrays transfer without a copy and rebuild in tens of milliseconds.
 */
import type { DesurveyMethod, HolePath } from '../domain/desurvey';
import type { Vec3 } from '../domain/vec3';

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
    for (let k = 0; k < p.depths.length; k++) {
      depths[o + k] = p.depths[k];
      points.set(p.points[k], (o + k) * 3);
      directions.set(p.directions[k], (o + k) * 3);
    }
  });
  return { holeIds: paths.map((p) => p.holeId), methods: paths.map((p) => p.method), offsets, depths, points, directions };
}

export function unpackPaths(pp: PackedPaths): HolePath[] {
  const out: HolePath[] = new Array(pp.holeIds.length);
  const vec = (a: Float64Array, k: number): Vec3 => [a[k * 3], a[k * 3 + 1], a[k * 3 + 2]];
  for (let i = 0; i < out.length; i++) {
    const o = pp.offsets[i], e = pp.offsets[i + 1];
    const depths: number[] = new Array(e - o);
    const points: Vec3[] = new Array(e - o);
    const directions: Vec3[] = new Array(e - o);
    for (let k = o; k < e; k++) {
      depths[k - o] = pp.depths[k];
      points[k - o] = vec(pp.points, k);
      directions[k - o] = vec(pp.directions, k);
    }
    out[i] = { holeId: pp.holeIds[i], method: pp.methods[i], depths, points, directions };
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

/** Puts the stations back into hole records that came without them (in place). */
export function unpackStations(holes: { stations: { depth: number; azimuth: number; dip: number }[] }[], ps: PackedStations): void {
  const v = ps.values;
  holes.forEach((h, i) => {
    const out = new Array(ps.offsets[i + 1] - ps.offsets[i]);
    for (let k = ps.offsets[i], j = 0; k < ps.offsets[i + 1]; k++, j++) out[j] = { depth: v[k * 3], azimuth: v[k * 3 + 1], dip: v[k * 3 + 2] };
    h.stations = out;
  });
}
