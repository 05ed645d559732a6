/** Load progress, what is loaded (with units), and the dataset's disclaimer. */
import { useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { coordNumber } from '../i18n/numbers';
import { useVeinscape } from '../state/store';
import { warmQueue } from '../scene/warmQueue';
import { framePassProgress } from '../scene/framePasses';

/** Share of the bar the worker's phases fill; the rest moves as the layers go up to the GPU. */
const LOADED_SHARE = 0.9;
/** Share of the rest that a large dataset's first frame fills, pass by pass (scene/framePasses.ts). */
const PASSES_SHARE = 0.4;

/**
 * The load's progress, then, once the dataset is in the store, the 3D view's: each layer's
 * warm-up (programs, uploads: about 1 s for the sample on software WebGL) moves the bar from 90 %
 * to 96 %, and the passes of a large dataset's first frame (one for a small one) from there to
 * 100 %; it goes once the last pass is submitted. So the bar does not vanish, then the view sit
 * empty, while the picture is prepared.
 */
export function ProgressBar() {
  const loading = useVeinscape((s) => s.loading);
  const version = useVeinscape((s) => s.version);
  const drawing = useVeinscape((s) => !s.loading && s.version > 0 && s.renderedVersion !== s.version);
  const source = useVeinscape((s) => s.datasetReport?.source ?? '');
  const warmed = useSyncExternalStore(warmQueue.subscribe, () => warmQueue.fraction(version));
  const passed = useSyncExternalStore(framePassProgress.subscribe, framePassProgress.fraction);
  const { t } = useTranslation('status');
  // The highest value shown in this load: the worker's phases each start from a round figure
  // (reading fills up to 50 %, parsing starts at 0, validating at 40 %), and a bar that jumps back
  // reads as a load starting over.
  const shown = useRef(0);
  if (!loading && !drawing) {
    shown.current = 0;
    return null;
  }
  const fraction = loading ? loading.fraction : LOADED_SHARE + (1 - LOADED_SHARE) * ((1 - PASSES_SHARE) * warmed + PASSES_SHARE * passed);
  // In tenths of a per cent: a pass of a large first frame moves the bar by less than 1 %.
  const pct = (shown.current = Math.max(shown.current, Math.round(fraction * 1000) / 10));
  return (
    <div className={`progress${loading ? '' : ' drawing'}`} role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="progress" data-phase={loading ? loading.phase : 'drawing'}>
      <div className="bar" style={{ width: `${Math.max(4, pct)}%` }} />
      <span>{!loading ? t('progress.drawing', { source }) : loading.phase === 'reading' ? t('progress.reading', { source: loading.source }) : loading.phase === 'parsing' ? t('progress.parsing', { source: loading.source }) : loading.phase === 'validating' ? t('progress.validating', { source: loading.source }) : loading.phase === 'building' ? t('progress.building', { source: loading.source }) : t('progress.drawing', { source: loading.source })}</span>
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

