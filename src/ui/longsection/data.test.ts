import { describe, expect, it } from 'vitest';
import type { PiercePoint } from '../../domain/longSection';
import { distanceVeil } from './data';

const point = (u: number, z: number, gramMetres: number | null, kind: PiercePoint['kind'] = 'intercept'): PiercePoint => ({
  key: `${u},${z}`, kind, source: 'intercept', holeIndex: 0, holeId: 'H1', zoneId: 'V1', from: 0, to: 1, depth: 0.5, world: [u, 0, z],
  u, z, grade: gramMetres, gradeUncapped: gramMetres, width: gramMetres === null ? null : 1, widthKind: gramMetres === null ? null : 'horizontal', gramMetres, rows: [],
});

/** Area enclosed by an SVG path of straight segments (M … L … Z, one polygon per M), m². */
function pathArea(d: string): number {
  let total = 0;
  for (const poly of d.split('M').filter(Boolean)) {
    const pts = poly.replace('Z', '').split('L').map((p) => p.trim().split(' ').map(Number));
    let s = 0;
    for (let k = 0; k < pts.length; k++) {
      const [x1, y1] = pts[k], [x2, y2] = pts[(k + 1) % pts.length];
      s += x1 * y2 - x2 * y1;
    }
    total += Math.abs(s) / 2;
  }
  return total;
}

describe('long-section veil by distance to data', () => {
  it('veils each class over the area of its distance ring around a single pierce point', () => {
    const veil = distanceVeil([point(0, 0, 12)], { uMin: -200, uMax: 200, zMin: -200, zMax: 200 })!;
    const area = Object.fromEntries(veil.classes.map((c) => [c.name, pathArea(c.d)]));
    // Rings of the 400 m × 400 m square: 25–50 m: π(50² − 25²) = 5890 m²; 50–100 m: π(100² − 50²) =
    // 23562 m²; beyond 100 m: 160000 − π·100² = 128584 m². Traced on 10 m cells: within 3 %.
    expect(Math.abs(area.interpolated / 5890 - 1)).toBeLessThan(0.03);
    expect(Math.abs(area.sparse / 23562 - 1)).toBeLessThan(0.03);
    expect(Math.abs(area.extrapolated / 128584 - 1)).toBeLessThan(0.03);
    // The informed disc (π·25² = 1963 m²) is left clear: no veil drawn.
    expect(veil.classes[0]).toMatchObject({ name: 'informed', d: '' });
  });

  it('measures from the pierce points the contours use, not planned holes or unassayed crossings', () => {
    const bounds = { uMin: -200, uMax: 200, zMin: -200, zMax: 200 };
    const withOthers = distanceVeil([point(0, 0, 12), point(150, 150, null, 'planned'), point(-150, -150, null, 'no-intercept')], bounds)!;
    const alone = distanceVeil([point(0, 0, 12)], bounds)!;
    expect(withOthers.classes.map((c) => c.d)).toEqual(alone.classes.map((c) => c.d));
    // Nothing to measure from: no veil at all.
    expect(distanceVeil([point(0, 0, null, 'planned')], bounds)).toBeNull();
  });
});
