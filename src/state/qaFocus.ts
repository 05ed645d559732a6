/**
 * Select what a data-QA problem names and fly to it: the hole (and the interval row when the
 * problem is on the grade table) at the problem's depth, framed with 40 m of hole each way (and the
 * other hole of a crossing) in the free area (domain/qa/frame.ts), or the centre of the surface it names.
 * Returns the true-world point flown to (m), or null when the problem names nothing in the scene.
 */
import { problemFrame } from '../domain/qa/frame';
import type { Vec3 } from '../domain/vec3';
import type { Problem } from '../domain/qa/types';
import type { VeinscapeState } from './store';

export function focusProblem(s: VeinscapeState, p: Problem): Vec3 | null {
  const { model, prepared } = s;
  if (!model || !prepared) return null;
  if (p.hole !== undefined && prepared.paths[p.hole]) {
    const depth = Math.min(Math.max(p.depth ?? p.from ?? 0, 0), model.holes[p.hole].depth);
    const row = p.row !== undefined && p.table === prepared.valueColumn?.table ? p.row : null;
    s.select({ hole: p.hole, row, depth });
    const f = problemFrame(p, prepared.paths, new Map(model.holes.map((h, i) => [h.id, i])))!;
    s.frameView({ target: f.target, points: f.points, direction: f.direction });
    return f.target;
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
