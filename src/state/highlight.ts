/**
 * The grade from which intervals are emphasised in 3D (at least about 3 px wide on screen, drawn
 * over the vein surfaces with a halo) and named in the legend: the higher of the display cut-off
 * and the significant-intercept cut-off (g/t), so "the gold" is the same grade the intercepts
 * table reports. One definition for the scene, the live legend and the exported legend.
 */
import type { Filters } from './slices/filters';
import type { InterceptQuery } from '../domain/interceptQuery';

export function highlightGrade(s: { filters: Pick<Filters, 'gradeCutoff'>; interceptQuery: Pick<InterceptQuery, 'cutoff'> }): number {
  return Math.max(s.filters.gradeCutoff, s.interceptQuery.cutoff);
}
