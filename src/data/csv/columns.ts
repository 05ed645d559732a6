/**
 * Column names in common use by drillhole databases (acQuire, Datamine, Leapfrog, Micromine,
 * GSWA/WAMEX exports, pygslib tutorials...), units read from name suffixes, and cell parsing.
 * Names are compared case-insensitively with everything but letters and digits removed, so
 * HOLE_ID, hole_ID, "Hole ID" and HoleID are the same name. French names (Quebec databases: Trou,
 * Est, Nord, Profondeur, Pendage, De, À...) are candidates too.
 */
import { readNumericCell } from '../intervals';
import { plainNumberText, type Dialect } from './dialect';
import type { ColumnRole } from './types';

export function normalizeName(h: string): string {
  // Accents folded first: "Élévation" is "elevation", "À" is "a" (French-locale exports).
  return h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Length columns also appear with a unit suffix: FROM_M, DEPTH_FT, TO (m)... */
const LENGTH_SUFFIXES = ['', 'm', 'metres', 'meters', 'ft', 'feet'];
const withLengthSuffix = (names: string[]) => names.flatMap((n) => LENGTH_SUFFIXES.map((s) => n + s));

const HOLE = ['holeid', 'hole', 'bhid', 'dhid', 'holeno', 'holenumber', 'holename', 'companyholeid', 'drillhole', 'drillholeid', 'ddhid', 'boreholeid', 'borehole', 'holeidentifier', 'collarid', 'wellid', 'well', 'trou', 'notrou', 'nodetrou', 'idtrou', 'nomtrou', 'forage', 'noforage', 'idforage', 'sondage', 'nosondage'];
const EAST = withLengthSuffix(['east', 'easting', 'x', 'xcollar', 'collarx', 'locationx', 'xcoord', 'xcoordinate', 'utmeast', 'utme', 'eastutm', 'mineeast', 'localeast', 'gridx', 'mge', 'mineeasting', 'est', 'estutm', 'utmest']);
const NORTH = withLengthSuffix(['north', 'northing', 'y', 'ycollar', 'collary', 'locationy', 'ycoord', 'ycoordinate', 'utmnorth', 'utmn', 'northutm', 'minenorth', 'localnorth', 'gridy', 'mgn', 'minenorthing', 'nord', 'nordutm', 'utmnord']);
const ELEV = withLengthSuffix(['rl', 'z', 'zcollar', 'collarz', 'elev', 'elevation', 'locationz', 'zcoord', 'zcoordinate', 'collarrl', 'collarelev', 'collarelevation', 'mrl', 'rlcollar', 'altitude', 'alt', 'height', 'elevationcollet', 'altitudecollet']);
const COLLAR_DEPTH = withLengthSuffix(['depth', 'maxdepth', 'eoh', 'eohdepth', 'td', 'length', 'holelength', 'holedepth', 'finaldepth', 'totaldepth', 'enddepth', 'totallength', 'depthmax', 'profondeur', 'prof', 'longueur', 'profondeurfinale', 'profondeurtotale', 'longueurtotale', 'longueurtrou', 'proffin']);
const SURVEY_DEPTH = withLengthSuffix(['depth', 'at', 'surveydepth', 'surveyat', 'distance', 'dist', 'md', 'measureddepth', 'depthat', 'surveydistance', 'surveymd', 'profondeur', 'prof', 'profondeurmesure']);
const AZIMUTH = ['azi', 'az', 'azim', 'azimuth', 'brg', 'bearing', 'surveyazimuth', 'azimuthtrue', 'azimuthgrid', 'gridazimuth', 'aztrue', 'azgrid', 'azimuthdeg', 'azdeg', 'collarazimuth', 'collarazi', 'azimut', 'azimutvrai', 'azimutgrille'];
const DIP = ['dip', 'surveydip', 'dipdeg', 'dipangle', 'collardip', 'pendage', 'plongee', 'plongement'];
const INCLINATION = ['inc', 'incl', 'inclination', 'surveyinclination', 'incdeg', 'incldeg'];
const FROM = withLengthSuffix(['from', 'depthfrom', 'fromdepth', 'sampfrom', 'samplefrom', 'intervalfrom', 'start', 'startdepth', 'geolfrom', 'mfrom', 'de', 'profde', 'depuis']);
const TO = withLengthSuffix(['to', 'depthto', 'todepth', 'sampto', 'sampleto', 'intervalto', 'end', 'enddepth', 'geolto', 'mto', 'a', 'profa', 'jusqua']);
const PROGRAM = ['program', 'programme', 'drillprogram', 'drillprogramme', 'campaign', 'phase', 'campagne'];
const YEAR = ['year', 'drillyear', 'yeardrilled', 'holeyear', 'annee'];
const TYPE = ['holesetting', 'setting', 'locationtype', 'surfaceunderground', 'collartype', 'holelocation', 'holetype', 'type'];
const STATUS = ['status', 'holestatus', 'statut'];

/** Candidate names per role and table kind, most specific first. */
export const ROLE_NAMES = {
  collar: { hole: HOLE, east: EAST, north: NORTH, elevation: ELEV, depth: COLLAR_DEPTH, azimuth: AZIMUTH, dip: DIP, inclination: INCLINATION, program: PROGRAM, year: YEAR, type: TYPE, status: STATUS },
  survey: { hole: HOLE, depth: SURVEY_DEPTH, azimuth: AZIMUTH, dip: DIP, inclination: INCLINATION },
  interval: { hole: HOLE, from: FROM, to: TO },
} as const satisfies Record<string, Partial<Record<ColumnRole, readonly string[]>>>;

/** Is this length column named in feet (DEPTH_FT, FROM_FEET)? */
export function namedInFeet(header: string): boolean {
  return /(ft|feet)$/.test(normalizeName(header));
}

/** Is this length column named in metres (DEPTH_M, FROM (m), PROFONDEUR_METRES)? */
export function namedInMetres(header: string): boolean {
  return /[\s_\-(\[]m[)\]]?$/i.test(header.trim()) || /(metres?|meters?)$/.test(normalizeName(header));
}

/** Unit suffix of a value column: "Au_ppm" → { base: "Au", unit: "ppm" }. */
export function splitUnit(header: string): { base: string; unit?: string } {
  const m = /^(.*?[^\s_\-(\[])[\s_\-]*[(\[]?\s*(ppm|ppb|pct|percent|per|%|gpt|g\/t|gt|opt|oz\/t)\s*[)\]]?$/i.exec(header.trim());
  if (!m) return { base: header.trim() };
  const raw = m[2].toLowerCase();
  // "per" and "gt" are too short to trust without a separator (Copper, Agt...).
  if ((raw === 'per' || raw === 'gt') && !/[\s_\-(\[]/.test(header.slice(m[1].length, m[1].length + 1))) return { base: header.trim() };
  const unit = raw === 'pct' || raw === 'percent' || raw === 'per' ? '%' : raw === 'gpt' || raw === 'gt' ? 'g/t' : raw === 'opt' ? 'oz/t' : raw;
  return { base: m[1], unit };
}

/** Gold columns: Au, AU, Au_ppm, AU_GPT, Au_ppb, Au_g/t, AuFA, Au1, GOLD... */
export function isGoldName(header: string): boolean {
  const { base, unit } = splitUnit(header);
  // "Or" (French for gold) only with a grade unit: "Or_gpt", "Or (ppb)".
  return /^(au|gold)(fa|aa|grav|final|best|avg|calc)?\d?$/.test(normalizeName(base)) || (unit !== undefined && normalizeName(base) === 'or');
}

/** Factor from a gold unit to g/t; ppm is the same number as g/t. */
export function goldFactor(unit: string | undefined): number {
  switch (unit) {
    case 'ppb':
      return 0.001;
    case '%':
      return 10000;
    case 'oz/t':
      return 34.285714; // troy ounces per short ton
    default:
      return 1;
  }
}

/** Names that hold codes or labels even when they look numeric (sample numbers, zone codes). */
const CATEGORICAL_NAME = /(lith|rock|zone|comment|desc|sample|samp|code|name|geol|alter|colou?r|remark|note|method|lab|batch|vein|domain|struct|mineral|weath|oxid|texture)/;
export function looksCategorical(header: string): boolean {
  return CATEGORICAL_NAME.test(normalizeName(header));
}

/** Text that means "no value" (mirrors intervals.ts so the app and the import agree). */
const MISSING_TEXT = new Set(['', 'ns', 'na', 'n/a', 'nan', '-', 'nr', 'is', 'lnr', 'null']);
const MISSING_SENTINELS = new Set([-99, -999, -9999]);

export type ValueKind = 'value' | 'missing' | 'below-detection' | 'over-limit' | 'text';

/**
 * One value cell as it is written to the document: a number, or null when missing. Below-detection
 * (a negative number or "<0.005") is written as the negative limit, the document's convention that
 * the loader reads as "below detection" (kept as half the limit); ">100" (over the upper limit) is
 * written as the limit.
 */
export function readValueCell(raw: string, dialect: Dialect): { value: number | null; kind: ValueKind } {
  const t = raw.trim();
  // Digits with at most a decimal point: a plain value in a decimal-point file (most cells), read
  // at once. Signs, limits, exponents, commas and words take the general path below.
  if (dialect.decimal === '.' && t.charCodeAt(0) !== 45) {
    const v = plainDecimal(t);
    if (v === v) return { value: v, kind: 'value' };
  }
  // "<0,005" in a decimal-comma file is "<0.005": the sign of a limit stays, the number is rewritten.
  const limit = /^[<>]/.test(t) ? t[0] : '';
  const s = limit + plainNumberText(t.slice(limit.length).trim(), dialect);
  if (s.startsWith('>')) {
    const n = Number(s.slice(1).trim());
    if (s.length > 1 && Number.isFinite(n)) return { value: n, kind: 'over-limit' };
  }
  const c = readNumericCell(s);
  if (c.kind === 'value') return { value: c.value, kind: 'value' };
  if (c.kind === 'below-detection') return { value: -2 * c.value, kind: 'below-detection' };
  const missing = MISSING_TEXT.has(s.toLowerCase()) || MISSING_SENTINELS.has(Number(s));
  return { value: null, kind: missing ? 'missing' : 'text' };
}

/**
 * "123", "-52.19", "0.5", ".5", "7.": digits with at most one point and a leading minus, at most
 * 15 digits in all; NaN for anything else (the general path then reads it). Read as an integer
 * over a power of ten: both exact in a double, so the one division rounds correctly and the value
 * is the very number Number() gives, without its general parser (a third of a large import).
 */
export function plainDecimal(s: string): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0) point = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = point < 0 || point === digits ? m : m / POWERS_OF_TEN[digits - point];
  return negative ? -v : v;
}
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Longer text is not a number written by any export (float64 needs at most 17 significant digits). */
const MAX_NUMBER_TEXT = 64;

/**
 * A number in a structural column (coordinate, depth, angle), in the file's dialect (decimal comma,
 * thousands separators: dialect.ts); NaN when blank or not a number.
 */
export function readNumber(raw: string | undefined, dialect: Dialect): number {
  if (raw !== undefined && dialect.decimal === '.') {
    const v = plainDecimal(raw);
    if (v === v) return v;
  }
  const s = plainNumberText((raw ?? '').trim(), dialect);
  // One way to match each digit (no nested choice): a 2 MB field of digits fails in linear time.
  if (s === '' || s.length > MAX_NUMBER_TEXT || !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return NaN;
  return Number(s);
}

/** A value column is numeric when most of its non-missing cells read as numbers. */
export function inferNumeric(header: string, cells: Iterable<string>, dialect: Dialect): boolean {
  if (looksCategorical(header) && !isGoldName(header)) return false;
  let numeric = 0;
  let text = 0;
  for (const raw of cells) {
    const k = readValueCell(raw, dialect).kind;
    if (k === 'text') text++;
    else if (k !== 'missing') numeric++;
  }
  return numeric > 0 && numeric >= text;
}
