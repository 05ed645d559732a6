/**
 * Segment material: each segment (start → end, local metres) is a camera-facing ribbon shaded as
 * a lit round tube (the normal is rebuilt per pixel from the position across the ribbon). The
 * vertex shader reads its segment from the float textures of segmentGeometry.ts. Colour, filters,
 * dashes for planned holes and fault displacement are computed on the GPU from those textures and
 * shared uniforms, so one draw call covers a whole layer and a filter change costs a uniform update.
 */
import { Color, DoubleSide, MeshStandardMaterial, NoBlending, ShaderChunk, type DataTexture, type Texture } from 'three';
import { HOLE_TEX_WIDTH, QUAD_CHUNK, SEG_TEX_WIDTH } from '../geometry/segmentGeometry';
import { modelClipPlanes, NO_CLIP_PLANES, shared } from './sharedUniforms';
import { FAULT_PARS } from './chunks';
import { HOLE_MASK_WIDTH, MAX_BINS, NO_ZONES } from './sharedUniforms';
import { LOD_PACK } from '../../domain/segmentLod';

export type SegmentMode = 'grade' | 'trace' | 'fixed' | 'category';

/** Colours a 'category' layer, or a 'fixed' layer with a palette, can use (segment value = index). */
export const PALETTE_SIZE = 16;

export interface SegmentMaterialOptions {
  mode: SegmentMode;
  /** tube radius in metres */
  radius: number;
  /** minimum on-screen radius in pixels, so thin tubes never vanish when zoomed out */
  minPixels: number;
  color?: string;
  /** colours by integer aValue: 'category' mode, or 'fixed' mode where the value is ≥ 0 (else `color`) */
  palette?: string[];
  /** hole filters (status, type, program, elevation) apply */
  holeFilters?: boolean;
  /**
   * grade mode: draw only the emphasised intervals (at or above the highlight grade), over
   * everything (no depth test) with a halo, so vein surfaces never bury the gold
   */
  onTop?: boolean;
  /** clipped to the model box (fault ground traces run as far as their faults) */
  clip?: boolean;
  /** grade mode: how an interval is drawn when it stands in for the hole trace */
  traceStyle?: { radius: number; minPixels: number; color: string };
}

/** uMode's codes (VERTEX_MAIN). */
const MODE_CODES: Record<SegmentMode, number> = { grade: 0, trace: 1, fixed: 2, category: 3 };

/**
 * What the vertex shader hands the fragment shader. The colour and the planned flag are the same at
 * a segment's four corners: flat, so they are not interpolated at each of the millions of pixels a
 * large layer shades (SwiftShader interpolates every varying of every pixel, hidden or not).
 */
const VARYINGS = /* glsl */ `
flat varying vec3 vSegColor;
flat varying float vPlanned;
varying float vDashDepth;
varying float vAcross;
varying vec3 vSide;
varying vec3 vToCam;
varying float vHaloFrom;
`;

/**
 * three's model-box clipping tests each pixel's view position, which it hands over twice
 * (vViewPosition for the lighting, vClipPosition for the planes, both -mvPosition.xyz): the planes
 * read vViewPosition, one varying less. three's own normal varying (vNormal) is not handed over at
 * all: the ribbon's normal is rebuilt per pixel (NORMAL). The same pixels, for less interpolation.
 */
const CLIP_PARS = ShaderChunk.clipping_planes_pars_fragment.replace('varying vec3 vClipPosition;', '');
const CLIP = ShaderChunk.clipping_planes_fragment.replaceAll('vClipPosition', 'vViewPosition');

const VERTEX_PARS = /* glsl */ `
// This draw's segments (or level-of-detail entries) are uSegBase .. uSegEnd - 1 (VERTEX_MAIN).
uniform int uSegBase;
uniform int uSegEnd;
uniform highp sampler2D uSegA;
uniform highp sampler2D uSegB;
uniform highp sampler2D uSegC;
uniform highp sampler2D uHoleAttr;
// A level of detail's entries (1: the draw's vertices pull entries, not segments; SegmentTextures).
uniform highp sampler2D uLodRefs;
uniform int uLod;
// 1: the emphasised grades' draw over the surfaces.
uniform int uOnTop;
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
uniform sampler2D uSegZone;
uniform sampler2D uZoneMask;
uniform float uZoneMaskOn;
uniform int uCategoryMask;
uniform float uSelectedHole;
uniform float uHolesFollow;
uniform float uBins[${MAX_BINS}];
uniform vec3 uBinColors[${MAX_BINS + 1}];
uniform int uBinCount;
uniform vec3 uMissingColor;
uniform vec3 uDimColor;
uniform vec3 uFixedColor;
uniform vec3 uPalette[16];
uniform float uIntervalsOn;
uniform float uTracesOn;
uniform float uHighlight;
uniform float uHighlightPx;
uniform float uGradeWidth;
uniform float uTraceRadius;
uniform float uTraceMinPixels;
uniform vec3 uTraceColor;
// What this layer is (createSegmentMaterial): uniforms, not defines, so every layer shares one program.
// Traces and workings (modes trace and fixed) have round joints.
uniform int uMode;
uniform int uHoleFilters;
uniform int uFixedPalette;
${VARYINGS}
${FAULT_PARS}

ivec2 texelOf(int i, int width) { return ivec2(i % width, i / width); }

/** aHole: status/type code, program index, year, hole index (as the CPU mirror in holeFilter.ts). */
bool holeVisible(vec4 aHole, vec2 aDepth, vec3 aStart, vec3 aEnd) {
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

/**
 * Finds this vertex's segment and corner, places the ribbon in view space; runs where three
 * computes the normal (before position). A corner k: bit 0 = end of the segment, bit 1 = side of
 * the ribbon. Every draw is indexed, four vertices a segment: vertex 4i + k is corner k of segment
 * i, so the vertex cache runs the shader four times a segment, not six (segmentGeometry.ts). A
 * layer's own draw repeats one index of QUAD_CHUNK segments, an instance per chunk from uSegBase;
 * the last chunk's segments from uSegEnd on leave at once. The emphasised grades' draw (uOnTop)
 * has an index of its own over a subset, drawn once (instance 0, uSegBase 0; segmentPack.ts
 * quadIndex).
 */
const VERTEX_MAIN = /* glsl */ `
  int segIndex = uSegBase + gl_InstanceID * ${QUAD_CHUNK} + (gl_VertexID >> 2);
  int corner = gl_VertexID & 3;
  if (segIndex >= uSegEnd) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    return;
  }
  float along = float(corner & 1);
  float across = (corner & 2) == 0 ? -1.0 : 1.0;
  ivec2 segTexel = texelOf(segIndex, ${SEG_TEX_WIDTH});
  vec4 segA4;
  vec4 segB4;
  vec4 segC4;
  if (uLod == 1) {
    // An entry of a level of detail (domain/segmentLod.ts): segments first..last of one hole drawn
    // as one, from the start of first to the end of last, with the value (filters), colour value,
    // zone and hole of rep, the member of highest grade.
    vec2 lodRef = texelFetch(uLodRefs, segTexel, 0).xy;
    int lodFirst = int(lodRef.x + 0.5);
    int lodPacked = int(lodRef.y + 0.5);
    int lodLast = lodFirst + lodPacked / ${LOD_PACK};
    segTexel = texelOf(lodFirst + lodPacked % ${LOD_PACK}, ${SEG_TEX_WIDTH});
    ivec2 lodLastTexel = texelOf(lodLast, ${SEG_TEX_WIDTH});
    ivec2 lodFirstTexel = texelOf(lodFirst, ${SEG_TEX_WIDTH});
    if (uOnTop == 1) {
      // Over the surfaces (no depth test) a run draws rep alone, an interval full detail draws there
      // too: painting the whole run on top lengthens each emphasised grade by up to the level's error
      // (pixels differing from full detail at the opening view: 1.8 % -> 1.5 % at 10 M intervals,
      // 0.52 % -> 0.20 % at 1 M; docs/performance.md, Session 13).
      lodFirstTexel = segTexel;
      lodLastTexel = segTexel;
    }
    segA4 = texelFetch(uSegA, lodFirstTexel, 0);
    segB4 = vec4(texelFetch(uSegB, lodLastTexel, 0).xyz, texelFetch(uSegB, segTexel, 0).w);
    segC4 = texelFetch(uSegC, segTexel, 0);
    segC4.x = texelFetch(uSegC, lodFirstTexel, 0).x;
    segC4.y = texelFetch(uSegC, lodLastTexel, 0).y;
  } else {
    segA4 = texelFetch(uSegA, segTexel, 0);
    segB4 = texelFetch(uSegB, segTexel, 0);
    segC4 = texelFetch(uSegC, segTexel, 0);
  }
  vec3 aStart = segA4.xyz;
  vec3 aEnd = segB4.xyz;
  float aMask = segA4.w;
  float aValue = segB4.w;
  // The second, over-the-surfaces draw only needs the emphasised grades: the rest leave at once
  // (outside the clip volume), so a million intervals cost this draw little more than two fetches.
  if (uOnTop == 1 && (aValue < uHighlight || aValue < uCutoff || uIntervalsOn < 0.5)) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    return;
  }
  vec2 aDepth = segC4.xy;
  float aColorValue = segC4.w;
  vec4 aHole = vec4(0.0);
  vec3 shift = faultShift(aMask);
  if (uHoleFilters == 1) {
    int holeIndex = int(segC4.z + 0.5);
    aHole = vec4(texelFetch(uHoleAttr, texelOf(holeIndex, ${HOLE_TEX_WIDTH}), 0).xyz, segC4.z);
    shift *= uHolesFollow;
  }
  vec3 segA = aStart + shift;
  vec3 segB = aEnd + shift;
  vec4 mvA = modelViewMatrix * vec4(segA, 1.0);
  vec4 mvB = modelViewMatrix * vec4(segB, 1.0);
  vec4 mvP = along > 0.5 ? mvB : mvA;
  // Keep at least uMinPixels on screen: world size of a pixel grows with view depth.
  float pxWorld = uOrtho > 0.5 ? uPixelScale : uPixelScale * max(-mvP.z, 0.0);
  float radius = max(uRadius, uMinPixels * pxWorld);
  bool visibleSeg = true;
  vSegColor = uFixedColor;
  vPlanned = 0.0;
  vHaloFrom = 2.0;
  vDashDepth = mix(aDepth.x, aDepth.y, along);
  if (uHoleFilters == 1) {
    visibleSeg = holeVisible(aHole, aDepth, aStart, aEnd);
    vPlanned = mod(floor(aHole.x + 0.5), 2.0);
  }
  bool high = false;
  if (uMode == ${MODE_CODES.grade}) {
    // An interval of an unticked zone: not drawn as an interval (the trace stands in, as below the
    // cut-off when hidden). The zone code is read only while some zone is unticked.
    bool zoneHidden = false;
    if (uZoneMaskOn > 0.5) {
      int zoneCode = int(texelFetch(uSegZone, segTexel, 0).r * 255.0 + 0.5);
      zoneHidden = texelFetch(uZoneMask, ivec2(zoneCode, 0), 0).r < 0.5;
    }
    vSegColor = gradeColor(aColorValue);
    // Higher grades are drawn thicker so intercepts read at a glance (up to 2.2x the base radius).
    radius *= 1.0 + 1.2 * clamp(aValue, 0.0, 10.0) / 10.0;
    bool belowCutoff = aValue < uCutoff;
    if (belowCutoff && uBelowMode == 0) { vSegColor = uDimColor; radius *= 0.55; }
    // Emphasised grades never thinner than uHighlightPx on screen (wider with grade, up to 1.5x at
    // five times the threshold), whatever the zoom.
    high = !belowCutoff && !zoneHidden && aValue >= uHighlight && uIntervalsOn > 0.5;
    float widen = 1.0 + 0.5 * clamp((aValue - uHighlight) / (4.0 * max(uHighlight, 0.01)), 0.0, 1.0);
    if (uGradeWidth > 0.5) {
      // Width by grade class: one step for each class bound at or above the highlight grade.
      float steps = 0.0;
      for (int i = 0; i < ${MAX_BINS}; i++) {
        if (i >= uBinCount) break;
        if (uBins[i] > uHighlight && aValue >= uBins[i]) steps += 1.0;
      }
      widen = 2.0 + steps;
    }
    if (high) radius = max(radius, 0.5 * uHighlightPx * pxWorld * widen);
    if (uOnTop == 1) {
      if (!high || uIntervalsOn < 0.5) visibleSeg = false;
      // The halo ring: 1.5 px each side, drawn dark in the fragment shader.
      radius += 1.5 * pxWorld;
      vHaloFrom = 1.0 - 1.5 * pxWorld / max(radius, 1e-6);
    }
    // The trace under an interval is this segment: drawn as trace when the interval is not shown.
    if (uIntervalsOn < 0.5 || (belowCutoff && uBelowMode == 1) || zoneHidden) {
      if (uTracesOn < 0.5) visibleSeg = false;
      vSegColor = uTraceColor;
      radius = max(uTraceRadius, uTraceMinPixels * pxWorld);
    }
  }
  // Lines with colours of their own (imported workings): the value is the palette index, -1 = the layer colour.
  if (uFixedPalette == 1 && aValue > -0.5) vSegColor = uPalette[int(aValue + 0.5)];
  if (uMode == ${MODE_CODES.category}) {
    vSegColor = uPalette[int(aValue + 0.5)];
    if (((uCategoryMask >> int(aValue + 0.5)) & 1) == 0) visibleSeg = false;
  }
  if (uHoleFilters == 1 && abs(aHole.w - uSelectedHole) < 0.5) { vSegColor = mix(vSegColor, vec3(1.0, 0.55, 0.0), 0.15); radius *= 1.6; }
  // Ribbon across the segment, facing the eye (view space; the eye looks down -z).
  vec3 dirV = mvB.xyz - mvA.xyz;
  float lenV = length(dirV);
  dirV = lenV > 1e-6 ? dirV / lenV : vec3(0.0, 1.0, 0.0);
  vec3 toCam = uOrtho > 0.5 ? vec3(0.0, 0.0, 1.0) : normalize(-mvP.xyz);
  vec3 side = cross(dirV, toCam);
  float sideLen = length(side);
  // A segment pointing at the eye is a disc on screen: any side will do.
  side = sideLen > 1e-5 ? side / sideLen : normalize(cross(vec3(0.0, 1.0, 0.0), toCam) + vec3(1e-3, 0.0, 0.0));
  mvP.xyz += side * (radius * across);
  // An emphasised interval (grade mode) is also at least 1.5x its width long on screen: a 1 m
  // intercept seen from 2 km is a readable dash, not a dot.
  if (high) {
    float minLen = 3.0 * radius;
    if (lenV < minLen) mvP.xyz += dirV * (0.5 * (minLen - lenV) * (along * 2.0 - 1.0));
  }
  // Traces and workings: overlap neighbours by the radius so bends have no notch.
  if (uMode == ${MODE_CODES.trace} || uMode == ${MODE_CODES.fixed}) mvP.xyz += dirV * (radius * (along * 2.0 - 1.0));
  vAcross = across;
  vSide = side;
  vToCam = toCam;
  vec3 objectNormal = vec3(0.0, 0.0, 1.0);
`;

/** Replaces three's projection: the ribbon is already placed in view space (mvP). */
const PROJECT = /* glsl */ `
  vec4 mvPosition = mvP;
  gl_Position = projectionMatrix * mvPosition;
  // Hidden by a filter: outside the clip volume, so both triangles are dropped.
  if (!visibleSeg) gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
`;

/** Normal of a round tube at this point across the ribbon (view space). */
const NORMAL = /* glsl */ `
  float faceDirection = gl_FrontFacing ? 1.0 : -1.0;
  float acrossClamped = clamp(vAcross, -1.0, 1.0);
  vec3 normal = normalize(vSide * acrossClamped + vToCam * sqrt(max(1.0 - acrossClamped * acrossClamped, 0.0)));
  vec3 nonPerturbedNormal = normal;
`;

export interface SegmentTextures {
  segA: DataTexture;
  segB: DataTexture;
  segC: DataTexture;
  holeAttr: DataTexture;
  /** per-segment zone codes (a one-byte texture like the segment textures), shared by a layer's materials; absent: no zones */
  segZone?: { value: Texture };
  /** a level of detail's entries (segmentGeometry.ts): the draw's vertices pull entries, not segments */
  lodRefs?: DataTexture;
  /** the layer's segments: its own draw covers 0 .. count - 1 (absent: a draw placed by setQuadRange) */
  count?: number;
}

/** How a ribbon's tube reflects light (three's standard material), here and where it is lit once per pixel (ribbonDeferred.ts). */
export const RIBBON_SURFACE = { roughness: 0.55, metalness: 0.0 };

/** uSegEnd of a draw with no end of its own (the emphasised grades' subset): every vertex is a segment's. */
const NO_END = 0x7fffffff;


export function createSegmentMaterial(o: SegmentMaterialOptions, tex: SegmentTextures): MeshStandardMaterial {
  const m = new MeshStandardMaterial({ ...RIBBON_SURFACE, side: DoubleSide });
  // What a layer is (grade, trace, palette, hole filters, joints) is told by uniforms, not defines:
  // all segment layers share one program (and the emphasised grades' draw one more), instead of one
  // program each. On software WebGL each program costs 40-170 ms of the GPU process at start-up:
  // four fewer took the sample's ready() from 2.69 to 2.26 s (docs/performance.md, Session 15).
  // A level of detail's draw too (uLod), and the emphasised grades' draw over the surfaces (uOnTop:
  // indexed, a halo, see-through). three defines OPAQUE for an opaque material with normal blending
  // (alpha forced to 1), which would split the two: the opaque layers blend with NoBlending instead,
  // the same pixels for an opaque colour, and all of them share one program.
  m.clippingPlanes = o.clip ? modelClipPlanes : NO_CLIP_PLANES;
  if (!o.onTop) m.blending = NoBlending;
  if (o.onTop) {
    m.depthTest = false;
    m.depthWrite = false;
    // In three's transparent list (drawn after the opaque one, by renderOrder), so it comes after
    // the see-through veins too; its opacity stays 1.
    m.transparent = true;
    // three draws a see-through double-sided material twice, back faces then front. A ribbon
    // faces the eye (side = dir x toCam in VERTEX_MAIN), so every quad has the same winding on
    // screen and one of the two passes draws nothing: one pass draws the same pixels in the same
    // order, for half the triangles (281,840 -> 140,920 at 10,000 x 1,000; docs/performance.md).
    m.forceSinglePass = true;
  }
  const own = {
    uRadius: { value: o.radius },
    uMinPixels: { value: o.minPixels },
    uFixedColor: { value: new Color(o.color ?? '#5b6470') },
    uPalette: { value: Array.from({ length: PALETTE_SIZE }, (_, i) => new Color(o.palette?.[i] ?? '#888888')) },
    uTraceRadius: { value: o.traceStyle?.radius ?? 0 },
    uTraceMinPixels: { value: o.traceStyle?.minPixels ?? 0 },
    uTraceColor: { value: new Color(o.traceStyle?.color ?? '#59626d') },
    uSegA: { value: tex.segA },
    uSegB: { value: tex.segB },
    uSegC: { value: tex.segC },
    uHoleAttr: { value: tex.holeAttr },
    uLodRefs: { value: tex.lodRefs ?? null },
    uLod: { value: tex.lodRefs ? 1 : 0 },
    uOnTop: { value: o.onTop ? 1 : 0 },
    uSegBase: { value: 0 },
    uSegEnd: { value: o.onTop ? NO_END : (tex.count ?? NO_END) },
    uSegZone: tex.segZone ?? { value: NO_ZONES },
    uMode: { value: MODE_CODES[o.mode] },
    uHoleFilters: { value: o.holeFilters ? 1 : 0 },
    uFixedPalette: { value: o.mode === 'fixed' && o.palette ? 1 : 0 },
  };
  m.userData.uniforms = own;
  m.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, shared, own);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace('#include <beginnormal_vertex>', VERTEX_MAIN)
      .replace('#include <begin_vertex>', 'vec3 transformed = mix(segA, segB, along);')
      .replace('#include <project_vertex>', PROJECT)
      .replace('#include <clipping_planes_pars_vertex>', '')
      .replace('#include <clipping_planes_vertex>', '')
      .replace('#include <normal_pars_vertex>', '')
      .replace('#include <normal_vertex>', '');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${VARYINGS}\nuniform vec3 uHaloColor;`)
      .replace('#include <clipping_planes_pars_fragment>', CLIP_PARS)
      .replace('#include <clipping_planes_fragment>', CLIP)
      .replace('#include <normal_pars_fragment>', '')
      .replace('#include <normal_fragment_begin>', NORMAL)
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        diffuseColor.rgb = vSegColor;
        // Planned holes are dashed: 8 m drawn, 6 m gap along the hole.
        if (vPlanned > 0.5 && mod(vDashDepth, 14.0) > 8.0) discard;
        // vHaloFrom is 2 outside the emphasised grades' draw: no halo.
        if (abs(vAcross) > vHaloFrom) diffuseColor.rgb = uHaloColor;`,
      );
  };
  m.customProgramCacheKey = () => 'veinscape-ribbon';
  return m;
}
