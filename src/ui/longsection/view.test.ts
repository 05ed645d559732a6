import { describe, expect, it } from 'vitest';
import {
  fitView, groupDigits, panBy, pierceRadius, placeLabels, polygonsPath, scaleBarLength, symbolShrink, ticksFor, transformOf, zoomAbout,
  MIN_RADIUS, type PlotRect,
} from './view';

const rect: PlotRect = { x: 50, y: 10, w: 400, h: 200 };

describe('long-section view maths', () => {
  it('fits the bounds at equal scale, limited by the tighter axis', () => {
    // 2000 m × 400 m into 400 × 200 px: 0.2 px/m (width-limited)
    const v = fitView({ uMin: -1000, uMax: 1000, zMin: -100, zMax: 300 }, rect, 1);
    expect(v).toEqual({ cu: 0, cz: 100, k: 0.2 });
    const t = transformOf(v, rect, 1);
    expect(t.x(-1000)).toBeCloseTo(50, 9);
    expect(t.x(1000)).toBeCloseTo(450, 9);
    expect(t.y(100)).toBeCloseTo(110, 9);
    expect(t.y(300)).toBeCloseTo(70, 9); // z up
    expect(t.ky).toBe(t.kx);
    // With a vertical exaggeration of 5, height becomes the limit: 400 m × 5 = 2000 "m" into 200 px.
    const v5 = fitView({ uMin: -1000, uMax: 1000, zMin: -100, zMax: 300 }, rect, 5);
    expect(v5.k).toBeCloseTo(0.1, 12);
    const t5 = transformOf(v5, rect, 5);
    expect(t5.ky / t5.kx).toBe(5);
    expect(t5.y(300) - t5.y(-100)).toBeCloseTo(-200, 9);
  });

  it('inverts the transform', () => {
    const t = transformOf({ cu: 123, cz: -45, k: 0.37 }, rect, 2);
    expect(t.u(t.x(812.5))).toBeCloseTo(812.5, 9);
    expect(t.z(t.y(-301))).toBeCloseTo(-301, 9);
  });

  it('zooms about the pointer and pans with it', () => {
    const v = { cu: 0, cz: 0, k: 1 };
    const t0 = transformOf(v, rect, 2);
    const [px, py] = [100, 50];
    const u = t0.u(px), z = t0.z(py);
    const z2 = zoomAbout(v, rect, 2, px, py, 2, 0.1, 10);
    expect(z2.k).toBe(2);
    const t1 = transformOf(z2, rect, 2);
    expect(t1.x(u)).toBeCloseTo(px, 9);
    expect(t1.y(z)).toBeCloseTo(py, 9);
    expect(zoomAbout(v, rect, 1, px, py, 100, 0.1, 10).k).toBe(10);
    const p = panBy(v, 2, 30, -20);
    const tp = transformOf(p, rect, 2);
    expect(tp.x(u)).toBeCloseTo(px + 30, 9);
    expect(tp.y(z)).toBeCloseTo(py - 20, 9);
  });

  it('ticks on nice steps with room between them', () => {
    const { step, values } = ticksFor(-120, 310, 0.5, 26);
    expect(step).toBe(100); // 50 m would be 25 px apart
    expect(values).toEqual([-100, 0, 100, 200, 300]);
    expect(ticksFor(611_380, 612_870, 0.6, 92).values).toEqual([611_400, 611_600, 611_800, 612_000, 612_200, 612_400, 612_600, 612_800]);
    expect(ticksFor(611_380, 612_870, 0.25, 92).values).toEqual([611_500, 612_000, 612_500]);
    expect(ticksFor(5, 5, 1, 10).values).toEqual([]);
  });

  it('scale bar, symbol sizes and number formats', () => {
    expect(scaleBarLength(0.45, 90)).toBe(200);
    expect(scaleBarLength(4, 90)).toBe(20);
    expect(pierceRadius(null)).toBe(3);
    expect(pierceRadius(4)).toBeCloseTo(5.2, 9);
    expect(pierceRadius(1000)).toBe(9);
    expect(pierceRadius(1, 0.1)).toBe(MIN_RADIUS);
    expect(symbolShrink(0.2)).toBe(0.5);
    expect(symbolShrink(2)).toBe(1);
    expect(groupDigits(5342800)).toBe('5\u2009342\u2009800');
    expect(groupDigits(611500)).toBe('611\u2009500');
    expect(polygonsPath([[[0, 0], [1, 0], [1, 1]], [[0, 0], [1, 1]]])).toBe('M0.00 0.00L1.00 0.00L1.00 1.00Z');
  });
});

describe('label decluttering', () => {
  const req = (key: string, x: number, y: number, force = false) => ({ key, x, y, r: 4, w: 60, h: 12, force });

  it('places right of the symbol when free, else left, above, below; drops what cannot fit', () => {
    const placed = placeLabels([req('a', 200, 100), req('b', 200, 100), req('c', 200, 100), req('d', 200, 100), req('e', 200, 100)], [], rect);
    expect(placed.map((p) => [p.key, p.anchor])).toEqual([['a', 'start'], ['b', 'end'], ['c', 'middle'], ['d', 'middle']]);
    expect(placed[0].x).toBeGreaterThan(204);
    expect(placed[1].x + placed[1].w).toBeLessThan(196);
    expect(placed[2].y + placed[2].h).toBeLessThan(96);
    expect(placed[3].y).toBeGreaterThan(104);
  });

  it('labels never overlap each other nor other symbols, and stay in the plot', () => {
    const requests = Array.from({ length: 60 }, (_, i) => req(`p${i}`, 60 + (i % 10) * 38, 20 + Math.floor(i / 10) * 30));
    const obstacles = requests.map((r) => ({ x: r.x, y: r.y, r: r.r }));
    const placed = placeLabels(requests, obstacles, rect);
    expect(placed.length).toBeGreaterThan(5);
    for (let i = 0; i < placed.length; i++) {
      const a = placed[i];
      expect(a.x).toBeGreaterThanOrEqual(rect.x);
      expect(a.x + a.w).toBeLessThanOrEqual(rect.x + rect.w);
      for (let j = i + 1; j < placed.length; j++) {
        const b = placed[j];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
      for (const o of obstacles) {
        expect(a.x < o.x + o.r && o.x - o.r < a.x + a.w && a.y < o.y + o.r && o.y - o.r < a.y + a.h).toBe(false);
      }
    }
  });

  it('a forced label (the selected hole) is shown even among symbols; text boxes are avoided', () => {
    const crowd = [{ x: 215, y: 100, r: 8 }, { x: 185, y: 100, r: 8 }, { x: 200, y: 85, r: 8 }, { x: 200, y: 115, r: 8 }];
    expect(placeLabels([req('x', 200, 100)], crowd, rect)).toEqual([]);
    const [f] = placeLabels([req('x', 200, 100, true)], crowd, rect);
    expect(f.key).toBe('x');
    const boxed = placeLabels([req('y', 200, 100)], [], rect, [{ x: 205, y: 90, w: 100, h: 20 }]);
    expect(boxed[0].anchor).toBe('end');
  });
});
