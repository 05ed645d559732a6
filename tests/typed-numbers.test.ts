/**
 * Number fields (DecimalInput): what a typed text reads as in either language, what a field shows
 * for a value in each language, that the French text reads back to the same number, and how
 * ArrowUp / ArrowDown step a value as type=number did.
 */
import { describe, expect, it } from 'vitest';
import { readTypedNumber, stepNumber } from '../src/i18n/typedNumber';
import { fieldNumber } from '../src/i18n/numbers';

describe('readTypedNumber', () => {
  it('reads a decimal comma and a decimal point alike (a French or an English user types either)', () => {
    expect(readTypedNumber('2,5')).toBe(2.5);
    expect(readTypedNumber('2.5')).toBe(2.5);
    expect(readTypedNumber('0,005')).toBe(0.005);
    expect(readTypedNumber(',5')).toBe(0.5);
    expect(readTypedNumber('.5')).toBe(0.5);
    expect(readTypedNumber('2,')).toBe(2); // on the way to "2,5"
    expect(readTypedNumber('12')).toBe(12);
    expect(readTypedNumber('007')).toBe(7);
  });

  it('reads spaces around the number, a leading sign, and spaces grouping thousands', () => {
    expect(readTypedNumber('  2,5 ')).toBe(2.5);
    expect(readTypedNumber('\u00a03.25\t')).toBe(3.25);
    expect(readTypedNumber('-250')).toBe(-250);
    expect(readTypedNumber('+4,75')).toBe(4.75);
    expect(readTypedNumber('\u22121,5')).toBe(-1.5); // U+2212 minus, as typeset text writes it
    expect(readTypedNumber('-0')).toBe(0);
    expect(Object.is(readTypedNumber('-0'), 0)).toBe(true);
    expect(readTypedNumber('5 312 004,25')).toBe(5312004.25);
    expect(readTypedNumber('5\u202f312\u202f004,25')).toBe(5312004.25); // as the French interface writes a coordinate
    expect(readTypedNumber('1\u00a0200')).toBe(1200);
  });

  it('blank text is no value (null)', () => {
    expect(readTypedNumber('')).toBeNull();
    expect(readTypedNumber('   ')).toBeNull();
  });

  it('anything else is not a number (undefined)', () => {
    for (const bad of ['abc', '2,5 g/t', '1,2,3', '1.234,5', '1,234.5', '2..5', '-', '+', ',', '.', '- 5', '5-', '+-5', '1e3', '0x10', 'Infinity', 'NaN', '12 34', '1234 567', '2,5\n3']) {
      expect(readTypedNumber(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(readTypedNumber('9'.repeat(400))).toBeUndefined(); // not finite
  });

  it('"1,234" is one point two three four in both languages: a field never groups thousands', () => {
    expect(readTypedNumber('1,234')).toBe(1.234);
  });
});

describe('fieldNumber', () => {
  it('French: a decimal comma, no grouping, the decimals the value has', () => {
    expect(fieldNumber(0.5, 'fr')).toBe('0,5');
    expect(fieldNumber(2.5, 'fr')).toBe('2,5');
    expect(fieldNumber(-250, 'fr')).toBe('-250');
    expect(fieldNumber(5312004.25, 'fr')).toBe('5312004,25');
    expect(fieldNumber(1 / 3, 'fr')).toBe('0,333333');
    expect(fieldNumber(-0, 'fr')).toBe('0');
    expect(fieldNumber(-1e-9, 'fr')).toBe('0');
  });

  it('English: a decimal point, no grouping', () => {
    expect(fieldNumber(0.5, 'en')).toBe('0.5');
    expect(fieldNumber(5312004.25, 'en')).toBe('5312004.25');
    expect(fieldNumber(2000, 'en')).toBe('2000');
    expect(fieldNumber(0.1 + 0.2, 'en')).toBe('0.3');
  });

  it('null is an empty field', () => {
    expect(fieldNumber(null, 'fr')).toBe('');
    expect(fieldNumber(null, 'en')).toBe('');
  });

  it('what a field shows reads back to the same number, in French and in English', () => {
    for (const v of [0, 0.5, 2.5, 0.005, -3.25, 45.3, 1200, -250, 5312004.25, 123456.789, 0.1 + 0.2 - 0.3 + 1, 7680]) {
      for (const lang of ['fr', 'en']) expect(readTypedNumber(fieldNumber(v, lang)), `${v} in ${lang}`).toBe(Number(v.toFixed(6)));
    }
  });
});

describe('stepNumber (ArrowUp / ArrowDown)', () => {
  it('adds or takes one step, without float dust', () => {
    expect(stepNumber(2.5, 1, 0.1)).toBe(2.6);
    expect(stepNumber(0.2, 1, 0.1)).toBe(0.3);
    expect(stepNumber(2.55, -1, 0.1)).toBe(2.45);
    expect(stepNumber(100, 1, 50)).toBe(150);
    expect(stepNumber(-250, -1)).toBe(-251);
  });

  it('stops at min and max', () => {
    expect(stepNumber(0.05, -1, 0.1, 0)).toBe(0);
    expect(stepNumber(0, -1, 0.1, 0)).toBe(0);
    expect(stepNumber(7680, 1, 1, 16, 7680)).toBe(7680);
    expect(stepNumber(7679.5, 1, 1, 16, 7680)).toBe(7680);
  });

  it('a value outside the bounds only moves back towards them', () => {
    expect(stepNumber(-5, 1, 1, 0)).toBe(0);
    expect(stepNumber(-5, -1, 1, 0)).toBe(-5);
    expect(stepNumber(9000, -1, 1, 16, 7680)).toBe(7680);
    expect(stepNumber(9000, 1, 1, 16, 7680)).toBe(9000);
  });

  it('an empty field starts from 0, or from the bound when 0 is outside them', () => {
    expect(stepNumber(null, 1)).toBe(1);
    expect(stepNumber(null, -1)).toBe(-1);
    expect(stepNumber(null, -1, 1, 0)).toBe(0);
    expect(stepNumber(null, 1, 1, 16, 7680)).toBe(16);
    expect(stepNumber(null, -1, 1, 16, 7680)).toBe(16);
  });
});
