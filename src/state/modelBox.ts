/**
 * The model box large surfaces are clipped to (faults, host rock, topography): the axes box around
 * the geology and holes (domain/bounds.ts dataBox), grown by the user's margin; null when clipping
 * is off. Local metres, true scale. One definition for the scene's clipping planes, the overlay's
 * fault anchors and the image export.
 */
import { axisBox } from '../domain/axes';
import { dataBox } from '../domain/bounds';
import type { Box } from '../domain/viewFit';
import type { VeinscapeState } from './store';

export function modelClipBox(s: Pick<VeinscapeState, 'model' | 'prepared' | 'modelClip'>): Box | null {
  const p = s.prepared, m = s.model;
  if (!p || !m || !s.modelClip.on) return null;
  const box = axisBox(dataBox(m, p), p.origin);
  const g = s.modelClip.margin;
  return { min: [box.min[0] - g, box.min[1] - g, box.min[2] - g], max: [box.max[0] + g, box.max[1] + g, box.max[2] + g] };
}
