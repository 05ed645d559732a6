/** Legend: grade classes with unit, drilled and planned holes, zones shown, resource categories. */
import { EMPTY } from './empty';
import { useVeinscape } from '../state/store';
import { binLabels, DEFAULT_GOLD_BINS } from '../domain/gradeBins';

export function Legend() {
  const vc = useVeinscape((s) => s.prepared?.valueColumn);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const layers = useVeinscape((s) => s.layerVisible);
  const cutoff = useVeinscape((s) => s.filters.gradeCutoff);
  const bins = { ...DEFAULT_GOLD_BINS, unit: vc?.unit ?? 'g/t' };
  const labels = binLabels(bins);
  const veins = zones.filter((z) => z.kind === 'vein' && zoneVisible[z.id] !== false);
  const showGrade = !!vc && layers.intervals;
  const showZones = layers.veins && veins.length > 0;
  if (!showGrade && !layers.traces && !showZones) return null;
  return (
    <aside className="legend card" aria-label="Legend" data-testid="legend">
      <div>
        {showGrade && (
          <>
            <h3>{vc.name} ({vc.unit})</h3>
            <ul className="bins">
              {bins.colors.map((c, i) => (
                <li key={c}><span className="swatch" style={{ background: c }} />{labels[i]}</li>
              ))}
              <li><span className="swatch missing" />not assayed</li>
            </ul>
            {cutoff > 0 && <p className="hint">Cut-off {cutoff} {vc.unit}</p>}
          </>
        )}
        {layers.traces && (
          <ul className="symbols">
            <li><span className="line solid" />Drilled hole</li>
            <li><span className="line dashed" />Planned hole</li>
            {layers.faults && <li><span className="swatch fault" />Fault</li>}
          </ul>
        )}
      </div>
      {showZones && (
        <div>
          <h3>Veins</h3>
          <ul className="zones-legend">
            {veins.map((z) => (
              <li key={z.id}><span className="swatch" style={{ background: z.color }} />{z.name}</li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
