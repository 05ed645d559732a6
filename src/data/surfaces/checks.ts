/**
 * Detects what would put an imported file in the wrong place, and proposes the fix; nothing is
 * moved until the user applies it in the import panel. Compared against the drill holes already
 * loaded when there are any (their collars and depths), else judged from what the file says and
 * from the magnitudes of real-world projected coordinates (UTM eastings 166-834 km, northings
 * 0-10,000 km).
 */
import type { ImportedMeta, ImportedObject } from './types';
import { applyFix, type CoordinateFix } from './transform';
import { say, type MessageKey, type Said } from '../../domain/message';

export type CheckKind = 'y-up' | 'z-down' | 'feet' | 'swapped' | 'far' | 'units';

export interface CoordinateCheck extends Said {
  kind: CheckKind;
  /** the fix the panel offers for it (absent: nothing to fix, information only) */
  fix?: CoordinateFix;
}

export interface Box3 {
  min: [number, number, number];
  max: [number, number, number];
}

export function objectsBox(objects: ImportedObject[]): Box3 | null {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const grow = (v: Float64Array) => {
    for (let i = 0; i < v.length; i += 3) {
      for (let a = 0; a < 3; a++) {
        const x = v[i + a];
        if (x < min[a]) min[a] = x;
        if (x > max[a]) max[a] = x;
      }
    }
  };
  for (const o of objects) {
    if (o.type === 'lines') o.lines.forEach(grow);
    else grow(o.vertices);
  }
  return Number.isFinite(min[0]) ? { min, max } : null;
}

/** Horizontal and vertical gap between two boxes, metres (0 when they overlap on that axis). */
function gap(a: Box3, b: Box3): number {
  let d2 = 0;
  for (let k = 0; k < 3; k++) {
    const g = Math.max(0, a.min[k] - b.max[k], b.min[k] - a.max[k]);
    d2 += g * g;
  }
  return Math.sqrt(d2);
}

function fixedBox(box: Box3, fix: CoordinateFix): Box3 {
  const corners = new Float64Array(24);
  for (let c = 0; c < 8; c++) {
    corners[c * 3] = c & 1 ? box.max[0] : box.min[0];
    corners[c * 3 + 1] = c & 2 ? box.max[1] : box.min[1];
    corners[c * 3 + 2] = c & 4 ? box.max[2] : box.min[2];
  }
  applyFix(corners, fix);
  const out: Box3 = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (let i = 0; i < 24; i += 3) for (let a = 0; a < 3; a++) {
    out.min[a] = Math.min(out.min[a], corners[i + a]);
    out.max[a] = Math.max(out.max[a], corners[i + a]);
  }
  return out;
}

/** Units a header may declare that have a name in the catalogue (surfaces.unit.*); others are written as given. */
const NAMED_UNITS = new Set(['in', 'mm', 'cm', 'km', 'mi', 'yd', 'us_ft']);

/**
 * Checks for one file. `holes`: the box of the loaded drill holes (collars to hole ends), or null.
 */
export function checkCoordinates(objects: ImportedObject[], meta: ImportedMeta, holes: Box3 | null): CoordinateCheck[] {
  const box = objectsBox(objects);
  if (!box) return [];
  const out: CoordinateCheck[] = [];
  if (meta.upAxis === 'y') out.push({ kind: 'y-up', ...say('surfaces.check.yUp'), fix: { yUp: true } });
  if (meta.zPositive === 'down') out.push({ kind: 'z-down', ...say('surfaces.check.zDown'), fix: { zDown: true } });
  if (meta.declaredUnit === 'ft') out.push({ kind: 'feet', ...say('surfaces.check.feet'), fix: { feet: true } });
  else if (meta.declaredUnit && meta.declaredUnit !== 'm') {
    const unit = meta.declaredUnit;
    // 'declared', not 'unit': i18next hands every value to Intl.NumberFormat as an option (docs/i18n.md).
    out.push({ kind: 'units', ...say(NAMED_UNITS.has(unit) ? 'surfaces.check.unitsNamed' : 'surfaces.check.unitsOther', { declared: unit }) });
  }
  const proposed = new Set(out.map((c) => c.kind));
  if (holes) {
    const span = Math.max(...[0, 1, 2].map((a) => holes.max[a] - holes.min[a]), 100);
    const near = Math.max(1000, span);
    const asIs = gap(box, holes);
    if (asIs > near) {
      // Each reading's message says the reading and its fix in words (surfaces.check.fits.*).
      const candidates: [CheckKind, CoordinateFix, MessageKey][] = [
        ['y-up', { yUp: true }, 'surfaces.check.fits.yUp'],
        ['feet', { feet: true }, 'surfaces.check.fits.feet'],
        ['swapped', { swapEN: true }, 'surfaces.check.fits.swapped'],
        ['z-down', { zDown: true }, 'surfaces.check.fits.zDown'],
        ['feet', { feet: true, swapEN: true }, 'surfaces.check.fits.feetSwapped'],
        ['y-up', { yUp: true, feet: true }, 'surfaces.check.fits.yUpFeet'],
      ];
      const best = candidates.map(([kind, fix, key]) => ({ kind, fix, key, d: gap(fixedBox(box, fix), holes) })).sort((a, b) => a.d - b.d)[0];
      if (best.d <= near) {
        if (!proposed.has(best.kind) || best.kind === 'feet') {
          out.push({ kind: best.kind, ...say(best.key, { km: asIs / 1000 }), fix: best.fix });
        }
      } else {
        const c = (b: Box3, a: number) => (b.min[a] + b.max[a]) / 2;
        // Elevation too when the file is also far above or below (another datum, or depth for elevation).
        const dz = Math.max(0, box.min[2] - holes.max[2], holes.min[2] - box.max[2]) > near ? Math.round(c(holes, 2) - c(box, 2)) : 0;
        const shift: [number, number, number] = [Math.round(c(holes, 0) - c(box, 0)), Math.round(c(holes, 1) - c(box, 1)), dz];
        out.push({ kind: 'far', ...say('surfaces.check.far', { km: asIs / 1000 }), fix: { shift } });
      }
    }
  } else {
    const ax = Math.max(Math.abs(box.min[0]), Math.abs(box.max[0]));
    const ay = Math.max(Math.abs(box.min[1]), Math.abs(box.max[1]));
    const az = Math.max(Math.abs(box.min[2]), Math.abs(box.max[2]));
    if (!proposed.has('y-up') && az > 100_000 && ay < 20_000 && ax > 1_000) {
      out.push({ kind: 'y-up', ...say('surfaces.check.yUpGuess'), fix: { yUp: true } });
    } else if (ax >= 1_000_000 && ax <= 10_000_000 && ay >= 100_000 && ay < 1_000_000) {
      out.push({ kind: 'swapped', ...say('surfaces.check.swappedGuess'), fix: { swapEN: true } });
    }
  }
  return out;
}
