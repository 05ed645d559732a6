/**
 * What the long-section panel draws, from the model: the frame of the chosen vein system, its
 * pierce points, contours of grade × thickness, resource outlines, workings and levels, and the
 * extent to fit. Pure: no React, no DOM.
 */
import type { Model } from '../../data/model';
import type { HolePath } from '../../domain/desurvey';
import type { Intercept } from '../../domain/intercepts';
import { bandPolygons, contourLines, type ContourSet } from '../../domain/contours';
import { distanceClasses, distanceGrid, gridOver, type DistanceClassName } from '../../domain/dataDistance';
import { gtClasses, gtGrid, gtSamples, GT_GRID_CELL, GT_IDW_POWER, GT_IDW_RADIUS, GT_LEVELS } from '../../domain/gradeThickness';
import {
  longSectionFrame, piercePoints, projectResources, projectWorkings, surfaceOutlines, workingLevels,
  type Level, type LongSectionFrame, type PiercePoint, type ProjectedOutline, type ProjectedWorking, type UZ,
} from '../../domain/longSection';
import type { Bounds2 } from './view';
import { polygonsPath } from './view';

// The classes, colours and interpolation are domain/gradeThickness.ts's (shared with the 3D "grade on the vein").
export { GT_LEVELS as CONTOUR_LEVELS, GT_GRID_CELL as GRID_CELL, GT_IDW_RADIUS as IDW_RADIUS, GT_IDW_POWER as IDW_POWER };

export interface SectionData {
  frame: LongSectionFrame;
  points: PiercePoint[];
  resources: ProjectedOutline[];
  workings: ProjectedWorking[];
  /** level depths with the along-strike range of their workings */
  levels: (Level & { uMin: number; uMax: number })[];
  outlines: { surfaceId: string; zoneId: string; loops: UZ[][] }[];
  /** everything worth seeing, m, with a margin */
  bounds: Bounds2;
}

export function buildSection(model: Model, paths: HolePath[], intercepts: readonly Intercept[], system: string): SectionData | null {
  const frame = longSectionFrame(model, system);
  if (!frame) return null;
  const points = piercePoints(model, paths, intercepts, frame);
  const workings = projectWorkings(model, frame);
  const ref = model.project.referenceElevation;
  const levels = (ref === undefined ? [] : workingLevels(workings, ref)).map((l) => {
    const us = workings.filter((w) => w.levelDepth === l.depth).flatMap((w) => w.points.map((p) => p[0]));
    return { ...l, uMin: Math.min(...us), uMax: Math.max(...us) };
  });
  let uMin = frame.extent.uMin, uMax = frame.extent.uMax, zMin = frame.extent.zMin, zMax = frame.extent.zMax;
  for (const p of points) {
    uMin = Math.min(uMin, p.u);
    uMax = Math.max(uMax, p.u);
    zMin = Math.min(zMin, p.z);
    zMax = Math.max(zMax, p.z);
  }
  for (const w of workings) for (const [, z] of w.points) zMax = Math.max(zMax, z);
  if (ref !== undefined) zMax = Math.max(zMax, ref);
  const padU = Math.max(20, 0.03 * (uMax - uMin));
  const padZ = Math.max(15, 0.06 * (zMax - zMin));
  return {
    frame,
    points,
    resources: projectResources(model, frame),
    workings,
    levels,
    outlines: surfaceOutlines(model, frame),
    bounds: { uMin: uMin - padU, uMax: uMax + padU, zMin: zMin - padZ, zMax: zMax + padZ },
  };
}

export interface ContourData {
  /** one SVG path (in metres: x = u, y = z) per band, from CONTOUR_LEVELS[i] to the next level */
  bands: { lo: number; hi: number; colour: string; d: string }[];
  lines: ContourSet[];
  /** number of pierce points interpolated */
  count: number;
}

/** IDW grid of the intercepts' g/t·m (u, z in m, domain/gradeThickness.ts), filled bands and contour lines. */
export function contourData(points: readonly PiercePoint[], levels: readonly number[] = GT_LEVELS): ContourData {
  const grid = gtGrid(points);
  if (!grid) return { bands: [], lines: [], count: 0 };
  const bands = gtClasses(levels).map(({ lo, hi, colour }) => ({ lo, hi, colour, d: polygonsPath(bandPolygons(grid, lo, hi)) }));
  return { bands, lines: contourLines(grid, levels), count: gtSamples(points).length };
}

export interface DistanceVeil {
  /** per distance class, nearest first: its veil (SVG path in metres, x = u, y = z; '' where the class is absent) */
  classes: { name: DistanceClassName; lo: number; hi: number; opacity: number; d: string }[];
}

/**
 * The veil of the "shade by distance to data" option over `bounds`: the regions of each distance
 * class (domain/dataDistance.ts) from the pierce points the contours interpolate (those with a
 * g/t·m), traced on the contours' grid cell. Null without such points (nothing is informed).
 */
export function distanceVeil(points: readonly PiercePoint[], bounds: Bounds2): DistanceVeil | null {
  const data = gtSamples(points).map((s) => [s.x, s.y] as const);
  if (data.length === 0) return null;
  const grid = distanceGrid(data, gridOver(bounds, GT_GRID_CELL));
  return { classes: distanceClasses().map((c) => ({ ...c, d: c.opacity > 0 ? polygonsPath(bandPolygons(grid, c.lo, c.hi)) : '' })) };
}

/** 16-point compass name of an azimuth: 249.5 → "WSW". */
export function compassName(az: number): string {
  const names = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];
  return names[Math.round((((az % 360) + 360) % 360) / 22.5) % 16];
}
