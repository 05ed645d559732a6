/**
 * In the selection card: when the picked depth lies inside one of the intercepts the 3D labels
 * show, the button that opens its derivation (a picked intercept label's hole and depth).
 */
import { useMemo } from 'react';
import { useVeinscape } from '../../state/store';
import { DerivationButton } from './DerivationButton';

export function SelectionDerivation() {
  const sel = useVeinscape((s) => s.selection);
  const intercepts = useVeinscape((s) => s.intercepts);
  const options = useVeinscape((s) => s.interceptsFor?.query ?? s.interceptQuery);
  const ic = useMemo(() => (sel ? intercepts.atDepth(sel.hole, sel.depth) : null), [intercepts, sel]);
  if (!ic) return null;
  return <p className="hint" data-testid="selection-derivation"><DerivationButton intercept={ic} options={options} /></p>;
}
