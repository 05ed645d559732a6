/**
 * Instanced tube material: each instance is one segment (aStart → aEnd, local metres) drawn as a
 * lit 6-sided tube. Colour, filters, dashes for planned holes and fault displacement are all
 * computed on the GPU from per-instance attributes and shared uniforms, so one draw call covers a
 * whole layer and a filter change costs a uniform update.
 */
import { Color, MeshStandardMaterial } from 'three';
import { shared } from './sharedUniforms';
import { FAULT_PARS } from './chunks';
import { HOLE_MASK_WIDTH, MAX_BINS } from './sharedUniforms';

export type SegmentMode = 'grade' | 'trace' | 'fixed' | 'category';

export interface SegmentMaterialOptions {
  mode: SegmentMode;
  /** tube radius in metres */
  radius: number;
  /** minimum on-screen radius in pixels, so thin tubes never vanish when zoomed out */
  minPixels: number;
  color?: string;
  /** colours by integer aValue for 'category' mode */
  palette?: string[];
  /** hole filters (status, type, program, elevation) apply */
  holeFilters?: boolean;
}

const VERTEX_PARS = /* glsl */ `
attribute vec3 aStart;
attribute vec3 aEnd;
attribute float aValue;
attribute float aColorValue;
attribute vec4 aHole;
attribute float aMask;
attribute vec2 aDepth;
uniform float uRadius;
uniform float uMinPixels;
uniform float uPixelScale;
uniform float uOrtho;
uniform float uCutoff;
uniform int uBelowMode;
uniform float uElevMin;
uniform float uElevMax;
uniform int uStatusTypeMask;
uniform int uProgramMask;
uniform float uYearMin;
uniform float uYearMax;
uniform float uDepthMin;
uniform float uDepthMax;
uniform sampler2D uHoleMask;
uniform float uHoleMaskOn;
uniform int uCategoryMask;
uniform float uSelectedHole;
uniform float uHolesFollow;
uniform float uBins[${MAX_BINS}];
uniform vec3 uBinColors[${MAX_BINS + 1}];
uniform int uBinCount;
uniform vec3 uMissingColor;
uniform vec3 uDimColor;
uniform vec3 uFixedColor;
uniform vec3 uPalette[4];
varying vec3 vSegColor;
varying float vDashDepth;
varying float vPlanned;
${FAULT_PARS}

bool holeVisible() {
  int st = int(aHole.x + 0.5);
  if (((uStatusTypeMask >> st) & 1) == 0) return false;
  int pg = int(aHole.y + 0.5);
  if (pg < 30 && ((uProgramMask >> pg) & 1) == 0) return false;
  float year = aHole.z;
  if (year > 0.5 && (year < uYearMin || year > uYearMax)) return false;
  if (uHoleMaskOn > 0.5) {
    int h = int(aHole.w + 0.5);
    if (texelFetch(uHoleMask, ivec2(h % ${HOLE_MASK_WIDTH}, h / ${HOLE_MASK_WIDTH}), 0).r < 0.5) return false;
  }
  float dmid = 0.5 * (aDepth.x + aDepth.y);
  if (dmid < uDepthMin || dmid > uDepthMax) return false;
  float zmid = 0.5 * (aStart.z + aEnd.z);
  return zmid >= uElevMin && zmid <= uElevMax;
}

vec3 gradeColor(float v) {
  if (v < 0.0) return uMissingColor;
  for (int i = 0; i < ${MAX_BINS}; i++) {
    if (i >= uBinCount) break;
    if (v < uBins[i]) return uBinColors[i];
  }
  return uBinColors[uBinCount];
}
`;

/** Builds the tube around the segment; runs where three computes the normal (before position). */
const VERTEX_MAIN = /* glsl */ `
#ifdef HOLE_FILTERS
  vec3 segA = aStart + faultShift(aMask) * uHolesFollow;
#else
  vec3 segA = aStart + faultShift(aMask);
#endif
  vec3 segD = aEnd - aStart;
  float segLen = max(length(segD), 1e-4);
  vec3 axis = segD / segLen;
  vec3 helper = abs(axis.z) < 0.95 ? vec3(0.0, 0.0, 1.0) : vec3(1.0, 0.0, 0.0);
  vec3 u = normalize(cross(axis, helper));
  vec3 w = cross(axis, u);
  // Keep at least uMinPixels on screen: world size of a pixel grows with view depth.
  vec4 viewA = modelViewMatrix * vec4(segA, 1.0);
  float pxWorld = uOrtho > 0.5 ? uPixelScale : uPixelScale * max(-viewA.z, 0.0);
  float radius = max(uRadius, uMinPixels * pxWorld);
  bool visibleSeg = true;
  vSegColor = uFixedColor;
  vPlanned = 0.0;
  vDashDepth = mix(aDepth.x, aDepth.y, position.y);
#ifdef HOLE_FILTERS
  visibleSeg = holeVisible();
  vPlanned = mod(floor(aHole.x + 0.5), 2.0);
#endif
#ifdef MODE_GRADE
  vSegColor = gradeColor(aColorValue);
  // Higher grades are drawn thicker so intercepts read at a glance (up to 2.2x the base radius).
  radius *= 1.0 + 1.2 * clamp(aValue, 0.0, 10.0) / 10.0;
  if (aValue < uCutoff) {
    if (uBelowMode == 1) visibleSeg = false;
    else { vSegColor = uDimColor; radius *= 0.55; }
  }
#endif
#ifdef MODE_CATEGORY
  vSegColor = uPalette[int(aValue + 0.5)];
  if (((uCategoryMask >> int(aValue + 0.5)) & 1) == 0) visibleSeg = false;
#endif
#ifdef HOLE_FILTERS
  if (abs(aHole.w - uSelectedHole) < 0.5) { vSegColor = mix(vSegColor, vec3(1.0, 0.55, 0.0), 0.15); radius *= 1.6; }
#endif
  if (!visibleSeg) { radius = 0.0; segLen = 0.0; }
  vec3 tubePos = segA + axis * (position.y * segLen) + (u * position.x + w * position.z) * radius;
  vec3 objectNormal = normalize(u * normal.x + w * normal.z);
`;

export function createSegmentMaterial(o: SegmentMaterialOptions): MeshStandardMaterial {
  const m = new MeshStandardMaterial({ roughness: 0.55, metalness: 0.0 });
  m.defines = {
    ...(o.mode === 'grade' ? { MODE_GRADE: '' } : {}),
    ...(o.mode === 'category' ? { MODE_CATEGORY: '' } : {}),
    ...(o.mode === 'trace' ? { MODE_TRACE: '' } : {}),
    ...(o.holeFilters ? { HOLE_FILTERS: '' } : {}),
  };
  const own = {
    uRadius: { value: o.radius },
    uMinPixels: { value: o.minPixels },
    uFixedColor: { value: new Color(o.color ?? '#5b6470') },
    uPalette: { value: [0, 1, 2, 3].map((i) => new Color(o.palette?.[i] ?? '#888888')) },
  };
  m.userData.uniforms = own;
  m.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, shared, own);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace('#include <beginnormal_vertex>', VERTEX_MAIN)
      .replace('#include <begin_vertex>', 'vec3 transformed = tubePos;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vSegColor;\nvarying float vDashDepth;\nvarying float vPlanned;')
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        diffuseColor.rgb = vSegColor;
        // Planned holes are dashed: 8 m drawn, 6 m gap along the hole.
        if (vPlanned > 0.5 && mod(vDashDepth, 14.0) > 8.0) discard;`,
      );
  };
  m.customProgramCacheKey = () => `veinscape-seg-${o.mode}-${o.holeFilters ? 1 : 0}`;
  return m;
}
