/** Drill-hole settings: desurvey method (shown everywhere holes are), intercept labels (Save project is in the Project panel). */
import { store, useVeinscape } from '../state/store';
import { redesurvey } from '../data/loadSource';
import { DESURVEY_METHOD_LABEL, type DesurveyMethod } from '../domain/desurvey';

export function DrillPanel() {
  const method = useVeinscape((s) => s.desurveyMethod);
  const labels = useVeinscape((s) => s.interceptLabels);
  const setLabels = useVeinscape((s) => s.setInterceptLabels);
  const hasModel = useVeinscape((s) => !!s.model);
  if (!hasModel) return null;
  return (
    <section className="panel" aria-label="Drill holes">
      <h2>Drill holes</h2>
      <label className="row">
        <span>Desurvey</span>
        <select aria-label="Desurvey method" value={method} onChange={(e) => void redesurvey(store, e.target.value as DesurveyMethod)}>
          {Object.entries(DESURVEY_METHOD_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
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
        /> Intercept labels (grade over width)
      </label>
    </section>
  );
}
