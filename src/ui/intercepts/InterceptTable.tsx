/**
 * The intercept table: a sortable card over the view, the first MAX_ROWS rows of those listed; a
 * click selects the intercept's hole and frames it (the intercept, its hole and the vein around it).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../../state/store';
import { interceptFrame } from '../../domain/interceptFrame';
import { interceptSampleAt, type Intercept, type WidthKind } from '../../domain/intercepts';
import type { ZoneT } from '../../data/schema';
import { interceptLabel } from '../../i18n/interceptText';
import { namesById } from '../../i18n/localText';
import { EMPTY } from '../empty';
import { DerivationButton } from '../derivation/DerivationButton';
import { COLUMNS, fmt, gramMetresCell, headerText, MAX_ROWS, nextSort, shortName, sortIntercepts, tableCountText, type InterceptScope, type Sort } from './table';

/** Zone id → zone name ('' for none, the id when the zone is unknown). */
export function zoneNameOf(zones: readonly ZoneT[], lang: string): (id: string | null) => string {
  const names = namesById(zones, lang);
  return (id) => (id === null ? '' : (names.get(id) ?? id));
}

interface TableProps {
  /** the rows listed (those in view, or all) */
  rows: readonly Intercept[];
  scope: InterceptScope;
  /** the rows are being recomputed (those shown are the previous ones) */
  pending: boolean;
  unit: string;
  element: string;
  /** the width gram-metres use (the column header says it; rows that fall back say theirs) */
  basis: WidthKind;
  /** id of the table the intercepts' rows index */
  gradeTable: string | null;
  sort: Sort;
  onSort: (s: Sort) => void;
  onClose: () => void;
}

export function InterceptTable({ rows, scope, pending, unit, element, basis, gradeTable, sort, onSort, onClose }: TableProps) {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const frameView = useVeinscape((s) => s.frameView);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const sel = useVeinscape((s) => s.selection);
  const select = useVeinscape((s) => s.select);
  // The settings the rows were computed with, for their derivation.
  const derivationOptions = useVeinscape((s) => s.interceptsFor?.query ?? s.interceptQuery);
  const { t, i18n } = useTranslation('intercepts');
  const zoneName = useMemo(() => zoneNameOf(zones, i18n.language), [zones, i18n.language]);
  const sorted = useMemo(() => sortIntercepts(rows, sort, zoneName), [rows, sort, zoneName]);
  const shown = sorted.length > MAX_ROWS ? sorted.slice(0, MAX_ROWS) : sorted;

  const pick = (r: Intercept) => {
    if (!model || !prepared) return;
    const depth = (r.from + r.to) / 2;
    // The card shows a sample of the intercept at the picked depth (or the nearest assayed one),
    // read from the table it shows: a row of the intercepts' table only when that is the same table.
    const vc = prepared.valueColumn;
    const table = vc && vc.table === gradeTable ? model.intervals.find((t) => t.id === vc.table) : undefined;
    const row = table ? interceptSampleAt(r.rows, table, table.numeric[vc!.name], depth) : -1;
    select({ hole: r.holeIndex, row: row >= 0 ? row : null, depth });
    // The intercept, its hole and the vein around it, seen across the vein, in the free area.
    const f = interceptFrame(r, prepared.paths[r.holeIndex], model.holes[r.holeIndex].depth);
    frameView({ target: f.target, points: f.points, direction: f.direction });
  };

  return (
    <aside className="card icept-table-card" aria-label={t('table.card')}>
      <header>
        <h2>{t('title')}</h2>
        <span className="hint" data-testid="intercept-table-count" data-pending={pending ? 'true' : undefined}>
          {pending ? t('table.computing') : ''}{tableCountText(shown.length, scope)}
        </span>
        <button className="close" aria-label={t('table.close')} onClick={onClose}>×</button>
      </header>
      <div className="icept-scroll">
        <table className="icept-table" data-testid="intercept-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                const [name, u] = c.title(element, unit, basis);
                // The sort arrow sits on the side away from the aligned edge, so names line up with the numbers.
                const arrow = <span className={`arrow ${c.text ? 'after' : 'before'}`} aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>;
                return (
                  <th key={c.key} className={c.text ? 'text' : undefined} title={c.tip} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button data-testid={`intercept-sort-${c.key}`} aria-label={t('table.sortBy', { column: headerText(c, element, unit, basis) })} onClick={() => onSort(nextSort(sort, c.key))}>
                      {name.split('\n').map((line, i, lines) => (
                        <span className="name" key={i}>
                          {i === 0 && !c.text && arrow}
                          {line}
                          {i === lines.length - 1 && c.text && arrow}
                        </span>
                      ))}
                      <span className="unit">{u ? `(${u})` : '\u00a0'}</span>
                    </button>
                  </th>
                );
              })}
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const current = sel !== null && sel.hole === r.holeIndex && sel.depth >= r.from && sel.depth <= r.to;
              const gm = gramMetresCell(r, basis);
              return (
                <tr
                  key={`${r.holeIndex}:${r.from}`} data-testid="intercept-row" tabIndex={0} title={interceptLabel(r.labelParts, 'long')}
                  className={current ? 'current' : undefined} aria-selected={current}
                  onClick={() => pick(r)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      pick(r);
                    }
                  }}
                >
                  <td className="text">{r.holeId}</td>
                  <td>{fmt(r.from)}</td>
                  <td>{fmt(r.to)}</td>
                  <td>{fmt(r.coreLength)}</td>
                  <td>{fmt(r.trueWidth)}</td>
                  <td>{fmt(r.horizontalWidth)}</td>
                  <td>{fmt(r.grade)}</td>
                  <td>{fmt(r.gradeUncapped)}</td>
                  <td title={gm.title} data-testid="intercept-gm">{gm.text}</td>
                  <td className="text" title={r.zoneId === null ? undefined : zoneName(r.zoneId)}>{r.zoneId === null ? '—' : shortName(zoneName(r.zoneId))}</td>
                  <td><DerivationButton intercept={r} options={derivationOptions} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {sorted.length === 0 && (
          <p className="hint">{scope.total > 0 ? t('table.noneInView', { count: scope.total }) : t('table.noIntercepts')}</p>
        )}
      </div>
    </aside>
  );
}
