/**
 * Numbers as a language writes them, for every figure the interface shows (not for files
 * meant for other programs: CSV keeps a decimal point, see docs/i18n.md). Pure: the language is a
 * parameter, so the overlay, the long section's export and the tests call it without i18next.
 *
 * French: decimal comma and a narrow no-break space (U+202F) between thousands, both from
 * Intl.NumberFormat('fr'), never written by hand ("1 234,5"). English keeps the figures it has
 * always shown: fixed decimals as Number#toFixed writes them (no thousands separator, "1234.50"),
 * counts and coordinates grouped with commas ("1,121,513").
 */

// One formatter per language and style: building an Intl.NumberFormat costs about 0.5 ms in
// Chromium, and a long section or a table formats hundreds of numbers per draw.
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${language}|${key}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.NumberFormat(language === 'en' ? 'en-US' : language, options)));
  return f;
}

/** `v` with exactly `digits` decimals: "114.21" in English, "114,21" in French ("1 234,50"). */
export function fixedNumber(v: number, digits: number, language: string): string {
  if (language === 'en' || !Number.isFinite(v)) return v.toFixed(digits);
  return numberFormat(language, `f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** `v` with at most `digits` decimals, trailing zeros dropped (axis ticks, contour levels): "0.5" / "0,5", "1200" / "1 200". */
export function shortNumber(v: number, digits: number, language: string): string {
  if (language === 'en' || !Number.isFinite(v)) return String(Number(v.toFixed(digits)));
  return numberFormat(language, `s${digits}`, { maximumFractionDigits: digits }).format(v);
}

/** A whole number with thousands separators: "1,121,513" / "1 121 513". */
export function countNumber(n: number, language: string): string {
  return numberFormat(language, 'count', {}).format(n);
}

/** A coordinate, grouped, `digits` decimals: "5,312,004.25" / "5 312 004,25". */
export function coordNumber(v: number, language: string, digits = 2): string {
  return numberFormat(language, `c${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A measured value, grouped, at most `digits` decimals: "1,234.5" / "1 234,5". */
export function decimalNumber(v: number, digits: number, language: string): string {
  return numberFormat(language, `d${digits}`, { maximumFractionDigits: digits }).format(v);
}

/** Most decimals a number field shows (a typed 2.5 shows "2,5"; a computed 1/3 does not fill the field). */
export const FIELD_DIGITS = 6;

/**
 * A value as a number field shows it (DecimalInput): the language's decimal separator, no grouping,
 * as many decimals as the value has up to `digits`, no "-0"; "" for null (no value). "0,5" / "0.5",
 * "5312004,25" / "5312004.25". readTypedNumber (typedNumber.ts) reads it back to the same number.
 */
export function fieldNumber(v: number | null, language: string, digits = FIELD_DIGITS): string {
  if (v === null) return '';
  return numberFormat(language, `i${digits}`, { useGrouping: false, maximumFractionDigits: digits, signDisplay: 'negative' }).format(v);
}
