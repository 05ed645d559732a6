/**
 * Collar labels with a plain view-projection (the live overlay's path, src/export/collarLabels.ts):
 * positions as the matrix says, kept while the view and the hole filters are the same and
 * recomputed when either changes; and the overlay's "same picture" test (src/overlay/picture.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepositText } from '../src/data/load';
import { prepare } from '../src/domain/prepare';
import { createVeinscapeStore, type VeinscapeStore } from '../src/state/store';
import { collectLabels, overlayAnchors, type OverlayAnchors, type Projector } from '../src/overlay/labels';
import type { ProjectorView } from '../src/overlay/collarLabels';
import { samePicture, type OverlayPicture } from '../src/overlay/picture';
import type { Label } from '../src/overlay/paint';

let store: VeinscapeStore;
let anchors: OverlayAnchors;
let ids: Set<string>;

beforeAll(() => {
  const { model, report } = loadDepositText(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
  store = createVeinscapeStore();
  store.getState().setDataset(model!, prepare(model!), report);
  anchors = overlayAnchors(store.getState().model!, store.getState().prepared!);
  ids = new Set(model!.holes.map((h) => h.id));
});

const theme = { text: '#000', muted: '#555', halo: '#fff', accent: '#a00' };
const size = { width: 800, height: 600 };

/**
 * Plan view, column-major: x' = (x - ox) / s, y' = (y - oy) / s, z' = -z / 10000, w = 1; so a
 * collar at local (x, y) is drawn at ((x' + 1) / 2) 800 px, ((1 - y') / 2) 600 px.
 */
function planView(s: number, ox = 0, oy = 0): ProjectorView {
  const m = [1 / s, 0, 0, 0, 0, 1 / s, 0, 0, 0, 0, -1 / 10000, 0, -ox / s, -oy / s, 0, 1];
  return { m, width: size.width, height: size.height, zScale: 1 };
}
function projectorOf(v: ProjectorView): Projector {
  const m = v.m;
  return (x, y, z) => [((x * m[0] + m[12] + 1) / 2) * v.width, ((1 - (y * m[5] + m[13])) / 2) * v.height, z * m[10]];
}
/** Collar labels for the view, thinned for the view size or (`all`) every collar. */
const collars = (v: ProjectorView, patch: Record<string, unknown> = {}, all = false): Label[] => {
  const s = { ...store.getState(), ...patch };
  return collectLabels(s, anchors, null, projectorOf(v), theme, all ? undefined : size, v).labels.filter((l) => ids.has(l.text));
};

describe('collar labels through a plain view-projection', () => {
  it('puts each collar where the matrix says', () => {
    const s = store.getState();
    const c = s.prepared!.collars;
    const v = planView(2000);
    const labels = collars(v);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      const i = s.model!.holes.findIndex((h) => h.id === l.text);
      // No fault shift at the mapped offsets.
      expect(l.x).toBeCloseTo(((c[i * 3] / 2000 + 1) / 2) * 800, 6);
      expect(l.y).toBeCloseTo(((1 - c[i * 3 + 1] / 2000) / 2) * 600, 6);
    }
    // The same labels as through the projector alone (no view given).
    const plain = collectLabels(s, anchors, null, projectorOf(v), theme, size).labels.filter((l) => ids.has(l.text));
    expect(labels).toEqual(plain);
  });

  it('grade and elevation filters leave the collar labels as they are; hole filters do not', () => {
    const s = store.getState();
    const v = planView(2000);
    const before = collars(v);
    expect(collars(v, { filters: { ...s.filters, gradeCutoff: 3, elevationMin: 0 } })).toEqual(before);
    const planned = new Set(s.model!.holes.filter((h) => h.status === 'planned').map((h) => h.id));
    expect(before.some((l) => planned.has(l.text))).toBe(true);
    const drilled = collars(v, { filters: { ...s.filters, status: { drilled: true, planned: false } } });
    expect(drilled.some((l) => planned.has(l.text))).toBe(false);
    expect(drilled.length).toBeGreaterThan(0);
  });

  it('follows the view when the same matrix array changes, and the selection', () => {
    const s = store.getState();
    const v = planView(2000);
    const a = collars(v, {}, true);
    // Pan by 100 m east, written into the same array (as the overlay does each frame).
    (v.m as number[])[12] = -100 / 2000;
    const b = collars(v, {}, true);
    const first = a[0];
    const moved = b.find((l) => l.text === first.text)!;
    expect(moved.x).toBeCloseTo(first.x - (100 / 2000 / 2) * 800, 6);
    const sel = collars(v, { selection: { hole: 0, row: null, depth: 0 } });
    expect(sel.filter((l) => l.text === s.model!.holes[0].id && l.bold)).toHaveLength(1);
  });

  it('keeps positions through rounding noise in the matrix', () => {
    const v = planView(2000);
    const a = collars(v, {}, true);
    (v.m as number[])[0] *= 1 + 1e-15;
    // Kept: exactly the positions computed before, not ones 1e-13 px off.
    expect(collars(v, {}, true)).toEqual(a);
    (v.m as number[])[0] *= 1.001;
    expect(collars(v, {}, true)[0].x).not.toBeCloseTo(a[0].x, 3);
  });

  it('follows fault offsets when holes follow the faults', () => {
    const s = store.getState();
    const fault = s.prepared!.faultModels.find((_, k) => Array.from(anchors.collarMask).some((m) => m & (1 << k)))!;
    const k = s.prepared!.faultModels.indexOf(fault);
    const i = Array.from(anchors.collarMask).findIndex((m) => m & (1 << k));
    const v = planView(2000);
    const at = (patch: Record<string, unknown>) => collars(v, patch, true).find((l) => l.text === s.model!.holes[i].id);
    const mapped = at({ holesFollowFaults: true });
    const restored = at({ holesFollowFaults: true, faultOffsets: { ...s.faultOffsets, [fault.id]: 0 } });
    expect(mapped && restored).toBeTruthy();
    expect(Math.hypot(restored!.x - mapped!.x, restored!.y - mapped!.y)).toBeGreaterThan(0);
  });
});

describe('samePicture', () => {
  const canvas = {} as HTMLCanvasElement;
  const picture = (labels: Label[], patch: Partial<OverlayPicture> = {}): OverlayPicture => ({
    canvas, width: 800, height: 600, dpr: 1, theme, labels, arrows: [], north: 0, pxPerMetre: 0.5, ve: 1, ...patch,
  });
  const l = (x: number, text = 'RK-1'): Label => ({ x, y: 10, depth: 0.5, text });

  it('is the same for equal contents, whatever the objects, and within rounding noise', () => {
    expect(samePicture(picture([l(1), l(2, 'RK-2')]), picture([l(1), l(2, 'RK-2')], { theme: { ...theme } }))).toBe(true);
    // A still camera recomputed from its angles: positions 1e-13 px apart.
    expect(samePicture(picture([l(174.47827202975796)], { north: 0.5 }), picture([l(174.47827202975802)], { north: 0.5 + 1e-15, pxPerMetre: 0.5 * (1 + 1e-15) }))).toBe(true);
    expect(samePicture(null, picture([]))).toBe(false);
  });
  it('differs for a moved, renamed, extra label, another canvas, size, north arrow, scale or exaggeration', () => {
    const a = picture([l(1)]);
    expect(samePicture(a, picture([l(1.5)]))).toBe(false);
    expect(samePicture(a, picture([l(1.01)]))).toBe(false);
    expect(samePicture(a, picture([l(1, 'RK-9')]))).toBe(false);
    expect(samePicture(a, picture([l(1), l(2)]))).toBe(false);
    expect(samePicture(a, picture([l(1)], { canvas: {} as HTMLCanvasElement }))).toBe(false);
    expect(samePicture(a, picture([l(1)], { width: 801 }))).toBe(false);
    expect(samePicture(a, picture([l(1)], { north: null }))).toBe(false);
    expect(samePicture(a, picture([l(1)], { pxPerMetre: 0.6 }))).toBe(false);
    expect(samePicture(a, picture([l(1)], { ve: 2 }))).toBe(false);
    expect(samePicture(a, picture([l(1)], { arrows: [{ x0: 0, y0: 0, x1: 1, y1: 1, label: '5 m' }] }))).toBe(false);
  });
});
