/**
 * Data QA: every problem found at load and by the checks on the loaded data, grouped by kind with
 * counts, most serious first. A problem is a button: it selects the hole (and interval) or surface
 * it names and flies there. "Show only holes with problems" filters the view (filters.onlyHoles);
 * the list exports as CSV for the database manager. The thresholds of the checks are editable.
 * Data text is shown as text nodes, never as HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { qaProblems, problemHoleIds } from '../state/qaProblems';
import { focusProblem } from '../state/qaFocus';
import { PROBLEM_KINDS, type Problem, type QaOptions } from '../domain/qa/types';
import { downloadBlob, fileSlug } from '../export/download';
import { qaCsv } from './qa/csv';
import { ready } from '../api/ready';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatCount, formatDecimal } from '../i18n';
import { messageText, placeText } from '../i18n/messageText';
import './panels.css';

/** Problems listed per kind before "Show all". */
const SHOWN = 50;
/** Largest thresholds: m between holes, °/30 m of dog-leg (180° is a full reversal), m off the topography. */
const MAX_CROSSING = 50, MAX_DOGLEG = 180, MAX_COLLAR = 1000;

/**
 * A check's threshold: a positive number, at most `max` (a larger value is taken as `max` and shown
 * so). The bound keeps the checks' cost bounded: a crossing tolerance of 1e9 m made every pair of
 * holes a "crossing" (all n² pairs compared, 9 s for 259 holes; never finishing for thousands).
 */
function Threshold({ label, unit, value, max, onCommit, testId }: { label: string; unit: string; value: number; max: number; onCommit: (v: number) => void; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = Math.min(Number(text.replace(',', '.')), max);
    if (Number.isFinite(v) && v > 0) {
      onCommit(v);
      setText(String(v));
    } else setText(String(value));
  };
  return (
    <label className="row">
      <span>{label}</span>
      <input type="text" inputMode="decimal" aria-label={`${label} (${unit})`} data-testid={testId} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <span className="unit">{unit}</span>
    </label>
  );
}

function where(p: Problem, t: TFunction<'qa'>): string {
  if (p.holeId && p.from !== undefined && p.to !== undefined) return t('where.span', { hole: p.holeId, from: formatDecimal(p.from), to: formatDecimal(p.to) });
  if (p.holeId && p.depth !== undefined) return t('where.at', { hole: p.holeId, depth: formatDecimal(p.depth) });
  if (p.holeId) return p.holeId;
  if (p.surfaceId) return p.surfaceId;
  return [p.recordId, p.path && placeText(p.path)].filter(Boolean).join(' · ');
}

export function QaPanel() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const report = useVeinscape((s) => s.datasetReport);
  const checked = useVeinscape((s) => s.qaChecked);
  const pending = useVeinscape((s) => s.qaPending);
  const deferred = useVeinscape((s) => s.qaDeferred);
  const options = useVeinscape((s) => s.qaOptions);
  const onlyHoles = useVeinscape((s) => s.filters.onlyHoles);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [all, setAll] = useState<Record<string, boolean>>({});
  const { t, i18n } = useTranslation('qa');

  // The checks run once per dataset, desurvey and thresholds, in slices once the first picture is
  // drawn (they never delay it).
  useEffect(() => {
    let live = true;
    if (!prepared) return;
    void ready().then(() => {
      if (live && store.getState().prepared === prepared) void store.getState().ensureQa();
    });
    return () => {
      live = false;
    };
  }, [prepared, options]);

  const problems = useMemo(() => qaProblems(report, model, checked), [report, model, checked]);
  const groups = useMemo(
    () => PROBLEM_KINDS.map((k) => ({ ...k, items: problems.filter((p) => p.kind === k.kind) })).filter((g) => g.items.length > 0),
    [problems],
  );
  const holesWithProblems = useMemo(() => problemHoleIds(problems), [problems]);
  if (!model) return null;
  const actionable = problems.filter((p) => p.severity !== 'info').length;
  const kinds = groups.filter((g) => g.kind !== 'information').length;
  const setOptions = (patch: Partial<QaOptions>) => store.getState().setQaOptions(patch);
  const showOnly = (on: boolean) => store.getState().setFilters({ onlyHoles: on ? holesWithProblems : null });
  const exportCsv = () => downloadBlob(new Blob([qaCsv(problems, i18n.language)], { type: 'text/csv;charset=utf-8' }), `${fileSlug(model.project.name, 'veinscape')}-data-qa.csv`);

  return (
    <section className="panel qa" aria-label={t('title')} data-testid="qa-panel">
      <h2>
        {t('title')}{' '}
        <span className="badge" data-testid="qa-count" data-pending={pending ? 'true' : undefined}>
          {pending ? t('checking') : t('problemCount', { count: actionable })}
        </span>
      </h2>
      <p className="hint" data-testid="qa-summary">
        {pending
          ? t('summary.checking')
          : deferred || !checked
            ? t('summary.notRun', { count: actionable })
            : actionable === 0
              ? t('summary.none')
              : t('summary.found', { problems: t('problemCount', { count: actionable }), kinds: t('kinds', { count: kinds }), holes: t('holes', { count: holesWithProblems.length }) })}
      </p>
      {deferred && !pending && (
        <p className="hint">
          {t('deferred', { holes: t('holes', { count: model.holes.length }) })}{' '}
          <button className="link" data-testid="qa-run" onClick={() => void store.getState().ensureQa(true)}>{t('runChecks')}</button>
        </p>
      )}
      <label className="row check">
        <input type="checkbox" data-testid="qa-only-holes" checked={onlyHoles !== null} disabled={holesWithProblems.length === 0 && onlyHoles === null} onChange={(e) => showOnly(e.target.checked)} /> {t('onlyHoles', { count: holesWithProblems.length })}
      </label>
      {groups.map((g) => (
        <details key={g.kind} open={!!open[g.kind]} onToggle={(e) => setOpen({ ...open, [g.kind]: (e.target as HTMLDetailsElement).open })} data-testid={`qa-group-${g.kind}`}>
          <summary title={t(`kind.${g.kind}.what`)}>
            {t(`kind.${g.kind}.title`)} <span className="badge" data-testid={`qa-group-count-${g.kind}`}>{formatCount(g.items.length)}</span>
          </summary>
          {open[g.kind] && (
            <ul className="qa-list">
              {(all[g.kind] ? g.items : g.items.slice(0, SHOWN)).map((p, i) => (
                // Prefixed: a bare `info` class is the info card's (absolutely placed over the view).
                <li key={i} className={`qa-${p.severity}`}>
                  <button
                    className="link qa-item"
                    data-testid="qa-item"
                    disabled={p.hole === undefined && !p.surfaceId}
                    title={p.hole === undefined && !p.surfaceId ? t('noTarget') : t('flyTo')}
                    onClick={() => focusProblem(store.getState(), p)}
                  >
                    <strong>{where(p, t)}</strong>
                  </button>
                  <span> {messageText(p)}</span>
                </li>
              ))}
            </ul>
          )}
          {open[g.kind] && g.items.length > SHOWN && !all[g.kind] && (
            <button className="link" onClick={() => setAll({ ...all, [g.kind]: true })}>{t('showAll', { count: g.items.length })}</button>
          )}
        </details>
      ))}
      <details>
        <summary>{t('settings')}</summary>
        <Threshold label={t('crossing')} unit="m" value={options.crossingTolerance} max={MAX_CROSSING} onCommit={(v) => setOptions({ crossingTolerance: v })} testId="qa-crossing-tolerance" />
        <Threshold label={t('dogleg')} unit="°/30 m" value={options.doglegThreshold} max={MAX_DOGLEG} onCommit={(v) => setOptions({ doglegThreshold: v })} testId="qa-dogleg-threshold" />
        <Threshold label={t('collar')} unit="m" value={options.collarTolerance} max={MAX_COLLAR} onCommit={(v) => setOptions({ collarTolerance: v })} testId="qa-collar-tolerance" />
      </details>
      <button className="wide" data-testid="qa-export" disabled={pending} onClick={exportCsv}>{t('export')}</button>
    </section>
  );
}
