/**
 * Micro-benchmark of the pick index (src/domain/pickIndex.ts) at 1,000,000 segments:
 * 10,000 holes × 100 segments of 2 m along inclined lines over 5 km × 5 km, two faults (four
 * blocks, shifted), a perspective camera seeing the whole set in a 1280 × 800 px view.
 * Prints build ms and median / p95 / max query ms, and checks a sample of queries against the
 * brute-force pickSegment. Run: npx tsx scripts/bench/pick-index.ts
 */
import { performance } from 'node:perf_hooks';
import { Matrix4, PerspectiveCamera } from 'three';
import { SegmentBuilder } from '../../src/domain/segments';
import { pickSegment, projectToScreen } from '../../src/domain/pick';
import { buildPickIndex, pickIndexed } from '../../src/domain/pickIndex';
import type { Vec3 } from '../../src/domain/vec3';

const HOLES = 10_000;
const SEGMENTS = 100;
const STEP = 2; // m along the hole
const AREA = 5000; // m, square side
const QUERIES = 1000;
const TOLERANCE_PX = 7;
const vp = { width: 1280, height: 800 };

// Seeded random (mulberry32) so every run measures the same layout and cursors.
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const b = new SegmentBuilder([0, 0, 0]);
for (let h = 0; h < HOLES; h++) {
  const c: Vec3 = [rnd() * AREA, rnd() * AREA, 300 + rnd() * 40];
  const az = rnd() * 2 * Math.PI, dip = (50 + rnd() * 35) * (Math.PI / 180);
  const d: Vec3 = [Math.cos(dip) * Math.sin(az), Math.cos(dip) * Math.cos(az), -Math.sin(dip)];
  // Two faults cut the area into four blocks (bit 0 east of 2.5 km, bit 1 north of 2.5 km).
  const mask = (c[0] > AREA / 2 ? 1 : 0) | (c[1] > AREA / 2 ? 2 : 0);
  for (let k = 0; k < SEGMENTS; k++) {
    const p0: Vec3 = [c[0] + d[0] * STEP * k, c[1] + d[1] * STEP * k, c[2] + d[2] * STEP * k];
    const p1: Vec3 = [p0[0] + d[0] * STEP, p0[1] + d[1] * STEP, p0[2] + d[2] * STEP];
    b.push(p0, p1, { value: rnd() * 10, hole: [0, 0, 2020, h], mask, row: h * SEGMENTS + k, d0: k * STEP, d1: (k + 1) * STEP });
  }
}
const buf = b.finish();
const shifts: Vec3[] = [[12, -5, -20], [0, 30, 8]];
const shiftOf = (mask: number): Vec3 => {
  const s: Vec3 = [0, 0, 0];
  shifts.forEach((v, k) => { if (mask & (1 << k)) { s[0] += v[0]; s[1] += v[1]; s[2] += v[2]; } });
  return s;
};
const visible = () => true;

const cam = new PerspectiveCamera(45, vp.width / vp.height, 10, 50_000);
cam.up.set(0, 0, 1);
cam.position.set(AREA * 1.3, -AREA * 0.8, 4500);
cam.lookAt(AREA / 2, AREA / 2, 150);
cam.updateMatrixWorld();
const m = new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;

const t0 = performance.now();
const ix = buildPickIndex(buf);
const buildMs = performance.now() - t0;

// Half the cursors on a drawn segment (a hit), half anywhere in the view.
const cursors: [number, number][] = [];
while (cursors.length < QUERIES) {
  if (cursors.length % 2) {
    cursors.push([rnd() * vp.width, rnd() * vp.height]);
    continue;
  }
  const i = Math.floor(rnd() * buf.count);
  const s = shiftOf(buf.mask[i]);
  const p = projectToScreen(m, [buf.start[i * 3] + s[0], buf.start[i * 3 + 1] + s[1], buf.start[i * 3 + 2] + s[2]], vp);
  if (p) cursors.push([p[0], p[1]]);
}
// The first queries run before the JIT has compiled the query: reported apart.
const c0 = performance.now();
pickIndexed(ix, m, vp, cursors[0], TOLERANCE_PX, shiftOf, visible);
const firstMs = performance.now() - c0;
for (const c of cursors.slice(0, 50)) pickIndexed(ix, m, vp, c, TOLERANCE_PX, shiftOf, visible);
const times: number[] = [];
let hits = 0;
for (const c of cursors) {
  const q0 = performance.now();
  const r = pickIndexed(ix, m, vp, c, TOLERANCE_PX, shiftOf, visible);
  times.push(performance.now() - q0);
  if (r) hits++;
}
times.sort((x, y) => x - y);
const at = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))];

// The index must answer exactly as the brute-force scan.
let mismatches = 0, bruteMs = 0;
for (const c of cursors.slice(0, 20)) {
  const q0 = performance.now();
  const want = pickSegment(buf, m, vp, c, TOLERANCE_PX, shiftOf, visible);
  bruteMs += performance.now() - q0;
  const got = pickIndexed(ix, m, vp, c, TOLERANCE_PX, shiftOf, visible);
  if (JSON.stringify(want) !== JSON.stringify(got)) mismatches++;
}

const f = (v: number) => v.toFixed(2);
console.log(`segments: ${buf.count.toLocaleString('en-US')} in ${ix.groups.length} fault blocks; nodes: ${(ix.boxes.length / 6).toLocaleString('en-US')}`);
console.log(`build: ${f(buildMs)} ms`);
console.log(`first query (cold): ${f(firstMs)} ms`);
console.log(`query (${QUERIES} cursors, ${hits} hits, tolerance ${TOLERANCE_PX} px): median ${f(at(0.5))} ms, p95 ${f(at(0.95))} ms, max ${f(times[times.length - 1])} ms`);
console.log(`brute force pickSegment: ${f(bruteMs / 20)} ms per query; mismatches in 20: ${mismatches}`);
if (mismatches > 0) process.exitCode = 1;
