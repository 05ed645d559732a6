/**
 * An intercept's derivation (domain/interceptDerivation.ts) as a card: every piece of core with its
 * grade as assayed and as capped and how it was counted, the sums that give the intercept's grade,
 * the dilution taken, the widths and vein orientation, grade × width and the settings. Opened from an
 * intercept table row, the long section's pierce points, the selection card and the API.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { interceptDerivation } from '../../domain/interceptDerivation';
import { store, useVeinscape } from '../../state/store';
import { fixedNumber, shortNumber } from '../../i18n/numbers';
import { widthName } from '../../i18n/interceptText';
import { localText } from '../../i18n/localText';
import { parameterItems } from '../intercepts/derivationText';
import './derivation.css';

export function DerivationCard() {
  const open = useVeinscape((s) => s.derivationOpen);
  const model = useVeinscape((s) => s.model);
  const method = useVeinscape((s) => s.prepared?.method ?? s.desurveyMethod);
  const { t, i18n } = useTranslation('derivation');
  // The vein by its name in the user's language (the id when the zone is unknown).
  const zoneName = (id: string) => { const z = model?.zones.find((x) => x.id === id); return z ? localText(z, 'name', i18n.language) : id; };
  const lang = i18n.language;
  // A card left open across a change of dataset shows nothing rather than another hole's samples.
  const d = useMemo(() => {
    if (!open || !model || model.holes[open.intercept.holeIndex]?.id !== open.intercept.holeId) return null;
    return interceptDerivation(model, open.intercept, open.options, method);
  }, [open, model, method]);
  if (!d) return null;
  const n = (v: number | null, digits = 2) => (v === null || !Number.isFinite(v) ? t('unknown') : fixedNumber(v, digits, lang));
  const unit = d.parameters.unit;
  const close = () => store.getState().openDerivation(null);
  return (
    <aside className="card derivation-card" aria-label={t('card')} data-testid="derivation-card" data-grade={d.grade} data-hole={d.holeId}>
      <header>
        <h2>{t('title', { hole: d.holeId, from: n(d.from), to: n(d.to) })}</h2>
        <button className="close" aria-label={t('close')} onClick={close}>×</button>
      </header>
      <div className="derivation-body">
        <table className="derivation-table">
          <thead>
            <tr>
              <th>{t('col.from')}</th>
              <th>{t('col.to')}</th>
              <th>{t('col.assayed', { unit })}</th>
              <th>{t('col.capped', { unit })}</th>
              <th>{t('col.weight')}</th>
              <th className="text">{t('col.counted')}</th>
            </tr>
          </thead>
          <tbody>
            {d.samples.map((s) => (
              <tr key={s.from} data-testid="derivation-sample" data-counted={s.countedAs} className={s.countedAs === 'sample' ? undefined : 'below'}>
                <td>{n(s.from)}</td>
                <td>{n(s.to)}</td>
                <td data-testid="derivation-assayed">{n(s.assayed, 3)}</td>
                <td data-testid="derivation-capped" title={s.wasCapped ? t('cappedMark', { topCut: n(d.parameters.topCut, 3) }) : undefined}>{n(s.capped, 3)}{s.wasCapped ? ' *' : ''}</td>
                <td data-testid="derivation-weight">{n(s.weight, 3)}</td>
                <td className="text">{t(`counted.${s.countedAs}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p data-testid="derivation-total">{t('total', { weight: n(d.totalWeight, 3), sum: n(d.cappedSum, 3), grade: n(d.grade), unit, uncapped: n(d.gradeUncapped) })}</p>
        <p>{t('dilution', { length: n(d.dilutionLength), run: n(d.longestDilutionRun), max: n(d.parameters.maxDilution), unsampled: n(d.unsampledLength), capped: d.cappedCount, below: d.belowDetectionCount })}</p>
        <p>{t('widths', { core: n(d.widths.coreLength), tw: n(d.widths.trueWidth), hw: n(d.widths.horizontalWidth) })}</p>
        <p data-testid="derivation-gm">{t('gramMetres', { grade: n(d.grade), width: n(d.width), tag: widthName(d.widthKind, 'short', lang), gm: n(d.gramMetres), unit })}</p>
        <p>
          {d.vein
            ? t('vein', { zone: zoneName(d.vein.zoneId), dip: n(d.vein.dip, 1), dipDirection: n(d.vein.dipDirection, 1), how: d.vein.pierced ? t('pierced') : t('nearest', { distance: n(d.vein.distance, 1) }) })
            : t('noVein')}
        </p>
        <p data-testid="derivation-parameters">{t('parameters', { list: parameterItems(d.parameters, lang, (v) => shortNumber(v, 3, lang)).join('; ') })}</p>
      </div>
    </aside>
  );
}
