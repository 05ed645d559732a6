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
  where: string;
  info: DetectedTable;
}

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

export function readSurveys(tables: MappedTable[], collars: Collars, conv: Conversion, issues: Issues): Map<string, StationRec[]> {
  const byHole = new Map<string, StationRec[]>();
  for (const { table, mapping: m, info } of tables) {
    const file = table.file;
    const dipHeader = (m.dip ?? m.inclination)!;
    const role = m.dip ? 'dip' : 'inclination';
    if (role === 'inclination') {
      issues.warn(file, say('csv.survey.inclination', { column: dipHeader }));
    }
    const unknown = new Map<string, { n: number; where: string }>();
    let negativeInc = 0;
    let wrapped = 0;
    table.rows.forEach((row, i) => {
      const where = at(file, table.lines[i]);
      const get = (h: string | undefined) => cell(row, h === undefined ? -1 : (table.index.get(h) ?? -1));
      const id = get(m.hole).trim();
      const reject = (reason: Reason, said: Said) => {
        issues.repeated('error', file, reason, where, said, id || undefined);
        issues.drop('surveys');
        info.dropped++;
      };
      if (!id) return reject('holeIdMissing', say('csv.survey.noId', { column: m.hole ?? '' }));
      if (!collars.byId.has(id)) {
        const u = unknown.get(id) ?? { n: 0, where };
        u.n++;
        unknown.set(id, u);
        return;
      }
      const raw = readNumber(get(m.depth!), table.dialect);
      const az = readNumber(get(m.azimuth!), table.dialect);
      const dipRaw = readNumber(get(dipHeader), table.dialect);
      if (![raw, az, dipRaw].every(Number.isFinite)) {
        return reject('unreadableStation', say('csv.survey.unreadable', { depthColumn: m.depth!, depth: get(m.depth!), azimuthColumn: m.azimuth!, azimuth: get(m.azimuth!), dipColumn: dipHeader, dip: get(dipHeader) }));
      }
      if (raw < 0) return reject('negativeDepth', say('csv.survey.negativeDepth', { depth: raw }));
      const dip = toDip(dipRaw, role, conv);
      if (!Number.isFinite(dip.dip)) return reject('angleOutOfRange', say(role === 'dip' ? 'csv.survey.dipRange' : 'csv.survey.inclinationRange', { column: dipHeader, value: dipRaw }));
      if (dip.problem === 'negative-inclination') negativeInc++;
      const w = wrapAzimuth(az);
      if (w.wrapped) wrapped++;
      const list = byHole.get(id) ?? [];
      list.push({ depth: toMetres(raw, conv), raw, azimuth: w.azimuth, dip: dip.dip, where, info });
      byHole.set(id, list);
    });
    info.dropped += reportUnknownHoles(file, unknown, collars, 'surveys', issues);
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
  if (sorted.some((s, k) => s !== list[k])) issues.warn(list[0].where, say('csv.survey.unsorted', { id }), id);
  const kept: StationRec[] = [];
  const drop = (s: StationRec, said: Said, reason: Reason) => {
    issues.repeated('warning', s.info.file, reason, s.where, said, id);
    issues.drop('surveys');
    s.info.dropped++;
  };
  for (const s of sorted) {
    const prev = kept[kept.length - 1];
    if (s.depth > SENTINEL_MIN_M || SENTINEL_VALUES.has(s.raw)) {
      drop(s, say('csv.survey.sentinel', { id, raw: s.raw, lengthUnit: conv.unit, depth: Math.round(s.depth) }), 'sentinelDepth');
    } else if (prev && Math.abs(prev.depth - s.depth) < 1e-6) {
      const same = prev.azimuth === s.azimuth && prev.dip === s.dip;
      drop(s, say(same ? 'csv.survey.duplicated' : 'csv.survey.duplicatedDiffers', { id, depth: s.depth, other: prev.where }), 'duplicatedStation');
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
    issues.warn(kept[0].where, say('csv.survey.startsBelow', { id, depth: kept[0].depth }), id);
  }
  if (kept.length === 1) issues.warn(kept[0].where, say('csv.survey.oneStation', { id }), id);
  return kept;
}
