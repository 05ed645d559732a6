/**
 * The drilling programs of the illustrative model (ids, years, targets). Surface holes are aimed at
 * points of the AS-MAPPED veins (restored sheet point moved with its fault block), so they find the
 * veins where the viewer draws them.
 */
import type { Vec3 } from '../../src/domain/vec3';
import { add } from '../../src/domain/vec3';
import { blockShift, planeMask, type FaultCut } from './faults';
import { collarFor, holeId, makeHole, type DrillHole, type HoleSpec } from './holes';
import { sheetPoint } from './pieces';
import { round2 } from './frame';
import { stream, uniform, type Rng } from './rng';
import type { Sheet, VeinModel } from './veins';
import type { DrillStation } from './workings';

/** As-mapped position of a restored sheet point (u, d), m. */
export function mappedPoint(s: Sheet, u: number, d: number, faults: FaultCut[]): Vec3 {
  const p = sheetPoint(s, u, d);
  return add(p, blockShift(faults, planeMask(faults, p)));
}

/** Deepest planned end: 400 m below the 300 m reference surface. */
export const PLANNED_FLOOR = -100;

export function designHoles(seed: number, veins: VeinModel, faults: FaultCut[], stations: DrillStation[]): DrillHole[] {
  const r = stream(seed, 'holes');
  const holes: DrillHole[] = [];
  const set1 = veins.set1;
  const [uW, uE] = set1.uRange;
  const add1 = (s: HoleSpec, rr: Rng = r) => holes.push(makeHole(rr, s, holes.length % 2 === 1));

  const surface = (prefix: string, program: string, year: number, sheet: Sheet, u: number, d: number,
    dipRange: [number, number], extra: [number, number], n: number) => {
    const t = mappedPoint(sheet, u, d, faults);
    const az = uniform(r, 335, 345);
    const dip = uniform(r, dipRange[0], dipRange[1]);
    const { collar, reach } = collarFor(t, az, dip);
    add1({ id: holeId(prefix, n), program, year, type: 'surface', status: 'drilled', collar,
      azimuth: round2(az), dip: round2(dip), depth: Math.round(reach + uniform(r, extra[0], extra[1])), target: sheet.zone });
  };

  // 1988: shallow holes along the whole McDowell strike, three tiers 35, 80 and 125 m down.
  let n = 0;
  for (let u = uW + 40; u <= uE - 40; u += 80) {
    for (const [d, dips] of [[35, [-52, -45]], [80, [-58, -48]], [125, [-60, -50]]] as const) {
      surface('RK88', '1988 Surface', 1988, set1, u + uniform(r, -12, 12), d + uniform(r, -8, 8), [dips[0], dips[1]], [35, 70], ++n);
    }
  }
  // 2005: deeper holes, 165-265 m down, every ~62 m.
  n = 0;
  for (let u = uW + 55; u <= uE - 40; u += 62) {
    for (const d of [165, 215, 265]) {
      surface('RK05', '2005 Surface', 2005, set1, u + uniform(r, -10, 10), d + uniform(r, -8, 8), [-72, -58], [40, 80], ++n);
    }
  }
  // 2006: the other veins.
  n = 0;
  const byZone = new Map(veins.sheets.map((s) => [s.zone, s]));
  for (const [zone, count] of [['talus', 6], ['front-west', 7], ['north-vein', 8], ['lake-vein', 6], ['east-vein', 7]] as const) {
    const s = byZone.get(zone)!;
    const [a, b] = s.uRange;
    for (let k = 0; k < count; k++) {
      const u = a + (b - a) * (0.1 + (0.8 * (k + 0.5)) / count) + uniform(r, -8, 8);
      const d = uniform(r, 25, 0.75 * s.bottomDepth);
      surface('RK06', '2006 Surface', 2006, s, u, d, [-65, -48], [30, 60], ++n);
    }
  }

  // 1996 underground fans from the drill bays: south across Sets 1 and 3 (flatter than the vein,
  // some upward), north across Set 2 and the footwall veins.
  n = 0;
  stations.forEach((st, i) => {
    const fan: [number, number, number][] = [[158 + uniform(r, -6, 6), uniform(r, -50, 20), uniform(r, 45, 110)]];
    if (i % 2 === 0) fan.push([338 + uniform(r, -6, 6), uniform(r, -65, 15), uniform(r, 60, 150)]);
    if (i % 3 === 1) fan.push([158 + uniform(r, -6, 6), uniform(r, -45, -30), uniform(r, 60, 120)]);
    for (const [az, dip, depth] of fan) {
      add1({ id: holeId('RK96-U', ++n), program: '1996 Underground', year: 1996, type: 'underground', status: 'drilled',
        collar: st.collar, azimuth: round2(az), dip: round2(dip), depth: Math.round(depth), target: 'mcdowell-1' });
    }
  });

  // 2007 planned: down-dip extensions of McDowell (335-390 m) and of the North and East veins.
  const planned: { sheet: Sheet; u: number; d: number }[] = [];
  for (let u = uW + 60; u <= uE - 60; u += 62) planned.push({ sheet: set1, u: u + uniform(r, -10, 10), d: uniform(r, 335, 390) });
  for (const zone of ['north-vein', 'east-vein']) {
    const s = byZone.get(zone)!;
    for (const f of [0.3, 0.7]) planned.push({ sheet: s, u: s.uRange[0] + f * (s.uRange[1] - s.uRange[0]), d: uniform(r, s.bottomDepth + 30, s.bottomDepth + 70) });
  }
  const deepest = planned.reduce((a, b, i) => (b.d > planned[a].d && b.sheet === set1 ? i : a), 0);
  planned.forEach((pl, i) => {
    const t = mappedPoint(pl.sheet, pl.u, pl.d, faults);
    const az = round2(uniform(r, 336, 344));
    const dip = round2(uniform(r, -72, -62));
    const { collar } = collarFor(t, az, dip);
    const sin = Math.abs(Math.sin((dip * Math.PI) / 180));
    // End 25-60 m past the target, never deeper than 400 m below surface; the deepest one exactly there.
    const endZ = i === deepest ? PLANNED_FLOOR : Math.max(PLANNED_FLOOR, t[2] - uniform(r, 25, 60) * sin);
    add1({ id: holeId('RK07-P', i + 1), program: '2007 Planned', year: 2007, type: 'surface', status: 'planned',
      collar, azimuth: az, dip, depth: round2((collar[2] - endZ) / sin), target: pl.sheet.zone });
  });
  return holes;
}
