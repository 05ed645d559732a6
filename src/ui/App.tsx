/** Page layout: top bar, side panels over the 3D view, legend, selection, reports. */
import { useState } from 'react';
import { useVeinscape } from '../state/store';
import { Viewer } from '../scene/Viewer';
import { TopBar } from './TopBar';
import { LayersPanel } from './LayersPanel';
import { FiltersPanel } from './FiltersPanel';
import { FaultsPanel } from './FaultsPanel';
import { InfoPanel } from './InfoPanel';
import { Legend } from './Legend';
import { ReportPanel } from './ReportPanel';
import { ProgressBar, StatusBar } from './StatusBar';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { LongSection } from './LongSection';
import { MeasurePanel } from './MeasurePanel';
import { InterceptsPanel } from './InterceptsPanel';
import { DrillPanel } from './DrillPanel';
import { ViewsPanel } from './ViewsPanel';
import { SectionPanel } from './SectionPanel';
import { TourPlayer } from './TourPlayer';
import { EmbedCredit } from './EmbedCredit';
import { ImportPanel } from './ImportPanel';
import { StripLog } from './StripLog';
import { HoverTip } from './HoverTip';

export function App() {
  const theme = useVeinscape((s) => s.theme);
  const presenting = useVeinscape((s) => s.presenting);
  const embed = useVeinscape((s) => s.embed);
  const [panelOpen, setPanelOpen] = useState(true);
  const [exportOpen, setExportOpen] = useState(false);
  const [longOpen, setLongOpen] = useState(false);
  return (
    <div className={`app theme-${theme}${presenting ? ' presenting' : ''}${embed ? ' embed' : ''}`}>
      <TopBar onExportImage={() => setExportOpen(true)} longSectionOpen={longOpen} onToggleLongSection={() => setLongOpen((o) => !o)} />
      <main className="stage">
        <div className={`sidebar ${panelOpen ? '' : 'closed'}`}>
          <button className="collapse" onClick={() => setPanelOpen(!panelOpen)} aria-label={panelOpen ? 'Hide panels' : 'Show panels'}>
            {panelOpen ? '‹' : '›'}
          </button>
          {panelOpen && (
            <div className="panels">
              <ImportPanel />
              <ViewsPanel />
              <LayersPanel />
              <FiltersPanel />
              <FaultsPanel />
              <SectionPanel />
              <DrillPanel />
              <InterceptsPanel />
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
          {longOpen && <LongSection onClose={() => setLongOpen(false)} />}
          <ReportPanel />
          <ProgressBar />
          <TourPlayer />
          {embed && <EmbedCredit />}
        </div>
      </main>
      <StatusBar />
      <DropZone />
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
    </div>
  );
}
