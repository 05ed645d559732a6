/**
 * Lit surface material whose vertices move with their fault block (attribute aMask), for veins,
 * envelopes and the host. Translucent variants do not write depth so inner surfaces stay visible.
 * "Grade on the vein": a vein's pixels take the class colour of the g/t·m interpolated linearly
 * across each triangle from its vertices (attribute aGt), so class boundaries are crisp, as the
 * long section's filled contours are.
 */
import { Color, DoubleSide, MeshStandardMaterial } from 'three';
import { gtClasses, GT_BELOW_COLOUR, GT_LEVELS, noDataColour } from '../../domain/gradeThickness';
import { modelClipPlanes, NO_CLIP_PLANES, shared } from './sharedUniforms';
import { FAULT_PARS } from './chunks';

export interface SurfaceMaterialOptions {
  color: string;
  opacity?: number;
  roughness?: number;
  /**
   * colour by the class of g/t·m from the geometry's aGt attribute (per vertex: value × reach,
   * reach; reach 0 = no data within the radius, drawn in `color` dimmed)
   */
  gradeThickness?: boolean;
  /** clipped to the model box (faults, host rock, topography: often far larger than the deposit) */
  clip?: boolean;
}

export function createSurfaceMaterial({ color, opacity = 1, roughness = 0.62, gradeThickness = false, clip = false }: SurfaceMaterialOptions): MeshStandardMaterial {
  const translucent = opacity < 1;
  const m = new MeshStandardMaterial({
    color,
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
    // Unclipped sheets carry the planes too, switched off: one program for veins and faults.
    clippingPlanes: clip ? modelClipPlanes : NO_CLIP_PLANES,
  });
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uFaultShift = shared.uFaultShift;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\nattribute float aMask;\n${FAULT_PARS}`)
      .replace('#include <begin_vertex>', '#include <begin_vertex>\ntransformed += faultShift(aMask);');
    if (gradeThickness) gradeThicknessChunks(shader, color);
  };
  m.customProgramCacheKey = () => (gradeThickness ? 'veinscape-surface-gt' : 'veinscape-surface');
  return m;
}

type Shader = Parameters<MeshStandardMaterial['onBeforeCompile']>[0];

/**
 * g/t·m classes per pixel: the value is interpolated over the triangle from the vertices with data
 * only (Σλ·v·reach / Σλ·reach), so a vertex without data does not drag its neighbours down; a pixel
 * nearer the no-data vertices than the data ones (interpolated reach < 0.5) is "no data".
 * Same thresholds as gtClassOf: a value ≥ a level is in that level's class.
 */
function gradeThicknessChunks(shader: Shader, color: string): void {
  const classes = gtClasses();
  const palette = [noDataColour(color), GT_BELOW_COLOUR, ...classes.map((c) => c.colour)].map((c) => new Color(c));
  shader.uniforms.uGtLevels = { value: [...GT_LEVELS] };
  shader.uniforms.uGtColours = { value: palette };
  const n = GT_LEVELS.length;
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute vec2 aGt;\nvarying vec2 vGt;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\nvGt = aGt;');
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>\nvarying vec2 vGt;\nuniform float uGtLevels[${n}];\nuniform vec3 uGtColours[${n + 2}];`)
    .replace('#include <color_fragment>', `#include <color_fragment>
    {
      int k = 0;
      if (vGt.y >= 0.5) {
        float v = vGt.x / vGt.y;
        k = 1;
        for (int i = 0; i < ${n}; i++) if (v >= uGtLevels[i]) k = i + 2;
      }
      vec3 c = uGtColours[0];
      for (int i = 1; i < ${n + 2}; i++) if (i == k) c = uGtColours[i];
      diffuseColor.rgb = c;
    }`)
    // A little of the class colour as its own light, so shading does not grey the pale classes.
    .replace('#include <emissivemap_fragment>', '#include <emissivemap_fragment>\n    totalEmissiveRadiance += 0.3 * diffuseColor.rgb;');
}
