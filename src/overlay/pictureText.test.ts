import { describe, expect, it } from 'vitest';
import { scaleBarText, tickText } from './paint';
import { pictureNumber } from './pictureText';

const NNBSP = '\u202f';

describe('numbers drawn in the picture', () => {
  it('axis ticks: English keeps its thin-space grouping, French groups with a narrow no-break space', () => {
    const east = { axis: 'E' as const, value: 612400.4, at: [0, 0, 0] as [number, number, number] };
    const z = { axis: 'Z' as const, value: -1250, at: [0, 0, 0] as [number, number, number] };
    expect(tickText(east)).toBe('612\u2009400 E');
    expect(tickText(east, 'fr')).toBe(`612${NNBSP}400 E`);
    expect(tickText({ ...east, axis: 'N', value: 5312000 }, 'fr')).toBe(`5${NNBSP}312${NNBSP}000 N`);
    expect(tickText(z)).toBe('−1\u2009250 m');
    expect(tickText(z, 'fr')).toBe(`-1${NNBSP}250 m`);
    // Written once and kept (by language, axis and value): the same value on another axis, and again.
    expect(tickText({ ...east, axis: 'N' })).toBe('612\u2009400 N');
    expect(tickText(east)).toBe('612\u2009400 E');
    expect(tickText(east, 'fr')).toBe(`612${NNBSP}400 E`);
  });

  it('the scale bar: metres, then kilometres with a decimal comma in French', () => {
    expect(scaleBarText(200)).toBe('200 m');
    expect(scaleBarText(2500)).toBe('2.5 km');
    expect(scaleBarText(2500, 'fr')).toBe('2,5 km');
    expect(scaleBarText(200, 'fr')).toBe('200 m');
  });

  it('figures: English as JavaScript writes them, French by Intl', () => {
    expect(pictureNumber(1200)).toBe('1200');
    expect(pictureNumber(0.5)).toBe('0.5');
    expect(pictureNumber(1200, 'fr')).toBe(`1${NNBSP}200`);
    expect(pictureNumber(0.5, 'fr')).toBe('0,5');
  });
});
