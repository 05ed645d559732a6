import { describe, expect, it } from 'vitest';
import { exportText } from './exportSvg';
import { interceptFootnote } from '../../overlay/interceptFootnote';

describe("the long section's export", () => {
  it('carries the footnote in its footer', () => {
    const note = interceptFootnote({ cutoff: 0, minLength: 0, maxDilution: 0, topCut: 45, widthBasis: 'horizontal', unsampled: 'zero' }, 'minimum-curvature');
    const text = exportText({ project: { name: 'p' }, system: 's', strike: 90, lookAzimuth: 0, veText: 'VE 1:1', labelHint: 'h', method: 'm', inferred: false, date: new Date(2025, 0, 1), interceptFootnote: note });
    expect(text.disclosure.map((d) => d.text)).toContain('Intercepts: cut-off 0.0 g/t Au, capped at 45 g/t, minimum 0.0 m, up to 0.0 m internal dilution, unsampled core at zero grade; widths horizontal (HW); desurvey minimum curvature.');
  });
});
