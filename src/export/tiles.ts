/**
 * Tiling plan for exports larger than the graphics card's render-target limit: the image is split
 * into a grid of nearly equal tiles (sizes differ by at most one pixel, so there is never a thin
 * sliver), each no larger than `max` on either side. Coordinates are image pixels, y down.
 */
export interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Split `n` pixels into `parts` runs whose lengths differ by at most one. */
function runs(n: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (let i = 0; i < parts; i++) {
    const len = Math.floor(n / parts) + (i < n % parts ? 1 : 0);
    out.push([at, len]);
    at += len;
  }
  return out;
}

/** Tiles covering a `width` x `height` image exactly once, row by row from the top-left. */
export function planTiles(width: number, height: number, max: number): Tile[] {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) throw new Error(`image size must be positive integers, got ${width} x ${height}`);
  if (!(max >= 1)) throw new Error(`tile size limit must be at least 1 pixel, got ${max}`);
  const m = Math.floor(max);
  const cols = runs(width, Math.ceil(width / m));
  const rows = runs(height, Math.ceil(height / m));
  const tiles: Tile[] = [];
  for (const [y, h] of rows) for (const [x, w] of cols) tiles.push({ x, y, w, h });
  return tiles;
}

/** Largest export side and area: 8K UHD (7680 x 4320), in either orientation. */
export const MAX_EXPORT_LONG = 7680;
export const MAX_EXPORT_SHORT = 4320;

/** Why a requested export size is not allowed, or null when it is. */
export function sizeProblem(width: number, height: number): string | null {
  if (!Number.isFinite(width) || !Number.isFinite(height)) return 'Enter a width and a height in pixels.';
  if (!Number.isInteger(width) || !Number.isInteger(height)) return 'Width and height must be whole numbers of pixels.';
  if (width < 16 || height < 16) return 'Width and height must be at least 16 pixels.';
  if (Math.max(width, height) > MAX_EXPORT_LONG || Math.min(width, height) > MAX_EXPORT_SHORT) return `The largest image is ${MAX_EXPORT_LONG} × ${MAX_EXPORT_SHORT} pixels (or ${MAX_EXPORT_SHORT} × ${MAX_EXPORT_LONG}).`;
  return null;
}
