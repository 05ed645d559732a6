/**
 * The published Rocmec 1 figures, recomputed from the committed data/rocmec1.json with the domain
 * modules (desurvey, faults, orientation) and geometry written here, independently of the
 * generator (scripts/gen-sample.ts is not imported). Each figure must match within 1 %.
 *
 * Definitions (see also scripts/sample/figures.ts, which tunes the generator to the same ones):
 * - McDowell strike extent: all vertices of the McDowell vein zones, projected on their horizontal
 *   principal direction (PCA of easting, northing): max - min.
 * - McDowell depth: 300 m reference surface - lowest McDowell vertex elevation.
 * - Intercept: a sample of a drilled hole whose zone is a McDowell vein zone. Core length L = to - from;
 *   true width TW = L·|cos| of the angle between the hole direction at the mid-depth and the normal
 *   of the McDowell triangle (of that zone) nearest to the mid point; horizontal width HW =
 *   TW / sin(dip of that triangle). Mean HW is arithmetic; grade is the HW-weighted mean of min(Au, 45).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deposit, type DepositFile, type HoleT, type SurfaceT } from '../src/data/schema';
import { desurvey, directionAtDepth, positionAtDepth, type HolePath } from '../src/domain/desurvey';
import { blockMask, buildFaultModel, displacement, sideValue, type FaultBlockModel } from '../src/domain/faults';
import { strikeDipFromNormal } from '../src/domain/orientation';
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../src/domain/vec3';

const raw = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'));
const parsed = Deposit.safeParse(raw);
const dep = parsed.data as DepositFile;

const within = (value: number, target: number, rel: number) => Math.abs(value / target - 1) <= rel;
const verts = (s: SurfaceT): Vec3[] => {
  const out: Vec3[] = [];
  for (let i = 0; i < s.vertices.length; i += 3) out.push([s.vertices[i], s.vertices[i + 1], s.vertices[i + 2]]);
  return out;
};
const tris = (s: SurfaceT): [Vec3, Vec3, Vec3][] => {
  const v = verts(s);
  const out: [Vec3, Vec3, Vec3][] = [];
  for (let t = 0; t < s.triangles.length; t += 3) out.push([v[s.triangles[t]], v[s.triangles[t + 1]], v[s.triangles[t + 2]]]);
  return out;
};
const upNormal = ([a, b, c]: [Vec3, Vec3, Vec3]): Vec3 => {
  const n = cross(sub(b, a), sub(c, a));
  return n[2] < 0 ? scale(n, -1) : n;
};

/** Principal horizontal axis of points (PCA of E, N) and the extents along and across it. */
function pca(points: Vec3[]) {
  const me = points.reduce((s, p) => s + p[0], 0) / points.length;
  const mn = points.reduce((s, p) => s + p[1], 0) / points.length;
  let a = 0, b = 0, c = 0;
  for (const p of points) { a += (p[0] - me) ** 2; b += (p[1] - mn) ** 2; c += (p[0] - me) * (p[1] - mn); }
  const th = 0.5 * Math.atan2(2 * c, a - b);
  const axis: [number, number] = [Math.cos(th), Math.sin(th)];
  const along = points.map((p) => (p[0] - me) * axis[0] + (p[1] - mn) * axis[1]);
  const across = points.map((p) => -(p[0] - me) * axis[1] + (p[1] - mn) * axis[0]);
  return { axis, centre: [me, mn], along: Math.max(...along) - Math.min(...along), across: Math.max(...across) - Math.min(...across) };
}

/** Squared distance from p to triangle abc (projection inside, else the nearest edge). */
function dist2ToTriangle(p: Vec3, [a, b, c]: [Vec3, Vec3, Vec3]): number {
  const n = normalize(cross(sub(b, a), sub(c, a)));
  const q = sub(p, scale(n, dot(sub(p, a), n)));
  const inside = [[a, b], [b, c], [c, a]].every(([x, y]) => dot(cross(sub(y, x), sub(q, x)), n) >= 0);
  if (inside) return dot(sub(p, q), sub(p, q));
  const seg = (x: Vec3, y: Vec3) => {
    const d = sub(y, x);
    const t = Math.max(0, Math.min(1, dot(sub(p, x), d) / dot(d, d)));
    const r = sub(p, add(x, scale(d, t)));
    return dot(r, r);
  };
  return Math.min(seg(a, b), seg(b, c), seg(c, a));
}

function holePath(h: HoleT): HolePath {
  const s = h.surveys;
  const stations = !s ? [] : Array.isArray(s) ? s : s.depth.map((d, i) => ({ depth: d, azimuth: s.azimuth[i], dip: s.dip[i] }));
  return desurvey({ holeId: h.id, collar: h.collar as Vec3, depth: h.depth, stations, collarAzimuth: h.azimuth, collarDip: h.dip }).path;
}

const zonesOf = (pred: (z: DepositFile['zones'][number]) => boolean) => dep.zones.filter(pred).map((z) => z.id);
const surfacesOf = (zones: string[]) => dep.surfaces.filter((s) => s.zone && zones.includes(s.zone));
const mcdZones = zonesOf((z) => z.kind === 'vein' && z.system === 'McDowell');

describe('data/rocmec1.json: the illustrative Rocmec 1 sample', () => {
  it('is a valid Deposit with zero issues, in EPSG:26917, flagged illustrative', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(dep.project.crs.code).toBe('EPSG:26917');
    expect(dep.project.illustrative).toBe(true);
    expect(dep.project.disclaimer?.toLowerCase()).toContain('illustrative');
    expect(dep.project.referenceElevation).toBe(300);
  });

  it('McDowell: three sets, 1,660 m of strike, 317 m depth', () => {
    expect(mcdZones).toHaveLength(3);
    const v = surfacesOf(mcdZones).flatMap(verts);
    expect(within(pca(v).along, 1660, 0.01)).toBe(true);
    expect(within(300 - Math.min(...v.map((p) => p[2])), 317, 0.01)).toBe(true);
  });

  it('McDowell intercepts: 0.82 m mean horizontal width, 6.07 g/t capped at 45 g/t (HW-weighted)', () => {
    const table = dep.intervals.find((t) => t.id === 'assays')!;
    const d = table.data!;
    const holes = new Map(dep.holes.filter((h) => h.status === 'drilled').map((h) => [h.id, h]));
    const paths = new Map<string, HolePath>();
    const zoneTris = new Map(mcdZones.map((z) => [z, surfacesOf([z]).flatMap(tris)]));
    const items: { hw: number; au: number }[] = [];
    d.zone.forEach((z, i) => {
      const hole = holes.get(d.hole[i] as string);
      if (!hole || typeof z !== 'string' || !mcdZones.includes(z)) return;
      if (!paths.has(hole.id)) paths.set(hole.id, holePath(hole));
      const path = paths.get(hole.id)!;
      const from = d.from[i] as number, to = d.to[i] as number;
      const mid = (from + to) / 2;
      const p = positionAtDepth(path, mid);
      let best = Infinity, tri = zoneTris.get(z)![0];
      for (const t of zoneTris.get(z)!) {
        const dd = dist2ToTriangle(p, t);
        if (dd < best) { best = dd; tri = t; }
      }
      expect(best).toBeLessThan(0.05 ** 2); // the sample's mid point is on its vein
      const n = normalize(upNormal(tri));
      const tw = (to - from) * Math.abs(dot(directionAtDepth(path, mid), n));
      const hw = tw / Math.sin((strikeDipFromNormal(n).dip * Math.PI) / 180);
      items.push({ hw, au: d.Au[i] as number });
    });
    expect(items.length).toBeGreaterThan(100);
    const meanHw = items.reduce((s, x) => s + x.hw, 0) / items.length;
    const grade = items.reduce((s, x) => s + x.hw * Math.min(x.au, 45), 0) / items.reduce((s, x) => s + x.hw, 0);
    expect(within(meanHw, 0.82, 0.01)).toBe(true);
    expect(within(grade, 6.07, 0.01)).toBe(true);
    expect(items.filter((x) => x.au > 45).length).toBeGreaterThanOrEqual(3); // capping matters
  });

  it('at least six vein systems including Talus and Front West; ENE strikes, southerly dips', () => {
    const systems = new Set(dep.zones.filter((z) => z.kind === 'vein').map((z) => z.system));
    expect(systems.size).toBeGreaterThanOrEqual(6);
    expect(systems.has('Talus') && systems.has('Front West')).toBe(true);
    const fw = surfacesOf(zonesOf((z) => z.system === 'Front West')).flatMap(verts);
    expect(within(300 - Math.min(...fw.map((p) => p[2])), 110, 0.05)).toBe(true);
    for (const z of zonesOf((z) => z.kind === 'vein')) {
      const ts = surfacesOf([z]).flatMap(tris);
      const { strike, dip, dipDirection } = strikeDipFromNormal(ts.map(upNormal).reduce(add, [0, 0, 0] as Vec3));
      expect(strike, z).toBeGreaterThanOrEqual(45);
      expect(strike, z).toBeLessThanOrEqual(90);
      expect(dip, z).toBeGreaterThanOrEqual(45);
      expect(dip, z).toBeLessThanOrEqual(85);
      expect(dipDirection > 90 && dipDirection < 270, z).toBe(true);
      const south = ts.filter((t) => { const dd = strikeDipFromNormal(upNormal(t)).dipDirection; return dd > 90 && dd < 270; });
      expect(south.length / ts.length, z).toBeGreaterThan(0.95);
    }
  });

  it('host intrusive about 1,000 m by 600 m in plan; faults trend north', () => {
    const host = pca(surfacesOf(zonesOf((z) => z.kind === 'host')).flatMap(verts));
    expect(within(host.along, 1000, 0.01)).toBe(true);
    expect(within(host.across, 600, 0.01)).toBe(true);
    expect(dep.faults.length).toBeGreaterThanOrEqual(3);
    for (const f of dep.faults) {
      const s = dep.surfaces.find((x) => x.id === f.surface)!;
      const m = buildFaultModel({ id: f.id, vertices: s.vertices, triangles: s.triangles, movingSide: f.movingSide, slip: f.slip });
      const x = m.strike % 180;
      expect(Math.min(x, 180 - x), f.id).toBeLessThanOrEqual(20);
    }
  });

  it('alteration envelope: horizontal width across strike up to 30 m', () => {
    const env = surfacesOf(zonesOf((z) => z.kind === 'alteration'));
    const { axis, centre } = pca(env.flatMap(verts));
    const perp: [number, number] = [-axis[1], axis[0]];
    let widest = 0;
    for (let z = 290; z >= 10; z -= 20) {
      for (const s of env) {
        // Slice the surface at elevation z into plan segments, written in (along, across) coordinates.
        const segs: [number, number, number, number][] = [];
        for (const t of tris(s)) {
          const pts: [number, number][] = [];
          for (const [a, b] of [[t[0], t[1]], [t[1], t[2]], [t[2], t[0]]]) {
            if ((a[2] - z) * (b[2] - z) < 0) {
              const f = (z - a[2]) / (b[2] - a[2]);
              const e = a[0] + f * (b[0] - a[0]) - centre[0], n = a[1] + f * (b[1] - a[1]) - centre[1];
              pts.push([e * axis[0] + n * axis[1], e * perp[0] + n * perp[1]]);
            }
          }
          if (pts.length === 2) segs.push([pts[0][0], pts[0][1], pts[1][0], pts[1][1]]);
        }
        // Lines across strike every 5 m: the horizontal width is the spread of their crossings.
        for (let u = -900; u <= 900; u += 5) {
          const hits = segs.filter(([u0, , u1]) => (u0 - u) * (u1 - u) < 0).map(([u0, v0, u1, v1]) => v0 + ((u - u0) / (u1 - u0)) * (v1 - v0));
          if (hits.length >= 2) widest = Math.max(widest, Math.max(...hits) - Math.min(...hits));
        }
      }
    }
    expect(within(widest, 30, 0.01)).toBe(true);
  });

  it('workings: 100 m shaft, 844 m decline, levels 50-130 m, 1,700 m of drifts', () => {
    const len = (p: Vec3[]) => p.slice(1).reduce((s, q, i) => s + length(sub(q, p[i])), 0);
    const of = (kind: string) => dep.workings.filter((w) => w.kind === kind);
    expect(within(len(of('shaft')[0].path as Vec3[]), 100, 0.01)).toBe(true);
    expect(within(len(of('decline')[0].path as Vec3[]), 844, 0.01)).toBe(true);
    expect(new Set(of('drift').map((w) => w.levelDepth))).toEqual(new Set([50, 70, 90, 110, 130]));
    expect(within(of('drift').reduce((s, w) => s + len(w.path as Vec3[]), 0), 1700, 0.01)).toBe(true);
  });

  it('holes: surface and underground drilled holes; planned holes reach 400 m below surface', () => {
    const drilled = dep.holes.filter((h) => h.status === 'drilled');
    expect(drilled.some((h) => h.type === 'surface') && drilled.some((h) => h.type === 'underground')).toBe(true);
    const planned = dep.holes.filter((h) => h.status === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(20);
    const ends = planned.map((h) => positionAtDepth(holePath(h), h.depth)[2]);
    expect(within(Math.min(...ends), -100, 0.01)).toBe(true);
    expect(Math.min(...ends)).toBeGreaterThanOrEqual(-104);
    const sampled = new Set(dep.intervals.flatMap((t) => (t.data?.hole ?? []) as string[]));
    expect(planned.filter((h) => sampled.has(h.id))).toEqual([]);
  });

  it('restoring the faults lines McDowell Set 1 up again', () => {
    const models: FaultBlockModel[] = dep.faults.map((f) => {
      const s = dep.surfaces.find((x) => x.id === f.surface)!;
      return buildFaultModel({ id: f.id, vertices: s.vertices, triangles: s.triangles, movingSide: f.movingSide, slip: f.slip });
    });
    const full = models.map((m) => length(m.slip));
    const pieces = surfacesOf(['mcdowell-1']).map((s) => {
      const v = verts(s);
      const c = scale(v.reduce(add, [0, 0, 0] as Vec3), 1 / v.length);
      const mask = blockMask(models, c);
      return { v, c, mask, shift: displacement(models, full, mask) };
    });
    const { axis } = pca(pieces.flatMap((p) => p.v));
    pieces.sort((a, b) => a.c[0] * axis[0] + a.c[1] * axis[1] - (b.c[0] * axis[0] + b.c[1] * axis[1]));
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (let k = 0; k + 1 < pieces.length; k++) {
      const [a, b] = [pieces[k], pieces[k + 1]];
      const bits = a.mask ^ b.mask;
      expect(bits && !(bits & (bits - 1))).toBeTruthy(); // one fault between neighbours
      const f = models[Math.log2(bits)];
      const endA = a.v.filter((p) => Math.abs(sideValue(f, p)) < 0.5);
      const endB = b.v.filter((p) => Math.abs(sideValue(f, p)) < 0.5);
      expect(endA.length).toBeGreaterThan(5);
      // Restored (moved back by -displacement): every end vertex of A has a facing vertex of B within 2 m.
      const rB = endB.map((p) => sub(p, b.shift));
      const gaps = endA.map((p) => {
        const q = sub(p, a.shift);
        const near = rB.reduce((best, r, i) => (length(sub(r, q)) < best.d ? { d: length(sub(r, q)), i } : best), { d: Infinity, i: -1 });
        return { restored: near.d, mapped: length(sub(p, endB[near.i])) };
      });
      const slip = length(f.slip);
      const paired = gaps.filter((g) => g.restored < 2);
      expect(paired.length / gaps.length).toBeGreaterThan(0.8); // all but the top rows, where the blocks' tops differ
      for (const g of paired) expect(Math.abs(g.mapped - slip)).toBeLessThan(0.05 * slip);
    }
  });
});
