/**
 * Fault offsets: one slider per fault from restored (0 m) through as mapped to twice the mapped
 * slip (what-if), a toggle that animates between restored and as mapped, and whether drill holes
 * move with their blocks.
 */
import { store, useVeinscape } from '../state/store';
import { EMPTY } from './empty';
import { animateFaultOffsets } from '../state/faultAnimation';

export function FaultsPanel() {
  const faults = useVeinscape((s) => s.model?.faults ?? EMPTY);
  const offsets = useVeinscape((s) => s.faultOffsets);
  const mapped = useVeinscape((s) => s.mappedOffsets);
  const setFaultOffset = useVeinscape((s) => s.setFaultOffset);
  const follow = useVeinscape((s) => s.holesFollowFaults);
  const setFollow = useVeinscape((s) => s.setHolesFollowFaults);
  const measuring = useVeinscape((s) => s.measure.active);
  const setMeasure = useVeinscape((s) => s.setMeasureActive);
  if (faults.length === 0) return null;
  const restored = faults.every((f) => Math.abs(offsets[f.id] ?? 0) < 1e-6);
  const target = (to: 'restored' | 'mapped') => Object.fromEntries(faults.map((f) => [f.id, to === 'restored' ? 0 : (mapped[f.id] ?? 0)]));
  return (
    <section className="panel" aria-label="Faults">
      <h2>Fault offsets</h2>
      <div className="toggle" role="group" aria-label="Restore or show faults as mapped">
        <button aria-pressed={!restored} className={!restored ? 'on' : ''} onClick={() => void animateFaultOffsets(store, target('mapped'))}>As mapped</button>
        <button aria-pressed={restored} className={restored ? 'on' : ''} onClick={() => void animateFaultOffsets(store, target('restored'))}>Restored</button>
      </div>
      {faults.map((f) => {
        const m = mapped[f.id] ?? 0;
        const v = offsets[f.id] ?? 0;
        return (
          <label key={f.id} className="row fault">
            <span title={`moving side: ${f.movingSide}; mapped offset ${m.toFixed(1)} m`}>{f.name}</span>
            <input
              type="range" min={0} max={Math.max(2 * m, 10)} step={0.5} value={v}
              aria-label={`${f.name} offset in m`}
              list={`mapped-${f.id}`}
              onChange={(e) => setFaultOffset(f.id, Number(e.target.value))}
            />
            <datalist id={`mapped-${f.id}`}><option value={m} /></datalist>
            <output className="num" data-testid={`fault-offset-${f.id}`}>{v.toFixed(1)} m</output>
          </label>
        );
      })}
      <label className="row check">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Drill holes move with their block
      </label>
      <button className={`wide ${measuring ? 'on' : ''}`} aria-pressed={measuring} onClick={() => setMeasure(!measuring)}>
        {measuring ? 'Measuring: pick two points…' : 'Measure distance and offset'}
      </button>
      <p className="hint">0 m = restored (no slip); the tick marks the interpreted, mapped offset.</p>
    </section>
  );
}
