/** Load warnings for collars away from the topography surfaces (zones of kind "topography"). */
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
  const fmt = (d: number) => `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} m`;
  return misfits.map((m) => ({
    path: 'topography',
    id: m.holeId,
    check: 'collar-topography' as const,
    message: `collar of ${m.holeId} is ${fmt(m.difference)} ${m.difference > 0 ? 'above' : 'below'} the topography (tolerance ${tolerance} m)`,
  }));
}
