/**
 * The hole layers' bounds made in the loading worker and taken by the page (domain/bounds.ts
 * layerBounds, adoptLayerBounds): at ten million intervals computing them on the page was a
 * main-thread task of 0.1 s. The box views fit and axes frame must come out as by hand.
 */
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { prepare } from '../src/domain/prepare';
import { adoptLayerBounds, dataBox, layerBounds } from '../src/domain/bounds';

// Two vertical holes (dip -90): H1 at (1000, 2000, 300), 150 m deep, intervals 0-100 and
// 100-120; H2 at (1040, 2030, 310), 80 m deep, one interval 0-50, no surface.
const doc = {
  format: 'veinscape',
  schemaVersion: 1,
  project: { name: 'Bounds', crs: { name: 'local grid' } },
  holes: [
    { id: 'H1', collar: [1000, 2000, 300], depth: 150, azimuth: 0, dip: -90 },
    { id: 'H2', collar: [1040, 2030, 310], depth: 80, azimuth: 0, dip: -90 },
  ],
  intervals: [{ id: 'assays', columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }], rows: [['H1', 0, 100, 1], ['H1', 100, 120, 2], ['H2', 0, 50, 3]] }],
};

describe('bounds of the hole layers made where they are built', () => {
  it('give, on the copies the page receives, the box of the collars and hole bottoms', () => {
    const { model } = validateDeposit(structuredClone(doc), 'bounds.json');
    const worker = prepare(model!);
    const made = layerBounds(worker);
    // The page's arrays are copies (moved in a message): new objects, the same numbers.
    const page = structuredClone(worker);
    adoptLayerBounds(page, structuredClone(made));
    const o = page.origin;
    const world = (b: Float64Array) => [b[0] + o[0], b[1] + o[1], b[2] + o[2], b[3] + o[0], b[4] + o[1], b[5] + o[2]];
    expect(world(made.collars)).toEqual([1000, 2000, 300, 1040, 2030, 310]);
    // Interval ends: H1 at 100 and 120 m down (z 200, 180), H2 at 50 m (z 260).
    expect(world(made.intervals)).toEqual([1000, 2000, 180, 1040, 2030, 260]);
    // Traces where no interval covers the hole (in pieces): H1 120-150 m, the lowest end z 150;
    // H2 50-80 m, its ends between z 260 and 230.
    const t = world(made.traces);
    expect(t.slice(0, 5)).toEqual([1000, 2000, 150, 1040, 2030]);
    expect(t[5] >= 230 && t[5] < 260).toBe(true);
    const box = dataBox(model!, page);
    expect([...box.min.map((v, a) => v + o[a]), ...box.max.map((v, a) => v + o[a])]).toEqual([1000, 2000, 150, 1040, 2030, 310]);
  });
});
