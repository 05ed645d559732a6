/** Load progress, what is loaded (with units), and the dataset's disclaimer. */
import { useVeinscape } from '../state/store';
import { DESURVEY_METHOD_LABEL } from '../domain/desurvey';
import { count } from './format';

export function ProgressBar() {
  const loading = useVeinscape((s) => s.loading);
  if (!loading) return null;
  const pct = Math.round(loading.fraction * 100);
  return (
    <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="progress">
      <div className="bar" style={{ width: `${Math.max(4, pct)}%` }} />
      <span>{loading.phase === 'reading' ? 'Reading' : loading.phase === 'parsing' ? 'Parsing' : loading.phase === 'validating' ? 'Validating' : loading.phase === 'building' ? 'Building geometry' : 'Drawing'} {loading.source}…</span>
    </div>
  );
}

export function StatusBar() {
  const model = useVeinscape((s) => s.model);
  const method = useVeinscape((s) => s.desurveyMethod);
  // Always rendered (empty until data arrive): a bar appearing later would resize the 3D canvas,
  // and a WebGL resize waits for every frame in flight (the longest task in the benchmark).
  if (!model) return <footer className="statusbar" />;
  const p = model.project;
  const counts = model.holes.length;
  const intervals = model.intervals.reduce((n, t) => n + t.hole.length, 0);
  return (
    <footer className="statusbar">
      <span className="crs">{p.crs.code ? `${p.crs.code} · ` : ''}{p.crs.name} · metres</span>
      <CursorReadout />
      <span data-testid="desurvey-method">Desurvey: {DESURVEY_METHOD_LABEL[method].toLowerCase()}</span>
      <span>{count(counts)} holes · {count(intervals)} intervals</span>
      {p.disclaimer && <span className="disclaimer" data-testid="disclaimer" title={p.disclaimer}>{p.disclaimer}</span>}
    </footer>
  );
}

/** True easting / northing / elevation under the cursor (on a surface), as mapped. */
function CursorReadout() {
  const c = useVeinscape((s) => s.cursor);
  if (!c) return null;
  const f = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return <span className="cursor" data-testid="cursor-readout">{f(c[0])} m E · {f(c[1])} m N · {f(c[2])} m elev.</span>;
}
