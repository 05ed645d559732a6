/**
 * The "assays" interval table: vein samples (lithology QV, zone = vein zone) plus wall-rock samples
 * of 1.0-1.5 m around them. Older programs sampled only 4-15 m either side of the veins, the
 * 2005-2006 programs and half the underground holes the whole hole below the overburden; the rest
 * is unsampled (a gap, not zero grade). A few wall-rock assays are missing (core loss) and written
 * as null. Wall rock: ALT inside the McDowell alteration envelope, GAB / QD / GRD in the host
 * intrusive, MV (mafic volcanics) outside it.
 */
import { positionAtDepth } from '../../src/domain/desurvey';
import { sub, type Vec3 } from '../../src/domain/vec3';
import { MCD_FRAME, frameCoords, round2 } from './frame';
import { blockShift, planeMask, type FaultCut } from './faults';
import type { DrillHole } from './holes';
import { hostLithology, hostPosition } from './host';
import { lognormal, stream, uniform, type Rng } from './rng';
import type { VeinModel } from './veins';
import type { VeinSample } from './intercepts';

export interface AssayTable {
  id: string;
  name: string;
  columns: { name: string; type: 'numeric' | 'categorical'; unit?: string }[];
  data: { hole: string[]; from: number[]; to: number[]; Au: (number | null)[]; zone: (string | null)[]; lithology: string[] };
}

interface Row { from: number; to: number; au: number | null; zone: string | null; lith: string }

/** Wall-rock lithology at an as-mapped point: the envelope is tested in the restored frame. */
export function lithologyAt(p: Vec3, veins: VeinModel, faults: FaultCut[]): string {
  const q = sub(p, blockShift(faults, planeMask(faults, p)));
  const c = frameCoords(MCD_FRAME, q);
  const s = veins.set1;
  if (c.u >= s.uRange[0] && c.u <= s.uRange[1] && c.d >= 0 && c.d <= s.bottomDepth) {
    const off = c.h - s.h(c.u, c.d);
    if (off <= veins.envA(c.u) && off >= -veins.envB(c.u)) return 'ALT';
  }
  const along = hostPosition(p);
  return along === null ? 'MV' : hostLithology(along);
}

/** Background gold (g/t) by wall rock: lognormal, medians 0.015-0.12 g/t, capped at 3 g/t. */
function backgroundAu(r: Rng, lith: string): number {
  const median = lith === 'ALT' ? 0.12 : lith === 'MV' ? 0.015 : 0.025;
  return Math.min(3, lognormal(r, median, 0.9));
}

/**
 * Split [a, b] into samples of 1.0-1.5 m. Stretches shorter than 2 m, against a vein contact or a
 * window end, give one or two shorter contact samples; slivers under 0.25 m stay unsampled.
 */
function splitStretch(r: Rng, a: number, b: number): [number, number][] {
  const len = b - a;
  if (len < 0.25) return [];
  const n = Math.max(1, Math.ceil(len / 1.5));
  const base = len / n;
  const jitter = base >= 1 ? Math.min(0.05, (1.5 - base) / 2, (base - 1) / 2) : 0;
  const bounds = [a];
  for (let k = 1; k < n; k++) bounds.push(round2(a + base * k + uniform(r, -jitter, jitter)));
  bounds.push(b);
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) out.push([bounds[k], bounds[k + 1]]);
  return out;
}

/** Sampled windows of a hole, m along it. */
function windows(r: Rng, hole: DrillHole, veins: VeinSample[]): [number, number][] {
  const rec = hole.rec;
  const start = rec.type === 'surface' ? round2(uniform(r, 2.5, 6) / Math.abs(Math.sin(((rec.dip ?? -60) * Math.PI) / 180))) : 0.3;
  const full = rec.year === 2005 || rec.year === 2006 || (rec.type === 'underground' && r() < 0.5);
  if (full) return [[start, rec.depth]];
  const w: [number, number][] = [];
  for (const v of veins) {
    const a = Math.max(start, round2(v.from - uniform(r, 4, 15)));
    const b = Math.min(rec.depth, round2(v.to + uniform(r, 4, 15)));
    if (w.length && a <= w[w.length - 1][1]) w[w.length - 1][1] = Math.max(w[w.length - 1][1], b);
    else w.push([a, b]);
  }
  return w;
}

export function buildAssays(seed: number, holes: DrillHole[], vein: VeinSample[], veins: VeinModel, faults: FaultCut[]): AssayTable {
  const r = stream(seed, 'assays');
  const table: AssayTable = {
    id: 'assays', name: 'Assays (illustrative)',
    columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }, { name: 'zone', type: 'categorical' }, { name: 'lithology', type: 'categorical' }],
    data: { hole: [], from: [], to: [], Au: [], zone: [], lithology: [] },
  };
  const byHole = new Map<number, VeinSample[]>();
  for (const v of vein) byHole.set(v.hole, [...(byHole.get(v.hole) ?? []), v]);
  holes.forEach((hole, hi) => {
    if (hole.rec.status !== 'drilled') return;
    const vs = (byHole.get(hi) ?? []).sort((a, b) => a.from - b.from);
    const rows: Row[] = vs.map((v) => ({ from: v.from, to: v.to, au: v.au, zone: v.zone, lith: 'QV' }));
    for (const [a, b] of windows(r, hole, vs)) {
      // Free stretches of the window between vein samples.
      let cur = a;
      const cuts = vs.filter((v) => v.to > a && v.from < b);
      for (const v of [...cuts, null]) {
        const end = v ? Math.min(b, v.from) : b;
        for (const [f, t] of splitStretch(r, cur, end)) {
          const lith = lithologyAt(positionAtDepth(hole.path, (f + t) / 2), veins, faults);
          const near = vs.some((x) => f < x.to + 1.5 && t > x.from - 1.5);
          // Within 1.5 m of a vein the wall rock carries a 3-10x halo, at most 4 g/t.
          let au: number | null = Math.min(4, backgroundAu(r, lith) * (near ? uniform(r, 3, 10) : 1));
          if (r() < 0.012) au = null; // core loss: missing, never zero
          rows.push({ from: f, to: t, au: au === null ? null : Math.max(0.01, round2(au)), zone: null, lith });
        }
        if (v) cur = Math.max(cur, v.to);
      }
    }
    rows.sort((x, y) => x.from - y.from);
    for (const row of rows) {
      table.data.hole.push(hole.rec.id);
      table.data.from.push(row.from);
      table.data.to.push(row.to);
      table.data.Au.push(row.au);
      table.data.zone.push(row.zone);
      table.data.lithology.push(row.lith);
    }
  });
  return table;
}
