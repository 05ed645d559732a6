/**
 * Analytic vein sheets in the RESTORED state (all faults at zero offset).
 *
 * A sheet is the mid-surface of a vein: for along-strike u (m) and depth d (m below the 300 m
 * reference surface) it sits at across-strike offset h(u, d) (m, positive towards the dip
 * direction, i.e. south-south-east). h = d·cot(dip) + undulation, so the veins strike ENE and dip
 * south. Undulations of a few metres give the diverging / converging (anastomosing) look of the
 * Rocmec veins. Sheets are cut at the faults and meshed in pieces.ts.
 */
import { cot, makeFrame, MCD_FRAME, framePoint, smoothstep, type Frame } from './frame';
import { stream, uniform, type Rng } from './rng';

export interface Sheet {
  /** surface id prefix, e.g. "mcdowell-1" */
  id: string;
  /** zone id the pieces belong to */
  zone: string;
  /** human name prefix of the pieces */
  name: string;
  frame: Frame;
  /** along-strike extent in the restored state, m */
  uRange: [number, number];
  /** across-strike offset (m) at (u, d) */
  h: (u: number, d: number) => number;
  /** as-mapped depth (m below surface) of the top edge and of the deepest point */
  topDepth: number;
  bottomDepth: number;
}

/** Depth of the top edge of every vein, m: veins subcrop under 1-4 m of overburden. */
export const VEIN_TOP_DEPTH = 2.5;
/** Published McDowell figures this model honours. */
export const MCDOWELL_STRIKE_LENGTH = 1660; // m of strike
export const MCDOWELL_DEPTH = 317; // m below surface
export const FRONT_WEST_DEPTH = 110; // m below surface

type Wave = (u: number, d: number) => number;

/**
 * Sum of three sinusoids with random phases: amplitude `amp` (m), along-strike wavelengths
 * 180-420 m, down-dip wavelengths >= 200 m so the local dip changes by less than ~6°.
 */
function undulation(r: Rng, amp: number): Wave {
  const t = [0.55, 0.3, 0.2].map((a, i) => ({
    a: a * amp,
    ku: i === 1 ? 0 : 1 / uniform(r, 180, 420),
    kd: i === 0 ? 0 : (i === 1 ? 1 : -1) / uniform(r, 200, 320),
    ph: uniform(r, 0, 2 * Math.PI),
  }));
  return (u, d) => t.reduce((s, w) => s + w.a * Math.sin(2 * Math.PI * (w.ku * u + w.kd * d) + w.ph), 0);
}

/** Sinusoid along strike: mean + amp·sin(2πu/λ + φ). */
function alongStrike(r: Rng, mean: number, amp: number, lambda: number): (u: number) => number {
  const ph = uniform(r, 0, 2 * Math.PI);
  return (u) => mean + amp * Math.sin((2 * Math.PI * u) / lambda + ph);
}

export interface VeinModel {
  sheets: Sheet[];
  /** McDowell Set 1 offset h(u, d), reused by the alteration envelope, workings and resources */
  set1: Sheet;
  /** alteration envelope half-thickness towards the hanging wall (a) and footwall (b), m */
  envA: (u: number) => number;
  envB: (u: number) => number;
}

/**
 * All vein sheets. `mcdRange` is the restored along-strike extent of McDowell Set 1 (tuned by the
 * generator so that the as-mapped extent is 1,660 m); every random draw happens in a fixed order
 * so the undulations do not depend on it.
 */
export function buildVeins(seed: number, mcdRange: [number, number], mcdBottom = MCDOWELL_DEPTH): VeinModel {
  const r = stream(seed, 'veins');
  const [uW, uE] = mcdRange;
  const dip1 = alongStrike(r, 68, 3, 1100); // 65-71°
  const und1 = undulation(r, 2.4);
  const h1 = (u: number, d: number) => d * cot(dip1(u)) + und1(u, d);
  // Sets 2 (footwall, north) and 3 (hanging wall, south): 11-21 m and 10-20 m from Set 1.
  const off2 = alongStrike(r, -16, 5, 700);
  const off3 = alongStrike(r, 15, 5, 640);
  const und2 = undulation(r, 0.9);
  const und3 = undulation(r, 0.9);
  const h2 = (u: number, d: number) => h1(u, d) + off2(u) + und2(u, d);
  const h3 = (u: number, d: number) => h1(u, d) + off3(u) + und3(u, d);
  const mk = (id: string, zone: string, name: string, frame: Frame, uRange: [number, number],
    h: Sheet['h'], bottomDepth: number): Sheet => ({ id, zone, name, frame, uRange, h, topDepth: VEIN_TOP_DEPTH, bottomDepth });
  const set1 = mk('mcdowell-1', 'mcdowell-1', 'McDowell Set 1 (Main)', MCD_FRAME, [uW, uE], h1, mcdBottom);
  const set2 = mk('mcdowell-2', 'mcdowell-2', 'McDowell Set 2', MCD_FRAME, [uW + 90, uE - 140], h2, mcdBottom - 35);
  const set3 = mk('mcdowell-3', 'mcdowell-3', 'McDowell Set 3', MCD_FRAME, [uW + 210, uE - 70], h3, mcdBottom - 50);

  // Talus: branches off Set 2 in the footwall, 8 m from it at its west end, diverging to 33 m.
  const undT = undulation(r, 1.2);
  const hT = (u: number, d: number) => h2(u, d) - (8 + 25 * smoothstep(-720, -260, u)) + undT(u, d);
  const talus = mk('talus', 'talus', 'Talus', MCD_FRAME, [-720, -260], hT, 220);

  // Front West: hanging wall (south) of McDowell, near surface, to 110 m depth.
  const fwO = framePoint(MCD_FRAME, -380, 72, 0);
  const dipFW = alongStrike(r, 62, 3, 600);
  const undFW = undulation(r, 1.8);
  const frontWest = mk('front-west', 'front-west', 'Front West', makeFrame(66, fwO[0], fwO[1]), [-270, 250],
    (u, d) => d * cot(dipFW(u)) + undFW(u, d), FRONT_WEST_DEPTH);

  // Three further veins with neutral names: footwall (north), under the lake, and east.
  const nO = framePoint(MCD_FRAME, 0, -170, 0);
  const dipN = alongStrike(r, 72, 3, 800);
  const undN = undulation(r, 2.0);
  const north = mk('north-vein', 'north-vein', 'North Vein', makeFrame(67, nO[0], nO[1]), [-240, 420],
    (u, d) => d * cot(dipN(u)) + undN(u, d), 250);
  const lO = framePoint(MCD_FRAME, 150, -330, 0);
  const dipL = alongStrike(r, 60, 3, 700);
  const undL = undulation(r, 2.0);
  const lake = mk('lake-vein', 'lake-vein', 'Lake Vein', makeFrame(69, lO[0], lO[1]), [-230, 380],
    (u, d) => d * cot(dipL(u)) + undL(u, d), 200);
  const eO = framePoint(MCD_FRAME, 600, 95, 0);
  const dipE = alongStrike(r, 66, 3, 700);
  const undE = undulation(r, 2.0);
  const east = mk('east-vein', 'east-vein', 'East Vein', makeFrame(65, eO[0], eO[1]), [-230, 220],
    (u, d) => d * cot(dipE(u)) + undE(u, d), 230);

  // Alteration envelope around Set 1: total horizontal thickness T(u) = a + b between ~6 and 30 m,
  // widest (a 30 m plateau about 200 m long) around the workings at u ≈ -150 m.
  const wig = alongStrike(r, 0, 2.5, 210);
  const split = alongStrike(r, 0.56, 0.08, 520);
  const thick = (u: number) => Math.min(30, 7 + 27 * Math.exp(-(((u + 150) / 260) ** 2)) + wig(u));
  const envA = (u: number) => thick(u) * split(u);
  const envB = (u: number) => thick(u) * (1 - split(u));

  return { sheets: [set1, set2, set3, talus, frontWest, north, lake, east], set1, envA, envB };
}

/** The two sheets (hanging-wall side, footwall side) of the alteration envelope around Set 1. */
export function envelopeSheets(v: VeinModel): [Sheet, Sheet] {
  const s = v.set1;
  return [
    { ...s, id: 'mcdowell-alteration', zone: 'mcdowell-alteration', name: 'McDowell alteration envelope',
      h: (u, d) => s.h(u, d) + v.envA(u) },
    { ...s, id: 'mcdowell-alteration', zone: 'mcdowell-alteration', name: 'McDowell alteration envelope',
      h: (u, d) => s.h(u, d) - v.envB(u) },
  ];
}
