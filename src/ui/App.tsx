/** Page layout: top bar, side panels over the 3D view, legend, selection, reports. */
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { store, useVeinscape } from '../state/store';
import { Viewer } from '../scene/Viewer';
import { TopBar } from './TopBar';
import { LayersPanel } from './LayersPanel';
import { FiltersPanel } from './FiltersPanel';
import { FaultsPanel } from './FaultsPanel';
import { InfoPanel } from './InfoPanel';
import { Legend } from './Legend';
import { ReportPanel } from './ReportPanel';
import { ProgressBar, StatusBar } from './StatusBar';
import { Timeline } from './Timeline';
import { DropZone } from './DropZone';
import { MeasurePanel } from './MeasurePanel';
import { DrillPanel } from './DrillPanel';
import { ViewsPanel } from './ViewsPanel';
import { SectionPanel } from './SectionPanel';
import { HoverTip } from './HoverTip';
import { Disclosure } from './Disclosure';
import { VerifyNotice } from './VerifyNotice';

/**
 * Parts not needed for the first picture load in chunks of their own, evaluated after the page's
 * first task (the start-up task evaluates the whole bundle: 200-320 ms on a 2-core machine; the
 * intercept table's collator alone takes tens of ms to set up).
 */
function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  // A boundary of its own each, so the panels around it never wait for it.
  return function Later(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

const ExportDialog = later(() => import('./ExportDialog').then((m) => m.ExportDialog));
const LongSection = later<{ onClose?: () => void }>(() => import('./LongSection').then((m) => m.LongSection));
const InterceptsPanel = later(() => import('./InterceptsPanel').then((m) => m.InterceptsPanel));
const ImportPanel = later(() => import('./ImportPanel').then((m) => m.ImportPanel));
const ProjectPanel = later(() => import('./ProjectPanel').then((m) => m.ProjectPanel));
const StripLog = later(() => import('./StripLog').then((m) => m.StripLog));
const QaPanel = later(() => import('./QaPanel').then((m) => m.QaPanel));
const TourPlayer = later(() => import('./TourPlayer').then((m) => m.TourPlayer));
const DerivationCard = later(() => import('./derivation/DerivationCard').then((m) => m.DerivationCard));

/** Slides (presentation, embed) scale their legend and caption with the window's height (styles.css). */
function useSlideScale(on: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!on) {
      root.style.removeProperty('--slide-scale');
      return;
    }
    const set = () => root.style.setProperty('--slide-scale', String(Math.min(1.6, Math.max(0.5, window.innerHeight / 1080))));
    set();
    window.addEventListener('resize', set);
    return () => {
      window.removeEventListener('resize', set);
      root.style.removeProperty('--slide-scale');
    };
  }, [on]);
}

export function App() {
  const theme = useVeinscape((s) => s.theme);
  const presenting = useVeinscape((s) => s.presenting);
  const embed = useVeinscape((s) => s.embed);
  useSlideScale(presenting || embed);
  const [panelOpen, setPanelOpen] = useState(true);
  const [exportOpen, setExportOpen] = useState(false);
  const longSection = useVeinscape((s) => s.longSection);
  const closeLongSection = () => store.getState().setLongSection(null);
  const { t } = useTranslation('app');
  return (
    <div className={`app theme-${theme}${presenting ? ' presenting' : ''}${embed ? ' embed' : ''}`}>
      <TopBar onExportImage={() => setExportOpen(true)} longSectionOpen={!!longSection} onToggleLongSection={() => store.getState().setLongSection(longSection ? null : { system: null, fullScreen: false, distanceShading: false })} />
      <main className="stage">
        <div className={`sidebar ${panelOpen ? '' : 'closed'}`}>
          <button className="collapse" onClick={() => setPanelOpen(!panelOpen)} aria-label={panelOpen ? t('hidePanels') : t('showPanels')}>
            {panelOpen ? '‹' : '›'}
          </button>
          {panelOpen && (
            <div className="panels">
              <ImportPanel />
              <ProjectPanel />
              <ViewsPanel />
              <LayersPanel />
              <FiltersPanel />
              <FaultsPanel />
              <SectionPanel />
              <DrillPanel />
              <InterceptsPanel />
              <QaPanel />
            </div>
          )}
        </div>
        <div className="view-area">
          <Viewer />
          <HoverTip />
          <Legend />
          <InfoPanel />
          <MeasurePanel />
          <StripLog />
          {longSection && <LongSection onClose={closeLongSection} />}
          <DerivationCard />
          <ReportPanel />
          <VerifyNotice />
          <ProgressBar />
          <TourPlayer />
          <Timeline />
        </div>
      </main>
      <Disclosure />
      <StatusBar />
      <DropZone />
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
    </div>
  );
}
