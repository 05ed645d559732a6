/**
 * Survey tables → stations per hole (depth m along the hole, azimuth °, dip ° negative down),
 * sorted by depth. Sentinel depths, duplicated stations and stations past the final depth are
 * reported and left out (desurvey would ignore them); unknown holes are reported per hole.
 */
import type { CollarRec, Collars, MappedTable } from './collars';
import { readNumber } from './columns';
import { at, fmt, Issues } from './issues';
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
    const why = collars.rejected.has(id) ? ` (its collar row at ${collars.rejected.get(id)} was rejected)` : '';
    issues.error(u.where, `hole "${id}" has no collar${why}: ${fmt(u.n)} ${kind === 'surveys' ? 'survey' : 'interval'} row(s) of ${file} ignored`, id);
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
      issues.warn(file, `${dipHeader} read as inclination from vertical (0° = straight down): dip = inclination − 90°; map it as dip if it holds dips`);
    }
    const unknown = new Map<string, { n: number; where: string }>();
    let negativeInc = 0;
    let wrapped = 0;
    table.rows.forEach((row, i) => {
      const where = at(file, table.lines[i]);
      const get = (h: string | undefined) => cell(row, h === undefined ? -1 : (table.index.get(h) ?? -1));
      const id = get(m.hole).trim();
      const reject = (reason: string, message: string) => {
        issues.repeated('error', file, reason, where, `${message}; survey row ignored`, id || undefined);
        issues.drop('surveys');
        info.dropped++;
      };
      if (!id) return reject('hole id missing', `hole id missing in column ${m.hole}`);
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
        return reject('unreadable station', `survey values are not all numbers (${m.depth} "${get(m.depth!)}", ${m.azimuth} "${get(m.azimuth!)}", ${dipHeader} "${get(dipHeader)}")`);
      }
      if (raw < 0) return reject('negative depth', `survey depth ${raw} is negative`);
      const dip = toDip(dipRaw, role, conv);
      if (!Number.isFinite(dip.dip)) return reject('angle out of range', `${dipHeader} ${dipRaw}° is out of range (${role === 'dip' ? '-90..90' : '0..180'})`);
      if (dip.problem === 'negative-inclination') negativeInc++;
      const w = wrapAzimuth(az);
      if (w.wrapped) wrapped++;
      const list = byHole.get(id) ?? [];
      list.push({ depth: toMetres(raw, conv), raw, azimuth: w.azimuth, dip: dip.dip, where, info });
      byHole.set(id, list);
    });
    info.dropped += reportUnknownHoles(file, unknown, collars, 'surveys', issues);
    if (negativeInc) issues.warn(file, `${fmt(negativeInc)} negative value(s) in ${dipHeader}: an inclination from vertical cannot be negative, so they were read as dips (negative down)`);
    if (wrapped) issues.warn(file, `${fmt(wrapped)} azimuth(s) outside 0-360° wrapped into 0-360°`);
  }
  for (const [id, list] of byHole) byHole.set(id, cleanStations(collars.byId.get(id)!, list, conv, issues));
  return byHole;
}

/** Sort, then leave out sentinels, duplicated stations and stations past the final depth. */
function cleanStations(c: CollarRec, list: StationRec[], conv: Conversion, issues: Issues): StationRec[] {
  const id = c.id;
  const sorted = [...list].sort((a, b) => a.depth - b.depth);
  if (sorted.some((s, k) => s !== list[k])) issues.warn(list[0].where, `hole ${id}: survey stations listed out of depth order; sorted by depth`, id);
  const kept: StationRec[] = [];
  const drop = (s: StationRec, message: string, reason: string) => {
    issues.repeated('warning', s.info.file, reason, s.where, `hole ${id}: ${message}`, id);
    issues.drop('surveys');
    s.info.dropped++;
  };
  for (const s of sorted) {
    const prev = kept[kept.length - 1];
    if (s.depth > SENTINEL_MIN_M || SENTINEL_VALUES.has(s.raw)) {
      drop(s, `survey depth ${s.raw} ${conv.unit} is a no-data placeholder (no hole is ${fmt(Math.round(s.depth))} m deep); station ignored`, 'sentinel depth');
    } else if (prev && Math.abs(prev.depth - s.depth) < 1e-6) {
      const same = prev.azimuth === s.azimuth && prev.dip === s.dip;
      drop(s, `duplicated survey station at ${s.depth} m (also at ${prev.where})${same ? '' : ' with a different azimuth / dip; the first is kept'}; duplicate ignored`, 'duplicated station');
    } else if (c.depth !== undefined && s.depth > c.depth + 1e-6) {
      drop(s, `survey station at ${s.depth} m is past the final depth ${c.depth} m; ignored`, 'past final depth');
    } else {
      kept.push(s);
    }
  }
  for (const s of kept) {
    issues.load('surveys');
    s.info.loaded++;
  }
  if (kept.length && kept[0].depth > 0) {
    issues.warn(kept[0].where, `hole ${id}: survey starts at ${kept[0].depth} m, not at the collar; its first station is extended up to the collar`, id);
  }
  if (kept.length === 1) issues.warn(kept[0].where, `hole ${id}: one survey station; the hole is drawn straight along it`, id);
  return kept;
}
