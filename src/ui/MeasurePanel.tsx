/** Result of an offset measurement: separation, azimuth / plunge, and components on a fault. */
import { useVeinscape } from '../state/store';
import { measure } from '../domain/measure';
import { sideValue } from '../domain/faults';
import { useTranslation } from 'react-i18next';
import { namesById } from '../i18n/localText';
import { coord, fixed, metres } from './format';

export function MeasurePanel() {
  const m = useVeinscape((s) => s.measure);
  const prepared = useVeinscape((s) => s.prepared);
  const model = useVeinscape((s) => s.model);
  const setFault = useVeinscape((s) => s.setMeasureFault);
  const clear = useVeinscape((s) => s.clearMeasure);
  const { t, i18n } = useTranslation('measure');
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
  const faultNames = namesById(model.faults, i18n.language);
  const name = (id: string) => faultNames.get(id) ?? id;
  return (
    <aside className="measure card" data-testid="measure-panel" aria-label={t('region')}>
      <header>
        <h2>{t('title')}</h2>
        <button className="close" aria-label={t('close')} onClick={clear}>×</button>
      </header>
      {!r && <p className="hint">{p1 ? t('pickSecond') : t('pickFirst')}</p>}
      {p1 && <p className="pt">{t('point', { name: 'A', e: coord(p1[0]), n: coord(p1[1]), z: coord(p1[2]) })}</p>}
      {p2 && <p className="pt">{t('point', { name: 'B', e: coord(p2[0]), n: coord(p2[1]), z: coord(p2[2]) })}</p>}
      {r && (
        <dl>
          <dt>{t('separation')}</dt><dd data-testid="measure-distance">{metres(r.distance)}</dd>
          <dt>{t('horizontal')}</dt><dd>{metres(r.horizontal)}</dd>
          <dt>{t('vertical')}</dt><dd>{metres(r.vertical)}</dd>
          <dt>{t('azimuth')}</dt><dd>{fixed(r.azimuth, 1)}°</dd>
          <dt>{t('plunge')}</dt><dd>{fixed(r.plunge, 1)}°</dd>
          {r.fault && (
            <>
              <dt>{t('fault')}</dt>
              <dd>
                <select aria-label={t('faultToResolve')} value={r.fault.id} onChange={(e) => setFault(e.target.value)}>
                  {faults.map((f) => <option key={f.id} value={f.id}>{name(f.id)}</option>)}
                </select>
              </dd>
              <dt>{t('strikeSlip')}</dt><dd data-testid="measure-strike-slip">{metres(r.fault.strikeSlip)}</dd>
              <dt>{t('dipSlip')}</dt><dd data-testid="measure-dip-slip">{metres(r.fault.dipSlip)}</dd>
              <dt>{t('acrossFault')}</dt><dd>{metres(r.fault.normal)}</dd>
            </>
          )}
        </dl>
      )}
    </aside>
  );
}
