/**
 * One label layout for the live view and image exports: hole ids, intercept labels, fault names
 * and axis ticks, placed by priority (the selected hole, then intercepts, fault names, axis ticks,
 * then collar ids; nearest first within a class) so that no two labels overlap and none covers a
 * reserved box (legend, title, north arrow, scale bar, slip arrows). A label that cannot sit at its
 * anchor tries nearby spots; important ones (selected hole, intercepts, faults) may move further
 * and get a leader line back to their anchor. Pure geometry in CSS px: text is measured by the
 * caller's function, so it runs in Node tests as it runs on a canvas.
 */
/** A screen box [x0, y0, x1, y1] in CSS px. */
export type ScreenBox = [number, number, number, number];

export interface LayoutLabel {
  /** anchor, CSS px */
  x: number;
  y: number;
  /** NDC depth: nearer first within a priority */
  depth: number;
  text: string;
  /** 0 selected hole, 1 intercept, 2 fault name, 3 axis tick, 4 collar id; default 4 (legacy: by depth) */
  priority?: number;
  /** may move away from its anchor with a leader line */
  leader?: boolean;
  bold?: boolean;
}

export interface PlacedLabel<L extends LayoutLabel = LayoutLabel> {
  label: L;
  /** text start (left) and middle, CSS px */
  x: number;
  y: number;
  /** the box the text and its halo cover */
  box: ScreenBox;
  /** from the anchor to the label's nearest edge, when it was moved out of reach */
  leader: [number, number, number, number] | null;
}

export interface LayoutOptions {
  /** font size, px */
  sizePx: number;
  /** boxes nothing may cover */
  reserved: readonly ScreenBox[];
  /** the drawing area: labels stay inside it when given */
  view?: { width: number; height: number };
  /** most collar ids (priority 4) drawn, nearest first */
  maxCollars?: number;
  /** most intercept labels (priority 1) drawn: a few callouts an audience can read, not a wall of numbers */
  maxIntercepts?: number;
}

const overlaps = (b: ScreenBox, p: ScreenBox) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1];

/** Offsets (px) a label without a leader tries in turn: its place, one and two lines up and down, then to the left. */
function nearSpots(w: number, line: number): [number, number][] {
  const out: [number, number][] = [];
  for (const dx of [0, -w - 16]) for (const dy of [0, -line, line, -2 * line, 2 * line]) out.push([dx, dy]);
  return out;
}

/** Spots further out, on rings round the anchor (8 directions, 3 distances), each needing a leader. */
function ringSpots(w: number, line: number): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [2.2 * line, 3.6 * line]) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      const cx = Math.cos(a) * r, cy = Math.sin(a) * r;
      // The label's near edge at the ring point: to the right of it when the ring point is right of the anchor.
      out.push([cx >= 0 ? cx - 5 : cx - w - 5, cy]);
    }
  }
  return out;
}

/** Rank: priority first, then nearest; the sort is stable, so equal labels keep their order. */
function rank(l: LayoutLabel): number {
  return l.priority ?? 4;
}

/**
 * Place labels. Returns those drawn, in drawing order; the rest are left out (their anchor is
 * crowded): never two overlapping, never over a reserved box.
 */
export function layoutLabels<L extends LayoutLabel>(labels: readonly L[], measure: (l: L) => number, o: LayoutOptions): PlacedLabel<L>[] {
  const order = labels.map((l, i) => [l, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].depth - b[0].depth || a[1] - b[1]);
  const taken: ScreenBox[] = [...o.reserved];
  const out: PlacedLabel<L>[] = [];
  const half = o.sizePx / 2 + 2;
  const line = o.sizePx + 6;
  const maxCollars = o.maxCollars ?? 90;
  const maxIntercepts = o.maxIntercepts ?? 24;
  let collars = 0, intercepts = 0;
  const inView = (b: ScreenBox) => !o.view || (b[0] >= 0 && b[1] >= 0 && b[2] <= o.view.width && b[3] <= o.view.height);
  for (const [l] of order) {
    const collar = rank(l) >= 4;
    if (collar && collars >= maxCollars) continue;
    const intercept = rank(l) === 1;
    if (intercept && intercepts >= maxIntercepts) continue;
    const w = measure(l);
    const spots = l.leader ? [...nearSpots(w, line), ...ringSpots(w, line)] : l.bold ? nearSpots(w, line) : [[0, 0] as [number, number]];
    let placed: PlacedLabel<L> | null = null;
    for (const [dx, dy] of spots) {
      const x = l.x + 5 + dx, y = l.y + dy;
      const box: ScreenBox = [x, y - half, x + w, y + half];
      if (!inView(box) || taken.some((t) => overlaps(box, t))) continue;
      const far = Math.abs(dy) > 2 * line + 1e-6 || (dx !== 0 && dx !== -w - 16);
      let leader: PlacedLabel['leader'] = null;
      if (far) {
        // From the anchor to the nearest point of the box.
        const nx = Math.min(Math.max(l.x, box[0]), box[2]), ny = Math.min(Math.max(l.y, box[1]), box[3]);
        leader = [l.x, l.y, nx, ny];
      }
      placed = { label: l, x, y, box, leader };
      break;
    }
    if (!placed) continue;
    taken.push(placed.box);
    out.push(placed);
    if (collar) collars++;
    if (intercept) intercepts++;
  }
  return out;
}

/** Whether any two placed labels overlap (for tests and the layout report). */
export function anyOverlap(boxes: readonly ScreenBox[]): boolean {
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) return true;
  return false;
}
