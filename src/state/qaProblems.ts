/**
 * Every problem the data-QA panel lists: the load report's errors, warnings and notes (less the
 * ones a QA check finds again with its place, LoadIssue.check) and the checks' problems, each tied
 * to the hole or surface it names so the panel can select it and fly to it.
 */
import type { LoadIssue, LoadReport, Model } from '../data/model';
import type { Problem, ProblemKind } from '../domain/qa/types';

/** What a report's record id names: a hole (its index) or a surface. */
interface Named {
  hole(id: string): number | undefined;
  surface(id: string): boolean;
}

/** Ids looked up one by one (a scan of the holes each) before a map of them is made. */
const SCANS = 8;

/**
 * A report names few records, or none: the first ids are found by a scan, a map is made only for
 * more. The map of 100,000 hole ids, made for the one note of a stress dataset, was 10-30 ms of the
 * task that shows it. The last hole with the id, as the map gives.
 */
function namedIn(model: Model | null): Named {
  const list = model?.holes ?? [];
  let holes: Map<string, number> | null = null;
  let surfaces: Set<string> | null = null;
  let scans = 0;
  return {
    hole: (id) => {
      if (!holes && scans++ < SCANS) {
        const i = list.findLastIndex((h) => h.id === id);
        return i >= 0 ? i : undefined;
      }
      return (holes ??= new Map(list.map((h, i) => [h.id, i]))).get(id);
    },
    surface: (id) => (surfaces ??= new Set((model?.surfaces ?? []).map((s) => s.id))).has(id),
  };
}

const fromReport = (issues: readonly LoadIssue[] | undefined, kind: ProblemKind, severity: Problem['severity'], named: Named): Problem[] =>
  (issues ?? [])
    .filter((i) => !i.check)
    .map((i) => {
      const p: Problem = { kind, severity, message: i.message, ...(i.key ? { key: i.key, params: i.params } : {}), path: i.path, ...(i.id !== undefined ? { recordId: i.id } : {}) };
      const hole = i.id !== undefined ? named.hole(i.id) : undefined;
      if (hole !== undefined) {
        p.holeId = i.id;
        p.hole = hole;
      } else if (i.id !== undefined && named.surface(i.id)) p.surfaceId = i.id;
      return p;
    });

/** The report's problems then the checks' (null: not run yet). */
export function qaProblems(report: LoadReport | null, model: Model | null, checked: readonly Problem[] | null): Problem[] {
  const named = namedIn(model);
  return [
    ...fromReport(report?.errors, 'load-error', 'error', named),
    ...fromReport(report?.warnings, 'load-warning', 'warning', named),
    ...(checked ?? []),
    ...fromReport(report?.notes, 'information', 'info', named),
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
