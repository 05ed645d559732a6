/**
 * Every problem the data-QA panel lists: the load report's errors, warnings and notes (less the
 * ones a QA check finds again with its place, LoadIssue.check) and the checks' problems, each tied
 * to the hole or surface it names so the panel can select it and fly to it.
 */
import type { LoadIssue, LoadReport, Model } from '../data/model';
import type { Problem, ProblemKind } from '../domain/qa/types';

const fromReport = (issues: readonly LoadIssue[] | undefined, kind: ProblemKind, severity: Problem['severity'], holes: Map<string, number>, surfaces: Set<string>): Problem[] =>
  (issues ?? [])
    .filter((i) => !i.check)
    .map((i) => {
      const p: Problem = { kind, severity, message: i.message, ...(i.key ? { key: i.key, params: i.params } : {}), path: i.path, ...(i.id !== undefined ? { recordId: i.id } : {}) };
      if (i.id !== undefined && holes.has(i.id)) {
        p.holeId = i.id;
        p.hole = holes.get(i.id);
      } else if (i.id !== undefined && surfaces.has(i.id)) p.surfaceId = i.id;
      return p;
    });

/** The report's problems then the checks' (null: not run yet). */
export function qaProblems(report: LoadReport | null, model: Model | null, checked: readonly Problem[] | null): Problem[] {
  const holes = new Map((model?.holes ?? []).map((h, i) => [h.id, i]));
  const surfaces = new Set((model?.surfaces ?? []).map((s) => s.id));
  return [
    ...fromReport(report?.errors, 'load-error', 'error', holes, surfaces),
    ...fromReport(report?.warnings, 'load-warning', 'warning', holes, surfaces),
    ...(checked ?? []),
    ...fromReport(report?.notes, 'information', 'info', holes, surfaces),
  ];
}

/** Ids of the holes with a problem (information excluded: it needs no action). */
export function problemHoleIds(problems: readonly Problem[]): string[] {
  const ids = new Set<string>();
  for (const p of problems) {
    if (p.severity === 'info') continue;
    if (p.holeId) ids.add(p.holeId);
    if (p.otherHoleId) ids.add(p.otherHoleId);
  }
  return [...ids];
}
