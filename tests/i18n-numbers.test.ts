/**
 * Numbers, units and intercept labels as each language writes them: French with a decimal comma and
 * a narrow no-break space (U+202F) between thousands; English exactly as the product always wrote it.
 */
import { describe, expect, it } from 'vitest';
import { coordNumber, countNumber, fixedNumber, shortNumber } from '../src/i18n/numbers';
import { interceptLabel, widthName } from '../src/i18n/interceptText';
import type { InterceptLabelParts } from '../src/domain/intercepts';
import { coord, count, grade, metres } from '../src/ui/format';

const NNBSP = '\u202f';

describe('numbers by language', () => {
  it('French: decimal comma, narrow no-break space between thousands', () => {
    expect(fixedNumber(114.2149, 2, 'fr')).toBe('114,21');
    expect(fixedNumber(1234.5, 1, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(metres(1234.5, 1, 'fr')).toBe(`1${NNBSP}234,5 m`);
    expect(metres(114.21, 2, 'fr')).toBe('114,21 m');
    expect(count(1121513, 'fr')).toBe(`1${NNBSP}121${NNBSP}513`);
    expect(coord(5312004.254, 'fr')).toBe(`5${NNBSP}312${NNBSP}004,25`);
    expect(grade(6.0712, 'g/t', 'fr')).toBe('6,07 g/t');
    expect(grade(NaN, 'g/t', 'fr')).toBe('non analysé');
    expect(shortNumber(0.5, 2, 'fr')).toBe('0,5');
    expect(shortNumber(-1200, 1, 'fr')).toBe(`-1${NNBSP}200`);
  });

  it('English stays as it was: fixed decimals without grouping, counts and coordinates with commas', () => {
    expect(metres(1234.5, 1, 'en')).toBe('1234.5 m');
    expect(metres(0.825, 2, 'en')).toBe('0.82 m'); // as Number#toFixed rounds the stored double
    expect(grade(6.0712, 'g/t', 'en')).toBe('6.07 g/t');
    expect(grade(NaN, 'g/t', 'en')).toBe('not assayed');
    expect(count(1121513, 'en')).toBe('1,121,513');
    expect(countNumber(1234, 'en')).toBe('1,234');
    expect(coordNumber(5312004.254, 'en')).toBe('5,312,004.25');
    expect(shortNumber(0.5, 2, 'en')).toBe('0.5');
    expect(shortNumber(-1200, 1, 'en')).toBe('-1200');
  });
});

describe('intercept labels by language', () => {
  const parts: InterceptLabelParts = { grade: 6.0712, unit: 'g/t', element: 'Au', width: 0.8249, widthKind: 'horizontal', including: [] };
  const withIncluding: InterceptLabelParts = { ...parts, width: 4, widthKind: 'core', including: [{ grade: 21.4, width: 0.2 }, { grade: 15.1, width: 1 }] };

  it('French: "6,07 g/t Au sur 0,82 m (ÉH)", the long form naming the width in full', () => {
    expect(interceptLabel(parts, 'short', 'fr')).toBe('6,07 g/t Au sur 0,82 m (ÉH)');
    expect(interceptLabel(parts, 'long', 'fr')).toBe('6,07 g/t Au sur 0,82 m (épaisseur horizontale)');
    expect(interceptLabel({ ...parts, widthKind: 'true' }, 'short', 'fr')).toBe('6,07 g/t Au sur 0,82 m (ÉV)');
    expect(interceptLabel(withIncluding, 'short', 'fr')).toBe('6,07 g/t Au sur 4,00 m (longueur de carotte), incluant 21,40 g/t sur 0,20 m et 15,10 g/t sur 1,00 m');
    expect(widthName('core', 'short', 'fr')).toBe('longueur de carotte');
  });

  it('English: the domain label word for word', () => {
    expect(interceptLabel(parts, 'short', 'en')).toBe('6.07 g/t Au over 0.82 m (HW)');
    expect(interceptLabel(parts, 'long', 'en')).toBe('6.07 g/t Au over 0.82 m (horizontal width)');
    expect(interceptLabel(withIncluding, 'short', 'en')).toBe('6.07 g/t Au over 4.00 m (core length), including 21.40 g/t over 0.20 m and 15.10 g/t over 1.00 m');
  });
});
