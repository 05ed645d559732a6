/**
 * Indexed triangle buffers for a surface, local float32 coordinates with smooth normals and a
 * fault block mask per vertex. A triangle takes the block of its centroid; a vertex shared by
 * triangles of different blocks is duplicated, so each piece moves whole along the fault.
 */
import type { SurfaceLevel } from './surfaceLod';
import type { Vec3 } from './vec3';

export interface SurfaceBuffer {
  /** local [x, y, z, ...] m */
  positions: Float32Array;
  normals: Float32Array;
  /** fault block mask per vertex */
  masks: Float32Array;
  indices: Uint32Array;
  /** [minX, minY, minZ, maxX, maxY, maxZ] of `positions` (local m), when already known */
  bounds?: Float64Array;
  /** simplified copies (surfaceLod.ts), when built with the buffer during the load; absent: asked for when first drawn */
  levels?: SurfaceLevel[];
}

export function buildSurfaceBuffer(
  vertices: Float64Array,
  triangles: Uint32Array,
  origin: Vec3,
  maskOf: ((p: Vec3) => number) | null,
): SurfaceBuffer {
  const nTri = triangles.length / 3;
  const triMask = new Float64Array(nTri);
  if (maskOf) {
    // One scratch point for every centroid (maskOf does not keep it): millions of triangles.
    const c: Vec3 = [0, 0, 0];
    for (let t = 0; t < nTri; t++) {
      c[0] = 0; c[1] = 0; c[2] = 0;
      for (let k = 0; k < 3; k++) {
        const v = triangles[t * 3 + k] * 3;
        c[0] += vertices[v] / 3; c[1] += vertices[v + 1] / 3; c[2] += vertices[v + 2] / 3;
      }
      triMask[t] = maskOf(c);
    }
  }
  // (vertex, mask) → output vertex, with one lookup array per distinct mask (there are few blocks).
  const nv = vertices.length / 3;
  const lookup = new Map<number, Int32Array>();
  const outIndex = new Uint32Array(triangles.length);
  const src = new Uint32Array(triangles.length > 0 ? Math.max(nv, 1) * 2 : 1);
  let srcLen = 0;
  let srcArr = src;
  const srcMaskList: number[] = [];
  for (let t = 0; t < nTri; t++) {
    const m = triMask[t];
    let table = lookup.get(m);
    if (!table) {
      table = new Int32Array(nv).fill(-1);
      lookup.set(m, table);
    }
    for (let k = 0; k < 3; k++) {
      const v = triangles[t * 3 + k];
      let o = table[v];
      if (o < 0) {
        o = srcLen++;
        if (o >= srcArr.length) {
          const grown = new Uint32Array(srcArr.length * 2);
          grown.set(srcArr);
          srcArr = grown;
        }
        srcArr[o] = v;
        srcMaskList.push(m);
        table[v] = o;
      }
      outIndex[t * 3 + k] = o;
    }
  }
  const srcMask = srcMaskList;
  const srcUsed = srcArr.subarray(0, srcLen);
  const positions = new Float32Array(srcUsed.length * 3);
  for (let i = 0; i < srcUsed.length; i++) {
    const v = srcUsed[i];
    positions[i * 3] = vertices[v * 3] - origin[0];
    positions[i * 3 + 1] = vertices[v * 3 + 1] - origin[1];
    positions[i * 3 + 2] = vertices[v * 3 + 2] - origin[2];
  }
  return { positions, normals: vertexNormals(positions, outIndex), masks: Float32Array.from(srcMask), indices: outIndex };
}

/** Area-weighted smooth vertex normals. */
export function vertexNormals(p: Float32Array, idx: Uint32Array): Float32Array {
  const n = new Float32Array(p.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t] * 3, b = idx[t + 1] * 3, c = idx[t + 2] * 3;
    const ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    n[a] += nx; n[a + 1] += ny; n[a + 2] += nz;
    n[b] += nx; n[b + 1] += ny; n[b + 2] += nz;
    n[c] += nx; n[c + 1] += ny; n[c + 2] += nz;
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]) || 1;
    n[i] /= l; n[i + 1] /= l; n[i + 2] /= l;
  }
  return n;
}
