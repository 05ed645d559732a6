/**
 * Vertical section (placed by two clicks or by azimuth and position, with a slab width), clip box,
 * and vertical exaggeration. The section view looks across the section, orthographic.
 */
import { store, useVeinscape } from '../state/store';
import { dataBox } from '../domain/bounds';
import { useTranslation } from 'react-i18next';
import { shortNumber } from '../i18n/numbers';
import { DecimalInput } from './DecimalInput';

export function SectionPanel() {
  const sec = useVeinscape((s) => s.section);
  const setSection = useVeinscape((s) => s.setSection);
  const ve = useVeinscape((s) => s.verticalExaggeration);
  const setVe = useVeinscape((s) => s.setVerticalExaggeration);
  const has = useVeinscape((s) => !!s.prepared);
  const modelClip = useVeinscape((s) => s.modelClip);
  const setModelClip = useVeinscape((s) => s.setModelClip);
  const { t, i18n } = useTranslation('section');
  if (!has) return null;
  const defaultBox = () => {
    const s = store.getState();
    const b = dataBox(s.model!, s.prepared!);
    const o = s.prepared!.origin;
    return { min: [b.min[0] + o[0], b.min[1] + o[1], b.min[2] + o[2]] as [number, number, number], max: [b.max[0] + o[0], b.max[1] + o[1], b.max[2] + o[2]] as [number, number, number] };
  };
  const box = sec.box ?? (sec.mode === 'box' ? defaultBox() : null);
  const setBox = (k: 'min' | 'max', axis: number, v: number) => {
    const b = sec.box ?? defaultBox();
    const next = { min: [...b.min] as [number, number, number], max: [...b.max] as [number, number, number] };
    next[k][axis] = v;
    setSection({ box: next });
  };
  return (
    <section className="panel" aria-label={t('region')}>
      <h2>{t('title')}</h2>
      <div className="toggle" role="group" aria-label={t('clipping')}>
        {(['off', 'slab', 'box'] as const).map((m) => (
          <button key={m} aria-pressed={sec.mode === m} className={sec.mode === m ? 'on' : ''} onClick={() => setSection({ mode: m, ...(m === 'box' && !sec.box ? { box: defaultBox() } : {}) })}>
            {t(`mode.${m}`)}
          </button>
        ))}
      </div>
      {sec.mode !== 'box' && (
        <>
          <button className={`wide ${sec.placing ? 'on' : ''}`} aria-pressed={sec.placing} onClick={() => setSection({ placing: !sec.placing, picks: [] })}>
            {sec.placing ? t('clickPoints', { count: 2 - sec.picks.length }) : t('place')}
          </button>
          <label className="row"><span>{t('azimuth')}</span><DecimalInput className="num" aria-label={t('azimuthLabel')} value={Math.round(sec.azimuth * 10) / 10} empty={sec.azimuth} onValue={(v) => setSection({ azimuth: ((v % 360) + 360) % 360, mode: 'slab' })} /></label>
          <label className="row"><span>{t('throughE')}</span><DecimalInput className="num wide-num" aria-label={t('eastingLabel')} value={Math.round(sec.centre[0])} empty={sec.centre[0]} onValue={(v) => setSection({ centre: [v, sec.centre[1]], mode: 'slab' })} /></label>
          <label className="row"><span>{t('throughN')}</span><DecimalInput className="num wide-num" aria-label={t('northingLabel')} value={Math.round(sec.centre[1])} empty={sec.centre[1]} onValue={(v) => setSection({ centre: [sec.centre[0], v], mode: 'slab' })} /></label>
          <label className="row"><span>{t('width')}</span><input type="range" min={5} max={400} step={5} aria-label={t('widthLabel')} value={sec.width} onChange={(e) => setSection({ width: Number(e.target.value), mode: 'slab' })} /><output className="num">{sec.width} m</output></label>
          <button className="wide" disabled={sec.mode !== 'slab'} onClick={() => store.getState().requestView('section')}>{t('view')}</button>
        </>
      )}
      {sec.mode === 'box' && box && (
        <div className="box-grid">
          {(['E', 'N', 'Z'] as const).map((axis, i) => (
            <div key={axis} className="row">
              <span>{axis === 'Z' ? t('boxElevation') : t('boxAxis', { axis })}</span>
              <DecimalInput className="num wide-num" aria-label={t('boxMin', { axis })} value={Math.round(box.min[i])} empty={box.min[i]} onValue={(v) => setBox('min', i, v)} />
              <DecimalInput className="num wide-num" aria-label={t('boxMax', { axis })} value={Math.round(box.max[i])} empty={box.max[i]} onValue={(v) => setBox('max', i, v)} />
            </div>
          ))}
        </div>
      )}
      <label className="row" title={t('modelClipTitle')}>
        <input type="checkbox" checked={modelClip.on} onChange={(e) => setModelClip({ on: e.target.checked })} />
        <span>{t('modelClip')}</span>
      </label>
      {modelClip.on && (
        <label className="row">
          <span>{t('margin')}</span>
          <DecimalInput className="num" min={0} step={50} aria-label={t('marginLabel')} value={modelClip.margin} empty={modelClip.margin} onValue={(v) => setModelClip({ margin: v })} />
        </label>
      )}
      <label className="row">
        <span>{t('vertical')}</span>
        <select aria-label={t('verticalLabel')} value={ve} onChange={(e) => setVe(Number(e.target.value))}>
          {[1, 1.5, 2, 3, 5].map((v) => <option key={v} value={v}>{v === 1 ? t('trueScale') : t('times', { v: shortNumber(v, 1, i18n.language) })}</option>)}
        </select>
      </label>
    </section>
  );
}
