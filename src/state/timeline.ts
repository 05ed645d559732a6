/**
 * Replaying the drilling: a timeline step is a cut of the hole filters (a disclosure date, or a
 * last drilling year: domain/timeline.ts), so holes, intervals, intercepts, the long section's
 * contours and the grade on the vein all follow it as they follow the filters, and a view saved at
 * a step (a tour step) holds that cut. The replay remembers the cut in force when it started: its
 * steps never pass that disclosure date, and ending it puts the cut back.
 */
import type { Model } from '../data/model';
import { stepCut, stepIndexOf, timelineSteps, type TimelineMode, type TimelineStep } from '../domain/timeline';
import type { Filters } from './slices/filters';

type S = { model: Model | null; filters: Filters; setFilters: (patch: Partial<Filters>) => void };

// The replay under way: for which dataset, its steps (their kind is how it steps) and the cut it found. Outside the
// store: it is bookkeeping of the replay, not something a view shows or saves (the filters are).
let session: { model: Model; steps: TimelineStep[]; before: Pick<Filters, 'disclosedOn' | 'yearMax'> } | null = null;

/** The replay under way for this dataset (and mode, when one is asked for). */
const current = (s: S, mode?: TimelineMode) => (session && session.model === s.model && (mode === undefined || session.steps[0]?.kind === mode) ? session : null);

/**
 * The default steps last worked out, and from what: the timeline asks at every render (every
 * filter change), and at 10,000 holes working them out took tens of ms in the task that shows a
 * new dataset.
 */
let lastSteps: { model: Model; until: string | null | undefined; mode?: TimelineMode; steps: TimelineStep[] } | null = null;

/** The steps of the replay (the one under way, else the one that would start now, by `mode` or the default). */
export function timelineOf(s: S, mode?: TimelineMode): TimelineStep[] {
  if (!s.model) return [];
  const run = current(s, mode);
  if (run) return run.steps;
  const until = s.filters.disclosedOn;
  if (lastSteps?.model !== s.model || lastSteps.until !== until || lastSteps.mode !== mode) {
    lastSteps = { model: s.model, until, mode, steps: timelineSteps(s.model.holes, s.model.releases ?? [], until, mode) };
  }
  return lastSteps.steps;
}

/** The step the picture is at, or -1 when no replay is under way (or the filters left its steps). */
export function timelineIndex(s: S): number {
  const run = current(s);
  return run ? stepIndexOf(run.steps, s.filters) : -1;
}

/**
 * Go to step `index` (clamped to the steps) and return it, starting the replay if needed (by `mode`,
 * else as the replay under way steps, else the default); null ends the replay and restores the cut
 * it found. Returns null when there is nothing to replay.
 */
export function setTimelineStep(s: S, index: number | null, mode?: TimelineMode): TimelineStep | null {
  if (!s.model) return null;
  if (index === null) {
    // Ending, even after another dataset came in (a replay's date must not pass for one in force there).
    const run = session;
    session = null;
    if (run) s.setFilters(run.before);
    return null;
  }
  const under = current(s);
  if (under && !current(s, mode)) {
    // Another mode: back to the cut found first (the new mode starts from it).
    session = null;
    s.setFilters(under.before);
  }
  const before = under?.before ?? { disclosedOn: s.filters.disclosedOn, yearMax: s.filters.yearMax };
  const run = current(s, mode) ?? { model: s.model, steps: timelineSteps(s.model.holes, s.model.releases ?? [], before.disclosedOn, mode), before };
  if (run.steps.length === 0) return null;
  session = run;
  const step = run.steps[Math.max(0, Math.min(run.steps.length - 1, Math.round(index)))];
  s.setFilters({ ...run.before, ...stepCut(step) });
  return step;
}
