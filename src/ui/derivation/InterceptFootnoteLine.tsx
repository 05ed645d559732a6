/**
 * The intercept footnote (overlay/interceptFootnote.ts) under a presentation step's caption, when
 * the step shows intercept labels or veins coloured by grade × thickness, as exported images carry it.
 */
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../../state/store';
import { interceptFootnote } from '../../overlay/interceptFootnote';
import './derivation.css';

export function InterceptFootnoteLine() {
  const shows = useVeinscape((s) => s.interceptLabels || s.veinColour === 'gradeThickness');
  const q = useVeinscape((s) => s.interceptQuery);
  const method = useVeinscape((s) => s.desurveyMethod);
  // The unit and element the labels name, once there are intercepts.
  const parts = useVeinscape((s) => (s.intercepts.length ? s.intercepts.words : undefined));
  const { i18n } = useTranslation();
  if (!shows) return null;
  return <div className="tour-footnote" data-testid="tour-footnote">{interceptFootnote(q, method, i18n.language, parts?.unit, parts?.element)}</div>;
}
