/**
 * What is on screen, as an ExportScene for the 3D model export (meshExport.ts): the visible
 * surfaces with the current fault offsets applied, the visible drill-hole traces, workings and
 * resource outlines, in true world coordinates (float64, metres), coloured as the scene draws them.
 *
 * Not carried into the export: vertical exaggeration (files hold true elevations; a viewer can
 * scale Z itself), the section slab / clip box (the whole model is written), grade-coloured
 * intervals (holes are written as plain traces, whole length), fault traces at the ground and
 * point sets. The selected hole is not highlighted.
 *
 * Reads state only (no GPU uniforms): the fault shift vectors come from faultShifts(state), the
 * same function UniformSync copies into the shaders, so the export matches the picture.
 */
import { FAULT_COLOR, FAULT_OPACITY, KIND_LAYER, KIND_OPACITY, POINT_COLOR, TRACE_COLOR, WORKING_COLOR } from '../state/layerStyle';
import type { SurfaceModel } from '../data/model';
import type { VeinscapeState } from '../state/store';
import { faultShifts } from '../state/faultShifts';
import { filterStateFrom } from '../state/filterState';
import { holeAttrsVisible } from '../domain/holeFilter';
import { cutSegment } from '../domain/faultCut';
import { positionAtDepth, type HolePath } from '../domain/desurvey';
import { lerp, type Vec3 } from '../domain/vec3';
import type { ExportLines, ExportMesh, ExportScene } from './meshExport';

export type ExportState = Pick<
  VeinscapeState,
  'model' | 'prepared' | 'zoneVisible' | 'layerVisible' | 'faultOffsets' | 'mappedOffsets' | 'holesFollowFaults' | 'filters'
>;

// Styles as the scene draws them: src/state/layerStyle.ts.
const RESOURCE_COLORS: Record<string, string> = { measured: '#1b7837', indicated: '#5aae61', inferred: '#a6dba0' };
/** Longest straight piece of a curved hole between stations, m (as prepare's MAX_TRACE_STEP). */
const MAX_TRACE_STEP = 10;

/** Names unique within the file (OBJ and glTF readers key objects by name). */
function namer(): (name: string) => string {
  const used = new Map<string, number>();
  return (name) => {
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  };
}

/** Sum of the current shift vectors (m) of the faults whose bit is set in `mask`. */
function shiftOf(shifts: Vec3[], mask: number): Vec3 {
  const d: Vec3 = [0, 0, 0];
  for (let k = 0; k < shifts.length; k++) {
    if (mask & (1 << k)) {
      d[0] += shifts[k][0]; d[1] += shifts[k][1]; d[2] += shifts[k][2];
    }
  }
  return d;
}

/**
 * A polyline (world points) as drawn: cut where it crosses a fault, each piece moved by its
 * block's shift when `follow`, pieces that `keep` rejects left out. The result is one or more
 * polylines (a break wherever a piece is dropped or the block changes).
 */
function asDrawn(
  s: ExportState,
  shifts: Vec3[],
  points: Vec3[],
  follow: boolean,
  keep: (a: Vec3, b: Vec3, k: number) => boolean = () => true,
): Float64Array[] {
  const faults = s.prepared!.faultModels;
  const out: Float64Array[] = [];
  let run: number[] = [];
  let runMask = -1;
  let runEnd = -1; // index k of the last segment in the run
  const flush = () => {
    if (run.length >= 6) out.push(Float64Array.from(run));
    run = [];
  };
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k], b = points[k + 1];
    if (!keep(a, b, k)) continue;
    const pieces = faults.length ? cutSegment(faults, a, b) : [{ t0: 0, t1: 1, mask: 0 }];
    for (const p of pieces) {
      const d = follow ? shiftOf(shifts, p.mask) : ([0, 0, 0] as Vec3);
      const pa = lerp(a, b, p.t0), pb = lerp(a, b, p.t1);
      const joins = run.length > 0 && runMask === p.mask && (runEnd === k || (runEnd === k - 1 && p.t0 === 0));
      if (!joins) {
        flush();
        run.push(pa[0] + d[0], pa[1] + d[1], pa[2] + d[2]);
      }
      run.push(pb[0] + d[0], pb[1] + d[1], pb[2] + d[2]);
      runMask = p.mask;
      runEnd = k;
    }
  }
  flush();
  return out;
}

/** Stations of a hole plus points every MAX_TRACE_STEP m between them, with their depths (m). */
function holePoints(p: HolePath): { points: Vec3[]; depths: number[] } {
  const depths: number[] = [];
  for (let k = 0; k < p.depths.length - 1; k++) {
    const n = Math.max(1, Math.ceil((p.depths[k + 1] - p.depths[k]) / MAX_TRACE_STEP));
    for (let j = 0; j < n; j++) depths.push(p.depths[k] + ((p.depths[k + 1] - p.depths[k]) * j) / n);
  }
  depths.push(p.depths[p.depths.length - 1]);
  return { points: depths.map((d) => positionAtDepth(p, d)), depths };
}

/**
 * One surface as drawn, world float64. A surface none of whose pieces moves (all masks 0) is
 * written from the model's own float64 vertices, exactly. A surface cut along faults is written
 * from the drawn buffer (float32 relative to the origin: sub-millimetre within a few km of it)
 * plus the origin and its block's shift in float64: the same sum as drawnVertices().
 */
function drawnSurface(s: ExportState, shifts: Vec3[], i: number, surface: SurfaceModel): { vertices: Float64Array; triangles: Uint32Array } {
  const b = s.prepared!.surfaces[i];
  if (!b || b.masks.every((m) => m === 0)) return { vertices: surface.vertices, triangles: surface.triangles };
  const o = s.prepared!.origin;
  const vertices = new Float64Array(b.positions.length);
  for (let v = 0; v < b.masks.length; v++) {
    const d = shiftOf(shifts, b.masks[v]);
    for (let c = 0; c < 3; c++) vertices[v * 3 + c] = b.positions[v * 3 + c] + o[c] + d[c];
  }
  return { vertices, triangles: b.indices };
}

export function collectExportScene(s: ExportState): ExportScene {
  const model = s.model, prepared = s.prepared;
  if (!model || !prepared) throw new Error('no dataset loaded');
  const shifts = faultShifts(s);
  const unique = namer();
  const layer = s.layerVisible as Record<string, boolean>;
  const meshes: ExportMesh[] = [];
  const lines: ExportLines[] = [];

  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const faultBySurface = new Map(model.faults.map((f) => [f.surface, f]));
  model.surfaces.forEach((surface, i) => {
    const zone = surface.zoneId ? zones.get(surface.zoneId) : undefined;
    let visible: boolean, color: string, opacity: number;
    if (zone) {
      // A kind without a layer of its own (e.g. a newer 'topography') shows with a layer of its name, if any.
      visible = s.zoneVisible[zone.id] !== false && layer[KIND_LAYER[zone.kind] ?? 'veins'] === true;
      color = zone.color;
      opacity = KIND_OPACITY[zone.kind] ?? 1;
    } else {
      // As SurfaceLayer: a surface of no zone is drawn with the faults.
      visible = layer.faults === true;
      color = faultBySurface.get(surface.id)?.color ?? FAULT_COLOR;
      opacity = FAULT_OPACITY;
    }
    if (!visible) return;
    // A surface's own colour and opacity (imported objects) win, as in the scene.
    if (surface.color) color = surface.color;
    if (surface.opacity !== undefined) opacity = surface.opacity;
    const g = drawnSurface(s, shifts, i, surface);
    meshes.push({ name: unique(surface.name || surface.id), color, opacity, ...g });
  });

  // Drill holes: the desurveyed paths (world float64) under the hole filters the shader applies
  // (status, type, program, year, hole search, depth and elevation windows), moved with their
  // blocks when holes follow the faults. Drilled and planned holes are two objects (the scene
  // dashes planned holes).
  if (layer.traces) {
    const f = filterStateFrom(s);
    const oz = prepared.origin[2];
    const programIndex = new Map(prepared.programs.map((p, i) => [p, i]));
    const drilled: Float64Array[] = [];
    const planned: Float64Array[] = [];
    model.holes.forEach((h, i) => {
      const code = (h.status === 'planned' ? 1 : 0) + (h.type === 'underground' ? 2 : 0);
      if (!holeAttrsVisible(code, programIndex.get(h.program) ?? 0, f, h.year ?? 0, i)) return;
      const { points, depths } = holePoints(prepared.paths[i]);
      const keep = (a: Vec3, b: Vec3, k: number) => {
        const d = 0.5 * (depths[k] + depths[k + 1]);
        const z = 0.5 * (a[2] + b[2]) - oz; // the filter's window is local, as in the shader
        return d >= (f.depthMin ?? -Infinity) && d <= (f.depthMax ?? Infinity) && z >= f.elevMin && z <= f.elevMax;
      };
      (h.status === 'planned' ? planned : drilled).push(...asDrawn(s, shifts, points, s.holesFollowFaults, keep));
    });
    if (drilled.length) lines.push({ name: unique('Drill holes'), color: TRACE_COLOR, lines: drilled });
    if (planned.length) lines.push({ name: unique('Planned holes'), color: TRACE_COLOR, lines: planned });
  }

  // Workings always move with their block (the shader applies no "holes follow" switch to them).
  if (layer.workings) {
    for (const w of model.workings) {
      const polylines = asDrawn(s, shifts, w.path.map((p) => [...p] as Vec3), true);
      if (polylines.length) lines.push({ name: unique(w.name || w.id), color: w.color ?? WORKING_COLOR, lines: polylines });
    }
  }

  if (layer.resources) {
    for (const rc of model.resourceCategories) {
      if (!s.filters.categories[rc.category]) continue;
      const ring = [...rc.outline, rc.outline[0]].map((p) => [...p] as Vec3);
      const polylines = asDrawn(s, shifts, ring, true);
      if (polylines.length) lines.push({ name: unique(`${rc.category} ${rc.id}`), color: RESOURCE_COLORS[rc.category], lines: polylines });
    }
  }

  // Point sets are drawn as mapped (they do not move with fault blocks).
  const points = layer.points ? model.pointSets.map((p) => ({ name: unique(p.name ?? p.id), color: p.color ?? POINT_COLOR, vertices: p.points })) : [];

  const origin = prepared.origin;
  return { project: model.project.name, crs: model.project.crs?.name, origin: [origin[0], origin[1], origin[2]], meshes, lines, points };
}
