/**
 * A loaded Model written back as a Veinscape JSON document (schema version 1), interval tables
 * column by column. Used by "Save as Veinscape JSON" so CSV exports become a Veinscape file.
 */
import { FORMAT_NAME, SCHEMA_VERSION } from './formatConstants';
import type { DepositInput } from './schema';
import type { Model } from './model';
import { writeNumericCell } from './intervals';

/** Attributes as JSON arrays: NaN (no data) becomes null. */
function plainAttributes(a: Record<string, Float64Array>): Record<string, (number | null)[]> {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Array.from(v, (x) => (Number.isNaN(x) ? null : x))]));
}

/** A record as the file writes it: each text in several languages back in its field as the object of languages. */
export function textsInPlace<T extends { texts?: Record<string, Record<string, string> | undefined> }>(rec: T): Omit<T, 'texts'> {
  const { texts, ...rest } = rec;
  return texts ? { ...rest, ...texts } : rest;
}

export function modelToDocument(model: Model): DepositInput {
  return {
    format: FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    project: textsInPlace(model.project),
    zones: model.zones.map(textsInPlace),
    surfaces: model.surfaces.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.zoneId ? { zone: s.zoneId } : { fault: s.faultId }),
      vertices: Array.from(s.vertices),
      triangles: Array.from(s.triangles),
      ...(s.color ? { color: s.color } : {}),
      ...(s.opacity !== undefined ? { opacity: s.opacity } : {}),
      ...(s.attributes ? { attributes: plainAttributes(s.attributes) } : {}),
      ...(s.source ? { source: s.source } : {}),
    })),
    faults: model.faults.map(textsInPlace),
    ...(model.releases?.length ? { releases: model.releases.map((r) => ({ ...textsInPlace(r), date: r.date ?? '' })) as DepositInput['releases'] } : {}),
    holes: model.holes.map((h) => ({
      id: h.id,
      collar: h.collar,
      depth: h.depth,
      ...(h.collarAzimuth !== undefined ? { azimuth: h.collarAzimuth } : {}),
      ...(h.collarDip !== undefined ? { dip: h.collarDip } : {}),
      ...(h.stations.length ? { surveys: { depth: h.stations.map((s) => s.depth), azimuth: h.stations.map((s) => s.azimuth), dip: h.stations.map((s) => s.dip) } } : {}),
      ...(h.trace ? { trace: h.trace } : {}),
      program: h.program,
      ...(h.year !== undefined ? { year: h.year } : {}),
      type: h.type,
      status: h.status,
      ...(h.release !== undefined ? { release: h.release } : {}),
    })),
    intervals: model.intervals.map((t) => {
      const data: Record<string, (string | number | null)[]> = {
        hole: Array.from(t.hole, (i) => model.holes[i].id),
        from: Array.from(t.from),
        to: Array.from(t.to),
      };
      for (const c of t.columns) {
        if (c.type === 'numeric') {
          // Below-detection rows as their limit again (negative), so they read back flagged.
          const below = t.belowDetection?.[c.name];
          data[c.name] = Array.from(t.numeric[c.name], (v, i) => writeNumericCell(v, below?.[i] === 1));
        }
        else {
          const col = t.categorical[c.name];
          data[c.name] = Array.from(col.codes, (k) => (k < 0 ? null : col.categories[k]));
        }
      }
      return { id: t.id, name: t.name, columns: t.columns, data };
    }),
    resourceCategories: model.resourceCategories,
    workings: model.workings,
    pointSets: model.pointSets.map(({ points, attributes, ...rest }) => ({ ...rest, points: Array.from(points), ...(attributes ? { attributes: plainAttributes(attributes) } : {}) })),
    views: model.views.map(textsInPlace),
  };
}
