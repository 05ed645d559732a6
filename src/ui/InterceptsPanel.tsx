/**
 * Significant intercepts: the calculator's settings (cut-off, minimum length, internal dilution,
 * top-cut, including clause, vein system, quoted width), the summary a press release quotes, a
 * disclosure preset, CSV export, and a sortable table in a wider floating card over the view.
 * Edits only go to the store (setInterceptQuery recomputes, in slices: "Computing…" meanwhile); the
 * store's rows are what is shown. By default the summary, table and CSV cover the intercepts in
 * view (state/interceptsInView.ts: the in-view count's rule, so the table's count is that count);
 * "Only intercepts in view" unticked, all of them. A filter change only re-flags the rows.
 */
import { downloadBlob } from '../export/download';
import { DerivationButton } from './derivation/DerivationButton';
import { downloadSamplesCsv, parameterNotes } from './derivation/samplesExport';
import { useEffect, useMemo, useState } from 'react';
import { useVeinscape } from '../state/store';
import { DEFAULT_INTERCEPT_QUERY } from '../state/slices/intercepts';
import { disclosurePreset, summariseFlagged, summaryOfTally, type InterceptQuery } from '../domain/interceptQuery';
import { interceptFrame } from '../domain/interceptFrame';
import { DEFAULT_UNSAMPLED, DEFAULT_WIDTH_BASIS, interceptSampleAt, interceptsToCsv, resolveGradeColumn, UNSAMPLED_TEXT, type Intercept, type UnsampledRule, type WidthKind } from '../domain/intercepts';
import type { InterceptRows } from '../domain/interceptRows';
import type { ZoneT } from '../data/schema';
import { EMPTY } from './empty';
import { interceptLabel } from '../i18n/interceptText';
import { COLUMNS, csvColumnsNote, csvHeader, csvScopeNote, DEFAULT_SORT, elementName, fmt, gramMetresCell, headerText, MAX_ROWS, shortName, nextSort, parseField, sortIntercepts, summaryText, tableCountText, type InterceptScope, type Sort } from './intercepts/table';
import { interceptsInViewOf, rowsInView, viewFiltersOn } from '../state/interceptsInView';
import { disclosedHolesOf } from '../state/disclosed';
import { interceptsOfShown } from '../state/holesShown';
import './panels.css';
import { useTranslation } from 'react-i18next';
import { namesById, systemName } from '../i18n/localText';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface NumFieldProps {
  label: string;
  /** accessible name, with the unit */
  aria: string;
  title: string;
  value: number | null | undefined;
  allowEmpty?: boolean;
  ok?: (v: number) => boolean;
  placeholder?: string;
  testId: string;
  onCommit: (v: number | null) => void;
}

/**
 * A number input that keeps what is being typed ("", "0.", "-") as text and commits only valid
 * numbers; it follows the store when the value changes elsewhere (preset, API).
 */
function NumField({ label, aria, title, value, allowEmpty = false, ok = () => true, placeholder, testId, onCommit }: NumFieldProps) {
  const v = value ?? null;
  const text = (x: number | null) => (x === null ? '' : String(x));
  const [draft, setDraft] = useState(text(v));
  const [prev, setPrev] = useState(v);
  if (v !== prev) {
    setPrev(v);
    if (parseField(draft, allowEmpty, ok) !== v) setDraft(text(v));
  }
  const parsed = parseField(draft, allowEmpty, ok);
  return (
    <label className="icept-field" title={title}>
      <span>{label}</span>
      <input
        type="number" inputMode="decimal" step="any" className={`num${parsed === undefined ? ' invalid' : ''}`}
        value={draft} placeholder={placeholder} aria-label={aria} aria-invalid={parsed === undefined} data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const p = parseField(e.target.value, allowEmpty, ok);
          if (p !== undefined && p !== v) onCommit(p);
        }}
      />
    </label>
  );
}

function downloadText(text: string, name: string, type: string) {
  downloadBlob(new Blob([text], { type }), name);
}

/** Zone id → zone name ('' for none, the id when the zone is unknown). */
function zoneNameOf(zones: readonly ZoneT[], lang: string): (id: string | null) => string {
  const names = namesById(zones, lang);
  return (id) => (id === null ? '' : (names.get(id) ?? id));
}

/** Width choices; labels in the catalogue (width.<value>). */
const WIDTH_OPTIONS: readonly WidthKind[] = ['horizontal', 'true', 'core'];

/** Unsampled-core rules; labels in the catalogue (unsampled.<value>). */
const UNSAMPLED_OPTIONS: readonly UnsampledRule[] = ['zero', 'break'];

/** The rows the table and the CSV list, as objects: those in view (from the flags) or all. */
function listedRows(all: InterceptRows, flags: Uint8Array | null, onlyInView: boolean): readonly Intercept[] {
  return rowsInView(all, onlyInView ? flags : null);
}

export function InterceptsPanel() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const q = useVeinscape((s) => s.interceptQuery);
  // Only disclosed holes' intercepts, even with "only in view" unticked (state/disclosed.ts).
  const stored = useVeinscape((s) => s.intercepts);
  const disclosedHoles = useVeinscape(disclosedHolesOf);
  const all = useMemo(() => (disclosedHoles ? interceptsOfShown(stored, disclosedHoles) : stored), [disclosedHoles, stored]);
  const filters = useVeinscape((s) => s.filters);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const section = useVeinscape((s) => s.section);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const pending = useVeinscape((s) => s.interceptsPending);
  const interceptsFor = useVeinscape((s) => s.interceptsFor);
  const setInterceptQuery = useVeinscape((s) => s.setInterceptQuery);
  const ensureIntercepts = useVeinscape((s) => s.ensureIntercepts);
  const [error, setError] = useState<string | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  // Kept here (not in the table) so the CSV comes out in the order the table shows.
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  // Bumped by Reset and the preset: the number fields start again from the store (dropping any invalid text).
  const [formKey, setFormKey] = useState(0);
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

  const safely = (fn: () => void) => {
    try {
      fn();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const update = (patch: Partial<InterceptQuery>) => safely(() => setInterceptQuery(patch));

  // Computed when the panel shows a dataset (in slices, see the store's slice), and again when the
  // same model is desurveyed another way (widths and midpoints follow the hole paths).
  useEffect(() => {
    if (model && prepared) safely(() => ensureIntercepts());
  }, [model, prepared]);

  const col = useMemo(() => (model ? resolveGradeColumn(model, q) : null), [model, q.column, q.table]);
  const unit = col?.unit ?? 'g/t';
  const element = col ? elementName(col.column) : 'Au';
  const hasZoneColumn = !!col && Object.keys(col.table.categorical).some((k) => k.toLowerCase() === 'zone');

  // Vein systems: intercepts only ever fall in vein zones, so systems without a vein are left out.
  const systems = useMemo(() => {
    const list = [...new Set(zones.filter((z) => z.kind === 'vein' && z.system).map((z) => z.system!))];
    if (q.system && !list.includes(q.system)) list.push(q.system);
    return list;
  }, [zones, q.system]);

  const basis = q.widthBasis ?? q.labelWidth ?? DEFAULT_WIDTH_BASIS;
  const unsampled = q.unsampled ?? DEFAULT_UNSAMPLED;
  // From the flags, over typed arrays made once per list (no boxed numbers on each filter change).
  const summary = useMemo(
    () => summaryText(onlyInView && inView?.tally ? summaryOfTally(inView.tally, unit, basis) : summariseFlagged(all, null, unit, basis), element, scope),
    [all, inView, onlyInView, unit, element, basis, scope.onlyInView, scope.inView, scope.total],
  );

  const applyPreset = () => {
    const system = q.system || (systems.includes('McDowell') ? 'McDowell' : '');
    update({ ...disclosurePreset(system, q.topCut || 45), system: system || null });
    setFormKey((k) => k + 1);
  };
  const reset = () => {
    update({ ...DEFAULT_INTERCEPT_QUERY, domain: null, labelWidth: undefined });
    setFormKey((k) => k + 1);
  };

  if (!model) return null;
  const presetSystem = q.system ? systemName(zones, q.system, i18n.language) : systems.includes('McDowell') ? systemName(zones, 'McDowell', i18n.language) : t('preset.allSystems');
  return (
    <section className="panel intercepts" aria-label={t('title')}>
      <h2>
        {t('title')}
        <button className="link" onClick={reset} title={t('resetTitle')}>{t('reset')}</button>
      </h2>
      <div className="icept-grid" key={formKey}>
        <NumField
          label={t('cutoff.label', { unit })} aria={t('cutoff.aria', { unit })} testId="intercept-cutoff" value={q.cutoff}
          title={t('cutoff.title')}
          onCommit={(v) => update({ cutoff: v! })}
        />
        <NumField
          label={t('minLength.label')} aria={t('minLength.aria')} testId="intercept-min-length" value={q.minLength}
          ok={(v) => v >= 0} title={t('minLength.title')}
          onCommit={(v) => update({ minLength: v! })}
        />
        <NumField
          label={t('dilution.label')} aria={t('dilution.aria')} testId="intercept-dilution" value={q.maxDilution}
          ok={(v) => v >= 0} title={t('dilution.title')}
          onCommit={(v) => update({ maxDilution: v! })}
        />
        <NumField
          label={t('topCut.label', { unit })} aria={t('topCut.aria', { unit })} testId="intercept-topcut" value={q.topCut}
          allowEmpty ok={(v) => v > 0} placeholder={t('none')} title={t('topCut.title')}
          onCommit={(v) => update({ topCut: v })}
        />
        <NumField
          label={t('including.label', { unit })} aria={t('including.aria', { unit })} testId="intercept-including" value={q.includeCutoff}
          allowEmpty placeholder={t('none')} title={t('including.title')}
          onCommit={(v) => update({ includeCutoff: v })}
        />
      </div>
      <label className="row">
        <span>{t('system')}</span>
        <select className="grow" aria-label={t('system')} data-testid="intercept-system" value={q.system ?? ''} onChange={(e) => update({ system: e.target.value || null })}>
          <option value="">{t('allSystems')}</option>
          {systems.map((s) => <option key={s} value={s}>{systemName(zones, s, i18n.language)}</option>)}
        </select>
      </label>
      <label className="row" title={t('width.title', { unit })}>
        <span>{t('width.label')}</span>
        <select className="grow" aria-label={t('width.aria', { unit })} data-testid="intercept-width" value={basis} onChange={(e) => update({ widthBasis: e.target.value as WidthKind, labelWidth: undefined })}>
          {WIDTH_OPTIONS.map((o) => <option key={o} value={o}>{t(`width.${o}`)}</option>)}
        </select>
      </label>
      <label className="row" title={t('unsampled.title', { zero: UNSAMPLED_TEXT.zero, break: UNSAMPLED_TEXT.break.replace('unsampled core (gaps, missing assays) ', '') })}>
        <span>{t('unsampled.label')}</span>
        <select className="grow" aria-label={t('unsampled.aria')} data-testid="intercept-unsampled" value={unsampled} onChange={(e) => update({ unsampled: e.target.value as UnsampledRule })}>
          {UNSAMPLED_OPTIONS.map((o) => <option key={o} value={o}>{t(`unsampled.${o}`)}</option>)}
        </select>
      </label>
      <button
        className="wide preset" data-testid="intercept-preset" disabled={!hasZoneColumn} onClick={applyPreset}
        title={
          hasZoneColumn
            ? t('preset.title', { topCut: q.topCut || 45, unit, system: presetSystem })
            : t('preset.needsZone')
        }
      >
        {t('preset.button')}
      </button>
      {q.domain && (
        <p className="hint">
          {t('domain', { domain: q.domain })}{' '}
          <button className="link" onClick={() => update({ domain: null })}>{t('allowAcross')}</button>
        </p>
      )}
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
      {tableRows && <InterceptTable rows={tableRows} scope={scope} pending={pending} unit={unit} element={element} basis={basis} gradeTable={col?.table.id ?? null} sort={sort} onSort={setSort} onClose={() => setTableOpen(false)} />}
    </section>
  );
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

function InterceptTable({ rows, scope, pending, unit, element, basis, gradeTable, sort, onSort, onClose }: TableProps) {
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
