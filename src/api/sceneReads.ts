/**
 * The scripting API's reads of the live 3D view: its stats, a surface's vertices as drawn, a
 * point's place on screen, the layout. They need three.js (and R3F, through the surfaces' levels)
 * at run time, so they are a chunk of their own that the entry loads in a later task
 * (src/api/veinscape.ts): evaluating three.js and R3F in the entry's task made it the page's
 * longest at start-up (over 100 ms in some loads).
 */
import { Matrix4 } from 'three';
import { store } from '../state/store';
import { sceneState } from '../scene/handle';
import { lodStats } from '../scene/segmentLodDraw';
import { surfaceLodStats } from '../scene/surfaceLodDraw';
import { shared } from '../scene/materials/sharedUniforms';
import { projectToScreen } from '../domain/pick';
import type { Vec3 } from '../domain/vec3';
import type { VeinscapeApi } from './veinscape';
export { viewLayout as layout } from './layout';

export const stats: VeinscapeApi['stats'] = () => {
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
};

export function drawnVertices(surfaceId: string): number[] {
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
}

export function project(world: Vec3): [number, number] | null {
  const h = sceneState.handle;
  const p = store.getState().prepared;
  if (!h || !p) return null;
  h.camera.updateMatrixWorld();
  const m = new Matrix4().multiplyMatrices(h.camera.projectionMatrix, h.camera.matrixWorldInverse).multiply(new Matrix4().makeScale(1, 1, store.getState().verticalExaggeration));
  const r = projectToScreen(m.elements, [world[0] - p.origin[0], world[1] - p.origin[1], world[2] - p.origin[2]], h.size);
  if (!r || r[2] < -1 || r[2] > 1) return null;
  return [r[0], r[1]];
}
