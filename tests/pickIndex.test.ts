/** The pick index must answer exactly as the brute-force screen-space scan (src/domain/pick.ts). */
import { describe, expect, it } from 'vitest';
import { Matrix4, OrthographicCamera, PerspectiveCamera, type Camera } from 'three';
import { SegmentBuilder, type SegmentBuffer } from '../src/domain/segments';
import { pickRule, pickSegment, projectToScreen } from '../src/domain/pick';
import { buildPickIndex, pickIndexed, pickIndexOf } from '../src/domain/pickIndex';
import type { Vec3 } from '../src/domain/vec3';

const vp = { width: 640, height: 400 };

/** Seeded random (mulberry32): a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const attrs = (mask: number, row: number) => ({ value: 1, hole: [0, 0, 0, row] as [number, number, number, number], mask, row, d0: 0, d1: 1 });

/** n segments in a 1 km box, lengths 0 (points) to ~300 m, on fault blocks 0..3. */
function randomSegments(rnd: () => number, n: number): SegmentBuffer {
  const b = new SegmentBuilder([0, 0, 0]);
  for (let i = 0; i < n; i++) {
    const a: Vec3 = [rnd() * 1000, rnd() * 1000, rnd() * 400 - 300];
    const len = rnd() < 0.05 ? 0 : rnd() < 0.8 ? rnd() * 20 : rnd() * 300;
    const d: Vec3 = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5];
    b.push(a, [a[0] + d[0] * len, a[1] + d[1] * len, a[2] + d[2] * len], attrs(Math.floor(rnd() * 4), i));
  }
  return b.finish();
}

/** View-projection as PickHandler builds it: projection · view · scale(1, 1, VE). */
function viewProj(cam: Camera, ve: number): number[] {
  cam.updateMatrixWorld();
  return new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).multiply(new Matrix4().makeScale(1, 1, ve)).elements;
}

function camera(kind: 'perspective' | 'orthographic', rnd: () => number, inside: boolean): Camera {
  const cam = kind === 'perspective'
    ? new PerspectiveCamera(30 + rnd() * 40, vp.width / vp.height, 1, 20_000)
    : new OrthographicCamera(-700, 700, 440, -440, -5000, 5000);
  cam.up.set(0, 0, 1);
  // From outside the set, or (perspective) from inside it, so segments cross the eye plane.
  const r = inside ? 100 : 1500 + rnd() * 1500;
  const az = rnd() * 2 * Math.PI, el = (rnd() * 80 - 10) * (Math.PI / 180);
  cam.position.set(500 + r * Math.cos(el) * Math.sin(az), 500 + r * Math.cos(el) * Math.cos(az), -100 + r * Math.sin(el));
  cam.lookAt(500 + rnd() * 200 - 100, 500 + rnd() * 200 - 100, -100);
  return cam;
}

const shiftTable: Vec3[] = [[0, 0, 0], [25, -10, 5], [-40, 0, -60], [3, 80, 0]];

describe('pick index', () => {
  for (const kind of ['perspective', 'orthographic'] as const) {
    it(`returns exactly what the brute-force pick returns (${kind}, shifts, filters)`, () => {
      const rnd = random(kind === 'perspective' ? 7 : 11);
      let hits = 0, queries = 0;
      for (let set = 0; set < 6; set++) {
        const b = randomSegments(rnd, 300 + Math.floor(rnd() * 3000));
        const ix = buildPickIndex(b);
        const cam = camera(kind, rnd, kind === 'perspective' && set % 3 === 2);
        const m = viewProj(cam, set % 2 ? 2 : 1);
        const shiftOf = (mask: number) => shiftTable[mask];
        const hidden = new Uint8Array(b.count).map(() => (rnd() < 0.3 ? 1 : 0));
        const visible = (i: number) => !hidden[i];
        for (let q = 0; q < 60; q++) {
          // A third of the cursors anywhere, a third near a segment's drawn end (likely hits, often
          // several), a third just inside the tolerance from a segment's middle (the box tests' edge).
          const tol = 2 + rnd() * 10;
          let cursor: [number, number] = [rnd() * vp.width, rnd() * vp.height];
          if (q % 3) {
            const i = Math.floor(rnd() * b.count);
            const s = shiftOf(b.mask[i]);
            const at = (k: number) => (q % 3 === 1 ? b.end[i * 3 + k] : (b.start[i * 3 + k] + b.end[i * 3 + k]) / 2) + s[k];
            const p = projectToScreen(m, [at(0), at(1), at(2)], vp);
            const r = q % 3 === 1 ? rnd() * 3 : tol - 0.05, a = rnd() * 2 * Math.PI;
            if (p) cursor = [p[0] + r * Math.cos(a), p[1] + r * Math.sin(a)];
          }
          const want = pickSegment(b, m, vp, cursor, tol, shiftOf, visible);
          expect(pickIndexed(ix, m, vp, cursor, tol, shiftOf, visible)).toEqual(want);
          queries++;
          if (want) hits++;
        }
      }
      // The comparison means something only if many queries hit.
      expect(hits).toBeGreaterThan(queries * 0.3);
    });
  }

  it('visits only candidates near the pick ray', () => {
    const rnd = random(3);
    const b = randomSegments(rnd, 20_000);
    const ix = buildPickIndex(b);
    const cam = camera('perspective', rnd, false);
    const m = viewProj(cam, 1);
    let calls = 0;
    const none = (): Vec3 => [0, 0, 0];
    for (let q = 0; q < 50; q++) pickIndexed(ix, m, vp, [rnd() * vp.width, rnd() * vp.height], 5, none, () => (calls++, true));
    // visible() runs only for segments within the tolerance: a small share of the 20,000.
    expect(calls / 50).toBeLessThan(b.count * 0.02);
  });

  // Hand-made: orthographic top view, x ∈ [-100, 100] → [0, 200] px; y ∈ [-100, 100] → [200, 0] px.
  const ortho = [0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, -0.001, 0, 0, 0, 0, 1];
  const small = { width: 200, height: 200 };
  const b = new SegmentBuilder([0, 0, 0]);
  b.push([-50, 0, 0], [50, 0, 0], attrs(0, 0)); // horizontal through the centre
  b.push([0, -50, 0], [0, 50, -20], attrs(1, 1)); // vertical, on a moved block
  b.push([-50, -80, 10], [50, -80, 10], attrs(0, 2)); // horizontal, 10 m above segment 3
  b.push([-50, -80, 0], [50, -80, 0], attrs(0, 3));
  const buf = b.finish();
  const none = (): Vec3 => [0, 0, 0];
  const all = () => true;

  it('picks the segment straight under the cursor, with the position along it', () => {
    const hit = pickIndexed(pickIndexOf(buf), ortho, small, [125, 101], 5, none, all);
    expect(hit?.index).toBe(0);
    expect(hit?.t).toBeCloseTo(0.75, 6);
    expect(hit?.distancePx).toBeCloseTo(1, 6);
    expect(pickIndexOf(buf)).toBe(pickIndexOf(buf)); // built once per buffer
  });

  it('returns null when nothing is within tolerance, and never picks a hidden segment', () => {
    const ix = pickIndexOf(buf);
    expect(pickIndexed(ix, ortho, small, [125, 120], 5, none, all)).toBeNull();
    expect(pickIndexed(ix, ortho, small, [125, 101], 5, none, (i) => i !== 0)).toBeNull();
  });

  it('finds a shifted block where it is drawn, and the nearer of two stacked segments', () => {
    const ix = pickIndexOf(buf);
    const shift = (mk: number): Vec3 => (mk & 1 ? [30, 0, 0] : [0, 0, 0]);
    expect(pickIndexed(ix, ortho, small, [130, 60], 3, shift, (i) => i === 1)?.index).toBe(1);
    expect(pickIndexed(ix, ortho, small, [100, 60], 3, shift, (i) => i === 1)).toBeNull();
    // Segments 2 and 3 coincide on screen; 2 is higher (z 10 → NDC depth -0.01, nearer the eye).
    expect(pickIndexed(ix, ortho, small, [120, 180], 3, none, all)?.index).toBe(2);
    expect(pickIndexed(ix, ortho, small, [120, 180], 3, none, (i) => i !== 2)?.index).toBe(3);
  });

  it('picks among the hits within 1 px of the nearest the one nearest the eye, whatever their order', () => {
    // [segment, px from the cursor, NDC depth]: the nearest on screen is 0.7 px (segment 12), so
    // only hits up to 1.7 px count: 12 and 30 (1.5 px), and 30 is nearer the eye. Segment 5
    // (2.5 px) is nearest the eye of all but too far on screen.
    const hits: [number, number, number][] = [[5, 2.5, 0.1], [9, 1.8, 0.5], [12, 0.7, 0.9], [30, 1.5, 0.4], [41, 1.71, 0.0]];
    const pick = (h: [number, number, number][]) => pickRule(h.length, h.map((x) => x[0]), h.map(() => 0.5), h.map((x) => x[1]), h.map((x) => x[2]))?.index;
    expect(pick(hits)).toBe(30);
    expect(pick([...hits].reverse())).toBe(30);
    expect(pick([hits[2], hits[0], hits[4], hits[3], hits[1]])).toBe(30);
    // Equal depths: the lowest segment index.
    expect(pick([[8, 0.2, 0.3], [3, 0.9, 0.3]])).toBe(3);
    expect(pick([])).toBeUndefined();
  });
});
