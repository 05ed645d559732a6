/**
 * Imported objects into the project: each object becomes the model's own records (a surface with
 * a zone of its kind, a fault with its surface, workings, resource outlines, a point set), added
 * to the dataset already loaded. The kind is guessed from the name and the geometry; the user
 * changes it in the import panel (`edit.ts`). Coordinates are taken as stored: the checks
 * (`checks.ts`) report what looks wrong and the user applies the fix.
 */
import type { LoadIssue, Model, PointSetModel, SurfaceModel } from '../model';
import type { FaultT, ImportSourceT, ResourceCategoryT, WorkingT, ZoneT } from '../schema';
import type { FileImport } from './index';
import type { ImportedObject } from './types';
import { checkCoordinates, type Box3, type CoordinateCheck } from './checks';
import { say } from '../../domain/message';

/** What the import panel offers for an object. */
export type ObjectKind = 'vein' | 'alteration' | 'host' | 'fault' | 'topography' | 'workings' | 'resource' | 'other';
export const SURFACE_KINDS: ObjectKind[] = ['vein', 'alteration', 'host', 'fault', 'topography', 'other'];
export const LINE_KINDS: ObjectKind[] = ['workings', 'resource', 'other'];

/** One object of one file, as the report and the panel list it. */
export interface ImportedObjectSummary {
  name: string;
  type: ImportedObject['type'];
  vertices: number;
  triangles: number;
  lines: number;
  points: number;
  attributes: string[];
}

export interface ImportedFileSummary {
  file: string;
  format: string;
  objects: ImportedObjectSummary[];
  checks: CoordinateCheck[];
  errors: number;
  warnings: number;
}

/** Calm colours for objects whose file gives none, by kind. */
export const KIND_COLOUR: Record<ObjectKind, string> = {
  vein: '#d4a017', alteration: '#7fa37a', host: '#9aa3ad', fault: '#b5473a', topography: '#8c7b62', workings: '#7a6a58', resource: '#5aae61', other: '#6f8fb0',
};

export function guessKind(o: ImportedObject, fileName: string): ObjectKind {
  const n = `${o.name} ${fileName}`.toLowerCase();
  if (o.type === 'lines') {
    if (/resource|outline|measured|indicated|inferred/.test(n)) return 'resource';
    return 'workings';
  }
  if (o.type === 'points') return 'other';
  if (/fault|faille|\bflt|shear zone|lineament/.test(n)) return 'fault';
  if (/topo|terrain|dtm|ground|surface_?topo|lidar/.test(n)) return 'topography';
  if (/vein|filon|veine|lode|reef/.test(n)) return 'vein';
  if (/alter|envelope|halo/.test(n)) return 'alteration';
  if (/host|intrusi|gabbro|diorite|granod/.test(n)) return 'host';
  return 'other';
}

export function summarise(o: ImportedObject): ImportedObjectSummary {
  const attributes = (o.attributes ?? []).map((a) => a.name);
  if (o.type === 'mesh') return { name: o.name, type: o.type, vertices: o.vertices.length / 3, triangles: o.triangles.length / 3, lines: 0, points: 0, attributes };
  if (o.type === 'points') return { name: o.name, type: o.type, vertices: o.vertices.length / 3, triangles: 0, lines: 0, points: o.vertices.length / 3, attributes };
  return { name: o.name, type: o.type, vertices: o.lines.reduce((n, l) => n + l.length / 3, 0), triangles: 0, lines: o.lines.length, points: 0, attributes };
}

/** An id made from a name, unique among `taken` (which it joins). */
export function uniqueId(name: string, taken: Set<string>): string {
  const base = name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'object';
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

function attributesOf(o: ImportedObject): Record<string, Float64Array> | undefined {
  if (!o.attributes?.length) return undefined;
  return Object.fromEntries(o.attributes.map((a) => [a.name, a.values]));
}

/** The box of the loaded holes: collars, grown by each hole's depth (a hole reaches that far at most). */
export function holesBox(model: Model | null): Box3 | null {
  if (!model || model.holes.length === 0) return null;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const h of model.holes) {
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a], h.collar[a] - (a === 2 ? h.depth : 0));
      max[a] = Math.max(max[a], h.collar[a]);
    }
  }
  const reach = Math.min(2000, Math.max(...model.holes.map((h) => h.depth)));
  return { min: [min[0] - reach, min[1] - reach, min[2]], max: [max[0] + reach, max[1] + reach, max[2]] };
}

/** Every id of every record kind in the model, so imported ids never collide. */
export function takenIds(m: Model): Set<string> {
  return new Set([...m.zones, ...m.surfaces, ...m.faults, ...m.workings, ...m.resourceCategories, ...m.pointSets].map((r) => r.id));
}

export function emptyModel(name: string): Model {
  return {
    project: { name, crs: { name: 'as in the imported files (not stated)' }, units: { length: 'm', grade: 'g/t' }, illustrative: false },
    zones: [], surfaces: [], faults: [], holes: [], intervals: [], resourceCategories: [], workings: [], pointSets: [], views: [],
  };
}

/** Adds one imported object to the model (mutated) as records of `kind`. */
/**
 * Pure white and pure black from a file are not kept: DXF's colour 7 (the default) means "white on
 * a dark screen, black on a light one", and either would vanish against one of our themes.
 */
function usableColour(c: string | undefined): string | undefined {
  return c && !/^#(ffffff|000000)$/i.test(c) ? c : undefined;
}

export function addObject(m: Model, o: ImportedObject, kind: ObjectKind, source: ImportSourceT, taken: Set<string>, extra: { zone?: string; system?: string; color?: string; opacity?: number } = {}): void {
  const fileColour = usableColour(o.color);
  const color = extra.color ?? fileColour ?? KIND_COLOUR[kind];
  // DXF's default layer "0" says nothing: the file's name does.
  const name = o.name && o.name !== '0' ? o.name : `${source.file.replace(/\.[^.]+$/, '')}${o.name === '0' ? ' (layer 0)' : ''}`;
  if (o.type === 'mesh') {
    const id = uniqueId(name, taken);
    const surface: SurfaceModel = { id, name, vertices: o.vertices, triangles: o.triangles, source, ...(fileColour || extra.color ? { color } : {}), ...(extra.opacity !== undefined ? { opacity: extra.opacity } : {}) };
    const attributes = attributesOf(o);
    if (attributes) surface.attributes = attributes;
    if (kind === 'fault') {
      const fault: FaultT = { id: uniqueId(`fault-${name}`, taken), name, surface: id, color, movingSide: 'hangingwall', slip: { strikeSlip: 0, dipSlip: 0 } };
      surface.faultId = fault.id;
      m.faults.push(fault);
    } else {
      const zoneKind = kind === 'vein' || kind === 'alteration' || kind === 'host' || kind === 'topography' ? kind : 'other';
      let zoneId = extra.zone;
      if (!zoneId || !m.zones.some((z) => z.id === zoneId)) {
        const zone: ZoneT = { id: uniqueId(`zone-${name}`, taken), name, color, kind: zoneKind, ...(extra.system ? { system: extra.system } : {}) };
        m.zones.push(zone);
        zoneId = zone.id;
      }
      surface.zoneId = zoneId;
    }
    m.surfaces.push(surface);
    return;
  }
  if (o.type === 'points') {
    const p: PointSetModel = { id: uniqueId(name, taken), name, points: o.vertices, color, source };
    const attributes = attributesOf(o);
    if (attributes) p.attributes = attributes;
    m.pointSets.push(p);
    return;
  }
  o.lines.forEach((line, k) => {
    const path: [number, number, number][] = [];
    for (let i = 0; i + 2 < line.length; i += 3) path.push([line[i], line[i + 1], line[i + 2]]);
    if (path.length < 2) return;
    const lineName = o.lines.length > 1 ? `${name} ${k + 1}` : name;
    if (kind === 'resource' && path.length >= 3) {
      const closed = path.length > 3 && path[0].every((v, a) => v === path[path.length - 1][a]);
      const rc: ResourceCategoryT = { id: uniqueId(lineName, taken), category: 'inferred', outline: closed ? path.slice(0, -1) : path, source };
      m.resourceCategories.push(rc);
    } else {
      const w: WorkingT = { id: uniqueId(lineName, taken), name: lineName, kind: 'other', path, color, source };
      m.workings.push(w);
    }
  });
}

/**
 * Adds every object of the imported files to a copy of `base` (or a new project named after the
 * files), and reports each file: its objects, the coordinate checks, and its issues (as load
 * issues with the file and line or byte offset).
 */
export function assemble(base: Model | null, imports: FileImport[]): { model: Model; files: ImportedFileSummary[]; errors: LoadIssue[]; warnings: LoadIssue[] } {
  const m: Model = base
    ? { ...base, zones: [...base.zones], surfaces: [...base.surfaces], faults: [...base.faults], workings: [...base.workings], resourceCategories: [...base.resourceCategories], pointSets: [...base.pointSets] }
    : emptyModel([...new Set(imports.map((f) => f.file.replace(/\.[^.]+$/, '')))].join(' + ') || 'Imported project');
  const taken = takenIds(m);
  const holes = holesBox(base);
  const errors: LoadIssue[] = [];
  const warnings: LoadIssue[] = [];
  const files = imports.map((f) => {
    for (const i of f.issues) (i.severity === 'error' ? errors : warnings).push({ path: i.path, message: i.message, ...(i.key ? { key: i.key, ...(i.params ? { params: i.params } : {}) } : {}), ...(i.id ? { id: i.id } : {}) });
    const checks = checkCoordinates(f.objects, f.meta, holes);
    // The check's own message is nested in the report's line (catalogue: $t(messages:{{check}})).
    for (const c of checks) warnings.push({ path: f.file, ...say(c.fix ? 'surfaces.coordinatesFix' : 'surfaces.coordinates', { ...c.params, check: c.key }) });
    for (const o of f.objects) addObject(m, o, guessKind(o, f.file), { file: f.file, object: o.name, format: f.meta.format }, taken);
    if (f.objects.length === 0 && !f.issues.some((i) => i.severity === 'error')) warnings.push({ path: f.file, ...say('surfaces.nothing') });
    return { file: f.file, format: f.meta.format, objects: f.objects.map(summarise), checks, errors: f.issues.filter((i) => i.severity === 'error').length, warnings: f.issues.filter((i) => i.severity === 'warning').length };
  });
  return { model: m, files, errors, warnings };
}
