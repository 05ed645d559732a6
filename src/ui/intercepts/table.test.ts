import { describe, expect, it } from 'vitest';
import type { Intercept } from '../../domain/intercepts';
import { elementName, fmt, nextSort, sortIntercepts, summaryText } from './table';

const row = (holeId: string, from: number, gramMetres: number, hw: number | null, zoneId: string | null = null) =>
  ({ holeId, from, to: from + 1, coreLength: 1, gramMetres, grade: gramMetres, gradeUncapped: gramMetres, horizontalWidth: hw, trueWidth: hw, zoneId }) as unknown as Intercept;

describe('intercept table helpers', () => {
  const rows = [row('RK-10', 5, 3, 0.5, 'b'), row('RK-2', 10, 8, null, 'a'), row('RK-2', 1, 1, 0.9, null)];

  it('sorts numbers both ways with unknown values last, holes naturally', () => {
    expect(sortIntercepts(rows, { key: 'gramMetres', dir: 'desc' }).map((r) => r.gramMetres)).toEqual([8, 3, 1]);
    expect(sortIntercepts(rows, { key: 'gramMetres', dir: 'asc' }).map((r) => r.gramMetres)).toEqual([1, 3, 8]);
    expect(sortIntercepts(rows, { key: 'hw', dir: 'asc' }).map((r) => r.horizontalWidth)).toEqual([0.5, 0.9, null]);
    expect(sortIntercepts(rows, { key: 'hw', dir: 'desc' }).map((r) => r.horizontalWidth)).toEqual([0.9, 0.5, null]);
    expect(sortIntercepts(rows, { key: 'hole', dir: 'asc' }).map((r) => `${r.holeId}@${r.from}`)).toEqual(['RK-2@1', 'RK-2@10', 'RK-10@5']);
    expect(sortIntercepts(rows, { key: 'zone', dir: 'asc' }).map((r) => r.zoneId)).toEqual(['a', 'b', null]);
  });

  it('header clicks flip the direction; new numeric columns start descending', () => {
    expect(nextSort({ key: 'gramMetres', dir: 'desc' }, 'gramMetres')).toEqual({ key: 'gramMetres', dir: 'asc' });
    expect(nextSort({ key: 'gramMetres', dir: 'desc' }, 'hole')).toEqual({ key: 'hole', dir: 'asc' });
    expect(nextSort({ key: 'hole', dir: 'asc' }, 'grade')).toEqual({ key: 'grade', dir: 'desc' });
  });

  it('formats, names and parses', () => {
    expect(fmt(null)).toBe('—');
    expect(fmt(1.005 + 1)).toBe('2.00');
    expect(elementName('Au_ppm')).toBe('Au');
    expect(elementName('AU')).toBe('Au');
    expect(summaryText({ count: 487, grade: 6.0712, width: 0.8249, widthKind: 'horizontal', unit: 'g/t' }, 'Au')).toBe(
      '487 intercepts · 6.07 g/t Au over 0.82 m (HW, width-weighted)',
    );
    expect(summaryText({ count: 0, grade: NaN, width: NaN, widthKind: 'core', unit: 'g/t' }, 'Au')).toBe('0 intercepts');
    expect(summaryText({ count: 2, grade: 3, width: 1.5, widthKind: 'true', unit: 'g/t' }, 'Au')).toBe('2 intercepts · 3.00 g/t Au over 1.50 m (TW, width-weighted)');
  });
});

describe('headers', () => {
  it('name their unit on one line for labels', async () => {
    const { COLUMNS, headerText } = await import('./table');
    expect(COLUMNS.map((c) => headerText(c, 'Au', 'g/t'))).toEqual([
      'Hole', 'From (m)', 'To (m)', 'Core (m)', 'TW (m)', 'HW (m)', 'Au capped (g/t)', 'Au uncapped (g/t)', 'g/t·m (HW)', 'Zone',
    ]);
    // Gram-metres say which width they use: the basis chosen in the parameters.
    expect(headerText(COLUMNS.find((c) => c.key === 'gramMetres')!, 'Au', 'g/t', 'core')).toBe('g/t·m (CL)');
  });

  it('a gram-metres cell names its width when it is not the column\'s', async () => {
    const { gramMetresCell } = await import('./table');
    expect(gramMetresCell({ gramMetres: 4.2, widthKind: 'horizontal' }, 'horizontal').text).toBe('4.20');
    expect(gramMetresCell({ gramMetres: 4.2, widthKind: 'core' }, 'horizontal').text).toBe('4.20 CL');
    expect(gramMetresCell({ gramMetres: 4.2, widthKind: 'true' }, 'horizontal').title).toMatch(/^capped grade × TW: no HW here/);
  });
});

describe('in French', () => {
  it('cells with a decimal comma, the summary and headers in French (ÉH, ÉV)', async () => {
    const { i18next } = await import('../../i18n');
    const { COLUMNS, headerText } = await import('./table');
    await i18next.changeLanguage('fr');
    try {
      expect(fmt(6.0712)).toBe('6,07');
      expect(fmt(1234.5, 1)).toBe('1\u202f234,5');
      expect(fmt(null)).toBe('—');
      expect(summaryText({ count: 1487, grade: 6.0712, width: 0.8249, widthKind: 'horizontal', unit: 'g/t' }, 'Au')).toBe(
        '1\u202f487 intersections · 6,07 g/t Au sur 0,82 m (ÉH, pondéré par l’épaisseur)',
      );
      expect(COLUMNS.map((c) => headerText(c, 'Au', 'g/t'))).toEqual([
        'Forage', 'De (m)', 'À (m)', 'Carotte (m)', 'ÉV (m)', 'ÉH (m)', 'Au plafonné (g/t)', 'Au non plafonné (g/t)', 'g/t·m (ÉH)', 'Zone',
      ]);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});

describe('CSV notes', () => {
  it('English: the scope note as before, no column note', async () => {
    const { csvColumnsNote, csvScopeNote } = await import('./table');
    expect(csvScopeNote({ onlyInView: true, inView: 380, total: 1454 }, ['grade ≥ 5 g/t'], 'en')).toBe('intercepts in view: 380 of 1454 (filters: grade ≥ 5 g/t)');
    expect(csvScopeNote({ onlyInView: false, inView: 380, total: 454 }, [], 'en')).toBe('all 454 intercepts, 380 of them in view (no view filter on)');
    expect(csvColumnsNote('g/t', 'en')).toBeNull();
  });

  it('French: the notes in French with plain figures; the column note says what each French header holds', async () => {
    const { csvColumnsNote, csvScopeNote } = await import('./table');
    expect(csvScopeNote({ onlyInView: true, inView: 380, total: 1454 }, [], 'fr')).toBe('intersections dans la vue\u00a0: 380 sur 1454 (aucun filtre de vue)');
    const note = csvColumnsNote('g/t', 'fr')!;
    expect(note.startsWith('Colonnes\u00a0: forage = forage; de_m = de (m); a_m = à (m); longueur_carotte_m = longueur de carotte (m);')).toBe(true);
    expect(note).toContain('teneur_plafonnee_gpt = teneur plafonnée (g/t);');
    expect(note).toContain('epaisseur_horizontale_m = épaisseur horizontale (m);');
    expect(note).toContain('libelle = étiquette.');
  });

  it('the header row: English as the domain writes it, French identifiers in the same order', async () => {
    const { csvHeader } = await import('./table');
    const { interceptCsvHeader } = await import('../../domain/intercepts');
    for (const unit of ['g/t', 'ppm', '%', '']) expect(csvHeader(unit, 'en')).toEqual(interceptCsvHeader(unit));
    expect(csvHeader('g/t', 'fr')).toEqual([
      'forage', 'de_m', 'a_m', 'longueur_carotte_m', 'epaisseur_vraie_m', 'epaisseur_horizontale_m', 'non_echantillonne_m',
      'teneur_plafonnee_gpt', 'teneur_non_plafonnee_gpt', 'grammes_metres', 'grammes_metres_epaisseur', 'zone', 'nom_zone', 'libelle',
    ]);
    expect(csvHeader('ppm', 'fr').slice(7, 11)).toEqual(['teneur_plafonnee_ppm', 'teneur_non_plafonnee_ppm', 'ppm_metres', 'ppm_metres_epaisseur']);
    // Identifiers a program reads: lower-case ASCII, no spaces, whatever the language.
    for (const h of csvHeader('g/t', 'fr')) expect(h).toMatch(/^[a-z0-9_]+$/);
  });
});
