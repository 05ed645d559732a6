/**
 * Label declutter of the 2D overlay and image exports (src/overlay/paint.ts): a fault's
 * name no longer sits on its own slip arrow's offset ("Fault F2" over "31 m" in the sample's
 * default view). Driven with a stand-in 2D context whose text is 6 px per character.
 */
import { describe, expect, it } from 'vitest';
import { arrowBoxes, northArrowBox, noteBox, paintLabels, scaleBarBox, type Label } from '../src/overlay/paint';

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

  it('labels keep clear of the scale bar, the north arrow and the exaggeration note', () => {
    // 0.5 px per metre: the bar is 200 m (the nice length nearest 140 px is 280 m -> 200 m), 100 px
    // wide, ending 24 px from the right of a 1280 x 800 view, its backing 8 px wider each side.
    const bar = scaleBarBox(1256, 780, 0.5);
    expect(bar).toEqual([1148, 758, 1264, 788]);
    expect(scaleBarBox(1256, 780, 0)).toBeNull();
    // The disc (22 px), and the N 10 px outside it, about 7 px tall.
    const north = northArrowBox(1236, 44);
    expect(north).toEqual([1197, 5, 1275, 83]);
    const { ctx, drawn } = fakeContext();
    // "Vertical exaggeration 2×" is 24 characters: 144 px in the stand-in font.
    const note = noteBox(ctx, 1256, 730, 'Vertical exaggeration 2×');
    expect(note).toEqual([1109, 721, 1259, 739]);
    paintLabels(
      ctx,
      [
        { x: 1150, y: 770, depth: 0.1, text: '612 400 E' },
        { x: 1200, y: 40, depth: 0.2, text: 'RK05-007' },
        { x: 1120, y: 730, depth: 0.3, text: 'RK05-008' },
        { x: 1000, y: 770, depth: 0.4, text: '612 200 E' },
      ],
      theme,
      11,
      [bar!, north, note],
    );
    expect(drawn.map((d) => d.text)).toEqual(['612 200 E']);
  });
});
