import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idwField } from './contours';
import {
  gtClasses, gtClassOf, gtField, gtGrid, gtPixelClass, gtVertexAttribute, noDataColour, vertexValues, veinGradeSteps,
  GT_COLOURS, GT_IDW_RADIUS, GT_LEVELS,
} from './gradeThickness';
import { frameFromVertices, type PiercePoint } from './longSection';
import { drain } from './sliced';
import type { Vec3 } from './vec3';
import { validateDeposit } from '../data/load';
import { prepare } from './prepare';

/** A pierce point with only what the interpolation reads. */
const pp = (u: number, z: number, gramMetres: number | null) => ({ u, z, gramMetres }) as PiercePoint;

describe('IDW at a vertex, by hand', () => {
  // Three pierce points: A (0, 0) 10 g/t·m, B (30, 0) 40 g/t·m, C (0, 40) 5 g/t·m.
  const points = [pp(0, 0, 10), pp(30, 0, 40), pp(0, 40, 5), pp(5, 5, null)];
  const field = gtField(points);

  it('weights 1/d² within the 60 m radius; gradeless points are left out', () => {
    // (10, 0): d² = 100, 400, 1700 → (10/100 + 40/400 + 5/1700) / (1/100 + 1/400 + 1/1700)
    expect(field(10, 0)).toBeCloseTo(15.50561797752809, 10);
    // (10, 10): d² = 200, 500, 1000 → (10/200 + 40/500 + 5/1000) / (1/200 + 1/500 + 1/1000) = 16.875
    expect(field(10, 10)).toBeCloseTo(16.875, 10);
  });

  it('on a pierce point its own value; beyond the radius of all, no data (NaN)', () => {
    expect(field(30, 0)).toBe(40);
    // (-55, 0): A at 55 m, C at 68 m (out), B at 85 m (out) → A alone
    expect(field(-55, 0)).toBeCloseTo(10, 12);
    expect(Number.isNaN(field(-61, 0))).toBe(true);
    expect(Number.isNaN(field(0, 101))).toBe(true);
    expect(Number.isNaN(gtField([pp(0, 0, null)])(0, 0))).toBe(true);
  });

  it('the long section grid and the vertex query are one interpolation: equal at every grid node', () => {
    const pts = [pp(3, -7, 12), pp(48, 20, 2.5), pp(110, -35, 30), pp(160, 0, 0.4), pp(20, 70, 8)];
    const grid = gtGrid(pts)!;
    const f = gtField(pts);
    let compared = 0;
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++) {
        const g = grid.values[j * grid.nx + i];
        const v = f(grid.x0 + i * grid.dx, grid.y0 + j * grid.dy);
        if (Number.isNaN(g)) expect(Number.isNaN(v)).toBe(true);
        else {
          expect(v).toBeCloseTo(g, 9);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('buckets: a query next to a bucket edge still sees points two buckets away within the radius', () => {
    const f = idwField([{ x: 0, y: 0, v: 1 }, { x: 119, y: 0, v: 3 }], { radius: 60 });
    // (59.5, 0): both at 59.5 m → mean 2
    expect(f(59.5, 0)).toBeCloseTo(2, 12);
  });
});

describe('vertices projected into the long-section frame', () => {
  // A vertical vein striking east (north constant), 200 m long, from 100 to 300 m elevation.
  const E0 = 612_000, N0 = 5_343_000;
  const xyz: number[] = [];
  for (let e = 0; e <= 200; e += 50) for (const z of [100, 300]) xyz.push(E0 + e, N0, z);
  const frame = frameFromVertices('S', ['v'], xyz)!;
  const origin: Vec3 = [E0, N0, 0];

  it('u is the distance along strike from the centroid (east positive), z the elevation', () => {
    expect(frame.strike).toBeCloseTo(90, 9);
    expect(frame.project([E0 + 100, N0, 200])[0]).toBeCloseTo(0, 6);
  });

  it('each vertex gets the IDW value at its (u, z), NaN out of reach', () => {
    // Pierce points at (u, z) = (-100, 200) 10 g/t·m and (-70, 200) 40 g/t·m, i.e. eastings E0 and E0 + 30.
    const field = gtField([pp(-100, 200, 10), pp(-70, 200, 40)]);
    // Vertices (local to the origin): on A; 10 m east of A and 15 m north of the plane (across strike is dropped);
    // at E0 + 10 m, 10 m up; and 200 m east (no data).
    const positions = new Float32Array([0, 0, 200, 10, 15, 200, 10, 0, 210, 200, 0, 200]);
    const v = vertexValues(positions, origin, frame.project, field);
    expect(v[0]).toBeCloseTo(10, 4);
    // d = 10 and 20 → (10/100 + 40/400) / (1/100 + 1/400) = 16
    expect(v[1]).toBeCloseTo(16, 4);
    // d² = 200 and 500 → (10/200 + 40/500) / (1/200 + 1/500) = 0.13 / 0.007 = 18.571428…
    expect(v[2]).toBeCloseTo(0.13 / 0.007, 4);
    expect(Number.isNaN(v[3])).toBe(true);
  });
});

describe('classes and colours', () => {
  it('the long section classes: 1-5, 5-10, 10-20, ≥ 20 g/t·m with their colours', () => {
    expect(gtClasses().map((c) => [c.label, c.colour])).toEqual(GT_LEVELS.map((lo, i) => [
      i === GT_LEVELS.length - 1 ? `≥ ${lo}` : `${lo}–${GT_LEVELS[i + 1]}`, GT_COLOURS[i],
    ]));
    expect([NaN, 0, 0.99, 1, 4.99, 5, 10, 19.9, 20, 500].map((v) => gtClassOf(v))).toEqual([-2, -1, -1, 0, 0, 1, 2, 2, 3, 3]);
  });

  it('the vertex attribute carries value and reach; a pixel is classed from the corners with data', () => {
    const a = gtVertexAttribute(new Float32Array([NaN, 0.5, 7, 25]));
    expect(Array.from(a)).toEqual([0, 0, 0.5, 1, 7, 1, 25, 1]);
    // Corners 7 and 25 g/t·m: at the middle of their edge 16 (10-20); a third of the way from 7, 13.
    expect(gtPixelClass(a, [2, 3, 1], [0.5, 0.5, 0])).toBe(2);
    expect(gtPixelClass(a, [2, 3, 1], [2 / 3, 1 / 3, 0])).toBe(2);
    // 0.9·7 + 0.1·0.5 = 6.35: 5-10
    expect(gtPixelClass(a, [2, 1, 3], [0.9, 0.1, 0])).toBe(1);
    // With a no-data corner the value comes from the others only: (0.3·25 + 0.3·7) / 0.6 = 16 (10-20), not 9.6 (5-10).
    expect(gtPixelClass(a, [0, 3, 2], [0.4, 0.3, 0.3])).toBe(2);
    // The no-data corner weighs more than half: no data; half exactly: still the data's value.
    expect(gtPixelClass(a, [0, 2, 3], [0.6, 0.2, 0.2])).toBe(-2);
    expect(gtPixelClass(a, [0, 2, 3], [0.5, 0.25, 0.25])).toBe(2);
    expect(gtPixelClass(a, [1, 1, 1], [0.2, 0.3, 0.5])).toBe(-1);
  });

  it('no data: the vein colour dimmed toward grey', () => {
    // #d4a017 60 % toward #6b6b6b: 0.4·212 + 0.6·107 = 149, 0.4·160 + 0.6·107 = 128.2, 0.4·23 + 0.6·107 = 73.4
    expect(noDataColour('#d4a017')).toBe('#958049');
  });
});

describe('on the sample', () => {
  const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
  const prepared = prepare(model!);
  const grade = drain(veinGradeSteps(model!, prepared.paths, prepared.origin, prepared.surfaces, 45));

  it('every vein surface of every system has values, nothing else does', () => {
    model!.surfaces.forEach((s, i) => {
      const vein = model!.zones.find((z) => z.id === s.zoneId)?.kind === 'vein';
      expect(grade.values[i] !== null, s.id).toBe(vein);
      if (vein) expect(grade.values[i]!.length * 3).toBe(prepared.surfaces[i].positions.length);
    });
    expect(grade.systems.map((s) => s.id)).toEqual(['McDowell', 'Talus', 'Front West', 'North Vein', 'Lake Vein', 'East Vein']);
    expect(grade.systems[0].points).toBeGreaterThan(400);
  });

  it('McDowell shows every class and some vein beyond the data', () => {
    const counts = new Map<number, number>();
    model!.surfaces.forEach((s, i) => {
      if (!s.zoneId?.startsWith('mcdowell-') || !grade.values[i]) return;
      for (const v of grade.values[i]!) counts.set(gtClassOf(v), (counts.get(gtClassOf(v)) ?? 0) + 1);
    });
    for (const c of [-2, -1, 0, 1, 2, 3]) expect(counts.get(c) ?? 0, `class ${c}`).toBeGreaterThan(0);
    expect(GT_IDW_RADIUS).toBe(60);
  });

  it('follows the hole filters: only the kept holes are interpolated; none kept, no data anywhere', () => {
    const none = drain(veinGradeSteps(model!, prepared.paths, prepared.origin, prepared.surfaces, 45, () => false));
    expect(none.systems.every((x) => x.points === 0)).toBe(true);
    for (const v of none.values) if (v) expect(v.every((x) => Number.isNaN(x))).toBe(true);
    // Half the holes (by id): fewer pierce points in McDowell, and some vertices change value.
    const half = drain(veinGradeSteps(model!, prepared.paths, prepared.origin, prepared.surfaces, 45, (id) => model!.holes.findIndex((h) => h.id === id) % 2 === 0));
    expect(half.systems[0].points).toBeLessThan(grade.systems[0].points);
    expect(half.systems[0].points).toBeGreaterThan(0);
    const i = model!.surfaces.findIndex((s) => grade.values[model!.surfaces.indexOf(s)] && s.zoneId?.startsWith('mcdowell-'));
    const changed = grade.values[i]!.filter((v, k) => !(Object.is(v, half.values[i]![k]) || v === half.values[i]![k])).length;
    expect(changed).toBeGreaterThan(0);
  });
});
