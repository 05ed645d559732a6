/**
 * A large index buffer uploaded in slices, a warm-up step each (warmQueue.ts), for three to draw
 * as a geometry's index (a GLBufferAttribute: three binds the buffer, and deletes it when the
 * geometry is disposed).
 *
 * Why: three uploads an index in one `bufferData` at its first draw. The emphasised grades' index
 * at ten million intervals is 18 MB (24 bytes an entry): one main-thread task of 95-110 ms
 * on SwiftShader, where the page waits while the GPU process takes the bytes. Here the buffer is
 * allocated without data, then filled by `bufferSubData` slices with a wait for the GPU between.
 */
import { GLBufferAttribute } from 'three';
import { gpuIdle, TEXTURE_SLICE_BYTES, type WarmTarget } from './warmUp';
import type { WarmJob } from './warmQueue';

export function* uploadIndexInSlices(target: () => WarmTarget, indices: Uint32Array): WarmJob<GLBufferAttribute> {
  const renderer = target().gl;
  const gl = renderer.getContext() as WebGL2RenderingContext;
  const buffer = gl.createBuffer();
  const bytes = indices.byteLength;
  const perSlice = TEXTURE_SLICE_BYTES / 4;
  let uploaded = false;
  try {
    for (let start = 0; start === 0 || start < indices.length; start += perSlice) {
      // An element array binding belongs to the bound vertex array object: three's state is reset
      // first (no vertex array bound; three binds its own again at its next draw).
      renderer.resetState();
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, buffer);
      if (start === 0) {
        if (bytes <= TEXTURE_SLICE_BYTES) gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.STATIC_DRAW);
        else gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, bytes, gl.STATIC_DRAW);
      }
      if (bytes > TEXTURE_SLICE_BYTES) gl.bufferSubData(gl.ELEMENT_ARRAY_BUFFER, start * 4, indices, start, Math.min(perSlice, indices.length - start));
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
      // A small index went up whole, in a moment: no wait.
      if (bytes > TEXTURE_SLICE_BYTES) yield gpuIdle(target());
    }
    uploaded = true;
  } finally {
    // Dropped half-way (a new cut-off, the layer gone): the buffer is no one's.
    if (!uploaded) gl.deleteBuffer(buffer);
  }
  return new GLBufferAttribute(buffer, gl.UNSIGNED_INT, 1, 4, indices.length);
}
