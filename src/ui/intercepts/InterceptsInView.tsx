/**
 * The part of the intercepts panel a view filter changes: the summary of the intercepts in view (or
 * of all), "Only intercepts in view", the table's toggle, the CSV export and the table. A component
 * of its own so that a filter change re-renders it alone, not the calculator's settings above it
 * (five number fields, three lists, about thirty translated labels: a millisecond a change at
 * 100,000 holes for nothing).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../../state/store';
import { summariseFlagged, summaryOfTally } from '../../domain/interceptQuery';
import { interceptsToCsv, type Intercept, type WidthKind } from '../../domain/intercepts';
import type { InterceptRows } from '../../domain/interceptRows';
import { interceptLabel } from '../../i18n/interceptText';
import { namesById } from '../../i18n/localText';
import { downloadBlob } from '../../export/download';
import { downloadSamplesCsv, parameterNotes } from '../derivation/samplesExport';
import { interceptsInViewOf, rowsInView, viewFiltersOn } from '../../state/interceptsInView';
import { EMPTY } from '../empty';
import { csvColumnsNote, csvHeader, csvScopeNote, DEFAULT_SORT, sortIntercepts, summaryText, type InterceptScope, type Sort } from './table';
import { InterceptTable, zoneNameOf } from './InterceptTable';

/** The rows the table and the CSV list, as objects: those in view (from the flags) or all. */
function listedRows(all: InterceptRows, flags: Uint8Array | null, onlyInView: boolean): readonly Intercept[] {
  return rowsInView(all, onlyInView ? flags : null);
}

function downloadText(text: string, name: string, type: string) {
  downloadBlob(new Blob([text], { type }), name);
}

interface Props {
  /** the intercepts listed (the disclosed holes' alone when a disclosure date is set) */
  all: InterceptRows;
  /** the settings' last error, shown instead of the summary */
  error: string | null;
  /** the intercepts are being computed */
  pending: boolean;
  unit: string;
  element: string;
  /** the width the summary and gram-metres use */
  basis: WidthKind;
  /** id of the table the intercepts' rows index */
  gradeTable: string | null;
}

export function InterceptsInView({ all, error, pending, unit, element, basis, gradeTable }: Props) {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const q = useVeinscape((s) => s.interceptQuery);
  const interceptsFor = useVeinscape((s) => s.interceptsFor);
  const filters = useVeinscape((s) => s.filters);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const section = useVeinscape((s) => s.section);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const [tableOpen, setTableOpen] = useState(false);
  // Kept here (not in the table) so the CSV comes out in the order the table shows.
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [onlyInView, setOnlyInView] = useState(true);
  const { t, i18n } = useTranslation('intercepts');
  // The flags and their tally (count and sums of the summary), made together once per filter change.
  const inView = useMemo(() => interceptsInViewOf({ model, prepared, filters, zoneVisible, section, intercepts: all }), [model, prepared, filters, zoneVisible, section, all]);
  const flags = inView?.flags ?? null;
  // The rows themselves only where they are listed (the open table, the CSV): a filter change with
  // the table closed counts the flags and makes no list (see rowsInView).
  const inViewCount = inView?.tally?.count ?? all.length;
  const listed = (): readonly Intercept[] => listedRows(all, flags, onlyInView);
  const tableRows = useMemo(() => (tableOpen ? listedRows(all, flags, onlyInView) : null), [tableOpen, onlyInView, all, flags]);
  const rowCount = onlyInView ? inViewCount : all.length;
  const scope: InterceptScope = { onlyInView, inView: inViewCount, total: all.length };
  // From the flags, over typed arrays made once per list (no boxed numbers on each filter change).
  const summary = useMemo(
    () => summaryText(onlyInView && inView?.tally ? summaryOfTally(inView.tally, unit, basis) : summariseFlagged(all, null, unit, basis), element, scope),
    [all, inView, onlyInView, unit, element, basis, scope.onlyInView, scope.inView, scope.total],
  );

  return (
    <>
      {error ? (
        <p className="icept-error" role="alert" data-testid="intercept-error">{error}</p>
      ) : (
        <p className="icept-summary" data-testid="intercept-summary" data-pending={pending ? 'true' : undefined}>{pending ? t('computing') : summary}</p>
      )}
      <label className="row check" title={t('onlyInView.title')}>
        <input type="checkbox" checked={onlyInView} data-testid="intercept-only-in-view" onChange={(e) => setOnlyInView(e.target.checked)} /> {t('onlyInView.label')}
      </label>
      <div className="icept-actions">
        <button aria-expanded={tableOpen} data-testid="intercept-table-toggle" onClick={() => setTableOpen(!tableOpen)}>
          {tableOpen ? t('tableOpen') : t('tableClosed')}
        </button>
        <button
          data-testid="intercept-export" disabled={rowCount === 0 || pending}
          title={onlyInView ? t('exportTitleInView', { count: rowCount, unit }) : t('exportTitle', { count: rowCount, unit })}
          onClick={() => {
            // Notes and the label column in the interface language; the header row and the numbers stay machine-readable (docs/i18n.md).
            const options = interceptsFor?.query ?? q;
            const method = prepared?.method ?? 'minimum-curvature';
            const params = model ? parameterNotes(model, options, method, i18n.language) : [];
            const notes = [csvScopeNote(scope, viewFiltersOn({ model, prepared, filters, zoneVisible, section }, unit, i18n.language)), csvColumnsNote(unit), ...params].filter((n): n is string => n !== null);
            const sortedRows = sortIntercepts(tableRows ?? listed(), sort, zoneNameOf(zones, i18n.language));
            downloadText(interceptsToCsv(sortedRows, unit, notes, namesById(zones, i18n.language), (r) => interceptLabel(r.labelParts), csvHeader(unit, i18n.language)), 'intercepts.csv', 'text/csv;charset=utf-8');
            // The samples of each intercept, numbered as intercepts.csv lists them (a second download).
            if (model) downloadSamplesCsv(model, sortedRows, options, method, unit, i18n.language);
          }}
        >
          {t('export')}
        </button>
      </div>
      {tableRows && <InterceptTable rows={tableRows} scope={scope} pending={pending} unit={unit} element={element} basis={basis} gradeTable={gradeTable} sort={sort} onSort={setSort} onClose={() => setTableOpen(false)} />}
    </>
  );
}
