/** Grade cut-off, elevation window and hole status / type / program filters. */
import { EMPTY } from './empty';
import { useVeinscape } from '../state/store';

function numberOrNull(v: string): number | null {
  if (v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function FiltersPanel() {
  const f = useVeinscape((s) => s.filters);
  const setFilters = useVeinscape((s) => s.setFilters);
  const resetFilters = useVeinscape((s) => s.resetFilters);
  const programs = useVeinscape((s) => s.prepared?.programs ?? EMPTY);
  const unit = useVeinscape((s) => s.prepared?.valueColumn?.unit ?? 'g/t');
  return (
    <section className="panel" aria-label="Filters">
      <h2>
        Filters
        <button className="link" onClick={() => resetFilters()}>Reset</button>
      </h2>
      <label className="row">
        <span>Cut-off ({unit})</span>
        <input
          type="range" min={0} max={20} step={0.1} value={f.gradeCutoff}
          aria-label="Grade cut-off slider"
          onChange={(e) => setFilters({ gradeCutoff: Number(e.target.value) })}
        />
        <input
          type="number" min={0} step={0.1} value={f.gradeCutoff} className="num"
          aria-label={`Grade cut-off in ${unit}`} data-testid="cutoff-input"
          onChange={(e) => setFilters({ gradeCutoff: Math.max(0, Number(e.target.value) || 0) })}
        />
      </label>
      <div className="row seg" role="radiogroup" aria-label="Below cut-off">
        <span>Below cut-off</span>
        {(['dim', 'hide'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="below" checked={f.belowCutoff === m} onChange={() => setFilters({ belowCutoff: m })} /> {m === 'dim' ? 'Dim' : 'Hide'}
          </label>
        ))}
      </div>
      <div className="row">
        <span>Elevation (m)</span>
        <input className="num" type="number" placeholder="min" aria-label="Minimum elevation in m" value={f.elevationMin ?? ''} onChange={(e) => setFilters({ elevationMin: numberOrNull(e.target.value) })} />
        <input className="num" type="number" placeholder="max" aria-label="Maximum elevation in m" value={f.elevationMax ?? ''} onChange={(e) => setFilters({ elevationMax: numberOrNull(e.target.value) })} />
      </div>
      <div className="row checks inline">
        <span>Status</span>
        <label><input type="checkbox" checked={f.status.drilled} onChange={(e) => setFilters({ status: { ...f.status, drilled: e.target.checked } })} /> Drilled</label>
        <label><input type="checkbox" checked={f.status.planned} onChange={(e) => setFilters({ status: { ...f.status, planned: e.target.checked } })} /> Planned</label>
      </div>
      <div className="row checks inline">
        <span>Type</span>
        <label><input type="checkbox" checked={f.type.surface} onChange={(e) => setFilters({ type: { ...f.type, surface: e.target.checked } })} /> Surface</label>
        <label><input type="checkbox" checked={f.type.underground} onChange={(e) => setFilters({ type: { ...f.type, underground: e.target.checked } })} /> Underground</label>
      </div>
      {programs.length > 0 && (
        <div className="checks programs">
          <span className="sub">Program</span>
          {programs.map((p) => (
            <label key={p}>
              <input type="checkbox" checked={f.programs[p] !== false} onChange={(e) => setFilters({ programs: { ...f.programs, [p]: e.target.checked } })} /> {p}
            </label>
          ))}
        </div>
      )}
    </section>
  );
}
