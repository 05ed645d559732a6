/**
 * Export image dialog: size (window, Full HD, 4K, 8K or custom up to 7680 x 4320), transparent
 * background, overlays, then Download PNG or Copy to clipboard (straight into a slide). Rendering
 * runs tile by tile with progress; the last result's size is shown.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useVeinscape } from '../state/store';
import { sceneState } from '../scene/handle';
import { MAX_EXPORT_LONG, MAX_EXPORT_SHORT, sizeProblem } from '../export/tiles';
import { exportFileName } from '../export/download';
import type { ScreenshotOptions } from '../export/screenshot';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatCount, i18next } from '../i18n';
import { fixedNumber } from '../i18n/numbers';
import { picturesUndisclosed, UndisclosedResultsError } from '../export/internal';
import { DecimalInput } from './DecimalInput';
import './export.css';

type Preset = 'window' | 'fhd' | 'uhd' | '8k' | 'custom';

const PRESETS: { id: Preset; label: string; size?: [number, number] }[] = [
  { id: 'window', label: 'Window' },
  { id: 'fhd', label: '1920 × 1080', size: [1920, 1080] },
  { id: 'uhd', label: '3840 × 2160', size: [3840, 2160] },
  { id: '8k', label: '7680 × 4320', size: [7680, 4320] },
  { id: 'custom', label: 'Custom' },
];

function windowSize(): [number, number] {
  const h = sceneState.handle;
  if (!h) return [1920, 1080];
  const dpr = h.gl.getPixelRatio();
  return [Math.round(h.size.width * dpr), Math.round(h.size.height * dpr)];
}

function formatBytes(t: TFunction, n: number): string {
  if (n < 1e6) return t('kb', { n: formatCount(Math.max(1, Math.round(n / 1e3))) });
  const mb = fixedNumber(n / 1e6, 1, i18next.language || 'en');
  return t('mb', { n: mb });
}

interface Outcome {
  ok: boolean;
  text: string;
}

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const projectName = useVeinscape((s) => s.model?.project.name);
  const hasData = useVeinscape((s) => !!s.model && !!s.prepared);
  const [preset, setPreset] = useState<Preset>('uhd');
  const [custom, setCustom] = useState({ w: 2560, h: 1440 });
  const [transparent, setTransparent] = useState(false);
  const [overlays, setOverlays] = useState(true);
  // Undisclosed results in view (issue 21): exporting needs the explicit choice below, else it is refused.
  const undisclosed = useVeinscape((s) => open && picturesUndisclosed(s));
  const [includeUndisclosed, setIncludeUndisclosed] = useState(false);
  const { t } = useTranslation('export');
  const release = useTranslation('release').t;
  const [busy, setBusy] = useState<{ what: 'download' | 'copy'; done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [win, setWin] = useState<[number, number]>(windowSize);
  const dialog = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  busyRef.current = busy !== null;
  const idBase = useId();

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    if (!open) return;
    setWin(windowSize());
    dialog.current?.querySelector<HTMLElement>('input:checked')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busyRef.current) closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!open) return null;

  const size: [number, number] =
    preset === 'window' ? win : preset === 'custom' ? [custom.w, custom.h] : PRESETS.find((p) => p.id === preset)!.size!;
  const problem = preset === 'custom' ? sizeProblem(size[0], size[1]) : null;
  const canRun = hasData && !problem && !busy;

  const run = async (what: 'download' | 'copy') => {
    if (!canRun) return;
    if (undisclosed && !includeUndisclosed) {
      setOutcome({ ok: false, text: release('refused') });
      return;
    }
    setOutcome(null);
    setBusy({ what, done: 0, total: 1 });
    const opts: ScreenshotOptions = {
      width: size[0],
      height: size[1],
      transparent,
      overlays,
      internal: undisclosed && includeUndisclosed,
      onProgress: (done, total) => setBusy((b) => (b ? { ...b, done, total } : b)),
    };
    try {
      const mod = await import('../export/screenshot');
      if (what === 'download') {
        const r = await mod.downloadScreenshot(opts);
        const args = { file: r.fileName, w: r.width, h: r.height, size: formatBytes(t, r.blob.size), tiles: r.tiles };
        setOutcome({ ok: true, text: r.tiles > 1 ? t('savedTiled', args) : t('saved', args) });
      } else {
        const r = await mod.copyScreenshotToClipboard(opts);
        setOutcome(r.ok ? { ok: true, text: t('copied', { w: r.width, h: r.height, size: formatBytes(t, r.bytes) }) } : { ok: false, text: r.message });
      }
    } catch (e) {
      if (e instanceof UndisclosedResultsError) setOutcome({ ok: false, text: release('refused') });
      else setOutcome({ ok: false, text: t('failed', { message: (e as Error)?.message ?? String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !busy) onClose(); }}>
      <div className="export-dialog card" role="dialog" aria-modal="true" aria-label={t('title')} ref={dialog} data-testid="export-dialog">
        <header>
          <h2>{t('title')}</h2>
          <button className="close" onClick={onClose} aria-label={t('close')} disabled={!!busy}>×</button>
        </header>
        <fieldset className="export-sizes" disabled={!!busy}>
          <legend>{t('size')}</legend>
          {PRESETS.map((p) => (
            <label key={p.id} className="export-size">
              <input type="radio" name={`${idBase}-size`} value={p.id} checked={preset === p.id} onChange={() => setPreset(p.id)} />
              <span>{p.id === 'window' ? t('window') : p.id === 'custom' ? t('custom') : p.label}</span>
              {p.id === 'window' && <span className="sub">{win[0]} × {win[1]}</span>}
              {p.id === 'uhd' && <span className="sub">4K</span>}
              {p.id === '8k' && <span className="sub">{t('tiled8k')}</span>}
            </label>
          ))}
          {preset === 'custom' && (
            <div className="export-custom">
              <DecimalInput min={16} max={MAX_EXPORT_LONG} inputMode="numeric" aria-label={t('width')} value={custom.w} invalid={!!problem} empty={0} onValue={(w) => setCustom({ ...custom, w })} />
              <span aria-hidden="true">×</span>
              <DecimalInput min={16} max={MAX_EXPORT_LONG} inputMode="numeric" aria-label={t('height')} value={custom.h} invalid={!!problem} empty={0} onValue={(h) => setCustom({ ...custom, h })} />
              <span className="sub">{t('upTo', { w: MAX_EXPORT_LONG, h: MAX_EXPORT_SHORT })}</span>
            </div>
          )}
          {problem && <p className="export-error" role="alert">{problem}</p>}
        </fieldset>
        <fieldset className="export-options" disabled={!!busy}>
          <legend>{t('options')}</legend>
          <label><input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} /> {t('transparent')}</label>
          <label>
            <input type="checkbox" checked={overlays} onChange={(e) => setOverlays(e.target.checked)} /> {t('overlays')}
            <span className="sub">{t('overlaysWhat')}</span>
          </label>
          {!overlays && <p className="hint">{t('noOverlaysHint')}</p>}
          {undisclosed && (
            <label className="export-internal">
              <input type="checkbox" data-testid="export-include-undisclosed" checked={includeUndisclosed} onChange={(e) => setIncludeUndisclosed(e.target.checked)} /> {release('includeUndisclosed')}
              <span className="sub">{release('includeUndisclosedWhat')}</span>
            </label>
          )}
        </fieldset>
        <p className="export-file sub">{exportFileName(projectName, size[0] || 0, size[1] || 0)}</p>
        <div className="export-actions">
          <button className="primary" onClick={() => void run('download')} disabled={!canRun}>{t('download')}</button>
          <button onClick={() => void run('copy')} disabled={!canRun}>{t('copy')}</button>
        </div>
        <div className="export-status" aria-live="polite">
          {busy && (
            <div className="export-busy" role="status">
              <div className="export-bar" role="progressbar" aria-valuemin={0} aria-valuemax={busy.total} aria-valuenow={busy.done} aria-label={t('progress')}>
                <div style={{ width: `${Math.max(6, (busy.done / Math.max(busy.total, 1)) * 100)}%` }} />
              </div>
              <span>
                {busy.done > 0 && busy.done >= busy.total
                  ? t('encoding')
                  : `${t(busy.what === 'download' ? 'rendering' : 'copying', { w: size[0], h: size[1] })}${busy.total > 1 ? ` ${t('tile', { n: busy.done + 1, total: busy.total })}` : ''}`}
              </span>
            </div>
          )}
          {!busy && outcome && <p className={outcome.ok ? 'export-ok' : 'export-error'} role={outcome.ok ? undefined : 'alert'} data-testid="export-result">{outcome.text}</p>}
          {!hasData && <p className="hint">{t('noData')}</p>}
        </div>
      </div>
    </div>
  );
}
