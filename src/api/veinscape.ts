/**
 * window.veinscape: the scripting API used by embedding pages and the tests.
 * See README "Scripting API".
 */
import { store, type VeinscapeStore } from '../state/store';
import { loadInto, type LoadOptions, type LoadSource } from '../data/loadSource';
import type { LoadReport } from '../data/model';
import { sceneState } from '../scene/handle';
import { lodStats } from '../scene/segmentLodDraw';
import { surfaceLodStats } from '../scene/surfaceLodDraw';
import { ready } from './ready';
import { shared } from '../scene/materials/sharedUniforms';
import { queryIntercepts, type InterceptQuery } from '../domain/interceptQuery';
import type { Intercept } from '../domain/intercepts';
import { interceptDerivation, type InterceptDerivation } from '../domain/interceptDerivation';
import { holePositionOf } from './holePosition';
import type { Vec3 } from '../domain/vec3';
import { Matrix4 } from 'three';
import { projectToScreen } from '../domain/pick';
import type { ScreenshotOptions } from '../export/screenshot';
import type { CameraPose } from '../state/slices/view';
import { currentPose } from './views';
import { viewLayout, type ViewLayout } from './layout';
import type { Problem } from '../domain/qa/types';
import { qaProblems } from '../state/qaProblems';
import type { VerifyResult } from './verify';
import type { TimelineMode, TimelineStep } from '../domain/timeline';
import { setTimelineStep } from '../state/timeline';

export interface VeinscapeStats {
  drawCalls: number;
  triangles: number;
  geometries: number;
  textures: number;
  frames: number;
  /** shader programs the renderer holds (each costs 40-170 ms of start-up on software WebGL) */
  programs: number;
  /**
   * intervals layer drawn by levels of detail (large layers): per tile its level in the last frame
   * (0 = full detail, -1 = no interval), the draws, and the emphasised grades' draws (entries of the
   * same levels at or above the intercept cut-off, same tiles)
   */
  lod: ReturnType<typeof lodStats>;
  /** large surfaces drawn by levels of detail, by mesh name: the copy of the last frame (0 = full detail), copies in all, its triangles */
  surfaceLod: ReturnType<typeof surfaceLodStats>;
}

export interface VeinscapeApi {
  ready(): Promise<void>;
  /** Surface files are added to the dataset on screen (`{ project: 'new' }`: a project of their own; never added to the illustrative sample). */
  load(source: LoadSource, options?: LoadOptions): Promise<LoadReport>;
  /** The whole project (drill tables, surfaces, faults, metadata, saved views) as Veinscape JSON or its binary form. */
  saveProject(form?: 'json' | 'vsb'): Promise<Blob>;
  /** What is on screen as glTF binary (one file) or Wavefront OBJ (the .obj and its .mtl), coordinates relative to an origin the files record. */
  exportModel(format: 'glb' | 'obj'): Promise<{ name: string; blob: Blob }[]>;
  store: VeinscapeStore;
  stats(): VeinscapeStats;
  holePosition(holeId: string, depth: number): Vec3;
  /** Significant intercepts with these options (the intercept table's rows). */
  intercepts(options?: Partial<InterceptQuery>): Intercept[];
  /** How intercept `index` of `intercepts(options)` was made: its samples, sums, widths, vein orientation and settings. */
  derivation(index: number, options?: Partial<InterceptQuery>): InterceptDerivation | null;
  /** Vertices of a surface as drawn now (fault offsets applied, from the same uniforms the GPU uses), true world [e, n, z, ...] in m. */
  drawnVertices(surfaceId: string): number[];
  /** CSS-pixel position in the 3D canvas of a true-world point (as drawn, fault offsets included only if you add them), or null when off screen. */
  project(world: Vec3): [number, number] | null;
  /** The camera now, read-only: true-world position and target (m), projection, and zoom (pixels per metre) when orthographic; what a saved view records. */
  camera(): CameraPose;
  /** The current view as a PNG Blob: any size up to 7680 x 4320 (tiled past the GPU limit), optional transparent background, with title, legend, north arrow, scale bar, date, desurvey method and disclosure text unless `overlays: false`. */
  screenshot(options?: ScreenshotOptions): Promise<Blob>;
  /** what is laid out on the 3D view (labels, legend, title, north arrow, scale bar, model bounds), CSS px */
  layout(): ViewLayout;
  /** Every data-QA problem (load errors, warnings and notes, then the checks on the loaded data), once the checks have run. */
  qa(): Promise<Problem[]>;
  /** Check an exported PNG against the loaded data (`data`) and the view on screen (`view`) by the fingerprint it carries; when its data matches, its view is restored. */
  verify(blob: Blob): Promise<VerifyResult>;
  /**
   * Replay the drilling: go to timeline step `step` (0 = the first news release, or the first drilling year
   * when holes name no release or `by` is 'year'; clamped to the last) and resolve with it once drawn; null
   * ends the replay and restores the filters it found. Resolves null when there is nothing to replay.
   */
  timeline(step: number | null, by?: TimelineMode): Promise<TimelineStep | null>;
}

export function createApi(): VeinscapeApi {
  return {
    ready,
    load: (source, options) => loadInto(store, source, options),
    saveProject: async (form = 'json') => (await (await import('./projectFiles')).projectFile(form)).blob,
    exportModel: async (format) => (await import('./projectFiles')).modelExport(format),
    store,
    stats: () => {
      const gl = sceneState.handle?.gl;
      return {
        drawCalls: gl?.info.render.calls ?? 0,
        triangles: gl?.info.render.triangles ?? 0,
        geometries: gl?.info.memory.geometries ?? 0,
        textures: gl?.info.memory.textures ?? 0,
        frames: sceneState.frames,
        programs: gl?.info.programs?.length ?? 0,
        lod: lodStats(),
        surfaceLod: surfaceLodStats(),
      };
    },
    holePosition: (holeId, depth) => {
      const { model, prepared } = store.getState();
      if (!model || !prepared) throw new Error('no dataset loaded');
      return holePositionOf(model, prepared, holeId, depth);
    },
    intercepts: (options) => {
      const { model, prepared, interceptQuery } = store.getState();
      if (!model || !prepared) throw new Error('no dataset loaded');
      return queryIntercepts(model, prepared.paths, { ...interceptQuery, ...options });
    },
    derivation: (index, options) => {
      const { model, prepared, interceptQuery } = store.getState();
      if (!model || !prepared) throw new Error('no dataset loaded');
      const q = { ...interceptQuery, ...options };
      const ic = queryIntercepts(model, prepared.paths, q)[index];
      return ic ? interceptDerivation(model, ic, q, prepared.method) : null;
    },
    drawnVertices: (surfaceId) => {
      const { model, prepared } = store.getState();
      if (!model || !prepared) throw new Error('no dataset loaded');
      const i = model.surfaces.findIndex((x) => x.id === surfaceId);
      if (i < 0) throw new Error(`unknown surface "${surfaceId}"`);
      const b = prepared.surfaces[i];
      const o = prepared.origin;
      const out: number[] = [];
      for (let v = 0; v < b.masks.length; v++) {
        const m = b.masks[v];
        let x = b.positions[v * 3], y = b.positions[v * 3 + 1], z = b.positions[v * 3 + 2];
        shared.uFaultShift.value.forEach((d, k) => { if (m & (1 << k)) { x += d.x; y += d.y; z += d.z; } });
        out.push(x + o[0], y + o[1], z + o[2]);
      }
      return out;
    },
    project: (world) => {
      const h = sceneState.handle;
      const p = store.getState().prepared;
      if (!h || !p) return null;
      h.camera.updateMatrixWorld();
      const m = new Matrix4().multiplyMatrices(h.camera.projectionMatrix, h.camera.matrixWorldInverse).multiply(new Matrix4().makeScale(1, 1, store.getState().verticalExaggeration));
      const r = projectToScreen(m.elements, [world[0] - p.origin[0], world[1] - p.origin[1], world[2] - p.origin[2]], h.size);
      if (!r || r[2] < -1 || r[2] > 1) return null;
      return [r[0], r[1]];
    },
    camera: () => currentPose(),
    layout: viewLayout,
    qa: async () => {
      const checked = await store.getState().ensureQa(true);
      const { datasetReport, model } = store.getState();
      return qaProblems(datasetReport, model, checked);
    },
    screenshot: async (options) => (await import('../export/screenshot')).renderScreenshot(options),
    verify: async (blob) => (await import('./verify')).verify(blob),
    timeline: async (step, by) => {
      const at = setTimelineStep(store.getState(), step, by);
      await ready();
      return at;
    },
  };
}

declare global {
  interface Window {
    veinscape: VeinscapeApi;
  }
}
