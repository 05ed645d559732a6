/**
 * An intercept's widths, the width a label names and gram-metres (rules 5 and 11 of intercepts.ts):
 * apart from the calculator so the intercepts' columns (interceptRows.ts) make them when read with
 * the same definitions.
 */
export type WidthKind = 'horizontal' | 'true' | 'core';

/** A width's name in labels and legends. */
export const WIDTH_TAG: Record<WidthKind, string> = { horizontal: 'HW', true: 'TW', core: 'core length' };

/** The widths an interval may have (core length always). */
export interface Widths {
  coreLength: number;
  trueWidth: number | null;
  horizontalWidth: number | null;
}

/** One width of an interval, m; null when unknown there. */
export function widthOf(w: Widths, kind: WidthKind): number | null {
  return kind === 'horizontal' ? w.horizontalWidth : kind === 'true' ? w.trueWidth : w.coreLength;
}

/**
 * Grade × thickness (gram-metres, g/t·m; %·m for a grade in %): capped grade (g/t) × width (m).
 * The one definition of the figure: the intercept table, its CSV, the long section and the grade on
 * the vein all call it, each with the width it says it uses.
 */
export function gramMetres(grade: number, width: number): number {
  return grade * width;
}
