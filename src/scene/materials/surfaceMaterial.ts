/**
 * Lit surface material whose vertices move with their fault block (attribute aMask), for veins,
 * envelopes and the host. Translucent variants do not write depth so inner surfaces stay visible.
 */
import { DoubleSide, MeshStandardMaterial } from 'three';
import { modelClipPlanes, shared } from './sharedUniforms';
import { FAULT_PARS } from './chunks';

export interface SurfaceMaterialOptions {
  color: string;
  opacity?: number;
  roughness?: number;
  /** multiply by the geometry's `color` attribute (linear RGB per vertex; set `color` to white) */
  vertexColors?: boolean;
  /** clipped to the model box (faults, host rock, topography: often far larger than the deposit) */
  clip?: boolean;
}

export function createSurfaceMaterial({ color, opacity = 1, roughness = 0.62, vertexColors = false, clip = false }: SurfaceMaterialOptions): MeshStandardMaterial {
  const translucent = opacity < 1;
  const m = new MeshStandardMaterial({
    color,
    vertexColors,
    roughness,
    metalness: 0.05,
    side: DoubleSide,
    transparent: translucent,
    opacity,
    depthWrite: !translucent,
    polygonOffset: translucent,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
    // three draws translucent double-sided meshes twice (back faces, then front) by default. A
    // vein or fault sheet is one layer, so a pixel sees one face of it anyway: one pass looks the
    // same and halves the cost of two million surface triangles.
    forceSinglePass: true,
    ...(clip ? { clippingPlanes: modelClipPlanes } : {}),
  });
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uFaultShift = shared.uFaultShift;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\nattribute float aMask;\n${FAULT_PARS}`)
      .replace('#include <begin_vertex>', '#include <begin_vertex>\ntransformed += faultShift(aMask);');
  };
  m.customProgramCacheKey = () => 'veinscape-surface';
  return m;
}
