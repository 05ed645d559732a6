/**
 * The data-QA list as CSV for the database manager: one row per problem, RFC 4180 quoting, depths
 * in metres with a decimal point whatever the interface language (machine-readable), and formula
 * characters at the start of a text cell neutralised (a hole id "=HYPERLINK(...)" must not run in
 * a spreadsheet). Header identifiers, kind titles, severities and messages in `language`
 * (docs/i18n.md, "CSV files"); English by default.
 */
import type { Problem } from '../../domain/qa/types';
import { PROBLEM_KINDS } from '../../domain/qa/types';
import { csvText } from '../../domain/csvText';
import { i18next } from '../../i18n';

const COLUMNS = ['kind', 'severity', 'hole', 'table', 'from', 'to', 'depth', 'otherHole', 'otherDepth', 'surface', 'record', 'path', 'message'];

const text = (v: string | undefined) => (v === undefined ? '' : csvText(v));

const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(+v.toFixed(3)));

export function qaCsv(problems: readonly Problem[], language = 'en'): string {
  const t = i18next.getFixedT(language, 'qa');
  const title = new Map(PROBLEM_KINDS.map((k) => [k.kind, language === 'en' ? k.title : t(`kind.${k.kind}.title`)]));
  const say = i18next.getFixedT(language, 'messages');
  const message = (p: Problem) => (p.key ? say(p.key, { ...p.params, defaultValue: p.message }) : p.message);
  const rows = problems.map((p) =>
    [text(title.get(p.kind) ?? p.kind), t(`csv.severity.${p.severity}`), text(p.holeId), text(p.table), num(p.from), num(p.to), num(p.depth), text(p.otherHoleId), num(p.otherDepth), text(p.surfaceId), text(p.recordId), text(p.path), text(message(p))].join(','),
  );
  return [COLUMNS.map((c) => t(`csv.header.${c}`)).join(','), ...rows].join('\r\n') + '\r\n';
}
