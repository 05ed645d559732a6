/**
 * The legend block of "grade on the vein": the g/t·m classes the veins are coloured by (the long
 * section's contour classes), below the first level, no data within the search radius, and which
 * width the figure uses. Shown only while the veins are coloured so.
 */
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../../state/store';
import './gradeThickness.css';
import { gtLegendLabels, gtLegendNote, gtLegendTitle } from '../../overlay/gradeThicknessText';

export function GradeThicknessLegend() {
  const { t, i18n } = useTranslation('legend');
  const on = useVeinscape((s) => s.veinColour === 'gradeThickness' && s.layerVisible.veins);
  const pending = useVeinscape((s) => s.veinGradePending);
  const basis = useVeinscape((s) => s.interceptQuery.widthBasis);
  if (!on) return null;
  return (
    <div className="gt-legend" data-testid="legend-grade-thickness">
      <h3>{gtLegendTitle(i18n.language)}</h3>
      <ul className="bins">
        {gtLegendLabels(i18n.language).map((it) => (
          <li key={it.label}><span className="swatch" style={{ background: it.colour }} />{it.label}</li>
        ))}
      </ul>
      <p className="hint">{`${gtLegendNote(basis, i18n.language)}${pending ? ` · ${t('computing')}` : ''}`}</p>
    </div>
  );
}
