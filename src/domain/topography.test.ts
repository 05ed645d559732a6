import { describe, expect, it } from 'vitest';
import { collarMisfits, topographyLookup } from './topography';

// A plane z = 300 + 0.01 e - 0.02 n over [0, 100] x [0, 100], two triangles: values by hand.
const plane = { vertices: [0, 0, 300, 100, 0, 301, 100, 100, 299, 0, 100, 298], triangles: [0, 1, 2, 0, 2, 3] };

describe('topography', () => {
  it('interpolates the surface elevation inside its triangles', () => {
    const at = topographyLookup([plane]);
    expect(at(50, 50)).toBeCloseTo(300 + 0.5 - 1, 9);
    expect(at(10, 80)).toBeCloseTo(300 + 0.1 - 1.6, 9);
    expect(at(100, 0)).toBeCloseTo(301, 9);
    expect(at(150, 50)).toBeNull();
  });

  it('names each hole whose collar is further than the tolerance from the ground, skipping underground holes', () => {
    const holes = [
      { id: 'ok', collar: [50, 50, 301], type: 'surface' }, // 1.5 m above 299.5
      { id: 'high', collar: [50, 50, 320] }, // 20.5 m above
      { id: 'low', collar: [10, 80, 290], type: 'surface' }, // 8.5 m below 298.5
      { id: 'ug', collar: [50, 50, 100], type: 'underground' },
      { id: 'off', collar: [500, 50, 300] },
    ];
    const r = collarMisfits(holes, [plane], 5);
    expect(r.misfits.map((m) => m.holeId)).toEqual(['high', 'low']);
    expect(r.misfits[0].difference).toBeCloseTo(20.5, 9);
    expect(r.misfits[1].difference).toBeCloseTo(-8.5, 9);
    expect(r.outside).toBe(1);
  });
});
