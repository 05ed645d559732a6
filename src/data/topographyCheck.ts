/** Load warnings for collars away from the topography surfaces (zones of kind "topography"). */
import { say } from '../domain/message';
import { collarMisfits } from '../domain/topography';
import type { LoadIssue, Model } from './model';

/** Default tolerance, m, when the project does not set `collarTolerance`. */
export const DEFAULT_COLLAR_TOLERANCE = 5;

export function topographyWarnings(model: Model): LoadIssue[] {
  const topo = new Set(model.zones.filter((z) => z.kind === 'topography').map((z) => z.id));
  const surfaces = model.surfaces.filter((s) => s.zoneId && topo.has(s.zoneId));
  if (surfaces.length === 0 || model.holes.length === 0) return [];
  const tolerance = model.project.collarTolerance ?? DEFAULT_COLLAR_TOLERANCE;
  const { misfits } = collarMisfits(model.holes, surfaces, tolerance);
  return misfits.map((m) => ({
    path: 'topography',
    id: m.holeId,
    check: 'collar-topography' as const,
    ...say(m.difference > 0 ? 'load.collarAbove' : 'load.collarBelow', { id: m.holeId, distance: Math.abs(m.difference), tolerance }),
  }));
}
