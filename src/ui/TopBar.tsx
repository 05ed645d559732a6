/** Title, view presets, file opening, theme and the interface language. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { store, useVeinscape } from '../state/store';
import { openFiles } from '../api/verify';

export function TopBar({ onExportImage, longSectionOpen, onToggleLongSection }: { onExportImage?: () => void; longSectionOpen?: boolean; onToggleLongSection?: () => void } = {}) {
  const project = useVeinscape((s) => s.model?.project);
  const zones = useVeinscape((s) => s.model?.zones);
  const theme = useVeinscape((s) => s.theme);
  const requestView = useVeinscape((s) => s.requestView);
  const projection = useVeinscape((s) => s.projection);
  const file = useRef<HTMLInputElement>(null);
  const { t, i18n } = useTranslation('app');
  const language = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">◆</span>
        <span className="product">Veinscape</span>
        {project && <span className="project" data-testid="project-name">{localText(project, 'name', i18n.language)}</span>}
        {project?.illustrative && <span className="badge" title={t('illustrativeTitle')}>{t('illustrative')}</span>}
      </div>
      <nav className="views" aria-label={t('viewPresets')}>
        <button onClick={() => requestView('plan')} title={t('planTitle')}>{t('plan')}</button>
        <button onClick={() => requestView('long')} title={t('longTitle')}>{t('long')}</button>
        <button onClick={() => requestView('iso')} title={t('isoTitle')}>{t('iso')}</button>
        <button onClick={() => requestView('fit')} title={t('fitTitle')}>{t('fit')}</button>
        {onToggleLongSection && (
          <button className={longSectionOpen ? 'on' : undefined} aria-pressed={!!longSectionOpen} onClick={onToggleLongSection} title={t('longSectionTitle')}>
            {t('longSection')}
          </button>
        )}
        <button
          onClick={() => store.getState().setProjection(projection === 'perspective' ? 'orthographic' : 'perspective')}
          title={t('projectionTitle')}
          aria-label={t('projectionToggle')}
        >
          {projection === 'perspective' ? t('perspective') : t('orthographic')}
        </button>
        <select
          aria-label={t('fitZone')}
          value=""
          onChange={(e) => e.target.value && requestView('zone', e.target.value)}
        >
          <option value="">{t('fitZoneOption')}</option>
          {zones?.map((z) => (
            <option key={z.id} value={z.id}>{localText(z, 'name', i18n.language)}</option>
          ))}
        </select>
      </nav>
      <div className="actions">
        <input
          ref={file}
          type="file"
          accept=".json,application/json,.vsb,.csv,text/csv,.txt,.dxf,.obj,.mtl,.ts,.ml,.pl,.str,.dtm,.stl,.glb,.gltf,.bin,.omf,.png,image/png"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files?.length) void openFiles([...e.target.files]);
            e.target.value = '';
          }}
        />
        <button onClick={() => file.current?.click()}>{t('open')}</button>
        {onExportImage && <button onClick={onExportImage} title={t('exportImageTitle')}>{t('exportImage')}</button>}
        <button onClick={() => store.getState().setTheme(theme === 'light' ? 'dark' : 'light')} aria-label={t('darkToggle')}>
          {theme === 'light' ? t('dark') : t('light')}
        </button>
        <select className="language" aria-label={t('language')} data-testid="language" value={language} onChange={(e) => void setLanguage(e.target.value as Language)}>
          {/* Each language named in itself, whatever the interface language. */}
          <option value="en" lang="en">English</option>
          <option value="fr" lang="fr">Français</option>
        </select>
      </div>
    </header>
  );
}
