/**
 * The drilling timeline: a slider and a play button that step the hole filters through the news
 * releases' dates (or the drilling years), so holes appear in order and intercepts, contours and
 * the grade on the vein grow with them (state/timeline.ts); "Images" downloads a PNG of the 3D view
 * at every step, in a zip. Closing ends the replay and puts the filters back. Edits only the store.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { zipSync } from 'fflate';
import { useVeinscape, store } from '../state/store';
import { setTimelineStep, timelineIndex, timelineOf } from '../state/timeline';
import { timelineModes, type TimelineStep } from '../domain/timeline';
import { ready } from '../api/ready';
import { downloadBlob, fileSlug } from '../export/download';
import { calendarDate } from '../overlay/captions';
import './timeline.css';

const NO_STEPS: TimelineStep[] = [];

/** Time a step stays on screen while playing, once drawn, ms. */
const PLAY_STEP_MS = 2000;

/** "As disclosed on March 15, 1989" / "Drilled by the end of 1996", in `language`. */
function stepName(t: TFunction<'timeline'>, step: TimelineStep, language: string): string {
  if (step.kind === 'year') return t('stepYear', { year: String(step.year) });
  return t('stepRelease', { date: calendarDate(step.date, language) });
}

export function Timeline() {
  const { t, i18n } = useTranslation('timeline');
  const model = useVeinscape((s) => s.model);
  const filters = useVeinscape((s) => s.filters);
  const [open, setOpen] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const state = { model, filters, setFilters: store.getState().setFilters };
  // Read only while open (closed, it is a button): at 100,000 holes the steps were 20-40 ms of the
  // render that shows a dataset, and the modes (made on every render) 3 ms of each filter change.
  const steps = open ? timelineOf(state) : NO_STEPS;
  const index = open ? timelineIndex(state) : -1;
  const modes = useMemo(() => (open && model ? timelineModes(model.holes, model.releases ?? []) : []), [open, model]);
  const mode = steps[0]?.kind;
  const live = useRef({ index, steps });
  live.current = { index, steps };

  // Playing: the next step once the current one is drawn and has been seen; stops at the last.
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    void (async () => {
      while (!cancelled) {
        const { index: at, steps: all } = live.current;
        if (at >= all.length - 1) break;
        setTimelineStep(store.getState(), at + 1);
        await ready();
        await new Promise((r) => setTimeout(r, PLAY_STEP_MS));
      }
      if (!cancelled) setPlaying(false);
    })();
    return () => { cancelled = true; };
  }, [playing]);

  // A new dataset ends the replay (its steps were the old dataset's) and puts back the cut it found:
  // the store keeps a disclosure date across loads, and a replay's date is not one the user set.
  useEffect(() => () => {
    setPlaying(false);
    setOpen(false);
    setTimelineStep(store.getState(), null);
  }, [model]);

  if (!model) return null;
  if (!open) {
    return (
      <button className="timeline-open" onClick={() => { setOpen(true); setProblem(null); setTimelineStep(store.getState(), 0); }} title={t('openTitle')} data-testid="timeline-open">
        {t('open')}
      </button>
    );
  }
  const close = () => {
    setPlaying(false);
    setTimelineStep(store.getState(), null);
    setOpen(false);
  };
  const step = index >= 0 ? steps[index] : null;

  // Every step as a PNG of the 3D view (the image exports' own renderer and overlays), zipped.
  const exportImages = async () => {
    setPlaying(false);
    setProblem(null);
    const from = Math.max(0, index);
    const files: Record<string, Uint8Array> = {};
    const slug = fileSlug(model.project.name, 'veinscape');
    try {
      const { renderScreenshot } = await import('../export/screenshot');
      for (let i = 0; i < steps.length; i++) {
        setExporting({ done: i, total: steps.length });
        const at = setTimelineStep(store.getState(), i)!;
        await ready();
        const png = new Uint8Array(await (await renderScreenshot()).arrayBuffer());
        files[`${slug}-timeline-${String(i + 1).padStart(2, '0')}-${at.kind === 'release' ? at.date : at.year}.png`] = png;
      }
      // PNGs are compressed already: stored, not deflated again.
      downloadBlob(new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${slug}-timeline.zip`);
    } catch (e) {
      setProblem(t('exportFailed', { message: (e as Error)?.message ?? String(e) }));
    } finally {
      setTimelineStep(store.getState(), from);
      setExporting(null);
    }
  };

  return (
    <section className="timeline card" aria-label={t('title')} data-testid="timeline">
      <header>
        <h2>{t('title')}</h2>
        <button className="close" onClick={close} aria-label={t('close')} title={t('close')} disabled={!!exporting}>×</button>
      </header>
      {steps.length === 0 ? <p className="hint">{t('none')}</p> : (
        <>
          {modes.length > 1 && (
            <div className="toggle timeline-modes" role="group" aria-label={t('modes')}>
              {modes.map((m) => (
                <button
                  key={m} className={mode === m ? 'on' : undefined} aria-pressed={mode === m} disabled={!!exporting} data-testid={`timeline-by-${m}`}
                  onClick={() => { setPlaying(false); setTimelineStep(store.getState(), 0, m); }}
                >{t(m === 'release' ? 'byRelease' : 'byYear')}</button>
              ))}
            </div>
          )}
          <div className="timeline-row">
            <button
              onClick={() => { if (!playing && index >= steps.length - 1) setTimelineStep(store.getState(), 0); setPlaying(!playing); }}
              aria-pressed={playing} title={t('playTitle')} disabled={!!exporting} data-testid="timeline-play"
            >{playing ? t('pause') : t('play')}</button>
            <input
              type="range" min={0} max={steps.length - 1} step={1} value={Math.max(0, index)} aria-label={t('slider')} disabled={!!exporting}
              onChange={(e) => { setPlaying(false); setTimelineStep(store.getState(), Number(e.target.value)); }} data-testid="timeline-slider"
            />
            <button onClick={() => void exportImages()} title={t('imagesTitle')} disabled={!!exporting} data-testid="timeline-images">{t('images')}</button>
          </div>
          <p className="timeline-step" data-testid="timeline-step" aria-live="polite">
            {step ? <><strong>{stepName(t, step, i18n.language)}</strong>{step.kind === 'release' ? ` · ${step.releases.join(', ')}` : ''} · {t('holes', { count: step.holes })}</> : null}
          </p>
          {exporting && <p className="hint">{t('exporting', { done: exporting.done + 1, total: exporting.total })}</p>}
        </>
      )}
      {problem && <p className="timeline-problem" role="alert">{problem}</p>}
    </section>
  );
}
