/**
 * Select a hole and fly to it: the hole search's pick (Filters panel). The selection opens the
 * hole's card (InfoPanel); the camera flies to the hole's mid-depth point (true world m), so the
 * whole hole is in the middle of the view.
 */
import { positionAtDepth } from '../domain/desurvey';
import type { Vec3 } from '../domain/vec3';
import type { VeinscapeState } from './store';

export function focusHole(s: Pick<VeinscapeState, 'model' | 'prepared' | 'select' | 'flyTo'>, hole: number): Vec3 | null {
  const { model, prepared } = s;
  const path = prepared?.paths[hole];
  if (!model || !prepared || !path || !model.holes[hole]) return null;
  const depth = model.holes[hole].depth / 2;
  const at = positionAtDepth(path, depth);
  s.select({ hole, row: null, depth });
  s.flyTo([at[0], at[1], at[2]]);
  return at;
}
