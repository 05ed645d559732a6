/** Number formatting with units, for every number shown. */
export const metres = (v: number, digits = 2) => `${v.toFixed(digits)} m`;
// One formatter each: Number#toLocaleString builds a new one per call (about 0.5 ms apiece in
// Chromium, several per filter change in the counts).
const COUNT = new Intl.NumberFormat('en-US');
const COORD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** A whole number with thousands separators: 1,121,513 */
export const count = (n: number) => COUNT.format(n);
export const coord = (v: number) => COORD.format(v);
export const grade = (v: number, unit: string) => (Number.isNaN(v) ? 'not assayed' : `${v.toFixed(2)} ${unit}`);
