import { describe, expect, it } from 'vitest';
import type { Model, SurfaceModel } from '../data/model';
import type { ZoneT } from '../data/schema';
import { directionFromAzDip } from './orientation';
import { add, cross, dot, normalize, scale, sub, type Vec3 } from './vec3';
import { buildVeinOrienter } from './veinOrientation';

const RAD = Math.PI / 180;

/** A planar mesh of n×n quads (2 triangles each), `size` m square, centred on `centre`. */
function planeMesh(id: string, zoneId: string, centre: Vec3, e1: Vec3, e2: Vec3, size: number, n: number, bump?: (u: number, v: number) => number): SurfaceModel {
  const normal = normalize(cross(e1, e2));
  const vertices: number[] = [];
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const u = (i / n - 0.5) * size;
      const v = (j / n - 0.5) * size;
      const p = add(add(centre, add(scale(e1, u), scale(e2, v))), scale(normal, bump ? bump(u, v) : 0));
      vertices.push(...p);
    }
  }
  const triangles: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const a = j * (n + 1) + i;
      triangles.push(a, a + 1, a + n + 2, a, a + n + 2, a + n + 1);
    }
  }
  return { id, name: id, zoneId, vertices: Float64Array.from(vertices), triangles: Uint32Array.from(triangles) };
}

const zone = (id: string, kind: ZoneT['kind'] = 'vein'): ZoneT => ({ id, name: id, color: '#888888', kind });

// A vein dipping 60° towards azimuth 150° (strike 060° by the right-hand rule) through [1000, 2000, 100].
const DIP = 60;
const DIP_DIR = 150;
const strikeDir = directionFromAzDip(DIP_DIR - 90, 0); // strike 060°
const downDip = directionFromAzDip(DIP_DIR, -DIP);
const centre: Vec3 = [1000, 2000, 100];
const expectedNormal = normalize(cross(downDip, strikeDir)); // upward for this order
const inclined = planeMesh('inclined', 'v1', centre, strikeDir, downDip, 400, 40);
// A second vein, parallel, 30 m into the footwall; and an alteration shell that must be ignored.
const footwall = planeMesh('footwall', 'v2', add(centre, scale(expectedNormal, -30)), strikeDir, downDip, 400, 20);
const alteration = planeMesh('alt', 'alt', add(centre, scale(expectedNormal, 2)), strikeDir, downDip, 400, 10);
const model: Pick<Model, 'zones' | 'surfaces'> = {
  zones: [zone('v1'), zone('v2'), zone('alt', 'alteration')],
  surfaces: [inclined, footwall, alteration],
};

describe('buildVeinOrienter', () => {
  const o = buildVeinOrienter(model);

  it('the expected normal of the synthetic plane is up, 60° from vertical', () => {
    expect(expectedNormal[2]).toBeCloseTo(Math.cos(DIP * RAD), 12);
    expect(o.zoneIds).toEqual(['v1', 'v2']); // the alteration shell is not a vein
  });

  it('nearest triangle: unit normal, dip, strike and distance on an inclined plane', () => {
    const p = add(add(centre, add(scale(strikeDir, 37), scale(downDip, -52))), scale(expectedNormal, 3));
    const h = o.nearest(p)!;
    expect(h.zoneId).toBe('v1');
    expect(h.surfaceId).toBe('inclined');
    expect(h.distance).toBeCloseTo(3, 9);
    for (let k = 0; k < 3; k++) expect(h.normal[k]).toBeCloseTo(expectedNormal[k], 12);
    expect(h.dip).toBeCloseTo(DIP, 9);
    expect(h.strike).toBeCloseTo(60, 9);
    expect(h.dipDirection).toBeCloseTo(DIP_DIR, 9);
    // the nearest point is the foot of the perpendicular
    const foot = sub(p, scale(expectedNormal, 3));
    for (let k = 0; k < 3; k++) expect(h.point[k]).toBeCloseTo(foot[k], 9);
  });

  it('with a zone id, the nearest triangle of that zone even when another vein is nearer', () => {
    const p = add(centre, scale(expectedNormal, -10)); // 10 m from v1, 20 m from v2
    expect(o.nearest(p)!.zoneId).toBe('v1');
    const h = o.nearest(p, 'v2')!;
    expect(h.zoneId).toBe('v2');
    expect(h.distance).toBeCloseTo(20, 9);
    expect(o.nearest(p, 'alt')).toBeNull(); // not a vein zone
    expect(o.nearest(p, 'nope')).toBeNull();
  });

  it('without a zone id, only veins within 10 m (or the given distance) count', () => {
    const p = add(centre, scale(expectedNormal, 12)); // hanging wall side: 12 m from v1
    expect(o.nearest(p)).toBeNull();
    expect(o.nearest(p, null, 15)!.distance).toBeCloseTo(12, 9);
    expect(o.nearest(p, 'v1')!.distance).toBeCloseTo(12, 9); // a known zone: no default limit
  });

  it('points off the edge of the mesh and far outside the grid find the edge', () => {
    const edge = add(centre, scale(strikeDir, 200));
    const p = add(edge, scale(strikeDir, 5));
    const h = o.nearest(p, null, 10)!;
    expect(h.distance).toBeCloseTo(5, 9);
    const far = add(edge, scale(strikeDir, 3000));
    expect(o.nearest(far, 'v1')!.distance).toBeCloseTo(3000, 6);
  });

  it('matches a brute-force nearest triangle on a curved surface', () => {
    const wavy = planeMesh('wavy', 'w', centre, strikeDir, downDip, 300, 20, (u, v) => 6 * Math.sin(u / 23) * Math.cos(v / 31));
    const ow = buildVeinOrienter({ zones: [zone('w')], surfaces: [wavy] });
    const tris: [Vec3, Vec3, Vec3][] = [];
    const vtx = (i: number): Vec3 => [wavy.vertices[i * 3], wavy.vertices[i * 3 + 1], wavy.vertices[i * 3 + 2]];
    for (let t = 0; t < wavy.triangles.length; t += 3) tris.push([vtx(wavy.triangles[t]), vtx(wavy.triangles[t + 1]), vtx(wavy.triangles[t + 2])]);
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let q = 0; q < 120; q++) {
      const p = add(centre, [rnd() * 180, rnd() * 180, rnd() * 180]);
      const brute = Math.min(...tris.map((t) => bruteDistance(p, t)));
      const h = ow.nearest(p, 'w')!;
      expect(h.distance).toBeCloseTo(brute, 6);
    }
  });

  it('pierce: the first vein crossed by a segment, and where', () => {
    const a = add(centre, scale(expectedNormal, 5));
    const b = add(centre, scale(expectedNormal, -35)); // crosses v1 at 5 m, v2 at 35 m
    const h = o.pierce(a, b)!;
    expect(h.zoneId).toBe('v1');
    expect(h.t).toBeCloseTo(5 / 40, 9);
    for (let k = 0; k < 3; k++) expect(h.point[k]).toBeCloseTo(centre[k], 9);
    expect(o.pierce(a, b, 'v2')!.t).toBeCloseTo(35 / 40, 9);
    expect(o.pierce(a, add(centre, scale(expectedNormal, 1)))).toBeNull();
  });
});

function bruteDistance(p: Vec3, [a, b, c]: [Vec3, Vec3, Vec3]): number {
  const n = normalize(cross(sub(b, a), sub(c, a)));
  const q = sub(p, scale(n, dot(sub(p, a), n)));
  const inside = [[a, b], [b, c], [c, a]].every(([x, y]) => dot(cross(sub(y, x), sub(q, x)), n) >= 0);
  if (inside) return Math.abs(dot(sub(p, a), n));
  const seg = (x: Vec3, y: Vec3) => {
    const d = sub(y, x);
    const t = Math.max(0, Math.min(1, dot(sub(p, x), d) / dot(d, d)));
    return Math.hypot(...sub(p, add(x, scale(d, t))));
  };
  return Math.min(seg(a, b), seg(b, c), seg(c, a));
}
