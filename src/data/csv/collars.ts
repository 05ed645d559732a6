/**
 * Collar tables → one record per hole: position (m), final depth (m) when a depth column exists,
 * collar orientation, program / year / type / status. Duplicates and unreadable rows are reported
 * with file:row and hole id, and dropped.
 */
import { say, type Said } from '../../domain/message';
import { readNumber } from './columns';
import { at, Issues, type Reason } from './issues';
import { cell, type CsvTable } from './parse';
import type { Dialect } from './dialect';
import type { ColumnMapping, DetectedTable } from './types';
import { toDip, toMetres, wrapAzimuth, type Conversion } from './units';

export interface MappedTable {
  table: CsvTable;
  mapping: ColumnMapping;
  info: DetectedTable;
}

export interface CollarRec {
  id: string;
  where: string;
  /** [easting, northing, elevation], m */
  collar: [number, number, number];
  /** final depth along the hole from the depth column, m */
  depth?: number;
  azimuth?: number;
  dip?: number;
  program?: string;
  year?: number;
  type?: 'surface' | 'underground';
  status?: 'drilled' | 'planned';
}

export interface Collars {
  byId: Map<string, CollarRec>;
  /** hole id → place of its rejected collar row, to explain later "unknown hole" errors */
  rejected: Map<string, string>;
  /** some collar table has a final-depth column */
  hasDepthColumn: boolean;
}

const SURFACE = /^(s|surf|surface|sfc)$/i;
const UNDERGROUND = /^(u|ug|ugd|udg|under|underground)$/i;
const PLANNED = /^(p|plan|planned|proposed|design|designed|future)$/i;
const DRILLED = /^(d|drilled|complete|completed|done|finished|abandoned|ab|drilling|actual)$/i;

function readYear(s: string): number | undefined {
  const m = /\b(1[89]\d\d|20\d\d)\b/.exec(s);
  return m ? Number(m[1]) : undefined;
}

export function readCollars(tables: MappedTable[], conv: Conversion, issues: Issues): Collars {
  const byId = new Map<string, CollarRec>();
  const rejected = new Map<string, string>();
  let hasDepthColumn = false;
  for (const { table, mapping: m, info } of tables) {
    const file = table.file;
    const dl = table.dialect;
    if (m.depth) hasDepthColumn = true;
    if (!m.elevation) issues.warn(file, say('csv.noElevation'));
    // Unreadable metadata values, counted per value, reported once per table.
    const unread = { type: new Map<string, number>(), status: new Map<string, number>(), year: new Map<string, number>() };
    const note = (seen: Map<string, number>, v: string) => seen.set(v, (seen.get(v) ?? 0) + 1);
    table.rows.forEach((row, i) => {
      const where = at(file, table.lines[i]);
      const get = (h: string | undefined) => cell(row, h === undefined ? -1 : (table.index.get(h) ?? -1));
      const id = get(m.hole).trim();
      const reject = (reason: Reason, said: Said) => {
        issues.repeated('error', file, reason, where, said, id || undefined);
        if (id && !byId.has(id) && !rejected.has(id)) rejected.set(id, where);
        issues.drop('collars');
        info.dropped++;
      };
      if (!id) return reject('holeIdMissing', say('csv.collar.noId', { column: m.hole ?? '' }));
      const first = byId.get(id);
      if (first) return reject('duplicateCollar', say('csv.collar.duplicate', { id, first: first.where }));
      const e = readNumber(get(m.east!), dl);
      const n = readNumber(get(m.north!), dl);
      const z = m.elevation ? readNumber(get(m.elevation), dl) : 0;
      if (![e, n, z].every(Number.isFinite)) {
        const cells = [m.east!, m.north!, m.elevation].filter((h): h is string => !!h).map((h) => `${h} "${get(h)}"`);
        return reject('coordinates', say('csv.collar.coordinates', { cells: cells.join(', ') }));
      }
      const rec: CollarRec = { id, where, collar: [toMetres(e, conv), toMetres(n, conv), toMetres(z, conv)] };
      if (m.depth) {
        const d = readNumber(get(m.depth), dl);
        if (Number.isFinite(d) && d > 0) rec.depth = toMetres(d, conv);
        else issues.repeated('warning', file, 'badFinalDepth', where, say('csv.collar.badDepth', { value: get(m.depth), column: m.depth }), id);
      }
      readOrientation(get, dl, m, conv, rec, file, where, issues);
      const program = m.program ? get(m.program).trim() : '';
      if (program) rec.program = program;
      const yearText = m.year ? get(m.year).trim() : '';
      if (yearText) {
        rec.year = readYear(yearText);
        if (rec.year === undefined) note(unread.year, yearText);
      }
      const type = m.type ? get(m.type).trim() : '';
      if (SURFACE.test(type)) rec.type = 'surface';
      else if (UNDERGROUND.test(type)) rec.type = 'underground';
      else if (type) note(unread.type, type);
      const status = m.status ? get(m.status).trim() : '';
      if (PLANNED.test(status)) rec.status = 'planned';
      else if (DRILLED.test(status)) rec.status = 'drilled';
      else if (status) note(unread.status, status);
      byId.set(id, rec);
      rejected.delete(id);
      issues.load('collars');
      info.loaded++;
    });
    const report = (seen: Map<string, number>, header: string | undefined, key: 'csv.collar.unreadType' | 'csv.collar.unreadStatus' | 'csv.collar.unreadYear') => {
      if (!seen.size) return;
      const n = [...seen.values()].reduce((a, b) => a + b, 0);
      const examples = [...seen.keys()].slice(0, 5).map((x) => `"${x}"`).join(', ');
      issues.warn(file, say(key, { count: n, column: `${header}`, examples }));
    };
    report(unread.type, m.type, 'csv.collar.unreadType');
    report(unread.status, m.status, 'csv.collar.unreadStatus');
    report(unread.year, m.year, 'csv.collar.unreadYear');
  }
  return { byId, rejected, hasDepthColumn };
}

/** Collar azimuth and dip, used to draw a hole that has no survey. */
function readOrientation(get: (h: string | undefined) => string, dl: Dialect, m: ColumnMapping, conv: Conversion, rec: CollarRec, file: string, where: string, issues: Issues): void {
  const dipHeader = m.dip ?? m.inclination;
  if (!m.azimuth || !dipHeader) return;
  const az = readNumber(get(m.azimuth), dl);
  const raw = readNumber(get(dipHeader), dl);
  if (!Number.isFinite(az) && !Number.isFinite(raw)) return;
  const dip = toDip(raw, m.dip ? 'dip' : 'inclination', conv);
  if (!Number.isFinite(az) || !Number.isFinite(dip.dip)) {
    issues.repeated('warning', file, 'collarOrientation', where, say('csv.collar.orientation', { azimuth: get(m.azimuth), column: dipHeader, dip: get(dipHeader) }), rec.id);
    return;
  }
  const w = wrapAzimuth(az);
  if (w.wrapped) issues.repeated('warning', file, 'azimuthWrapped', where, say('csv.collar.azimuthWrapped', { azimuth: az, wrapped: w.azimuth }), rec.id);
  rec.azimuth = w.azimuth;
  rec.dip = dip.dip;
}
