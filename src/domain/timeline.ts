/**
 * The drilling timeline: the steps a replay of the drilling goes through, oldest first. With news
 * releases (holes naming a release with a valid date) a step is a release date: "as disclosed on"
 * that date, the holes it and the earlier releases made public. Without them a step is a drilling
 * year: the holes drilled in it or before. Each step says the cut it applies (a disclosure date or
 * a last year) and how many holes it shows, so the replay never shows a hole before its step.
 * Pure: the store applies the cut (state/timeline.ts).
 */
import { isIsoDate, type ReleaseDate } from './disclosure';

export interface TimelineHole {
  year?: number;
  release?: string;
  status: 'drilled' | 'planned';
}

export type TimelineStep =
  /** holes disclosed on `date` (releases dated on or before it); `releases`: the ids dated that very day */
  | { kind: 'release'; date: string; releases: string[]; holes: number }
  /** holes drilled in `year` or before (holes without a year always show, as the year filter does) */
  | { kind: 'year'; year: number; holes: number };

/**
 * The steps of the replay. `until` (a disclosure date in force, 'YYYY-MM-DD') ends it there: a
 * replay never goes past what may be shown. Release steps when any hole names a dated release,
 * else year steps from the years holes carry; none when holes carry neither.
 */
export function timelineSteps(holes: readonly TimelineHole[], releases: readonly ReleaseDate[], until: string | null = null): TimelineStep[] {
  const dateOf = new Map(releases.filter((r) => isIsoDate(r.date)).map((r) => [r.id, r.date!]));
  const holeDates = holes.map((h) => (h.release === undefined ? undefined : dateOf.get(h.release)));
  if (holeDates.some((d) => d !== undefined)) {
    const dates = [...new Set(holeDates.filter((d): d is string => d !== undefined))].filter((d) => until === null || d <= until).sort();
    return dates.map((date) => ({
      kind: 'release',
      date,
      releases: [...dateOf].filter(([, d]) => d === date).map(([id]) => id).sort(),
      holes: holeDates.filter((d) => d !== undefined && d <= date).length,
    }));
  }
  const years = [...new Set(holes.map((h) => h.year).filter((y): y is number => Number.isFinite(y)))].sort((a, b) => a - b);
  const undated = holes.filter((h) => !Number.isFinite(h.year)).length;
  return years.map((year) => ({ kind: 'year', year, holes: undated + holes.filter((h) => h.year! <= year).length }));
}

/** The cut a step applies to the hole filters. */
export function stepCut(step: TimelineStep): { disclosedOn: string } | { yearMax: number } {
  return step.kind === 'release' ? { disclosedOn: step.date } : { yearMax: step.year };
}

/** Which step the filters are at (its cut in force), or -1 when they are at none. */
export function stepIndexOf(steps: readonly TimelineStep[], filters: { disclosedOn?: string | null; yearMax: number | null }): number {
  return steps.findIndex((s) => (s.kind === 'release' ? filters.disclosedOn === s.date : filters.yearMax === s.year));
}
