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

/** How a replay steps: by news release (the date each made holes public) or by drilling year. */
export type TimelineMode = 'release' | 'year';

const datedReleases = (releases: readonly ReleaseDate[]) => new Map(releases.filter((r) => isIsoDate(r.date)).map((r) => [r.id, r.date!]));

/** The modes a dataset can replay in: by release when a hole names a dated release, by year when a hole has a year. */
export function timelineModes(holes: readonly TimelineHole[], releases: readonly ReleaseDate[]): TimelineMode[] {
  const dateOf = datedReleases(releases);
  const modes: TimelineMode[] = [];
  if (holes.some((h) => h.release !== undefined && dateOf.has(h.release))) modes.push('release');
  if (holes.some((h) => Number.isFinite(h.year))) modes.push('year');
  return modes;
}

/**
 * The steps of the replay, by `mode` (default: by release when a hole names a dated release, else
 * by year); none when the holes carry neither. In release steps `until` (a disclosure date in force,
 * 'YYYY-MM-DD') ends the replay there: it never goes past what may be shown. Year steps leave the
 * disclosure date to the filters (it still hides what it hides); their hole count is the year's cut alone.
 */
export function timelineSteps(holes: readonly TimelineHole[], releases: readonly ReleaseDate[], until: string | null = null, mode?: TimelineMode): TimelineStep[] {
  const dateOf = datedReleases(releases);
  const holeDates = holes.map((h) => (h.release === undefined ? undefined : dateOf.get(h.release)));
  if (mode === 'release' || (mode === undefined && holeDates.some((d) => d !== undefined))) {
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
