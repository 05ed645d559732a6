/**
 * Label declutter of the 2D overlay and image exports (src/scene/overlay/paint.ts): a fault's
 * name no longer sits on its own slip arrow's offset ("Fault F2" over "31 m" in the sample's
 * default view). Driven with a stand-in 2D context whose text is 6 px per character.
 */
import { describe, expect, it } from 'vitest';
import { arrowBoxes, paintLabels, type Label } from '../src/scene/overlay/paint';

function fakeContext() {
  const drawn: { text: string; x: number; y: number }[] = [];
  const ctx = {
    font: '',
    textBaseline: '',
    textAlign: '',
    lineJoin: '',
    lineWidth: 0,
    strokeStyle: '',
    fillStyle: '',
    measureText: (s: string) => ({ width: 6 * s.length }),
    strokeText: () => undefined,
    fillText: (text: string, x: number, y: number) => drawn.push({ text, x, y }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const theme = { text: '#000', muted: '#555', halo: '#fff', accent: '#a00' };

describe('paintLabels', () => {
  it('an arrow offset label is kept clear: a collar id under it is left out', () => {
    const { ctx, drawn } = fakeContext();
    // Arrow pointing right from (100, 100): its "31 m" is written centred at (86, 100), 24 px wide.
    const arrow = { x0: 100, y0: 100, x1: 144, y1: 100, label: '31 m' };
    // Its shaft and head: (100, 100) to (144, 100), 5 px around.
    expect(arrowBoxes(ctx, arrow)).toEqual([
      [72, 92, 100, 108],
      [95, 95, 149, 105],
    ]);
    paintLabels(ctx, [{ x: 70, y: 100, depth: 0.5, text: 'RK05-001' }], theme, 11, arrowBoxes(ctx, arrow));
    expect(drawn).toEqual([]);
  });

  it('a label is kept off the arrow itself', () => {
    const { ctx, drawn } = fakeContext();
    const arrow = { x0: 100, y0: 100, x1: 144, y1: 100, label: '31 m' };
    paintLabels(ctx, [{ x: 110, y: 102, depth: 0.5, text: 'RK05-002' }, { x: 110, y: 130, depth: 0.6, text: 'RK05-003' }], theme, 11, arrowBoxes(ctx, arrow));
    expect(drawn.map((d) => d.text)).toEqual(['RK05-003']);
  });

  it('a fault name on the offset label moves one line up; with that taken too, one line down', () => {
    const arrow = { x0: 100, y0: 100, x1: 144, y1: 100, label: '31 m' };
    const fault: Label = { x: 60, y: 100, depth: -1, text: 'Fault F2', bold: true };
    let { ctx, drawn } = fakeContext();
    paintLabels(ctx, [{ ...fault }], theme, 11, arrowBoxes(ctx, arrow));
    expect(drawn).toEqual([{ text: 'Fault F2', x: 65, y: 83 }]);
    ({ ctx, drawn } = fakeContext());
    paintLabels(ctx, [{ ...fault }], theme, 11, [...arrowBoxes(ctx, arrow), [60, 80, 120, 90]]);
    expect(drawn).toEqual([{ text: 'Fault F2', x: 65, y: 117 }]);
    // Everything above and below taken: it goes to the left of its place (48 px wide, 16 px gap).
    ({ ctx, drawn } = fakeContext());
    paintLabels(ctx, [{ ...fault }], theme, 11, [[60, 0, 200, 200]]);
    expect(drawn).toEqual([{ text: 'Fault F2', x: 1, y: 100 }]);
  });

  it('a collar id does not move: it is dropped where it would overlap, drawn where it would not', () => {
    const { ctx, drawn } = fakeContext();
    paintLabels(
      ctx,
      [
        { x: 0, y: 0, depth: 0.1, text: 'RK-A' },
        { x: 4, y: 3, depth: 0.2, text: 'RK-B' },
        { x: 0, y: 40, depth: 0.3, text: 'RK-C' },
      ],
      theme,
    );
    expect(drawn.map((d) => [d.text, d.y])).toEqual([
      ['RK-A', 0],
      ['RK-C', 40],
    ]);
  });
});
