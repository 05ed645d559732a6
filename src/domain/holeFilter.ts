/**
 * CPU mirror of the renderer's filters, for picking, labels and counts. The GPU applies the same
 * rules in the segment shader (segmentMaterial.ts); keep the two in step.
 */
import { holeAttrAt, holeIndexAt, type SegmentBuffer } from './segments';
import { endDepthAt, readEnd, startDepthAt } from './segmentEnds';

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
  /** drilling year window; holes without a year (0) always pass */
  yearMin?: number;
  yearMax?: number;
  /** depth window along the hole, m */
  depthMin?: number;
  depthMax?: number;
  /** per hole: 1 shown, 0 hidden (hole search, list of holes); null = all */
  holeMask?: Uint8Array | null;
  /**
   * per zone code (zoneCodes.ts): 1 shown, 0 hidden; null = every zone shown. Hides the intervals
   * and intercepts of unticked zones (never a hole: its trace is still drawn there).
   */
  zoneShown?: Uint8Array | null;
  /**
   * The section slab or clip box as half-spaces, [nx, ny, nz, c] per plane, local true-scale
   * metres: a piece (or intercept) is kept when its midpoint p has n·p + c ≥ 0 for every plane.
   * null = no section.
   */
  planes?: Float64Array | null;
}

/** Whether the point (local m) is on the kept side of every plane (none: true). */
export function insidePlanes(planes: Float64Array | null | undefined, x: number, y: number, z: number): boolean {
  if (!planes) return true;
  for (let k = 0; k < planes.length; k += 4) if (planes[k] * x + planes[k + 1] * y + planes[k + 2] * z + planes[k + 3] < 0) return false;
  return true;
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
export function holeAttrsVisible(code: number, program: number, f: FilterState, year = 0, hole = -1): boolean {
  if (((f.statusTypeMask >> code) & 1) === 0) return false;
  if (program < 30 && ((f.programMask >> program) & 1) === 0) return false;
  if (year > 0 && (year < (f.yearMin ?? -Infinity) || year > (f.yearMax ?? Infinity))) return false;
  if (f.holeMask && hole >= 0 && !f.holeMask[hole]) return false;
  return true;
}

/** the tested segment's end point (local m), either form of the buffer (segmentEnds.ts) */
const end = [0, 0, 0];

/**
 * Whether segment i is drawn, with the same rules as the shader (and, with `f.planes`, the section's
 * clipping, by the segment's midpoint). With `grade`: drawn as an interval, so not below a hidden
 * cut-off nor in an unticked zone (`rowZones`: zone code per row, read with `f.zoneShown`).
 */
export function segmentVisible(b: SegmentBuffer, i: number, f: FilterState, grade: boolean, rowZones?: Uint8Array | null): boolean {
  if (!holeAttrsVisible(Math.round(holeAttrAt(b, i, 0)), Math.round(holeAttrAt(b, i, 1)), f, Math.round(holeAttrAt(b, i, 2)), Math.round(holeIndexAt(b, i)))) return false;
  readEnd(b, i, end);
  const z = 0.5 * (b.start[i * 3 + 2] + end[2]);
  if (z < f.elevMin || z > f.elevMax) return false;
  const d = 0.5 * (startDepthAt(b, i) + endDepthAt(b, i));
  if (d < (f.depthMin ?? -Infinity) || d > (f.depthMax ?? Infinity)) return false;
  if (f.planes && !insidePlanes(f.planes, 0.5 * (b.start[i * 3] + end[0]), 0.5 * (b.start[i * 3 + 1] + end[1]), z)) return false;
  if (grade && f.belowCutoff === 'hide' && b.value[i] < f.gradeCutoff) return false;
  if (grade && f.zoneShown && rowZones && f.zoneShown[rowZones[b.row[i]] ?? 0] === 0) return false;
  return true;
}

/** Text folded for matching hole ids: lower case, accents dropped ("Ré-12" matches "re-12"). */
export function foldId(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Holes whose id contains the search text (case-insensitive, accents ignored); null when the search is empty. */
export function holeSearchMask(ids: string[], search: string): Uint8Array | null {
  const q = foldId(search.trim());
  if (!q) return null;
  // Several ids may be given, separated by commas or spaces.
  const terms = q.split(/[\s,;]+/).filter(Boolean);
  return Uint8Array.from(ids, (id) => {
    const f = foldId(id);
    return terms.some((t) => f.includes(t)) ? 1 : 0;
  });
}

/** Indices of the holes whose id contains `text` (folded as foldId), exact matches first, then in id order; at most `limit`. */
export function holeMatches(ids: readonly string[], text: string, limit = 50): number[] {
  const q = foldId(text.trim());
  if (!q) return [];
  const exact: number[] = [], partial: number[] = [];
  ids.forEach((id, i) => {
    const f = foldId(id);
    if (f === q) exact.push(i);
    else if (f.includes(q)) partial.push(i);
  });
  partial.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return [...exact, ...partial].slice(0, limit);
}

/** The search mask combined with a list of hole ids to keep (null = no list): 1 per hole shown by both; null when neither limits. */
export function combineHoleMasks(ids: readonly string[], search: Uint8Array | null, only: readonly string[] | null | undefined): Uint8Array | null {
  if (!only) return search;
  const keep = new Set(only);
  return Uint8Array.from(ids, (id, i) => (keep.has(id) && (!search || search[i] === 1) ? 1 : 0));
}
