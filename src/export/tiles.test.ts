import { describe, expect, it } from 'vitest';
import { planTiles, sizeProblem } from './tiles';

/** Every pixel covered exactly once. */
function coverage(w: number, h: number, tiles: { x: number; y: number; w: number; h: number }[]): Uint8Array {
  const seen = new Uint8Array(w * h);
  for (const t of tiles) for (let y = t.y; y < t.y + t.h; y++) for (let x = t.x; x < t.x + t.w; x++) seen[y * w + x]++;
  return seen;
}

describe('planTiles', () => {
  it('uses one tile when the image fits', () => {
    expect(planTiles(3840, 2160, 4096)).toEqual([{ x: 0, y: 0, w: 3840, h: 2160 }]);
    expect(planTiles(4096, 4096, 4096)).toHaveLength(1);
  });

  it('splits 8K into four equal 3840 x 2160 tiles under a 4096 limit', () => {
    expect(planTiles(7680, 4320, 4096)).toEqual([
      { x: 0, y: 0, w: 3840, h: 2160 },
      { x: 3840, y: 0, w: 3840, h: 2160 },
      { x: 0, y: 2160, w: 3840, h: 2160 },
      { x: 3840, y: 2160, w: 3840, h: 2160 },
    ]);
  });

  it('covers every pixel exactly once, with tiles within the limit and no slivers', () => {
    for (const [w, h, max] of [[800, 600, 256], [7680, 4320, 2048], [1001, 17, 100], [257, 257, 256], [5, 3, 1]] as const) {
      const tiles = planTiles(w, h, max);
      expect(coverage(w, h, tiles).every((c) => c === 1)).toBe(true);
      for (const t of tiles) {
        expect(t.w).toBeLessThanOrEqual(max);
        expect(t.h).toBeLessThanOrEqual(max);
      }
      const widths = tiles.map((t) => t.w), heights = tiles.map((t) => t.h);
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
      expect(tiles).toHaveLength(Math.ceil(w / max) * Math.ceil(h / max));
    }
  });

  it('orders tiles row by row from the top-left', () => {
    const t = planTiles(800, 600, 256);
    expect(t).toHaveLength(4 * 3);
    expect(t[0]).toEqual({ x: 0, y: 0, w: 200, h: 200 });
    expect(t[1]).toMatchObject({ x: 200, y: 0 });
    expect(t[4]).toMatchObject({ x: 0, y: 200 });
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => planTiles(0, 10, 10)).toThrow();
    expect(() => planTiles(10.5, 10, 10)).toThrow();
    expect(() => planTiles(10, 10, 0)).toThrow();
  });
});

describe('sizeProblem', () => {
  it('accepts sizes up to 7680 x 4320 in either orientation', () => {
    expect(sizeProblem(7680, 4320)).toBeNull();
    expect(sizeProblem(4320, 7680)).toBeNull();
    expect(sizeProblem(1920, 1080)).toBeNull();
  });

  it('refuses larger, fractional, tiny or missing sizes with a reason', () => {
    expect(sizeProblem(7681, 4320)).toMatch(/7680 × 4320/);
    expect(sizeProblem(5000, 5000)).toMatch(/largest/);
    expect(sizeProblem(1920.5, 1080)).toMatch(/whole/);
    expect(sizeProblem(8, 1080)).toMatch(/at least/);
    expect(sizeProblem(NaN, 1080)).toMatch(/Enter/);
  });
});
