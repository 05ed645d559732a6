/**
 * Significant intercepts: the calculator's settings (cut-off, minimum length, internal dilution,
 * top-cut, including clause, vein system, quoted width), the summary a press release quotes, a
 * disclosure preset, CSV export, and a sortable table in a wider floating card over the view.
 * Edits only go to the store (setInterceptQuery recomputes, in slices: "Computing…" meanwhile); the
 * store's rows are what is shown. By default the summary, table and CSV cover the intercepts in
 * view (state/interceptsInView.ts: the in-view count's rule, so the table's count is that count);
 * "Only intercepts in view" unticked, all of them. A filter change only re-flags the rows.
 */
import { useEffect, useMemo, useState } from 'react';
import { useVeinscape } from '../state/store';
import { DEFAULT_INTERCEPT_QUERY } from '../state/slices/intercepts';
import { disclosurePreset, type InterceptQuery } from '../domain/interceptQuery';
import { DEFAULT_UNSAMPLED, DEFAULT_WIDTH_BASIS, resolveGradeColumn, UNSAMPLED_TEXT, type UnsampledRule, type WidthKind } from '../domain/intercepts';
import { EMPTY } from './empty';
import { elementName } from './intercepts/table';
import { InterceptsInView } from './intercepts/InterceptsInView';
import { DecimalInput } from './DecimalInput';
import { disclosedHolesOf } from '../state/disclosed';
import { interceptsOfShown } from '../state/holesShown';
import './panels.css';
import { useTranslation } from 'react-i18next';
import { systemName } from '../i18n/localText';

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

/** A number of the query: what is being typed stays as typed (DecimalInput); only numbers passing `ok` are committed. */
function NumField({ label, aria, title, value, allowEmpty = false, ok, placeholder, testId, onCommit }: NumFieldProps) {
  return (
    <label className="icept-field" title={title}>
      <span>{label}</span>
      <DecimalInput
        className="num" value={value ?? null} empty={allowEmpty ? null : undefined} accept={ok}
        placeholder={placeholder} aria-label={aria} data-testid={testId} onValue={onCommit}
      />
    </label>
  );
}

/** Width choices; labels in the catalogue (width.<value>). */
const WIDTH_OPTIONS: readonly WidthKind[] = ['horizontal', 'true', 'core'];

/** Unsampled-core rules; labels in the catalogue (unsampled.<value>). */
const UNSAMPLED_OPTIONS: readonly UnsampledRule[] = ['zero', 'break'];

export function InterceptsPanel() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const q = useVeinscape((s) => s.interceptQuery);
  // Only disclosed holes' intercepts, even with "only in view" unticked (state/disclosed.ts).
  const stored = useVeinscape((s) => s.intercepts);
  const disclosedHoles = useVeinscape(disclosedHolesOf);
  const all = useMemo(() => (disclosedHoles ? interceptsOfShown(stored, disclosedHoles) : stored), [disclosedHoles, stored]);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const pending = useVeinscape((s) => s.interceptsPending);
  const setInterceptQuery = useVeinscape((s) => s.setInterceptQuery);
  const ensureIntercepts = useVeinscape((s) => s.ensureIntercepts);
  const [error, setError] = useState<string | null>(null);
  // Bumped by Reset and the preset: the number fields start again from the store (dropping any invalid text).
  const [formKey, setFormKey] = useState(0);
  const { t, i18n } = useTranslation('intercepts');

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
      <InterceptsInView all={all} error={error} pending={pending} unit={unit} element={element} basis={basis} gradeTable={col?.table.id ?? null} />
    </section>
  );
}

