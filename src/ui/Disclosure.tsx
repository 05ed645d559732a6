/**
 * What must stay on screen for investors (NI 43-101 practice, docs/domain notes): in presentation
 * and embed modes, where the top bar and status bar are hidden, the "Illustrative model" badge and
 * the dataset's disclaimer (one line, with a marker that opens the full text); in every mode, the
 * inferred-resource cautionary statement whenever inferred material is visible (the resources layer
 * with an inferred outline shown, or a long section that draws one).
 *
 * A strip under the view, in the page's flow: it reserves its own space and covers nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n/localText';
import { useVeinscape, type VeinscapeState } from '../state/store';
import { inferredCaution, inferredVisible } from '../overlay/captions';
import { defaultSystem, veinSystems } from '../domain/longSection';

/** Inferred material on screen: in the 3D view (as exports judge it) or on the open long section. */
export function inferredOnScreen(s: Pick<VeinscapeState, 'model' | 'desurveyMethod' | 'layerVisible' | 'zoneVisible' | 'longSection' | 'filters'>): boolean {
  // The resource outlines of a category filtered out are not drawn.
  const resources = s.layerVisible.resources && s.filters.categories.inferred;
  if (inferredVisible({ ...s, layerVisible: { ...s.layerVisible, resources } })) return true;
  const m = s.model;
  if (!m || !s.longSection) return false;
  const systems = veinSystems(m);
  const id = s.longSection.system ?? defaultSystem(systems);
  const zones = systems.find((x) => x.id === id)?.zoneIds ?? [];
  return m.resourceCategories.some((rc) => rc.category === 'inferred' && (rc.zone === undefined || zones.includes(rc.zone)));
}

export function Disclosure() {
  const project = useVeinscape((s) => s.model?.project);
  const presenting = useVeinscape((s) => s.presenting);
  const embed = useVeinscape((s) => s.embed);
  const inferred = useVeinscape(inferredOnScreen);
  const [full, setFull] = useState(false);
  const { t, i18n } = useTranslation('disclosure');
  if (!project) return null;
  const disclaimer = localText(project, 'disclaimer', i18n.language);
  const chrome = presenting || embed;
  if (!chrome && !inferred) return null;
  return (
    <div className={`disclosure${full ? ' full' : ''}`} data-testid="disclosure" role="note" aria-label={t('label')}>
      {chrome && (
        <div className="disclosure-line" data-testid={embed ? 'embed-credit' : undefined}>
          {embed && <span className="disclosure-name">{localText(project, 'name', i18n.language)}</span>}
          {project.illustrative && <span className="badge" data-testid="illustrative-badge" title={t('illustrativeTitle')}>{t('illustrative')}</span>}
          {disclaimer && <span className="disclosure-text" data-testid="disclaimer-shown">{disclaimer}</span>}
          {disclaimer && (
            <button className="link disclosure-more" aria-expanded={full} onClick={() => setFull(!full)} title={full ? t('oneLine') : t('whole')}>
              {full ? t('less') : <><span className="info-mark" aria-hidden="true">i</span>{t('full')}</>}
            </button>
          )}
        </div>
      )}
      {inferred && <p className="disclosure-caution" data-testid="inferred-caution"><strong>{t('inferred')}</strong> {inferredCaution(i18n.language)}</p>}
    </div>
  );
}
