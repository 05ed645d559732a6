/**
 * A large interval layer lit once per pixel on software WebGL (materials/ribbonDeferred.ts says how,
 * deferredChoice.ts when). Called before each render of the scene, after the level-of-detail
 * choice (segmentLodDraw.ts), with the layer's draws:
 * - deferred: the draws are rendered into the first pass's targets, then hidden from the scene's
 *   render, where two full-screen draws light them: the intervals' at their place in the opaque
 *   list (first, as the intervals are: a ribbon and the hole trace under it meet at one depth, and
 *   the later draw wins such a tie, as before), the emphasised grades' after the see-through veins;
 * - forward (an export, a warm-up, the dataset's first frame, a small layer, a renderer without
 *   the targets): the draws are drawn as before and the lighting draws are hidden.
 * `veinscape.stats()` counts the first pass's draws and triangles in place of the lighting draws':
 * the picture's, as the forward frame counts them.
 */
import {
  Color,
  DepthTexture,
  HalfFloatType,
  Mesh,
  NearestFilter,
  PlaneGeometry,
  UnsignedIntType,
  Vector2,
  WebGLRenderTarget,
  type Camera,
  type Group,
  type Material,
  type MeshStandardMaterial,
  type Object3D,
  type WebGLRenderer,
} from 'three';
import { store } from '../state/store';
import { DEFERRED_TARGETS, deferredLightingFor, type DeferredSupport } from './deferredChoice';
import { createFirstPassMaterial, createLightingMaterial } from './materials/ribbonDeferred';

/**
 * The layers mask of a draw no camera sees (three tests `object.layers` against the camera's): the
 * layer's draws are hidden so, not by `visible`, which the level-of-detail choice sets.
 */
const NO_LAYERS = 0;
/** three's default: layer 0, which every camera of the app sees. */
const DEFAULT_LAYERS = 1;

/** The group and all its parents are shown (the first pass renders the group alone, whatever its parents say). */
function shownInScene(group: Group): boolean {
  for (let o: Object3D | null = group; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** `deferredMin=N` in the URL: layers of N segments or more are lit once per pixel (e2e `lod` runs the path on 100,000). */
const urlMin = Number(typeof location === 'undefined' ? 0 : new URLSearchParams(location.search).get('deferredMin'));
const minSegments = urlMin > 0 ? urlMin : undefined;

const supportOf = new WeakMap<WebGLRenderer, DeferredSupport>();

function support(renderer: WebGLRenderer): DeferredSupport {
  let s = supportOf.get(renderer);
  if (!s) {
    const gl = renderer.getContext();
    const webgl2 = typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext;
    s = {
      webgl2,
      halfFloatTargets: webgl2 && (renderer.extensions.has('EXT_color_buffer_float') || renderer.extensions.has('EXT_color_buffer_half_float')),
      drawBuffers: webgl2 ? (gl.getParameter((gl as WebGL2RenderingContext).MAX_DRAW_BUFFERS) as number) : 1,
      antialiased: gl.getContextAttributes()?.antialias === true,
    };
    supportOf.set(renderer, s);
  }
  return s;
}

/** A first-pass target: colour and normal (half floats: a normal's 8 bits would show), read texel by texel. */
function firstPassTarget(depth: boolean): WebGLRenderTarget {
  return new WebGLRenderTarget(1, 1, {
    count: DEFERRED_TARGETS,
    type: HalfFloatType,
    minFilter: NearestFilter,
    magFilter: NearestFilter,
    generateMipmaps: false,
    depthBuffer: depth,
    // 24 bits, as the canvas's depth: ties between draws fall as they did (DEPTH_COMPONENT24).
    ...(depth ? { depthTexture: new DepthTexture(1, 1, UnsignedIntType) } : {}),
  });
}

/** One full-screen lighting draw, in the layer's group; hidden until a frame is deferred. */
function lightingDraw(target: WebGLRenderTarget, over: boolean, renderOrder: number, name: string): { mesh: Mesh; material: ReturnType<typeof createLightingMaterial> } {
  const material = createLightingMaterial({ color: target.textures[0], normal: target.textures[1], depth: target.depthTexture }, over);
  // No index: three uploads an index when it first draws with it, attributes when it first lists
  // the object, and the first picture only lists the lighting draws (frame below).
  const mesh = new Mesh(new PlaneGeometry(2, 2).toNonIndexed(), material);
  mesh.name = name;
  mesh.frustumCulled = false;
  mesh.renderOrder = renderOrder;
  // Hidden (not merely on no layer): the scene's program warm-up skips it, so a layer drawn
  // forward never builds the lighting programs (warmUp.ts warmScenePrograms).
  mesh.visible = false;
  return { mesh, material };
}

export interface DeferredRibbons {
  /**
   * Before a render of the scene: `draws` and `over` are the layer's draws and its emphasised
   * grades' (drawn with depth, and over everything), as the level-of-detail choice left them.
   */
  frame(renderer: WebGLRenderer, camera: Camera, toScreen: boolean, draws: Mesh[], over: Mesh[]): void;
  /** The ribbon materials changed (options, levels): their first-pass twins are made again. */
  forget(): void;
  dispose(): void;
}

/** `group`: the layer's group (the lighting draws join it); `segments`: the layer's full-detail count. */
export function createDeferredRibbons(group: Group, segments: number, overOrder: () => number): DeferredRibbons {
  const targets = { depth: firstPassTarget(true), over: firstPassTarget(false) };
  const lit = lightingDraw(targets.depth, false, -1, `${group.name}:lit`);
  const litOver = lightingDraw(targets.over, true, 0, `${group.name}:on-top:lit`);
  group.add(lit.mesh, litOver.mesh);
  const firstPass = new Map<Material, MeshStandardMaterial>();
  const size = new Vector2();
  const clearColor = new Color();
  /** the first pass's draws and triangles, counted in place of each lighting draw's */
  const counted = new Map<Mesh, { calls: number; triangles: number }>();
  for (const { mesh } of [lit, litOver]) {
    counted.set(mesh, { calls: 0, triangles: 0 });
    mesh.onAfterRender = (renderer) => {
      const c = counted.get(mesh)!;
      renderer.info.render.calls += c.calls - 1;
      renderer.info.render.triangles += c.triangles - 2;
    };
  }

  const firstPassOf = (m: Material): MeshStandardMaterial => {
    let f = firstPass.get(m);
    if (!f) {
      f = createFirstPassMaterial(m as MeshStandardMaterial);
      firstPass.set(m, f);
    }
    return f;
  };

  /** Renders `draws` (each with its first-pass twin) into `target`, cleared; returns what three counted. */
  const renderFirstPass = (renderer: WebGLRenderer, camera: Camera, draws: Mesh[], target: WebGLRenderTarget) => {
    const shown = draws.filter((d) => d.visible);
    const materials = shown.map((d) => d.material as Material);
    for (const d of shown) {
      d.material = firstPassOf(d.material as Material);
      d.layers.mask = DEFAULT_LAYERS;
    }
    const saved = { target: renderer.getRenderTarget(), autoClear: renderer.autoClear, sort: renderer.sortObjects, alpha: renderer.getClearAlpha(), color: renderer.getClearColor(clearColor) };
    renderer.setRenderTarget(target);
    renderer.setClearColor(0x000000, 0);
    renderer.clear(true, true, false);
    renderer.autoClear = false;
    // In the group's order: the order three's sort gives the forward draws (by material, made draw by draw).
    renderer.sortObjects = false;
    renderer.render(group, camera);
    const c = { calls: renderer.info.render.calls, triangles: renderer.info.render.triangles };
    renderer.sortObjects = saved.sort;
    renderer.autoClear = saved.autoClear;
    renderer.setClearColor(saved.color, saved.alpha);
    renderer.setRenderTarget(saved.target);
    shown.forEach((d, i) => {
      d.material = materials[i];
      d.layers.mask = NO_LAYERS;
    });
    return c;
  };

  /** The first pass's targets at the drawing buffer's size (`size`). */
  const sizeTargets = (renderer: WebGLRenderer) => {
    renderer.getDrawingBufferSize(size);
    for (const t of [targets.depth, targets.over]) if (t.width !== size.x || t.height !== size.y) t.setSize(size.x, size.y);
  };

  return {
    frame(renderer, camera, toScreen, draws, over) {
      const s = store.getState();
      const firstPictureDrawn = s.version > 0 && s.renderedVersion === s.version;
      const lighting = (drawn: boolean) => shownInScene(group) && deferredLightingFor({ support: support(renderer), segments, minSegments, toScreen, firstPictureDrawn: drawn });
      const deferred = lighting(firstPictureDrawn);
      lit.mesh.visible = false;
      litOver.mesh.visible = false;
      for (const l of [lit, litOver]) l.material.visible = true;
      for (const d of [...draws, ...over]) d.layers.mask = deferred ? NO_LAYERS : DEFAULT_LAYERS;
      if (!deferred) {
        // The dataset's first picture, of a layer that is lit once per pixel after it: the targets
        // are made now, and the lighting draws are listed by this render (shown, their material
        // not), so three uploads their geometry now, not with the first frame after ready() (a
        // filter change's, which must upload nothing). Not drawn, so no program is built.
        if (!firstPictureDrawn && lighting(true)) {
          sizeTargets(renderer);
          for (const t of [targets.depth, targets.over]) renderer.initRenderTarget(t);
          for (const l of [lit, litOver]) {
            l.mesh.visible = true;
            l.material.visible = false;
          }
        }
        return;
      }
      sizeTargets(renderer);
      for (const l of [lit, litOver]) {
        l.material.userData.lighting.uInverseProjection.value = camera.projectionMatrixInverse;
        l.material.userData.lighting.uBufferSize.value.copy(size);
      }
      litOver.mesh.renderOrder = overOrder();
      // Both first passes before either lighting draw is shown (a first pass renders the group).
      const passes: [Mesh[], WebGLRenderTarget, Mesh][] = [[draws, targets.depth, lit.mesh], [over, targets.over, litOver.mesh]];
      const drawn = passes.filter(([d]) => d.some((m) => m.visible));
      for (const [d, target, mesh] of drawn) counted.set(mesh, renderFirstPass(renderer, camera, d, target));
      for (const [, , mesh] of drawn) mesh.visible = true;
    },
    forget() {
      for (const f of firstPass.values()) f.dispose();
      firstPass.clear();
    },
    dispose() {
      this.forget();
      group.remove(lit.mesh, litOver.mesh);
      for (const l of [lit, litOver]) {
        l.mesh.geometry.dispose();
        l.material.dispose();
      }
      targets.depth.depthTexture?.dispose();
      targets.depth.dispose();
      targets.over.dispose();
    },
  };
}
