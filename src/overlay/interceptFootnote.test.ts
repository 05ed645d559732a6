import { describe, expect, it } from 'vitest';
import { interceptFootnote } from './interceptFootnote';
import { captionsFor, type CaptionState } from './captions';
import { DEFAULT_LAYERS } from '../state/slices/layers';

const q = { cutoff: 1, minLength: 0.5, maxDilution: 2, topCut: 45, widthBasis: 'horizontal' as const, unsampled: 'zero' as const };

describe('interceptFootnote', () => {
  it('states the intercept settings as a drill-results release does', () => {
    expect(interceptFootnote(q, 'minimum-curvature')).toBe(
      'Intercepts: cut-off 1.0 g/t Au, capped at 45 g/t, minimum 0.5 m, up to 2.0 m internal dilution, unsampled core at zero grade; widths horizontal (HW); desurvey minimum curvature.',
    );
  });
  it('says "uncapped" without a top-cut and keeps the decimals a setting has', () => {
    expect(interceptFootnote({ ...q, topCut: null, cutoff: 0.25, unsampled: 'break', widthBasis: 'true' }, 'tangential')).toBe(
      'Intercepts: cut-off 0.25 g/t Au, uncapped, minimum 0.5 m, up to 2.0 m internal dilution, unsampled core breaks an intercept; widths true (TW); desurvey tangential.',
    );
  });
  it('is written in Quebec French with a decimal comma and a no-break space before the colon', () => {
    expect(interceptFootnote(q, 'minimum-curvature', 'fr')).toBe(
      'Intersections\u00a0: teneur de coupure de 1,0 g/t Au, teneurs plafonnées à 45 g/t, longueur minimale de 0,5 m, jusqu’à 2,0 m de dilution interne, carotte non échantillonnée comptée à teneur nulle; épaisseurs horizontales (ÉH); calcul de trajectoire par courbure minimale.',
    );
  });
  it('goes in an image footer only when intercept labels or grade × thickness are shown', () => {
    const base: CaptionState = { model: null, desurveyMethod: 'minimum-curvature', layerVisible: { ...DEFAULT_LAYERS }, zoneVisible: {}, interceptQuery: q };
    const has = (s: Partial<CaptionState>) => captionsFor({ ...base, ...s }).footer.some((l) => l.startsWith('Intercepts: cut-off 1.0 g/t Au'));
    expect(has({ interceptLabels: false, veinColour: 'zone' })).toBe(false);
    expect(has({ interceptLabels: true, veinColour: 'zone' })).toBe(true);
    expect(has({ interceptLabels: false, veinColour: 'gradeThickness' })).toBe(true);
  });
});
