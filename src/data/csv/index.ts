/**
 * Import drillhole database CSV exports (collar, survey and interval tables, any column naming in
 * common use) into a Veinscape JSON document. Pure TypeScript: runs in the loading worker and in
 * Node tests. Every data row is either loaded or reported (file:row and hole id) with its reason.
 *
 *   const { document, report, tables, dipSign, lengthUnit } = importCsv([{ name, text }, ...]);
 */
import { say } from '../../domain/message';
import { FORMAT_NAME, SCHEMA_VERSION } from '../formatConstants';
import type { DepositInput } from '../schema';
import type { LoadReport } from '../model';
import { readCollars, type MappedTable } from './collars';
import { collectDips, detectDipSign, detectLengthUnit, detectTable, IMPLAUSIBLE_DEPTH, lengthUnitNamed } from './detect';
import { buildHoles } from './holes';
import { readIntervals, type IntervalTableInput } from './intervals';
import { dialectWords } from './dialect';
import { controlShare, decodeBytes, fromText, stripControls } from './encoding';
import { at, Issues } from './issues';
import { parseCsv } from './parse';
import { readSurveys } from './surveys';
import type { CsvFile, DetectedTable, DipSign, ImportOptions, ImportResult, ProjectInput } from './types';
import { conversion, FOOT } from './units';

export type * from './types';

export function importCsv(files: CsvFile[], options: ImportOptions = {}): ImportResult {
  const issues = new Issues();
  for (const k of ['collars', 'surveys', 'intervals']) {
    issues.counts[k] = 0;
    issues.dropped[k] = 0;
  }
  const mapped: MappedTable[] = files.map((f) => readTable(f, options, issues));
  const ofKind = (k: DetectedTable['kind']) => mapped.filter((t) => t.info.kind === k);

  const unitTables = mapped.map((t) => ({ file: t.table.file, mapping: t.mapping }));
  const lengthUnit = detectLengthUnit(options.lengthUnit, unitTables, issues);
  const lengthUnitDetected = options.lengthUnit ? detectLengthUnit(undefined, unitTables, new Issues()) : lengthUnit;
  const lengthUnitAssumed = !options.lengthUnit && !lengthUnitNamed(unitTables);
  const dipSign = chooseDipSign(mapped, options, issues);
  const conv = conversion(lengthUnit, dipSign.used);
  const names = files.map((f) => f.name).join(', ');
  if (lengthUnit === 'ft') issues.warn(names, say('csv.feetConverted', { foot: FOOT, ppm: 2, off: 1.4, at: 2.3 }));

  const collarTables = ofKind('collar');
  if (!collarTables.length && files.length) issues.error(names, say('csv.noCollarTable', { names }));
  const collars = readCollars(collarTables, conv, issues);
  const stations = readSurveys(ofKind('survey'), collars, conv, issues);
  const usedIds = new Set<string>();
  const maxTo = new Map<string, number>();
  const intervals: IntervalTableInput[] = ofKind('interval').map((t) => {
    const read = readIntervals(t, uniqueId(t.table.file, usedIds), collars, conv, issues);
    const { hole, to } = read.spans;
    for (let r = 0; r < hole.length; r++) maxTo.set(hole[r], Math.max(maxTo.get(hole[r]) ?? 0, to[r]));
    return read.table;
  });
  const holes = buildHoles(collars, stations, maxTo, options.stubDepth !== undefined && options.stubDepth > 0 ? options.stubDepth : 1, collarTables.map((t) => t.table.file), issues);

  // Lengths read as metres that are very probably feet: say so, with the way out.
  if (lengthUnit === 'm') {
    const deep = holes.filter((h) => h.depth > IMPLAUSIBLE_DEPTH);
    if (deep.length) {
      const deepest = deep.reduce((a, b) => (b.depth > a.depth ? b : a));
      issues.warn(collarTables.map((t) => t.table.file).join(', ') || names, say(lengthUnitAssumed ? 'csv.tooDeepAssumed' : 'csv.tooDeep', { count: deep.length, limit: IMPLAUSIBLE_DEPTH, id: deepest.id, depth: deepest.depth }));
    }
  }

  // Valid by construction (tests check it with Deposit.safeParse); the app's loader validates it
  // again, so a second full zod pass here would only double the time on large tables.
  const document: DepositInput = { format: FORMAT_NAME, schemaVersion: SCHEMA_VERSION, project: project(names, lengthUnit, options.project), holes, intervals };
  issues.finish();
  const report: LoadReport = {
    source: names,
    ok: holes.length > 0,
    errors: issues.errors,
    warnings: issues.warnings,
    notes: issues.notes,
    counts: issues.counts,
    dropped: issues.dropped,
  };
  return { document, report, tables: mapped.map((t) => t.info), dipSign, lengthUnit, lengthUnitDetected, lengthUnitAssumed };
}

/** Share of control characters above which a file is not a text table (a workbook, an image, a zip). */
const BINARY_SHARE = 0.05;

/**
 * One file: decoded, parsed in its detected dialect, its kind and columns detected. Files that
 * hold no table (empty, blank lines only, binary) or only a header are reported by name; the other
 * files of the set load as usual.
 */
function readTable(f: CsvFile, options: ImportOptions, issues: Issues): MappedTable {
  const decoded = f.bytes !== undefined ? decodeBytes(f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes)) : fromText(f.text);
  const name = f.name;
  let text = decoded.text;
  const binary = controlShare(text) > BINARY_SHARE;
  if (binary) {
    issues.error(name, say('csv.notText', { name, share: Math.round(controlShare(text) * 100) }));
    text = '';
  } else {
    const stripped = stripControls(text);
    if (stripped.removed) issues.warn(at(name, stripped.firstLine), say('csv.controlsRemoved', { count: stripped.removed, name, line: stripped.firstLine }));
    text = stripped.text;
  }
  const table = parseCsv(name, text);
  const form = decoded.bom ? 'formatBom' : 'format';
  const formatSaid = say(`csv.dialect.${form}`, { ...dialectWords(table.dialect), encoding: decoded.encoding });
  const format = formatSaid.message;
  const override = options.mapping && Object.hasOwn(options.mapping, name) ? options.mapping[name] : undefined;
  const empty = table.headers.length === 0;
  const { kind, mapping } = empty ? { kind: 'unknown' as const, mapping: {} } : detectTable(table, override, issues);
  const detectedMapping = override && !empty ? detectTable(table, undefined, new Issues()).mapping : mapping;
  const roleHeaders = new Set(Object.values(mapping));
  const info: DetectedTable = {
    file: name, kind, headers: table.headers, mapping, detectedMapping, dialect: table.dialect, encoding: decoded.encoding, format, formatSaid,
    unmapped: table.headers.filter((h) => !roleHeaders.has(h)), columns: [], rows: table.rows.length, loaded: 0, dropped: 0,
  };
  if (binary) return { table, mapping, info };
  if (empty) {
    issues.error(name, say(text.length === 0 ? 'csv.empty' : 'csv.blankOnly', { name }));
    return { table, mapping, info };
  }
  issues.note(name, say('csv.readAs', { name, form, ...formatSaid.params }));
  if (table.ragged) issues.warn(name, say('csv.ragged', { count: table.ragged }));
  const headerOnly = table.rows.length === 0;
  if (headerOnly) issues.warn(name, kind === 'unknown' ? say('csv.headerOnlyUnknown', { name, headers: table.headers.join(', ') }) : say('csv.headerOnly', { name, headers: table.headers.join(', '), kind }));
  if (kind === 'unknown') {
    issues.error(name, say('csv.unknownTable', { headers: table.headers.join(', '), count: table.rows.length }));
    issues.drop('unrecognised', table.rows.length);
    info.dropped = table.rows.length;
  } else if (kind !== 'interval' && info.unmapped.length) {
    issues.warn(name, say('csv.unusedColumns', { kind, columns: info.unmapped.join(', ') }));
  }
  return { table, mapping, info };
}

function chooseDipSign(mapped: MappedTable[], options: ImportOptions, issues: Issues): ImportResult['dipSign'] {
  const withDip = mapped.filter((t) => t.mapping.dip && (t.info.kind === 'collar' || t.info.kind === 'survey'));
  const source = withDip.map((t) => t.table.file).join(', ');
  const { detected, evidence, evidenceSaid } = detectDipSign(collectDips(mapped.map((t) => ({ table: t.table, kind: t.info.kind, mapping: t.mapping }))), source);
  const asked = options.dipSign && options.dipSign !== 'auto' ? options.dipSign : undefined;
  const used: DipSign = asked ?? (detected === 'none' ? 'negative-down' : detected);
  if (asked && detected !== 'none' && asked !== detected) issues.warn(source, say('csv.dipsAsAsked', { ...evidenceSaid.params, asked, detected, evidence: evidenceSaid.key.replace('csv.evidence.', '') }));
  if (used === 'positive-down' && withDip.length) issues.warn(source, say('csv.dipsNegated', { ...evidenceSaid.params, source, evidence: evidenceSaid.key.replace('csv.evidence.', '') }));
  return { detected, used, evidence, evidenceSaid };
}

/** Interval table id from its file name ("assay.csv" → "assay"), unique among the tables. */
function uniqueId(file: string, used: Set<string>): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'intervals';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

function project(names: string, lengthUnit: 'm' | 'ft', given: Partial<ProjectInput> | undefined): ProjectInput {
  const description = `Drill holes imported from ${names}.${lengthUnit === 'ft' ? ' Lengths converted from feet to metres.' : ''}`;
  return {
    name: 'Imported drill holes',
    description,
    crs: { name: 'as in the source files (not stated)' },
    source: `CSV import: ${names}`,
    // Keys given as undefined must not erase the defaults.
    ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)),
  };
}
