/**
 * CPU mirror of the renderer's filters, for picking, labels and counts. The GPU applies the same
 * rules in the segment shader (segmentMaterial.ts); keep the two in step.
 */
import type { SegmentBuffer } from './segments';

export interface FilterState {
  gradeCutoff: number;
  belowCutoff: 'dim' | 'hide';
  /** local elevation window (m, world minus origin z) */
  elevMin: number;
  elevMax: number;
  /** bit per (planned?1:0)+(underground?2:0) */
  statusTypeMask: number;
  /** bit per program index; programs ≥ 30 are always shown */
  programMask: number;
}

export function statusTypeMask(status: { drilled: boolean; planned: boolean }, type: { surface: boolean; underground: boolean }): number {
  let m = 0;
  for (let code = 0; code < 4; code++) {
    const s = code & 1 ? status.planned : status.drilled;
    const t = code & 2 ? type.underground : type.surface;
    if (s && t) m |= 1 << code;
  }
  return m;
}

export function programMask(programs: string[], shown: Record<string, boolean>): number {
  let m = 0;
  programs.forEach((p, i) => {
    if (i < 30 && shown[p] !== false) m |= 1 << i;
  });
  for (let i = programs.length; i < 30; i++) m |= 1 << i;
  return m;
}

/** Hole-level test on a segment's hole attributes (status/type code, program index). */
export function holeAttrsVisible(code: number, program: number, f: FilterState): boolean {
  if (((f.statusTypeMask >> code) & 1) === 0) return false;
  return program >= 30 || ((f.programMask >> program) & 1) === 1;
}

/** Whether segment i is drawn, with the same rules as the shader. */
export function segmentVisible(b: SegmentBuffer, i: number, f: FilterState, grade: boolean): boolean {
  if (!holeAttrsVisible(Math.round(b.hole[i * 4]), Math.round(b.hole[i * 4 + 1]), f)) return false;
  const z = 0.5 * (b.start[i * 3 + 2] + b.end[i * 3 + 2]);
  if (z < f.elevMin || z > f.elevMax) return false;
  if (grade && f.belowCutoff === 'hide' && b.value[i] < f.gradeCutoff) return false;
  return true;
}
