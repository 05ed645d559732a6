/**
 * The data-QA list as CSV for the database manager: one row per problem, RFC 4180 quoting, depths
 * in metres with a decimal point whatever the interface language (machine-readable), and formula
 * characters at the start of a text cell neutralised (a hole id "=HYPERLINK(...)" must not run in
 * a spreadsheet).
 */
import type { Problem } from '../../domain/qa/types';
import { PROBLEM_KINDS } from '../../domain/qa/types';
import { csvText } from '../../domain/csvText';

const HEADERS = ['kind', 'severity', 'hole_id', 'table', 'from_m', 'to_m', 'depth_m', 'other_hole_id', 'other_depth_m', 'surface_id', 'record_id', 'source_path', 'message'];

const text = (v: string | undefined) => (v === undefined ? '' : csvText(v));

const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(+v.toFixed(3)));

export function qaCsv(problems: readonly Problem[]): string {
  const title = new Map(PROBLEM_KINDS.map((k) => [k.kind, k.title]));
  const rows = problems.map((p) =>
    [text(title.get(p.kind) ?? p.kind), p.severity, text(p.holeId), text(p.table), num(p.from), num(p.to), num(p.depth), text(p.otherHoleId), num(p.otherDepth), text(p.surfaceId), text(p.recordId), text(p.path), text(p.message)].join(','),
  );
  return [HEADERS.join(','), ...rows].join('\r\n') + '\r\n';
}
