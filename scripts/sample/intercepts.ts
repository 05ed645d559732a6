/**
 * Narrow-vein samples: where a hole crosses a vein piece, ONE sample spans the vein, from contact
 * to contact along the hole, centred on the pierce point. Widths and grades are tuned so that the
 * McDowell intercepts of the drilled holes average 0.82 m horizontal width and 6.07 g/t Au
 * (HW-weighted, capped at 45 g/t), measured on the rounded values that are written.
 */
import { directionAtDepth } from '../../src/domain/desurvey';
import { strikeDipFromNormal } from '../../src/domain/orientation';
import { dot, type Vec3 } from '../../src/domain/vec3';
import { round2 } from './frame';
import { CAP, TARGET_GRADE, TARGET_HW } from './figures';
import type { DrillHole } from './holes';
import type { Hit, TriIndex } from './pierce';
import { lognormal, stream } from './rng';

export interface VeinSample {
  hole: number;
  from: number;
  to: number;
  zone: string;
  au: number;
  /** pierce depth (m), |cos| of hole to vein normal, sin of the vein dip */
  depth: number;
  cosA: number;
  sinD: number;
}

const MIN_GAP = 4; // m between kept crossings of one hole
const MAX_CORE = 6; // m, longest vein sample (very oblique crossings)
const MIN_ABOVE_CAP = 6; // uncapped McDowell assays above 45 g/t, so the cap matters
const clamp = (x: number, a: number, b: number) => Math.min(b, Math.max(a, x));
export const isMcDowell = (zone: string) => zone.startsWith('mcdowell-');

/** The crossings that get a vein sample: not at the collar or the end, at least 4 m apart. */
export function keptHits(hole: DrillHole, hits: Hit[]): { kept: Hit[]; dropped: number } {
  const kept: Hit[] = [];
  for (const h of hits) {
    if (h.depth < 1.6 || h.depth > hole.rec.depth - 1.6) continue;
    if (kept.length && h.depth - kept[kept.length - 1].depth < MIN_GAP) continue;
    kept.push(h);
  }
  return { kept, dropped: hits.length - kept.length };
}

function span(depth: number, core: number): [number, number] {
  const L = Math.max(0.05, round2(core));
  const from = round2(depth - L / 2);
  return [from, round2(from + L)];
}

const hwOf = (s: VeinSample) => ((s.to - s.from) * s.cosA) / s.sinD;

/** Vein samples of all drilled holes, with widths and grades tuned to the published figures. */
export function veinSamples(seed: number, holes: DrillHole[], hits: Hit[][], index: TriIndex): VeinSample[] {
  const r = stream(seed, 'widths');
  const g = stream(seed, 'grades');
  const out: VeinSample[] = [];
  const base: number[] = [];
  const gbase: number[] = [];
  holes.forEach((hole, hi) => {
    for (const h of hits[hi]) {
      const zone = index.surfaces[h.surface].zone;
      const dir: Vec3 = directionAtDepth(hole.path, h.depth);
      const cosA = Math.max(Math.abs(dot(dir, h.normal)), 1e-3);
      const sinD = Math.sin((strikeDipFromNormal(h.normal).dip * Math.PI) / 180);
      out.push({ hole: hi, from: 0, to: 0, zone, au: 0, depth: h.depth, cosA, sinD });
      // Width draws: true width (m) for McDowell and the other veins, core length for Talus.
      base.push(zone === 'talus' ? clamp(lognormal(r, 0.6, 0.8), 0.05, 3.04) : lognormal(r, isMcDowell(zone) ? 0.5 : 0.45, 0.7));
      gbase.push(lognormal(g, 1, isMcDowell(zone) ? 1.15 : 1.25));
    }
  });
  const mcd = out.map((_, i) => i).filter((i) => isMcDowell(out[i].zone));
  const talus = out.map((_, i) => i).filter((i) => out[i].zone === 'talus');
  const other = out.map((_, i) => i).filter((i) => !isMcDowell(out[i].zone) && out[i].zone !== 'talus');

  // McDowell widths: scale the true widths until the mean horizontal width is 0.82 m.
  let k = 1;
  const setMcd = () => mcd.forEach((i) => {
    const tw = clamp(k * base[i], 0.05, 3);
    [out[i].from, out[i].to] = span(out[i].depth, Math.min(MAX_CORE, tw / out[i].cosA));
  });
  for (let it = 0; it < 12; it++) {
    setMcd();
    const mean = mcd.reduce((s, i) => s + hwOf(out[i]), 0) / mcd.length;
    if (Math.abs(mean / TARGET_HW - 1) < 1e-4) break;
    k *= TARGET_HW / mean;
  }
  // Talus: core lengths 0.05-3.04 m, grades 0.03-61.58 g/t as published (extremes set exactly).
  if (talus.length >= 2) {
    const lo = talus.reduce((a, i) => (base[i] < base[a] ? i : a), talus[0]);
    const hi = talus.reduce((a, i) => (base[i] > base[a] ? i : a), talus[0]);
    base[lo] = 0.05;
    base[hi] = 3.04;
    talus.forEach((i) => { [out[i].from, out[i].to] = span(out[i].depth, base[i]); });
    const glo = talus.reduce((a, i) => (gbase[i] < gbase[a] ? i : a), talus[0]);
    const ghi = talus.reduce((a, i) => (gbase[i] > gbase[a] ? i : a), talus[0]);
    talus.forEach((i) => { out[i].au = clamp(round2(2.5 * gbase[i]), 0.03, 61.58); });
    out[glo].au = 0.03;
    out[ghi].au = 61.58;
  }
  other.forEach((i) => {
    [out[i].from, out[i].to] = span(out[i].depth, Math.min(MAX_CORE, clamp(base[i], 0.05, 2.5) / out[i].cosA));
    out[i].au = Math.max(0.01, round2(2 * gbase[i]));
  });

  // McDowell grades: scale so the HW-weighted capped mean is 6.07 g/t, with at least six
  // uncapped assays above 45 g/t so the cap matters.
  const hw = mcd.map((i) => hwOf(out[i]));
  const sumHw = hw.reduce((a, b) => a + b, 0);
  const gradeAt = (kk: number) => mcd.reduce((s, i, j) => s + hw[j] * Math.min(CAP, Math.max(0.01, round2(kk * gbase[i]))), 0) / sumHw;
  let kg = 1;
  for (let attempt = 0; attempt < 6; attempt++) {
    let a = 0.01, b = 100;
    for (let it = 0; it < 80; it++) {
      const m = (a + b) / 2;
      if (gradeAt(m) < TARGET_GRADE) a = m; else b = m;
    }
    kg = (a + b) / 2;
    const above = mcd.filter((i) => kg * gbase[i] > CAP).length;
    if (above >= MIN_ABOVE_CAP) break;
    // Lift the highest draws above the cap and solve again.
    const top = [...mcd].sort((x, y) => gbase[y] - gbase[x]).slice(0, MIN_ABOVE_CAP);
    top.forEach((i, j) => { gbase[i] = Math.max(gbase[i], ((CAP + 5) * (1 + 0.25 * j)) / kg); });
  }
  mcd.forEach((i) => { out[i].au = Math.max(0.01, round2(kg * gbase[i])); });
  return out;
}
