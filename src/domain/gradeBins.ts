/**
 * Grade classes for colouring intervals. Defaults for gold (g/t): below 0.5, 0.5-1, 1-3, 3-5,
 * 5-10, above 10. Colours are ColorBrewer RdYlBu (colour-blind safe), with a neutral grey for the
 * lowest class so background assays stay quiet.
 */
export interface GradeBins {
  /** class upper bounds, ascending, g/t */
  bounds: number[];
  /** bounds.length + 1 colours, #rrggbb */
  colors: string[];
  unit: string;
}

export const DEFAULT_GOLD_BINS: GradeBins = {
  bounds: [0.5, 1, 3, 5, 10],
  colors: ['#a3acb6', '#4575b4', '#74add1', '#fdae61', '#f46d43', '#d73027'],
  unit: 'g/t',
};

/** Index of the class a value falls in (value < bounds[i] → i). */
export function binIndex(bins: GradeBins, value: number): number {
  for (let i = 0; i < bins.bounds.length; i++) if (value < bins.bounds[i]) return i;
  return bins.bounds.length;
}

/**
 * Human label of each class, with its unit: "< 0.5 g/t", "0.5–1 g/t", "≥ 10 g/t"; `num` writes the
 * bounds as the reader's language does ("0,5–1 g/t" in French), by default as JavaScript does.
 */
export function binLabels(bins: GradeBins, num: (v: number) => string = String): string[] {
  const b = bins.bounds.map(num);
  return bins.colors.map((_, i) =>
    i === 0 ? `< ${b[0]} ${bins.unit}` : i === b.length ? `≥ ${b[b.length - 1]} ${bins.unit}` : `${b[i - 1]}–${b[i]} ${bins.unit}`,
  );
}
