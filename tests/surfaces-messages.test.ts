/**
 * The surface importers' messages in both languages (issue 20): every error and warning made while
 * reading real surface files, truncated or corrupted copies of them, and the coordinate checks,
 * carries a key of the `messages` catalogue; i18next's English from that key is the English text
 * the API and logs carry, and the French is written from the same key and values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSurfaceFiles, type SurfaceFile } from '../src/data/surfaces';
import { assemble, emptyModel } from '../src/data/surfaces/assemble';
import { checkCoordinates } from '../src/data/surfaces/checks';
import { describeFix, fixParts, recordedFixParts } from '../src/data/surfaces/transform';
import type { ImportedMesh } from '../src/data/surfaces/types';
import type { Model } from '../src/data/model';
import { i18next } from '../src/i18n';
import { messageText } from '../src/i18n/messageText';

const DIR = new URL('../../shared/data/external/surfaces/', import.meta.url);
const load = (path: string) => new Uint8Array(readFileSync(new URL(path, DIR)));
const text = (s: string) => new TextEncoder().encode(s);
const en = i18next.getFixedT('en', 'messages');
interface Keyed { message: string; key?: string; params?: Record<string, string | number> }
/** The interface's text for a message in French (the report panel's messageText). */
async function french(m: Keyed): Promise<string> {
  await i18next.changeLanguage('fr');
  try {
    return messageText(m);
  } finally {
    await i18next.changeLanguage('en');
  }
}

/** A binary file with `n` bytes flipped from `at`. */
function corrupt(bytes: Uint8Array, at: number, n: number): Uint8Array {
  const b = bytes.slice();
  for (let i = at; i < at + n; i++) b[i] ^= 0x5a;
  return b;
}

const OMF1 = 'omf/omf-python_v1_test_file.omf';
/** Real files, and truncated or corrupt copies of each format, read together as one opened set. */
function brokenSet(): SurfaceFile[] {
  const stl = load('babbitt_mpz/Mpz.stl');
  const f = (name: string, bytes: Uint8Array) => ({ name, bytes });
  const half = (path: string) => { const b = load(path); return b.slice(0, b.length >> 1); };
  return [
    f('Mpz-cut.stl', stl.slice(0, 84 + 50 * 1000 + 10)),
    f('bad.stl', text('solid a\nfacet normal 0 0 1\nouter loop\nvertex 0 0 x\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nwobble\nsolid b\n')),
    f('tiny.stl', new Uint8Array(10).fill(1)),
    f('Fault-cut.dxf', half('claudius/Fault.dxf')),
    f('uncommon.dxf', load('ezdxf/uncommon.dxf')),
    f('pit.dxf', load('kirra/OB25W_J1pit.dxf')),
    f('Fault-cut.ts', half('claudius/Fault.ts')),
    f('surf2d_multi.ts', load('opengeode/surf2d_multi.ts')),
    f('closed_lines.pl', load('opengeode/closed_lines.pl')),
    f('KIRRA-cut.obj', text(new TextDecoder().decode(load('kirra/KIRRA_OBJ_CC.obj')).slice(0, 20000) + '\nf 1 2\nf 1 x 3\nusemtl rock\n')),
    f('test310binary-cut.str', load('kirra/test310binary.str').slice(0, 15000)),
    f('test310text.str', text(new TextDecoder().decode(load('kirra/test310text.str')).replace(/\n(\d+),/, '\n1,abc,\n$1,'))),
    f('24m-west-wall-presplits.dtm', load('kirra/24m-west-wall-presplits.dtm')),
    f('scene.glb', text('glTF').slice()),
    f('scene.gltf', text(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'scene.bin', byteLength: 12 }], textures: [{}], meshes: [{ primitives: [{ attributes: {} }] }], nodes: [{ mesh: 3 }], scenes: [{ nodes: [0] }] }))),
    f('v1-cut.omf', load(OMF1).slice(0, 50000)),
    f('v1-zlib.omf', corrupt(load(OMF1), 38042 + 200, 40)),
    f('v1-json.omf', load(OMF1).slice(0, 85000)),
    f('pyramid-parquet.omf', corrupt(load('omf/omf2_pyramid.omf'), 100, 10)),
    f('everything-cut.omf', load('omf/omf2_one_of_everything.omf').slice(0, 12000)),
    f('everything.omf', load('omf/omf2_one_of_everything.omf')),
    f('draft.omf', load('omf/omf-python_v2alpha_test_file.omf')),
    f('empty.omf', new Uint8Array(0)),
    f('notes.txt', text('hello')),
    f('modelA4.stl', load('opengeode/modelA4.ml')),
  ];
}

const E0 = 612_000, N0 = 5_343_000;
function holesModel(): Model {
  const m = emptyModel('test');
  m.holes = [0, 1].map((i) => ({ id: `H${i}`, collar: [E0 + i * 1000, N0 + i * 1000, 300] as [number, number, number], depth: 300, stations: [], program: 'p', type: 'surface' as const, status: 'drilled' as const }));
  return m;
}
const sheet = (x0: number, y0: number, z: number): ImportedMesh => ({ type: 'mesh', name: 'v', vertices: new Float64Array([x0, y0, z, x0 + 500, y0, z, x0, y0 + 500, z]), triangles: new Uint32Array([0, 1, 2]) });
const HOLES = { min: [E0 - 300, N0 - 300, 0] as [number, number, number], max: [E0 + 1300, N0 + 1300, 300] as [number, number, number] };

/** Every coordinate check the importers can raise, and the fixes they offer. */
function allChecks() {
  return [
    ...checkCoordinates([sheet(E0, N0, 200)], { format: 't', upAxis: 'y', zPositive: 'down', declaredUnit: 'ft' }, null),
    ...checkCoordinates([sheet(E0, N0, 200)], { format: 't', declaredUnit: 'in' }, null),
    ...checkCoordinates([sheet(E0, N0, 200)], { format: 't', declaredUnit: 'dm' }, null),
    ...checkCoordinates([sheet(N0, E0, 200)], { format: 't' }, null),
    ...checkCoordinates([sheet(E0, 200, N0)], { format: 't' }, null),
    ...checkCoordinates([sheet(N0 + 100, E0 + 100, 200)], { format: 't' }, HOLES),
    ...checkCoordinates([sheet(E0 / 0.3048, N0 / 0.3048, 200)], { format: 't' }, HOLES),
    ...checkCoordinates([sheet(E0 + 50_000, N0, 200)], { format: 't' }, HOLES),
  ];
}

describe('surface importer messages', async () => {
  const imports = await importSurfaceFiles(brokenSet());
  const { errors, warnings } = assemble(holesModel(), imports);
  const issues: Keyed[] = [...errors, ...warnings];
  const checks = allChecks();
  const all: Keyed[] = [...issues, ...checks, ...checks.flatMap((c) => (c.fix ? fixParts(c.fix) : []))];

  it('covers errors and warnings of every format, and every kind of coordinate check', () => {
    const groups = new Set(issues.map((i) => i.key?.split('.')[1]));
    for (const g of ['stl', 'dxf', 'gocad', 'obj', 'surpac', 'gltf', 'omf']) expect(groups, g).toContain(g);
    expect(new Set(checks.map((c) => c.kind))).toEqual(new Set(['y-up', 'z-down', 'feet', 'units', 'swapped', 'far']));
    expect(errors.length).toBeGreaterThan(15);
    expect(warnings.length).toBeGreaterThan(15);
  });

  it('every message has a key in both catalogues; i18next writes its English text, and a French one', async () => {
    for (const m of all) {
      expect(m.key, m.message).toBeDefined();
      expect(i18next.exists(`messages:${m.key}`, { lng: 'en', ...m.params }), m.key).toBe(true);
      expect(i18next.exists(`messages:${m.key}`, { lng: 'fr', ...m.params }), m.key).toBe(true);
      expect(en(m.key!, { ...m.params }), m.key).toBe(m.message);
      const fr = await french(m);
      expect(fr, m.message).not.toBe(m.message);
      // No nesting or value left unfilled
      expect(fr, m.key).not.toMatch(/\$t\(|\{\{/);
    }
  });

  it('keeps the English texts the report showed before (hand-written)', () => {
    const msg = (path: string) => [...errors, ...warnings].find((i) => i.path === path)?.message;
    expect(msg('Mpz-cut.stl@50084')).toBe('truncated: the header says 63749 triangles, the file holds 1000 complete ones (50094 bytes, 3187534 expected); the complete ones are loaded');
    expect(msg('notes.txt')).toBe('not a surface file Veinscape reads (DXF, OBJ, GOCAD .ts/.pl/.ml, Surpac .str/.dtm, STL, glTF/GLB, OMF)');
      const far = checks.find((c) => c.kind === 'far')!;
    expect(far.message).toBe("48.7 km from the drill holes: a local grid, another CRS, or another project? A shift to the holes' centre is offered; use the real grid transformation if you know it");
  });

  it('writes French as a Quebec geologist reads it: words, grouped numbers, decimal comma, no-break space before the colon', async () => {
    const byKey = (key: string) => issues.find((i) => i.key === key)!;
    expect(await french(byKey('surfaces.stl.truncated'))).toBe(
      'fichier tronqué\u00a0: l’en-tête annonce 63\u202f749 triangles, le fichier en contient 1\u202f000 complets (50\u202f094 octets, 3\u202f187\u202f534 attendus); les triangles complets sont chargés',
    );
    expect(await french(byKey('surfaces.unknownFormat'))).toBe('pas un fichier de surface que Veinscape lit (DXF, OBJ, GOCAD .ts/.pl/.ml, Surpac .str/.dtm, STL, glTF/GLB, OMF)');
    expect(await french(byKey('surfaces.dxf.endsInsideLine'))).toBe('le fichier se termine à la ligne 1026, dans une entité 3DFACE; les entités qui précèdent sont chargées');
    expect(await french(byKey('surfaces.surpac.needsString'))).toBe('il faut ouvrir son fichier de chaînes 24m-west-wall-presplits.str en même temps');
    // A reading failure nested in its element's line, with the part being read nested in it.
    const zlib = issues.find((i) => i.key === 'surfaces.omf.notLoaded' && i.params?.reasonKey === 'surfaces.omf.err.adler')!;
    expect(await french(zlib)).toBe('« trisurf » n’est pas chargé\u00a0: sommets de « trisurf »\u00a0: bloc zlib corrompu à l’octet 38042 (somme de contrôle Adler-32 discordante)');
    const far = checks.find((c) => c.kind === 'far')!;
    expect(await french(far)).toBe('à 48,7 km des forages\u00a0: une grille locale, un autre système de coordonnées, ou un autre projet? Une translation vers le centre des forages est proposée; utilisez la vraie transformation de grille si vous la connaissez');
    expect(fixParts(far.fix!).length).toBe(1);
    expect(await french(fixParts(far.fix!)[0])).toMatch(/^translaté de -?\d[\d\u202f]* m, -?\d[\d\u202f]* m, 0 m \(E, N, Z\)$/);
    const inches = checks.find((c) => c.kind === 'units' && c.params?.declared === 'in')!;
    expect(await french(inches)).toMatch(/^l’en-tête déclare des pouces, mais/);
  });

  it('a plural the language decides (DXF counts)', async () => {
    const one = { key: 'surfaces.dxf.bulges', params: { count: 1 }, message: '1 polyline arc segment (bulge) drawn as straight lines' };
    const many = { key: 'surfaces.dxf.bulges', params: { count: 1234 }, message: '1234 polyline arc segments (bulge) drawn as straight lines' };
    expect(en(one.key, one.params)).toBe(one.message);
    expect(en(many.key, many.params)).toBe(many.message);
    expect(await french(one)).toBe('1 segment d’arc de polyligne (bulge) tracé en ligne droite');
    expect(await french(many)).toBe('1\u202f234 segments d’arc de polyligne (bulge) tracés en lignes droites');
  });

  it('a fix a saved project records is written back in the interface language; a part this version did not write stays as written', async () => {
    const saved = describeFix({ yUp: true, feet: true, shift: [-49750, 250, 0] });
    expect(saved).toBe('Y-up to Z-up; feet to metres; shifted by -49750 m, 250 m, 0 m (E, N, Z)');
    const parts: string[] = [];
    for (const p of recordedFixParts(`${saved}; rotated by hand`)) parts.push(await french(p));
    expect(parts.join('; ')).toBe('Y vers le haut ramené à Z vers le haut; pieds convertis en mètres; translaté de -49\u202f750 m, 250 m, 0 m (E, N, Z); rotated by hand');
  });
});
