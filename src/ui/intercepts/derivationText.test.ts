import { describe, expect, it } from 'vitest';
import { parametersNote, samplesCsvHeader } from './derivationText';
import type { DerivationParameters } from '../../domain/interceptDerivation';

const p: DerivationParameters = {
  table: 'assays', column: 'Au', unit: 'g/t', cutoff: 1, topCut: 45, minLength: 0.5, maxDilution: 2, includeCutoff: null,
  widthBasis: 'horizontal', unsampled: 'zero', domain: null, desurveyMethod: 'minimum-curvature',
};

describe('the CSV words of a derivation', () => {
  it('states the parameters with decimal points, in English and in French', () => {
    expect(parametersNote(p, 'en')).toBe('parameters: grade Au (assays); cut-off 1 g/t; top-cut 45 g/t; minimum length 0.5 m; maximum internal dilution 2 m; width basis horizontal width; unsampled core counted at zero; desurvey minimum curvature');
    expect(parametersNote({ ...p, topCut: null }, 'fr')).toBe(
      'paramètres\u00a0: teneur Au (assays); teneur de coupure 1 g/t; aucun plafonnement; longueur minimale 0.5 m; dilution interne maximale 2 m; épaisseur retenue\u00a0: épaisseur horizontale; carotte non échantillonnée comptée à zéro; calcul de trajectoire par courbure minimale',
    );
  });
  it('names the samples columns with plain identifiers in the interface language', () => {
    expect(samplesCsvHeader('g/t', 'en')).toEqual(['intercept', 'hole_id', 'from_m', 'to_m', 'grade_assayed_gpt', 'grade_capped_gpt', 'counted_as', 'weight_m']);
    expect(samplesCsvHeader('g/t', 'fr')).toEqual(['intersection', 'forage', 'de_m', 'a_m', 'teneur_analysee_gpt', 'teneur_plafonnee_gpt', 'comptee_comme', 'poids_m']);
  });
});
