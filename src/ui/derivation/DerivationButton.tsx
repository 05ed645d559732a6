/** The button that opens an intercept's derivation card (intercept table rows, the selection card). */
import { useTranslation } from 'react-i18next';
import type { Intercept, InterceptOptions } from '../../domain/intercepts';
import { store } from '../../state/store';
import './derivation.css';

export function DerivationButton({ intercept, options }: { intercept: Intercept; options: InterceptOptions }) {
  const { t } = useTranslation('derivation');
  return (
    <button
      className="derivation-open" data-testid="derivation-open" title={t('openTitle')}
      onClick={(e) => {
        // The row's own click flies to the intercept; this one only opens the card.
        e.stopPropagation();
        store.getState().openDerivation({ intercept, options });
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {t('open')}
    </button>
  );
}
