/**
 * Long section: a vertical longitudinal projection onto a vein system's mean vertical plane, the
 * view narrow-vein geologists read first. Pure maths: no react/three/zustand.
 *
 * - Frame: the vertical plane through the centroid of the system's vein-surface vertices, along the
 *   horizontal principal direction of those vertices (PCA of eastings and northings; the strike
 *   azimuth is reported in [0, 180), so +u points to the eastern half and east is on the right).
 *   A point projects to u = horizontal distance along strike from the centroid (m) and its
 *   elevation z (m); the across-strike coordinate is dropped (a true vertical longitudinal
 *   projection, not an unfolding of the vein).
 * - Pierce points: one per hole-vein crossing of the system.
 *   · Drilled crossings with an intercept: the intercept's mid-depth point. Intercepts of the same
 *     hole and vein zone separated by at most MERGE_GAP m of core are one crossing (a vein sample
 *     split by a missing assay or an unsampled gap): the widths add and the grade is their
 *     width-weighted mean.
 *   · Grade is the capped (top-cut) grade; width and grade × thickness (g/t·m) follow the one
 *     definition of intercepts.ts (rule 5, `gramMetres`): the intercepts' width basis (horizontal
 *     width by default) when every intercept of the crossing has it, else true width, else core
 *     length (`widthKind` says which); g/t·m = grade × that width, as in the intercept table.
 *   · Crossings of a vein surface of the system (veinOrienter.pierce along the hole path) with no
 *     intercept of that zone within MATCH_DEPTH m along the hole: kind 'no-intercept' (drilled;
 *     vein not sampled or not assayed) or 'planned' (planned hole).
 *   · Planned holes that cross no vein surface at all (their targets are usually down-dip
 *     extensions, beyond the modelled veins) belong to the vein system whose best-fit (dipping)
 *     mean plane is nearest to the end of the hole, among the systems whose strike extent (+10 %)
 *     holds it, and no farther than PLANNED_REACH m. They are shown on that system's section only:
 *     where the hole crosses the mean plane, else at the end of the hole (source 'mean-plane' /
 *     'hole-end').
 * - Workings near the system and resource-category outlines of its zones, projected as polylines;
 *   the level depths of the workings as elevations below the reference (surface) elevation.
 */
import type { Model } from '../data/model';
import type { HolePath } from './desurvey';
import { positionAtDepth } from './desurvey';
import { chooseWidth, gramMetres, widthOf, type Intercept, type WidthKind } from './intercepts';
import { strikeDipFromNormal } from './orientation';
import { veinOrienterFor, type VeinOrienter } from './veinOrientation';
import { principalAzimuth } from './viewFit';
import type { Vec3 } from './vec3';

const RAD = Math.PI / 180;
/** Intercepts of one hole and zone at most this far apart (m of core) are one crossing. */
export const MERGE_GAP = 2;
/** A surface crossing this close (m along the hole) to an intercept of the same zone is that intercept. */
export const MATCH_DEPTH = 5;
/** A planned hole ending farther than this (m) from every mean plane targets none of them. */
export const PLANNED_REACH = 80;
/** Longest straight piece of hole tested for crossings, m. */
const STEP = 5;
/** Workings farther than this (m, horizontally) outside the vein surfaces' extent are not drawn. */
const WORKINGS_REACH = 200;

export type UZ = [number, number];

export interface VeinSystem {
  /** zone.system, or the zone id for a vein zone without a system */
  id: string;
  name: string;
  /** vein zones of the system, in model order */
  zoneIds: string[];
}

/** Vein systems of the model (zones of kind 'vein' grouped by `system`), in order of first appearance. */
export function veinSystems(model: Pick<Model, 'zones'>): VeinSystem[] {
  const out = new Map<string, VeinSystem>();
  for (const z of model.zones) {
    if (z.kind !== 'vein') continue;
    const id = z.system ?? z.id;
    const s = out.get(id);
    if (s) s.zoneIds.push(z.id);
    else out.set(id, { id, name: z.system ?? z.name, zoneIds: [z.id] });
  }
  return [...out.values()];
}

/** McDowell when the model has it, else the first vein system; null without vein zones. */
export function defaultSystem(systems: readonly VeinSystem[]): string | null {
  return (systems.find((s) => /mcdowell/i.test(s.id)) ?? systems[0])?.id ?? null;
}

export interface MeanPlane {
  /** unit normal of the best-fit plane through the vertices (pointing up) */
  normal: Vec3;
  /** degrees from horizontal, 0-90 */
  dip: number;
  dipDirection: number;
  /** RMS distance of the vertices from the plane, m */
  rms: number;
}

export interface LongSectionFrame {
  system: string;
  zoneIds: string[];
  /** centroid of the system's vein-surface vertices, world m (float64) */
  origin: Vec3;
  /** azimuth of +u (deg clockwise from grid north), in [0, 180) */
  strike: number;
  /** azimuth the viewer looks toward (perpendicular to strike, +u to the right) */
  lookAzimuth: number;
  /** unit horizontal vector along strike [dE, dN] */
  along: [number, number];
  /** unit horizontal vector in the viewing direction [dE, dN] */
  look: [number, number];
  /** best-fit (dipping) plane of the vein surfaces, through the origin */
  meanPlane: MeanPlane;
  /** extent of the vein surfaces: along strike (u), across strike (offset, look direction +) and elevation */
  extent: { uMin: number; uMax: number; offsetMin: number; offsetMax: number; zMin: number; zMax: number };
  /** [u, z]: distance along strike from the origin and elevation, m */
  project(p: Vec3): UZ;
  /** horizontal distance from the section plane, positive in the viewing direction, m */
  offset(p: Vec3): number;
  /** signed distance from the mean (dipping) plane, positive on the side its normal points to, m */
  planeDistance(p: Vec3): number;
  /** easting and northing of the point at distance u along strike on the section line */
  at(u: number): [number, number];
  /** u of the section line's point with this easting (or northing), or NaN when the line is parallel to that axis */
  uOfEasting(e: number): number;
  uOfNorthing(n: number): number;
}

/** Eigen-decomposition of a symmetric 3×3 matrix (cyclic Jacobi): eigenvalues and column eigenvectors. */
function symmetricEigen(m: number[][]): { values: number[]; vectors: number[][] } {
  const a = m.map((r) => [...r]);
  const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let sweep = 0; sweep < 64; sweep++) {
    const off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
    if (off < 1e-14 * (Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]) + 1e-300)) break;
    for (let p = 0; p < 2; p++) {
      for (let q = p + 1; q < 3; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 3; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < 3; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 3; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: [a[0][0], a[1][1], a[2][2]], vectors: v };
}

/** The frame of a set of vertices [e, n, z, ...] (at least two distinct points), or null. */
export function frameFromVertices(system: string, zoneIds: string[], xyz: ArrayLike<number>): LongSectionFrame | null {
  const n = Math.floor(xyz.length / 3);
  if (n < 2) return null;
  let cx = 0, cy = 0, cz = 0;
  for (let i = 0; i < n * 3; i += 3) { cx += xyz[i]; cy += xyz[i + 1]; cz += xyz[i + 2]; }
  cx /= n; cy /= n; cz /= n;
  const strike = principalAzimuth(xyz);
  const along: [number, number] = [Math.sin(strike * RAD), Math.cos(strike * RAD)];
  // Looking 90° anticlockwise of strike keeps +u on the right.
  const look: [number, number] = [-along[1], along[0]];
  const lookAzimuth = (strike + 270) % 360;
  const cov = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  let uMin = Infinity, uMax = -Infinity, oMin = Infinity, oMax = -Infinity, zMin = Infinity, zMax = -Infinity;
  for (let i = 0; i < n * 3; i += 3) {
    const d = [xyz[i] - cx, xyz[i + 1] - cy, xyz[i + 2] - cz];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cov[r][c] += d[r] * d[c];
    const u = d[0] * along[0] + d[1] * along[1];
    const o = d[0] * look[0] + d[1] * look[1];
    if (u < uMin) uMin = u;
    if (u > uMax) uMax = u;
    if (o < oMin) oMin = o;
    if (o > oMax) oMax = o;
    if (xyz[i + 2] < zMin) zMin = xyz[i + 2];
    if (xyz[i + 2] > zMax) zMax = xyz[i + 2];
  }
  const { values, vectors } = symmetricEigen(cov);
  const k = values.indexOf(Math.min(...values));
  let normal: Vec3 = [vectors[0][k], vectors[1][k], vectors[2][k]];
  const len = Math.hypot(...normal) || 1;
  normal = normal.map((x) => x / len) as Vec3;
  if (normal[2] < 0) normal = normal.map((x) => -x) as Vec3;
  const { dip, dipDirection } = strikeDipFromNormal(normal);
  const origin: Vec3 = [cx, cy, cz];
  const frame: LongSectionFrame = {
    system,
    zoneIds,
    origin,
    strike,
    lookAzimuth,
    along,
    look,
    meanPlane: { normal, dip, dipDirection, rms: Math.sqrt(Math.max(0, values[k]) / n) },
    extent: { uMin, uMax, offsetMin: oMin, offsetMax: oMax, zMin, zMax },
    project: (p) => [(p[0] - cx) * along[0] + (p[1] - cy) * along[1], p[2]],
    offset: (p) => (p[0] - cx) * look[0] + (p[1] - cy) * look[1],
    planeDistance: (p) => (p[0] - cx) * normal[0] + (p[1] - cy) * normal[1] + (p[2] - cz) * normal[2],
    at: (u) => [cx + u * along[0], cy + u * along[1]],
    uOfEasting: (e) => (Math.abs(along[0]) < 1e-9 ? NaN : (e - cx) / along[0]),
    uOfNorthing: (nn) => (Math.abs(along[1]) < 1e-9 ? NaN : (nn - cy) / along[1]),
  };
  return frame;
}

/**
 * The long-section frame of a vein system: the mean vertical plane of the surfaces of its vein
 * zones. Null when the system is unknown or has no surface vertices.
 */
export function longSectionFrame(model: Pick<Model, 'zones' | 'surfaces'>, system: string): LongSectionFrame | null {
  const sys = veinSystems(model).find((s) => s.id === system);
  if (!sys) return null;
  const zones = new Set(sys.zoneIds);
  let count = 0;
  for (const s of model.surfaces) if (s.zoneId && zones.has(s.zoneId)) count += s.vertices.length;
  const xyz = new Float64Array(count);
  let k = 0;
  for (const s of model.surfaces) {
    if (!s.zoneId || !zones.has(s.zoneId)) continue;
    xyz.set(s.vertices, k);
    k += s.vertices.length;
  }
  return frameFromVertices(sys.id, sys.zoneIds, xyz);
}

export type PierceKind = 'intercept' | 'no-intercept' | 'planned';
export type PierceSource = 'intercept' | 'surface' | 'mean-plane' | 'hole-end';

export interface PiercePoint {
  /** stable key: hole id, zone and depth */
  key: string;
  kind: PierceKind;
  source: PierceSource;
  holeIndex: number;
  holeId: string;
  /** vein zone crossed; null for a planned hole projected to the mean plane */
  zoneId: string | null;
  /** along the hole, m (from = to for a crossing without an intercept) */
  from: number;
  to: number;
  /** mid depth along the hole, m */
  depth: number;
  /** world position, m (float64) */
  world: Vec3;
  /** distance along strike, m */
  u: number;
  /** elevation, m */
  z: number;
  /** capped grade (g/t), null without an intercept */
  grade: number | null;
  gradeUncapped: number | null;
  /** the width of the intercepts' basis, or its fallback (widthKind says which), m */
  width: number | null;
  widthKind: WidthKind | null;
  /** grade × width, g/t·m (intercepts.ts gramMetres) */
  gramMetres: number | null;
  /** grade-table rows of the intercept(s), in depth order */
  rows: number[];
}

export interface PierceOptions {
  orienter?: VeinOrienter;
  /** frames of every vein system, to attribute planned holes (default: allFrames(model)) */
  frames?: readonly LongSectionFrame[];
  /** only the intercepts' points (what the g/t·m interpolation uses): no search for gradeless crossings */
  interceptsOnly?: boolean;
}

/** Depths (m) stepping along a path at most STEP apart, through every station. */
function pathDepths(path: HolePath): number[] {
  const out: number[] = [0];
  const ds = path.depths;
  for (let i = 1; i < ds.length; i++) {
    const a = ds[i - 1], b = ds[i];
    const n = Math.max(1, Math.ceil((b - a) / STEP));
    for (let k = 1; k <= n; k++) out.push(a + ((b - a) * k) / n);
  }
  return out;
}

interface Crossing {
  zoneId: string;
  depth: number;
  point: Vec3;
}

/** Every crossing of the hole with the vein surfaces of the zones, in depth order. */
function surfaceCrossings(path: HolePath, frame: LongSectionFrame, orienter: VeinOrienter): Crossing[] {
  const out: Crossing[] = [];
  const zones = frame.zoneIds.filter((z) => orienter.zoneIds.includes(z));
  if (zones.length === 0) return out;
  const pad = 2 * STEP;
  const { offsetMin, offsetMax, zMin, zMax } = frame.extent;
  const depths = pathDepths(path);
  let a = positionAtDepth(path, depths[0]);
  let oa = frame.offset(a);
  for (let k = 1; k < depths.length; k++) {
    const b = positionAtDepth(path, depths[k]);
    const ob = frame.offset(b);
    // Cheap rejection: both ends on the same side outside the slab (or the elevation range) of the veins.
    const outside =
      (oa < offsetMin - pad && ob < offsetMin - pad) || (oa > offsetMax + pad && ob > offsetMax + pad) ||
      (a[2] < zMin - pad && b[2] < zMin - pad) || (a[2] > zMax + pad && b[2] > zMax + pad);
    if (!outside) {
      const d0 = depths[k - 1], d1 = depths[k];
      for (const z of zones) {
        // Several crossings of one zone in one piece: look again past each hit.
        let s0 = 0;
        for (let guard = 0; guard < 4 && s0 < 1; guard++) {
          const pa: Vec3 = s0 === 0 ? a : [a[0] + (b[0] - a[0]) * s0, a[1] + (b[1] - a[1]) * s0, a[2] + (b[2] - a[2]) * s0];
          const hit = orienter.pierce(pa, b, z);
          if (!hit) break;
          const s = s0 + (1 - s0) * hit.t;
          const depth = d0 + (d1 - d0) * s;
          const prev = out.find((c) => c.zoneId === z && Math.abs(c.depth - depth) < 0.05);
          if (!prev) out.push({ zoneId: z, depth, point: hit.point });
          s0 = s + 1e-4;
        }
      }
    }
    a = b;
    oa = ob;
  }
  return out.sort((p, q) => p.depth - q.depth);
}

function inExtent(frame: LongSectionFrame, p: Vec3): boolean {
  const { uMin, uMax } = frame.extent;
  const u = frame.project(p)[0];
  const pad = 0.1 * (uMax - uMin);
  return u >= uMin - pad && u <= uMax + pad;
}

/**
 * The system a planned hole without any vein-surface crossing targets: the one whose mean plane
 * is nearest (≤ PLANNED_REACH) to the end of the hole, among those whose strike extent holds it.
 */
function plannedTarget(path: HolePath, frames: readonly LongSectionFrame[]): string | null {
  const end = positionAtDepth(path, path.depths[path.depths.length - 1]);
  let best: string | null = null;
  let bestD = PLANNED_REACH;
  for (const f of frames) {
    const d = Math.abs(f.planeDistance(end));
    if (d <= bestD && inExtent(f, end)) {
      best = f.system;
      bestD = d;
    }
  }
  return best;
}

/** Where a planned hole meets the frame's mean plane (the last crossing), else its end. */
function meanPlaneTarget(path: HolePath, frame: LongSectionFrame): { depth: number; point: Vec3; source: PierceSource } {
  const depths = pathDepths(path);
  let hit: { depth: number; point: Vec3; source: PierceSource } | null = null;
  let a = positionAtDepth(path, 0);
  let da = frame.planeDistance(a);
  for (let k = 1; k < depths.length; k++) {
    const b = positionAtDepth(path, depths[k]);
    const db = frame.planeDistance(b);
    if ((da < 0 && db >= 0) || (da > 0 && db <= 0)) {
      const t = da / (da - db);
      const p: Vec3 = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
      if (inExtent(frame, p)) hit = { depth: depths[k - 1] + (depths[k] - depths[k - 1]) * t, point: p, source: 'mean-plane' };
    }
    a = b;
    da = db;
  }
  if (hit) return hit;
  const end = depths[depths.length - 1];
  return { depth: end, point: positionAtDepth(path, end), source: 'hole-end' };
}

const framesCache = new WeakMap<object, LongSectionFrame[]>();

/** Frames of every vein system of the model (cached per model). */
export function allFrames(model: Pick<Model, 'zones' | 'surfaces'>): LongSectionFrame[] {
  let f = framesCache.get(model);
  if (!f) {
    f = veinSystems(model).map((s) => longSectionFrame(model, s.id)).filter((x): x is LongSectionFrame => x !== null);
    framesCache.set(model, f);
  }
  return f;
}

/** Whether the hole crosses a vein surface of any of the systems. */
function crossesAnyVein(path: HolePath, frames: readonly LongSectionFrame[], orienter: VeinOrienter): boolean {
  return frames.some((f) => surfaceCrossings(path, f, orienter).length > 0);
}

/** Merge intercepts of one hole and zone into crossings (MERGE_GAP). */
function crossingsOf(rows: Intercept[]): Intercept[][] {
  const sorted = [...rows].sort((a, b) => a.from - b.from);
  const out: Intercept[][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from - last[last.length - 1].to <= MERGE_GAP + 1e-9) last.push(r);
    else out.push([r]);
  }
  return out;
}

/** Widths from the most to the least preferred (intercepts.ts chooseWidth's fallback order). */
const WIDTH_ORDER: readonly WidthKind[] = ['horizontal', 'true', 'core'];

/**
 * Pierce points of the frame's vein system, in hole then depth order. `paths[i]` is the path of
 * `model.holes[i]`; `intercepts` are the calculator's rows (any system: rows of other zones are
 * ignored), normally with the disclosure preset (one intercept per vein sample, capped).
 */
export function piercePoints(model: Model, paths: HolePath[], intercepts: readonly Intercept[], frame: LongSectionFrame, options: PierceOptions = {}): PiercePoint[] {
  const zones = new Set(frame.zoneIds);
  const only = options.interceptsOnly === true;
  const orienter = only ? null : options.orienter ?? veinOrienterFor(model);
  const frames = only ? [] : options.frames ?? allFrames(model);
  const pathById = new Map(paths.map((p) => [p.holeId, p]));
  const pathOf = (hi: number) => (paths[hi]?.holeId === model.holes[hi].id ? paths[hi] : pathById.get(model.holes[hi].id));
  const byHoleZone = new Map<number, Map<string, Intercept[]>>();
  for (const r of intercepts) {
    if (r.zoneId === null || !zones.has(r.zoneId)) continue;
    let m = byHoleZone.get(r.holeIndex);
    if (!m) byHoleZone.set(r.holeIndex, (m = new Map()));
    const l = m.get(r.zoneId);
    if (l) l.push(r);
    else m.set(r.zoneId, [r]);
  }
  const out: PiercePoint[] = [];
  const point = (p: Omit<PiercePoint, 'key' | 'u' | 'z'>): PiercePoint => {
    const [u, z] = frame.project(p.world);
    return { ...p, key: `${p.holeId}|${p.zoneId ?? 'plane'}|${p.depth.toFixed(2)}`, u, z };
  };
  for (let hi = 0; hi < model.holes.length; hi++) {
    const hole = model.holes[hi];
    const holePoints: PiercePoint[] = [];
    /** A point with no assay behind it (a planned target or an unsampled crossing), at one depth. */
    const gradeless = (kind: PiercePoint['kind'], source: PierceSource, zoneId: string | null, depth: number, world: Vec3): PiercePoint =>
      point({ kind, source, holeIndex: hi, holeId: hole.id, zoneId, from: depth, to: depth, depth, world, grade: null, gradeUncapped: null, width: null, widthKind: null, gramMetres: null, rows: [] });
    const own = byHoleZone.get(hi);
    if (own) {
      for (const [zoneId, rows] of own) {
        for (const group of crossingsOf(rows)) {
          // One width for the whole crossing: the most preferred width any of its intercepts used
          // (their basis, unless none had it), when all have it, else the next fallback.
          const preferred = WIDTH_ORDER.find((k) => group.some((r) => r.widthKind === k)) ?? 'core';
          const kind = chooseWidth(preferred, (k) => group.every((r) => widthOf(r, k) !== null));
          const w = (r: Intercept) => widthOf(r, kind)!;
          const width = group.reduce((s, r) => s + w(r), 0);
          const acc = group.reduce((s, r) => s + r.grade * w(r), 0);
          const accU = group.reduce((s, r) => s + r.gradeUncapped * w(r), 0);
          const first = group[0];
          const lastR = group[group.length - 1];
          const grade = group.length === 1 ? first.grade : width > 0 ? acc / width : first.grade;
          const world = group.length === 1 ? first.midpoint : (() => {
            const p = pathOf(hi);
            return p ? positionAtDepth(p, (first.from + lastR.to) / 2) : first.midpoint;
          })();
          holePoints.push(point({
            kind: 'intercept',
            source: 'intercept',
            holeIndex: hi,
            holeId: hole.id,
            zoneId,
            from: first.from,
            to: lastR.to,
            depth: (first.from + lastR.to) / 2,
            world,
            grade,
            gradeUncapped: group.length === 1 ? first.gradeUncapped : width > 0 ? accU / width : first.gradeUncapped,
            width,
            widthKind: kind,
            gramMetres: gramMetres(grade, width),
            rows: group.flatMap((r) => r.rows),
          }));
        }
      }
    }
    const path = pathOf(hi);
    if (path && orienter) {
      const planned = hole.status === 'planned';
      const crossings = surfaceCrossings(path, frame, orienter);
      for (const c of crossings) {
        const rows = own?.get(c.zoneId) ?? [];
        const matched = rows.some((r) => c.depth >= r.from - MATCH_DEPTH && c.depth <= r.to + MATCH_DEPTH);
        if (matched) continue;
        holePoints.push(gradeless(planned ? 'planned' : 'no-intercept', 'surface', c.zoneId, c.depth, c.point));
      }
      if (planned && crossings.length === 0 && !own && !crossesAnyVein(path, frames, orienter) && plannedTarget(path, frames) === frame.system) {
        const t = meanPlaneTarget(path, frame);
        holePoints.push(gradeless('planned', t.source, null, t.depth, t.point));
      }
    }
    holePoints.sort((a, b) => a.depth - b.depth);
    out.push(...holePoints);
  }
  return out;
}

export interface ProjectedOutline {
  id: string;
  category: 'measured' | 'indicated' | 'inferred';
  zoneId: string | null;
  /** closed polygon [u, z] (first point not repeated) */
  points: UZ[];
}

/** Resource-category outlines of the frame's zones, projected. */
export function projectResources(model: Pick<Model, 'resourceCategories'>, frame: LongSectionFrame): ProjectedOutline[] {
  const zones = new Set(frame.zoneIds);
  return model.resourceCategories
    .filter((r) => r.zone !== undefined && zones.has(r.zone))
    .map((r) => ({ id: r.id, category: r.category, zoneId: r.zone ?? null, points: r.outline.map((p) => frame.project(p as Vec3)) }));
}

export interface ProjectedWorking {
  id: string;
  name: string;
  kind: string;
  levelDepth: number | null;
  points: UZ[];
}

/**
 * Underground workings near the system (some point within WORKINGS_REACH m of the vein surfaces'
 * extent along and across strike), projected.
 */
export function projectWorkings(model: Pick<Model, 'workings'>, frame: LongSectionFrame): ProjectedWorking[] {
  const { uMin, uMax, offsetMin, offsetMax } = frame.extent;
  const r = WORKINGS_REACH;
  return model.workings
    .filter((w) =>
      w.path.some((p) => {
        const u = frame.project(p as Vec3)[0];
        const o = frame.offset(p as Vec3);
        return u >= uMin - r && u <= uMax + r && o >= offsetMin - r && o <= offsetMax + r;
      }),
    )
    .map((w) => ({ id: w.id, name: w.name ?? w.id, kind: w.kind, levelDepth: w.levelDepth ?? null, points: w.path.map((p) => frame.project(p as Vec3)) }));
}

export interface Level {
  /** nominal depth below the reference (surface) elevation, m */
  depth: number;
  elevation: number;
}

/** Distinct level depths of the workings, shallowest first, with their elevations. */
export function workingLevels(workings: readonly ProjectedWorking[], referenceElevation: number): Level[] {
  const depths = [...new Set(workings.map((w) => w.levelDepth).filter((d): d is number => d !== null && Number.isFinite(d)))].sort((a, b) => a - b);
  return depths.map((depth) => ({ depth, elevation: referenceElevation - depth }));
}

/**
 * Outlines of the frame's vein surfaces (their boundary edges: edges of one triangle only),
 * chained into closed loops and projected: where the modelled vein is, fault blocks apart.
 */
export function surfaceOutlines(model: Pick<Model, 'surfaces'>, frame: LongSectionFrame): { surfaceId: string; zoneId: string; loops: UZ[][] }[] {
  const zones = new Set(frame.zoneIds);
  const out: { surfaceId: string; zoneId: string; loops: UZ[][] }[] = [];
  for (const s of model.surfaces) {
    if (!s.zoneId || !zones.has(s.zoneId)) continue;
    const count = new Map<string, number>();
    const t = s.triangles;
    const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
    for (let i = 0; i + 2 < t.length; i += 3) {
      for (const [a, b] of [[t[i], t[i + 1]], [t[i + 1], t[i + 2]], [t[i + 2], t[i]]]) {
        const k = key(a, b);
        count.set(k, (count.get(k) ?? 0) + 1);
      }
    }
    // Boundary edges as an adjacency list, then walk loops.
    const adj = new Map<number, number[]>();
    for (const [k, c] of count) {
      if (c !== 1) continue;
      const [a, b] = k.split(',').map(Number);
      (adj.get(a) ?? adj.set(a, []).get(a)!).push(b);
      (adj.get(b) ?? adj.set(b, []).get(b)!).push(a);
    }
    const used = new Set<string>();
    const loops: UZ[][] = [];
    const v = s.vertices;
    const proj = (i: number) => frame.project([v[i * 3], v[i * 3 + 1], v[i * 3 + 2]]);
    for (const [startV, list] of adj) {
      for (const firstN of list) {
        if (used.has(key(startV, firstN))) continue;
        const loop: number[] = [startV];
        let prev = startV;
        let cur = firstN;
        used.add(key(startV, firstN));
        for (let guard = 0; guard < count.size && cur !== startV; guard++) {
          loop.push(cur);
          const nxt = (adj.get(cur) ?? []).find((x) => x !== prev && !used.has(key(cur, x))) ?? (adj.get(cur) ?? []).find((x) => !used.has(key(cur, x)));
          if (nxt === undefined) break;
          used.add(key(cur, nxt));
          prev = cur;
          cur = nxt;
        }
        if (loop.length >= 3) loops.push(loop.map(proj));
      }
    }
    out.push({ surfaceId: s.id, zoneId: s.zoneId, loops });
  }
  return out;
}

/** "067°" style azimuth text. */
export function azimuthText(az: number): string {
  const a = ((Math.round(az) % 360) + 360) % 360;
  return `${String(a).padStart(3, '0')}°`;
}
