/**
 * The Veinscape deposit file, version 1: the product's public contract.
 *
 * One JSON document per deposit. Conventions (enforced here and in `normalize.ts`):
 * lengths in metres, grades in g/t, azimuth in degrees clockwise from grid north [0, 360),
 * dip in degrees from horizontal, negative downward [-90, 90], depths measured along the hole
 * from the collar. Coordinates are real-world (e.g. UTM) easting / northing / elevation in metres.
 *
 * The loader validates each record on its own (see `load.ts`): a bad hole or surface is reported
 * with its JSON path and id and dropped, while every valid record still loads.
 */
import { z } from 'zod';
import { FORMAT_NAME, SCHEMA_VERSION } from './formatConstants';
import { textsApart, TEXT_LANGUAGES, type LanguageTextsT } from './languageTexts';

export { FORMAT_NAME, SCHEMA_VERSION, TEXT_LANGUAGES, type LanguageTextsT };

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/**
 * Largest coordinate magnitude a deposit file may hold, m. Far beyond any map coordinate (the
 * Earth's circumference is 4e7 m), so a typing error of many orders of magnitude still loads and
 * is reported as an outlier (domain/extent.ts); beyond it float64 no longer keeps a tenth of a
 * metre (2^53 ≈ 9e15) and the local float32 frame overflows in the GPU's arithmetic.
 */
export const MAX_COORDINATE_M = 1e15;
/** Deepest hole a deposit file may describe, m: Kola SG-3, the deepest borehole ever drilled, is 12,262 m. */
export const MAX_HOLE_DEPTH_M = 20_000;
const coordinate = finite.refine((v) => Math.abs(v) <= MAX_COORDINATE_M, `must be a coordinate within ±${MAX_COORDINATE_M.toExponential()} m (no map coordinate is larger: check for a typing or unit error)`);
/** Real-world point [easting, northing, elevation] in metres. */
export const Point3 = z.tuple([coordinate, coordinate, coordinate]).describe('[easting m, northing m, elevation m]');
const holeDepth = (what: string) => finite.max(MAX_HOLE_DEPTH_M, `${what} deeper than ${MAX_HOLE_DEPTH_M} m (the deepest borehole ever drilled is 12,262 m): check for a typing or unit error`);
const azimuth = finite.min(0, 'azimuth must be 0-360° clockwise from grid north').max(360, 'azimuth must be 0-360° clockwise from grid north');
const dip = finite.min(-90, 'dip must be -90..90° from horizontal, negative down').max(90, 'dip must be -90..90° from horizontal, negative down');
const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #d4a017')
  .describe('CSS hex colour #rrggbb');
const Id = z.string().min(1, 'must be a non-empty string').max(200);

/** A language's primary tag (BCP-47, lower case): "en", "fr". */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}$/, 'must be a language tag such as "en" or "fr" (BCP-47 primary tag, lower case)');
/** One text in several languages, e.g. { "en": "McDowell vein", "fr": "Filon McDowell" }. */
const languageTexts = (text: z.ZodString) =>
  z
    .record(LanguageTag, text.min(1, 'expected a non-empty string'))
    .refine((t) => TEXT_LANGUAGES.some((l) => l in t), 'needs a text in "en" or "fr"')
    .describe('language tag → text; at least one of "en" and "fr"');
/** A text field of the file: a plain string (the text in every language) or an object of languages. */
const localized = (plain: z.ZodString) =>
  z.union([plain, languageTexts(plain)]).describe('the text in every language, or an object of languages such as { "en": "McDowell vein", "fr": "Filon McDowell" }');

/** The text fields of each kind of record, those that may hold several languages. */
export const TEXT_FIELDS = {
  project: ['name', 'disclaimer', 'qualifiedPerson'],
  zones: ['name', 'system'],
  faults: ['name'],
  views: ['name', 'caption'],
  releases: ['title'],
} as const;

export const Crs = z
  .object({
    code: z.string().optional().describe('EPSG code such as EPSG:26917'),
    name: z.string().describe('human name, e.g. "NAD83 / UTM zone 17N" or a named local grid'),
  })
  .describe('coordinate reference system of every coordinate in the file');

export const Project = z.object({
  name: localized(z.string().min(1)),
  description: z.string().optional(),
  location: z.string().optional(),
  crs: Crs,
  units: z
    .object({
      length: z.literal('m').describe('all lengths, coordinates and depths are metres'),
      grade: z.literal('g/t').describe('gold grades are grams per tonne (ppm)'),
    })
    .default({ length: 'm', grade: 'g/t' }),
  collarTolerance: finite.positive().optional().describe('m: a collar further than this above or below the topography surface is reported (default 5)'),
  referenceElevation: finite.optional().describe('elevation of the ground surface in m, used for "depth below surface"'),
  illustrative: z.boolean().default(false).describe('true when the model is illustrative, not a resource model'),
  disclaimer: localized(z.string()).optional(),
  qualifiedPerson: localized(z.string()).optional().describe('NI 43-101 qualified person statement'),
  source: z.string().optional(),
}).transform(textsApart(TEXT_FIELDS.project));

export const ZoneKind = z.enum(['vein', 'shear', 'alteration', 'host', 'topography', 'other']);
export const Zone = z.object({
  id: Id,
  name: localized(z.string().min(1)),
  color: Colour,
  kind: ZoneKind,
  system: localized(z.string()).optional().describe('vein system the zone belongs to, e.g. "McDowell"; its default (English) text is the id views and the API use'),
  description: z.string().optional(),
}).transform(textsApart(TEXT_FIELDS.zones));

/** Where an imported object came from: kept so the import panel and a saved project can say so. */
export const ImportSource = z
  .object({
    file: z.string().describe('file name the object was read from'),
    object: z.string().describe('object name in that file (DXF layer, OBJ group, TSurf name, OMF element)'),
    format: z.string().describe('format and version as read, e.g. "DXF AC1024", "GOCAD TSurf", "OMF 2.0"'),
    transform: z.string().optional().describe('coordinate fixes the user applied on import, e.g. "feet to metres; Y-up to Z-up"'),
  })
  .describe('provenance of an object imported from mining software');
const Opacity = z.number().min(0).max(1).describe('0 transparent .. 1 opaque');
/** Per-vertex values kept from the source file (GOCAD properties, OMF attributes); null = no data. */
const Attributes = z.record(z.string(), z.array(z.union([finite, z.null()]))).describe('attribute name → one value per vertex (null = no data)');

export const Surface = z
  .object({
    id: Id,
    name: z.string().optional(),
    zone: Id.optional().describe('id of the zone this surface belongs to'),
    fault: Id.optional().describe('id of the fault this surface belongs to'),
    vertices: z.array(coordinate).describe('flat [e0, n0, z0, e1, n1, z1, ...] in metres'),
    triangles: z.array(z.number().int().nonnegative()).describe('flat vertex indices [a0, b0, c0, a1, ...]'),
    color: Colour.optional().describe("the surface's own colour (else its zone's or fault's)"),
    opacity: Opacity.optional().describe("the surface's own opacity (else its kind's default)"),
    attributes: Attributes.optional(),
    source: ImportSource.optional(),
  })
  .refine((s) => (s.zone === undefined) !== (s.fault === undefined), {
    message: 'a surface belongs to exactly one zone or one fault',
  });

export const FaultSide = z.enum(['east', 'west', 'north', 'south', 'hangingwall', 'footwall']);
export const Fault = z.object({
  id: Id,
  name: localized(z.string().min(1)),
  surface: Id.describe('id of the fault surface'),
  color: Colour.optional(),
  movingSide: FaultSide.describe('the block that moved; the other side is held fixed'),
  slip: z
    .union([
      z.object({
        strikeSlip: finite.describe('m along strike; positive moves the moving side toward the strike azimuth (right-hand rule)'),
        dipSlip: finite.describe('m along dip; positive moves the moving side down-dip'),
      }),
      z.object({ vector: Point3.describe('[dE, dN, dZ] in metres, displacement of the moving side') }),
    ])
    .describe('interpreted slip of the moving side relative to the fixed side'),
}).transform(textsApart(TEXT_FIELDS.faults));

/** A value in an interval table: number, category text, or null for missing. */
const Cell = z.union([z.number(), z.string(), z.null()]);

export const Station = z.object({
  depth: holeDepth('survey station').min(0, 'survey depth must be ≥ 0 m along the hole'),
  azimuth,
  dip,
});
/** Survey stations written row by row or column by column. */
export const Surveys = z.union([
  z.array(Station),
  z.object({ depth: z.array(finite), azimuth: z.array(finite), dip: z.array(finite) }),
]);

export const HoleType = z.enum(['surface', 'underground']);
export const HoleStatus = z.enum(['drilled', 'planned']);
export const Hole = z.object({
  id: Id,
  collar: Point3,
  depth: holeDepth('hole').positive('hole depth must be > 0 m').describe('final depth along the hole, m'),
  azimuth: azimuth.optional().describe('collar azimuth when no survey is given'),
  dip: dip.optional().describe('collar dip when no survey is given (negative down)'),
  surveys: Surveys.optional(),
  trace: z.array(Point3).min(2).optional().describe('3D polyline from collar to end, instead of surveys'),
  program: z.string().optional(),
  year: z.number().int().optional(),
  type: HoleType.default('surface'),
  status: HoleStatus.default('drilled'),
  release: Id.optional().describe('id of the news release that disclosed the hole\'s results (one of `releases`); left out: not disclosed'),
});

/**
 * A news release that disclosed drilling results. The date is checked by the loader (a bad one is
 * a warning and the release loads without it, so its holes count as undisclosed).
 */
export const Release = z.object({
  id: Id,
  date: z.string().describe('date of the release, YYYY-MM-DD'),
  title: localized(z.string().min(1)).optional().describe('headline of the release'),
}).transform(textsApart(TEXT_FIELDS.releases));

export const ColumnSpec = z.object({
  name: z.string().min(1),
  type: z.enum(['numeric', 'categorical']),
  unit: z.string().optional().describe('e.g. g/t'),
});
export const IntervalTable = z
  .object({
    id: Id,
    name: z.string().optional(),
    columns: z.array(ColumnSpec).describe('value columns beyond hole / from / to'),
    rows: z
      .array(z.array(Cell))
      .optional()
      .describe('row by row: [holeId, from m, to m, value per column...]'),
    data: z
      .record(z.string(), z.array(Cell))
      .optional()
      .describe('column by column: { hole: [...], from: [...], to: [...], <column>: [...] }'),
  })
  .refine((t) => (t.rows === undefined) !== (t.data === undefined), {
    message: 'an interval table has either rows or data (column-wise), not both',
  });

export const ResourceCategory = z.object({
  id: Id,
  category: z.enum(['measured', 'indicated', 'inferred']),
  zone: Id.optional(),
  outline: z.array(Point3).min(3).describe('closed outline, usually on the vein plane'),
  source: ImportSource.optional(),
});

export const Working = z.object({
  id: Id,
  name: z.string().optional(),
  kind: z.enum(['shaft', 'decline', 'ramp', 'drift', 'crosscut', 'raise', 'level', 'portal', 'other']),
  path: z.array(Point3).min(2),
  levelDepth: finite.optional().describe('nominal level depth below surface, m'),
  color: Colour.optional().describe("the line's own colour (else the workings colour)"),
  source: ImportSource.optional(),
});

/** Points imported from mining software (OMF point sets): shown as dots. */
export const PointSet = z.object({
  id: Id,
  name: z.string().optional(),
  points: z.array(coordinate).describe('flat [e0, n0, z0, e1, ...] in metres'),
  color: Colour.optional(),
  attributes: Attributes.optional(),
  source: ImportSource.optional(),
});

/**
 * A named view: camera, layers, filters and fault offsets, for saved views, links and tours. A view
 * is a whole state: what it leaves out is the dataset's default (all layers and zones of the
 * defaults on, nothing filtered, faults as mapped, long section closed), never what was on screen.
 */
export const SavedView = z.object({
  name: localized(z.string().min(1).max(200)),
  caption: localized(z.string().max(2000)).optional().describe('shown while the view is presented in a tour'),
  durationMs: z.number().int().min(500).max(600000).optional().describe('time on this step of a timed tour, ms'),
  camera: z.object({
    position: Point3.describe('camera position, true world coordinates, m'),
    target: Point3.describe('point looked at, true world coordinates, m'),
    projection: z.enum(['perspective', 'orthographic']).default('perspective'),
    zoom: finite.positive().optional().describe('orthographic zoom, pixels per metre'),
    viewHeight: finite.positive().optional().describe('height of the 3D view the zoom was set for, CSS px: a view of another height scales the zoom by the ratio, so the picture keeps its framing'),
  }),
  layers: z.record(z.string(), z.boolean()).optional().describe('layer kind → visible'),
  zones: z.record(z.string(), z.boolean()).optional().describe('zone id → visible'),
  filters: z
    .object({
      gradeCutoff: finite.min(0),
      belowCutoff: z.enum(['dim', 'hide']),
      elevationMin: finite.nullable(),
      elevationMax: finite.nullable(),
      status: z.object({ drilled: z.boolean(), planned: z.boolean() }),
      type: z.object({ surface: z.boolean(), underground: z.boolean() }),
      programs: z.record(z.string(), z.boolean()),
      yearMin: finite.nullable(),
      yearMax: finite.nullable(),
      depthMin: finite.nullable(),
      depthMax: finite.nullable(),
      holeSearch: z.string().max(2000),
      categories: z.object({ measured: z.boolean(), indicated: z.boolean(), inferred: z.boolean() }),
      onlyHoles: z.array(z.string()).max(100000).nullable().describe('only these hole ids are shown (e.g. holes with problems); null: all'),
      disclosedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullable().describe('as disclosed on this date (YYYY-MM-DD): holes released later or never are hidden; null: every hole'),
    })
    .partial()
    .optional()
    .describe('filters; those left out are the dataset\'s defaults (nothing filtered)'),
  faultOffsets: z.record(z.string(), finite).optional().describe('fault id → offset in m (0 = restored); faults left out are as mapped'),
  holesFollowFaults: z.boolean().optional(),
  colorBy: z.string().nullable().optional(),
  veinColour: z.enum(['zone', 'gradeThickness']).optional().describe('veins in their zone colour, or coloured by interpolated grade × thickness (g/t·m, the long section\'s contour classes); left out: zone'),
  gradeWidth: z.boolean().optional().describe('high grades drawn wider class by class (width by grade class); left out: off'),
  longSection: z
    .object({
      system: z.string().min(1).max(200).nullable().describe('vein system id (null: the default system)'),
      fullScreen: z.boolean().default(false).describe('the long section fills the view (a presentation step of its own)'),
      distanceShading: z.boolean().default(false).describe('the contours veiled by distance to the nearest pierce point (≤ 25 m informed, 25–50 m interpolated, 50–100 m sparse, > 100 m extrapolated); left out: off'),
    })
    .optional()
    .describe('the long section open with this view (left out: closed)'),
}).transform(textsApart(TEXT_FIELDS.views));

/** The top level, validated strictly; the arrays are validated record by record in `load.ts`. */
export const DepositHeader = z.object({
  format: z.literal(FORMAT_NAME),
  schemaVersion: z.literal(SCHEMA_VERSION),
  project: Project,
});

export const Deposit = DepositHeader.extend({
  zones: z.array(Zone).default([]),
  surfaces: z.array(Surface).default([]),
  faults: z.array(Fault).default([]),
  releases: z.array(Release).default([]).describe('news releases that disclosed drilling results; holes name theirs by id'),
  holes: z.array(Hole).default([]),
  intervals: z.array(IntervalTable).default([]),
  resourceCategories: z.array(ResourceCategory).default([]),
  workings: z.array(Working).default([]),
  pointSets: z.array(PointSet).default([]),
  views: z.array(SavedView).default([]).describe('saved views, in tour order'),
});

export type DepositInput = z.input<typeof Deposit>;
export type DepositFile = z.output<typeof Deposit>;
export type ProjectT = z.output<typeof Project>;
export type ZoneT = z.output<typeof Zone>;
export type SurfaceT = z.output<typeof Surface>;
export type FaultT = z.output<typeof Fault>;
export type HoleT = z.output<typeof Hole>;
export type StationT = z.output<typeof Station>;
export type IntervalTableT = z.output<typeof IntervalTable>;
export type ResourceCategoryT = z.output<typeof ResourceCategory>;
export type WorkingT = z.output<typeof Working>;
export type PointSetT = z.output<typeof PointSet>;
export type ImportSourceT = z.output<typeof ImportSource>;
export type FaultSideT = z.output<typeof FaultSide>;
export type SavedViewT = z.output<typeof SavedView>;
export type ReleaseT = z.output<typeof Release>;

/** The record arrays the loader validates one record at a time, with the schema of each. */
export const RECORD_SCHEMAS = {
  zones: Zone,
  surfaces: Surface,
  faults: Fault,
  releases: Release,
  holes: Hole,
  intervals: IntervalTable,
  resourceCategories: ResourceCategory,
  workings: Working,
  pointSets: PointSet,
  views: SavedView,
} as const;
