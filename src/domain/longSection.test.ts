import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, SurfaceModel } from '../data/model';
import type { ZoneT } from '../data/schema';
import { loadDepositText } from '../data/load';
import { disclosurePreset, queryIntercepts } from './interceptQuery';
import {
  allFrames, azimuthText, defaultSystem, frameFromVertices, longSectionFrame, MERGE_GAP, piercePoints, PLANNED_REACH, projectResources, projectWorkings,
  surfaceOutlines, veinSystems, workingLevels,
} from './longSection';
import { directionFromAzDip } from './orientation';
import { holePaths } from './prepare';
import { add, dot, scale, sub, type Vec3 } from './vec3';

const RAD = Math.PI / 180;
const STRIKE = 60;
const DIP = 60;
const DIP_DIR = STRIKE + 90; // right-hand rule: dips to the right of strike (150°, south-east)
const along: Vec3 = [Math.sin(STRIKE * RAD), Math.cos(STRIKE * RAD), 0];
const downDipH: Vec3 = [Math.sin(DIP_DIR * RAD), Math.cos(DIP_DIR * RAD), 0];
/** upward unit normal of the vein plane */
const normal: Vec3 = add(scale(downDipH, Math.sin(DIP * RAD)), [0, 0, Math.cos(DIP * RAD)]);
/** The vein: a plane rectangle striking 060°, dipping 60° SE, ±200 m along strike, from 100 m down to -200 m elevation. */
const TOP = 100;
const BOTTOM = -200;
const run = (TOP - BOTTOM) / Math.tan(DIP * RAD);
const corner = (u: number, top: boolean): Vec3 => add(scale(along, u), top ? [0, 0, TOP] : add(scale(downDipH, run), [0, 0, BOTTOM]));
const veinVertices = [corner(-200, true), corner(200, true), corner(200, false), corner(-200, false)];
const veinSurface: SurfaceModel = {
  id: 'v1-s',
  zoneId: 'v1',
  name: 'vein',
  vertices: Float64Array.from(veinVertices.flat()),
  triangles: Uint32Array.from([0, 1, 2, 0, 2, 3]),
};
const zones: ZoneT[] = [
  { id: 'v1', name: 'Vein 1', color: '#cc3333', kind: 'vein', system: 'S' },
  { id: 'w', name: 'West vein', color: '#3333cc', kind: 'vein' },
  { id: 'host', name: 'Host', color: '#999999', kind: 'host' },
];

/** A straight hole from `collar` toward azimuth/dip; where it crosses the vein plane (depth along the hole). */
function crossingDepth(collar: Vec3, az: number, dip: number): number {
  const d = directionFromAzDip(az, dip);
  return dot(normal, sub([0, 0, TOP], collar)) / dot(normal, d);
}

interface HoleSpec {
  id: string;
  collar: Vec3;
  az: number;
  dip: number;
  depth: number;
  status?: 'drilled' | 'planned';
  /** [from, to, Au, zone] */
  rows?: [number, number, number, string | null][];
}

function makeModel(holes: HoleSpec[]): Model {
  const all = holes.flatMap((h, hi) => (h.rows ?? []).map((r) => ({ hi, r })));
  const categories: string[] = [];
  const codes = Int32Array.from(all, ({ r }) => {
    if (r[3] === null) return -1;
    if (!categories.includes(r[3])) categories.push(r[3]);
    return categories.indexOf(r[3]);
  });
  return {
    project: { name: 'test', crs: { name: 'local' }, units: { length: 'm', grade: 'g/t' }, illustrative: false, referenceElevation: 100 },
    zones,
    surfaces: [veinSurface],
    pointSets: [],
    faults: [],
    holes: holes.map((h) => ({
      id: h.id, collar: h.collar, depth: h.depth, collarAzimuth: h.az, collarDip: h.dip, stations: [], program: 'test', type: 'surface', status: h.status ?? 'drilled',
    })),
    intervals: [{
      id: 'assays',
      name: 'Assays',
      columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }, { name: 'zone', type: 'categorical' }],
      hole: Int32Array.from(all, (x) => x.hi),
      from: Float64Array.from(all, (x) => x.r[0]),
      to: Float64Array.from(all, (x) => x.r[1]),
      numeric: { Au: Float64Array.from(all, (x) => x.r[2]) },
      categorical: { zone: { codes, categories } },
    }],
    resourceCategories: [
      { id: 'r-ind', category: 'indicated', zone: 'v1', outline: [corner(-100, true), corner(100, true), add(corner(100, true), [0, 0, -50]), add(corner(-100, true), [0, 0, -50])] },
      { id: 'r-other', category: 'inferred', zone: 'w', outline: [[0, 0, 0], [1, 0, 0], [1, 1, 0]] },
    ],
    workings: [
      { id: 'drift-50', name: '50 m level drift', kind: 'drift', path: [add(corner(-150, true), [0, 0, -50]), add(corner(150, true), [0, 0, -50])], levelDepth: 50 },
      { id: 'far', name: 'Far away', kind: 'drift', path: [[5000, 5000, 0], [5100, 5000, 0]], levelDepth: 70 },
      { id: 'shaft', name: 'Shaft', kind: 'shaft', path: [[0, 0, 100], [0, 0, 0]] },
    ],
    views: [],
  };
}

/** Hanging-wall collar at distance u along strike, 300 m out on the dip side, at 100 m elevation. */
const hw = (u: number): Vec3 => add(scale(along, u), add(scale(downDipH, 300), [0, 0, 100]));
const LOOK = STRIKE + 270; // 330°: toward the footwall, +u on the right

describe('long-section frame', () => {
  const model = makeModel([]);
  const frame = longSectionFrame(model, 'S')!;

  it('strike from the PCA of the vein vertices, origin at their centroid, +u on the right', () => {
    expect(frame.strike).toBeCloseTo(STRIKE, 6);
    expect(frame.lookAzimuth).toBeCloseTo(LOOK, 6);
    const c = veinVertices.reduce((s, v) => add(s, v), [0, 0, 0] as Vec3).map((x) => x / 4);
    frame.origin.forEach((x, i) => expect(x).toBeCloseTo(c[i], 9));
    // Looking 330°, the strike direction 060° is to the right: a clockwise turn from look to along (in plan, z of look × along < 0).
    expect(frame.look[0] * frame.along[1] - frame.look[1] * frame.along[0]).toBeCloseTo(-1, 12);
    expect(frame.zoneIds).toEqual(['v1']);
    expect(frame.extent.uMin).toBeCloseTo(-200, 6);
    expect(frame.extent.uMax).toBeCloseTo(200, 6);
    expect(frame.extent.zMin).toBe(BOTTOM);
    expect(frame.extent.zMax).toBe(TOP);
  });

  it('projection: distance along strike and elevation; the across-strike coordinate is dropped', () => {
    const o = frame.origin;
    for (const [u, k, z] of [[0, 0, 0], [150, 0, 40], [-75.5, 30, -120], [10, -400, 300]]) {
      const p: Vec3 = [o[0] + u * frame.along[0] + k * frame.look[0], o[1] + u * frame.along[1] + k * frame.look[1], z];
      const [pu, pz] = frame.project(p);
      expect(pu).toBeCloseTo(u, 9);
      expect(pz).toBe(z);
      expect(frame.offset(p)).toBeCloseTo(k, 9);
    }
    // at(u) is on the section line and projects back to u; eastings and northings invert it.
    const [e, n] = frame.at(123);
    expect(frame.project([e, n, 0])[0]).toBeCloseTo(123, 9);
    expect(frame.offset([e, n, 0])).toBeCloseTo(0, 9);
    expect(frame.uOfEasting(e)).toBeCloseTo(123, 9);
    expect(frame.uOfNorthing(n)).toBeCloseTo(123, 9);
  });

  it('the mean (dipping) plane of the vertices', () => {
    expect(frame.meanPlane.dip).toBeCloseTo(DIP, 6);
    expect(frame.meanPlane.dipDirection).toBeCloseTo(DIP_DIR, 6);
    expect(frame.meanPlane.rms).toBeCloseTo(0, 6);
    expect(frame.planeDistance(corner(37, true))).toBeCloseTo(0, 6);
    expect(frame.planeDistance(add(corner(37, true), [0, 0, 10]))).toBeCloseTo(10 * Math.cos(DIP * RAD), 6);
  });

  it('strike stays in [0, 180): a north-south vein looks west with north on the right', () => {
    const f = frameFromVertices('x', [], [0, 0, 0, 0, 100, 0, 0, 0, -50, 0, 100, -50])!;
    expect(f.strike).toBeCloseTo(0, 6);
    expect(f.lookAzimuth).toBeCloseTo(270, 6);
    expect(f.project([0, 100, 0])[0]).toBeCloseTo(50, 9);
    expect(Number.isNaN(f.uOfEasting(3))).toBe(true);
    expect(frameFromVertices('x', [], [1, 2, 3])).toBeNull();
  });

  it('vein systems: zones grouped by system, the default McDowell when present', () => {
    expect(veinSystems(model)).toEqual([
      { id: 'S', name: 'S', zoneIds: ['v1'] },
      { id: 'w', name: 'West vein', zoneIds: ['w'] },
    ]);
    expect(defaultSystem(veinSystems(model))).toBe('S');
    expect(defaultSystem([{ id: 'Talus', name: 'Talus', zoneIds: [] }, { id: 'McDowell', name: 'McDowell', zoneIds: [] }])).toBe('McDowell');
    expect(defaultSystem([])).toBeNull();
    expect(longSectionFrame(model, 'nope')).toBeNull();
    expect(longSectionFrame(model, 'w')).toBeNull(); // no surface
    expect(azimuthText(67.4)).toBe('067°');
    expect(azimuthText(359.8)).toBe('000°');
  });

  it('resource outlines of the system, workings near it, and level elevations', () => {
    const res = projectResources(model, frame);
    expect(res.map((r) => r.id)).toEqual(['r-ind']);
    expect(res[0].category).toBe('indicated');
    const us = res[0].points.map((p) => p[0]);
    expect(Math.min(...us)).toBeCloseTo(-100, 6);
    expect(Math.max(...us)).toBeCloseTo(100, 6);
    expect(res[0].points.map((p) => p[1])).toEqual([100, 100, 50, 50]);
    const w = projectWorkings(model, frame);
    expect(w.map((x) => x.id)).toEqual(['drift-50', 'shaft']);
    expect(w[0].points[0][0]).toBeCloseTo(-150, 6);
    expect(w[0].points[0][1]).toBe(50);
    expect(workingLevels(w, 100)).toEqual([{ depth: 50, elevation: 50 }]);
  });

  it('surface outlines: the boundary of the vein mesh as one closed loop', () => {
    const [o] = surfaceOutlines(model, frame);
    expect(o.zoneId).toBe('v1');
    expect(o.loops).toHaveLength(1);
    expect(o.loops[0]).toHaveLength(4);
    const us = o.loops[0].map((p) => Math.round(p[0]));
    expect(new Set(us)).toEqual(new Set([-200, 200]));
  });
});

describe('pierce points', () => {
  const d1 = crossingDepth(hw(-100), LOOK, -45);
  const d6 = crossingDepth(hw(100), LOOK, -45);
  const d4 = crossingDepth(hw(50), LOOK, -80);
  const holes: HoleSpec[] = [
    // an assayed crossing: 6 g/t over 1 m then 2 g/t over 0.5 m, logged in the vein
    { id: 'D1', collar: hw(-100), az: LOOK, dip: -45, depth: 400, rows: [[d1 - 0.5, d1 + 0.5, 6, 'v1'], [d1 + 0.5, d1 + 1, 2, 'v1'], [d1 + 1, d1 + 3, 0.01, null]] },
    // crosses the vein, never assayed
    { id: 'D2', collar: hw(-50), az: LOOK, dip: -45, depth: 400 },
    // planned, crosses the modelled vein
    { id: 'P3', collar: hw(0), az: LOOK, dip: -45, depth: 400, status: 'planned' },
    // planned, steep: crosses the plane below the modelled vein (down-dip extension), stops 20 m past it
    { id: 'P4', collar: hw(50), az: LOOK, dip: -80, depth: d4 + 20, status: 'planned' },
    // planned, shallow and short: ends far from the vein plane, targets something else
    { id: 'P7', collar: hw(-20), az: LOOK, dip: -80, depth: 60, status: 'planned' },
    // drilled away from the vein: no pierce point
    { id: 'D5', collar: hw(0), az: DIP_DIR, dip: -45, depth: 200 },
    // one crossing split by a 1 m unsampled gap: two intercepts, one pierce point
    { id: 'D6', collar: hw(100), az: LOOK, dip: -45, depth: 400, rows: [[d6 - 1.5, d6 - 0.5, 4, 'v1'], [d6 + 0.5, d6 + 1.5, 10, 'v1']] },
  ];
  const model = makeModel(holes);
  const paths = holePaths(model, 'minimum-curvature', []);
  const frame = longSectionFrame(model, 'S')!;
  const rows = queryIntercepts(model, paths, disclosurePreset('S', 45));
  const points = piercePoints(model, paths, rows, frame);
  const byHole = (id: string) => points.filter((p) => p.holeId === id);

  it('one point per hole-vein crossing, of the right kind', () => {
    expect(rows.map((r) => r.holeId)).toEqual(['D1', 'D6', 'D6']);
    expect(points.map((p) => [p.holeId, p.kind, p.source])).toEqual([
      ['D1', 'intercept', 'intercept'],
      ['D2', 'no-intercept', 'surface'],
      ['P3', 'planned', 'surface'],
      ['P4', 'planned', 'mean-plane'],
      ['D6', 'intercept', 'intercept'],
    ]);
  });

  it('an intercept point: its midpoint projected, capped grade, horizontal width and g/t·m', () => {
    const [p] = byHole('D1');
    const r = rows[0];
    expect(p.from).toBeCloseTo(d1 - 0.5, 9);
    expect(p.to).toBeCloseTo(d1 + 1, 9);
    expect(p.world).toEqual(r.midpoint);
    const [u, z] = frame.project(r.midpoint);
    expect(p.u).toBeCloseTo(u, 9);
    expect(p.z).toBeCloseTo(z, 9);
    // on the vein, 100 m along strike to the left of the centre
    expect(p.u).toBeCloseTo(-100, 0);
    expect(p.grade).toBeCloseTo((6 * 1 + 2 * 0.5) / 1.5, 9);
    expect(p.widthKind).toBe('horizontal');
    // A hole at -45° toward 330° meets a 60° vein dipping 150°: TW = L |d·n|, HW = TW / sin 60°.
    const d = directionFromAzDip(LOOK, -45);
    const hwExpected = (1.5 * Math.abs(dot(d, normal))) / Math.sin(DIP * RAD);
    expect(p.width).toBeCloseTo(hwExpected, 6);
    expect(p.width).toBeCloseTo(r.horizontalWidth!, 9);
    expect(p.gramMetres).toBeCloseTo(p.grade! * p.width!, 9);
    expect(p.rows).toEqual(r.rows);
  });

  it('crossings without an intercept sit where the hole meets the vein surface', () => {
    for (const id of ['D2', 'P3']) {
      const [p] = byHole(id);
      const h = holes.find((x) => x.id === id)!;
      const d = crossingDepth(h.collar, h.az, h.dip);
      expect(p.depth).toBeCloseTo(d, 6);
      const expected = add(h.collar, scale(directionFromAzDip(h.az, h.dip), d));
      p.world.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 6));
      expect(p.grade).toBeNull();
      expect(p.gramMetres).toBeNull();
      expect(p.zoneId).toBe('v1');
    }
    expect(byHole('D2')[0].u).toBeCloseTo(-50, 6);
    expect(byHole('P3')[0].u).toBeCloseTo(0, 6);
  });

  it('a planned hole past the modelled vein is projected where it meets the mean plane', () => {
    const [p] = byHole('P4');
    expect(p.depth).toBeCloseTo(d4, 1);
    expect(p.z).toBeLessThan(BOTTOM);
    expect(p.u).toBeCloseTo(50, 1);
    expect(p.zoneId).toBeNull();
    expect(Math.abs(frame.planeDistance(add(hw(-20), scale(directionFromAzDip(LOOK, -80), 60))))).toBeGreaterThan(PLANNED_REACH);
    expect(allFrames(model).map((f) => f.system)).toEqual(['S']);
    // A planned hole ending far (> PLANNED_REACH) from the plane belongs to no long section.
    expect(byHole('P7')).toEqual([]);
  });

  it(`intercepts of one hole and vein within ${MERGE_GAP} m are one crossing: widths add, grade width-weighted`, () => {
    const [p] = byHole('D6');
    const [a, b] = rows.filter((r) => r.holeId === 'D6');
    expect(p.from).toBe(a.from);
    expect(p.to).toBe(b.to);
    expect(p.width).toBeCloseTo(a.horizontalWidth! + b.horizontalWidth!, 9);
    expect(p.grade).toBeCloseTo(7, 9); // equal widths: (4 + 10) / 2
    expect(p.gramMetres).toBeCloseTo(4 * a.horizontalWidth! + 10 * b.horizontalWidth!, 9);
    expect(p.u).toBeCloseTo(100, 0);
    expect(p.rows).toEqual([...a.rows, ...b.rows]);
  });

  it('intercepts of other systems are ignored', () => {
    const other = rows.map((r) => ({ ...r, zoneId: 'w' }));
    const pts = piercePoints(model, paths, other, frame);
    expect(pts.filter((p) => p.kind === 'intercept')).toHaveLength(0);
    // their crossings are still there, as crossings without an intercept
    expect(pts.filter((p) => p.holeId === 'D1').map((p) => p.kind)).toEqual(['no-intercept']);
  });
});

describe('the sample deposit (Rocmec 1, McDowell)', () => {
  const model = loadDepositText(readFileSync(new URL('../../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json').model!;
  const paths = holePaths(model, 'minimum-curvature', []);

  it('strikes east-northeast; every McDowell intercept is a pierce point; planned holes are shown', () => {
    const frame = longSectionFrame(model, defaultSystem(veinSystems(model))!)!;
    expect(frame.system).toBe('McDowell');
    expect(frame.strike).toBeGreaterThan(45);
    expect(frame.strike).toBeLessThan(90);
    // McDowell dips south (dip direction between 135° and 225°), moderately to steeply.
    expect(frame.meanPlane.dipDirection).toBeGreaterThan(135);
    expect(frame.meanPlane.dipDirection).toBeLessThan(225);
    expect(frame.extent.uMax - frame.extent.uMin).toBeGreaterThan(1500);
    const rows = queryIntercepts(model, paths, disclosurePreset('McDowell', 45));
    const points = piercePoints(model, paths, rows, frame);
    const hits = points.filter((p) => p.kind === 'intercept');
    expect(hits).toHaveLength(rows.length); // no two McDowell intercepts of a hole and set within 2 m
    for (const p of hits) {
      expect(p.grade).toBeLessThanOrEqual(45);
      expect(p.widthKind).toBe('horizontal');
    }
    const planned = points.filter((p) => p.kind === 'planned');
    expect(planned.length).toBeGreaterThan(5);
    for (const p of planned) expect(model.holes[p.holeIndex].status).toBe('planned');
    // Resource outlines and the 50-130 m levels.
    expect(projectResources(model, frame).length).toBeGreaterThan(0);
    const levels = workingLevels(projectWorkings(model, frame), model.project.referenceElevation ?? 0);
    expect(levels.map((l) => l.depth)).toEqual([50, 70, 90, 110, 130]);
  });
});
