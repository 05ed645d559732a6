/**
 * The section slab or clip box of the store as half-spaces in the scene's frame (local metres,
 * elevations times the vertical exaggeration): one definition for the renderer's clipping planes
 * (scene/SectionSync.tsx) and for hiding labels whose anchor is clipped away (overlay/labels.ts).
 */
import { boxPlanes, slabPlanes, type HalfSpace } from '../domain/section';
import type { VeinscapeState } from './store';

export function sectionPlanes(s: Pick<VeinscapeState, 'prepared' | 'section' | 'verticalExaggeration'>): HalfSpace[] {
  const o = s.prepared?.origin;
  if (!o) return [];
  const sec = s.section;
  if (sec.mode === 'slab') return slabPlanes(sec.azimuth, [sec.centre[0] - o[0], sec.centre[1] - o[1]], sec.width);
  if (sec.mode === 'box' && sec.box) {
    const ve = s.verticalExaggeration;
    const { min, max } = sec.box;
    return boxPlanes([min[0] - o[0], min[1] - o[1], (min[2] - o[2]) * ve], [max[0] - o[0], max[1] - o[1], (max[2] - o[2]) * ve]);
  }
  return [];
}
