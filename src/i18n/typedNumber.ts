/**
 * Numbers a user types into a field, read the same way in every interface language (the fields are
 * text inputs: Chromium's type=number reads the browser's locale, not the interface's). Pure, no
 * React; the field shows its value with `fieldNumber` (numbers.ts).
 *
 * A decimal comma or a decimal point, whatever the language: "2,5" and "2.5" are both 2.5, since a
 * French-speaking geologist types either. Spaces around the number, a leading + or - (or U+2212),
 * and spaces grouping thousands ("5 312 004,25", as the French interface writes coordinates) are
 * read. No thousands comma or point: "1,234" is 1.234 in both languages (a field never shows
 * grouping), and "1,2,3" or "1.234,5" are not numbers.
 */

// sign, whole part (plain digits, or groups of three after a space / no-break space / narrow or thin space), decimals
const TYPED = /^([+\-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d*)(?:[.,](\d*))?$/;

/** What `text` reads as: a finite number, null for blank text, undefined for anything else ("abc", "1,2,3", "-"). */
export function readTypedNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = TYPED.exec(t);
  if (!m) return undefined;
  const whole = m[2].replace(/\D/g, '');
  const decimals = m[3] ?? '';
  if (whole === '' && decimals === '') return undefined; // a sign or a separator alone
  const v = Number(`${m[1] === '' || m[1] === '+' ? '' : '-'}${whole || '0'}.${decimals || '0'}`);
  if (!Number.isFinite(v)) return undefined;
  return v === 0 ? 0 : v; // "-0" is 0
}

/** Decimals written in `v` (as String writes it), for rounding a sum to them: 0.1 → 1, 50 → 0. */
function decimalsOf(v: number): number {
  const s = String(v);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The value ArrowUp (`direction` 1) or ArrowDown (-1) gives a field holding `from` (null: empty), as
 * Chromium steps a type=number input: an empty field starts from 0 (from `min` or `max` when 0 is
 * outside them), a step never leaves [min, max] (it stops at the bound), and a value already outside
 * moves only back towards it. Rounded to the decimals of the step and of `from` (0.1 + 0.2 is 0.3).
 */
export function stepNumber(from: number | null, direction: 1 | -1, step = 1, min = -Infinity, max = Infinity): number {
  if (from === null) {
    if (min > 0) return min;
    if (max < 0) return max;
    from = 0;
  }
  if (direction > 0 ? from >= max : from <= min) return from;
  if (direction > 0 && from < min) return min;
  if (direction < 0 && from > max) return max;
  const digits = Math.min(12, Math.max(decimalsOf(step), decimalsOf(from)));
  const next = Number((from + direction * step).toFixed(digits));
  return Math.min(max, Math.max(min, next));
}
