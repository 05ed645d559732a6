/**
 * Select a hole and fly to it: the hole search's pick (Filters panel). The selection opens the
 * hole's card (InfoPanel); the camera looks at the hole's mid-depth point (true world m) from the
 * side of the hole, at the distance that fits the whole hole, collar to final depth, in the free
 * area of the view (a plain fly-to kept the camera within 120 m: a 300 m hole filled the screen as
 * a few metres of tube with no label).
 */
import { positionAtDepth } from '../domain/desurvey';
import { frameDirection } from '../domain/interceptFrame';
import { sub, type Vec3 } from '../domain/vec3';
import type { VeinscapeState } from './store';

/** Points along the hole that must be in view (collar, final depth and between: a curved hole). */
const STEPS = 8;

export function focusHole(s: Pick<VeinscapeState, 'model' | 'prepared' | 'select' | 'frameView'>, hole: number): Vec3 | null {
  const { model, prepared } = s;
  const path = prepared?.paths[hole];
  if (!model || !prepared || !path || !model.holes[hole]) return null;
  const end = model.holes[hole].depth;
  const depth = end / 2;
  const at = positionAtDepth(path, depth);
  const points: Vec3[] = [];
  for (let k = 0; k <= STEPS; k++) points.push(positionAtDepth(path, (end * k) / STEPS));
  s.select({ hole, row: null, depth });
  s.frameView({ target: at, points, direction: frameDirection(sub(points[STEPS], points[0]), null) });
  return at;
}
