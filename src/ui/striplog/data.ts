/**
 * What the strip log draws for one hole, read from the model: the grade table's rows of the hole in
 * depth order, with its grade, lithology and zone columns. Pure: no React, no DOM.
 */
import type { CategoricalColumn, IntervalTableModel, Model } from '../../data/model';

/** A small categorical palette (ColorBrewer Set3, softened), for lithology codes. */
export const LITH_PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#d9d9d9', '#bc80bd', '#ccebc5', '#ffed6f'];

export interface HoleLog {
  table: IntervalTableModel | null;
  /** numeric column shown as bars, with its unit */
  grade: { name: string; unit: string; values: Float64Array } | null;
  lith: { name: string; column: CategoricalColumn } | null;
  zone: { name: string; column: CategoricalColumn } | null;
  /** row indices of the hole in the table, by depth */
  rows: number[];
  /** deepest point to draw: the final depth, or the deepest interval when it is deeper */
  end: number;
}

function categoricalNamed(t: IntervalTableModel, re: RegExp): { name: string; column: CategoricalColumn } | null {
  const c = t.columns.find((c) => c.type === 'categorical' && re.test(c.name) && t.categorical[c.name]);
  return c ? { name: c.name, column: t.categorical[c.name] } : null;
}

/**
 * The hole's log from the grade table: `tableId` (the prepared value column's table) when given,
 * else the first table with an Au column, else the first with a numeric column.
 */
export function holeLog(model: Model, hole: number, tableId: string | null, columnName: string | null): HoleLog {
  const numeric = (t: IntervalTableModel) => t.columns.filter((c) => c.type === 'numeric' && t.numeric[c.name]);
  const table =
    (tableId ? model.intervals.find((t) => t.id === tableId) : undefined) ??
    model.intervals.find((t) => numeric(t).some((c) => /^au/i.test(c.name))) ??
    model.intervals.find((t) => numeric(t).length > 0) ??
    null;
  const h = model.holes[hole];
  if (!table) return { table: null, grade: null, lith: null, zone: null, rows: [], end: h?.depth ?? 0 };
  const cols = numeric(table);
  const gc = cols.find((c) => c.name === columnName) ?? cols.find((c) => /^au/i.test(c.name)) ?? cols[0];
  const rows: number[] = [];
  for (let r = 0; r < table.hole.length; r++) if (table.hole[r] === hole) rows.push(r);
  rows.sort((a, b) => table.from[a] - table.from[b] || table.to[a] - table.to[b]);
  let end = h?.depth ?? 0;
  for (const r of rows) if (table.to[r] > end) end = table.to[r];
  return {
    table,
    grade: gc ? { name: gc.name, unit: gc.unit ?? (/^au/i.test(gc.name) ? 'g/t' : ''), values: table.numeric[gc.name] } : null,
    lith: categoricalNamed(table, /^lith(ology)?$/i),
    zone: categoricalNamed(table, /^zone$/i),
    rows,
    end,
  };
}

/** Consecutive rows with the same category merged into blocks (gaps split blocks), for the categorical columns. */
export function categoryBlocks(rows: readonly number[], from: ArrayLike<number>, to: ArrayLike<number>, codes: ArrayLike<number>): { code: number; from: number; to: number }[] {
  const out: { code: number; from: number; to: number }[] = [];
  for (const r of rows) {
    const code = codes[r];
    if (code < 0) continue;
    const last = out[out.length - 1];
    if (last && last.code === code && Math.abs(from[r] - last.to) < 1e-6) last.to = to[r];
    else out.push({ code, from: from[r], to: to[r] });
  }
  return out;
}
