/**
 * Draws a layer's levels of detail: a few meshes over the layer's one index buffer, each showing
 * a contiguous range of one level's entries (domain/segmentLodChoice.ts chooses them).
 *
 * The choice is made before each render of the scene (Scene.onBeforeRender, before three lists
 * what to draw), for that render's camera and pixel size: the screen, a warm-up, or an export tile
 * (an 8192 px export picks finer levels than the screen; exports have no triangle budget and no
 * hysteresis, so every tile of a tiled export chooses alike). Switching a level changes draw
 * ranges and materials only: every level's texture was uploaded with the layer, nothing is
 * uploaded when the camera moves or a filter changes.
 */
import { Box3, BufferGeometry, Group, type BufferAttribute, Mesh, Vector2, Vector3, type Camera, type Material, type Scene, type WebGLRenderer, type WebGLRenderTarget } from 'three';
import { chooseLevels, lodRanges, type LodRange } from '../domain/segmentLodChoice';
import { LOD_TILES, type SegmentLod } from '../domain/segmentLod';
import { overlayRanges, type LodOverlay } from '../domain/segmentLodOverlay';
import { lodSettings } from './lodSettings';
import { quadGeometry, setQuadRange } from './geometry/segmentGeometry';
import { createDeferredRibbons } from './deferredRibbons';

export type Update = (renderer: WebGLRenderer, camera: Camera, target: WebGLRenderTarget | null) => void;

const updates = new Set<Update>();

/**
 * The last screen frame's choice of the intervals layer (veinscape.stats().lod): each tile's level
 * (-1: empty), the draws, and the emphasised grades' draws (same levels and tiles).
 */
let lastScreen: { tiles: number[]; draws: LodRange[]; overlay: LodRange[] } | null = null;

export function lodStats(): { tiles: number[]; draws: LodRange[]; overlay: LodRange[] } | null {
  return lastScreen;
}

function runUpdates(renderer: WebGLRenderer, _scene: Scene, camera: Camera, target: WebGLRenderTarget | null): void {
  for (const u of updates) u(renderer, camera, target);
}

/**
 * Calls `update` before each render of `scene` (before three lists what to draw, so a mesh's
 * geometry or draw range set here is drawn by that render); returns the stop. The intervals' and
 * the surfaces' levels of detail (surfaceLodDraw.ts) choose here.
 */
export function beforeEachRender(scene: Scene, update: Update): () => void {
  updates.add(update);
  // Scene.onBeforeRender is typed as an object's; a scene's is called with the render target.
  scene.onBeforeRender = runUpdates as unknown as Scene['onBeforeRender'];
  return () => void updates.delete(update);
}

export interface LodDraw {
  group: Group;
  /** the ranges drawn by the last render of the screen (tests and the benchmark read them) */
  readonly lastRanges: LodRange[];
  /** starts choosing before each render of `scene`; returns the stop */
  attach(scene: Scene): () => void;
  /**
   * per draw of the pool (lodSettings.maxDraws), one material per level: each draw's own, since it
   * says which entries the draw covers (setQuadRange)
   */
  setMaterials(materials: Material[][]): void;
  /**
   * The emphasised-grades draw (drawn after everything else, `renderOrder`): `overlay`'s ranges
   * for the main draw's levels, with one material per level, over `geometry` (the overlay's index
   * and its own placeholder position: disposing a geometry frees its attributes on the GPU, so the
   * overlay shares none with the main draw). null: none.
   */
  setOverlay(next: { overlay: LodOverlay; geometry: BufferGeometry; materials: Material[]; renderOrder: number } | null): void;
  dispose(): void;
}

/**
 * `lodSettings.maxDraws` meshes over the index and placeholder position of `source` (shared, not
 * copied) with its bounds, hidden until placed. The layer's own draws repeat its chunk index
 * (`quads`, segmentGeometry.ts); the emphasised grades' draws take ranges of their own index.
 */
function drawPool(source: BufferGeometry, quads: boolean, material: Material, name: string, renderOrder: number): Mesh[] {
  const meshes: Mesh[] = [];
  for (let i = 0; i < lodSettings.maxDraws; i++) {
    const count = source.getAttribute('position') as BufferAttribute;
    const g = quads ? quadGeometry(count, source.index ?? undefined) : new BufferGeometry();
    if (!quads) {
      g.setIndex(source.index);
      if (count) g.setAttribute('position', count);
    }
    g.boundingBox = source.boundingBox;
    g.boundingSphere = source.boundingSphere;
    const m = new Mesh(g, material);
    m.name = i === 0 ? name : `${name}:${i}`;
    // Segments are placed in the shader: the geometry's bounds say nothing about them.
    m.frustumCulled = false;
    m.visible = false;
    m.renderOrder = renderOrder;
    meshes.push(m);
  }
  return meshes;
}

/**
 * `whole`: the layer's full geometry (its index and placeholder position are shared, not copied);
 * `materials`: per draw of the pool, one per level (setMaterials); `segments`: the layer's
 * full-detail count (whether it is lit once per pixel, deferredChoice.ts).
 */
export function createLodDraw(hierarchy: SegmentLod, whole: BufferGeometry, materials: Material[][], name: string, segments: number): LodDraw {
  const group = new Group();
  group.name = name;
  let mats = materials;
  const meshes = drawPool(whole, true, mats[0]?.[0], name, 0);
  for (const m of meshes) group.add(m);
  // The emphasised grades: a pool of draws over the overlay's index, placed as the main draw's.
  let over: { overlay: LodOverlay; materials: Material[]; meshes: Mesh[] } | null = null;
  let screenLevels: Uint8Array | null = null;
  let lastRanges: LodRange[] = [];
  const box = new Box3();
  const boxes = new Float64Array(LOD_TILES * 6);
  const eye = new Vector3();
  const size = new Vector2();

  // What the last choice was made for: a frame with the same camera, pixel height and layer
  // transform (a filter change, a hover) keeps it (the choice is about 1 ms at 64 tiles).
  const lastKey: number[] = [];
  const key: number[] = [];

  // A large layer is lit once per pixel on software WebGL (deferredRibbons.ts), after each choice.
  const deferred = createDeferredRibbons(group, segments, () => over?.meshes[0]?.renderOrder ?? 0);
  const update: Update = (renderer, camera, target) => {
    choose(renderer, camera, target);
    deferred.frame(renderer, camera, target === null, meshes, over?.meshes ?? []);
  };

  const choose: Update = (renderer, camera, target) => {
    group.updateWorldMatrix(true, false);
    const world = group.matrixWorld;
    const height = target ? target.height : renderer.getDrawingBufferSize(size).y;
    const screen = target === null;
    key.length = 0;
    key.push(screen ? 1 : 0, height, lodSettings.triangleBudget, ...camera.matrixWorld.elements, ...camera.projectionMatrix.elements, ...world.elements);
    if (key.length === lastKey.length && key.every((v, i) => v === lastKey[i])) return;
    lastKey.length = 0;
    lastKey.push(...key);
    for (let t = 0; t < LOD_TILES; t++) {
      const b = hierarchy.tileBounds;
      if (!(b[t * 6] <= b[t * 6 + 3])) continue;
      box.min.set(b[t * 6], b[t * 6 + 1], b[t * 6 + 2]);
      box.max.set(b[t * 6 + 3], b[t * 6 + 4], b[t * 6 + 5]);
      box.applyMatrix4(world);
      box.min.toArray(boxes, t * 6);
      box.max.toArray(boxes, t * 6 + 3);
    }
    eye.setFromMatrixPosition(camera.matrixWorld);
    const levels = chooseLevels(
      hierarchy,
      {
        eye: [eye.x, eye.y, eye.z],
        boxes,
        errorScale: world.getMaxScaleOnAxis(),
        pixelsPerMetre: (camera.projectionMatrix.elements[5] * height) / 2,
        orthographic: (camera as { isOrthographicCamera?: boolean }).isOrthographicCamera === true,
        errorPx: lodSettings.errorPx,
        budget: screen ? lodSettings.triangleBudget : Infinity,
      },
      screen ? screenLevels : null,
    );
    const ranges = lodRanges(hierarchy, levels, meshes.length, screen ? lodSettings.triangleBudget : Infinity);
    if (screen) {
      screenLevels = levels;
      lastRanges = ranges;
    }
    const extra = over ? overlayRanges(over.overlay, ranges) : [];
    if (screen && name === 'intervals') {
      lastScreen = { tiles: Array.from(levels, (k, t) => (hierarchy.levels[0].tileStart[t + 1] > hierarchy.levels[0].tileStart[t] ? k : -1)), draws: ranges, overlay: extra };
    }
    meshes.forEach((m, i) => {
      const r = ranges[i];
      m.visible = r !== undefined;
      if (!r) return;
      m.material = mats[i][r.level];
      setQuadRange(m, r.start, r.count);
    });
    if (!over) return;
    const overMats = over.materials;
    over.meshes.forEach((m, i) => {
      const r = extra[i];
      m.visible = r !== undefined;
      if (!r) return;
      m.material = overMats[r.level];
      m.geometry.setDrawRange(r.start * 6, r.count * 6);
    });
  };

  return {
    group,
    get lastRanges() {
      return lastRanges;
    },
    attach(scene) {
      return beforeEachRender(scene, update);
    },
    setMaterials(next) {
      mats = next;
      meshes.forEach((m, i) => (m.material = mats[i][0]));
      deferred.forget();
      // The next render chooses again, and gives each draw its level's material.
      lastKey.length = 0;
    },
    setOverlay(next) {
      if (over) for (const m of over.meshes) { group.remove(m); m.geometry.dispose(); }
      over = null;
      if (next) {
        const meshes = drawPool(next.geometry, false, next.materials[0], `${name}:on-top`, next.renderOrder);
        // Until the next render places it, the first draw is shown empty, so the scene's warm-up
        // finds its program (three skips a draw of no triangles).
        meshes[0].visible = true;
        meshes[0].geometry.setDrawRange(0, 0);
        for (const m of meshes) group.add(m);
        over = { overlay: next.overlay, materials: next.materials, meshes };
      }
      deferred.forget();
      lastKey.length = 0;
    },
    dispose() {
      updates.delete(update);
      deferred.dispose();
      if (over) for (const m of over.meshes) m.geometry.dispose();
      if (name === 'intervals') lastScreen = null;
      // The index and position belong to the layer's geometry, disposed with it.
      for (const m of meshes) m.geometry.dispose();
    },
  };
}
