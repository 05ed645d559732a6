/**
 * The presenter's window (?presenter=1&session=…, opened by the audience window's "Presenter
 * view"): the current and next step, the current step's caption as notes, the time since the start,
 * step n of N, and Previous / Next / Stop (buttons, arrows, PageUp / PageDown, Esc) that drive the
 * audience window. It loads no dataset and draws no picture: the audience window holds the
 * presentation and reports it (src/ui/presenterAudience.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { localText } from '../i18n/localText';
import { clockText, commandForKey, presenterSlide, type AudienceReport, type PresenterCommand, type StepText } from '../state/presenterSession';
import { openPresenterLink } from './presenterLink';
import './presenter.css';

type Shown = { steps: StepText[]; index: number; startedAt: number } | 'waiting' | 'ended';
type Picture = { index: number; src: string | null };

export function PresenterWindow({ session }: { session: string }) {
  const { t, i18n } = useTranslation('presenter');
  const [shown, setShown] = useState<Shown>('waiting');
  const [now, setNow] = useState(() => Date.now());
  const [picture, setPicture] = useState<Picture | null>(null);
  const link = useMemo(
    () => openPresenterLink<PresenterCommand, AudienceReport>(session, 'presenter', () => window.opener as Window | null, (body) => {
      if (body.kind === 'picture') setPicture({ index: body.index, src: body.src });
      else setShown(body.kind === 'ended' ? 'ended' : { steps: body.steps, index: body.index, startedAt: body.startedAt });
    }),
    [session],
  );

  useEffect(() => {
    link.send({ kind: 'hello' });
    const bye = () => link.send({ kind: 'bye' });
    window.addEventListener('pagehide', bye);
    // The clock, and the audience window closed without a word (no opener left).
    const tick = window.setInterval(() => {
      setNow(Date.now());
      if (window.opener && (window.opener as Window).closed) setShown('ended');
    }, 1000);
    return () => {
      window.removeEventListener('pagehide', bye);
      window.clearInterval(tick);
      link.close();
    };
  }, [link]);

  const live = typeof shown === 'object';
  useEffect(() => {
    document.title = t('title');
    if (!live) return;
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e.key);
      // Space and Enter on a focused button press that button, not a second step.
      if (!command || (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter'))) return;
      e.preventDefault();
      link.send(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [link, live, t]);

  const text = (step: StepText | undefined, field: 'name' | 'caption') => (step ? localText(step, field, i18n.language) : undefined);
  if (!live) {
    return (
      <div className="app theme-dark presenter-window" data-testid="presenter-window">
        <p className="presenter-message" role="status">{shown === 'ended' ? t('ended') : t('waiting')}</p>
        {shown === 'ended' && <footer><button onClick={() => window.close()}>{t('close')}</button></footer>}
      </div>
    );
  }
  const slide = presenterSlide(shown.steps, shown.index);
  const notes = text(slide.current, 'caption');
  return (
    <div className="app theme-dark presenter-window" data-testid="presenter-window">
      <header>
        <span className="presenter-count" data-testid="presenter-step">{t('step', { n: slide.n, total: slide.total })}</span>
        <span className="presenter-elapsed" data-testid="presenter-elapsed" aria-label={t('elapsed')} title={t('elapsed')}>{clockText(now - shown.startedAt)}</span>
      </header>
      <section className="presenter-current" aria-label={t('current')}>
        <h2>{t('current')}</h2>
        <div className="presenter-name" data-testid="presenter-current">{text(slide.current, 'name')}</div>
        <h2>{t('notes')}</h2>
        <div className="presenter-notes" data-testid="presenter-notes">{notes ?? t('noNotes')}</div>
      </section>
      <section className="presenter-next" aria-label={t('nextView')}>
        <h2>{t('nextView')}</h2>
        <div className="presenter-name" data-testid="presenter-next">{text(slide.next, 'name') ?? t('nextNone')}</div>
        {/* The audience's picture once this step is drawn there (none while a long section fills it). */}
        {picture?.index === shown.index && picture.src && (
          <>
            <h2>{t('onScreen')}</h2>
            <img className="presenter-picture" data-testid="presenter-picture" src={picture.src} alt={t('picture')} />
          </>
        )}
      </section>
      <footer>
        <button onClick={() => link.send({ kind: 'go', to: 'previous' })} disabled={slide.n <= 1}>{t('previous')}</button>
        <button onClick={() => link.send({ kind: 'go', to: 'next' })} disabled={slide.n >= slide.total}>{t('next')}</button>
        <button onClick={() => link.send({ kind: 'stop' })}>{t('stop')}</button>
        <span className="hint">{t('keys')}</span>
      </footer>
    </div>
  );
}
