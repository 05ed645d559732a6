/**
 * Vertical section (placed by two clicks or by azimuth and position, with a slab width), clip box,
 * and vertical exaggeration. The section view looks across the section, orthographic.
 */
import { store, useVeinscape } from '../state/store';
import { dataBox } from '../domain/bounds';

const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);

export function SectionPanel() {
  const sec = useVeinscape((s) => s.section);
  const setSection = useVeinscape((s) => s.setSection);
  const ve = useVeinscape((s) => s.verticalExaggeration);
  const setVe = useVeinscape((s) => s.setVerticalExaggeration);
  const has = useVeinscape((s) => !!s.prepared);
  const modelClip = useVeinscape((s) => s.modelClip);
  const setModelClip = useVeinscape((s) => s.setModelClip);
  if (!has) return null;
  const defaultBox = () => {
    const s = store.getState();
    const b = dataBox(s.model!, s.prepared!);
    const o = s.prepared!.origin;
    return { min: [b.min[0] + o[0], b.min[1] + o[1], b.min[2] + o[2]] as [number, number, number], max: [b.max[0] + o[0], b.max[1] + o[1], b.max[2] + o[2]] as [number, number, number] };
  };
  const box = sec.box ?? (sec.mode === 'box' ? defaultBox() : null);
  const setBox = (k: 'min' | 'max', axis: number, v: string) => {
    const b = sec.box ?? defaultBox();
    const next = { min: [...b.min] as [number, number, number], max: [...b.max] as [number, number, number] };
    next[k][axis] = num(v, b[k][axis]);
    setSection({ box: next });
  };
  return (
    <section className="panel" aria-label="Section">
      <h2>Section and clip</h2>
      <div className="toggle" role="group" aria-label="Clipping">
        {(['off', 'slab', 'box'] as const).map((m) => (
          <button key={m} aria-pressed={sec.mode === m} className={sec.mode === m ? 'on' : ''} onClick={() => setSection({ mode: m, ...(m === 'box' && !sec.box ? { box: defaultBox() } : {}) })}>
            {m === 'off' ? 'None' : m === 'slab' ? 'Section' : 'Clip box'}
          </button>
        ))}
      </div>
      {sec.mode !== 'box' && (
        <>
          <button className={`wide ${sec.placing ? 'on' : ''}`} aria-pressed={sec.placing} onClick={() => setSection({ placing: !sec.placing, picks: [] })}>
            {sec.placing ? `Click ${2 - sec.picks.length} point${sec.picks.length ? '' : 's'} on the view…` : 'Place section by two clicks'}
          </button>
          <label className="row"><span>Azimuth (°)</span><input className="num" type="number" aria-label="Section azimuth in degrees" value={Math.round(sec.azimuth * 10) / 10} onChange={(e) => setSection({ azimuth: ((num(e.target.value, sec.azimuth) % 360) + 360) % 360, mode: 'slab' })} /></label>
          <label className="row"><span>Through E (m)</span><input className="num wide-num" type="number" aria-label="Section easting in m" value={Math.round(sec.centre[0])} onChange={(e) => setSection({ centre: [num(e.target.value, sec.centre[0]), sec.centre[1]], mode: 'slab' })} /></label>
          <label className="row"><span>Through N (m)</span><input className="num wide-num" type="number" aria-label="Section northing in m" value={Math.round(sec.centre[1])} onChange={(e) => setSection({ centre: [sec.centre[0], num(e.target.value, sec.centre[1])], mode: 'slab' })} /></label>
          <label className="row"><span>Width (m)</span><input type="range" min={5} max={400} step={5} aria-label="Section width in m" value={sec.width} onChange={(e) => setSection({ width: Number(e.target.value), mode: 'slab' })} /><output className="num">{sec.width} m</output></label>
          <button className="wide" disabled={sec.mode !== 'slab'} onClick={() => store.getState().requestView('section')}>View section (orthographic)</button>
        </>
      )}
      {sec.mode === 'box' && box && (
        <div className="box-grid">
          {(['E', 'N', 'Z'] as const).map((axis, i) => (
            <div key={axis} className="row">
              <span>{axis === 'Z' ? 'Elev. (m)' : `${axis} (m)`}</span>
              <input className="num wide-num" type="number" aria-label={`Clip box minimum ${axis} in m`} value={Math.round(box.min[i])} onChange={(e) => setBox('min', i, e.target.value)} />
              <input className="num wide-num" type="number" aria-label={`Clip box maximum ${axis} in m`} value={Math.round(box.max[i])} onChange={(e) => setBox('max', i, e.target.value)} />
            </div>
          ))}
        </div>
      )}
      <label className="row" title="Faults, host rock and topography are cut at the model box (the axes box around the veins and holes) so no plane runs off the picture">
        <input type="checkbox" checked={modelClip.on} onChange={(e) => setModelClip({ on: e.target.checked })} />
        <span>Cut faults, host and topography at the model box</span>
      </label>
      {modelClip.on && (
        <label className="row">
          <span>Box margin (m)</span>
          <input className="num" type="number" min={0} step={50} aria-label="Model box margin in m" value={modelClip.margin} onChange={(e) => setModelClip({ margin: num(e.target.value, modelClip.margin) })} />
        </label>
      )}
      <label className="row">
        <span>Vertical ×</span>
        <select aria-label="Vertical exaggeration" value={ve} onChange={(e) => setVe(Number(e.target.value))}>
          {[1, 1.5, 2, 3, 5].map((v) => <option key={v} value={v}>{v === 1 ? '1 (true scale)' : `${v}×`}</option>)}
        </select>
      </label>
    </section>
  );
}
