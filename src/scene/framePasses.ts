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
 */
import type { BufferGeometry, Camera, InstancedBufferGeometry, Material, Mesh, Object3D, Scene, WebGLRenderer } from 'three';
import { deadTrianglesOf, quadRangeOf, setQuadRange } from './geometry/segmentGeometry';

/**
 * Vertices or indices drawn in one pass: 500,000 triangles, about 0.6-0.8 s of SwiftShader on this
 * machine for the interval ribbons. A frame under it (the sample, 1,000 holes × 100 intervals) is
 * drawn as before, in one.
 */
export const PASS_BUDGET = 1_500_000;

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
 * A draw as a stretch of the frame's line: its length (vertices or indices, all instances) and,
 * when it can be cut, how to draw the part `a` .. `b` of that length (whole segments) and undo it.
 */
interface DrawStretch {
  length: number;
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
  if (plain && quad && instances > 1) {
    return {
      length: 6 * (quad.end - quad.base),
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
  if (!plain || instances !== 1) return { length, cut: null };
  return {
    length,
    cut: (a, b) => {
      const saved = { start: geometry.drawRange.start, count: geometry.drawRange.count };
      geometry.setDrawRange(start + a, b - a);
      return () => geometry.setDrawRange(saved.start, saved.count);
    },
  };
}

/** The passes drawn of the latest first frame, for the progress bar (as warmQueue's fraction). */
const listeners = new Set<() => void>();
let passShare = 0;
export const framePassProgress = {
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  /** 0 until the first pass of a frame in passes is drawn, then the share drawn (0-1) */
  fraction: (): number => passShare,
};
/** The frame is marked drawn: the bar goes, and the next load's starts from its warm-up. */
export function endFramePasses(): void {
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
  /** passes the frame needs, known once pass 0 has laid out every draw */
  private count = 1;
  /** the frame's line of draws so far in this pass (vertices or indices) */
  private length = 0;
  private restarts = 0;
  /** the view of pass 0: camera's view and projection matrices, canvas width and height */
  private readonly view = new Float64Array(34);
  private original: RenderBufferDirect | null = null;
  private autoClear = true;
  private autoReset = true;
  private background: Scene['background'] = null;
  private scene: Scene | null = null;

  constructor(private readonly budget = PASS_BUDGET) {}

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
      if (this.pass < 0) return;
    }
    if (this.pass === 0) this.keepView(camera, width, height);
    this.autoClear = gl.autoClear;
    this.autoReset = gl.info.autoReset;
    // Pass 0 clears; the others draw onto it (three clears for a colour background whatever
    // autoClear says: none then). The frame's counts (stats()) add up over the passes.
    gl.autoClear = this.pass === 0 && this.autoClear;
    this.scene = scene;
    this.background = scene.background;
    if (this.pass > 0) scene.background = null;
    if (this.pass === 0) gl.info.reset();
    gl.info.autoReset = false;
    const original = gl.renderBufferDirect;
    this.original = original;
    const from = this.pass * this.budget;
    const to = from + this.budget;
    /** where the next draw starts on the frame's line of draws */
    let at = 0;
    const passes = this;
    gl.renderBufferDirect = function (this: WebGLRenderer, cam, scn, geometry, material, object, group) {
      const { length, cut } = stretchOf(this, object, geometry, material, group);
      const begin = at;
      at += length;
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
      const a = Math.max(0, Math.ceil((from - begin) / UNIT) * UNIT);
      const b = Math.min(length, Math.max(0, Math.ceil((to - begin) / UNIT) * UNIT));
      if (b <= a) return skip();
      if (a === 0 && b === length) return original.call(this, cam, scn, geometry, material, object, group);
      const undo = cut(a, b);
      try {
        original.call(this, cam, scn, geometry, material, object, group);
      } finally {
        undo();
      }
    } as RenderBufferDirect;
    this.length = 0;
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
    if (this.scene) this.scene.background = this.background;
    this.scene = null;
    if (this.pass === 0) this.count = Math.max(1, Math.ceil(this.length / this.budget));
    this.pass++;
    // The last pass's share fills the bar (100 %) until the frame is marked drawn (endFramePasses).
    setPassShare(this.pass / this.count);
    if (this.pass < this.count) return false;
    this.pass = -1;
    return true;
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
