/**
 * Levels of detail of a large surface (a generated vein sheet of half a million triangles): a few
 * simplified copies of its index over the same vertices (built off the page during the load, in
 * data/surfaces.worker.ts, else when first drawn, in data/surfaceLod.worker.ts), and the choice of
 * the copy to draw for a camera.
 *
 * Screen-space error, as for the intervals (segmentLodChoice.ts) and 3D Tiles' geometricError: a
 * copy's error is the simplifier's largest distance from the full surface (m); seen from the
 * nearest point of the surface's box it spans error × pixels-per-metre pixels. The coarsest copy
 * within `errorPx` is drawn, so a change of copy moves the picture by at most that (no popping);
 * hysteresis: a surface goes coarser only once the coarser copy is within half of `errorPx`.
 */
import { boxDistance } from './segmentLodChoice';

/** Surfaces of fewer triangles are drawn as they are (a few thousand pixels of screen do not need fewer). */
export const SURFACE_LOD_MIN_TRIANGLES = 100_000;

/**
 * The copies' target errors, as fractions of the surface box's diagonal (a 5 km vein sheet:
 * 0.5 m and 4 m; the opening view of the 10,000-hole stress deposit is about 5 m per pixel).
 */
export const SURFACE_LOD_ERRORS = [1e-4, 8e-4];

/**
 * Largest change of a vertex normal (a unit vector) the simplifier may make, so the shading of a
 * copy is that of the full surface wherever its lighting would change by more than this.
 */
export const SURFACE_LOD_NORMAL_TOLERANCE = 0.05;

/** A copy is kept only when it has at most this share of the triangles of the next finer one. */
export const SURFACE_LOD_MAX_SHARE = 0.5;

/** Largest on-screen error of a copy where it is drawn, device pixels (intervals: lodSettings.errorPx). */
export const SURFACE_LOD_ERROR_PX = 1;

/** The diagonal of a surface's box [minX, minY, minZ, maxX, maxY, maxZ], m; 0 when unknown. */
export function boxDiagonal(b: ArrayLike<number> | undefined): number {
  return b && b.length === 6 ? Math.hypot(b[3] - b[0], b[4] - b[1], b[5] - b[2]) : 0;
}

/** One simplified copy: an index into the surface's own vertices, and its error (m). */
export interface SurfaceLevel {
  indices: Uint32Array;
  error: number;
}

export interface SurfaceLodView {
  /** the eye, in the coordinates of `box` (m) */
  eye: readonly [number, number, number];
  /** the surface's box [minX, minY, minZ, maxX, maxY, maxZ] in those coordinates */
  box: ArrayLike<number>;
  /** metres of the surface per metre of `box` along the most stretched axis (vertical exaggeration) */
  errorScale: number;
  /** perspective: pixels spanned by one metre at one metre from the eye; orthographic: pixels per metre */
  pixelsPerMetre: number;
  orthographic: boolean;
  /** largest on-screen error of a drawn copy, px */
  errorPx: number;
}

/**
 * Which copy to draw: 0 is the full surface, k ≥ 1 is `errors[k - 1]` (coarser with k).
 * `previous`: the copy of the last frame of the same view (-1: none, e.g. an export), for hysteresis.
 */
export function chooseSurfaceLevel(errors: readonly number[], view: SurfaceLodView, previous: number): number {
  const d = boxDistance(view.box, 0, view.eye);
  const scale = view.errorScale * (view.orthographic ? view.pixelsPerMetre : view.pixelsPerMetre / Math.max(d, 1e-3));
  const px = (k: number) => (k === 0 ? 0 : errors[k - 1] * scale);
  const coarsest = (limit: number) => {
    let k = 0;
    while (k < errors.length && px(k + 1) <= limit) k++;
    return k;
  };
  const want = coarsest(view.errorPx);
  if (previous < 0 || want < previous) return want;
  // Keep the last copy while it is fine enough; go coarser only well under the threshold.
  const kept = Math.max(Math.min(previous, errors.length), coarsest(0.5 * view.errorPx));
  return px(kept) > view.errorPx ? want : kept;
}
