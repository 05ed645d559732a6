/** Title, view presets, file opening and theme. */
import { useRef } from 'react';
import { store, useVeinscape } from '../state/store';
import { loadInto } from '../data/loadSource';

export function TopBar({ onExportImage, longSectionOpen, onToggleLongSection }: { onExportImage?: () => void; longSectionOpen?: boolean; onToggleLongSection?: () => void } = {}) {
  const project = useVeinscape((s) => s.model?.project);
  const zones = useVeinscape((s) => s.model?.zones);
  const theme = useVeinscape((s) => s.theme);
  const requestView = useVeinscape((s) => s.requestView);
  const projection = useVeinscape((s) => s.projection);
  const file = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">◆</span>
        <span className="product">Veinscape</span>
        {project && <span className="project" data-testid="project-name">{project.name}</span>}
        {project?.illustrative && <span className="badge" title="This model is illustrative, not a resource model">Illustrative model</span>}
      </div>
      <nav className="views" aria-label="View presets">
        <button onClick={() => requestView('plan')} title="Plan view, north up">Plan</button>
        <button onClick={() => requestView('long')} title="Long view along the veins, looking perpendicular to strike">Long</button>
        <button onClick={() => requestView('iso')} title="Isometric view">Iso</button>
        <button onClick={() => requestView('fit')} title="Fit what is visible to the free part of the view, keeping the direction">Fit</button>
        {onToggleLongSection && (
          <button className={longSectionOpen ? 'on' : undefined} aria-pressed={!!longSectionOpen} onClick={onToggleLongSection} title="Long section: pierce points, g/t·m contours, resources and workings on a vein system's mean plane">
            Long section
          </button>
        )}
        <button
          onClick={() => store.getState().setProjection(projection === 'perspective' ? 'orthographic' : 'perspective')}
          title="Perspective or orthographic (true-scale) projection"
          aria-label="Toggle orthographic projection"
        >
          {projection === 'perspective' ? 'Perspective' : 'Orthographic'}
        </button>
        <select
          aria-label="Fit to zone"
          value=""
          onChange={(e) => e.target.value && requestView('zone', e.target.value)}
        >
          <option value="">Fit to zone…</option>
          {zones?.map((z) => (
            <option key={z.id} value={z.id}>{z.name}</option>
          ))}
        </select>
      </nav>
      <div className="actions">
        <input
          ref={file}
          type="file"
          accept=".json,application/json,.vsb,.csv,text/csv,.txt,.dxf,.obj,.mtl,.ts,.ml,.pl,.str,.dtm,.stl,.glb,.gltf,.bin,.omf"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files?.length) void loadInto(store, [...e.target.files]);
            e.target.value = '';
          }}
        />
        <button onClick={() => file.current?.click()}>Open…</button>
        {onExportImage && <button onClick={onExportImage} title="Save the view as a PNG for slides and reports">Export image</button>}
        <button onClick={() => store.getState().setTheme(theme === 'light' ? 'dark' : 'light')} aria-label="Toggle dark mode">
          {theme === 'light' ? 'Dark' : 'Light'}
        </button>
      </div>
    </header>
  );
}
