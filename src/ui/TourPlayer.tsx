/**
 * Plays a tour: applies the current step's view with a smooth flight, shows its caption, and in a
 * timed tour moves on after the view's duration (6 s by default). Keys and clicks advance too.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useVeinscape } from '../state/store';
import { allViews } from '../state/slices/views';
import { applyView } from '../api/views';
import { handleTourKey, step, stopPresentation } from './presentation';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { InterceptFootnoteLine } from './derivation/InterceptFootnoteLine';

const DEFAULT_STEP_MS = 6000;

export function TourPlayer() {
  const tour = useVeinscape((s) => s.tour);
  const presenting = useVeinscape((s) => s.presenting);
  const model = useVeinscape((s) => s.model);
  const browserViews = useVeinscape((s) => s.browserViews);
  const { t, i18n } = useTranslation('tour');
  const views = model ? allViews({ model, browserViews }) : [];
  const view = tour ? views[tour.index] : undefined;

  useEffect(() => {
    if (view) applyView(view, true);
    // Apply when the step changes, not when the list object is rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tour?.index, view?.name]);

  useEffect(() => {
    if (!tour?.timed || !view) return;
    const last = tour.index >= views.length - 1;
    const id = setTimeout(() => (last ? (presenting ? undefined : stopPresentation()) : step(1)), view.durationMs ?? DEFAULT_STEP_MS);
    return () => clearTimeout(id);
  }, [tour, view, views.length, presenting]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleTourKey(e)) e.preventDefault();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement && presenting) stopPresentation();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [presenting]);

  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = card.current;
    const area = el?.parentElement;
    if (!el || !area) return;
    // Keep the card above the legend (bottom-left) whatever the window's height: cap its height
    // at the legend's top; tell a full-screen long section where the card ends.
    const fit = () => {
      const a = area.getBoundingClientRect();
      const legend = area.querySelector<HTMLElement>('.legend');
      const lb = legend && legend.offsetParent !== null ? legend.getBoundingClientRect() : null;
      el.style.maxHeight = '';
      const top = el.getBoundingClientRect().top;
      const room = (lb && lb.height > 0 ? lb.top : a.bottom) - 12 - top;
      // A slide zooms the card with the screen (styles.css): its own pixels are the zoomed ones.
      const zoom = Number(getComputedStyle(el).zoom) || 1;
      el.style.maxHeight = `${Math.max(0, room / zoom)}px`;
      area.style.setProperty('--caption-bottom', `${Math.ceil(el.getBoundingClientRect().bottom - a.top)}px`);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(area);
    const legend = area.querySelector<HTMLElement>('.legend');
    if (legend) ro.observe(legend);
    return () => {
      ro.disconnect();
      area.style.removeProperty('--caption-bottom');
    };
  }, [tour?.index, view?.name, presenting]);

  // With a presenter's window the audience sees the picture only; the caption is the presenter's notes.
  if (!tour || !view || tour.presenter) return null;
  return (
    <div className="tour-caption" data-testid="tour-caption" role="status" ref={card}>
      <div className="tour-step">{t('step', { n: tour.index + 1, total: views.length })}</div>
      <div className="tour-title">{localText(view, 'name', i18n.language)}</div>
      {view.caption && <div className="tour-text">{localText(view, 'caption', i18n.language)}</div>}
      <InterceptFootnoteLine />
      {!presenting && (
        <div className="tour-controls">
          <button onClick={() => step(-1)} disabled={tour.index === 0} aria-label={t('previous')}>‹</button>
          <button onClick={() => step(1)} disabled={tour.index >= views.length - 1} aria-label={t('next')}>›</button>
          <button onClick={() => stopPresentation()} aria-label={t('stopLabel')}>{t('stop')}</button>
        </div>
      )}
    </div>
  );
}
