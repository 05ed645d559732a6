/** Saved views: save the current view, open one, copy a link to it, play them as a tour or present. */
import { useState } from 'react';
import { store, useVeinscape } from '../state/store';
import { allViews } from '../state/slices/views';
import { applyView, captureView, deleteBrowserView, saveBrowserView, viewLink } from '../api/views';
import { startPresentation } from './presentation';
import { openPresenterView } from './presenterAudience';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';

export function ViewsPanel() {
  const model = useVeinscape((s) => s.model);
  const browserViews = useVeinscape((s) => s.browserViews);
  const [name, setName] = useState('');
  const [caption, setCaption] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [popupBlocked, setPopupBlocked] = useState(false);
  const { t, i18n } = useTranslation('views');
  const { t: tp } = useTranslation('presenter');
  if (!model) return null;
  const views = allViews({ model, browserViews });
  const own = new Set(model.views.map((v) => v.name));
  const copyLink = async () => {
    const link = viewLink();
    history.replaceState(null, '', link);
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('linkCopied'));
    } catch {
      setCopied(t('linkInAddressBar'));
    }
  };
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>
        {t('title')}
        <span className="btns">
          <button className="link" onClick={() => void copyLink()}>{t('copyLink')}</button>
        </span>
      </h2>
      {copied && <p className="hint" data-testid="link-status">{copied}</p>}
      <ul className="saved-views" data-testid="views-list">
        {views.map((v) => (
          <li key={v.name}>
            <button className="view-name" onClick={() => applyView(v)} title={localText(v, 'caption', i18n.language) ?? localText(v, 'name', i18n.language)}>{localText(v, 'name', i18n.language)}</button>
            {own.has(v.name) ? <span className="kind">{t('inFile')}</span> : <button className="close" aria-label={t('deleteView', { name: v.name })} onClick={() => deleteBrowserView(v.name)}>×</button>}
          </li>
        ))}
        {views.length === 0 && <li className="hint">{t('none')}</li>}
      </ul>
      <div className="save-view">
        <input placeholder={t('viewName')} aria-label={t('viewName')} value={name} onChange={(e) => setName(e.target.value)} />
        <input placeholder={t('captionPlaceholder')} aria-label={t('viewCaption')} value={caption} onChange={(e) => setCaption(e.target.value)} />
        <button disabled={!name.trim()} onClick={() => { saveBrowserView(captureView(name.trim(), caption.trim() || undefined)); setName(''); setCaption(''); }}>
          {t('saveView')}
        </button>
      </div>
      <div className="row present">
        <button disabled={views.length === 0} onClick={() => store.getState().setTour({ index: 0, timed: true })}>{t('playTour')}</button>
        <button disabled={views.length === 0} onClick={() => void startPresentation()}>{t('present')}</button>
        <button disabled={views.length === 0} onClick={() => setPopupBlocked(!openPresenterView())} title={tp('openHint')}>{tp('open')}</button>
      </div>
      {popupBlocked && <p className="hint" role="alert" data-testid="presenter-blocked">{tp('blocked')}</p>}
    </section>
  );
}
