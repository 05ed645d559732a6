/**
 * The GPU side of a layer's warm-up (see warmQueue.ts): what three would otherwise do inside the
 * first frame that draws the layer, done ahead in steps of their own.
 *
 * - `startProgram` creates the layer's shader program (compile and link are queued to the GPU
 *   process and proceed while the page does other steps);
 * - `uploadTexture` uploads one data texture (a million segments are 18 MB per texture);
 * - `finishProgram` makes ANGLE complete the link (it does so at the program's first use: tens of
 *   ms on SwiftShader, which has no KHR_parallel_shader_compile), drawing a stand-in of the
 *   geometry (same attributes, one triangle) so no big buffer goes up in the same task;
 * - `prepareDraw` runs three's whole draw path for the layer with nothing to draw: the vertex and
 *   index buffers are uploaded and the uniforms set (and the program finished, if not done yet).
 *
 * Each of these queues work to the GPU process, which does it later; a call that needs an answer
 * from it (three reads the program's uniforms at first use) waits for all that work. So a job waits
 * for `gpuIdle` after each step that gives the GPU real work (a new program, a large layer's
 * uploads): the page stays free meanwhile, and no step waits for another's. A small layer's
 * uploads are done in a moment and go without a wait (see warmLayer).
 *
 * The layer is drawn as a temporary mesh with its own geometry and material, alone (a camera
 * layer that only it and the lights are on, so the program sees the scene's lights and is the one
 * the frame will use), without clearing the canvas and with an empty draw range.
 */
import { gpuFinished } from './gpuFence';
import type { WarmJob } from './warmQueue';
import { Box3, BufferAttribute, BufferGeometry, Mesh, Sphere, Vector3, type Camera, type Material, type Object3D, type Scene, type Texture, type WebGLRenderer } from 'three';

/** Camera layer used only during a warm-up draw (three has 32; the app uses layer 0). */
const WARM_LAYER = 31;

export interface WarmTarget {
  gl: WebGLRenderer;
  scene: Scene;
  camera: Camera;
}

/** Segments or triangles from which a layer waits for the GPU after each upload (see warmLayer). */
export const LARGE_LAYER = 100_000;

/**
 * A layer's warm-up steps, each once the GPU has done the step before: start its program
 * (compiling is the GPU's slow part, hundreds of ms on SwiftShader: waited for when new), upload
 * each texture, finish the program's link, upload its buffers. A small layer's uploads are tiny:
 * they go without a wait after each, and its last step without one at all.
 */
export function* warmLayer(target: () => WarmTarget, geometry: BufferGeometry, material: () => Material, large: boolean, textures: Texture[] = []): WarmJob<void> {
  // Preparing ahead is an optimisation: when a step fails (a lost context, a driver's refusal, a
  // bug), the layer is still shown and three prepares it in its first frame. Before, the layer's
  // job ended without its result and the layer was never drawn.
  try {
    yield* warmSteps(target, geometry, material, large, textures);
  } catch (e) {
    console.error('warm-up of a layer failed; it is drawn without it', e);
  }
}

function* warmSteps(target: () => WarmTarget, geometry: BufferGeometry, material: () => Material, large: boolean, textures: Texture[]): WarmJob<void> {
  // A program another layer already built (every vein sheet shares one) has been compiled and
  // finished by that layer's job: waiting for it again cost a GPU round trip of 50-90 ms per layer
  // at 10,000 x 100 on SwiftShader.
  const fresh = startProgram(target(), geometry, material());
  if (fresh) yield gpuIdle(target());
  for (const t of textures) yield* uploadTextureInSlices(target, t, large);
  if (fresh) {
    finishProgram(target(), geometry, material());
    if (large) yield gpuIdle(target());
  }
  prepareDraw(target(), geometry, material());
  // A small layer's buffers are digested in a moment: waiting for the GPU after them cost a round
  // trip per layer (5-45 ms on SwiftShader, more while the page composites), some 35 of them for
  // the sample's surfaces and holes.
  if (large) yield gpuIdle(target());
}

/** Resolves once the GPU process has done every command issued so far (polled between tasks). */
export function gpuIdle({ gl }: WarmTarget): Promise<void> {
  return gpuFinished(gl.getContext());
}

/** Queues the layer's program; true when three built a new one (false: taken from its cache). */
export function startProgram({ gl, scene, camera }: WarmTarget, geometry: BufferGeometry, material: Material): boolean {
  const before = gl.info.programs?.length ?? 0;
  gl.compile(new Mesh(geometry, material), camera, scene);
  return (gl.info.programs?.length ?? 0) !== before;
}

export function uploadTexture({ gl }: WarmTarget, texture: Texture): void {
  gl.initTexture(texture);
}

/**
 * Bytes of a data texture uploaded in one step. One texture of ten million segments is 160-180
 * MB: a single upload was one main-thread task of 0.6-0.8 s (the page waits while the GPU process
 * takes the bytes, 0.2-0.3 GB/s on SwiftShader, less when the machine is busy); a slice of this
 * size is a step of a few tens of ms.
 */
export const TEXTURE_SLICE_BYTES = 4 * 1024 * 1024;

interface DataImage {
  width: number;
  height: number;
  data: ArrayBufferView | null;
}

/**
 * Uploads a data texture in slices of whole rows, a step each, waiting for the GPU between them:
 * three allocates the texture at its first upload (here a step of its own, with no data) and then
 * writes only the rows in its update ranges (`Texture.addUpdateRange`). Its `onUpdate` (which may let the page's copy go) runs once,
 * after the last slice. A small texture goes up whole, in one step.
 */
export function* uploadTextureInSlices(target: () => WarmTarget, texture: Texture, large: boolean): WarmJob<void> {
  const image = texture.image as DataImage | null;
  const bytes = image?.data?.byteLength ?? 0;
  if (!image?.data || image.height <= 1 || bytes <= TEXTURE_SLICE_BYTES) {
    uploadTexture(target(), texture);
    if (large) yield gpuIdle(target());
    return;
  }
  const rowsPerSlice = Math.max(1, Math.floor(TEXTURE_SLICE_BYTES / (bytes / image.height)));
  const onUpdate = texture.onUpdate;
  texture.onUpdate = null;
  try {
    // The texture's storage first, in a step of its own: three allocates it at the first upload
    // (160-180 MB at ten million intervals), and the first slice's read of the pixel-store state
    // then waited 0.1-0.16 s for the GPU process to make it. Not ready, three allocates and
    // uploads nothing; the page is free while the GPU makes it.
    texture.source.dataReady = false;
    try {
      uploadTexture(target(), texture);
    } finally {
      texture.source.dataReady = true;
    }
    yield gpuIdle(target());
    for (let row = 0; row < image.height; row += rowsPerSlice) {
      // three reads a range in RGBA units (4 per texel, whatever the format) and uploads one
      // row per range; the pixel store's skip values place it, so RG and R textures work too.
      for (let r = row; r < Math.min(image.height, row + rowsPerSlice); r++) texture.addUpdateRange(r * image.width * 4, image.width * 4);
      texture.needsUpdate = true;
      uploadTexture(target(), texture);
      yield gpuIdle(target());
    }
  } finally {
    texture.onUpdate = onUpdate;
  }
  texture.onUpdate?.(texture);
}

type TypedArrayClass = new (length: number) => ArrayLike<number>;

export function finishProgram(target: WarmTarget, geometry: BufferGeometry, material: Material): void {
  const standIn = new BufferGeometry();
  for (const [name, a] of Object.entries(geometry.attributes)) {
    const array = (a as BufferAttribute).array as ArrayLike<number> | null;
    // Already uploaded and released: the program has been used, nothing to finish.
    if (!array) return;
    standIn.setAttribute(name, new BufferAttribute(new (array.constructor as TypedArrayClass)(3 * a.itemSize) as Float32Array, a.itemSize, a.normalized));
  }
  if (geometry.index) standIn.setIndex([0, 1, 2]);
  // Given, so three's sorting does not compute them from the stand-in's position attribute (one
  // byte per vertex for the segment layers: a NaN radius and a console error on every load).
  standIn.boundingBox = new Box3(new Vector3(), new Vector3());
  standIn.boundingSphere = new Sphere(new Vector3(), 0);
  try {
    prepareDraw(target, standIn, material);
  } finally {
    standIn.dispose();
  }
}

export function prepareDraw(target: WarmTarget, geometry: BufferGeometry, material: Material): void {
  const mesh = new Mesh(geometry, material);
  mesh.frustumCulled = false;
  target.scene.add(mesh);
  try {
    drawAlone(target, mesh, geometry);
  } finally {
    target.scene.remove(mesh);
  }
}

/** Draws `object` (already in the scene) alone on the warm-up layer, with an empty draw range. */
function drawAlone({ gl, scene, camera }: WarmTarget, object: Object3D, geometry: BufferGeometry): void {
  const lights: Object3D[] = [];
  scene.traverse((o) => void ((o as { isLight?: boolean }).isLight && lights.push(o)));
  const saved = { mask: camera.layers.mask, own: object.layers.mask, autoClear: gl.autoClear, background: scene.background, start: geometry.drawRange.start, count: geometry.drawRange.count };
  // The last frame's draw calls and triangles (veinscape.stats()) stay those of the last frame.
  const info = { ...gl.info.render };
  try {
    for (const l of lights) l.layers.enable(WARM_LAYER);
    object.layers.set(WARM_LAYER);
    camera.layers.set(WARM_LAYER);
    // A colour background always clears the canvas: keep the picture on screen as it is.
    gl.autoClear = false;
    scene.background = null;
    geometry.setDrawRange(0, 0);
    gl.render(scene, camera);
  } finally {
    geometry.setDrawRange(saved.start, saved.count);
    scene.background = saved.background;
    gl.autoClear = saved.autoClear;
    camera.layers.mask = saved.mask;
    object.layers.mask = saved.own;
    for (const l of lights) l.layers.disable(WARM_LAYER);
    Object.assign(gl.info.render, info);
  }
}

/**
 * The programs the dataset's first frame would still build, built ahead like a layer's: those of
 * objects shown with the layers but warmed by none (the axes box; the intervals' second draw over
 * the surfaces, mounted with its layer). On SwiftShader the sample's first frame built three, and
 * each waited in that frame's task for its link (0.1-0.6 s in all).
 */
export function* warmScenePrograms(target: () => WarmTarget): WarmJob<void> {
  const objects: Object3D[] = [];
  target().scene.traverseVisible((o) => {
    const m = o as Object3D & { isMesh?: boolean; isLine?: boolean; isPoints?: boolean; geometry?: BufferGeometry; material?: Material | Material[] };
    if ((m.isMesh || m.isLine || m.isPoints) && m.geometry && m.material && !Array.isArray(m.material)) objects.push(o);
  });
  for (const o of objects) {
    const { geometry } = o as Object3D & { geometry: BufferGeometry };
    // Gone meanwhile (a new dataset): nothing to prepare.
    if (!o.parent) continue;
    const { gl, scene, camera } = target();
    const before = gl.info.programs?.length ?? 0;
    gl.compile(o, camera, scene);
    if ((gl.info.programs?.length ?? 0) === before) continue;
    yield gpuIdle(target());
    if (o.parent) drawAlone(target(), o, geometry);
  }
}
