/**
 * Collars + cleaned survey stations + interval extents → the document's holes. Final depth comes
 * from the collar table's depth column, else the deepest survey station or interval end (m).
 */
import { say } from '../../domain/message';
import type { z } from 'zod';
import type { Hole } from '../schema';
import type { Collars } from './collars';
import { Issues } from './issues';
import type { StationRec } from './surveys';

export type HoleInput = z.input<typeof Hole>;

export function buildHoles(
  collars: Collars,
  stations: Map<string, StationRec[]>,
  maxTo: Map<string, number>,
  stubDepth: number,
  collarFiles: string[],
  issues: Issues,
): HoleInput[] {
  if (collars.byId.size && !collars.hasDepthColumn) {
    issues.warn(collarFiles.join(', '), say('csv.hole.noDepthColumn'));
  }
  const holes: HoleInput[] = [];
  for (const c of collars.byId.values()) {
    const st = stations.get(c.id) ?? [];
    const deepestStation = st.length ? st[st.length - 1].depth : 0;
    const deepestInterval = maxTo.get(c.id) ?? 0;
    let depth = c.depth ?? Math.max(deepestStation, deepestInterval);
    if (!(depth > 0)) {
      depth = stubDepth;
      issues.warn(c.where, say('csv.hole.stub', { id: c.id, depth: stubDepth }), c.id);
    } else if (c.depth !== undefined && deepestInterval > c.depth + 0.01) {
      issues.warn(c.where, say('csv.hole.intervalsPast', { id: c.id, reach: deepestInterval, depth: c.depth }), c.id);
    }
    if (!st.length) {
      const how = c.azimuth !== undefined && c.dip !== undefined ? say('csv.hole.noSurveyStraight', { id: c.id, azimuth: c.azimuth, dip: c.dip }) : say('csv.hole.noSurveyVertical', { id: c.id });
      issues.warn(c.where, how, c.id);
    }
    const h: HoleInput = { id: c.id, collar: c.collar, depth };
    if (c.azimuth !== undefined && c.dip !== undefined) {
      h.azimuth = c.azimuth;
      h.dip = c.dip;
    }
    if (st.length) h.surveys = st.map((s) => ({ depth: s.depth, azimuth: s.azimuth, dip: s.dip }));
    if (c.program !== undefined) h.program = c.program;
    if (c.year !== undefined) h.year = c.year;
    if (c.type !== undefined) h.type = c.type;
    if (c.status !== undefined) h.status = c.status;
    holes.push(h);
  }
  return holes;
}
