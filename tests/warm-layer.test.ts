import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry, DataTexture, MeshBasicMaterial, PerspectiveCamera, Scene, type WebGLRenderer } from 'three';
import { uploadTextureInSlices, warmLayer, type WarmTarget } from '../src/scene/warmUp';
import { uploadIndexInSlices } from '../src/scene/indexUpload';

/**
 * A renderer stand-in that records what the warm-up asks of it. `compile` adds a program the first
 * time it sees a material (three's program cache); there is no WebGL context, so a wait for the GPU
 * resolves at once and is counted as a yielded promise.
 */
function fakeTarget() {
  const calls: string[] = [];
  const programs: object[] = [];
  const seen = new Set<unknown>();
  const gl = {
    info: { programs, render: { calls: 0, triangles: 0, points: 0, lines: 0, frame: 0 } },
    autoClear: true,
    compile(mesh: { material: unknown }) {
      calls.push('compile');
      if (!seen.has(mesh.material)) {
        seen.add(mesh.material);
        programs.push({});
      }
    },
    initTexture() {
      calls.push('texture');
    },
    render() {
      calls.push('render');
    },
    getContext: () => null,
  } as unknown as WebGLRenderer;
  const target: WarmTarget = { gl, scene: new Scene(), camera: new PerspectiveCamera() };
  return { target, calls };
}

function geometry(): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
  g.setIndex([0, 1, 2]);
  return g;
}

/** Runs a warm-up job to its end; returns how many times it waited for the GPU. */
function waits(job: ReturnType<typeof warmLayer>): number {
  let n = 0;
  for (let r = job.next(); !r.done; r = job.next()) if (r.value) n++;
  return n;
}

describe('a layer warm-up', () => {
  const texture = () => new DataTexture(new Float32Array(4), 1, 1);

  it('waits for the GPU after each step of a large layer: program, each texture, link, buffers', () => {
    const { target, calls } = fakeTarget();
    const material = new MeshBasicMaterial();
    expect(waits(warmLayer(() => target, geometry(), () => material, true, [texture(), texture()]))).toBe(5);
    expect(calls.filter((c) => c === 'texture')).toHaveLength(2);
  });

  it('does not wait after the uploads of a small layer whose program three already has', () => {
    const { target } = fakeTarget();
    const material = new MeshBasicMaterial();
    // The first layer with this material compiles its program: one wait, for the compile.
    expect(waits(warmLayer(() => target, geometry(), () => material, false, [texture()]))).toBe(1);
    // Every later small layer sharing it (each vein sheet, each fault) goes through without a wait.
    expect(waits(warmLayer(() => target, geometry(), () => material, false, [texture()]))).toBe(0);
  });

  it('ends normally when a step fails (the layer is then drawn, prepared by three in its frame)', () => {
    const { target, calls } = fakeTarget();
    (target.gl as unknown as { initTexture: () => void }).initTexture = () => {
      calls.push('texture');
      throw new Error('context lost');
    };
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const job = warmLayer(() => target, geometry(), () => new MeshBasicMaterial(), true, [texture(), texture()]);
      let r = job.next();
      while (!r.done) r = job.next();
      expect(r.done).toBe(true);
    } finally {
      console.error = error;
    }
    // It stopped at the failing upload (the second texture was never tried) and said so.
    expect(calls.filter((c) => c === 'texture')).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  it('still waits after a large layer whose program is cached, once per upload', () => {
    const { target } = fakeTarget();
    const material = new MeshBasicMaterial();
    waits(warmLayer(() => target, geometry(), () => material, false));
    expect(waits(warmLayer(() => target, geometry(), () => material, true, [texture()]))).toBe(2);
  });
});

describe('a large data texture goes up in slices of whole rows', () => {
  /**
   * A renderer stand-in that uploads as three does: a texture whose data is not ready is only
   * allocated (no row); else the update ranges if any (then clears them), else all; onUpdate after
   * each upload.
   */
  function uploader() {
    const uploads: { rows: number[]; hadData: boolean }[] = [];
    const gl = {
      initTexture(t: DataTexture) {
        const width = t.image.width;
        if (!t.source.dataReady) {
          uploads.push({ rows: [], hadData: t.image.data !== null });
          t.onUpdate?.(t);
          return;
        }
        const rows = t.updateRanges.length ? t.updateRanges.map((r) => r.start / 4 / width) : [...Array(t.image.height).keys()];
        uploads.push({ rows, hadData: t.image.data !== null });
        t.clearUpdateRanges();
        t.onUpdate?.(t);
      },
      getContext: () => null,
    } as unknown as WebGLRenderer;
    return { target: { gl, scene: new Scene(), camera: new PerspectiveCamera() } as WarmTarget, uploads };
  }

  it('uploads every row once, in order, in slices of at most 4 MB, and lets the data go only after the last', () => {
    // 4,096 x 300 RGBA float texels: 64 KB a row, 19 MB in all.
    const width = 4096;
    const height = 300;
    const t = new DataTexture(new Float32Array(width * height * 4), width, height);
    let released = 0;
    t.onUpdate = () => {
      released++;
      (t.image as { data: Float32Array | null }).data = null;
    };
    const { target, uploads } = uploader();
    const job = uploadTextureInSlices(() => target, t, true);
    let waited = 0;
    for (let r = job.next(); !r.done; r = job.next()) if (r.value) waited++;
    // A wait for the GPU after the storage is made (an upload of no row) and after each slice.
    expect(waited).toBe(6);
    // 4 MB / 64 KB a row = 64 rows a slice: 300 rows -> 5 slices (64 x 4 + 44).
    expect(uploads.map((u) => u.rows.length)).toEqual([0, 64, 64, 64, 64, 44]);
    expect(uploads.flatMap((u) => u.rows)).toEqual([...Array(height).keys()]);
    expect(uploads.every((u) => u.hadData)).toBe(true);
    expect(released).toBe(1);
    expect(t.image.data).toBeNull();
  });

  it('uploads a small texture whole, once', () => {
    // 4,096 x 10 RGBA float texels: 640 KB.
    const t = new DataTexture(new Float32Array(4096 * 10 * 4), 4096, 10);
    const { target, uploads } = uploader();
    const job = uploadTextureInSlices(() => target, t, true);
    for (let r = job.next(); !r.done; r = job.next());
    expect(uploads).toEqual([{ rows: [...Array(10).keys()], hadData: true }]);
  });
});

/**
 * The emphasised grades' index at ten million intervals (18 MB) went up in one `bufferData` at
 * the first frame, a main-thread task of about 0.1 s; now in slices, a warm-up step each
 * (src/scene/indexUpload.ts). A stand-in context keeps what the buffer receives.
 */
describe('an index uploaded in slices', () => {
  function fakeContext() {
    const log: string[] = [];
    let store = new Uint32Array(0);
    const deleted: unknown[] = [];
    const buffer = { name: 'index' };
    const ctx = {
      ELEMENT_ARRAY_BUFFER: 34963,
      STATIC_DRAW: 35044,
      UNSIGNED_INT: 5125,
      createBuffer: () => buffer,
      bindBuffer: (_t: number, b: unknown) => log.push(b ? 'bind' : 'unbind'),
      bufferData: (_t: number, data: number | Uint32Array) => {
        log.push(typeof data === 'number' ? `allocate ${data}` : `data ${data.byteLength}`);
        store = typeof data === 'number' ? new Uint32Array(data / 4) : data.slice();
      },
      bufferSubData: (_t: number, offset: number, src: Uint32Array, from: number, count: number) => {
        log.push(`slice ${offset} ${count}`);
        store.set(src.subarray(from, from + count), offset / 4);
      },
      deleteBuffer: (b: unknown) => deleted.push(b),
    };
    const gl = { getContext: () => ctx, resetState: () => log.push('reset') } as unknown as WebGLRenderer;
    const target: WarmTarget = { gl, scene: new Scene(), camera: new PerspectiveCamera() };
    return { target, log, deleted, buffer, stored: () => store };
  }

  it('a 10 MB index: three slices of at most 4 MB, a wait for the GPU after each, the same indices on the GPU', () => {
    const { target, log, stored, buffer } = fakeContext();
    // 2.5 slices of 4 MiB (1,048,576 indices each): 2,621,440 indices.
    const indices = Uint32Array.from({ length: 2_621_440 }, (_, i) => (i * 7) % 1_000_003);
    const job = uploadIndexInSlices(() => target, indices);
    let waited = 0;
    let r = job.next();
    for (; !r.done; r = job.next()) if (r.value) waited++;
    expect(waited).toBe(3);
    expect(log.filter((l) => !['reset', 'bind', 'unbind'].includes(l))).toEqual(['allocate 10485760', 'slice 0 1048576', 'slice 4194304 1048576', 'slice 8388608 524288']);
    // (compared as bytes: a deep equality of 2.6 M numbers is slow)
    expect(Buffer.from(stored().buffer).equals(Buffer.from(indices.buffer))).toBe(true);
    // Drawn by three as the geometry's index: this buffer, 32-bit, every index.
    expect(r.value.buffer).toBe(buffer);
    expect([r.value.type, r.value.elementSize, r.value.count]).toEqual([5125, 4, 2_621_440]);
  });

  it('a small index goes up whole, without a wait', () => {
    const { target, log, stored } = fakeContext();
    const indices = new Uint32Array([4, 5, 6, 6, 5, 7]);
    const job = uploadIndexInSlices(() => target, indices);
    const first = job.next();
    expect(first.done).toBe(true);
    expect(log.filter((l) => l.startsWith('data') || l.startsWith('slice') || l.startsWith('allocate'))).toEqual(['data 24']);
    expect(Array.from(stored())).toEqual([4, 5, 6, 6, 5, 7]);
  });

  it('dropped half-way (a new cut-off first), its buffer is deleted', () => {
    const { target, deleted, buffer } = fakeContext();
    const job = uploadIndexInSlices(() => target, new Uint32Array(2_621_440));
    job.next();
    job.return(undefined as never);
    expect(deleted).toEqual([buffer]);
  });
});
