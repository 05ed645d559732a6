/**
 * Select what a data-QA problem names and fly to it: the hole (and the interval row when the
 * problem is on the grade table) at the problem's depth, or the centre of the surface it names.
 * Returns the true-world point flown to (m), or null when the problem names nothing in the scene.
 */
import { positionAtDepth } from '../domain/desurvey';
import type { Vec3 } from '../domain/vec3';
import type { Problem } from '../domain/qa/types';
import type { VeinscapeState } from './store';

export function focusProblem(s: VeinscapeState, p: Problem): Vec3 | null {
  const { model, prepared } = s;
  if (!model || !prepared) return null;
  if (p.hole !== undefined && prepared.paths[p.hole]) {
    const depth = Math.min(Math.max(p.depth ?? p.from ?? 0, 0), model.holes[p.hole].depth);
    const at = p.at ?? positionAtDepth(prepared.paths[p.hole], depth);
    const row = p.row !== undefined && p.table === prepared.valueColumn?.table ? p.row : null;
    s.select({ hole: p.hole, row, depth });
    s.flyTo([at[0], at[1], at[2]]);
    return at;
  }
  const surface = p.surfaceId ? model.surfaces.find((x) => x.id === p.surfaceId) : undefined;
  if (surface && surface.vertices.length >= 3) {
    const v = surface.vertices;
    const c: Vec3 = [0, 0, 0];
    const n = v.length / 3;
    for (let i = 0; i < v.length; i += 3) for (let a = 0; a < 3; a++) c[a] += v[i + a] / n;
    s.select(null);
    s.flyTo([c[0], c[1], c[2]]);
    return c;
  }
  return null;
}
