/**
 * The import panel's edits of imported objects, as pure functions from one Model to the next
 * (the page then prepares the new model in the worker). An imported object is every record that
 * carries the same `source` (file + object name): a surface with its zone or fault, the workings
 * or outlines made from one layer of lines, a point set.
 */
import type { Model, PointSetModel, SurfaceModel } from '../model';
import type { FaultSideT, FaultT, ImportSourceT, ResourceCategoryT, WorkingT, ZoneT } from '../schema';
import type { ImportedObject } from './types';
import { addObject, KIND_COLOUR, takenIds, type ObjectKind } from './assemble';
import { applyFix, describeFix, type CoordinateFix } from './transform';

export interface ObjectRow {
  key: string;
  source: ImportSourceT;
  name: string;
  kind: ObjectKind;
  type: ImportedObject['type'];
  color: string;
  opacity?: number;
  zoneId?: string;
  system?: string;
  fault?: FaultT;
  category?: ResourceCategoryT['category'];
  vertices: number;
  triangles: number;
  lines: number;
  /** names of the per-vertex attributes kept from the file */
  attributes: string[];
}

export const keyOf = (s: ImportSourceT) => `${s.file}\u0000${s.object}`;

type Sourced = { source?: ImportSourceT };
const has = (key: string) => (r: Sourced) => r.source !== undefined && keyOf(r.source) === key;
const hasNot = (key: string) => (r: Sourced) => !has(key)(r);

/** Every imported object of the model, in the order first met. */
export function importedObjects(m: Model): ObjectRow[] {
  const rows = new Map<string, ObjectRow>();
  const zones = new Map(m.zones.map((z) => [z.id, z]));
  const faults = new Map(m.faults.map((f) => [f.id, f]));
  for (const s of m.surfaces) {
    if (!s.source) continue;
    const z = s.zoneId ? zones.get(s.zoneId) : undefined;
    const f = s.faultId ? faults.get(s.faultId) : undefined;
    const kind: ObjectKind = f ? 'fault' : z?.kind === 'shear' ? 'vein' : ((z?.kind ?? 'other') as ObjectKind);
    rows.set(keyOf(s.source), {
      key: keyOf(s.source), source: s.source, name: s.name, kind, type: 'mesh', color: s.color ?? f?.color ?? z?.color ?? '#888888', opacity: s.opacity,
      zoneId: s.zoneId, system: z?.system, fault: f, vertices: s.vertices.length / 3, triangles: s.triangles.length / 3, lines: 0, attributes: Object.keys(s.attributes ?? {}),
    });
  }
  const lineRow = (r: WorkingT | ResourceCategoryT, kind: ObjectKind, points: number, color: string) => {
    const key = keyOf(r.source!);
    const row = rows.get(key);
    if (row) {
      row.lines++;
      row.vertices += points;
      return;
    }
    rows.set(key, { key, source: r.source!, name: r.source!.object, kind, type: 'lines', color, vertices: points, triangles: 0, lines: 1, attributes: [], ...('category' in r ? { category: r.category } : {}) });
  };
  for (const w of m.workings) if (w.source) lineRow(w, 'workings', w.path.length, w.color ?? KIND_COLOUR.workings);
  for (const r of m.resourceCategories) if (r.source) lineRow(r, 'resource', r.outline.length, '#5aae61');
  for (const p of m.pointSets) {
    if (p.source) rows.set(keyOf(p.source), { key: keyOf(p.source), source: p.source, name: p.name ?? p.id, kind: 'other', type: 'points', color: p.color ?? KIND_COLOUR.other, vertices: p.points.length / 3, triangles: 0, lines: 0, attributes: Object.keys(p.attributes ?? {}) });
  }
  return [...rows.values()];
}

/** The object's geometry back out of its records (to re-add it as another kind). */
function geometryOf(m: Model, key: string): ImportedObject | null {
  const s = m.surfaces.find(has(key));
  if (s) return { type: 'mesh', name: s.name, vertices: s.vertices, triangles: s.triangles, ...(s.attributes ? { attributes: Object.entries(s.attributes).map(([name, values]) => ({ name, values })) } : {}) };
  const p = m.pointSets.find(has(key));
  if (p) return { type: 'points', name: p.name ?? p.id, vertices: p.points };
  const paths = [
    ...m.workings.filter(has(key)).map((w) => w.path),
    ...m.resourceCategories.filter(has(key)).map((r) => [...r.outline, r.outline[0]]),
  ];
  if (paths.length === 0) return null;
  const name = (m.workings.find(has(key)) ?? m.resourceCategories.find(has(key)))!.source!.object;
  return { type: 'lines', name, lines: paths.map((path) => Float64Array.from(path.flat())) };
}

/** A copy of the model without the object's records (and the zones only it used). */
function without(m: Model, key: string): Model {
  const gone = m.surfaces.filter(has(key));
  const surfaces = m.surfaces.filter(hasNot(key));
  const usedZones = new Set(surfaces.map((s) => s.zoneId));
  const ownZones = new Set(gone.map((s) => s.zoneId).filter((z): z is string => !!z && !usedZones.has(z) && !m.resourceCategories.some((r) => r.zone === z)));
  const goneFaults = new Set(gone.map((s) => s.faultId).filter(Boolean));
  return {
    ...m,
    surfaces,
    zones: m.zones.filter((z) => !ownZones.has(z.id) || !z.id.startsWith('zone-')),
    faults: m.faults.filter((f) => !goneFaults.has(f.id)),
    workings: m.workings.filter(hasNot(key)),
    resourceCategories: m.resourceCategories.filter(hasNot(key)),
    pointSets: m.pointSets.filter(hasNot(key)),
  };
}

/** The object as another kind: its records replaced by those of the new kind, same geometry and colour. */
export function setObjectKind(m: Model, key: string, kind: ObjectKind): Model {
  const row = importedObjects(m).find((r) => r.key === key);
  const geom = geometryOf(m, key);
  if (!row || !geom || row.kind === kind) return m;
  const next = without(m, key);
  addObject(next, geom, kind, row.source, takenIds(next), { color: row.color, opacity: row.opacity, system: row.system });
  return next;
}

export interface ObjectEdit {
  name?: string;
  color?: string;
  opacity?: number | null;
  /** an existing zone the surface joins */
  zoneId?: string;
  system?: string;
  movingSide?: FaultSideT;
  slip?: FaultT['slip'];
  category?: ResourceCategoryT['category'];
}

/** Name, colour, opacity, zone, vein system, fault slip and side, or resource category of one object. */
export function editObject(m: Model, key: string, e: ObjectEdit): Model {
  const zones: ZoneT[] = m.zones.map((z) => ({ ...z }));
  const faults: FaultT[] = m.faults.map((f) => ({ ...f }));
  const surfaces: SurfaceModel[] = m.surfaces.map((s) => {
    if (!has(key)(s)) return s;
    const out: SurfaceModel = { ...s };
    if (e.name) out.name = e.name;
    if (e.color) out.color = e.color;
    if (e.opacity === null) delete out.opacity;
    else if (e.opacity !== undefined) out.opacity = e.opacity;
    if (e.zoneId && zones.some((z) => z.id === e.zoneId)) out.zoneId = e.zoneId;
    const z = zones.find((x) => x.id === out.zoneId);
    if (z && z.id.startsWith('zone-') && out.zoneId === s.zoneId) {
      if (e.system !== undefined) z.system = e.system || undefined;
      if (e.color) z.color = e.color;
      if (e.name) z.name = e.name;
    }
    const f = faults.find((x) => x.id === out.faultId);
    if (f) {
      if (e.name) f.name = e.name;
      if (e.color) f.color = e.color;
      if (e.movingSide) f.movingSide = e.movingSide;
      if (e.slip) f.slip = e.slip;
    }
    return out;
  });
  const workings = m.workings.map((w) => (has(key)(w) ? { ...w, ...(e.color ? { color: e.color } : {}), ...(e.name ? { name: e.name } : {}) } : w));
  const resourceCategories = m.resourceCategories.map((r) => (has(key)(r) && e.category ? { ...r, category: e.category } : r));
  const pointSets: PointSetModel[] = m.pointSets.map((p) => (has(key)(p) ? { ...p, ...(e.color ? { color: e.color } : {}), ...(e.name ? { name: e.name } : {}) } : p));
  // A zone left without surfaces when the object joined another zone goes with it.
  const used = new Set([...surfaces.map((s) => s.zoneId), ...resourceCategories.map((r) => r.zone)]);
  return { ...m, zones: zones.filter((z) => used.has(z.id) || !z.id.startsWith('zone-') || !m.surfaces.some((s) => s.zoneId === z.id)), faults, surfaces, workings, resourceCategories, pointSets };
}

/** Applies a coordinate fix to every object of one file (new arrays; the fix is recorded in each object's source). */
export function fixFile(m: Model, file: string, fix: CoordinateFix): Model {
  const text = describeFix(fix);
  const src = (s: ImportSourceT): ImportSourceT => ({ ...s, transform: [s.transform, text].filter(Boolean).join('; ') });
  const mine = (r: Sourced) => r.source?.file === file;
  const move = (path: number[][]) => {
    const v = Float64Array.from(path.flat());
    applyFix(v, fix);
    return path.map((_, i) => [v[i * 3], v[i * 3 + 1], v[i * 3 + 2]] as [number, number, number]);
  };
  return {
    ...m,
    surfaces: m.surfaces.map((s) => {
      if (!mine(s)) return s;
      const v = s.vertices.slice();
      applyFix(v, fix);
      return { ...s, vertices: v, source: src(s.source!) };
    }),
    workings: m.workings.map((w) => (mine(w) ? { ...w, path: move(w.path), source: src(w.source!) } : w)),
    resourceCategories: m.resourceCategories.map((r) => (mine(r) ? { ...r, outline: move(r.outline), source: src(r.source!) } : r)),
    pointSets: m.pointSets.map((p) => {
      if (!mine(p)) return p;
      const v = p.points.slice();
      applyFix(v, fix);
      return { ...p, points: v, source: src(p.source!) };
    }),
  };
}

/**
 * The imported objects of `from` (surfaces with their zones and faults, workings, outlines, point
 * sets that carry a `source`) added to `into`: drill tables imported again keep the surfaces.
 */
export function carryImported(from: Model, into: Model): Model {
  const imported = <T extends Sourced>(a: T[]) => a.filter((r) => r.source !== undefined);
  const surfaces = imported(from.surfaces);
  const zoneIds = new Set(surfaces.map((s) => s.zoneId));
  const faultIds = new Set(surfaces.map((s) => s.faultId));
  const taken = takenIds(into);
  const fresh = <T extends { id: string }>(a: T[]) => a.filter((r) => !taken.has(r.id));
  return {
    ...into,
    zones: [...into.zones, ...fresh(from.zones.filter((z) => zoneIds.has(z.id)))],
    faults: [...into.faults, ...fresh(from.faults.filter((f) => faultIds.has(f.id)))],
    surfaces: [...into.surfaces, ...fresh(surfaces)],
    workings: [...into.workings, ...fresh(imported(from.workings))],
    resourceCategories: [...into.resourceCategories, ...fresh(imported(from.resourceCategories))],
    pointSets: [...into.pointSets, ...fresh(imported(from.pointSets))],
  };
}
