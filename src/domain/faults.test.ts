import { describe, expect, it } from 'vitest';
import { blockMask, buildFaultModel, displacement, faultShift, onMovingSide, sideValue } from './faults';

/** A vertical N-S plane at easting x0, 2 x 2 triangles, from z = -500 to 500 and northing -500 to 500. */
function nsPlane(x0: number) {
  return { vertices: [x0, -500, -500, x0, 500, -500, x0, 500, 500, x0, -500, 500], triangles: [0, 1, 2, 0, 2, 3] };
}

describe('fault blocks', () => {
  it('puts points east of an east-moving N-S fault on the moving side, and west ones not', () => {
    const f = buildFaultModel({ id: 'F', ...nsPlane(100), movingSide: 'east', slip: { strikeSlip: 10, dipSlip: 0 } });
    expect(onMovingSide(f, [150, 0, 0])).toBe(true);
    expect(onMovingSide(f, [50, 0, 0])).toBe(false);
    expect(sideValue(f, [150, 0, 0])).toBeCloseTo(50, 9);
  });

  it('keeps a point exactly on the fault on the fixed side', () => {
    const f = buildFaultModel({ id: 'F', ...nsPlane(100), movingSide: 'east', slip: { strikeSlip: 10, dipSlip: 0 } });
    expect(onMovingSide(f, [100, 0, 0])).toBe(false);
    expect(onMovingSide(f, [100, 499.99, -12])).toBe(false);
    const w = buildFaultModel({ id: 'W', ...nsPlane(100), movingSide: 'west', slip: { strikeSlip: 10, dipSlip: 0 } });
    expect(onMovingSide(w, [100, 0, 0])).toBe(false);
    expect(onMovingSide(w, [99, 0, 0])).toBe(true);
  });

  it('decides a point far beyond the mapped surface by the nearest triangle plane', () => {
    const f = buildFaultModel({ id: 'F', ...nsPlane(100), movingSide: 'east', slip: { strikeSlip: 10, dipSlip: 0 } });
    expect(onMovingSide(f, [5000, 90000, -40000])).toBe(true);
    expect(onMovingSide(f, [-5000, -90000, 40000])).toBe(false);
  });

  it('handles an inclined fault: 60° dipping east, hanging wall moving', () => {
    // Plane through x = 0 at z = 0, dipping 60° toward east: x = -z / tan(60°).
    const t = Math.tan((60 * Math.PI) / 180);
    const vertices = [500 / t, -500, -500, 500 / t, 500, -500, -500 / t, 500, 500, -500 / t, -500, 500];
    const f = buildFaultModel({ id: 'N', vertices, triangles: [0, 1, 2, 0, 2, 3], movingSide: 'hangingwall', slip: { strikeSlip: 0, dipSlip: 20 } });
    expect(f.dip).toBeCloseTo(60, 9);
    expect(f.strike).toBeCloseTo(0, 9); // dipping east → strike north (right-hand rule)
    // Above the plane (hanging wall) at x = 100, z = 0 → east of the trace.
    expect(onMovingSide(f, [100, 0, 0])).toBe(true);
    // Directly below that point, deep enough to be under the plane: footwall.
    expect(onMovingSide(f, [100, 0, -400])).toBe(false);
    // Normal slip: the hanging wall moves down-dip, 20 m: dz = -20 sin 60°, dE = 20 cos 60°.
    expect(f.slip[0]).toBeCloseTo(10, 9);
    expect(f.slip[2]).toBeCloseTo(-20 * Math.sin((60 * Math.PI) / 180), 9);
  });

  it('strike-slip moves the moving side along strike; a vector slip is taken as given', () => {
    const f = buildFaultModel({ id: 'F', ...nsPlane(0), movingSide: 'east', slip: { strikeSlip: 30, dipSlip: 0 } });
    // The N-S plane's strike is 0° or 180°; |slip| is 30 m, horizontal, along northing.
    expect(Math.abs(f.slip[1])).toBeCloseTo(30, 9);
    expect(f.slip[0]).toBeCloseTo(0, 9);
    const v = buildFaultModel({ id: 'V', ...nsPlane(0), movingSide: 'east', slip: { vector: [0, 25, -5] } });
    expect(v.slip).toEqual([0, 25, -5]);
    expect(faultShift(v, 0).map(Math.abs)).toEqual([0, 0, 0]);
    const half = faultShift(v, Math.hypot(25, 5) / 2);
    expect(half[1]).toBeCloseTo(12.5, 9);
    expect(half[2]).toBeCloseTo(-2.5, 9);
  });

  it('composes several faults: a block east of both moves by both slips', () => {
    const a = buildFaultModel({ id: 'A', ...nsPlane(0), movingSide: 'east', slip: { vector: [0, 10, 0] } });
    const b = buildFaultModel({ id: 'B', ...nsPlane(200), movingSide: 'east', slip: { vector: [0, 5, -2] } });
    const faults = [a, b];
    expect(blockMask(faults, [-50, 0, 0])).toBe(0);
    expect(blockMask(faults, [100, 0, 0])).toBe(1);
    expect(blockMask(faults, [300, 0, 0])).toBe(3);
    const offsets = [10, Math.hypot(5, 2)];
    expect(displacement(faults, offsets, 3)[1]).toBeCloseTo(15, 9);
    expect(displacement(faults, offsets, 3)[2]).toBeCloseTo(-2, 9);
    expect(displacement(faults, [0, 0], 3)).toEqual([0, 0, 0]);
  });

  it('follows a curved (bent) fault surface', () => {
    // Two panels: x = 0 for northing < 0, then bending east to x = 100 at northing 500.
    const vertices = [0, -500, -500, 0, 0, -500, 100, 500, -500, 0, -500, 500, 0, 0, 500, 100, 500, 500];
    const triangles = [0, 1, 4, 0, 4, 3, 1, 2, 5, 1, 5, 4];
    const f = buildFaultModel({ id: 'C', vertices, triangles, movingSide: 'east', slip: { vector: [0, 10, 0] } });
    expect(onMovingSide(f, [60, 400, 0])).toBe(false); // west of the bent panel (x = 80 at n = 400)
    expect(onMovingSide(f, [90, 400, 0])).toBe(true);
    expect(onMovingSide(f, [10, -200, 0])).toBe(true);
  });
});
