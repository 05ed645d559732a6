/**
 * The one label layout (src/overlay/layout.ts): by priority, never two labels overlapping, never
 * over a reserved box, inside the view, and a moved label gets a leader back to its anchor.
 * Text is measured at 6 px per character, so every box below is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { anyOverlap, layoutLabels, type LayoutLabel } from '../src/overlay/layout';

const measure = (l: LayoutLabel) => 6 * l.text.length;
const opts = { sizePx: 11, reserved: [] as [number, number, number, number][], view: { width: 400, height: 300 } };

describe('layoutLabels', () => {
  it('puts a label 5 px right of its anchor, its box the text and 7.5 px above and below the middle', () => {
    const [p] = layoutLabels([{ x: 100, y: 50, depth: 0, text: 'RK-1' }], measure, opts);
    expect(p.box).toEqual([105, 42.5, 129, 57.5]);
    expect(p.leader).toBeNull();
  });

  it('the selected hole and intercepts win over collar ids; a collar id in their way is left out', () => {
    const collar: LayoutLabel = { x: 100, y: 50, depth: -0.9, text: 'RK-2', priority: 4 };
    const intercept: LayoutLabel = { x: 102, y: 52, depth: 0.5, text: 'RK-3: 6.1 g/t over 0.8 m', priority: 1, leader: true };
    const placed = layoutLabels([collar, intercept], measure, opts);
    expect(placed.map((p) => p.label.text)).toEqual(['RK-3: 6.1 g/t over 0.8 m']);
    expect(placed[0].box[0]).toBe(107);
  });

  it('an intercept whose place is taken moves nearby, then further with a leader to its anchor', () => {
    const a: LayoutLabel = { x: 100, y: 100, depth: 0, text: 'A: 5.0 g/t', priority: 1, leader: true };
    // Everything within two lines up and down, and to the left, is reserved: only the rings are free.
    const wall: [number, number, number, number] = [0, 60, 300, 140];
    const [p] = layoutLabels([a], measure, { ...opts, reserved: [wall] });
    expect(p).toBeDefined();
    expect(p.leader).not.toBeNull();
    const [x0, y0, x1, y1] = p.leader!;
    expect([x0, y0]).toEqual([100, 100]);
    // The leader ends on the label's box.
    expect(x1).toBeGreaterThanOrEqual(p.box[0]);
    expect(x1).toBeLessThanOrEqual(p.box[2]);
    expect(y1).toBeGreaterThanOrEqual(p.box[1]);
    expect(y1).toBeLessThanOrEqual(p.box[3]);
    expect(anyOverlap([p.box, wall])).toBe(false);
  });

  it('a collar id never moves: it is left out where it would overlap', () => {
    const placed = layoutLabels(
      [
        { x: 0, y: 20, depth: 0.1, text: 'RK-A' },
        { x: 4, y: 23, depth: 0.2, text: 'RK-B' },
      ],
      measure,
      opts,
    );
    expect(placed.map((p) => p.label.text)).toEqual(['RK-A']);
  });

  it('keeps labels inside the view', () => {
    const placed = layoutLabels([{ x: 390, y: 100, depth: 0, text: 'RK-EDGE' }], measure, opts);
    expect(placed).toEqual([]);
  });

  it('a crowd of 500 labels of every kind comes out with no two boxes overlapping', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const labels: LayoutLabel[] = Array.from({ length: 500 }, (_, i) => ({
      x: rnd() * 380, y: rnd() * 280, depth: rnd(), text: `RK05-${String(i).padStart(3, '0')}`,
      priority: i % 5, leader: i % 5 < 3,
    }));
    const placed = layoutLabels(labels, measure, opts);
    expect(placed.length).toBeGreaterThan(20);
    expect(anyOverlap(placed.map((p) => p.box))).toBe(false);
    // Priorities come first: every label of priority 0 that fits is there before any collar id.
    const ranks = placed.map((p) => p.label.priority ?? 4);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
  });
});

describe('freeRect', () => {
  it('a wide model goes above a bottom-left legend; a tall one to its right', async () => {
    const { freeRect } = await import('../src/overlay/freeArea');
    const view = { width: 1600, height: 900 };
    const legend = { x: 10, y: 680, width: 420, height: 210 };
    // Above the legend: 1568 x (680 - 8 - 16) = 656 px tall; right of it: (1600 - 16 - 438) = 1146 x 868.
    const wide = freeRect(view, [legend], { width: 4, height: 1 });
    expect(wide).toEqual({ x: 16, y: 16, width: 1568, height: 656 });
    const tall = freeRect(view, [legend], { width: 1, height: 2 });
    expect(tall).toEqual({ x: 438, y: 16, width: 1146, height: 868 });
  });
});
