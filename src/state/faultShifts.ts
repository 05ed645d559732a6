/**
 * The displacement to draw for each fault's moving block. The file's geometry is as mapped, so
 * the interpreted offset draws it unchanged; 0 m (restored) moves the block back by the whole
 * slip; beyond the mapped offset moves it further. Metres, along each fault's slip direction.
 */
import { faultShift } from '../domain/faults';
import type { Vec3 } from '../domain/vec3';
import type { VeinscapeState } from './store';

export function faultShifts(s: Pick<VeinscapeState, 'prepared' | 'faultOffsets' | 'mappedOffsets'>): Vec3[] {
  return (s.prepared?.faultModels ?? []).map((fm) => {
    const mapped = s.mappedOffsets[fm.id] ?? 0;
    return faultShift(fm, (s.faultOffsets[fm.id] ?? mapped) - mapped);
  });
}
