/**
 * The report of a CSV import: the importer's issues (placed at file:row) and the validation's of the
 * document it built (placed at JSON paths of that document, which the user never saw). Where both
 * find the same thing, the importer's is kept: overlapping and duplicate intervals (the same rule,
 * domain/qa/intervalChecks.ts) and the missing / below-detection notes (said per file).
 */
import type { LoadIssue, LoadReport } from './model';

const SAID_BY_IMPORTER = new Set<LoadIssue['check']>(['overlap', 'duplicate']);

export function mergeCsvIssues(imported: LoadReport, validated: LoadReport): Pick<LoadReport, 'errors' | 'warnings' | 'notes'> {
  return {
    errors: [...imported.errors, ...validated.errors],
    warnings: [...imported.warnings, ...validated.warnings.filter((w) => !SAID_BY_IMPORTER.has(w.check))],
    notes: [...(imported.notes ?? [])],
  };
}
