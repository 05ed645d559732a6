/**
 * Waits, without blocking the page, until the GPU has finished every command issued so far.
 *
 * A render call only queues work: on software WebGL (SwiftShader) the GPU process may still be
 * rasterising a large deposit for seconds after the JavaScript returned. `veinscape.ready()` uses
 * this so "ready" means the picture is on screen, not merely submitted. A WebGL2 fence is polled
 * between tasks (its status only changes then, per the WebGL 2 spec); `readPixels` would block
 * the main thread for the whole frame instead.
 */
export async function gpuFinished(gl: WebGLRenderingContext | WebGL2RenderingContext | null | undefined): Promise<void> {
  if (!gl || !('fenceSync' in gl) || gl.isContextLost()) return;
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return;
  gl.flush();
  try {
    // Polls 1, 1, 2, 4 then every 8 ms: a small step is answered within a millisecond or two (the
    // layer warm-up waits like this after each of its dozens of steps), a software frame of
    // seconds costs a poll every 8 ms, and the page stays idle meanwhile.
    for (let k = 0; !gl.isContextLost() && gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED; k++) {
      await new Promise((r) => setTimeout(r, Math.min(8, 1 << Math.max(0, k - 1))));
    }
  } finally {
    gl.deleteSync(sync);
  }
}
