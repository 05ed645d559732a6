import { describe, expect, it } from 'vitest';
import { SavedView } from './schema';
import { checkSavedView } from './savedViewCheck';

const base = { name: 'Long section', camera: { position: [612345.67, 5343210.12, 412.5], target: [612000, 5343000, 150] } };
const full = {
  name: 'McDowell from the east',
  caption: 'The vein system, restored',
  durationMs: 8000,
  camera: { position: [612345.67, 5343210.12, 412.5], target: [612000, 5343000, 150], projection: 'orthographic', zoom: 0.75 },
  layers: { intervals: true, surfaces: false },
  zones: { mcdowell: true, v2: false },
  filters: {
    gradeCutoff: 3,
    belowCutoff: 'hide',
    elevationMin: null,
    elevationMax: 250,
    status: { drilled: true, planned: false },
    type: { surface: true, underground: true },
    programs: { '2021': true, '2022': false },
    yearMin: 2005,
    yearMax: null,
    depthMin: 10,
    depthMax: 400,
    holeSearch: 'RK05',
    categories: { measured: true, indicated: true, inferred: false },
  },
  faultOffsets: { f1: 0, f2: -12.5 },
  holesFollowFaults: false,
  colorBy: null,
  veinColour: 'gradeThickness',
  longSection: { system: 'mcdowell', fullScreen: true },
};

/** Valid views, and views with one bad or odd field each. */
const cases: [string, unknown][] = [
  ['minimal', base],
  ['every field', full],
  ['unknown keys at every level', { ...full, extra: 1, camera: { ...full.camera, fov: 35 }, filters: { ...full.filters, x: 1, status: { drilled: true, planned: true, other: true } } }],
  ['optional keys present as undefined', { ...base, caption: undefined, filters: { gradeCutoff: undefined }, camera: { ...base.camera, projection: undefined, zoom: undefined } }],
  ['partial filters', { ...base, filters: { gradeCutoff: 0, programs: {} } }],
  ['colorBy a column', { ...base, colorBy: 'Cu' }],
  ['veins by zone', { ...base, veinColour: 'zone' }],
  ['unknown vein colouring', { ...base, veinColour: 'grade' }],
  ['vein colouring null', { ...base, veinColour: null }],
  ['long section, default system, not full screen', { ...base, longSection: { system: null } }],
  ['long section with an empty system', { ...base, longSection: { system: '', fullScreen: true } }],
  ['long section full screen a string', { ...base, longSection: { system: 'x', fullScreen: 'yes' } }],
  ['long section not an object', { ...base, longSection: true }],
  ['long section shaded by distance to data', { ...base, longSection: { system: 'x', fullScreen: false, distanceShading: true } }],
  ['long section not shaded', { ...base, longSection: { system: null, distanceShading: false } }],
  ['long section shading undefined (off)', { ...base, longSection: { system: null, fullScreen: true, distanceShading: undefined } }],
  ['long section shading a string', { ...base, longSection: { system: 'x', fullScreen: true, distanceShading: 'true' } }],
  ['long section shading a number', { ...base, longSection: { system: 'x', distanceShading: 1 } }],
  ['long section shading null', { ...base, longSection: { system: 'x', distanceShading: null } }],
  ['categories missing one', { ...base, filters: { categories: { measured: true, indicated: true } } }],
  ['hole search a number', { ...base, filters: { holeSearch: 5 } }],
  ['only these holes', { ...base, filters: { onlyHoles: ['RK05-012', 'RK88-3'] } }],
  ['only holes null (all)', { ...base, filters: { onlyHoles: null } }],
  ['only holes with a number', { ...base, filters: { onlyHoles: ['RK05-012', 7] } }],
  ['only holes a string', { ...base, filters: { onlyHoles: 'RK05-012' } }],
  ['as disclosed on a date', { ...base, filters: { disclosedOn: '2006-01-01' } }],
  ['disclosure date null (every hole)', { ...base, filters: { disclosedOn: null } }],
  ['disclosure date written day first', { ...base, filters: { disclosedOn: '01/01/2006' } }],
  ['disclosure date a number', { ...base, filters: { disclosedOn: 20060101 } }],
  ['not an object', 'view'],
  ['null', null],
  ['an array', []],
  ['no camera', { name: 'x' }],
  ['empty name', { ...base, name: '' }],
  ['name too long', { ...base, name: 'x'.repeat(201) }],
  ['name a number', { ...base, name: 7 }],
  ['caption too long', { ...base, caption: 'x'.repeat(2001) }],
  ['duration too short', { ...base, durationMs: 100 }],
  ['duration too long', { ...base, durationMs: 700000 }],
  ['duration not an integer', { ...base, durationMs: 1000.5 }],
  ['duration beyond the safe integers', { ...base, durationMs: 1e300 }],
  ['duration a string', { ...base, durationMs: '5000' }],
  ['position of two numbers', { ...base, camera: { ...base.camera, position: [1, 2] } }],
  ['position of four numbers', { ...base, camera: { ...base.camera, position: [1, 2, 3, 4] } }],
  ['position with a string', { ...base, camera: { ...base.camera, position: [1, '2', 3] } }],
  ['position with a null', { ...base, camera: { ...base.camera, position: [1, null, 3] } }],
  ['position not an array', { ...base, camera: { ...base.camera, position: { x: 1 } } }],
  ['target missing', { ...base, camera: { position: [1, 2, 3] } }],
  ['unknown projection', { ...base, camera: { ...base.camera, projection: 'iso' } }],
  ['zoom zero', { ...base, camera: { ...base.camera, zoom: 0 } }],
  ['zoom negative', { ...base, camera: { ...base.camera, zoom: -1 } }],
  ['layers an array', { ...base, layers: [true] }],
  ['layer not a boolean', { ...base, layers: { intervals: 1 } }],
  ['zones null', { ...base, zones: null }],
  ['negative cut-off', { ...base, filters: { gradeCutoff: -1 } }],
  ['unknown below-cut-off mode', { ...base, filters: { belowCutoff: 'grey' } }],
  ['elevation a string', { ...base, filters: { elevationMin: '100' } }],
  ['status half given', { ...base, filters: { status: { drilled: true } } }],
  ['type not an object', { ...base, filters: { type: true } }],
  ['program not a boolean', { ...base, filters: { programs: { a: 'yes' } } }],
  ['filters null', { ...base, filters: null }],
  ['fault offset a string', { ...base, faultOffsets: { f1: '3' } }],
  ['holesFollowFaults a string', { ...base, holesFollowFaults: 'yes' }],
  ['colorBy a number', { ...base, colorBy: 3 }],
  ['name in English and French', { ...base, name: { en: 'Overview', fr: 'Vue d’ensemble' }, caption: { fr: 'Tout le filon.' } }],
  ['name in Spanish only', { ...base, name: { es: 'Vista' } }],
  ['name with an empty French', { ...base, name: { en: 'Overview', fr: '' } }],
  ['name with a key not a language', { ...base, name: { en: 'Overview', French: 'Vue' } }],
  ['caption with an empty French', { ...base, caption: { en: 'The vein.', fr: '' } }],
  ['two bad fields: the first is reported', { ...base, name: '', camera: { ...base.camera, zoom: 0 } }],
];

describe('saved views checked without zod', () => {
  it.each(cases)('%s: same verdict, output and first message as the zod SavedView', (_label, input) => {
    const z = SavedView.safeParse(input);
    const mine = checkSavedView(input);
    expect(mine.success).toBe(z.success);
    if (z.success && mine.success) {
      expect(mine.data).toStrictEqual(z.data);
      expect(Object.keys(mine.data)).toEqual(Object.keys(z.data));
    }
    if (!z.success && !mine.success) expect(mine.error).toEqual({ path: z.error.issues[0].path, message: z.error.issues[0].message });
  });

  it('rejects a bad field with its path and message', () => {
    const r = checkSavedView({ ...base, filters: { gradeCutoff: -1 } });
    expect(r).toEqual({ success: false, error: { path: ['filters', 'gradeCutoff'], message: 'Too small: expected number to be >=0' } });
  });

  it('defaults the projection to perspective', () => {
    const r = checkSavedView(base);
    expect(r.success && r.data.camera.projection).toBe('perspective');
  });

  it('opens a long section saved before the distance shading without it, and refuses a shading that is not a boolean', () => {
    const r = checkSavedView({ ...base, longSection: { system: 'mcdowell', fullScreen: true } });
    expect(r.success && r.data.longSection).toStrictEqual({ system: 'mcdowell', fullScreen: true, distanceShading: false });
    expect(checkSavedView({ ...base, longSection: { system: 'mcdowell', distanceShading: 'yes' } })).toEqual({
      success: false, error: { path: ['longSection', 'distanceShading'], message: 'Invalid input: expected boolean, received string' },
    });
  });
});
