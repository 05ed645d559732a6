/**
 * Tell collar, survey and interval tables apart by their columns, map columns to roles (with the
 * user's overrides on top), and detect the length unit and the dip sign convention.
 */
import { isGoldName, namedInFeet, namedInMetres, normalizeName, readNumber, ROLE_NAMES, splitUnit } from './columns';
import { say, type Said } from '../../domain/message';
import { Issues } from './issues';
import { cell, type CsvTable } from './parse';
import type { ColumnMapping, ColumnRole, DipSign, LengthUnit, TableKind } from './types';

type KnownKind = Exclude<TableKind, 'unknown'>;

/** Each role takes the first header matching its most specific candidate name. */
function autoMapping(headers: string[], kind: KnownKind): ColumnMapping {
  const byName = new Map<string, string>();
  for (const h of headers) if (!byName.has(normalizeName(h))) byName.set(normalizeName(h), h);
  const used = new Set<string>();
  const out: ColumnMapping = {};
  for (const [role, names] of Object.entries(ROLE_NAMES[kind]) as [ColumnRole, readonly string[]][]) {
    for (const n of names) {
      const h = byName.get(n);
      if (h !== undefined && !used.has(h)) {
        out[role] = h;
        used.add(h);
        break;
      }
    }
  }
  if (kind === 'interval') {
    // Prefer plain Au (any unit) over variants such as AuFA or Au1; the others stay value columns.
    const free = headers.filter((h) => !used.has(h) && isGoldName(h));
    const au = free.find((h) => /^(au|gold|or)$/.test(normalizeName(splitUnit(h).base))) ?? free[0];
    if (au) out.au = au;
  }
  return out;
}

function withOverride(auto: ColumnMapping, override: ColumnMapping | undefined, headers: string[], file: string, issues: Issues): ColumnMapping {
  if (!override) return auto;
  const out: ColumnMapping = { ...auto };
  for (const [role, header] of Object.entries(override) as [ColumnRole, string | undefined][]) {
    if (header === undefined) continue;
    if (header === '') {
      delete out[role];
      continue;
    }
    const h = headers.find((x) => x === header.trim()) ?? headers.find((x) => normalizeName(x) === normalizeName(header));
    if (!h) {
      issues.warn(file, say('csv.mappingIgnored', { header, role, file, headers: headers.join(', ') }));
      continue;
    }
    // A header serves one role: the override takes it away from the detected one.
    for (const r of Object.keys(out) as ColumnRole[]) if (out[r] === h) delete out[r];
    out[role] = h;
  }
  return out;
}

const REQUIRED: Record<KnownKind, (m: ColumnMapping) => boolean> = {
  collar: (m) => !!(m.hole && m.east && m.north),
  interval: (m) => !!(m.hole && m.from && m.to),
  survey: (m) => !!(m.hole && m.depth && m.azimuth && (m.dip || m.inclination)),
};
const KIND_ROLES: Record<KnownKind, ColumnRole[]> = {
  collar: Object.keys(ROLE_NAMES.collar) as ColumnRole[],
  survey: Object.keys(ROLE_NAMES.survey) as ColumnRole[],
  interval: ['hole', 'from', 'to', 'au'],
};

/**
 * Kind and column mapping of a table. Intervals first (a composite table may carry X / Y / Z
 * beside FROM / TO), then collars (coordinates), then surveys.
 */
export function detectTable(t: CsvTable, override: ColumnMapping | undefined, issues: Issues): { kind: TableKind; mapping: ColumnMapping } {
  for (const kind of ['interval', 'collar', 'survey'] as const) {
    // Override warnings are kept only for the kind finally chosen.
    const notes = new Issues();
    const mapping = withOverride(autoMapping(t.headers, kind), override, t.headers, t.file, notes);
    if (!REQUIRED[kind](mapping)) continue;
    issues.warnings.push(...notes.warnings);
    for (const r of Object.keys(mapping) as ColumnRole[]) if (!KIND_ROLES[kind].includes(r)) delete mapping[r];
    return { kind, mapping };
  }
  return { kind: 'unknown', mapping: withOverride({}, override, t.headers, t.file, issues) };
}

/** Length unit: the option, else feet when length columns are named in feet, else metres. */
export function detectLengthUnit(option: LengthUnit | undefined, tables: { file: string; mapping: ColumnMapping }[], issues: Issues): LengthUnit {
  const lengthRoles: ColumnRole[] = ['east', 'north', 'elevation', 'depth', 'from', 'to'];
  const inFeet = tables.flatMap((t) => lengthRoles.map((r) => t.mapping[r]).filter((h): h is string => !!h && namedInFeet(h)).map((h) => `${t.file}: ${h}`));
  if (option) {
    if (option === 'm' && inFeet.length) issues.warn(inFeet[0].split(':')[0], say('csv.feetAsMetres', { columns: inFeet.join('; ') }));
    return option;
  }
  if (inFeet.length) {
    issues.warn(inFeet[0].split(':')[0], say('csv.feetDetected', { columns: inFeet.join('; ') }));
    return 'ft';
  }
  return 'm';
}

/** Whether any length column names its unit (feet or metres): else metres is an assumption the user should check. */
export function lengthUnitNamed(tables: { mapping: ColumnMapping }[]): boolean {
  const lengthRoles: ColumnRole[] = ['east', 'north', 'elevation', 'depth', 'from', 'to'];
  return tables.some((t) => lengthRoles.some((r) => { const h = t.mapping[r]; return !!h && (namedInFeet(h) || namedInMetres(h)); }));
}

/** m: a hole deeper than this is very probably measured in feet (the deepest gold exploration holes are about 3 km). */
export const IMPLAUSIBLE_DEPTH = 3000;

/**
 * Dip convention from the dips themselves. Positive-down exports (pygslib, many US databases)
 * have (almost) no negative dip and mostly steep ones; negative-down is the default, and
 * underground holes drilled upward legitimately give some positive dips in it (macpass: up to +45°).
 */
export function detectDipSign(dips: number[], source: string): { detected: DipSign | 'none'; evidence: string; evidenceSaid: Said } {
  const d = dips.filter((x) => Number.isFinite(x) && x >= -90 && x <= 90);
  const pos = d.filter((x) => x > 0);
  const neg = d.filter((x) => x < 0);
  const zero = d.length - pos.length - neg.length;
  const found = (detected: DipSign | 'none', said: Said) => ({ detected, evidence: said.message, evidenceSaid: said });
  if (pos.length + neg.length === 0) {
    if (d.length) return found('none', say('csv.evidence.allZero', { dips: d.length, source }));
    return found('none', source ? say('csv.evidence.noDips', { source }) : say('csv.evidence.noDipsAnywhere'));
  }
  const counts = { dips: d.length, source, negative: neg.length, zero, positive: pos.length, min: d.reduce((a, b) => Math.min(a, b)), max: d.reduce((a, b) => Math.max(a, b)) };
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  if (neg.length <= 0.02 * (pos.length + neg.length) && pos.length > 0 && median(pos) > 30) {
    return found('positive-down', say('csv.evidence.positiveDown', { ...counts, median: median(pos) }));
  }
  if (neg.length >= pos.length) {
    return found('negative-down', pos.length ? say('csv.evidence.mostlyNegativeUp', { ...counts, up: pos.reduce((a, b) => Math.max(a, b)) }) : say('csv.evidence.mostlyNegative', counts));
  }
  return found('negative-down', say('csv.evidence.mixed', counts));
}

/** Dip values (not inclinations) of every collar and survey table, for detection. */
export function collectDips(tables: { table: CsvTable; kind: TableKind; mapping: ColumnMapping }[]): number[] {
  const out: number[] = [];
  for (const t of tables) {
    const h = t.mapping.dip;
    if (!h || (t.kind !== 'collar' && t.kind !== 'survey')) continue;
    const i = t.table.index.get(h) ?? -1;
    for (const row of t.table.rows) {
      const v = readNumber(cell(row, i), t.table.dialect);
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}
