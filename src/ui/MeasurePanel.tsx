/** Result of an offset measurement: separation, azimuth / plunge, and components on a fault. */
import { useVeinscape } from '../state/store';
import { measure } from '../domain/measure';
import { sideValue } from '../domain/faults';
import { coord } from './format';

export function MeasurePanel() {
  const m = useVeinscape((s) => s.measure);
  const prepared = useVeinscape((s) => s.prepared);
  const model = useVeinscape((s) => s.model);
  const setFault = useVeinscape((s) => s.setMeasureFault);
  const clear = useVeinscape((s) => s.clearMeasure);
  if (!prepared || !model || (!m.active && m.points.length === 0)) return null;
  const [p1, p2] = m.points;
  const faults = prepared.faultModels;
  // Default to the fault nearest the middle of the two points.
  let fault = faults.find((f) => f.id === m.faultId);
  if (!fault && p1 && p2) {
    const mid: [number, number, number] = [(p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2, (p1[2] + p2[2]) / 2];
    fault = [...faults].sort((a, b) => Math.abs(sideValue(a, mid)) - Math.abs(sideValue(b, mid)))[0];
  }
  const r = p1 && p2 ? measure(p1, p2, fault) : null;
  const name = (id: string) => model.faults.find((f) => f.id === id)?.name ?? id;
  return (
    <aside className="measure card" data-testid="measure-panel" aria-label="Measurement">
      <header>
        <h2>Measure</h2>
        <button className="close" aria-label="Close measurement" onClick={clear}>×</button>
      </header>
      {!r && <p className="hint">{p1 ? 'Pick the second point.' : 'Pick a point on a vein or a hole, e.g. the same vein either side of a fault.'}</p>}
      {p1 && <p className="pt">A: {coord(p1[0])} E, {coord(p1[1])} N, {coord(p1[2])} m</p>}
      {p2 && <p className="pt">B: {coord(p2[0])} E, {coord(p2[1])} N, {coord(p2[2])} m</p>}
      {r && (
        <dl>
          <dt>Separation</dt><dd data-testid="measure-distance">{r.distance.toFixed(2)} m</dd>
          <dt>Horizontal</dt><dd>{r.horizontal.toFixed(2)} m</dd>
          <dt>Vertical</dt><dd>{r.vertical.toFixed(2)} m</dd>
          <dt>Azimuth</dt><dd>{r.azimuth.toFixed(1)}°</dd>
          <dt>Plunge</dt><dd>{r.plunge.toFixed(1)}°</dd>
          {r.fault && (
            <>
              <dt>Fault</dt>
              <dd>
                <select aria-label="Fault to resolve on" value={r.fault.id} onChange={(e) => setFault(e.target.value)}>
                  {faults.map((f) => <option key={f.id} value={f.id}>{name(f.id)}</option>)}
                </select>
              </dd>
              <dt>Strike-slip</dt><dd data-testid="measure-strike-slip">{r.fault.strikeSlip.toFixed(2)} m</dd>
              <dt>Dip-slip</dt><dd data-testid="measure-dip-slip">{r.fault.dipSlip.toFixed(2)} m</dd>
              <dt>Across fault</dt><dd>{r.fault.normal.toFixed(2)} m</dd>
            </>
          )}
        </dl>
      )}
    </aside>
  );
}
