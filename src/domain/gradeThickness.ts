/**
 * Grade × thickness (g/t·m) interpolated over a vein system: the one definition behind the long
 * section's contours and the 3D "grade on the vein" colouring, so both show the same ore shoots.
 * Pure maths: no react/three/zustand.
 *
 * Path: intercepts (disclosure preset, one per vein sample, capped at the intercept calculator's
 * top-cut, on its width basis) → the system's pierce points (longSection.ts: mid-point of each
 * crossing, g/t·m = capped grade × width, intercepts.ts `gramMetres`: horizontal width by default,
 * the fallback width named per point where it is unknown) → inverse-distance weighting in
 * the long-section frame (u along strike, z elevation; power GT_IDW_POWER, within GT_IDW_RADIUS m)
 * → a class of GT_LEVELS with its colour in GT_COLOURS.
 * - The long section samples the interpolation on a GT_GRID_CELL m grid and fills the bands.
 * - The 3D view evaluates it at each vertex of the system's vein surfaces, projected into the same
 *   frame; the value is interpolated linearly across each triangle (as the long section's bands are
 *   across grid cells) and each pixel takes its class colour (gtPixelClass, in the surface shader).
 *   Where no pierce point is within the radius the vein keeps its own colour, dimmed
 *   (GT_NO_DATA_MIX); below the first level is GT_BELOW_COLOUR.
 */
import type { Model } from '../data/model';
import { DEFAULT_IDW_POWER, DEFAULT_IDW_RADIUS, gridFor, idwField, idwGrid, type Grid, type ScatterPoint } from './contours';
import type { HolePath } from './desurvey';
import type { Intercept, WidthKind } from './intercepts';
import { disclosurePreset, queryInterceptSteps, type InterceptQuery } from './interceptQuery';
import { longSectionFrame, piercePoints, veinSystems, type PiercePoint } from './longSection';
import type { SurfaceBuffer } from './surfaceBuffer';
import type { Vec3 } from './vec3';

/** Class bounds of grade × thickness, g/t·m: the long section's contour levels. */
export const GT_LEVELS: readonly number[] = [1, 5, 10, 20];
/** Colour of each class, from GT_LEVELS[i] to the next level (the last is open above). */
export const GT_COLOURS: readonly string[] = ['#c2e699', '#78c679', '#31a354', '#006837'];
/** 3D only: within reach of the data but below the first level (the long section leaves it blank). */
export const GT_BELOW_COLOUR = '#a9a9a4';
/** 3D only: no data within the radius: the vein's own colour mixed this much toward GT_NO_DATA_GREY. */
export const GT_NO_DATA_MIX = 0.6;
export const GT_NO_DATA_GREY = '#6b6b6b';
/** Grid cell of the long section's interpolation, m. */
export const GT_GRID_CELL = 10;
export const GT_IDW_RADIUS = DEFAULT_IDW_RADIUS;
export const GT_IDW_POWER = DEFAULT_IDW_POWER;
export interface GtClass {
  lo: number;
  /** Infinity for the last class */
  hi: number;
  colour: string;
  /** "1–5", "≥ 20" */
  label: string;
}

/** The classes with their colours and labels, lowest first. */
export function gtClasses(levels: readonly number[] = GT_LEVELS): GtClass[] {
  return levels.map((lo, i) => {
    const hi = levels[i + 1] ?? Infinity;
    return { lo, hi, colour: GT_COLOURS[Math.min(i, GT_COLOURS.length - 1)], label: hi === Infinity ? `≥ ${lo}` : `${lo}–${hi}` };
  });
}

/** What a swatch of the 3D colouring's legend stands for: below the first level, a class, or no data within the radius. */
export type GtLegendKind = 'below' | 'class' | 'noData';

/**
 * What the 3D colouring's legend lists, in order: below the first level, the classes, no data. The
 * no-data swatch is the neutral the vein colours are dimmed toward (each vein keeps a trace of its own).
 * Numbers and kinds only: the words are the picture's (overlay/gradeThicknessText.ts), in the user's language.
 */
export function gtLegendItems(): { colour: string; kind: GtLegendKind; lo: number; hi: number }[] {
  return [
    { colour: GT_BELOW_COLOUR, kind: 'below', lo: -Infinity, hi: GT_LEVELS[0] },
    ...gtClasses().map((c) => ({ colour: c.colour, kind: 'class' as const, lo: c.lo, hi: c.hi })),
    { colour: GT_NO_DATA_GREY, kind: 'noData', lo: NaN, hi: NaN },
  ];
}

/** Class of a value: its index in GT_LEVELS, -1 below the first level, -2 for NaN (no data). */
export function gtClassOf(v: number, levels: readonly number[] = GT_LEVELS): number {
  if (Number.isNaN(v)) return -2;
  let c = -1;
  while (c + 1 < levels.length && v >= levels[c + 1]) c++;
  return c;
}

/** The intercepts the pierce points come from: one per vein sample, capped at `topCut`, every system, g/t·m on `widthBasis`. */
export function sectionInterceptQuery(topCut: number | null, widthBasis: WidthKind = 'horizontal'): InterceptQuery {
  return { ...disclosurePreset('', topCut ?? 45), topCut, system: null, widthBasis };
}

/** The interpolated data: each pierce point with a g/t·m, at (u, z). */
export function gtSamples(points: readonly PiercePoint[]): ScatterPoint[] {
  return points.filter((p) => p.gramMetres !== null).map((p) => ({ x: p.u, y: p.z, v: p.gramMetres! }));
}

/** The long section's grid of g/t·m over (u, z); null without data. */
export function gtGrid(points: readonly PiercePoint[]): Grid | null {
  const data = gtSamples(points);
  if (data.length === 0) return null;
  return idwGrid(data, gridFor(data, GT_GRID_CELL, GT_IDW_RADIUS), { radius: GT_IDW_RADIUS, power: GT_IDW_POWER });
}

/** The same interpolation at any (u, z): NaN where no pierce point is within the radius. */
export function gtField(points: readonly PiercePoint[]): (u: number, z: number) => number {
  return idwField(gtSamples(points), { radius: GT_IDW_RADIUS, power: GT_IDW_POWER });
}

/** g/t·m at each vertex ([x, y, z, ...] local m; world = local + origin) projected by `project`. */
export function vertexValues(positions: ArrayLike<number>, origin: Vec3, project: (p: Vec3) => [number, number], field: (u: number, z: number) => number, from = 0, to = positions.length / 3, out = new Float32Array(positions.length / 3)): Float32Array {
  const p: Vec3 = [0, 0, 0];
  for (let v = from; v < to; v++) {
    p[0] = positions[3 * v] + origin[0];
    p[1] = positions[3 * v + 1] + origin[1];
    p[2] = positions[3 * v + 2] + origin[2];
    const [u, z] = project(p);
    out[v] = field(u, z);
  }
  return out;
}

export interface VeinGrade {
  /** per surface of the model (same order): g/t·m at each vertex of its buffer, NaN = no data; null for surfaces of no vein system */
  values: (Float32Array | null)[];
  /** each vein system with the number of pierce points interpolated */
  systems: { id: string; name: string; points: number }[];
}

/** Vertices per step of veinGradeSteps. */
const CHUNK = 4096;

/**
 * g/t·m on every vein surface of every vein system, as a step generator (domain/sliced.ts): the
 * intercepts, then per system its pierce points and each of its surfaces' vertices in chunks.
 * `surfaces` are the prepared buffers (vertices duplicated across fault blocks: each copy gets the
 * value of its position as mapped, and moves with its block).
 */
export function* veinGradeSteps(model: Model, paths: HolePath[], origin: Vec3, surfaces: readonly SurfaceBuffer[], topCut: number | null, keep?: (holeId: string) => boolean, widthBasis: WidthKind = 'horizontal'): Generator<void, VeinGrade> {
  const all = yield* queryInterceptSteps(model, paths, sectionInterceptQuery(topCut, widthBasis));
  // Only the holes the filters keep: a filtered hole leaves the interpolation as it leaves the picture.
  // The rows' objects are made here, for the pierce points (interceptRows.ts).
  const intercepts = (keep ? all.select((i) => keep(all.holes[all.holeIndex(i)].id)) : all).toArray();
  return yield* veinGradeFromIntercepts(model, paths, origin, surfaces, intercepts);
}

export function* veinGradeFromIntercepts(model: Model, paths: HolePath[], origin: Vec3, surfaces: readonly SurfaceBuffer[], intercepts: readonly Intercept[]): Generator<void, VeinGrade> {
  const values: (Float32Array | null)[] = model.surfaces.map(() => null);
  const systems: VeinGrade['systems'] = [];
  for (const sys of veinSystems(model)) {
    const frame = longSectionFrame(model, sys.id);
    if (!frame) continue;
    yield;
    const points = piercePoints(model, paths, intercepts, frame, { interceptsOnly: true });
    const field = gtField(points);
    systems.push({ id: sys.id, name: sys.name, points: gtSamples(points).length });
    const zones = new Set(sys.zoneIds);
    for (let i = 0; i < model.surfaces.length; i++) {
      const zoneId = model.surfaces[i].zoneId;
      const buffer = surfaces[i];
      if (!zoneId || !zones.has(zoneId) || !buffer) continue;
      const n = buffer.positions.length / 3;
      const out = new Float32Array(n);
      for (let from = 0; from < n; from += CHUNK) {
        yield;
        vertexValues(buffer.positions, origin, frame.project, field, from, Math.min(n, from + CHUNK), out);
      }
      values[i] = out;
    }
  }
  return { values, systems };
}

/** The vein colour where there is no data: mixed GT_NO_DATA_MIX toward GT_NO_DATA_GREY (in sRGB). */
export function noDataColour(veinColour: string): string {
  const a = parseInt(veinColour.replace('#', ''), 16), b = parseInt(GT_NO_DATA_GREY.slice(1), 16);
  const mix = (s: number) => Math.round(((a >> s) & 255) * (1 - GT_NO_DATA_MIX) + ((b >> s) & 255) * GT_NO_DATA_MIX);
  return `#${((mix(16) << 16) | (mix(8) << 8) | mix(0)).toString(16).padStart(6, '0')}`;
}

/**
 * The per-vertex attribute the 3D colouring interpolates: (value × reach, reach), reach 1 where
 * there is data within the radius and 0 where there is none (value NaN). Interpolated over a
 * triangle and divided, it gives the value interpolated from the vertices with data only.
 */
export function gtVertexAttribute(values: Float32Array): Float32Array {
  const out = new Float32Array(values.length * 2);
  for (let v = 0; v < values.length; v++) {
    const x = values[v];
    if (Number.isNaN(x)) continue;
    out[2 * v] = x;
    out[2 * v + 1] = 1;
  }
  return out;
}

/**
 * What a pixel of a triangle shows (the fragment shader's rule, in JS): the class (gtClassOf) of
 * the value interpolated with barycentric weights `w` from the corners with data, or no data
 * (-2) when the corners without data weigh more than half.
 */
export function gtPixelClass(attribute: ArrayLike<number>, corners: [number, number, number], w: [number, number, number]): number {
  let vx = 0, reach = 0;
  for (let k = 0; k < 3; k++) {
    vx += w[k] * attribute[2 * corners[k]];
    reach += w[k] * attribute[2 * corners[k] + 1];
  }
  return reach >= 0.5 ? gtClassOf(vx / reach) : -2;
}
