/**
 * Legend: the interval colouring (column chosen here, classes editable), drilled and planned holes,
 * and the veins shown. It follows the store, so it always matches the picture.
 */
import { useState } from 'react';
import { useVeinscape } from '../state/store';
import { currentColouring } from '../state/colouring';
import { EMPTY } from './empty';
import { binLabels } from '../domain/gradeBins';
import { GradeThicknessLegend } from './legend/GradeThicknessLegend';

function BinEditor({ column, bounds, unit, onDone }: { column: string; bounds: number[]; unit: string; onDone: () => void }) {
  const setBins = useVeinscape((s) => s.setBins);
  const colouring = useVeinscape(currentColouring);
  const [text, setText] = useState(bounds.join(', '));
  const parsed = text.split(/[,\s]+/).filter(Boolean).map(Number);
  const valid = parsed.length > 0 && parsed.length <= 14 && parsed.every((v, i) => Number.isFinite(v) && (i === 0 || v > parsed[i - 1]));
  return (
    <div className="bin-editor">
      <label>
        Class bounds ({unit || 'value'}), ascending
        <input value={text} aria-label={`Class bounds for ${column}`} onChange={(e) => setText(e.target.value)} className={valid ? '' : 'invalid'} />
      </label>
      <button
        disabled={!valid}
        onClick={() => {
          const colors = colouring!.bins.colors;
          const palette = ['#a3acb6', '#4575b4', '#74add1', '#abd9e9', '#fee090', '#fdae61', '#f46d43', '#d73027', '#a50026'];
          const n = parsed.length + 1;
          // Keep the current colours when the count matches; otherwise spread the palette.
          const next = colors.length === n ? colors : Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / Math.max(n - 1, 1))]);
          setBins(column, { bounds: parsed, colors: next, unit });
          onDone();
        }}
      >
        Apply
      </button>
    </div>
  );
}

export function Legend() {
  const vc = useVeinscape((s) => s.prepared?.valueColumn);
  const model = useVeinscape((s) => s.model);
  const zones = useVeinscape((s) => s.model?.zones ?? EMPTY);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const layers = useVeinscape((s) => s.layerVisible);
  const cutoff = useVeinscape((s) => s.filters.gradeCutoff);
  const setColorBy = useVeinscape((s) => s.setColorBy);
  const colouring = useVeinscape(currentColouring);
  const [editing, setEditing] = useState(false);
  const veins = zones.filter((z) => z.kind === 'vein' && zoneVisible[z.id] !== false);
  const table = vc && model ? model.intervals.find((t) => t.id === vc.table) : undefined;
  const showColour = !!colouring && layers.intervals;
  const showZones = layers.veins && veins.length > 0;
  // Symbols only for what the dataset has: a project of surfaces alone shows no hole or fault symbol.
  const drilled = layers.traces && !!model?.holes.some((h) => h.status === 'drilled');
  const planned = layers.traces && !!model?.holes.some((h) => h.status === 'planned');
  const faults = layers.faults && !!model?.faults.length;
  if (!showColour && !drilled && !planned && !faults && !showZones) return null;
  const labels = colouring ? (colouring.kind === 'numeric' ? binLabels(colouring.bins) : colouring.labels) : [];
  return (
    <aside className="legend card" aria-label="Legend" data-testid="legend">
      <div>
        {showColour && colouring && (
          <>
            <h3>
              <select aria-label="Colour intervals by" value={colouring.column} onChange={(e) => setColorBy(e.target.value)}>
                {table?.columns.map((c) => (
                  <option key={c.name} value={c.name}>{c.name}{c.unit ? ` (${c.unit})` : ''}</option>
                ))}
              </select>
              {colouring.kind === 'numeric' && <button className="link" onClick={() => setEditing(!editing)}>{editing ? 'Cancel' : 'Edit classes'}</button>}
            </h3>
            {editing && colouring.kind === 'numeric' && (
              <BinEditor column={colouring.column} bounds={colouring.bins.bounds} unit={colouring.unit} onDone={() => setEditing(false)} />
            )}
            <ul className="bins" data-testid="legend-classes">
              {colouring.bins.colors.map((c, i) => (
                <li key={i}><span className="swatch" style={{ background: c }} />{labels[i]}</li>
              ))}
              <li><span className="swatch missing" />{colouring.kind === 'numeric' ? 'not assayed' : 'none'}</li>
              {colouring.truncated > 0 && <li className="hint">+{colouring.truncated} more categories (grey)</li>}
            </ul>
            {cutoff > 0 && vc && <p className="hint">{vc.name} cut-off {cutoff} {vc.unit}</p>}
          </>
        )}
        {(drilled || planned || faults) && (
          <ul className="symbols">
            {drilled && <li><span className="line solid" />Drilled hole</li>}
            {planned && <li><span className="line dashed" />Planned hole</li>}
            {faults && <li><span className="swatch fault" />Fault</li>}
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
      <GradeThicknessLegend />
    </aside>
  );
}
