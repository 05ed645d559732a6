import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../export/download';
import { captionsFor, ILLUSTRATIVE_MARK, INFERRED_CAUTION, inferredVisible, isoDate, NO_QP, type CaptionState } from './captions';
import { DEFAULT_LAYERS } from '../state/slices/layers';
import { loadDepositText } from '../data/load';

const loaded = loadDepositText(readFileSync(new URL('../../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json').model!;
const sample = () => loaded;

function state(patch: Partial<CaptionState> = {}): CaptionState {
  const model = sample();
  return {
    model,
    desurveyMethod: 'minimum-curvature',
    layerVisible: { ...DEFAULT_LAYERS },
    zoneVisible: Object.fromEntries(model.zones.map((z) => [z.id, true])),
    ...patch,
  };
}

const day = new Date(2025, 5, 1, 23, 30);

describe('captionsFor', () => {
  it('titles the image with the project name and gives date, desurvey method and grid', () => {
    const c = captionsFor(state(), day);
    expect(c.title).toBe('Rocmec 1 (Russian Kid) - illustrative model');
    expect(c.subtitle).toContain('June 1, 2025');
    expect(c.subtitle).toContain('Desurvey: minimum curvature');
    expect(c.subtitle).toContain('NAD83 / UTM zone 17N (EPSG:26917)');
  });

  it('names the desurvey method in use', () => {
    expect(captionsFor(state({ desurveyMethod: 'balanced-tangential' }), day).subtitle).toContain('Desurvey: balanced tangential');
    expect(captionsFor(state({ desurveyMethod: 'tangential' }), day).subtitle).toContain('Desurvey: tangential');
  });

  it("carries the dataset's disclaimer and qualified-person text, and the illustrative mark", () => {
    const c = captionsFor(state(), day);
    expect(c.footer[0]).toMatch(/^ILLUSTRATIVE MODEL - NOT A RESOURCE MODEL/);
    expect(c.footer[1]).toMatch(/No qualified person/);
    expect(c.mark).toBe(ILLUSTRATIVE_MARK);
    expect(c.mark).toBe('Illustrative model - not a resource model');
  });

  it('adds the NI 43-101 cautionary statement only while inferred resources are visible', () => {
    const off = captionsFor(state(), day);
    expect(off.inferred).toBe(false);
    expect(off.footer).not.toContain(INFERRED_CAUTION);
    const on = captionsFor(state({ layerVisible: { ...DEFAULT_LAYERS, resources: true } }), day);
    expect(on.inferred).toBe(true);
    expect(on.footer[on.footer.length - 1]).toBe(INFERRED_CAUTION);
    expect(INFERRED_CAUTION).toMatch(/^Mineral resources that are not mineral reserves do not have demonstrated economic viability\. Inferred mineral resources are too speculative geologically/);
  });

  it('drops the statement when the only zone with inferred outlines is hidden', () => {
    const s = state({ layerVisible: { ...DEFAULT_LAYERS, resources: true } });
    expect(inferredVisible({ ...s, zoneVisible: { ...s.zoneVisible, 'mcdowell-1': false } })).toBe(false);
    expect(inferredVisible({ ...s, zoneVisible: { ...s.zoneVisible, 'talus': false } })).toBe(true);
  });

  it('treats a visible zone named inferred as inferred material', () => {
    const base = state();
    const model = { ...base.model!, resourceCategories: [], zones: [...base.model!.zones, { id: 'z-inf', name: 'McDowell inferred block', color: '#a6dba0', kind: 'vein' as const }] };
    expect(inferredVisible({ ...base, model, zoneVisible: { ...base.zoneVisible, 'z-inf': true } })).toBe(true);
    expect(inferredVisible({ ...base, model, zoneVisible: { ...base.zoneVisible, 'z-inf': false } })).toBe(false);
    expect(inferredVisible({ ...base, model, zoneVisible: { ...base.zoneVisible, 'z-inf': true }, layerVisible: { ...DEFAULT_LAYERS, veins: false } })).toBe(false);
  });

  it('prefixes a bare qualified-person name and says so when none is named', () => {
    const base = state();
    const project = { ...base.model!.project, qualifiedPerson: 'Jane Doe, P.Geo., OGQ', illustrative: false, disclaimer: undefined, texts: undefined };
    const c = captionsFor({ ...base, model: { ...base.model!, project } }, day);
    expect(c.footer).toEqual(['Qualified person: Jane Doe, P.Geo., OGQ']);
    expect(c.mark).toBeNull();
    const none = captionsFor({ ...base, model: { ...base.model!, project: { ...project, qualifiedPerson: undefined } } }, day);
    expect(none.footer).toEqual([NO_QP]);
  });

  it('works with no dataset', () => {
    const c = captionsFor({ model: null, desurveyMethod: 'minimum-curvature', layerVisible: { ...DEFAULT_LAYERS }, zoneVisible: {} }, day);
    expect(c).toMatchObject({ title: 'Veinscape', footer: [], inferred: false, mark: null });
  });
});

describe('captionsFor in French', () => {
  const NBSP = '\u00a0';
  it('writes the title block as a Quebec geologist does: the date, "Calcul de trajectoire", the exaggeration', () => {
    const c = captionsFor({ ...state(), verticalExaggeration: 2 } as CaptionState, day, 'fr');
    expect(c.subtitle).toBe(`1 juin 2025  ·  Calcul de trajectoire${NBSP}: courbure minimale  ·  NAD83 / UTM zone 17N (EPSG:26917)  ·  Exagération verticale 2×`);
    expect(captionsFor({ ...state(), verticalExaggeration: 1.5 } as CaptionState, day, 'fr').subtitle).toContain('Exagération verticale 1,5×');
    expect(captionsFor(state({ desurveyMethod: 'balanced-tangential' }), day, 'fr').subtitle).toContain(`Calcul de trajectoire${NBSP}: tangentielle équilibrée`);
    expect(c.mark).toBe('Modèle illustratif - pas un modèle de ressources');
  });

  it('says who the qualified person is, or that none is named, with a no-break space before the colon', () => {
    const base = state();
    const project = { ...base.model!.project, qualifiedPerson: 'Jeanne Roy, géo., OGQ', illustrative: false, disclaimer: undefined, texts: undefined };
    expect(captionsFor({ ...base, model: { ...base.model!, project } }, day, 'fr').footer).toEqual([`Personne qualifiée${NBSP}: Jeanne Roy, géo., OGQ`]);
    // A statement that already says what it is stays as written.
    const written = { ...project, qualifiedPerson: 'Personne qualifiée : Jeanne Roy' };
    expect(captionsFor({ ...base, model: { ...base.model!, project: written } }, day, 'fr').footer).toEqual(['Personne qualifiée : Jeanne Roy']);
    const none = { ...project, qualifiedPerson: undefined };
    expect(captionsFor({ ...base, model: { ...base.model!, project: none } }, day, 'fr').footer).toEqual([`Personne qualifiée${NBSP}: aucune n’est nommée dans ce jeu de données.`]);
  });

  it("takes the dataset's own texts in French when it gives them, else its default text", () => {
    const base = state();
    const project = {
      ...base.model!.project, name: 'Lac Doré - illustrative', disclaimer: 'Synthetic data.', qualifiedPerson: 'Jane Doe, P.Geo.',
      texts: { name: { en: 'Lac Doré - illustrative', fr: 'Lac Doré - illustratif' }, qualifiedPerson: { en: 'Jane Doe, P.Geo.', fr: 'Jeanne Roy, géo.' } },
    };
    const fr = captionsFor({ ...base, model: { ...base.model!, project } }, day, 'fr');
    expect(fr.title).toBe('Lac Doré - illustratif');
    expect(fr.footer).toEqual(['Synthetic data.', `Personne qualifiée${NBSP}: Jeanne Roy, géo.`]);
    const en = captionsFor({ ...base, model: { ...base.model!, project } }, day, 'en');
    expect(en.title).toBe('Lac Doré - illustrative');
    expect(en.footer).toEqual(['Synthetic data.', 'Qualified person: Jane Doe, P.Geo.']);
  });

  it('ends the footer with the Regulation 43-101 cautionary statement in French while inferred resources show', () => {
    const on = captionsFor(state({ layerVisible: { ...DEFAULT_LAYERS, resources: true } }), day, 'fr');
    expect(on.inferred).toBe(true);
    expect(on.footer[on.footer.length - 1]).toBe(
      'Les ressources minérales qui ne sont pas des réserves minérales n’ont pas démontré leur viabilité économique. Les ressources minérales présumées sont trop spéculatives sur le plan géologique pour qu’on leur applique des considérations économiques qui permettraient de les classer dans la catégorie des réserves minérales.',
    );
    expect(on.caution).toBe(on.footer[on.footer.length - 1]);
    expect(captionsFor(state(), day, 'fr').footer.some((l) => l.startsWith('Les ressources minérales'))).toBe(false);
  });
});

describe('isoDate and exportFileName', () => {
  it('formats the local calendar date as yyyy-mm-dd', () => {
    expect(isoDate(new Date(2024, 0, 9, 0, 5))).toBe('2024-01-09');
    expect(isoDate(new Date(2024, 11, 31, 23, 59))).toBe('2024-12-31');
  });

  it('names the file after the project and the size', () => {
    expect(exportFileName('Rocmec 1 (Russian Kid) - illustrative model', 3840, 2160)).toBe('rocmec-1-russian-kid-illustrative-model-3840x2160.png');
    expect(exportFileName('Mine de l’Évêché', 1920, 1080)).toBe('mine-de-l-eveche-1920x1080.png');
    expect(exportFileName(undefined, 800, 600)).toBe('veinscape-800x600.png');
  });
});

describe('calendarDate', () => {
  it('writes a YYYY-MM-DD date as each language does, on that calendar day whatever the time zone', async () => {
    const { calendarDate } = await import('./captions');
    expect(calendarDate('2005-11-08', 'en')).toBe('November 8, 2005');
    expect(calendarDate('1989-03-15', 'fr')).toBe('15 mars 1989');
    expect(calendarDate('2006-01-01', 'fr')).toBe('1 janvier 2006');
  });
});
