/** Grade cut-off, elevation window and hole status / type / program filters. */
import { EMPTY } from './empty';
import { useVeinscape, type VeinscapeState } from '../state/store';
import { InViewCounts } from './InViewCounts';

let yearCache: { holes: unknown; range: [number, number] | null } | null = null;
/** First and last drilling year in the data, or null when no hole has a year. */
function yearRange(s: VeinscapeState): [number, number] | null {
  const holes = s.model?.holes;
  if (yearCache && yearCache.holes === holes) return yearCache.range;
  const ys = (holes ?? []).map((h) => h.year).filter((y): y is number => typeof y === 'number');
  const range: [number, number] | null = ys.length ? [Math.min(...ys), Math.max(...ys)] : null;
  yearCache = { holes, range };
  return range;
}

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
  const years = useVeinscape(yearRange);
  const hasResources = useVeinscape((s) => (s.model?.resourceCategories.length ?? 0) > 0);
  return (
    <section className="panel" aria-label="Filters">
      <h2>
        Filters
        <button className="link" onClick={() => resetFilters()}>Reset</button>
      </h2>
      <InViewCounts />
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
      <div className="row">
        <span>Depth (m)</span>
        <input className="num" type="number" min={0} placeholder="from" aria-label="Minimum depth along hole in m" value={f.depthMin ?? ''} onChange={(e) => setFilters({ depthMin: numberOrNull(e.target.value) })} />
        <input className="num" type="number" min={0} placeholder="to" aria-label="Maximum depth along hole in m" value={f.depthMax ?? ''} onChange={(e) => setFilters({ depthMax: numberOrNull(e.target.value) })} />
      </div>
      {years && (
        <div className="row">
          <span>Year</span>
          <input className="num" type="number" placeholder={String(years[0])} aria-label="First drilling year" value={f.yearMin ?? ''} onChange={(e) => setFilters({ yearMin: numberOrNull(e.target.value) })} />
          <input className="num" type="number" placeholder={String(years[1])} aria-label="Last drilling year" value={f.yearMax ?? ''} onChange={(e) => setFilters({ yearMax: numberOrNull(e.target.value) })} />
        </div>
      )}
      <label className="row">
        <span>Hole id</span>
        <input className="search" type="search" placeholder="e.g. RK05-012, RK88" aria-label="Search hole id" value={f.holeSearch} onChange={(e) => setFilters({ holeSearch: e.target.value })} />
      </label>
      {hasResources && (
        <div className="row checks inline">
          <span>Resource</span>
          {(['measured', 'indicated', 'inferred'] as const).map((c) => (
            <label key={c}><input type="checkbox" checked={f.categories[c]} onChange={(e) => setFilters({ categories: { ...f.categories, [c]: e.target.checked } })} /> {c[0].toUpperCase() + c.slice(1)}</label>
          ))}
        </div>
      )}
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
