/**
 * `veinscape.layout()`: what is laid out on the 3D view, in CSS px from the canvas's top-left
 * corner: each label drawn, the legend, the title (the slide caption in a tour or presentation),
 * the north arrow, the scale bar, and `model`, the projected bounds of what is visible (clipped to
 * the view). Tests judge a picture's composition with it: no two labels intersect, the legend
 * keeps off the model.
 */
import { liveLayout, type Rect } from '../overlay/layoutRecord';
import { modelScreenBounds } from '../scene/modelBounds';

export interface ViewLayout {
  /** each label drawn; `intercept` for an intercept label (index in the store's intercepts; a click opens its derivation) */
  labels: (Rect & { text: string; intercept?: number })[];
  legend: Rect | null;
  title: Rect | null;
  northArrow: Rect | null;
  scaleBar: Rect | null;
  model: Rect | null;
}

function domRect(selector: string, base: DOMRect): Rect | null {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return null;
  return { x: r.left - base.left, y: r.top - base.top, width: r.width, height: r.height };
}

export function viewLayout(): ViewLayout {
  const canvas = document.querySelector<HTMLElement>('[data-testid="viewer"] canvas');
  const base = canvas?.getBoundingClientRect() ?? new DOMRect(0, 0, 0, 0);
  const b = modelScreenBounds();
  let model: Rect | null = null;
  if (b) {
    // Clipped to the view: what of the model is on the picture.
    const x0 = Math.max(0, b.x), y0 = Math.max(0, b.y), x1 = Math.min(base.width, b.x + b.width), y1 = Math.min(base.height, b.y + b.height);
    model = x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
  }
  return {
    labels: liveLayout.labels.map((l) => ({ ...l })),
    legend: domRect('[data-testid="legend"]', base),
    title: domRect('[data-testid="tour-caption"]', base),
    northArrow: liveLayout.northArrow,
    scaleBar: liveLayout.scaleBar,
    model,
  };
}
