/**
 * Fault offsets: one slider per fault from restored (0 m) through as mapped to twice the mapped
 * slip (what-if), a toggle that animates between restored and as mapped, and whether drill holes
 * move with their blocks.
 */
import { store, useVeinscape } from '../state/store';
import { EMPTY } from './empty';
import { animateFaultOffsets } from '../state/faultAnimation';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { fixed, metres } from './format';

export function FaultsPanel() {
  const faults = useVeinscape((s) => s.model?.faults ?? EMPTY);
  const offsets = useVeinscape((s) => s.faultOffsets);
  const mapped = useVeinscape((s) => s.mappedOffsets);
  const setFaultOffset = useVeinscape((s) => s.setFaultOffset);
  const follow = useVeinscape((s) => s.holesFollowFaults);
  const setFollow = useVeinscape((s) => s.setHolesFollowFaults);
  const measuring = useVeinscape((s) => s.measure.active);
  const setMeasure = useVeinscape((s) => s.setMeasureActive);
  const { t, i18n } = useTranslation('faults');
  if (faults.length === 0) return null;
  const restored = faults.every((f) => Math.abs(offsets[f.id] ?? 0) < 1e-6);
  const target = (to: 'restored' | 'mapped') => Object.fromEntries(faults.map((f) => [f.id, to === 'restored' ? 0 : (mapped[f.id] ?? 0)]));
  return (
    <section className="panel" aria-label={t('region')}>
      <h2>{t('title')}</h2>
      <div className="toggle" role="group" aria-label={t('restoreOrMapped')}>
        <button aria-pressed={!restored} className={!restored ? 'on' : ''} onClick={() => void animateFaultOffsets(store, target('mapped'))}>{t('asMapped')}</button>
        <button aria-pressed={restored} className={restored ? 'on' : ''} onClick={() => void animateFaultOffsets(store, target('restored'))}>{t('restored')}</button>
      </div>
      {faults.map((f) => {
        const m = mapped[f.id] ?? 0;
        const v = offsets[f.id] ?? 0;
        return (
          <label key={f.id} className="row fault">
            <span title={t('faultTitle', { side: t(`sides.${f.movingSide}`), offset: fixed(m, 1) })}>{localText(f, 'name', i18n.language)}</span>
            <input
              type="range" min={0} max={Math.max(2 * m, 10)} step={0.5} value={v}
              aria-label={t('offsetLabel', { name: localText(f, 'name', i18n.language) })}
              list={`mapped-${f.id}`}
              onChange={(e) => setFaultOffset(f.id, Number(e.target.value))}
            />
            <datalist id={`mapped-${f.id}`}><option value={m} /></datalist>
            <output className="num" data-testid={`fault-offset-${f.id}`}>{metres(v, 1)}</output>
          </label>
        );
      })}
      <label className="row check">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {t('holesFollow')}
      </label>
      <button className={`wide ${measuring ? 'on' : ''}`} aria-pressed={measuring} onClick={() => setMeasure(!measuring)}>
        {measuring ? t('measuring') : t('measure')}
      </button>
      <p className="hint">{t('hint')}</p>
    </section>
  );
}
