/**
 * The interval ribbons lit once per pixel (deferred lighting; deferredRibbons.ts draws them).
 *
 * On software WebGL every fragment is shaded, hidden or not (SwiftShader has no early depth test),
 * and at 10,000 holes × 100 intervals the ribbons shade about 100 fragments a covered pixel, each
 * lit by three's standard material (docs/performance.md, Session 18). Instead:
 * - a first pass draws the ribbons with their own shader up to the lighting (clip planes, dashes,
 *   colour, the tube's normal), into two colour targets and a depth texture: the diffuse colour
 *   (linear, alpha 1 where a ribbon is), and the view-space normal with the roughness its
 *   derivatives add (three's `geometryRoughness`, which needs the ribbon's own neighbouring pixels);
 * - a full-screen draw with three's standard material and the scene's lights reads them back and
 *   lights each covered pixel once, with the view position rebuilt from the depth, and writes that
 *   depth: the ribbons meet the rest of the scene at the depth they were drawn at.
 */
import { MeshStandardMaterial, NoBlending, ShaderChunk, type Matrix4, type Texture, type WebGLProgramParametersWithUniforms, Vector2 } from 'three';
import { RIBBON_SURFACE } from './segmentMaterial';

/** The second colour target of the first pass: the normal (view space, xyz) and geometryRoughness (w). */
const NORMAL_OUT = 'layout(location = 1) out highp vec4 gNormal;';

/** three's roughness from the normal's derivatives (lights_physical_fragment). */
const DERIVED_ROUGHNESS = 'vec3 dxy = max( abs( dFdx( nonPerturbedNormal ) ), abs( dFdy( nonPerturbedNormal ) ) );\nfloat geometryRoughness = max( max( dxy.x, dxy.y ), dxy.z );';

function replaced(src: string, from: string | RegExp, to: string): string {
  const out = src.replace(from, to);
  if (out === src) throw new Error(`ribbon shader: ${String(from)} not found (three's shader changed?)`);
  return out;
}

/**
 * The ribbon's fragment stage (after segmentMaterial.ts's edits) cut before three's lighting: it
 * writes the colour and the normal instead. What it discards (clip planes, dashes) it still does.
 */
export function toFirstPass(fragmentShader: string): string {
  const withOut = replaced(fragmentShader, 'void main() {', `${NORMAL_OUT}\nvoid main() {`);
  return replaced(
    withOut,
    /#include <lights_physical_fragment>[\s\S]*$/,
    `${DERIVED_ROUGHNESS}\n  gl_FragColor = vec4(diffuseColor.rgb, 1.0);\n  gNormal = vec4(normal, geometryRoughness);\n}\n`,
  );
}

/**
 * The first pass's material for a ribbon material: its shader, uniforms (the same objects: a
 * filter change or a level's range reaches both), clip planes and depth, with no lighting.
 * Its opacity is 1, so replacing the pixel is what the emphasised grades' normal blending does.
 */
export function createFirstPassMaterial(ribbon: MeshStandardMaterial): MeshStandardMaterial {
  const m = new MeshStandardMaterial({ ...RIBBON_SURFACE, side: ribbon.side });
  m.clippingPlanes = ribbon.clippingPlanes;
  m.depthTest = ribbon.depthTest;
  m.depthWrite = ribbon.depthWrite;
  m.transparent = ribbon.transparent;
  m.forceSinglePass = ribbon.forceSinglePass;
  m.blending = NoBlending;
  m.userData = ribbon.userData;
  m.onBeforeCompile = (shader, renderer) => {
    ribbon.onBeforeCompile(shader, renderer);
    shader.fragmentShader = toFirstPass(shader.fragmentShader);
  };
  // One program for every ribbon layer's first pass, as segmentMaterial.ts's one for the forward draw.
  m.customProgramCacheKey = () => 'veinscape-ribbon-first-pass';
  return m;
}

/** What the lighting draw reads: the first pass's targets and the camera that drew them. */
export interface FirstPassTextures {
  color: Texture;
  normal: Texture;
  /** the first pass's depth; null: drawn over everything (the emphasised grades), no depth written */
  depth: Texture | null;
}

/**
 * The lighting draw's fragment stage: three's standard material, fed from the first pass's pixel
 * instead of varyings. `withDepth`: the pixel's depth is the first pass's (written, and the view
 * position rebuilt from it); else the view position is rebuilt at mid-depth (orthographic cameras
 * read no view position; a perspective one reads only its direction, which a pixel's ray gives).
 */
export function toLightingPass(fragmentShader: string, withDepth: boolean): string {
  const pars = `vec3 vViewPosition;
uniform highp sampler2D uFirstColor;
uniform highp sampler2D uFirstNormal;
uniform highp sampler2D uFirstDepth;
uniform mat4 uInverseProjection;
uniform vec2 uBufferSize;`;
  let s = replaced(fragmentShader, 'varying vec3 vViewPosition;', pars);
  s = replaced(
    s,
    'void main() {',
    `void main() {
  ivec2 firstTexel = ivec2(gl_FragCoord.xy);
  vec4 firstColor = texelFetch(uFirstColor, firstTexel, 0);
  // No ribbon here (the targets are cleared to alpha 0).
  if (firstColor.a < 0.5) discard;
  vec4 firstNormal = texelFetch(uFirstNormal, firstTexel, 0);
  float firstDepth = ${withDepth ? 'texelFetch(uFirstDepth, firstTexel, 0).r' : '0.5'};
  ${withDepth ? 'gl_FragDepth = firstDepth;' : ''}
  vec4 viewPoint = uInverseProjection * vec4(vec3(gl_FragCoord.xy / uBufferSize, firstDepth) * 2.0 - 1.0, 1.0);
  vViewPosition = -viewPoint.xyz / viewPoint.w;`,
  );
  // Clipped in the first pass (the model box, and the section's planes three gives every material):
  // the plane's own positions say nothing about the ribbons'.
  s = replaced(s, '#include <clipping_planes_fragment>', '');
  s = replaced(s, '#include <normal_fragment_begin>', 'float faceDirection = 1.0;\n  vec3 normal = firstNormal.xyz;\n  vec3 nonPerturbedNormal = normal;');
  s = replaced(s, '#include <color_fragment>', 'diffuseColor.rgb = firstColor.rgb;');
  const physical = replaced(ShaderChunk.lights_physical_fragment, DERIVED_ROUGHNESS, 'float geometryRoughness = firstNormal.w;');
  return replaced(s, '#include <lights_physical_fragment>', physical);
}

/**
 * The full-screen lighting draw's material (a 2 × 2 plane: its corners are the screen's). Its
 * uniforms' values are set before each frame (deferredRibbons.ts): the targets may be resized.
 */
export function createLightingMaterial(first: FirstPassTextures, overEverything: boolean): MeshStandardMaterial & { userData: { lighting: LightingUniforms } } {
  const m = new MeshStandardMaterial({ ...RIBBON_SURFACE });
  const withDepth = first.depth !== null;
  const uniforms: LightingUniforms = {
    uFirstColor: { value: first.color },
    uFirstNormal: { value: first.normal },
    uFirstDepth: { value: first.depth },
    uInverseProjection: { value: null },
    uBufferSize: { value: new Vector2(1, 1) },
  };
  m.userData.lighting = uniforms;
  m.blending = NoBlending;
  if (overEverything) {
    // As the emphasised grades' own draw (segmentMaterial.ts): no depth, after the see-through veins.
    m.depthTest = false;
    m.depthWrite = false;
    m.transparent = true;
    m.forceSinglePass = true;
  }
  m.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    Object.assign(shader.uniforms, uniforms);
    // The plane's corners are the screen's: no camera.
    shader.vertexShader = replaced(shader.vertexShader, '#include <project_vertex>', 'vec4 mvPosition = vec4(transformed, 1.0);\n  gl_Position = vec4(position.xy, 0.0, 1.0);');
    shader.fragmentShader = toLightingPass(shader.fragmentShader, withDepth);
  };
  m.customProgramCacheKey = () => `veinscape-ribbon-lighting-${withDepth ? 'depth' : 'over'}`;
  return m as MeshStandardMaterial & { userData: { lighting: LightingUniforms } };
}

export interface LightingUniforms {
  uFirstColor: { value: Texture };
  uFirstNormal: { value: Texture };
  uFirstDepth: { value: Texture | null };
  /** the camera's projectionMatrixInverse (the object itself, set each frame) */
  uInverseProjection: { value: Matrix4 | null };
  /** the targets' size in pixels (the drawing buffer's) */
  uBufferSize: { value: Vector2 };
}
