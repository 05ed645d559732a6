import { describe, expect, it } from 'vitest';
import { measure } from './measure';
import { buildFaultModel } from './faults';
import { raycastSurfaces } from './pickSurface';

describe('measuring offsets', () => {
  it('gives distance, azimuth and plunge by hand', () => {
    const m = measure([0, 0, 100], [30, 40, 50]);
    expect(m.distance).toBeCloseTo(Math.hypot(30, 40, 50), 9);
    expect(m.horizontal).toBeCloseTo(50, 9);
    expect(m.vertical).toBeCloseTo(-50, 9);
    expect(m.azimuth).toBeCloseTo((Math.atan2(30, 40) * 180) / Math.PI, 9);
    expect(m.plunge).toBeCloseTo(45, 9);
  });

  it('resolves the separation on a vertical N-S fault into strike-slip and dip-slip', () => {
    // Vertical plane x = 0, east side moving; strike is 0° or 180° (right-hand rule picks one).
    const f = buildFaultModel({ id: 'F', vertices: [0, -500, -500, 0, 500, -500, 0, 500, 500, 0, -500, 500], triangles: [0, 1, 2, 0, 2, 3], movingSide: 'east', slip: { strikeSlip: 10, dipSlip: 0 } });
    const m = measure([-5, 0, 0], [5, 42, -12], f);
    expect(Math.abs(m.fault!.strikeSlip)).toBeCloseTo(42, 9);
    expect(Math.abs(m.fault!.dipSlip)).toBeCloseTo(12, 9);
    expect(Math.abs(m.fault!.normal)).toBeCloseTo(10, 9);
  });
});

describe('picking points on surfaces as drawn', () => {
  const s = { positions: Float32Array.from([0, 0, 0, 10, 0, 0, 0, 10, 0]), normals: new Float32Array(9), masks: Float32Array.from([0, 0, 0]), indices: Uint32Array.from([0, 1, 2]) };
  it('hits a triangle from above at the right point, and follows its fault shift', () => {
    const hit = raycastSurfaces([2, 2, 50], [0, 0, -1], [s], () => true, () => [0, 0, 0]);
    expect(hit?.point[2]).toBeCloseTo(0, 9);
    expect(hit?.distance).toBeCloseTo(50, 9);
    const lifted = raycastSurfaces([2, 2, 50], [0, 0, -1], [s], () => true, () => [0, 0, 7]);
    expect(lifted?.point[2]).toBeCloseTo(7, 9);
    expect(raycastSurfaces([20, 20, 50], [0, 0, -1], [s], () => true, () => [0, 0, 0])).toBeNull();
    expect(raycastSurfaces([2, 2, 50], [0, 0, -1], [s], () => false, () => [0, 0, 0])).toBeNull();
  });
});
