/**
 * A mid-size generated dataset (1,000 holes, 20,000 intervals, 100,000 vein triangles) loads through
 * the scripting API and draws with a bounded number of draw calls. Nothing here is timed: speed is
 * measured by `npm run bench` (docs/performance.md), never asserted by a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canvasPixels, distinctColours } from './helpers';

const HOLES = 1000;
const PER_HOLE = 20;

let dir = '';
let text = '';

test.describe('a generated mid-size dataset', () => {
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'veinscape-scale-'));
    const out = join(dir, 'stress-1000h-20i.json');
    execFileSync('npx', ['tsx', 'scripts/gen-stress.ts', '--holes', String(HOLES), '--intervals', String(PER_HOLE), '--triangles', '100000', '--out', out], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    text = readFileSync(out, 'utf8');
  });

  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('loads from a File through veinscape.load and draws it', async ({ page }) => {
    // Software WebGL on a small machine draws about a million triangles per frame here: allow time, assert none.
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const consoleErrors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/?data=');
    await page.waitForFunction(() => !!window.veinscape);

    const report = await page.evaluate(async (json) => {
      const file = new File([json], 'stress-1000h-20i.json', { type: 'application/json' });
      return window.veinscape.load(file);
    }, text);
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.counts.holes).toBe(HOLES);
    expect(report.counts.intervals).toBe(HOLES * PER_HOLE);

    await page.evaluate(() => window.veinscape.ready());
    const loaded = await page.evaluate(() => {
      const s = window.veinscape.store.getState();
      const fileTriangles = s.model!.surfaces.reduce((n, x) => n + x.triangles.length / 3, 0);
      const drawnTriangles = s.prepared!.surfaces.reduce((n, b) => n + b.indices.length / 3, 0);
      const framed = s.prepared!.surfaces.every((b) => b.positions.length > 0 && b.bounds?.length === 6);
      return { holes: s.model!.holes.length, project: s.model!.project.name, stats: window.veinscape.stats(), fileTriangles, drawnTriangles, framed };
    });
    // At 100,000 vein triangles the surfaces are built by a second worker while the first desurveys
    // (src/data/surfaceJob.ts); every surface comes back with its buffers and bounds, and cutting
    // along the faults only adds triangles.
    expect(workers.some((u) => /surfaces\.worker/.test(u))).toBe(true);
    expect(loaded.framed).toBe(true);
    expect(loaded.drawnTriangles).toBeGreaterThanOrEqual(loaded.fileTriangles);
    expect(loaded.holes).toBe(HOLES);
    expect(loaded.project).toContain('Stress test');
    expect(loaded.stats.triangles).toBeGreaterThan(0);
    // Instanced layers: the number of draw calls does not grow with the number of holes.
    expect(loaded.stats.drawCalls).toBeGreaterThan(0);
    expect(loaded.stats.drawCalls).toBeLessThanOrEqual(50);
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(5);
    expect(errors, 'no uncaught page errors').toEqual([]);
    expect(consoleErrors, 'no console errors (the warm-up once logged a NaN bounding sphere per layer)').toEqual([]);
  });
});
