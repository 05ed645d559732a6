/** Number formatting with units, for every number shown. */
export const metres = (v: number, digits = 2) => `${v.toFixed(digits)} m`;
export const coord = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const grade = (v: number, unit: string) => (Number.isNaN(v) ? 'not assayed' : `${v.toFixed(2)} ${unit}`);
