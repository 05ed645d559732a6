/**
 * What the live overlay last laid out on the canvas, in CSS px from the canvas's top-left corner:
 * each label drawn (its text box), the north arrow and the scale bar. Read by
 * `veinscape.layout()` and by tests; written by the overlay painter on every paint.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LiveLayout {
  /** each label drawn; `intercept` for an intercept label (index in the store's intercepts) */
  labels: (Rect & { text: string; intercept?: number })[];
  northArrow: Rect | null;
  scaleBar: Rect | null;
}

export const liveLayout: LiveLayout = { labels: [], northArrow: null, scaleBar: null };

export const rectOf = (b: readonly [number, number, number, number]): Rect => ({ x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1] });
