/**
 * The cursor's point on the veins (src/domain/pickSurface.ts) asks for each fault block's shift
 * once per ray, not once per vertex (6 M calls per cursor move over 2 M vein triangles), and still
 * puts each triangle where its block is drawn.
 */
import { describe, expect, it } from 'vitest';
import { raycastSurfaces } from '../src/domain/pickSurface';
import type { Vec3 } from '../src/domain/vec3';

describe('raycastSurfaces', () => {
  // Two unit-less triangles side by side in z = 0: x 0-10 on block 1, x 20-30 on block 2.
  const s = {
    positions: Float32Array.from([0, 0, 0, 10, 0, 0, 0, 10, 0, 20, 0, 0, 30, 0, 0, 20, 10, 0]),
    normals: new Float32Array(18),
    masks: Float32Array.from([1, 1, 1, 2, 2, 2]),
    indices: Uint32Array.from([0, 1, 2, 3, 4, 5]),
  };
  const shifts: Record<number, Vec3> = { 1: [0, 0, 5], 2: [0, 0, -7] };

  it('one call per fault block, each triangle moved by its own block', () => {
    const asked: number[] = [];
    const shiftOf = (mask: number): Vec3 => {
      asked.push(mask);
      return shifts[mask];
    };
    const a = raycastSurfaces([2, 2, 50], [0, 0, -1], [s], () => true, shiftOf);
    expect(a?.point[2]).toBeCloseTo(5, 9);
    expect(asked.sort()).toEqual([1, 2]);
    asked.length = 0;
    const b = raycastSurfaces([22, 2, 50], [0, 0, -1], [s], () => true, shiftOf);
    expect(b?.point[2]).toBeCloseTo(-7, 9);
    expect(b?.distance).toBeCloseTo(57, 9);
    expect(asked.sort()).toEqual([1, 2]);
  });
});
