/** Details of the picked hole or interval, with true coordinates (float64, as mapped). */
import { useVeinscape } from '../state/store';
import { holePositionOf } from '../api/holePosition';
import { coord, grade, metres } from './format';

export function InfoPanel() {
  const sel = useVeinscape((s) => s.selection);
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const select = useVeinscape((s) => s.select);
  if (!sel || !model || !prepared) return null;
  const hole = model.holes[sel.hole];
  const pos = holePositionOf(model, prepared, hole.id, sel.depth);
  const vc = prepared.valueColumn;
  const table = vc ? model.intervals.find((t) => t.id === vc.table) : undefined;
  const row = sel.row;
  return (
    <aside className="info card" data-testid="info-panel" aria-label="Selection">
      <header>
        <h2 data-testid="info-hole">{hole.id}</h2>
        <button className="close" aria-label="Close" onClick={() => select(null)}>×</button>
      </header>
      <dl>
        <dt>Hole</dt>
        <dd>{hole.status} · {hole.type} · {hole.program}{hole.year ? ` · ${hole.year}` : ''}</dd>
        <dt>Final depth</dt>
        <dd>{metres(hole.depth, 1)}</dd>
        <dt>Picked depth</dt>
        <dd data-testid="info-depth">{metres(sel.depth, 2)}</dd>
        {table && row !== null && (
          <>
            <dt>From – to</dt>
            <dd data-testid="info-interval">{table.from[row].toFixed(2)} – {table.to[row].toFixed(2)} m ({metres(table.to[row] - table.from[row])} core length)</dd>
            {table.columns.map((c) => (
              <div key={c.name} className="pair">
                <dt>{c.name}</dt>
                <dd data-testid={`info-col-${c.name}`}>
                  {c.type === 'numeric'
                    ? grade(table.numeric[c.name][row], c.unit ?? '')
                    : table.categorical[c.name].codes[row] >= 0
                      ? (model.zones.find((z) => z.id === table.categorical[c.name].categories[table.categorical[c.name].codes[row]])?.name ?? table.categorical[c.name].categories[table.categorical[c.name].codes[row]])
                      : '—'}
                </dd>
              </div>
            ))}
          </>
        )}
        <dt>Easting</dt>
        <dd data-testid="info-e">{coord(pos[0])} m E</dd>
        <dt>Northing</dt>
        <dd data-testid="info-n">{coord(pos[1])} m N</dd>
        <dt>Elevation</dt>
        <dd data-testid="info-z">{coord(pos[2])} m</dd>
      </dl>
      <p className="hint">{model.project.crs.code ?? model.project.crs.name} · as mapped · {prepared.method.replace('-', ' ')} desurvey</p>
    </aside>
  );
}
