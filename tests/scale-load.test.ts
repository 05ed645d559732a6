/**
 * The large-file paths of loading and preparing: the bulk-array fast path must accept and reject
 * exactly what the schema does, and hole traces built only where no interval covers the hole
 * must leave every metre of every hole drawn exactly once (by an interval or a trace piece).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';
import { coverage, prepare, uncovered } from '../src/domain/prepare';

const mini = () => JSON.parse(readFileSync(new URL('./fixtures/mini-deposit.json', import.meta.url), 'utf8'));

describe('bulk arrays (surface vertices, interval cells)', () => {
  it('still reports a bad vertex with its exact JSON path', () => {
    const doc = mini();
    doc.surfaces[0].vertices[4] = 'x';
    const { report } = validateDeposit(doc, 'm.json');
    expect(report.errors.map((e) => e.path)).toContain('$.surfaces[0].vertices[4]');
    expect(report.dropped.surfaces).toBe(1);
  });

  it('still reports a negative triangle index and a bad cell', () => {
    const doc = mini();
    doc.surfaces[0].triangles[1] = -1;
    doc.intervals[0].rows[2][3] = { grade: 3 };
    const { report } = validateDeposit(doc, 'm.json');
    const paths = report.errors.map((e) => e.path);
    expect(paths).toContain('$.surfaces[0].triangles[1]');
    expect(paths.some((p) => p.startsWith('$.intervals[0].rows[2][3]'))).toBe(true);
  });

  it('loads column-wise tables the same as row-wise ones', () => {
    const rowDoc = mini();
    const t = rowDoc.intervals[0];
    const colDoc = mini();
    const names = ['hole', 'from', 'to', ...t.columns.map((c: { name: string }) => c.name)];
    colDoc.intervals[0] = { ...t, rows: undefined, data: Object.fromEntries(names.map((n, i) => [n, t.rows.map((r: unknown[]) => r[i])])) };
    delete colDoc.intervals[0].rows;
    const a = validateDeposit(rowDoc, 'r.json').model!.intervals[0];
    const b = validateDeposit(colDoc, 'c.json').model!.intervals[0];
    expect(Array.from(b.hole)).toEqual(Array.from(a.hole));
    expect(Array.from(b.from)).toEqual(Array.from(a.from));
    for (const k of Object.keys(a.numeric)) expect(Array.from(b.numeric[k])).toEqual(Array.from(a.numeric[k]));
  });
});

describe('trace pieces only where no interval covers the hole', () => {
  it('merges touching and overlapping rows per hole, in any order', () => {
    // hole 0: 5-7, 2-3, 3-4 (touching), 6-9 (overlapping); hole 1: nothing; hole 2: 0-10
    const c = coverage([0, 0, 0, 2, 0], [5, 2, 3, 0, 6], [7, 3, 4, 10, 9], 3);
    expect(Array.from(c.ranges.subarray(c.offsets[0], c.offsets[1]))).toEqual([2, 4, 5, 9]);
    expect(c.offsets[2] - c.offsets[1]).toBe(0);
    expect(uncovered(c, 0, 0, 12)).toEqual([0, 2, 4, 5, 9, 12]);
    expect(uncovered(c, 1, 0, 12)).toEqual([0, 12]);
    expect(uncovered(c, 2, 0, 10)).toEqual([]);
    // Intervals past the final depth do not create negative gaps.
    expect(uncovered(c, 0, 0, 6)).toEqual([0, 2, 4, 5]);
  });

  it('draws every metre of the sample holes exactly once', () => {
    const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
    const p = prepare(model!);
    let checked = 0;
    for (let h = 0; h < model!.holes.length; h++) {
      const end = p.paths[h].depths[p.paths[h].depths.length - 1];
      // Collect [d0, d1] of every piece of this hole from both layers.
      const pieces: [number, number][] = [];
      for (let i = 0; i < p.traces.count; i++) if (p.traces.row[i] === h) pieces.push([p.traces.depth[i * 2], p.traces.depth[i * 2 + 1]]);
      for (let i = 0; i < p.intervals.count; i++) if (p.intervals.hole[i * 4 + 3] === h) pieces.push([p.intervals.depth[i * 2], p.intervals.depth[i * 2 + 1]]);
      pieces.sort((a, b) => a[0] - b[0]);
      let at = 0;
      for (const [d0, d1] of pieces) {
        if (d0 >= end - 1e-3) break;
        // No gap and no overlap (float32 depths: 1 cm slack).
        expect(Math.abs(d0 - at)).toBeLessThan(0.01);
        at = d1;
      }
      expect(at).toBeGreaterThanOrEqual(end - 0.01);
      checked++;
    }
    expect(checked).toBe(model!.holes.length);
  });
});

describe('vein grids built in the loading worker', () => {
  it('answer the same after travelling in their own message as grids built on the page', async () => {
    const { buildVeinGrids, adoptVeinGrids, buildVeinOrienter, veinOrienterFor, sendableVeinGrids, expectVeinGrids, veinGridsReady } = await import('../src/domain/veinOrientation');
    const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
    // The model goes first (the dataset message); the grids follow, built from copies of the
    // vein surfaces and sent without vertices.
    const page = structuredClone(model!);
    expectVeinGrids(page);
    let arrived = false;
    const ready = veinGridsReady(page).then(() => (arrived = true));
    const copies = { zones: model!.zones, surfaces: model!.surfaces.map((s) => ({ ...s, vertices: s.vertices.slice() })) };
    const grids = structuredClone(sendableVeinGrids(buildVeinGrids(copies)));
    expect(grids[0].vertices).toEqual([]);
    await Promise.resolve();
    expect(arrived).toBe(false);
    adoptVeinGrids(page, grids);
    await ready;
    expect(grids[0].vertices[0]).toBe(page.surfaces.find((s) => s.zoneId === grids[0].zoneId)!.vertices);
    const adopted = veinOrienterFor(page);
    const fresh = buildVeinOrienter(model!);
    const h = model!.holes[3];
    for (const dz of [-50, -120, -200]) {
      const p: [number, number, number] = [h.collar[0], h.collar[1], h.collar[2] + dz];
      const z = fresh.zoneIds[0];
      const want = fresh.nearest(p, z);
      expect(want).not.toBeNull();
      expect(adopted.nearest(p, z)?.point).toEqual(want!.point);
      expect(adopted.nearest(p, z)?.normal).toEqual(want!.normal);
    }
  });
});

describe('pick indexes built in the loading worker after the dataset', () => {
  it('are adopted for the buffer the page received and pick the same segments', async () => {
    const { prepare } = await import('../src/domain/prepare');
    const { copySegments } = await import('../src/domain/segments');
    const { buildPickIndex, sendablePickIndex, expectPickIndex, pickIndexPending, adoptPickIndex, pickIndexOf } = await import('../src/domain/pickIndex');
    const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
    const p = prepare(model!);
    const source = copySegments(p.intervals);
    // The dataset travels first: the page's buffer is a copy the index was not built from.
    const page = structuredClone(p.intervals);
    expectPickIndex(page);
    expect(pickIndexPending(page)).toBe(true);
    const sent = structuredClone(sendablePickIndex(buildPickIndex(source)));
    adoptPickIndex(page, sent);
    expect(pickIndexPending(page)).toBe(false);
    const ix = pickIndexOf(page);
    expect(ix.buffer).toBe(page);
    expect(ix.order).toEqual(sent.order);
    // Every segment is listed once.
    expect([...ix.order].sort((a, b) => a - b)).toEqual(Array.from({ length: page.count }, (_, i) => i));
  });
});

describe('hole paths sent flat from the worker', () => {
  it('come back equal to the paths that were packed', async () => {
    const { packPaths, unpackPaths } = await import('../src/data/pathTransfer');
    const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
    const p = prepare(model!);
    const back = unpackPaths(structuredClone(packPaths(p.paths)));
    expect(back).toEqual(p.paths);
    expect(back.length).toBe(model!.holes.length);
  });

  it('and hole stations come back equal after travelling flat', async () => {
    const { packStations, unpackStations } = await import('../src/data/pathTransfer');
    const { model } = validateDeposit(JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8')), 'rocmec1.json');
    const holes = model!.holes;
    const sent = structuredClone({ packed: packStations(holes), holes: holes.map((h) => ({ ...h, stations: [] as typeof h.stations })) });
    unpackStations(sent.holes, sent.packed);
    expect(sent.holes).toEqual(holes);
    expect(holes.some((h) => h.stations.length > 1)).toBe(true);
  });
});

describe('progress while preparing a large table', () => {
  it('reports between the desurvey and the last interval piece, in order, never past 1', () => {
    const doc = mini();
    // 70,000 intervals of 2 mm down DH-1's 200 m (more than one report's worth of rows: 65,536).
    const rows: unknown[][] = [];
    for (let i = 0; i < 70_000; i++) rows.push(['DH-1', i * 0.002, (i + 1) * 0.002, 1, null]);
    doc.intervals[0].rows = rows;
    const model = validateDeposit(doc, 'big.json').model!;
    expect(model.intervals[0].hole.length).toBe(70_000);
    const seen: number[] = [];
    prepare(model, 'minimum-curvature', undefined, (f) => seen.push(f));
    // After the desurvey (0.2), once past row 65,536 (0.2 + 0.7 x 65,536 / 70,000), after the
    // interval pieces (0.9).
    expect(seen[0]).toBe(0.2);
    expect(seen).toContain(0.2 + (0.7 * 65_536) / 70_000);
    expect(seen[seen.length - 1]).toBe(0.9);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });
});
