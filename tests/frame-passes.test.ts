/**
 * A large first frame drawn in passes (src/scene/framePasses.ts) must, once all its passes are
 * drawn, have drawn exactly the one frame's picture: every vertex of every draw once, in the
 * frame's order, see-through draws after every opaque one, the canvas cleared only before the
 * first pass. Checked against a stand-in renderer that records what reaches the GPU.
 */
import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry, Color, type InstancedBufferGeometry, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, PerspectiveCamera, Scene, type Material, type Object3D, type WebGLRenderer } from 'three';
import { FramePasses, framePassProgress, NO_DEPTH_TEST_WEIGHT, PASS_TARGET_MS } from '../src/scene/framePasses';
import { quadGeometry, setQuadRange, vertexCount } from '../src/scene/geometry/segmentGeometry';

interface Drawn {
  name: string;
  start: number;
  end: number;
  /** a segment layer's draw: its first and end segment, and instances */
  segments?: [number, number, number];
}

/** A renderer whose `render` calls renderBufferDirect for `draws`, in order, as three's would. */
function standInRenderer(draws: { object: Object3D; geometry: BufferGeometry; material: Material }[]) {
  const log: Drawn[][] = [];
  const clears: boolean[] = [];
  const gl = {
    autoClear: true,
    info: { autoReset: true, reset() { Object.assign(gl.info.render, { calls: 0, triangles: 0, points: 0, lines: 0 }); }, render: { calls: 0, triangles: 0, points: 0, lines: 0 } },
    renderBufferDirect(_c: unknown, _s: unknown, geometry: BufferGeometry, material: Material, object: Object3D) {
      const total = geometry.index ? geometry.index.count : (geometry.getAttribute('position')?.count ?? Infinity);
      const start = geometry.drawRange.start;
      const end = Math.min(total, start + geometry.drawRange.count);
      const u = material.userData.uniforms as { uSegBase: { value: number }; uSegEnd: { value: number } } | undefined;
      const instances = (geometry as InstancedBufferGeometry).isInstancedBufferGeometry ? (geometry as InstancedBufferGeometry).instanceCount : 1;
      log[log.length - 1].push({ name: object.name, start, end, ...(u ? { segments: [u.uSegBase.value, u.uSegEnd.value, instances] as [number, number, number] } : {}) });
      // As three's WebGLRenderer: every instance's triangles counted.
      gl.info.render.triangles += ((end - start) / 3) * instances;
      gl.info.render.calls++;
    },
    render(scene: Scene, camera: PerspectiveCamera) {
      // three clears for a colour background whatever autoClear says (WebGLBackground).
      clears.push(gl.autoClear || !!(scene.background as Color | null)?.isColor);
      if (gl.info.autoReset) gl.info.reset();
      log.push([]);
      for (const d of draws) {
        // As three's renderObject: the draw, then the object's onAfterRender.
        gl.renderBufferDirect(camera, scene, d.geometry, d.material, d.object);
        d.object.onAfterRender(gl as unknown as WebGLRenderer, scene, camera, d.geometry, d.material, null as never);
      }
      // A render that reached the GPU with no draw is the passes' listing of the frame's draws.
      if (log[log.length - 1].length === 0) {
        log.pop();
        clears.pop();
        listings.count++;
      }
    },
  };
  const listings = { count: 0 };
  return { gl, log, clears, listings };
}

function mesh(name: string, vertices: number, material: Material, range?: [number, number]): { object: Object3D; geometry: BufferGeometry; material: Material } {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(vertices * 3), 3));
  if (range) geometry.setDrawRange(range[0], range[1]);
  const object = new Mesh(geometry, material);
  object.name = name;
  return { object, geometry, material };
}

/** Draws every pass as FrameMonitor does (before, render, after) until the picture is whole. */
function drawInPasses(passes: FramePasses, gl: ReturnType<typeof standInRenderer>['gl'], scene: Scene, camera: PerspectiveCamera): number {
  passes.start();
  let frames = 0;
  for (;;) {
    passes.before(gl as unknown as WebGLRenderer, scene, camera, 800, 600);
    gl.render(scene, camera);
    frames++;
    if (passes.after(gl as unknown as WebGLRenderer)) return frames;
    if (frames > 100) throw new Error('passes never end');
  }
}

/** As drawInPasses, the GPU taking `gpuMs[k]` over pass k (FrameMonitor's `paced`); the bar's share after each pass. */
function drawPaced(passes: FramePasses, gl: ReturnType<typeof standInRenderer>['gl'], scene: Scene, camera: PerspectiveCamera, gpuMs: number[]): number[] {
  passes.start();
  const shares: number[] = [];
  for (let k = 0; ; k++) {
    passes.before(gl as unknown as WebGLRenderer, scene, camera, 800, 600);
    gl.render(scene, camera);
    const whole = passes.after(gl as unknown as WebGLRenderer);
    shares.push(framePassProgress.fraction());
    if (whole) return shares;
    // Past the list, each pass takes as long as the last listed.
    passes.paced(gpuMs[Math.min(k, gpuMs.length - 1)]);
    if (k > 100) throw new Error('passes never end');
  }
}

/** The parts drawn of each draw over all passes, joined in the order drawn. */
const joined = (log: Drawn[][]) => log.flat();

describe('the first frame in passes', () => {
  const opaque = new MeshBasicMaterial();
  const seeThrough = new MeshBasicMaterial({ transparent: true, opacity: 0.5 });
  const camera = new PerspectiveCamera();
  const scene = new Scene();
  scene.background = new Color('#eef');

  it('draws a frame under the budget as one ordinary frame', () => {
    const draws = [mesh('intervals', 600, opaque), mesh('vein', 300, seeThrough)];
    const { gl, log, clears } = standInRenderer(draws);
    expect(drawInPasses(new FramePasses(1_000), gl, scene, camera)).toBe(1);
    expect(log).toEqual([[{ name: 'intervals', start: 0, end: 600 }, { name: 'vein', start: 0, end: 300 }]]);
    expect(clears).toEqual([true]);
    expect(gl.autoClear).toBe(true);
  });

  it('cuts the frame into passes of at most the budget, between whole segments, each vertex drawn once in order', () => {
    // 2,400 + 1,200 opaque vertices (segments of 6), a line, then a see-through sheet of 900: 4,590 in all.
    const line = new Line(new BufferGeometry().setAttribute('position', new BufferAttribute(new Float32Array(30), 3)), new LineBasicMaterial());
    line.name = 'axes';
    const draws = [mesh('intervals', 2_400, opaque), mesh('traces', 1_200, opaque), { object: line, geometry: line.geometry, material: line.material as Material }, mesh('vein', 900, seeThrough)];
    const { gl, log, clears } = standInRenderer(draws);
    const frames = drawInPasses(new FramePasses(1_000), gl, scene, camera);
    // ceil(4,510 / 1,000) passes: 2,400 + 1,200 + 10 (the line) + 900 = 4,510.
    expect(frames).toBe(5);
    // Only the first pass clears (the background included): the others draw onto it.
    expect(clears).toEqual([true, false, false, false, false]);
    expect(scene.background).not.toBeNull();
    expect(gl.autoClear).toBe(true);
    // No pass draws more than the budget (rounded up to a whole segment).
    for (const pass of log) expect(pass.reduce((n, d) => n + d.end - d.start, 0)).toBeLessThanOrEqual(1_006);
    // Joined up, the passes draw each draw's vertices once, in the frame's order.
    const parts = joined(log);
    const byName = (name: string) => parts.filter((p) => p.name === name);
    for (const [name, count] of [['intervals', 2_400], ['traces', 1_200], ['vein', 900]] as const) {
      const mine = byName(name);
      expect(mine[0].start).toBe(0);
      for (let i = 1; i < mine.length; i++) expect(mine[i].start).toBe(mine[i - 1].end);
      expect(mine[mine.length - 1].end).toBe(count);
      // Cuts between whole segments (6 vertices).
      for (const p of mine.slice(0, -1)) expect(p.end % 6).toBe(0);
    }
    // The line is drawn whole, once; the see-through sheet only after every opaque vertex.
    expect(byName('axes')).toEqual([{ name: 'axes', start: 0, end: 10 }]);
    const lastOpaque = parts.map((p) => p.name).lastIndexOf('traces');
    expect(parts.findIndex((p) => p.name === 'vein')).toBeGreaterThan(lastOpaque);
  });

  it('cuts within the draw range a level of detail set', () => {
    const draws = [mesh('intervals:lod', 6_000, opaque, [1_200, 1_800])];
    const { gl, log } = standInRenderer(draws);
    expect(drawInPasses(new FramePasses(1_000), gl, scene, camera)).toBe(2);
    expect(joined(log)).toEqual([
      { name: 'intervals:lod', start: 1_200, end: 2_202 },
      { name: 'intervals:lod', start: 2_202, end: 3_000 },
    ]);
    // The range is the level of detail's again after the passes.
    expect(draws[0].geometry.drawRange).toMatchObject({ start: 1_200, count: 1_800 });
  });

  it('starts again from the first pass when the view changes between passes', () => {
    const draws = [mesh('intervals', 3_000, opaque)];
    const { gl, log, clears } = standInRenderer(draws);
    const passes = new FramePasses(1_000);
    const cam = new PerspectiveCamera();
    passes.start();
    passes.before(gl as unknown as WebGLRenderer, scene, cam, 800, 600);
    gl.render(scene, cam);
    expect(passes.after(gl as unknown as WebGLRenderer)).toBe(false);
    cam.position.set(10, 0, 0);
    passes.before(gl as unknown as WebGLRenderer, scene, cam, 800, 600);
    gl.render(scene, cam);
    passes.after(gl as unknown as WebGLRenderer);
    // The second frame was pass 0 again: it cleared and drew the first part.
    expect(clears).toEqual([true, true]);
    expect(log[1]).toEqual([{ name: 'intervals', start: 0, end: 1_002 }]);
  });

  it("cuts a segment layer's draw (a chunk index repeated as instances) by whole segments", () => {
    // Segments 1,000 .. 10,999 of a layer, as a level of detail places them: 3 instances of 4,096.
    const material = new MeshBasicMaterial();
    material.userData.uniforms = { uSegBase: { value: 0 }, uSegEnd: { value: 0 } };
    const geometry = quadGeometry(vertexCount(20_000 * 4));
    const object = new Mesh(geometry, material);
    object.name = 'intervals:lod';
    setQuadRange(object, 1_000, 10_000);
    // A plain mesh ahead of it, so each pass also leaves the layer's draw out or draws a part.
    const { gl, log } = standInRenderer([mesh('collars', 24_000, opaque), { object, geometry, material }]);
    // 24,000 vertices, then 6 indices a segment: 84,000 on the line, passes of 24,000.
    expect(drawInPasses(new FramePasses(24_000), gl, scene, camera)).toBe(4);
    expect(log.map((pass) => pass.map((d) => d.segments ?? d.name))).toEqual([['collars'], [[1_000, 5_000, 1]], [[5_000, 9_000, 1]], [[9_000, 11_000, 1]]]);
    // The triangles of the picture: the collars', then 2 a segment, none of the chunks' dead ends.
    expect(gl.info.render.triangles).toBe(8_000 + 20_000);
    // The draw is the level of detail's again after the passes.
    expect([material.userData.uniforms.uSegBase.value, material.userData.uniforms.uSegEnd.value, geometry.instanceCount]).toEqual([1_000, 11_000, 3]);
  });

  it('starts a frame over the budget with a small pass, then sizes each pass by the GPU time of the last', () => {
    // 9,000 vertices; budget 10,000 would be one pass, so a budget of 5,000 with first passes of 1,200.
    const draws = [mesh('intervals', 9_000, opaque)];
    const { gl, log, listings } = standInRenderer(draws);
    // Pass 0: 1,200 vertices in 100 ms, so the next aims at PASS_TARGET_MS (500) at 12 vertices a
    // ms: 6,000; it takes 3 × the target, so the next is a third of its size, 2,000.
    expect(PASS_TARGET_MS).toBe(500);
    const shares = drawPaced(new FramePasses(5_000, 1_200, 600), gl, scene, camera, [100, 3 * PASS_TARGET_MS, 1]);
    const sizes = log.map((pass) => pass.reduce((n, d) => n + d.end - d.start, 0));
    // Hand figures: 1,200, 6,000, then 9,000 - 7,200 = 1,800 left (under the 2,000 asked).
    expect(sizes).toEqual([1_200, 6_000, 1_800]);
    expect(joined(log).map((p) => [p.start, p.end])).toEqual([[0, 1_200], [1_200, 7_200], [7_200, 9_000]]);
    // The bar moves by the share of the line drawn: 1,200 / 9,000, 7,200 / 9,000, then whole.
    expect(shares).toEqual([1_200 / 9_000, 7_200 / 9_000, 1]);
    // The frame's draws were listed once, before pass 0.
    expect(listings.count).toBe(1);
  });

  it('never sizes a pass under the smallest, however slow the last one was', () => {
    const draws = [mesh('intervals', 3_000, opaque)];
    const { gl, log } = standInRenderer(draws);
    drawPaced(new FramePasses(2_000, 900, 600), gl, scene, camera, [1e6, 1e6, 1e6, 1e6]);
    // 900, then 600 each (whatever the GPU time asked): 900 + 600 + 600 + 600 + 300.
    expect(log.map((pass) => pass.reduce((n, d) => n + d.end - d.start, 0))).toEqual([900, 600, 600, 600, 300]);
  });

  it('draws a frame within the budget in one pass, however small the first pass', () => {
    const { gl, log, listings } = standInRenderer([mesh('intervals', 4_800, opaque)]);
    expect(drawPaced(new FramePasses(5_000, 600, 600), gl, scene, camera, [])).toEqual([1]);
    expect(log).toEqual([[{ name: 'intervals', start: 0, end: 4_800 }]]);
    expect(listings.count).toBe(1);
  });

  it('counts a draw with no depth test (the emphasised grades) several times on the line', () => {
    const overMaterial = new MeshBasicMaterial({ depthTest: false });
    // 1,200 opaque vertices, then 600 drawn over everything: a line of 1,200 + 3 × 600 = 3,000.
    expect(NO_DEPTH_TEST_WEIGHT).toBe(3);
    const { gl, log } = standInRenderer([mesh('intervals', 1_200, opaque), mesh('emphasised', 600, overMaterial)]);
    expect(drawInPasses(new FramePasses(1_000, 1_000, 1_000), gl, scene, camera)).toBe(3);
    // Pass 1 ends at 1,000 on the line: 1,002 vertices (a whole segment); pass 2 ends at 2,000, 800
    // into the emphasised draw, 800 / 3 = 266.7 of its vertices, 270 as whole segments.
    expect(joined(log).map((p) => [p.name, p.start, p.end])).toEqual([
      ['intervals', 0, 1_002],
      ['intervals', 1_002, 1_200],
      ['emphasised', 0, 270],
      ['emphasised', 270, 600],
    ]);
  });

  it('says the picture is unfinished from the set-up of a pass that leaves it so until the pass that ends it', () => {
    const { gl } = standInRenderer([mesh('intervals', 3_000, opaque)]);
    const passes = new FramePasses(1_000, 1_000, 1_000);
    const seen: boolean[] = [];
    passes.start();
    for (;;) {
      passes.before(gl as unknown as WebGLRenderer, scene, camera, 800, 600);
      seen.push(framePassProgress.partial());
      gl.render(scene, camera);
      const whole = passes.after(gl as unknown as WebGLRenderer);
      // Between passes too (a label repaint of its own would show over the half-drawn picture).
      seen.push(framePassProgress.partial());
      if (whole) break;
    }
    // Passes of 0-1,002, 1,002-2,004 and 2,004-3,000: unfinished until the third is set up.
    expect(seen).toEqual([true, true, true, true, false, false]);
    // A frame drawn in one pass never is.
    const one = standInRenderer([mesh('intervals', 600, opaque)]);
    passes.start();
    passes.before(one.gl as unknown as WebGLRenderer, scene, camera, 800, 600);
    expect(framePassProgress.partial()).toBe(false);
  });

  it('keeps to the slowest pace seen: a faster pass does not make the next one longer', () => {
    const { gl, log } = standInRenderer([mesh('intervals', 30_000, opaque)]);
    // Pass 0: 1,200 in 200 ms (6 a ms: next 3,000); pass 1: 3,000 in 100 ms (30 a ms), but the
    // next stays at 6 a ms: 3,000 again; pass 2: 3,000 in 1,000 ms (3 a ms): then 1,500; pass 3:
    // 1,500 in 1,000 ms (1.5 a ms): then 750.
    drawPaced(new FramePasses(5_000, 1_200, 600), gl, scene, camera, [200, 100, 1_000]);
    expect(log.slice(0, 5).map((pass) => pass.reduce((n, d) => n + d.end - d.start, 0))).toEqual([1_200, 3_000, 3_000, 1_500, 750]);
  });

  it("counts the frame's draws and triangles over its passes, whatever is rendered between them", () => {
    const { gl } = standInRenderer([mesh('intervals', 3_000, opaque)]);
    const other = standInRenderer([mesh('export tile', 600, opaque)]);
    // The export's renderer is the same WebGLRenderer: its render resets the counts (autoReset).
    const passes = new FramePasses(1_000, 1_000, 1_000);
    passes.start();
    for (;;) {
      passes.before(gl as unknown as WebGLRenderer, scene, camera, 800, 600);
      gl.render(scene, camera);
      if (passes.after(gl as unknown as WebGLRenderer)) break;
      // Between passes: another render through the same counts.
      other.gl.info = gl.info;
      other.gl.render(scene, camera);
    }
    // Passes of 1,002, 1,002 and 996 vertices: 1,000 triangles and one draw (its three parts
    // count once), as one frame of it.
    expect(gl.info.render).toMatchObject({ calls: 1, triangles: 1_000 });
  });
});
