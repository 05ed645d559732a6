/**
 * Boxes of the cards over the 3D view (legend, selection, caption, measurements, reports), in CSS
 * px from the canvas's top-left corner: the overlay keeps its labels clear of them.
 */
import type { ScreenBox } from '../overlay/paint';

const CARDS = '.view-area .card:not(.export-dialog), .view-area .tour-caption';

/** With `watch`, each card is also observed for size changes (observing one twice is harmless). */
export function cardBoxes(canvas: HTMLElement, watch?: ResizeObserver | null): ScreenBox[] {
  const base = canvas.getBoundingClientRect();
  const out: ScreenBox[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(CARDS)) {
    watch?.observe(el);
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    out.push([r.left - base.left, r.top - base.top, r.right - base.left, r.bottom - base.top]);
  }
  return out;
}
