/**
 * The intercept summary's running figures (interceptQuery.ts `summariseFlagged`): how many rows are
 * counted, which widths every one of them has, and for each of the three widths the sum of widths
 * and of grade × width. All three are summed in the one pass, so the width is picked afterwards
 * (chooseWidth) and the pass can run block by block right after the flags of a filter change are
 * made (interceptFlags.ts), while they are in the cache, instead of two more passes over 400,000
 * rows. Each sum adds the same terms in the same (row) order as a sum of the chosen width alone.
 * No react/three/zustand.
 */
import { chooseWidth, type WidthKind } from './intercepts';
import { coreLengthAt, KNOWN_BIT } from './interceptRows';

/** What the summary reads of each row. */
export interface TallyColumns {
  /** capped grade, in the column's unit */
  grade: Float64Array;
  /** m; 0 where unknown (`known` says) */
  horizontal: Float64Array;
  true: Float64Array;
  /**
   * core length, m, per row; null: the row's from and to give it (interceptRows.ts coreLengthAt,
   * as an intercept read back has it), without a third array of 3.2 MB at 405,642 intercepts
   */
  core: Float64Array | null;
  from: Float64Array;
  to: Float64Array;
  /** KNOWN_BIT per width */
  known: Uint8Array;
}

/** The running figures: sums[2k] width, sums[2k + 1] grade × width, for k of SUM_KINDS. */
export interface Tally {
  count: number;
  /** KNOWN_BIT of the widths every counted row has */
  knownInAll: number;
  sums: Float64Array;
}

const SUM_KINDS: readonly WidthKind[] = ['horizontal', 'true', 'core'];

export function newTally(): Tally {
  return { count: 0, knownInAll: 7, sums: new Float64Array(6) };
}

/**
 * Adds rows lo..hi-1 flagged 1 (all of them without flags) to `t`, row by row: their numbers are
 * listed first (flaggedRows), then summed by tallyRows. Called block by block: a function called
 * many times is compiled by the optimiser; one loop over 400,000 rows, once per filter change, ran
 * mostly unoptimised, a new heap number per addition.
 */
export function tallyRange(c: TallyColumns, flags: Uint8Array | null, lo: number, hi: number, t: Tally): void {
  const rows = listScratch(hi - lo);
  tallyRows(c, rows, flaggedRows(flags, lo, hi, rows), t);
}

/**
 * Adds the rows rows[0..k-1] (in that order) to `t`. The rows come listed, not tested one by one
 * against their flags: a flag is 0 or 1 at random along the rows, and the branch on it cost more
 * than the sums (in Node over 405,642 intercepts, 1 in 4 flagged: a cut-off change's flags and tally
 * 5.6 → 2.0 ms with interceptFlags.ts listing the rows as it flags them). The same terms in the same
 * order as a row-by-row pass that skips the unflagged rows: the same sums.
 */
export function tallyRows(c: TallyColumns, rows: Int32Array, k: number, t: Tally): void {
  const { grade, horizontal, true: trueW, core, known } = c;
  let bits = t.knownInAll;
  const s = t.sums;
  let h = s[0], hg = s[1], tw = s[2], tg = s[3], cw = s[4], cg = s[5];
  for (let j = 0; j < k; j++) {
    const i = rows[j];
    bits &= known[i] & 7;
    const g = grade[i];
    const wh = horizontal[i], wt = trueW[i], wc = core !== null ? core[i] : coreLengthAt(c, i);
    h += wh;
    hg += g * wh;
    tw += wt;
    tg += g * wt;
    cw += wc;
    cg += g * wc;
  }
  t.count += k;
  t.knownInAll = bits;
  s[0] = h; s[1] = hg; s[2] = tw; s[3] = tg; s[4] = cw; s[5] = cg;
}

/** Writes the numbers of rows lo..hi-1 flagged 1 (every row without flags) to `rows`, in order; returns how many. */
export function flaggedRows(flags: Uint8Array | null, lo: number, hi: number, rows: Int32Array): number {
  let k = 0;
  if (flags === null) {
    for (let i = lo; i < hi; i++) rows[k++] = i;
    return k;
  }
  // Every row is written and the count moves by its flag (0 or 1): no branch on the flag.
  for (let i = lo; i < hi; i++) {
    rows[k] = i;
    k += flags[i] & 1;
  }
  return k;
}

let scratch = new Int32Array(4096);

/** A reused list of at least `n` row numbers (its contents are the caller's until the next call). */
export function listScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(n);
  return scratch;
}

/** The summary's figures from a tally: the width `basis` when every counted row has it, else the fallback (chooseWidth). */
export function tallySummary(t: Tally, basis: WidthKind): { count: number; grade: number; width: number; widthKind: WidthKind } {
  const { count, knownInAll } = t;
  const kind = count === 0 ? 'core' : chooseWidth(basis, (k) => (knownInAll & KNOWN_BIT[k]) !== 0);
  const k = SUM_KINDS.indexOf(kind);
  const total = t.sums[2 * k], gradeWidth = t.sums[2 * k + 1];
  return { count, grade: total > 0 ? gradeWidth / total : NaN, width: count ? total / count : NaN, widthKind: kind };
}
