/**
 * Coordinate fixes the user may apply to an imported file (never applied silently): Y-up to Z-up,
 * z positive down to up, easting / northing swapped back, feet to metres, and a shift from a local
 * grid. Applied in that order to every vertex of the file's objects; recorded in each object's
 * `source.transform` so a saved project says what was done.
 */
import { say, type MessageKey, type Said } from '../../domain/message';

export interface CoordinateFix {
  /** the file is Y up (glTF, graphics OBJ): (x, y, z) → (x, -z, y) */
  yUp?: boolean;
  /** z grows downward (GOCAD ZPOSITIVE Depth): z → -z */
  zDown?: boolean;
  /** easting and northing swapped: (x, y) → (y, x) */
  swapEN?: boolean;
  /** coordinates in international feet: × 0.3048 m */
  feet?: boolean;
  /** metres added after the other fixes: [dE, dN, dZ] */
  shift?: [number, number, number];
}

export const FOOT_M = 0.3048;

export function isIdentityFix(f: CoordinateFix): boolean {
  return !f.yUp && !f.zDown && !f.swapEN && !f.feet && !(f.shift && f.shift.some((v) => v !== 0));
}

/** Applies a fix to a flat xyz array, in place. */
export function applyFix(v: Float64Array, f: CoordinateFix): void {
  const s = f.feet ? FOOT_M : 1;
  const [dx, dy, dz] = f.shift ?? [0, 0, 0];
  for (let i = 0; i < v.length; i += 3) {
    let x = v[i], y = v[i + 1], z = v[i + 2];
    if (f.yUp) [y, z] = [-z, y];
    if (f.zDown) z = -z;
    if (f.swapEN) [x, y] = [y, x];
    v[i] = x * s + dx;
    v[i + 1] = y * s + dy;
    v[i + 2] = z * s + dz;
  }
}

/** What a fix does, as catalogue messages (the panel writes them in its language, joined by '; '). */
export function fixParts(f: CoordinateFix): Said[] {
  const out: Said[] = [];
  if (f.yUp) out.push(say('surfaces.fix.yUp'));
  if (f.zDown) out.push(say('surfaces.fix.zDown'));
  if (f.swapEN) out.push(say('surfaces.fix.swapEN'));
  if (f.feet) out.push(say('surfaces.fix.feet'));
  if (f.shift && f.shift.some((v) => v !== 0)) out.push(say('surfaces.fix.shift', { e: f.shift[0], n: f.shift[1], z: f.shift[2] }));
  return out;
}

/** What a fix does, in English words, for the saved project (`source.transform`). */
export function describeFix(f: CoordinateFix): string {
  return fixParts(f).map((p) => p.message).join('; ');
}

const NAMED_FIXES: MessageKey[] = ['surfaces.fix.yUp', 'surfaces.fix.zDown', 'surfaces.fix.swapEN', 'surfaces.fix.feet'];
const SHIFT = /^shifted by (\S+) m, (\S+) m, (\S+) m \(E, N, Z\)$/;

/**
 * The fixes a saved project records (`source.transform`: describeFix's English, joined by '; ') as
 * messages, so the panel writes them in its language; a part this version did not write stays as
 * written (a message without a key).
 */
export function recordedFixParts(text: string): (Said | { message: string })[] {
  return text.split('; ').map((part) => {
    const named = NAMED_FIXES.map((k) => say(k)).find((s) => s.message === part);
    if (named) return named;
    const m = SHIFT.exec(part);
    const v = m ? m.slice(1).map(Number) : [];
    return m && v.every(Number.isFinite) ? say('surfaces.fix.shift', { e: v[0], n: v[1], z: v[2] }) : { message: part };
  });
}
