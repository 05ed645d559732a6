/**
 * The longest wait the user has for the progress indication to move during a load: between `from`
 * (navigation, 0, or the file chosen) and the first update, between two updates, and between the
 * last and `to` (ready()). `progress` is the probe's list of changes of the store's `loading`.
 */
export function longestProgressGap(progress, from, to) {
  const ts = [from, ...(progress ?? []).map((p) => p.t).filter((t) => t > from && t < to), to];
  let best = { ms: 0, from, to: from, updates: ts.length - 2 };
  for (let i = 1; i < ts.length; i++) if (ts[i] - ts[i - 1] > best.ms) best = { ms: ts[i] - ts[i - 1], from: ts[i - 1], to: ts[i], updates: ts.length - 2 };
  return best;
}
