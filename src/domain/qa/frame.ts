/**
 * What a view of a data-QA problem on a hole shows, and from where: the hole HOLE_MARGIN m above
 * and below the problem (an interval: the whole interval), and for two holes passing close, the
 * other hole around its own depth too, seen across both so the pair reads as an X. Pure maths.
 */
import { positionAtDepth, type HolePath } from '../desurvey';
import { frameDirection, HOLE_MARGIN, type InterceptFrame } from '../interceptFrame';
import { cross, length, normalize, scale, sub, type Vec3 } from '../vec3';
import type { Problem } from './types';

function stretch(path: HolePath, from: number, to: number, points: Vec3[]): Vec3 {
  const end = path.depths[path.depths.length - 1] ?? 0;
  const a = Math.max(0, from - HOLE_MARGIN), b = Math.min(end, to + HOLE_MARGIN);
  const steps = 8;
  for (let k = 0; k <= steps; k++) points.push(positionAtDepth(path, a + ((b - a) * k) / steps));
  return sub(positionAtDepth(path, Math.min(end, to + 1)), positionAtDepth(path, Math.max(0, from - 1)));
}

/** The frame of a problem on a hole, or null when it names no hole. */
export function problemFrame(p: Problem, paths: readonly HolePath[], holeIndex: ReadonlyMap<string, number>): InterceptFrame | null {
  if (p.hole === undefined || !paths[p.hole]) return null;
  const path = paths[p.hole];
  const end = path.depths[path.depths.length - 1] ?? 0;
  const depth = Math.min(Math.max(p.depth ?? p.from ?? 0, 0), end);
  const points: Vec3[] = [];
  const dir = stretch(path, Math.min(p.from ?? depth, depth), Math.max(p.to ?? depth, depth), points);
  const target = p.at ?? positionAtDepth(path, depth);
  const other = p.otherHoleId !== undefined ? holeIndex.get(p.otherHoleId) : undefined;
  if (other !== undefined && paths[other] && p.otherDepth !== undefined) {
    const dir2 = stretch(paths[other], p.otherDepth, p.otherDepth, points);
    let across = cross(normalize(dir), normalize(dir2));
    if (length(across) > 0.05) {
      across = normalize(across);
      // Seen from above the horizon when the two allow it.
      return { target, points, direction: across[2] < 0 ? scale(across, -1) : across };
    }
  }
  return { target, points, direction: frameDirection(dir, null) };
}
