/** Load progress, what is loaded (with units), and the dataset's disclaimer. */
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { coordNumber } from '../i18n/numbers';
import { useVeinscape } from '../state/store';

export function ProgressBar() {
  const loading = useVeinscape((s) => s.loading);
  const { t } = useTranslation('status');
  if (!loading) return null;
  const pct = Math.round(loading.fraction * 100);
  return (
    <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="progress">
      <div className="bar" style={{ width: `${Math.max(4, pct)}%` }} />
      <span>{loading.phase === 'reading' ? t('progress.reading', { source: loading.source }) : loading.phase === 'parsing' ? t('progress.parsing', { source: loading.source }) : loading.phase === 'validating' ? t('progress.validating', { source: loading.source }) : loading.phase === 'building' ? t('progress.building', { source: loading.source }) : t('progress.drawing', { source: loading.source })}</span>
    </div>
  );
}

export function StatusBar() {
  const model = useVeinscape((s) => s.model);
  const method = useVeinscape((s) => s.desurveyMethod);
  const { t, i18n } = useTranslation('status');
  // Always rendered (empty until data arrive): a bar appearing later would resize the 3D canvas,
  // and a WebGL resize waits for every frame in flight (the longest task in the benchmark).
  if (!model) return <footer className="statusbar" />;
  const p = model.project;
  const disclaimer = localText(p, 'disclaimer', i18n.language);
  const counts = model.holes.length;
  const intervals = model.intervals.reduce((n, t) => n + t.hole.length, 0);
  return (
    <footer className="statusbar">
      <span className="crs">{p.crs.code ? `${p.crs.code} · ` : ''}{p.crs.name} · {t('metres')}</span>
      <CursorReadout />
      <span data-testid="desurvey-method">{t('desurvey', { method: t(`method.${method}`) })}</span>
      <span>{t('holes', { count: counts })} · {t('intervals', { count: intervals })}</span>
      {disclaimer && <span className="disclaimer" data-testid="disclaimer" title={disclaimer}>{disclaimer}</span>}
    </footer>
  );
}

/** True easting / northing / elevation under the cursor (on a surface), as mapped. */
function CursorReadout() {
  const c = useVeinscape((s) => s.cursor);
  const { t, i18n } = useTranslation('status');
  if (!c) return null;
  const f = (v: number) => coordNumber(v, i18n.language || 'en', 1);
  return <span className="cursor" data-testid="cursor-readout">{t('cursor', { e: f(c[0]), n: f(c[1]), z: f(c[2]) })}</span>;
}

