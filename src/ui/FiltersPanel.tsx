/**
 * Grade cut-off, elevation window and hole status / type / program filters.
 *
 * Each control reads only its own field of the filters, so a change re-renders that control and
 * nothing else in the panel: React 19 rewrites every attribute of a controlled input it re-renders
 * (name, type, value), and the style and layout work of twenty inputs was about a third of a filter
 * change's main-thread time on a large deposit.
 */
import { EMPTY } from './empty';
import { store, useVeinscape, type VeinscapeState } from '../state/store';
import type { Filters } from '../state/slices/filters';
import { InViewCounts } from './InViewCounts';
import { HoleSearch } from './HoleSearch';
import { DisclosureDate } from './DisclosureDate';
import { DecimalInput } from './DecimalInput';
import { useTranslation } from 'react-i18next';

let yearCache: { holes: unknown; range: [number, number] | null } | null = null;
/** First and last drilling year in the data, or null when no hole has a year. */
function yearRange(s: VeinscapeState): [number, number] | null {
  const holes = s.model?.holes;
  if (yearCache && yearCache.holes === holes) return yearCache.range;
  const ys = (holes ?? []).map((h) => h.year).filter((y): y is number => typeof y === 'number');
  const range: [number, number] | null = ys.length ? [Math.min(...ys), Math.max(...ys)] : null;
  yearCache = { holes, range };
  return range;
}

type NumberField = 'elevationMin' | 'elevationMax' | 'depthMin' | 'depthMax' | 'yearMin' | 'yearMax';

/** One optional number of the filters (empty = no limit). */
function NumberFilter({ field, placeholder, label, min }: { field: NumberField; placeholder: string; label: string; min?: number }) {
  const value = useVeinscape((s) => s.filters[field]);
  const setFilters = useVeinscape((s) => s.setFilters);
  return (
    <DecimalInput className="num" min={min} placeholder={placeholder} aria-label={label} value={value}
      empty={null} onValue={(v) => setFilters({ [field]: v })} />
  );
}

type CheckGroup = 'status' | 'type' | 'categories' | 'programs';

/** One box of a group of on / off filters (status, type, resource category, program; a program not listed is on). */
function CheckFilter<G extends CheckGroup>({ group, item, children }: { group: G; item: keyof Filters[G] & string; children: string }) {
  const checked = useVeinscape((s) => (s.filters[group] as Record<string, boolean>)[item] !== false);
  const setFilters = useVeinscape((s) => s.setFilters);
  const toggle = (on: boolean) => {
    const current = store.getState().filters[group] as Record<string, boolean>;
    setFilters({ [group]: { ...current, [item]: on } });
  };
  return <label><input type="checkbox" checked={checked} onChange={(e) => toggle(e.target.checked)} /> {children}</label>;
}

function GradeCutoff({ unit }: { unit: string }) {
  const cutoff = useVeinscape((s) => s.filters.gradeCutoff);
  const setFilters = useVeinscape((s) => s.setFilters);
  const { t } = useTranslation('filters');
  return (
    <label className="row">
      <span>{t('cutoff', { unit })}</span>
      <input
        type="range" min={0} max={20} step={0.1} value={cutoff}
        aria-label={t('cutoffSlider')}
        onChange={(e) => setFilters({ gradeCutoff: Number(e.target.value) })}
      />
      <DecimalInput
        min={0} step={0.1} value={cutoff} className="num"
        aria-label={t('cutoffInput', { unit })} data-testid="cutoff-input"
        empty={0} onValue={(v) => setFilters({ gradeCutoff: Math.max(0, v) })}
      />
    </label>
  );
}

function BelowCutoff() {
  const mode = useVeinscape((s) => s.filters.belowCutoff);
  const setFilters = useVeinscape((s) => s.setFilters);
  const { t } = useTranslation('filters');
  return (
    <div className="row seg" role="radiogroup" aria-label={t('below')}>
      <span>{t('below')}</span>
      {(['dim', 'hide'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="below" checked={mode === m} onChange={() => setFilters({ belowCutoff: m })} /> {m === 'dim' ? t('dim') : t('hide')}
        </label>
      ))}
    </div>
  );
}

export function FiltersPanel() {
  const resetFilters = useVeinscape((s) => s.resetFilters);
  const programs = useVeinscape((s) => s.prepared?.programs ?? EMPTY);
  const unit = useVeinscape((s) => s.prepared?.valueColumn?.unit ?? 'g/t');
  const years = useVeinscape(yearRange);
  const hasResources = useVeinscape((s) => (s.model?.resourceCategories.length ?? 0) > 0);
  const { t } = useTranslation('filters');
  return (
    <section className="panel filters" aria-label={t('title')}>
      <h2>
        {t('title')}
        <button className="link" onClick={() => resetFilters()}>{t('reset')}</button>
      </h2>
      <InViewCounts />
      <GradeCutoff unit={unit} />
      <BelowCutoff />
      <div className="row">
        <span>{t('elevation')}</span>
        <NumberFilter field="elevationMin" placeholder={t('min')} label={t('elevationMin')} />
        <NumberFilter field="elevationMax" placeholder={t('max')} label={t('elevationMax')} />
      </div>
      <div className="row checks inline">
        <span>{t('status')}</span>
        <CheckFilter group="status" item="drilled">{t('drilled')}</CheckFilter>
        <CheckFilter group="status" item="planned">{t('planned')}</CheckFilter>
      </div>
      <div className="row checks inline">
        <span>{t('type')}</span>
        <CheckFilter group="type" item="surface">{t('surface')}</CheckFilter>
        <CheckFilter group="type" item="underground">{t('underground')}</CheckFilter>
      </div>
      <div className="row">
        <span>{t('depth')}</span>
        <NumberFilter field="depthMin" min={0} placeholder={t('from')} label={t('depthMin')} />
        <NumberFilter field="depthMax" min={0} placeholder={t('to')} label={t('depthMax')} />
      </div>
      {years && (
        <div className="row">
          <span>{t('year')}</span>
          <NumberFilter field="yearMin" placeholder={String(years[0])} label={t('yearMin')} />
          <NumberFilter field="yearMax" placeholder={String(years[1])} label={t('yearMax')} />
        </div>
      )}
      <HoleSearch />
      <DisclosureDate />
      {hasResources && (
        <div className="checks resources">
          <span className="sub">{t('resource')}</span>
          {(['measured', 'indicated', 'inferred'] as const).map((c) => (
            <CheckFilter key={c} group="categories" item={c}>{t(`category.${c}`)}</CheckFilter>
          ))}
        </div>
      )}
      {programs.length > 0 && (
        <div className="checks programs">
          <span className="sub">{t('program')}</span>
          {programs.map((p) => <CheckFilter key={p} group="programs" item={p}>{p}</CheckFilter>)}
        </div>
      )}
    </section>
  );
}
