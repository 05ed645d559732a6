/**
 * Levels of detail of large surfaces: the choice of copy (src/domain/surfaceLod.ts), worked out by
 * hand below, and the simplified copies (src/data/surfaceLevels.ts) on a hand-made flat sheet cut
 * by a fault, whose area and cut are known without the simplifier.
 */
import { describe, expect, it } from 'vitest';
import { chooseSurfaceLevel, type SurfaceLodView } from '../src/domain/surfaceLod';
import { surfaceLevels, warmSurfaceLevels } from '../src/data/surfaceLevels';

// Copies with errors of 0.5 m and 4 m; a 10 m box; the eye d metres east of its east face.
const ERRORS = [0.5, 4];
function view(d: number, over: Partial<SurfaceLodView> = {}): SurfaceLodView {
  // 1000 px for one metre seen from one metre: 1000 / d px per metre at d metres.
  return { eye: [10 + d, 5, 5], box: [0, 0, 0, 10, 10, 10], errorScale: 1, pixelsPerMetre: 1000, orthographic: false, errorPx: 1, ...over };
}

describe('choice of a surface copy by screen-space error', () => {
  it('draws the coarsest copy within a pixel, seen from the nearest point of the box', () => {
    // 1000 m: 1 px per metre, 0.5 px for the first copy, 4 px for the second.
    expect(chooseSurfaceLevel(ERRORS, view(1000), -1)).toBe(1);
    // 4000 m: 0.25 px per metre, the second copy is 1 px off.
    expect(chooseSurfaceLevel(ERRORS, view(4000), -1)).toBe(2);
    // 400 m: 2.5 px per metre, the first copy would be 1.25 px off: full detail.
    expect(chooseSurfaceLevel(ERRORS, view(400), -1)).toBe(0);
    // Inside the box: full detail.
    expect(chooseSurfaceLevel(ERRORS, view(-5), -1)).toBe(0);
  });

  it('counts the vertical exaggeration into the error, and an orthographic view has one scale', () => {
    // 1000 m with the box stretched twice: the first copy 1 px off (kept), three times: 1.5 px (not).
    expect(chooseSurfaceLevel(ERRORS, view(1000, { errorScale: 2 }), -1)).toBe(1);
    expect(chooseSurfaceLevel(ERRORS, view(1000, { errorScale: 3 }), -1)).toBe(0);
    // 0.2 px per metre anywhere: the second copy is 0.8 px off.
    expect(chooseSurfaceLevel(ERRORS, view(10, { orthographic: true, pixelsPerMetre: 0.2 }), -1)).toBe(2);
  });

  it('goes coarser only under half a pixel, finer as soon as a pixel is passed', () => {
    // 800 m: 1.25 px per metre, the first copy 0.625 px off: chosen afresh, but from full detail
    // the surface stays at full detail until the copy is within 0.5 px.
    expect(chooseSurfaceLevel(ERRORS, view(800), -1)).toBe(1);
    expect(chooseSurfaceLevel(ERRORS, view(800), 0)).toBe(0);
    expect(chooseSurfaceLevel(ERRORS, view(1000), 0)).toBe(1);
    // Already at the copy, it is kept at 800 m (0.625 px), left at 400 m (1.25 px).
    expect(chooseSurfaceLevel(ERRORS, view(800), 1)).toBe(1);
    expect(chooseSurfaceLevel(ERRORS, view(400), 1)).toBe(0);
    // From the coarsest copy at 1000 m (4 px): the first copy at once.
    expect(chooseSurfaceLevel(ERRORS, view(1000), 2)).toBe(1);
  });
});

/**
 * A 100 m x 100 m sheet of 1 m cells (20,000 triangles), cut along x = 50 m by a fault: each block
 * has its own vertices on the cut (51 x 101 vertices a block). Flat at z = 0, or with a bump of
 * `bump` metres in the middle (z = bump sin(pi x / 100) sin(pi y / 100)): a flat sheet needs one
 * copy, a bumped one two, the second simplified from the first.
 */
function faultedSheet(bump = 0) {
  const n = 100, half = 50;
  const positions: number[] = [];
  const indices: number[] = [];
  for (const [x0, x1] of [[0, half], [half, n]]) {
    const base = positions.length / 3;
    const cols = x1 - x0 + 1;
    for (let j = 0; j <= n; j++) for (let i = x0; i <= x1; i++) positions.push(i, j, bump * Math.sin((Math.PI * i) / n) * Math.sin((Math.PI * j) / n));
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < cols - 1; i++) {
        const a = base + j * cols + i, b = a + 1, c = a + cols, d = c + 1;
        indices.push(a, b, c, b, d, c);
      }
    }
  }
  const p = new Float32Array(positions);
  const normals = new Float32Array(p.length);
  for (let v = 0; v < p.length / 3; v++) normals[v * 3 + 2] = 1;
  return { positions: p, normals, indices: new Uint32Array(indices) };
}

describe('simplified copies of a surface', () => {
  it.each([
    ['flat', 0, 1],
    ['with a 5 m bump', 5, 2],
  ])('keep the sheet whole (%s): same area, the fault cut on both sides, fewer triangles', async (_name, bump, copies) => {
    const s = faultedSheet(bump);
    expect(s.indices.length / 3).toBe(20_000);
    const diagonal = Math.hypot(100, 100, bump);
    const levels = await surfaceLevels(s.positions, s.normals, s.indices, diagonal);
    // Flat: one copy, and a copy of it would not halve it again. Bumped: the second copy, of the
    // first (on its vertices alone), halves it.
    expect(levels.length).toBe(copies);
    let finer = 20_000;
    for (const l of levels) {
      const triangles = l.indices.length / 3;
      // At most half of the next finer copy's triangles, within its target error (1e-4 and 8e-4 of
      // the 141.4 m diagonal, 141.5 m with the bump: 0.014 m and 0.113 m).
      expect(triangles).toBeLessThanOrEqual(finer / 2);
      finer = triangles;
      expect(l.error).toBeLessThanOrEqual(1e-4 * diagonal * (levels.indexOf(l) === 0 ? 1 : 8));
      let area = 0;
      const onCut = [new Set<number>(), new Set<number>()];
      const p = s.positions;
      for (let t = 0; t < l.indices.length; t += 3) {
        const [a, b, c] = [l.indices[t], l.indices[t + 1], l.indices[t + 2]];
        area += Math.abs((p[b * 3] - p[a * 3]) * (p[c * 3 + 1] - p[a * 3 + 1]) - (p[c * 3] - p[a * 3]) * (p[b * 3 + 1] - p[a * 3 + 1])) / 2;
        // Vertices 0..5150 are the west block's, the rest the east block's.
        for (const v of [a, b, c]) if (p[v * 3] === 50) onCut[v < 51 * 101 ? 0 : 1].add(p[v * 3 + 1]);
      }
      // 100 m x 100 m, seen from above (a copy of the bumped sheet neither folds nor leaves a hole).
      expect(area).toBeCloseTo(10_000, 3);
      // The cut is simplified alike on both sides (the simplifier sees the two blocks' vertices at
      // one place as one): the same points of it on each side, both ends kept, so the blocks meet.
      expect([...onCut[0]].sort((x, y) => x - y)).toEqual([...onCut[1]].sort((x, y) => x - y));
      expect(onCut[0].has(0) && onCut[0].has(100)).toBe(true);
    }
  });

  it('are the same after the warm-up on a made-up sheet', async () => {
    const s = faultedSheet(5);
    const before = await surfaceLevels(s.positions, s.normals, s.indices, Math.hypot(100, 100, 5));
    await warmSurfaceLevels();
    const after = await surfaceLevels(s.positions, s.normals, s.indices, Math.hypot(100, 100, 5));
    expect(after.map((l) => [...l.indices])).toEqual(before.map((l) => [...l.indices]));
    expect(after.map((l) => l.error)).toEqual(before.map((l) => l.error));
  });
});
