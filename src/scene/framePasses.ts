/**
 * The first frame of a large dataset drawn in passes, one animation frame each, onto the kept
 * drawing buffer (the canvas has `preserveDrawingBuffer`): the picture fills in over a few frames,
 * and the page (its progress bar) reaches the screen between them.
 *
 * Why: on software WebGL (SwiftShader) a frame is one task of the GPU process, and no frame of the
 * page is put on screen while it runs: the first frame of 1,000,000 intervals held the screen for
 * 2.4-2.8 s (docs/performance.md, Session 17).
 *
 * How: every pass is three's own render of the whole scene, with `renderBufferDirect` wrapped, so
 * every draw of the frame (also the meshes a level of detail chooses during the render) goes
 * through one decision. The frame's draws, in three's order (opaque, then see-through, each by
 * render order), are laid end to end by their vertices (or indices); pass k draws the part of that
 * line between k × `budget` and (k + 1) × `budget`: a mesh's draw is cut there (between whole
 * segments, 6 vertices or indices), any other draw (lines, points) is drawn whole in the pass where
 * it starts. So every draw is drawn once, in the frame's order, and the depth and colour buffers
 * are kept between passes: the finished picture is the one frame's. A camera or canvas change
 * during the passes starts them again from pass 0; a view that keeps moving gets ordinary frames.
 *
 * How long: a pass's GPU time depends on the pixels its draws cover, not only on their vertices
 * (at 100,000 holes a pass of 1,500,000 vertices took about 3.7 s, at 10,000 holes 0.9 s). So the
 * frame's line is measured first (a render that lists the draws and draws nothing); a frame over
 * the budget starts with a small pass, and each next pass is sized from the GPU time of those
 * before it (`paced`: at the slowest pace seen, since the draws further on the line may cover more
 * pixels a vertex), to about `PASS_TARGET_MS`.
 */
import type { BufferGeometry, Camera, InstancedBufferGeometry, Material, Mesh, Object3D, Scene, WebGLRenderer } from 'three';
import { deadTrianglesOf, quadRangeOf, setQuadRange } from './geometry/segmentGeometry';

/**
 * Vertices or indices of a frame drawn in one pass: 500,000 triangles, about 0.6-0.8 s of
 * SwiftShader on this machine for the interval ribbons at 1,000 holes. A frame under it (the
 * sample, 1,000 holes × 100 intervals) is drawn as before, in one.
 */
export const PASS_BUDGET = 1_500_000;

/**
 * The first pass of a frame over the budget (vertices or indices): its GPU time is not known yet,
 * so it is small (about 0.25 s at 10,000 holes, 1 s at 100,000 holes on this machine).
 */
export const FIRST_PASS = 400_000;

/** GPU time each pass after the first is sized for (ms): the page reaches the screen this often. */
export const PASS_TARGET_MS = 500;

/** No pass is smaller than this (vertices or indices): each pass adds a composite and a GPU wait. */
export const MIN_PASS = 60_000;

/**
 * A draw with no depth test (the emphasised grades over the surfaces) shades every layer of the
 * pixels it covers: about 110 layers a pixel at 10,000 holes, 1.74 ms of SwiftShader per 1,000
 * indices against 0.64 for the intervals (docs/performance.md, Session 18 GPU). On the frame's line
 * its vertices or indices count this many times, so the pass that draws them is not the longest.
 */
export const NO_DEPTH_TEST_WEIGHT = 3;

/** A cut falls between whole segments (6 vertices or indices) and whole triangles. */
const UNIT = 6;

type RenderBufferDirect = WebGLRenderer['renderBufferDirect'];

/** The part of its geometry a draw covers, in vertices or indices (`drawRange` within the geometry). */
function drawnPart(geometry: BufferGeometry): { start: number; end: number } {
  // As three's renderBufferDirect: the index's length, else the positions', else the range alone.
  const total = geometry.index ? geometry.index.count : (geometry.getAttribute('position')?.count ?? Infinity);
  const start = Math.max(geometry.drawRange.start, 0);
  const end = Math.min(total, geometry.drawRange.start + geometry.drawRange.count);
  return { start, end: Number.isFinite(end) ? Math.max(end, start) : start };
}

/**
 * A draw as a stretch of the frame's line: its length (vertices or indices, all instances), the
 * weight of each on the line and, when it can be cut, how to draw the part `a` .. `b` of that length
 * (whole segments) and undo it.
 */
interface DrawStretch {
  length: number;
  weight: number;
  cut: ((a: number, b: number) => () => void) | null;
}

function stretchOf(gl: WebGLRenderer, object: Object3D, geometry: BufferGeometry, material: Material, group: unknown): DrawStretch {
  const { start, end } = drawnPart(geometry);
  const instanced = geometry as InstancedBufferGeometry;
  const instances = instanced.isInstancedBufferGeometry ? instanced.instanceCount : 1;
  const plain = (object as { isMesh?: boolean }).isMesh === true && !(material as { wireframe?: boolean }).wireframe && !group;
  // A segment layer's draw: a chunk index repeated as instances over segments uSegBase .. uSegEnd
  // (geometry/segmentGeometry.ts): cut by segments, 6 indices each.
  const quad = quadRangeOf(object, material);
  const weight = material.depthTest ? 1 : NO_DEPTH_TEST_WEIGHT;
  if (plain && quad && instances > 1) {
    return {
      length: 6 * (quad.end - quad.base),
      weight,
      cut: (a, b) => {
        const mesh = object as Mesh;
        setQuadRange(mesh, quad.base + a / 6, (b - a) / 6);
        const partDead = deadTrianglesOf(object, geometry);
        return () => {
          setQuadRange(mesh, quad.base, quad.end - quad.base);
          // countLiveTriangles (after this) takes off the whole draw's dead triangles: the part's instead.
          gl.info.render.triangles += deadTrianglesOf(object, geometry) - partDead;
        };
      },
    };
  }
  const length = (end - start) * Math.max(instances, 0);
  if (!plain || instances !== 1) return { length, weight, cut: null };
  return {
    length,
    weight,
    cut: (a, b) => {
      const saved = { start: geometry.drawRange.start, count: geometry.drawRange.count };
      geometry.setDrawRange(start + a, b - a);
      return () => geometry.setDrawRange(saved.start, saved.count);
    },
  };
}

/**
 * The frame's line of draws, end to end (vertices or indices), from a render that draws nothing:
 * three lists, sorts and prepares the draws (the levels of detail choose for this camera, the
 * geometry is uploaded), and `renderBufferDirect` only adds up their lengths. The canvas is
 * cleared (pass 0 clears it anyway) and the frame's counts are reset by pass 0 after it.
 */
function lineLength(gl: WebGLRenderer, scene: Scene, camera: Camera): number {
  const original = gl.renderBufferDirect;
  let at = 0;
  gl.renderBufferDirect = function (this: WebGLRenderer, _cam, _scn, geometry, material, object, group) {
    const { length, weight } = stretchOf(this, object, geometry, material, group);
    at += length * weight;
  } as RenderBufferDirect;
  try {
    gl.render(scene, camera);
  } finally {
    gl.renderBufferDirect = original;
  }
  return at;
}

/** The passes drawn of the latest first frame, for the progress bar (as warmQueue's fraction). */
const listeners = new Set<() => void>();
let passShare = 0;
/** a pass is under way, or drawn, that leaves the picture unfinished */
let partial = false;
export const framePassProgress = {
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  /** 0 until the first pass of a frame in passes is drawn, then the share drawn (0-1) */
  fraction: (): number => passShare,
  /**
   * True from the set-up of a pass that leaves the picture unfinished until the set-up of the pass
   * that finishes it: the overlay (labels, scale bar) is not painted over a half-drawn picture.
   */
  partial: (): boolean => partial,
};
/** The frame is marked drawn: the bar goes, and the next load's starts from its warm-up. */
export function endFramePasses(): void {
  partial = false;
  setPassShare(0);
}
function setPassShare(share: number): void {
  if (share === passShare) return;
  passShare = share;
  for (const fn of listeners) fn();
}

/** Restarts (the view changed during the passes) before the frame is drawn whole instead. */
const MAX_RESTARTS = 2;

export class FramePasses {
  /** the pass drawn next; -1: none under way */
  private pass = -1;
  /** the frame's line of draws so far in this pass (vertices or indices) */
  private length = 0;
  /** the part of the line the pass under way draws */
  private from = 0;
  private to = 0;
  /** the size of the next pass (vertices or indices), set by `paced` */
  private size = 0;
  /** the slowest pace of this frame's passes so far, vertices or indices a millisecond of GPU */
  private pace = Infinity;
  private restarts = 0;
  /** the view of pass 0: camera's view and projection matrices, canvas width and height */
  private readonly view = new Float64Array(34);
  private original: RenderBufferDirect | null = null;
  private autoClear = true;
  private autoReset = true;
  /** the frame's counts (three's info.render) after the passes drawn so far */
  private counts = { calls: 0, triangles: 0, points: 0, lines: 0 };
  private background: Scene['background'] = null;
  private scene: Scene | null = null;

  /**
   * `budget`: a frame of at most this many vertices or indices is drawn in one pass; `first`: the
   * first pass of a larger one; `min`: the smallest pass `paced` asks for.
   */
  constructor(
    private readonly budget = PASS_BUDGET,
    private readonly first = Math.min(FIRST_PASS, budget),
    private readonly min = Math.min(MIN_PASS, first),
  ) {}

  /** The next frame is a dataset's first: drawn in as many passes as its draws need. */
  start(): void {
    this.pass = 0;
    this.restarts = 0;
    setPassShare(0);
  }

  /** Before the render of a frame while passes are under way: set the pass up. */
  before(gl: WebGLRenderer, scene: Scene, camera: Camera, width: number, height: number): void {
    if (this.pass < 0) return;
    if (this.pass > 0 && !this.sameView(camera, width, height)) {
      this.pass = ++this.restarts > MAX_RESTARTS ? -1 : 0;
      if (this.pass < 0) return void (partial = false);
    }
    if (this.pass === 0) {
      this.keepView(camera, width, height);
      // A frame within the budget is one pass; a larger one starts small (its pace is unknown).
      this.length = lineLength(gl, scene, camera);
      this.from = 0;
      this.to = this.length <= this.budget ? this.length : this.first;
      this.size = this.first;
      this.pace = Infinity;
    } else {
      this.from = this.to;
      this.to = this.from + this.size;
    }
    // `length`: the line as listed (pass 0) or as the last pass drew it.
    partial = this.to < this.length;
    this.autoClear = gl.autoClear;
    this.autoReset = gl.info.autoReset;
    // Pass 0 clears; the others draw onto it (three clears for a colour background whatever
    // autoClear says: none then). The frame's counts (stats()) add up over the passes.
    gl.autoClear = this.pass === 0 && this.autoClear;
    this.scene = scene;
    this.background = scene.background;
    if (this.pass > 0) scene.background = null;
    // The counts so far are this frame's own: a render between two passes (a warm-up step, an
    // export) resets three's, so they are put back rather than added to.
    if (this.pass === 0) gl.info.reset();
    else Object.assign(gl.info.render, this.counts);
    gl.info.autoReset = false;
    const original = gl.renderBufferDirect;
    this.original = original;
    const { from, to } = this;
    /** where the next draw starts on the frame's line of draws */
    let at = 0;
    const passes = this;
    passes.length = 0;
    gl.renderBufferDirect = function (this: WebGLRenderer, cam, scn, geometry, material, object, group) {
      const { length, weight, cut } = stretchOf(this, object, geometry, material, group);
      const begin = at;
      at += length * weight;
      passes.length = at;
      // A draw left to another pass: three still calls its onAfterRender, and a segment layer's
      // takes its dead triangles off the frame's count (countLiveTriangles): given back.
      const skip = () => void (this.info.render.triangles += deadTrianglesOf(object, geometry));
      if (!cut) {
        if (begin >= from && begin < to) original.call(this, cam, scn, geometry, material, object, group);
        else skip();
        return;
      }
      // This pass's part of the draw, cut between whole segments.
      const a = Math.max(0, Math.ceil((from - begin) / weight / UNIT) * UNIT);
      const b = Math.min(length, Math.max(0, Math.ceil((to - begin) / weight / UNIT) * UNIT));
      if (b <= a) return skip();
      if (a === 0 && b === length) return original.call(this, cam, scn, geometry, material, object, group);
      const undo = cut(a, b);
      try {
        original.call(this, cam, scn, geometry, material, object, group);
        // stats() counts the picture's draws: a draw cut into parts counts once, with its first.
        if (a > 0) this.info.render.calls--;
      } finally {
        undo();
      }
    } as RenderBufferDirect;
  }

  /** After the render: undo the set-up; true when the picture is whole (the last pass was drawn). */
  after(gl: WebGLRenderer): boolean {
    if (this.pass < 0 || !this.original) {
      setPassShare(1);
      return true;
    }
    gl.renderBufferDirect = this.original;
    this.original = null;
    gl.autoClear = this.autoClear;
    gl.info.autoReset = this.autoReset;
    const { calls, triangles, points, lines } = gl.info.render;
    this.counts = { calls, triangles, points, lines };
    if (this.scene) this.scene.background = this.background;
    this.scene = null;
    this.pass++;
    // The last pass's share fills the bar (100 %) until the frame is marked drawn (endFramePasses).
    const whole = this.to >= this.length;
    setPassShare(whole ? 1 : this.to / this.length);
    partial = !whole;
    if (!whole) return false;
    this.pass = -1;
    return true;
  }

  /**
   * The GPU finished the last pass `ms` after it was submitted: the next pass is sized to take
   * about PASS_TARGET_MS at the slowest pace of the frame's passes so far (at least `min`; at most
   * what is left is drawn).
   */
  paced(ms: number): void {
    if (this.pass <= 0) return;
    this.pace = Math.min(this.pace, (this.to - this.from) / Math.max(ms, 1));
    this.size = Math.max(this.min, Math.round(this.pace * PASS_TARGET_MS));
  }

  private keepView(camera: Camera, width: number, height: number): void {
    camera.updateMatrixWorld();
    this.view.set(camera.matrixWorldInverse.elements, 0);
    this.view.set(camera.projectionMatrix.elements, 16);
    this.view[32] = width;
    this.view[33] = height;
  }

  private sameView(camera: Camera, width: number, height: number): boolean {
    camera.updateMatrixWorld();
    const v = this.view;
    // Within float noise: the controls recompute the camera's place every frame.
    const near = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y));
    const a = camera.matrixWorldInverse.elements;
    const p = camera.projectionMatrix.elements;
    for (let i = 0; i < 16; i++) if (!near(v[i], a[i]) || !near(v[16 + i], p[i])) return false;
    return v[32] === width && v[33] === height;
  }
}
