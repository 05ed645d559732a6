/**
 * Drill holes and their assays for the stress deposit. Collars sit on a jittered grid south of the
 * veins; each hole points 340° (straight at the veins), dips 45-65° and is surveyed every 50 m with
 * a little drift. Every hole is sampled from collar to end in `perHole` contiguous intervals; the
 * intervals that cross a vein carry ore grades and the vein's id in the `zone` column, the rest a
 * low lognormal background. Intervals are kept as integer hundredths in typed arrays (17 bytes per
 * interval) so a million of them fit easily; the writer turns them into column-wise JSON.
 */
import { ACROSS, CENTRE_E, CENTRE_N, DIP, distanceToVein, fieldSize, GROUND, VEINS, world, type FieldSize } from './layout';
import { desurvey, directionAtDepth, positionAtDepth, type HolePath } from '../../src/domain/desurvey';
import type { Vec3 } from '../../src/domain/vec3';
import { lognormal, normal, stream, uniform } from '../sample/rng';
import { cents, toCents, type JsonWriter } from './writer';

const PROGRAMS = [
  { name: '1988 Surface', year: 1988 },
  { name: '1996 Surface', year: 1996 },
  { name: '2005 Surface', year: 2005 },
  { name: '2011 Infill', year: 2011 },
  { name: '2021 Expansion', year: 2021 },
];
const SURVEY_STEP = 50;

export interface HoleRecord {
  id: string;
  collar: [number, number, number];
  depth: number;
  azimuth: number;
  dip: number;
  surveys: { depth: number[]; azimuth: number[]; dip: number[] };
  program: string;
  year: number;
  type: 'surface' | 'underground';
  status: 'drilled' | 'planned';
}

export interface Assays {
  /** per row: hole index, from / to and Au in hundredths (Au -1 = missing), zone = vein index or -1 */
  hole: Int32Array;
  from: Int32Array;
  to: Int32Array;
  au: Int32Array;
  zone: Int8Array;
}

export interface Drilling {
  field: FieldSize;
  holes: HoleRecord[];
  assays: Assays;
  /** deepest along-dip distance at which a hole meets a vein, m (how far down the veins must reach) */
  maxDownDip: number;
}

const round2 = (x: number) => toCents(x) / 100;
const wrap360 = (a: number) => ((a % 360) + 360) % 360;

const SIN_DIP = Math.sin((DIP * Math.PI) / 180);
const COS_DIP = Math.cos((DIP * Math.PI) / 180);

/** Signed distance (m) from a vein's mean plane, positive on the hanging-wall (collar) side. */
function veinSide(k: number, p: Vec3): number {
  const v = (p[0] - CENTRE_E) * ACROSS[0] + (p[1] - CENTRE_N) * ACROSS[1];
  return (v - VEINS[k].offset) * SIN_DIP + (p[2] - GROUND) * COS_DIP;
}

export interface VeinHit {
  /** depth along the hole, m */
  depth: number;
  /** distance down the vein's dip from the ground surface, m */
  downDip: number;
  /** sine of the angle between hole and vein (apparent width = true width / sine) */
  sine: number;
}

/** First crossing of each vein along a desurveyed hole (5 m march, then bisection), or null. */
export function veinCrossings(path: HolePath, depth: number): (VeinHit | null)[] {
  const STEP = 5;
  return VEINS.map((_, k) => {
    if (veinSide(k, positionAtDepth(path, 0)) <= 0) return null;
    let d0 = 0;
    for (let d1 = STEP; d0 < depth; d1 = Math.min(depth, d1 + STEP)) {
      const s1 = veinSide(k, positionAtDepth(path, d1));
      if (s1 <= 0) {
        let a = d0;
        let b = d1;
        for (let it = 0; it < 30; it++) {
          const m = (a + b) / 2;
          if (veinSide(k, positionAtDepth(path, m)) > 0) a = m;
          else b = m;
        }
        const p = positionAtDepth(path, a);
        const dir = directionAtDepth(path, a);
        const normal: Vec3 = [ACROSS[0] * SIN_DIP, ACROSS[1] * SIN_DIP, COS_DIP];
        const sine = Math.abs(dir[0] * normal[0] + dir[1] * normal[1] + dir[2] * normal[2]);
        return { depth: a, downDip: (GROUND - p[2]) / SIN_DIP, sine };
      }
      d0 = d1;
    }
    return null;
  });
}

export function designDrilling(seed: number, holeCount: number, perHole: number): Drilling {
  const field = fieldSize(holeCount);
  const rng = stream(seed, 'holes');
  const grades = stream(seed, 'assays');
  const n = holeCount * perHole;
  const assays: Assays = {
    hole: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    au: new Int32Array(n),
    zone: new Int8Array(n),
  };
  const holes: HoleRecord[] = [];
  const pad = Math.max(5, String(holeCount).length);
  let maxDownDip = 0;
  let row = 0;
  for (let i = 0; i < holeCount; i++) {
    const col = i % field.cols;
    const line = Math.floor(i / field.cols);
    const u = -field.strikeLength / 2 + (col + 0.5) * field.du + uniform(rng, -0.3, 0.3) * field.du;
    const v = field.v0 + line * field.dv + uniform(rng, -0.3, 0.3) * field.dv;
    const underground = rng() < 0.04;
    const z = underground ? GROUND - 220 : GROUND + 4 * Math.sin(u / 210) * Math.cos(v / 170);
    const dip = round2(uniform(rng, -65, -45));
    const azimuth = round2(wrap360(340 + normal(rng) * 2));
    // Depth from a straight-line estimate of where the hole meets the farthest vein, plus a margin.
    const straight = VEINS.map((vein) => distanceToVein(vein, v, z, dip) ?? 0);
    const depth = Math.round(Math.min(1500, Math.max(120, Math.max(...straight) + 40 + rng() * 30)));
    // Surveys: a station every 50 m, slowly turning and flattening, as holes do.
    const sd: number[] = [];
    const sa: number[] = [];
    const sdip: number[] = [];
    const turn = normal(rng) * 0.3;
    const lift = 0.1 + rng() * 0.2;
    for (let d = 0; d <= depth; d += SURVEY_STEP) {
      const k = d / SURVEY_STEP;
      sd.push(d);
      sa.push(round2(wrap360(azimuth + k * turn + normal(rng) * 0.15)));
      sdip.push(round2(Math.min(-20, dip + k * lift + normal(rng) * 0.1)));
    }
    const collar = world(u, v, z).map(round2) as [number, number, number];
    // Where the drawn (minimum-curvature) hole actually crosses each vein's mean plane.
    const stations = sd.map((d, k) => ({ depth: d, azimuth: sa[k], dip: sdip[k] }));
    const path = desurvey({ holeId: String(i), collar, depth, stations }, 'minimum-curvature').path;
    const hits = veinCrossings(path, depth);
    for (const h of hits) if (h) maxDownDip = Math.max(maxDownDip, h.downDip);
    const program = PROGRAMS[Math.min(PROGRAMS.length - 1, Math.floor((col / field.cols) * PROGRAMS.length + (line % 2) * 0.5))];
    const id = `ST-${String(i + 1).padStart(pad, '0')}`;
    holes.push({
      id,
      collar,
      depth,
      azimuth,
      dip,
      surveys: { depth: sd, azimuth: sa, dip: sdip },
      program: program.name,
      year: program.year,
      type: underground ? 'underground' : 'surface',
      status: rng() < 0.03 ? 'planned' : 'drilled',
    });

    // Contiguous sampling from near the collar to the end of the hole.
    const start = toCents(rng() * 1.5);
    const end = toCents(depth - 0.05);
    const step = (end - start) / perHole;
    if (step < 2) throw new Error(`${perHole} intervals do not fit in hole ${id} (${depth} m): use fewer intervals per hole`);
    for (let k = 0; k < perHole; k++) {
      const from = Math.round(start + k * step);
      const to = k === perHole - 1 ? end : Math.round(start + (k + 1) * step);
      const f = from / 100;
      const t = to / 100;
      let zone = -1;
      let near = Infinity;
      for (let vi = 0; vi < hits.length; vi++) {
        const hit = hits[vi];
        if (hit === null) continue;
        const h = hit.depth;
        const half = VEINS[vi].width / 2 / Math.max(0.3, hit.sine);
        if (f < h + half && t > h - half) zone = vi;
        near = Math.min(near, Math.abs((f + t) / 2 - h));
      }
      let au: number;
      if (grades() < 0.004) au = -1;
      else {
        const g = zone >= 0 ? lognormal(grades, 5, 0.9) : near < 8 ? lognormal(grades, 0.4, 0.9) : lognormal(grades, 0.03, 1.1);
        au = Math.min(20000, Math.max(1, toCents(g)));
      }
      assays.hole[row] = i;
      assays.from[row] = from;
      assays.to[row] = to;
      assays.au[row] = au;
      assays.zone[row] = zone;
      row++;
    }
  }
  return { field, holes, assays, maxDownDip };
}

/** One hole per line, like the sample file. */
export function writeHoles(out: JsonWriter, holes: HoleRecord[]): void {
  holes.forEach((h, i) => out.write(`${i ? ',\n' : '\n'}    ${JSON.stringify(h)}`));
}

/** The assay table's record without its data (both writers: JSON here, binary in vsb.ts). */
export const ASSAY_TABLE = {
  id: 'assays',
  name: 'Assays (synthetic stress data)',
  columns: [
    { name: 'Au', type: 'numeric', unit: 'g/t' },
    { name: 'zone', type: 'categorical' },
  ],
};

/** The assay table, column by column (hole, from, to, Au, zone), one column per line. */
export function writeAssays(out: JsonWriter, holes: HoleRecord[], a: Assays): void {
  const n = a.hole.length;
  const head = ASSAY_TABLE;
  const ids = holes.map((h) => JSON.stringify(h.id));
  const zones = VEINS.map((v) => JSON.stringify(v.id));
  out.write(`\n    ${JSON.stringify(head).slice(0, -1)}, "data": {\n      "hole": `);
  out.array(n, (i) => ids[a.hole[i]]);
  out.write(',\n      "from": ');
  out.array(n, (i) => cents(a.from[i]));
  out.write(',\n      "to": ');
  out.array(n, (i) => cents(a.to[i]));
  out.write(',\n      "Au": ');
  out.array(n, (i) => (a.au[i] < 0 ? 'null' : cents(a.au[i])));
  out.write(',\n      "zone": ');
  out.array(n, (i) => (a.zone[i] < 0 ? 'null' : zones[a.zone[i]]));
  out.write('\n    }}');
}
