/** True world position at a depth along a hole, from the same desurvey the scene draws. */
import { positionAtDepth } from '../domain/desurvey';
import type { Prepared } from '../domain/prepare';
import type { Model } from '../data/model';
import type { Vec3 } from '../domain/vec3';

export function holePositionOf(model: Model, prepared: Prepared, holeId: string, depth: number): Vec3 {
  const i = model.holes.findIndex((h) => h.id === holeId);
  if (i < 0) throw new Error(`unknown hole "${holeId}"`);
  if (!Number.isFinite(depth) || depth < 0) throw new Error(`depth must be a number ≥ 0 m (got ${depth})`);
  return positionAtDepth(prepared.paths[i], depth);
}
