/**
 * The free area of the view: the largest rectangle the overlays (legend, caption, north arrow,
 * scale bar, cards) leave, chosen for the content's proportions, so fit-to-view and the view
 * presets frame the model where nothing covers it. Pure geometry in CSS px.
 */
import type { Rect } from './layoutRecord';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** How large content of this size can be drawn in the rectangle (scale factor). */
const fitScale = (r: Rect, content: { width: number; height: number }) => Math.min(r.width / Math.max(content.width, 1e-6), r.height / Math.max(content.height, 1e-6));

/**
 * The rectangle inside the view (less `margin` px on each side) that avoids every reserved box and
 * lets content of the given size (any unit: only its proportions count) be drawn largest. Each
 * box in the way cuts the rectangle above, below, left or right of it; every combination is tried
 * (a handful of boxes: at most 4^n small rectangles).
 */
export function freeRect(view: { width: number; height: number }, reserved: readonly Rect[], content: { width: number; height: number }, margin = 16): Rect {
  const start: Rect = { x: margin, y: margin, width: view.width - 2 * margin, height: view.height - 2 * margin };
  let best = start, bestScore = -1;
  const boxes = reserved.filter((r) => r.width > 0 && r.height > 0).slice(0, 6);
  const search = (r: Rect) => {
    const hit = boxes.find((b) => overlaps(r, b));
    if (!hit) {
      const score = fitScale(r, content);
      if (score > bestScore) { bestScore = score; best = r; }
      return;
    }
    const g = margin / 2;
    const cuts: Rect[] = [
      { x: r.x, y: r.y, width: r.width, height: hit.y - g - r.y },
      { x: r.x, y: hit.y + hit.height + g, width: r.width, height: r.y + r.height - (hit.y + hit.height + g) },
      { x: r.x, y: r.y, width: hit.x - g - r.x, height: r.height },
      { x: hit.x + hit.width + g, y: r.y, width: r.x + r.width - (hit.x + hit.width + g), height: r.height },
    ];
    for (const c of cuts) if (c.width > 40 && c.height > 40) search(c);
  };
  search(start);
  return bestScore > 0 ? best : start;
}
