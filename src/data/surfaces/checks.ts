/**
 * Detects what would put an imported file in the wrong place, and proposes the fix; nothing is
 * moved until the user applies it in the import panel. Compared against the drill holes already
 * loaded when there are any (their collars and depths), else judged from what the file says and
 * from the magnitudes of real-world projected coordinates (UTM eastings 166-834 km, northings
 * 0-10,000 km).
 */
import type { ImportedMeta, ImportedObject } from './types';
import { applyFix, describeFix, type CoordinateFix } from './transform';

export type CheckKind = 'y-up' | 'z-down' | 'feet' | 'swapped' | 'far' | 'units';

export interface CoordinateCheck {
  kind: CheckKind;
  message: string;
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

const UNIT_WORDS: Record<string, string> = { in: 'inches', mm: 'millimetres', cm: 'centimetres', km: 'kilometres', mi: 'miles', yd: 'yards', us_ft: 'US survey feet' };

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

/**
 * Checks for one file. `holes`: the box of the loaded drill holes (collars to hole ends), or null.
 */
export function checkCoordinates(objects: ImportedObject[], meta: ImportedMeta, holes: Box3 | null): CoordinateCheck[] {
  const box = objectsBox(objects);
  if (!box) return [];
  const out: CoordinateCheck[] = [];
  if (meta.upAxis === 'y') out.push({ kind: 'y-up', message: 'the file is Y-up (glTF convention): its Y axis is elevation and -Z is north', fix: { yUp: true } });
  if (meta.zPositive === 'down') out.push({ kind: 'z-down', message: 'the file says z grows downward (ZPOSITIVE Depth): elevations are its z with the sign changed', fix: { zDown: true } });
  if (meta.declaredUnit === 'ft') out.push({ kind: 'feet', message: 'the file declares feet', fix: { feet: true } });
  else if (meta.declaredUnit && meta.declaredUnit !== 'm') {
    const unit = UNIT_WORDS[meta.declaredUnit] ?? meta.declaredUnit;
    out.push({ kind: 'units', message: `the header declares ${unit}, but headers are often wrong (DXF $INSUNITS is often left at inches): coordinates read as metres as stored, no conversion` });
  }
  const proposed = new Set(out.map((c) => c.kind));
  if (holes) {
    const span = Math.max(...[0, 1, 2].map((a) => holes.max[a] - holes.min[a]), 100);
    const near = Math.max(1000, span);
    const asIs = gap(box, holes);
    if (asIs > near) {
      const candidates: [CheckKind, CoordinateFix, string][] = [
        ['y-up', { yUp: true }, 'as a Y-up file'],
        ['feet', { feet: true }, 'in feet converted to metres'],
        ['swapped', { swapEN: true }, 'with easting and northing swapped back'],
        ['z-down', { zDown: true }, 'with z positive downward'],
        ['feet', { feet: true, swapEN: true }, 'in feet with easting and northing swapped back'],
        ['y-up', { yUp: true, feet: true }, 'as a Y-up file in feet'],
      ];
      const best = candidates.map(([kind, fix, words]) => ({ kind, fix, words, d: gap(fixedBox(box, fix), holes) })).sort((a, b) => a.d - b.d)[0];
      if (best.d <= near) {
        if (!proposed.has(best.kind) || best.kind === 'feet') {
          out.push({ kind: best.kind, message: `${km(asIs)} from the drill holes as stored; read ${best.words} it sits with them (${describeFix(best.fix)})`, fix: best.fix });
        }
      } else {
        const c = (b: Box3, a: number) => (b.min[a] + b.max[a]) / 2;
        // Elevation too when the file is also far above or below (another datum, or depth for elevation).
        const dz = Math.max(0, box.min[2] - holes.max[2], holes.min[2] - box.max[2]) > near ? Math.round(c(holes, 2) - c(box, 2)) : 0;
        const shift: [number, number, number] = [Math.round(c(holes, 0) - c(box, 0)), Math.round(c(holes, 1) - c(box, 1)), dz];
        out.push({ kind: 'far', message: `${km(asIs)} from the drill holes: a local grid, another CRS, or another project? A shift to the holes' centre is offered; use the real grid transformation if you know it`, fix: { shift } });
      }
    }
  } else {
    const ax = Math.max(Math.abs(box.min[0]), Math.abs(box.max[0]));
    const ay = Math.max(Math.abs(box.min[1]), Math.abs(box.max[1]));
    const az = Math.max(Math.abs(box.min[2]), Math.abs(box.max[2]));
    if (!proposed.has('y-up') && az > 100_000 && ay < 20_000 && ax > 1_000) {
      out.push({ kind: 'y-up', message: 'z looks like a northing and y like an elevation: a Y-up file?', fix: { yUp: true } });
    } else if (ax >= 1_000_000 && ax <= 10_000_000 && ay >= 100_000 && ay < 1_000_000) {
      out.push({ kind: 'swapped', message: 'x looks like a UTM northing and y like an easting: easting and northing swapped?', fix: { swapEN: true } });
    }
  }
  return out;
}
