/** Per-fault offset sliders (0 = restored, as mapped, up to twice the mapped slip) and restore / as-mapped. */
import { EMPTY } from './empty';
import { useVeinscape } from '../state/store';

export function FaultsPanel() {
  const faults = useVeinscape((s) => s.model?.faults ?? EMPTY);
  const offsets = useVeinscape((s) => s.faultOffsets);
  const mapped = useVeinscape((s) => s.mappedOffsets);
  const setFaultOffset = useVeinscape((s) => s.setFaultOffset);
  const restoreAll = useVeinscape((s) => s.restoreAll);
  const asMapped = useVeinscape((s) => s.asMapped);
  if (faults.length === 0) return null;
  return (
    <section className="panel" aria-label="Faults">
      <h2>
        Fault offsets
        <span className="btns">
          <button className="link" onClick={restoreAll}>Restore all</button>
          <button className="link" onClick={asMapped}>As mapped</button>
        </span>
      </h2>
      {faults.map((f) => {
        const m = mapped[f.id] ?? 0;
        const v = offsets[f.id] ?? 0;
        return (
          <label key={f.id} className="row fault">
            <span title={`moving side: ${f.movingSide}`}>{f.name}</span>
            <input
              type="range" min={0} max={Math.max(2 * m, 10)} step={0.5} value={v}
              aria-label={`${f.name} offset in m`}
              onChange={(e) => setFaultOffset(f.id, Number(e.target.value))}
            />
            <output className="num">{v.toFixed(1)} m</output>
          </label>
        );
      })}
      <p className="hint">0 m = restored; {Object.values(mapped).length ? 'mapped slip shown as the default' : ''}.</p>
    </section>
  );
}
