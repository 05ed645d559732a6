/** Drill-hole settings: desurvey method (shown everywhere holes are), intercept labels (Save project is in the Project panel). */
import { store, useVeinscape } from '../state/store';
import { redesurvey } from '../data/loadSource';
import { DESURVEY_METHOD_LABEL, type DesurveyMethod } from '../domain/desurvey';
import { useTranslation } from 'react-i18next';

export function DrillPanel() {
  const method = useVeinscape((s) => s.desurveyMethod);
  const labels = useVeinscape((s) => s.interceptLabels);
  const setLabels = useVeinscape((s) => s.setInterceptLabels);
  const hasModel = useVeinscape((s) => !!s.model);
  const { t } = useTranslation('drill');
  if (!hasModel) return null;
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <label className="row">
        <span>{t('desurvey')}</span>
        <select aria-label={t('desurveyMethod')} value={method} onChange={(e) => void redesurvey(store, e.target.value as DesurveyMethod)}>
          {Object.entries(DESURVEY_METHOD_LABEL).map(([k, v]) => <option key={k} value={k}>{t(`method.${k}`, { defaultValue: v })}</option>)}
        </select>
      </label>
      <label className="row check">
        <input
          type="checkbox"
          checked={labels}
          onChange={(e) => {
            if (e.target.checked && store.getState().intercepts.length === 0) store.getState().runIntercepts();
            setLabels(e.target.checked);
          }}
        /> {t('interceptLabels')}
      </label>
    </section>
  );
}
