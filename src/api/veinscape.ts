/**
 * window.veinscape: the scripting API used by embedding pages and the tests.
 * See README "Scripting API".
 */
import { store, type VeinscapeStore } from '../state/store';
import { loadInto, type LoadOptions, type LoadSource } from '../data/loadSource';
import type { LoadReport } from '../data/model';
import type { lodStats } from '../scene/segmentLodDraw';
import type { surfaceLodStats } from '../scene/surfaceLodDraw';
import { ready } from './ready';
import { queryIntercepts, type InterceptQuery } from '../domain/interceptQuery';
import type { Intercept } from '../domain/intercepts';
import { interceptDerivation, type InterceptDerivation } from '../domain/interceptDerivation';
import { holePositionOf } from './holePosition';
import type { Vec3 } from '../domain/vec3';
import type { ScreenshotOptions } from '../export/screenshot';
import type { CameraPose } from '../state/slices/view';
import { currentPose } from './cameraPose';
import type { ViewLayout } from './layout';
import type { Problem } from '../domain/qa/types';
import { qaProblems } from '../state/qaProblems';
import type { VerifyResult } from './verify';
import type { TimelineMode, TimelineStep } from '../domain/timeline';
import { setTimelineStep } from '../state/timeline';
import { nextTask } from '../domain/sliced';

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

/** The methods that read the live 3D view (src/api/sceneReads.ts: three.js at run time). */
type SceneReads = Pick<VeinscapeApi, 'stats' | 'drawnVertices' | 'project' | 'layout'>;

/**
 * Before their chunk has loaded there is no 3D view: the interface, which holds the view, is
 * imported only once they have (`loadSceneReads`, src/main.tsx), so these are the view's absence.
 */
const noView: SceneReads = {
  stats: () => ({ drawCalls: 0, triangles: 0, geometries: 0, textures: 0, frames: 0, programs: 0, lod: null, surfaceLod: {} }),
  drawnVertices: () => {
    throw new Error('the 3D view is not loaded yet (await veinscape.ready())');
  },
  project: () => null,
  layout: () => ({ labels: [], legend: null, title: null, northArrow: null, scaleBar: null, model: null }),
};
let reads: SceneReads = noView;

/**
 * Loads the 3D view's reads after the entry's task: three.js (7-18 ms of evaluation on this
 * machine), then R3F and the reads (10-40 ms), each in a task of its own. Together with the entry
 * they were one task of 60-180 ms, the page's longest at start-up.
 */
export async function loadSceneReads(): Promise<void> {
  await import('three');
  await nextTask();
  reads = await import('./sceneReads');
}

/**
 * The API as the entry creates it: what needs three.js at run time (the view's reads) is called
 * through `reads`, so the entry's task evaluates neither three.js nor R3F.
 */
export function createApi(): VeinscapeApi {
  return {
    ready,
    load: (source, options) => loadInto(store, source, options),
    saveProject: async (form = 'json') => (await (await import('./projectFiles')).projectFile(form)).blob,
    exportModel: async (format) => (await import('./projectFiles')).modelExport(format),
    store,
    stats: () => reads.stats(),
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
    drawnVertices: (surfaceId) => reads.drawnVertices(surfaceId),
    project: (world) => reads.project(world),
    camera: () => currentPose(),
    layout: () => reads.layout(),
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
