/**
 * The second file of the intercept export: every piece of core of every intercept, numbered as
 * the intercept file lists them (1 = its first row), with the grade as assayed and as capped, how it
 * was counted (a code: COUNTED_AS_CODE) and its weight, so a spreadsheet recomputes each intercept's
 * grade as Σ(weight × capped) / Σ weight. RFC 4180, CRLF, numbers with a decimal point (docs/i18n.md
 * "CSV files"); `notes` come first as "# " lines; the header row is the interface's (English by default).
 */
import { csvText } from './csvText';
import { COUNTED_AS_CODE, type InterceptDerivation } from './interceptDerivation';
import { unitTag } from './intercepts';

/** The English header row: grade columns named with their unit ("grade_assayed_gpt"). */
export function interceptSamplesHeader(unit: string): string[] {
  const u = unitTag(unit);
  return ['intercept', 'hole_id', 'from_m', 'to_m', `grade_assayed_${u}`, `grade_capped_${u}`, 'counted_as', 'weight_m'];
}

/** `derivations[i]` is intercept number i + 1; a null one (no grade column) has no lines. */
export function interceptSamplesToCsv(derivations: readonly (InterceptDerivation | null)[], unit: string, notes: readonly string[] = [], header: readonly string[] = interceptSamplesHeader(unit)): string {
  const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : x.toFixed(3));
  const lines = [...notes.map((n) => `# ${n.replace(/[\r\n]+/g, ' ')}`), header.join(',')];
  derivations.forEach((d, i) => {
    for (const s of d?.samples ?? []) {
      lines.push([String(i + 1), csvText(d!.holeId), num(s.from), num(s.to), num(s.assayed), num(s.capped), COUNTED_AS_CODE[s.countedAs], num(s.weight)].join(','));
    }
  });
  return lines.join('\r\n') + '\r\n';
}
