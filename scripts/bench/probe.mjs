/**
 * Code that runs inside the benchmarked page. `installProbe` is passed to page.addInitScript, so it
 * runs before the app's own scripts on every navigation; the other functions are passed to
 * page.evaluate. Everything here is plain browser JavaScript (no closures over Node values).
 *
 * The probe records, in window.__bench:
 *   - longtasks: every main-thread task over 50 ms (PerformanceObserver 'longtask'), with start and duration;
 *   - loafs: long animation frames with their script attribution (invoker, source, duration);
 *   - phases: each change of the store's load phase (reading, parsing, validating, building,
 *     drawing), the moment the dataset is stored and the moment it is first drawn;
 *   - progress: each change of the store's `loading` (phase, fraction) and of the progress bar's value
 *     (which moves on after the dataset is stored, as the 3D layers get ready);
 *   - inputs: when a file was chosen in the Open… control (the input's change event);
 *   - workerDone: how long the main thread took to deserialise the worker's dataset message (the
 *     structured clone of the model and prepared buffers) and to run its handler; workerExtras the
 *     same for the pick indexes and vein grids that follow it;
 *   - gl: calls, main-thread milliseconds and bytes of the WebGL calls that upload or draw, so a
 *     filter change can be checked to upload nothing.
 */

export function installProbe() {
  const B = (window.__bench = { longtasks: [], loafs: [], phases: [], progress: [], inputs: [], gl: {}, errors: [] });
  // The moment a file is chosen in the Open… control (its change event, before the app's own
  // listener): the start of a load from the file input.
  document.addEventListener('change', (e) => e.target && e.target.type === 'file' && B.inputs.push(now()), true);
  const now = () => performance.now();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    B.errors.push(`longtask observer: ${e}`);
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          renderStart: e.renderStart,
          scripts: (e.scripts || []).map((s) => ({
            invoker: s.invoker,
            type: s.invokerType,
            fn: s.sourceFunctionName,
            src: s.sourceURL ? s.sourceURL.replace(/^.*\//, '') : '',
            start: s.startTime,
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {
    B.errors.push(`long-animation-frame observer: ${e}`);
  }

  // WebGL accounting: wrap the calls that move data to the GPU or draw.
  const bytesOfView = (v) => (v && typeof v.byteLength === 'number' ? v.byteLength : typeof v === 'number' ? v : 0);
  const wrap = (proto, name, bytes) => {
    const orig = proto[name];
    if (typeof orig !== 'function') return;
    proto[name] = function (...args) {
      const s = (B.gl[name] ??= { calls: 0, ms: 0, bytes: 0 });
      const t = now();
      try {
        return orig.apply(this, args);
      } finally {
        s.ms += now() - t;
        s.calls++;
        if (bytes) s.bytes += bytes(args);
      }
    };
  };
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    const P = C.prototype;
    wrap(P, 'bufferData', (a) => bytesOfView(a[1]));
    wrap(P, 'bufferSubData', (a) => {
      const src = a[2];
      if (!src || typeof src.byteLength !== 'number') return 0;
      const per = src.BYTES_PER_ELEMENT || 1;
      return a[4] ? a[4] * per : src.byteLength - (a[3] || 0) * per;
    });
    // A texture upload moves width × height (× depth) texels, not its whole source array: the app
    // uploads a large data texture a band of rows at a time from one array (srcOffset).
    const CHANNELS = { 6403: 1, 36244: 1, 33319: 2, 33320: 2, 6407: 3, 36248: 3, 6408: 4, 36249: 4 };
    const texelBytes = (a, w, h, d, format, src) => {
      if (!src || typeof src.byteLength !== 'number') return 0;
      const n = CHANNELS[a[format]];
      const per = src.BYTES_PER_ELEMENT || 1;
      return n && typeof a[w] === 'number' ? Math.min(src.byteLength, a[w] * a[h] * (d === null ? 1 : a[d]) * n * per) : src.byteLength;
    };
    const srcOf = (a) => a.find((x) => x && typeof x.byteLength === 'number');
    wrap(P, 'texImage2D', (a) => (a.length >= 9 ? texelBytes(a, 3, 4, null, 6, srcOf(a)) : bytesOfView(srcOf(a))));
    wrap(P, 'texSubImage2D', (a) => (a.length >= 9 ? texelBytes(a, 4, 5, null, 6, srcOf(a)) : bytesOfView(srcOf(a))));
    wrap(P, 'texImage3D', (a) => texelBytes(a, 3, 4, 5, 7, srcOf(a)));
    wrap(P, 'texSubImage3D', (a) => texelBytes(a, 5, 6, 7, 8, srcOf(a)));
    for (const n of ['compileShader', 'linkProgram', 'getProgramParameter', 'getShaderParameter', 'drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) wrap(P, n, null);
  }

  // Canvas resizes: reallocating a WebGL drawing buffer waits for the GPU process.
  for (const dim of ['width', 'height']) {
    const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, dim);
    if (!d || !d.set) continue;
    Object.defineProperty(HTMLCanvasElement.prototype, dim, {
      configurable: true,
      enumerable: d.enumerable,
      get() {
        return d.get.call(this);
      },
      set(value) {
        const t = now();
        try {
          d.set.call(this, value);
        } finally {
          const s = (B.gl.canvasResize ??= { calls: 0, ms: 0, bytes: 0, log: [] });
          const dt = now() - t;
          s.calls++;
          s.ms += dt;
          if (s.log.length < 50) s.log.push({ t, dim, value, ms: dt });
        }
      },
    });
  }

  // Time the deserialisation of the worker's result on the main thread (e.data is cloned on first access).
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  if (desc && desc.set) {
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      enumerable: desc.enumerable,
      get() {
        return desc.get.call(this);
      },
      set(fn) {
        desc.set.call(
          this,
          typeof fn !== 'function'
            ? fn
            : function (e) {
                const t0 = now();
                const d = e.data;
                const t1 = now();
                try {
                  return fn.call(this, e);
                } finally {
                  // The dataset message ('done' or 'failed'); the 'extras' that may follow it
                  // (pick indexes, vein grids) are recorded apart. The in-view count answers the
                  // worker sends afterwards ('counts') are not load messages.
                  if (d && d.type === 'extras') B.workerExtras = { at: t0, deserializeMs: t1 - t0, handlerMs: now() - t1 };
                  else if (d && (d.type === 'done' || d.type === 'failed')) B.workerDone = { at: t0, type: d.type, deserializeMs: t1 - t0, handlerMs: now() - t1 };
                }
              },
        );
      },
    });
  }

  // The progress bar itself: after the dataset is stored the store's `loading` is gone, and the
  // bar moves on (90 -> 100 %) as the 3D layers get ready (src/ui/StatusBar.tsx). Each change of
  // its value counts as an update the user sees.
  let lastBar = null;
  const checkBar = () => {
    const el = document.querySelector('[data-testid=progress]');
    const v = el ? el.getAttribute('aria-valuenow') : null;
    if (v !== lastBar && v !== null) B.progress.push({ t: now(), phase: `bar:${el.getAttribute('data-phase') ?? ''}`, fraction: Number(v) / 100 });
    lastBar = v;
  };
  new MutationObserver(checkBar).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });

  // Follow the store's load phases from the moment the app creates window.veinscape.
  let api;
  Object.defineProperty(window, 'veinscape', {
    configurable: true,
    enumerable: true,
    get: () => api,
    set: (v) => {
      api = v;
      try {
        let last = null;
        let lastLoading = null;
        const record = (s) => {
          const phase = s.loading ? s.loading.phase : s.version > 0 ? (s.renderedVersion === s.version ? 'drawn' : 'stored') : 'idle';
          if (phase !== last) {
            B.phases.push({ phase, t: now() });
            last = phase;
          }
          // Every change of the progress the user sees (the store's loading phase or fraction),
          // for the longest wait between two updates ("the progress never stalls").
          const l = s.loading;
          if (l !== lastLoading && (!l || !lastLoading || l.phase !== lastLoading.phase || l.fraction !== lastLoading.fraction)) B.progress.push({ t: now(), phase: l ? l.phase : null, fraction: l ? l.fraction : null });
          lastLoading = l;
        };
        record(v.store.getState());
        v.store.subscribe(record);
      } catch (e) {
        B.errors.push(`store hook: ${e}`);
      }
    },
  });
}

/** In the page: fetch the file as text and time JSON.parse on it (main thread) a few times. */
export async function timeJsonParse({ url, repeat }) {
  const t0 = performance.now();
  const res = await fetch(url);
  const text = await res.text();
  const fetchMs = performance.now() - t0;
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const a = performance.now();
    let doc = JSON.parse(text);
    times.push(performance.now() - a);
    if (!doc || typeof doc !== 'object') throw new Error('not an object');
    doc = null;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { chars: text.length, fetchMs, times };
}

/**
 * In a blank page: the least a frame of `triangles` triangles costs in this browser's WebGL, with
 * nothing of the app. Small camera-facing quads (two triangles each) like the interval ribbons at
 * the opening view of a large deposit, 0.2-2 px long and 2.5 px wide, scattered over the middle of
 * a canvas of the app's size, depth-tested, drawn by one indexed call with a pass-through vertex
 * shader and a constant colour: no texture reads, no lighting, no filters. A lower bound for the
 * app's first frame (its veins are larger triangles, its shaders do more), which `ready()` waits
 * for. Times from the draw call to the GPU's answer (a 1-pixel readPixels); the first frame also
 * pays for building the pipeline.
 */
export function timeBareFrame({ width, height, triangles, repeat }) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.append(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false });
  if (!gl) return null;
  const quads = Math.ceil(triangles / 2);
  const pos = new Float32Array(quads * 4 * 3);
  const index = new Uint32Array(quads * 6);
  // A fixed linear congruential sequence: the same quads every run.
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const px = 2 / width;
  const py = 2 / height;
  for (let q = 0; q < quads; q++) {
    const cx = (rnd() - 0.5) * 1.2;
    const cy = (rnd() - 0.5) * 1.2;
    const z = rnd() * 1.8 - 0.9;
    const angle = rnd() * Math.PI;
    const half = (0.2 + 1.8 * rnd()) / 2;
    const ax = Math.cos(angle) * half * px;
    const ay = Math.sin(angle) * half * py;
    const sx = -Math.sin(angle) * 1.25 * px;
    const sy = Math.cos(angle) * 1.25 * py;
    const corners = [[-ax - sx, -ay - sy], [-ax + sx, -ay + sy], [ax - sx, ay - sy], [ax + sx, ay + sy]];
    for (let k = 0; k < 4; k++) pos.set([cx + corners[k][0], cy + corners[k][1], z], (q * 4 + k) * 3);
    index.set([q * 4, q * 4 + 1, q * 4 + 2, q * 4 + 2, q * 4 + 1, q * 4 + 3], q * 6);
  }
  const shader = (type, src) => {
    const sh = gl.createShader(type);
    gl.shaderSource(sh, src);
    gl.compileShader(sh);
    return sh;
  };
  const program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, '#version 300 es\nin vec3 p;\nvoid main() { gl_Position = vec4(p, 1.0); }'));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, '#version 300 es\nprecision mediump float;\nout vec4 c;\nvoid main() { c = vec4(0.8, 0.5, 0.2, 1.0); }'));
  gl.bindAttribLocation(program, 0, 'p');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return null;
  gl.useProgram(program);
  const vbo = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
  gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 3, gl.FLOAT, false, 0, 0);
  const ibo = gl.createBuffer();
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ibo);
  gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, index, gl.STATIC_DRAW);
  gl.enable(gl.DEPTH_TEST);
  gl.viewport(0, 0, width, height);
  const pixel = new Uint8Array(4);
  const frame = () => {
    gl.clearColor(1, 1, 1, 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    const t = performance.now();
    gl.drawElements(gl.TRIANGLES, index.length, gl.UNSIGNED_INT, 0);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return performance.now() - t;
  };
  // The upload is not timed: the first frame waits for it here, not in its draw.
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const first = frame();
  const times = [];
  for (let i = 0; i < repeat; i++) times.push(frame());
  return { triangles: quads * 2, first, times };
}

/** In the page: the software WebGL renderer string. */
export function webglRenderer() {
  const gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
  if (!gl) return { renderer: 'no WebGL', vendor: '' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    renderer: ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    vendor: ext ? gl.getParameter(ext.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
    version: gl.getParameter(gl.VERSION),
  };
}

/** In the page: what is loaded and drawn once ready. */
export function loadedState() {
  const v = window.veinscape;
  const s = v.store.getState();
  const p = s.prepared;
  return {
    stats: v.stats(),
    report: s.report && { ok: s.report.ok, counts: s.report.counts, errors: s.report.errors.slice(0, 5), errorCount: s.report.errors.length, warningCount: s.report.warnings.length },
    segments: p ? { intervals: p.intervals.count, traces: p.traces.count, surfaceVertices: p.surfaces.reduce((n, b) => n + b.positions.length / 3, 0), surfaceTriangles: p.surfaces.reduce((n, b) => n + b.indices.length / 3, 0) } : null,
    bounds: p ? p.bounds : null,
    canvas: (() => {
      const c = document.querySelector('.viewer canvas:not(.overlay)');
      return c ? { width: c.width, height: c.height } : null;
    })(),
    memory: performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize, limit: performance.memory.jsHeapSizeLimit } : null,
    // The app marks its first frame that shows the dataset's surfaces and collars (GPU finished).
    firstPictureMs: performance.getEntriesByName('veinscape:first-picture')[0]?.startTime ?? null,
  };
}

/**
 * In the page: apply a filter patch and measure its main-thread cost in parts: the synchronous store
 * update with its subscribers and the React work it schedules as microtasks, then the next frame
 * (rAF timestamp to the end of the renderer's callback), and what it uploaded.
 */
export async function changeFilters(patch) {
  const v = window.veinscape;
  const B = window.__bench;
  // (helpers inline: page.evaluate sends this function's source only)
  const uploadBytes = (b) => ['bufferData', 'bufferSubData', 'texImage2D', 'texSubImage2D', 'texImage3D', 'texSubImage3D'].reduce((n, k) => n + (b.gl[k]?.bytes ?? 0), 0);
  const glMs = (b) => Object.values(b.gl).reduce((n, s) => n + s.ms, 0);
  const st0 = v.stats();
  const up0 = uploadBytes(B);
  const gl0 = glMs(B);
  let frameMs = null;
  const t0 = performance.now();
  if (patch === null) v.store.getState().resetFilters();
  else v.store.getState().setFilters(patch);
  const syncMs = performance.now() - t0;
  await null;
  const microMs = performance.now() - t0;
  // Registered after the renderer's own callback (the change asked for a frame first), so this runs
  // right after the frame is drawn: its timestamp is the frame's start.
  // Then read one pixel back: that waits until the GPU process (SwiftShader here) has drawn the
  // frame, which is when the user sees the change. The wait is reported apart from the main-thread work.
  const c = document.querySelector('.viewer canvas:not(.overlay)') || document.querySelector('canvas');
  const gl = c.getContext('webgl2');
  let gpuWaitMs = null;
  await new Promise((r) =>
    requestAnimationFrame((ts) => {
      const a = performance.now();
      frameMs = a - ts;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      gpuWaitMs = performance.now() - a;
      r();
    }),
  );
  const visibleMs = performance.now() - t0;
  await v.ready();
  const st1 = v.stats();
  return { syncMs, microMs, frameMs, gpuWaitMs, visibleMs, glMs: glMs(B) - gl0, uploadBytes: uploadBytes(B) - up0, geometries: st1.geometries - st0.geometries, frames: st1.frames - st0.frames };
}

/** In the page: a no-op of the same shape, for the baseline of the task-time measurement. */
export async function noChange() {
  await null;
  await new Promise((r) => requestAnimationFrame(() => r()));
  await window.veinscape.ready();
}

/** In the page: a visible interval to click at (canvas CSS px and viewport px), or the canvas centre. */
export function pickTarget() {
  const v = window.veinscape;
  const s = v.store.getState();
  const p = s.prepared;
  const c = document.querySelector('.viewer canvas:not(.overlay)') || document.querySelector('canvas');
  const r = c.getBoundingClientRect();
  const b = p.intervals;
  // Scan from the middle of the buffer for an interval drawn on screen, well inside the canvas.
  for (let k = 0; k < 2000 && k < b.count; k++) {
    const i = (Math.floor(b.count / 2) + k * 7919) % b.count;
    const w = [0, 1, 2].map((j) => (b.start[i * 3 + j] + b.end[i * 3 + j]) / 2 + p.origin[j]);
    const xy = v.project(w);
    if (xy && xy[0] > 40 && xy[1] > 40 && xy[0] < r.width - 40 && xy[1] < r.height - 40) return { x: r.left + xy[0], y: r.top + xy[1], interval: i };
  }
  return { x: r.left + r.width / 2, y: r.top + r.height / 2, interval: -1 };
}

/**
 * In the page: before a click, hook the window (capture phase, first listener) and the store's
 * `select` (what the pick calls once it has found something, or with null) to time the pick itself.
 */
export function armPick() {
  const v = window.veinscape;
  const B = window.__bench;
  const st = v.store.getState();
  const select = st.select;
  B.pick = { start: null, selectAt: null, end: null, selection: undefined };
  const onCapture = () => (B.pick.start = performance.now());
  const onBubble = () => {
    B.pick.end = performance.now();
    window.removeEventListener('pointerup', onCapture, true);
    window.removeEventListener('pointerup', onBubble, false);
  };
  window.addEventListener('pointerup', onCapture, true);
  window.addEventListener('pointerup', onBubble, false);
  v.store.setState({
    select: (sel) => {
      if (B.pick.selectAt === null) B.pick.selectAt = performance.now();
      B.pick.selection = sel;
      v.store.setState({ select });
      return select(sel);
    },
  });
}

export async function pickResult() {
  // Wait for the frame that shows the selection to be drawn by the GPU, then for a still picture.
  const c = document.querySelector('.viewer canvas:not(.overlay)') || document.querySelector('canvas');
  const gl = c.getContext('webgl2');
  let gpuWaitMs = null;
  await new Promise((r) =>
    requestAnimationFrame(() => {
      const a = performance.now();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      gpuWaitMs = performance.now() - a;
      r();
    }),
  );
  const p = window.__bench.pick;
  const visibleMs = p.start !== null ? performance.now() - p.start : null;
  await window.veinscape.ready();
  return {
    visibleMs,
    gpuWaitMs,
    pickMs: p.selectAt !== null && p.start !== null ? p.selectAt - p.start : null,
    eventMs: p.end !== null && p.start !== null ? p.end - p.start : null,
    hit: !!p.selection,
    selection: p.selection ?? null,
  };
}

