/**
 * Import drillhole database CSV exports (collar, survey and interval tables, any column naming in
 * common use) into a Veinscape JSON document. Pure TypeScript: runs in the loading worker and in
 * Node tests. Every data row is either loaded or reported (file:row and hole id) with its reason.
 *
 *   const { document, report, tables, dipSign, lengthUnit } = importCsv([{ name, text }, ...]);
 */
import { FORMAT_NAME, SCHEMA_VERSION } from '../formatConstants';
import type { DepositInput } from '../schema';
import type { LoadReport } from '../model';
import { readCollars, type MappedTable } from './collars';
import { collectDips, detectDipSign, detectLengthUnit, detectTable } from './detect';
import { buildHoles } from './holes';
import { readIntervals, type IntervalTableInput } from './intervals';
import { fmt, Issues } from './issues';
import { parseCsv } from './parse';
import { readSurveys } from './surveys';
import type { CsvFile, DetectedTable, DipSign, ImportOptions, ImportResult, ProjectInput } from './types';
import { conversion, FOOT } from './units';

export type * from './types';

const KIND_NEEDS = 'a collar table needs hole id + east + north (+ elevation); a survey table hole id + depth/at + azimuth + dip/inclination; an interval table hole id + from + to';

export function importCsv(files: CsvFile[], options: ImportOptions = {}): ImportResult {
  const issues = new Issues();
  for (const k of ['collars', 'surveys', 'intervals']) {
    issues.counts[k] = 0;
    issues.dropped[k] = 0;
  }
  const mapped: MappedTable[] = files.map((f) => {
    const table = parseCsv(f.name, f.text);
    if (table.ragged) issues.warn(f.name, `${fmt(table.ragged)} row(s) have more or fewer fields than the header: missing fields read as blank, extra fields ignored`);
    const { kind, mapping } = detectTable(table, options.mapping?.[f.name], issues);
    const roleHeaders = new Set(Object.values(mapping));
    const info: DetectedTable = {
      file: f.name, kind, headers: table.headers, mapping, unmapped: table.headers.filter((h) => !roleHeaders.has(h)),
      columns: [], rows: table.rows.length, loaded: 0, dropped: 0,
    };
    if (kind === 'unknown') {
      issues.error(f.name, `cannot tell what table this is from its columns (${table.headers.join(', ')}): ${KIND_NEEDS}; map its columns; ${fmt(table.rows.length)} row(s) ignored`);
      issues.drop('unrecognised', table.rows.length);
      info.dropped = table.rows.length;
    } else if (kind !== 'interval' && info.unmapped.length) {
      issues.warn(f.name, `${kind} table: column(s) not used: ${info.unmapped.join(', ')}`);
    }
    return { table, mapping, info };
  });
  const ofKind = (k: DetectedTable['kind']) => mapped.filter((t) => t.info.kind === k);

  const lengthUnit = detectLengthUnit(options.lengthUnit, mapped.map((t) => ({ file: t.table.file, mapping: t.mapping })), issues);
  const dipSign = chooseDipSign(mapped, options, issues);
  const conv = conversion(lengthUnit, dipSign.used);
  const names = files.map((f) => f.name).join(', ');
  if (lengthUnit === 'ft') issues.warn(names, `lengths (collar coordinates, depths, from / to) converted from feet to metres (× ${FOOT}, international foot; a US survey foot grid differs by 2 ppm, about 1.4 m at 2.3 million ft)`);

  const collarTables = ofKind('collar');
  if (!collarTables.length && files.length) issues.error(names, `no collar table among ${names}: holes need collar coordinates (${KIND_NEEDS.split(';')[0]})`);
  const collars = readCollars(collarTables, conv, issues);
  const stations = readSurveys(ofKind('survey'), collars, conv, issues);
  const usedIds = new Set<string>();
  const maxTo = new Map<string, number>();
  const intervals: IntervalTableInput[] = ofKind('interval').map((t) => {
    const read = readIntervals(t, uniqueId(t.table.file, usedIds), collars, conv, issues);
    for (const s of read.spans) maxTo.set(s.hole, Math.max(maxTo.get(s.hole) ?? 0, s.to));
    return read.table;
  });
  const holes = buildHoles(collars, stations, maxTo, options.stubDepth !== undefined && options.stubDepth > 0 ? options.stubDepth : 1, collarTables.map((t) => t.table.file), issues);

  // Valid by construction (tests check it with Deposit.safeParse); the app's loader validates it
  // again, so a second full zod pass here would only double the time on large tables.
  const document: DepositInput = { format: FORMAT_NAME, schemaVersion: SCHEMA_VERSION, project: project(names, lengthUnit, options.project), holes, intervals };
  issues.finish();
  const report: LoadReport = {
    source: names,
    ok: holes.length > 0,
    errors: issues.errors,
    warnings: issues.warnings,
    counts: issues.counts,
    dropped: issues.dropped,
  };
  return { document, report, tables: mapped.map((t) => t.info), dipSign, lengthUnit };
}

function chooseDipSign(mapped: MappedTable[], options: ImportOptions, issues: Issues): ImportResult['dipSign'] {
  const withDip = mapped.filter((t) => t.mapping.dip && (t.info.kind === 'collar' || t.info.kind === 'survey'));
  const source = withDip.map((t) => t.table.file).join(', ') || 'the files';
  const { detected, evidence } = detectDipSign(collectDips(mapped.map((t) => ({ table: t.table, kind: t.info.kind, mapping: t.mapping }))), source);
  const asked = options.dipSign && options.dipSign !== 'auto' ? options.dipSign : undefined;
  const used: DipSign = asked ?? (detected === 'none' ? 'negative-down' : detected);
  if (asked && detected !== 'none' && asked !== detected) issues.warn(source, `dips read as ${asked} as asked, though the data suggest ${detected} (${evidence})`);
  if (used === 'positive-down' && withDip.length) issues.warn(source, `dips are positive-down in ${source}: negated to the negative-down convention (${evidence})`);
  return { detected, used, evidence };
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
