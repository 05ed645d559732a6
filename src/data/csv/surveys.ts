/**
 * Survey tables → stations per hole (depth m along the hole, azimuth °, dip ° negative down),
 * sorted by depth. Sentinel depths, duplicated stations and stations past the final depth are
 * reported and left out (desurvey would ignore them); unknown holes are reported per hole.
 */
import { say, type Said } from '../../domain/message';
import type { CollarRec, Collars, MappedTable } from './collars';
import { readNumber } from './columns';
import { at, Issues, type Reason } from './issues';
import { cell } from './parse';
import type { DetectedTable } from './types';
import { toDip, toMetres, wrapAzimuth, type Conversion } from './units';

export interface StationRec {
  /** m along the hole */
  depth: number;
  /** depth as written in the file (file unit) */
  raw: number;
  azimuth: number;
  dip: number;
  /** 1-based file line (its "file:row N" place is written only when an issue names it) */
  line: number;
  info: DetectedTable;
}

const whereOf = (s: StationRec) => at(s.info.file, s.line);

/** Deeper than any mineral exploration hole (the deepest are about 4-5 km): a no-data placeholder. */
const SENTINEL_MIN_M = 7000;
const SENTINEL_VALUES = new Set([9999, 99999, 999999, 90000]);

/** Holes without a collar, per file: count and first row, reported once per hole. */
export function reportUnknownHoles(
  file: string,
  unknown: Map<string, { n: number; where: string }>,
  collars: Collars,
  kind: 'surveys' | 'intervals',
  issues: Issues,
): number {
  let dropped = 0;
  for (const [id, u] of unknown) {
    const rejected = collars.rejected.get(id);
    issues.error(u.where, rejected !== undefined ? say(`csv.noCollar.${kind}Rejected`, { id, rejected, count: u.n, file }) : say(`csv.noCollar.${kind}`, { id, count: u.n, file }), id);
    dropped += u.n;
  }
  issues.drop(kind, dropped);
  return dropped;
}

/** Rejects row i of a table: its reason is counted for capping, the row dropped and counted. */
export type RejectRow = (i: number, id: string, reason: Reason, said: Said) => void;

/**
 * Calls `each` for every row of a survey or interval table whose hole has a collar, with that
 * collar and a `reject` for the reader's own reasons. Rows without a hole id are rejected
 * (`noId`); rows of holes without a collar are counted and reported once per hole at the end.
 */
export function forEachKnownRow(mt: MappedTable, kind: 'surveys' | 'intervals', collars: Collars, issues: Issues, noId: Said, each: (row: string[], i: number, collar: CollarRec, reject: RejectRow) => void): void {
  const { table, mapping: m, info } = mt;
  const file = table.file;
  const holeAt = m.hole === undefined ? -1 : (table.index.get(m.hole) ?? -1);
  const { rows, lines } = table;
  const unknown = new Map<string, { n: number; where: string }>();
  const reject: RejectRow = (i, id, reason, said) => {
    issues.repeated('error', file, reason, at(file, lines[i]), said, id || undefined);
    issues.drop(kind);
    info.dropped++;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows.get(i);
    const id = cell(row, holeAt).trim();
    if (!id) {
      reject(i, id, 'holeIdMissing', noId);
      continue;
    }
    const collar = collars.byId.get(id);
    if (!collar) {
      const u = unknown.get(id);
      if (u) u.n++;
      else unknown.set(id, { n: 1, where: at(file, lines[i]) });
      continue;
    }
    each(row, i, collar, reject);
  }
  info.dropped += reportUnknownHoles(file, unknown, collars, kind, issues);
}

export function readSurveys(tables: MappedTable[], collars: Collars, conv: Conversion, issues: Issues): Map<string, StationRec[]> {
  const byHole = new Map<string, StationRec[]>();
  for (const mt of tables) {
    const { table, mapping: m, info } = mt;
    const file = table.file;
    const dipHeader = (m.dip ?? m.inclination)!;
    const role = m.dip ? 'dip' : 'inclination';
    if (role === 'inclination') {
      issues.warn(file, say('csv.survey.inclination', { column: dipHeader }));
    }
    let negativeInc = 0;
    let wrapped = 0;
    const column = (h: string | undefined) => (h === undefined ? -1 : (table.index.get(h) ?? -1));
    const [depthAt, azimuthAt, dipAt] = [column(m.depth), column(m.azimuth), column(dipHeader)];
    const { lines, dialect } = table;
    forEachKnownRow(mt, 'surveys', collars, issues, say('csv.survey.noId', { column: m.hole ?? '' }), (row, i, collar, reject) => {
      const id = collar.id;
      const raw = readNumber(cell(row, depthAt), dialect);
      const az = readNumber(cell(row, azimuthAt), dialect);
      const dipRaw = readNumber(cell(row, dipAt), dialect);
      if (!Number.isFinite(raw) || !Number.isFinite(az) || !Number.isFinite(dipRaw)) {
        return reject(i, id, 'unreadableStation', say('csv.survey.unreadable', { depthColumn: m.depth!, depth: cell(row, depthAt), azimuthColumn: m.azimuth!, azimuth: cell(row, azimuthAt), dipColumn: dipHeader, dip: cell(row, dipAt) }));
      }
      if (raw < 0) return reject(i, id, 'negativeDepth', say('csv.survey.negativeDepth', { depth: raw }));
      const dip = toDip(dipRaw, role, conv);
      if (!Number.isFinite(dip.dip)) return reject(i, id, 'angleOutOfRange', say(role === 'dip' ? 'csv.survey.dipRange' : 'csv.survey.inclinationRange', { column: dipHeader, value: dipRaw }));
      if (dip.problem === 'negative-inclination') negativeInc++;
      const w = wrapAzimuth(az);
      if (w.wrapped) wrapped++;
      const station: StationRec = { depth: toMetres(raw, conv), raw, azimuth: w.azimuth, dip: dip.dip, line: lines[i], info };
      const list = byHole.get(id);
      if (list) list.push(station);
      else byHole.set(id, [station]);
    });
    if (negativeInc) issues.warn(file, say('csv.survey.negativeInclination', { count: negativeInc, column: dipHeader }));
    if (wrapped) issues.warn(file, say('csv.survey.azimuthsWrapped', { count: wrapped }));
  }
  for (const [id, list] of byHole) byHole.set(id, cleanStations(collars.byId.get(id)!, list, conv, issues));
  return byHole;
}

/** Sort, then leave out sentinels, duplicated stations and stations past the final depth. */
function cleanStations(c: CollarRec, list: StationRec[], conv: Conversion, issues: Issues): StationRec[] {
  const id = c.id;
  const sorted = [...list].sort((a, b) => a.depth - b.depth);
  if (sorted.some((s, k) => s !== list[k])) issues.warn(whereOf(list[0]), say('csv.survey.unsorted', { id }), id);
  const kept: StationRec[] = [];
  const drop = (s: StationRec, said: Said, reason: Reason) => {
    issues.repeated('warning', s.info.file, reason, whereOf(s), said, id);
    issues.drop('surveys');
    s.info.dropped++;
  };
  for (const s of sorted) {
    const prev = kept[kept.length - 1];
    if (s.depth > SENTINEL_MIN_M || SENTINEL_VALUES.has(s.raw)) {
      drop(s, say('csv.survey.sentinel', { id, raw: s.raw, lengthUnit: conv.unit, depth: Math.round(s.depth) }), 'sentinelDepth');
    } else if (prev && Math.abs(prev.depth - s.depth) < 1e-6) {
      const same = prev.azimuth === s.azimuth && prev.dip === s.dip;
      drop(s, say(same ? 'csv.survey.duplicated' : 'csv.survey.duplicatedDiffers', { id, depth: s.depth, other: whereOf(prev) }), 'duplicatedStation');
    } else if (c.depth !== undefined && s.depth > c.depth + 1e-6) {
      drop(s, say('csv.survey.pastFinal', { id, depth: s.depth, final: c.depth }), 'pastFinalDepth');
    } else {
      kept.push(s);
    }
  }
  for (const s of kept) {
    issues.load('surveys');
    s.info.loaded++;
  }
  if (kept.length && kept[0].depth > 0) {
    issues.warn(whereOf(kept[0]), say('csv.survey.startsBelow', { id, depth: kept[0].depth }), id);
  }
  if (kept.length === 1) issues.warn(whereOf(kept[0]), say('csv.survey.oneStation', { id }), id);
  return kept;
}
