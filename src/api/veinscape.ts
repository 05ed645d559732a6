/**
 * window.veinscape: the scripting API used by embedding pages and the tests.
 * See README "Scripting API".
 */
import { store, type VeinscapeStore } from '../state/store';
import { loadInto, type LoadSource } from '../data/loadSource';
import type { LoadReport } from '../data/model';
import { sceneState } from '../scene/handle';
import { holePositionOf } from './holePosition';
import type { Vec3 } from '../domain/vec3';

export interface VeinscapeStats {
  drawCalls: number;
  triangles: number;
  geometries: number;
  textures: number;
  frames: number;
}

export interface VeinscapeApi {
  ready(): Promise<void>;
  load(source: LoadSource): Promise<LoadReport>;
  store: VeinscapeStore;
  stats(): VeinscapeStats;
  holePosition(holeId: string, depth: number): Vec3;
}

/** Resolves once no load is running and the current dataset has been drawn. */
function ready(): Promise<void> {
  const done = () => {
    const s = store.getState();
    return !s.loading && s.version > 0 && s.renderedVersion === s.version;
  };
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsub = store.subscribe(() => {
      if (done()) {
        unsub();
        resolve();
      }
    });
  });
}

export function createApi(): VeinscapeApi {
  return {
    ready,
    load: (source) => loadInto(store, source),
    store,
    stats: () => {
      const gl = sceneState.handle?.gl;
      return {
        drawCalls: gl?.info.render.calls ?? 0,
        triangles: gl?.info.render.triangles ?? 0,
        geometries: gl?.info.memory.geometries ?? 0,
        textures: gl?.info.memory.textures ?? 0,
        frames: sceneState.frames,
      };
    },
    holePosition: (holeId, depth) => {
      const { model, prepared } = store.getState();
      if (!model || !prepared) throw new Error('no dataset loaded');
      return holePositionOf(model, prepared, holeId, depth);
    },
  };
}

declare global {
  interface Window {
    veinscape: VeinscapeApi;
  }
}
