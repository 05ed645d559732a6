/**
 * Saved views checked without zod, for the page: views kept in this browser and views in a link
 * (#view=…). Building the zod schemas costs about 40 ms of the page's start-up task on a 2-core
 * machine, and these two were the only reasons the page loaded them; the loading worker still
 * validates a dataset's views with the zod `SavedView` (src/data/schema.ts).
 *
 * Same rules, same output as `SavedView.safeParse`: unknown keys dropped, `camera.projection`
 * defaulted to 'perspective', and on failure the first issue's path and message as zod words them
 * (src/data/savedViewCheck.test.ts compares the two).
 */
import type { SavedViewT } from './schema';
import { textsApart, TEXT_LANGUAGES } from './languageTexts';

export type SavedViewCheck = { success: true; data: SavedViewT } | { success: false; error: { path: (string | number)[]; message: string } };

type Path = (string | number)[];
type Check = (value: unknown, path: Path) => unknown;

class Issue extends Error {
  constructor(readonly path: Path, message: string) {
    super(message);
  }
}

const received = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v);
const expected = (what: string, v: unknown, path: Path): never => {
  throw new Issue(path, `Invalid input: expected ${what}, received ${received(v)}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const bool: Check = (v, path) => (typeof v === 'boolean' ? v : expected('boolean', v, path));

/** A date 'YYYY-MM-DD' (the zod schema's regex and message). */
const isoDate: Check = (v, path) => {
  if (typeof v !== 'string') return expected('string', v, path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Issue(path, 'must be a date YYYY-MM-DD');
  return v;
};

function str(max: number, min = 0): Check {
  return (v, path) => {
    if (typeof v !== 'string') return expected('string', v, path);
    if (v.length < min) throw new Issue(path, `Too small: expected string to have >=${min} characters`);
    if (v.length > max) throw new Issue(path, `Too big: expected string to have <=${max} characters`);
    return v;
  };
}

/** A finite number; `min` inclusive, `above` exclusive (zod's .positive() is above 0). */
function num(o: { min?: number; max?: number; above?: number; int?: boolean } = {}): Check {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return expected('number', v, path);
    if (o.int && !Number.isInteger(v)) return expected('int', v, path);
    // zod's .int() also keeps to the safe integers
    if (o.int && v > Number.MAX_SAFE_INTEGER) throw new Issue(path, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
    if (o.int && v < Number.MIN_SAFE_INTEGER) throw new Issue(path, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    if (o.above !== undefined && !(v > o.above)) throw new Issue(path, `Too small: expected number to be >${o.above}`);
    if (o.min !== undefined && v < o.min) throw new Issue(path, `Too small: expected number to be >=${o.min}`);
    if (o.max !== undefined && v > o.max) throw new Issue(path, `Too big: expected number to be <=${o.max}`);
    return v;
  };
}

function oneOf(values: readonly string[]): Check {
  return (v, path) => {
    if (typeof v === 'string' && values.includes(v)) return v;
    throw new Issue(path, `Invalid option: expected one of ${values.map((x) => JSON.stringify(x)).join('|')}`);
  };
}

/** An array of strings of at most `max` items. */
function strings(max: number): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return expected('array', v, path);
    const out = v.map((x, i) => (typeof x === 'string' ? x : expected('string', x, [...path, i])));
    if (v.length > max) throw new Issue(path, `Too big: expected array to have <=${max} items`);
    return out;
  };
}

/**
 * A text, or an object of languages ({ "en": …, "fr": … }; schema.ts `localized`). Like zod's
 * union: an object is checked as the object of languages, anything else is only "Invalid input".
 */
function localized(text: Check): Check {
  return (v, path) => {
    if (typeof v === 'string') return text(v, path);
    if (!isObject(v)) throw new Issue(path, 'Invalid input');
    for (const [k, x] of Object.entries(v)) {
      if (!/^[a-z]{2,3}$/.test(k)) throw new Issue(path, 'Invalid input');
      text(x, [...path, k]);
      if (x === '') throw new Issue([...path, k], 'expected a non-empty string');
    }
    if (!TEXT_LANGUAGES.some((l) => l in v)) throw new Issue(path, 'needs a text in "en" or "fr"');
    return v;
  };
}

const nullable = (check: Check): Check => (v, path) => (v === null ? null : check(v, path));

/** [easting, northing, elevation] in metres. */
const point3: Check = (v, path) => {
  if (!Array.isArray(v)) return expected('tuple', v, path);
  if (v.length < 3) throw new Issue(path, 'Too small: expected array to have >=3 items');
  if (v.length > 3) throw new Issue(path, 'Too big: expected array to have <=3 items');
  return v.map((x, i) => num()(x, [...path, i]));
};

function record(value: Check): Check {
  return (v, path) => {
    if (!isObject(v)) return expected('record', v, path);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = value(v[k], [...path, k]);
    return out;
  };
}

/**
 * An object of known keys, others dropped. Keys named in `optional` may be missing (a key present
 * as undefined stays, as zod keeps it); `defaults` fill missing or undefined keys.
 */
function object(shape: Record<string, Check>, optional: readonly string[] | 'all' = [], defaults: Record<string, unknown> = {}): Check {
  return (v, path) => {
    if (!isObject(v)) return expected('object', v, path);
    const out: Record<string, unknown> = {};
    for (const [k, check] of Object.entries(shape)) {
      const x = v[k];
      if (x === undefined && k in defaults) out[k] = defaults[k];
      else if (x === undefined && (optional === 'all' || optional.includes(k))) {
        if (k in v) out[k] = undefined;
      } else out[k] = check(x, [...path, k]);
    }
    return out;
  };
}

// Mirrors `SavedView` in schema.ts, key for key and in the same order (the first issue found is
// the one zod lists first).
const savedView = object(
  {
    name: localized(str(200, 1)),
    caption: localized(str(2000)),
    durationMs: num({ int: true, min: 500, max: 600000 }),
    camera: object(
      {
        position: point3,
        target: point3,
        projection: oneOf(['perspective', 'orthographic']),
        zoom: num({ above: 0 }),
        viewHeight: num({ above: 0 }),
      },
      ['zoom', 'viewHeight'],
      { projection: 'perspective' },
    ),
    layers: record(bool),
    zones: record(bool),
    filters: object(
      {
        gradeCutoff: num({ min: 0 }),
        belowCutoff: oneOf(['dim', 'hide']),
        elevationMin: nullable(num()),
        elevationMax: nullable(num()),
        status: object({ drilled: bool, planned: bool }),
        type: object({ surface: bool, underground: bool }),
        programs: record(bool),
        yearMin: nullable(num()),
        yearMax: nullable(num()),
        depthMin: nullable(num()),
        depthMax: nullable(num()),
        holeSearch: str(2000),
        categories: object({ measured: bool, indicated: bool, inferred: bool }),
        onlyHoles: nullable(strings(100000)),
        disclosedOn: nullable(isoDate),
      },
      'all',
    ),
    faultOffsets: record(num()),
    holesFollowFaults: bool,
    colorBy: nullable(str(Infinity)),
    veinColour: oneOf(['zone', 'gradeThickness']),
    gradeWidth: bool,
    longSection: object({ system: nullable(str(200, 1)), fullScreen: bool, distanceShading: bool }, [], { fullScreen: false, distanceShading: false }),
  },
  ['caption', 'durationMs', 'layers', 'zones', 'filters', 'faultOffsets', 'holesFollowFaults', 'colorBy', 'veinColour', 'gradeWidth', 'longSection'],
);

const viewTexts = textsApart(['name', 'caption']);

/** A saved view checked as `SavedView.safeParse` would (see the file's comment). */
export function checkSavedView(value: unknown): SavedViewCheck {
  try {
    return { success: true, data: viewTexts(savedView(value, []) as Parameters<typeof viewTexts>[0]) as SavedViewT };
  } catch (e) {
    if (e instanceof Issue) return { success: false, error: { path: e.path, message: e.message } };
    throw e;
  }
}
