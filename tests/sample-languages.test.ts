/**
 * The sample carries every text the screen shows from the dataset in English and in French
 * (issue 20), the French written as Quebec writes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from '../src/data/load';

const doc = JSON.parse(readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8'));

/** Every text field that may hold languages, with its JSON path. */
const texts: [string, unknown][] = [
  ['$.project.name', doc.project.name],
  ['$.project.disclaimer', doc.project.disclaimer],
  ['$.project.qualifiedPerson', doc.project.qualifiedPerson],
  ...doc.zones.map((z: { name: unknown }, i: number) => [`$.zones[${i}].name`, z.name]),
  // Vein-system names that are words, not proper names (McDowell, Talus, Front West are names in both).
  ...doc.zones.flatMap((z: { system?: unknown }, i: number) => (z.system !== undefined && typeof z.system !== 'string' ? [[`$.zones[${i}].system`, z.system]] : [])),
  ...doc.faults.map((f: { name: unknown }, i: number) => [`$.faults[${i}].name`, f.name]),
  ...doc.views.flatMap((v: { name: unknown; caption: unknown }, i: number) => [
    [`$.views[${i}].name`, v.name],
    [`$.views[${i}].caption`, v.caption],
  ]),
];

describe('the sample in both languages', () => {
  it.each(texts)('%s is given in English and in French', (_path, value) => {
    expect(value).toEqual({ en: expect.any(String), fr: expect.any(String) });
    const { en, fr } = value as { en: string; fr: string };
    expect(en.trim()).not.toBe('');
    expect(fr.trim()).not.toBe('');
  });

  it('the French uses the Quebec words and typography: a no-break space before a colon, none before a semicolon', () => {
    const french = texts.map(([, v]) => (v as { fr: string }).fr);
    for (const t of french) {
      expect(t).not.toMatch(/[^\u00a0]:/);
      expect(t).not.toMatch(/\s;/);
    }
    expect(doc.zones.find((z: { id: string }) => z.id === 'mcdowell-1').name.fr).toBe('Filon McDowell 1 (principal)');
    expect(doc.faults[0].name.fr).toBe('Faille F1');
    expect(doc.views[2].name.fr).toBe('Section longitudinale\u00a0: McDowell');
    // Numbers written by Intl for French: a narrow no-break space between thousands, a decimal comma.
    expect(doc.views[2].caption.fr).toContain('1\u202f660 m en direction');
    expect(doc.views[2].caption.fr).toContain('6,07 g/t Au sur 0,82 m d’épaisseur horizontale');
  });

  it('loads with no warning, the English in the plain fields as before', () => {
    const { model, report } = validateDeposit(doc, 'rocmec1.json');
    expect(report.warnings.filter((w) => /name|caption|disclaimer|qualifiedPerson/.test(w.path))).toEqual([]);
    expect(model!.project.name).toBe('Rocmec 1 (Russian Kid) - illustrative model');
    expect(model!.zones[0].name).toBe('McDowell Set 1 (Main)');
    expect(model!.views[0].name).toBe('Rocmec 1 overview');
  });

  it('names a vein system in the user\'s language, its English text staying the id views and the API use', async () => {
    const { systemName } = await import('../src/i18n/localText');
    const { model } = validateDeposit(doc, 'rocmec1.json');
    const north = model!.zones.find((z) => z.id === 'north-vein')!;
    expect(north.system).toBe('North Vein');
    expect(systemName(model!.zones, 'North Vein', 'fr')).toBe('Filon Nord');
    expect(systemName(model!.zones, 'North Vein', 'en')).toBe('North Vein');
    expect(systemName(model!.zones, 'McDowell', 'fr')).toBe('McDowell');
    expect(doc.zones.filter((z: { system?: unknown }) => typeof z.system === 'object').length).toBe(4);
  });
});
