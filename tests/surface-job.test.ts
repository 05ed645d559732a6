/**
 * The surfaces' half of `prepare`, built by a second worker (src/data/surfaces.worker.ts via
 * surfaceJob.ts) from a copy of the surfaces while the loading worker desurveys the holes: the
 * assembled result must be the one `prepare` gives on its own, on the sample deposit (fault-cut
 * veins, uncut host and fault surfaces).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDepositText } from '../src/data/load';
import { prepare, surfaceBuffers, worldFrame, type SurfaceInput } from '../src/domain/prepare';
import { hasSurfaceForCopies, startSurfaceJob, surfaceJobParts, SURFACE_JOB_MIN_TRIANGLES } from '../src/data/surfaceJob';
import { faultModelsOf } from '../src/domain/prepare';
import type { Model } from '../src/data/model';

function split(model: Model) {
  const frame = worldFrame(model);
  const prepared = prepare(model, 'minimum-curvature', frame);
  // What the second worker receives: a structured clone of the surfaces, zones and faults.
  const input: SurfaceInput = structuredClone({ zones: model.zones, faults: model.faults, surfaces: model.surfaces });
  prepared.surfaces = surfaceBuffers(input, frame.origin);
  return prepared;
}

describe('surfaces built apart from the holes', () => {
  const { model } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');

  it('the sample: the same prepared dataset as prepare alone (veins cut at the faults included)', () => {
    const whole = prepare(model!);
    // Some pieces lie on a fault's moving side: the veins were cut and masked.
    expect(whole.surfaces.some((s) => s.masks.some((m) => m > 0))).toBe(true);
    expect(split(model!)).toEqual(whole);
  });

  it('split between two or three workers: each surface once, the same buffers in the same order (fault cuts included)', () => {
    const input: SurfaceInput = { zones: model!.zones, faults: model!.faults, surfaces: model!.surfaces };
    const origin = worldFrame(model!).origin;
    const whole = surfaceBuffers(input, origin);
    const faultSurfaces = new Set(model!.faults.map((f) => f.surface));
    for (const n of [2, 3]) {
      const parts = surfaceJobParts(structuredClone(input), n);
      expect(parts).toHaveLength(n);
      // Every surface is built by exactly one part.
      expect(parts.flatMap((p) => p.indices).sort((a, b) => a - b)).toEqual(model!.surfaces.map((_, i) => i));
      // Balanced: no part has more than half the triangles plus the largest surface.
      const tri = (p: (typeof parts)[number]) => p.indices.reduce((t, i) => t + model!.surfaces[i].triangles.length, 0);
      const total = model!.surfaces.reduce((t, s) => t + s.triangles.length, 0);
      const largest = Math.max(...model!.surfaces.map((s) => s.triangles.length));
      for (const p of parts) expect(tri(p)).toBeLessThanOrEqual(total / n + largest);
      const out = new Array(whole.length);
      for (const p of parts) {
        // Each part carries every fault surface, built by it or sent only to cut.
        expect(p.input.surfaces.filter((s) => faultSurfaces.has(s.id))).toHaveLength(faultSurfaces.size);
        const built = surfaceBuffers({ ...p.input, surfaces: p.input.surfaces.slice(0, p.build) }, origin, faultModelsOf(p.input));
        p.indices.forEach((i, j) => (out[i] = built[j]));
      }
      expect(out).toEqual(whole);
    }
  });

  it('without its surfaces, prepare leaves them to the caller', () => {
    expect(prepare(model!, 'minimum-curvature', worldFrame(model!)).surfaces).toEqual([]);
  });

  it('a small model, or no Worker (Node), is built in place: the job answers null', async () => {
    expect(model!.surfaces.reduce((n, s) => n + s.triangles.length / 3, 0)).toBeLessThan(SURFACE_JOB_MIN_TRIANGLES);
    expect(await startSurfaceJob(model!, worldFrame(model!).origin)).toBeNull();
  });
});

describe('a parsed document with a surface to copy (the surfaces workers warm their simplifier up)', () => {
  // 100,000 triangles (300,000 corner indices) get copies (SURFACE_LOD_MIN_TRIANGLES); 99,999 do not.
  it('from 100,000 triangles, in a JSON array or the binary form\'s typed array', () => {
    const surface = (corners: number) => ({ id: 's', vertices: [], triangles: new Uint32Array(corners) });
    expect(hasSurfaceForCopies({ surfaces: [surface(3), surface(300_000)] })).toBe(true);
    expect(hasSurfaceForCopies({ surfaces: [{ id: 's', triangles: new Array(300_000).fill(0) }] })).toBe(true);
    expect(hasSurfaceForCopies({ surfaces: [surface(299_997), surface(3)] })).toBe(false);
  });

  it('not for a document without surfaces, or one not yet validated that is malformed', () => {
    expect(hasSurfaceForCopies({ holes: [] })).toBe(false);
    expect(hasSurfaceForCopies(null)).toBe(false);
    expect(hasSurfaceForCopies({ surfaces: 'none' })).toBe(false);
    expect(hasSurfaceForCopies({ surfaces: [null, { triangles: 7 }, { triangles: { length: '300000' } }] })).toBe(false);
  });
});
