import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepositText } from '../data/load';
import { prepare } from '../domain/prepare';
import { createVeinscapeStore, type VeinscapeStore } from '../state/store';
import { legendFor } from './legend';
import { collectLabels, northAngle, overlayAnchors, type Projector } from './labels';
import { wrapText } from '../export/compose';
import { axisBox } from '../domain/axes';
import { dataBox } from '../domain/bounds';

let store: VeinscapeStore;

beforeAll(() => {
  const { model, report } = loadDepositText(readFileSync(new URL('../../data/rocmec1.json', import.meta.url), 'utf8'), 'rocmec1.json');
  store = createVeinscapeStore();
  store.getState().setDataset(model!, prepare(model!), report);
});

/** Plan view: 1 px per metre around the local origin, north up, 2000 x 2000 px. */
const plan: Projector = (x, y, z) => [1000 + x, 1000 - y, -z / 10000];
const theme = { text: '#000', muted: '#555', halo: '#fff', accent: '#a00' };

describe('legendFor', () => {
  it('lists the gold classes, the hole symbols, the visible veins and every other kind of surface shown, like the on-screen legend', () => {
    const sections = legendFor(store.getState());
    expect(sections.map((s) => s.title)).toEqual(['Au (g/t)', 'Symbols', 'Veins', 'Other surfaces']);
    // The intercept cut-off (1 g/t) is the grade drawn thick and over the surfaces.
    expect(sections[0].note).toBe('≥ 1 g/t drawn over the surfaces');
    expect(sections[3].items.map((i) => i.label)).toEqual(['McDowell alteration envelope', 'Host intrusive (gabbro to granodiorite)']);
    expect(sections[0].items.map((i) => i.label)).toEqual(['< 0.5 g/t', '0.5–1 g/t', '1–3 g/t', '3–5 g/t', '5–10 g/t', '≥ 10 g/t', 'not assayed']);
    expect(sections[1].items.map((i) => i.label)).toEqual(['Drilled hole', 'Planned hole', 'Fault', 'Underground workings']);
    expect(sections[2].items.map((i) => i.label)).toContain('McDowell Set 1 (Main)');
    expect(sections[2].columns).toBe(2);
  });

  it('follows layer and zone visibility, and shows resource categories when outlines are on', () => {
    const s = store.getState();
    const sections = legendFor({ ...s, layerVisible: { ...s.layerVisible, intervals: false, resources: true, workings: false, host: false, alteration: false }, zoneVisible: { ...s.zoneVisible, talus: false } });
    expect(sections.map((x) => x.title)).toEqual(['Symbols', 'Veins']);
    expect(sections[0].items.map((i) => i.label)).toEqual(['Drilled hole', 'Planned hole', 'Fault', 'Measured resource', 'Indicated resource', 'Inferred resource']);
    expect(sections[1].items.map((i) => i.label)).not.toContain('Talus');
  });

  it('adds the g/t·m classes, no data and the width used when the veins are coloured by grade × thickness', () => {
    const s = store.getState();
    expect(legendFor(s).map((x) => x.title)).not.toContain('Veins coloured by g/t·m');
    const sections = legendFor({ ...s, veinColour: 'gradeThickness' });
    const gt = sections.find((x) => x.title === 'Veins coloured by g/t·m')!;
    expect(gt.items.map((i) => [i.label, i.color])).toEqual([
      ['< 1', '#a9a9a4'], ['1–5', '#c2e699'], ['5–10', '#78c679'], ['10–20', '#31a354'], ['≥ 20', '#006837'], ['no data within 60 m', '#6b6b6b'],
    ]);
    expect(gt.note).toBe("no data: the vein's own colour, dimmed. g/t·m = capped grade × horizontal width (HW); IDW, power 2, 60 m search");
    expect(legendFor({ ...s, veinColour: 'gradeThickness', layerVisible: { ...s.layerVisible, veins: false } }).map((x) => x.title)).not.toContain('Veins coloured by g/t·m');
  });

  it('notes the grade cut-off', () => {
    const s = store.getState();
    const sections = legendFor({ ...s, filters: { ...s.filters, gradeCutoff: 3 } });
    expect(sections[0].note).toBe('Au cut-off 3 g/t · ≥ 3 g/t drawn over the surfaces');
  });
});

describe('legendFor in French', () => {
  it('titles and labels every section in French, grades with a decimal comma', () => {
    const s = store.getState();
    const sections = legendFor({ ...s, layerVisible: { ...s.layerVisible, resources: true }, filters: { ...s.filters, gradeCutoff: 0.5 } }, 'fr');
    expect(sections.map((x) => [x.id, x.title])).toEqual([['colouring', 'Au (g/t)'], ['symbols', 'Symboles'], ['veins', 'Filons'], ['surfaces', 'Autres surfaces']]);
    expect(sections[0].items.map((i) => i.label)).toEqual(['< 0,5 g/t', '0,5–1 g/t', '1–3 g/t', '3–5 g/t', '5–10 g/t', '≥ 10 g/t', 'non analysé']);
    expect(sections[0].note).toBe('teneur de coupure Au\u00a0: 0,5 g/t · ≥ 1 g/t tracé par-dessus les surfaces');
    expect(sections[1].items.map((i) => i.label)).toEqual(['Forage réalisé', 'Forage projeté', 'Faille', 'Ouvrages souterrains', 'Ressource mesurée', 'Ressource indiquée', 'Ressource présumée']);
  });

  it('names a surface kind in French when the name does not say it', () => {
    const s = store.getState();
    const model = { ...s.model!, zones: [...s.model!.zones, { id: 'topo-x', name: 'Relief 2024', color: '#888888', kind: 'topography' as const }] };
    const labels = legendFor({ ...s, model, zoneVisible: { ...s.zoneVisible, 'topo-x': true }, layerVisible: { ...s.layerVisible, topography: true } }, 'fr').find((x) => x.id === 'surfaces')!.items.map((i) => i.label);
    expect(labels).toContain('Relief 2024 (topographie)');
    // The sample's host intrusive says it is the host in English ("Host intrusive"), so its French
    // name is not suffixed either.
    expect(labels).toContain('Intrusion hôte (gabbro à granodiorite)');
  });

  it('writes the grade-on-the-vein block in French', () => {
    const s = store.getState();
    const gt = legendFor({ ...s, veinColour: 'gradeThickness' }, 'fr').find((x) => x.id === 'gradeThickness')!;
    expect(gt.title).toBe('Filons colorés selon les g/t·m');
    expect(gt.items.map((i) => i.label)).toEqual(['< 1', '1–5', '5–10', '10–20', '≥ 20', 'aucune donnée à moins de 60 m']);
    expect(gt.note).toBe('aucune donnée\u00a0: couleur propre du filon, atténuée. g/t·m = teneur plafonnée × épaisseur horizontale (ÉH); IDW, puissance 2, recherche de 60 m');
    const core = legendFor({ ...s, veinColour: 'gradeThickness', interceptQuery: { ...s.interceptQuery, widthBasis: 'core' } }, 'fr').find((x) => x.id === 'gradeThickness')!;
    expect(core.note).toContain('teneur plafonnée × longueur de carotte (LC)');
  });
});

describe('collectLabels', () => {
  it('a vertical section adds its distances along the line and its elevations (live overlay and exports alike)', () => {
    const s = store.getState();
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const axes = axisBox(dataBox(s.model!, s.prepared!), s.prepared!.origin);
    const o = s.prepared!.origin;
    // Section through the middle of the data, east-west (azimuth 90°): distances run along easting.
    const centre: [number, number] = [(axes.min[0] + axes.max[0]) / 2 + o[0], (axes.min[1] + axes.max[1]) / 2 + o[1]];
    const section = { ...s.section, mode: 'slab' as const, azimuth: 90, centre };
    const ids = new Set(s.model!.holes.map((h) => h.id));
    const texts = (st: typeof s) => collectLabels(st, anchors, axes, plan, theme).labels.map((l) => l.text).filter((t) => !ids.has(t));
    const off = texts(s);
    const all = texts({ ...s, section });
    // Collar ids: only the holes whose collar is inside the slab (within half its width of the line, by northing).
    const inSlab = collectLabels({ ...s, section }, anchors, axes, plan, theme).labels.filter((l) => ids.has(l.text)).map((l) => l.text).sort();
    const expected = s.model!.holes.filter((h) => Math.abs(h.collar[1] - centre[1]) <= section.width / 2).map((h) => h.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ids.size);
    expect(inSlab).toEqual(expected);
    // What the section adds: the labels beyond those of the same view without it.
    const on = [...all];
    for (const t of off) on.splice(on.indexOf(t), 1);
    expect(all.length).toBeGreaterThan(off.length);
    expect(on).toContain('0 m');
    expect(on).toContain(`${axes.step} m`);
    expect(on).toContain(`${-axes.step} m`);
    // Each elevation tick of the box is written at the start of the line, in metres.
    const zTicks = axes.ticks.filter((t) => t.axis === 'Z').map((t) => `${Math.round(t.value)} m`);
    expect(zTicks.length).toBeGreaterThan(1);
    for (const z of zTicks) expect(on).toContain(z);
  });

  it('in French, a section writes its distances and elevations, ticks group thousands with a narrow no-break space, faults take their French names', () => {
    const s = store.getState();
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const axes = axisBox(dataBox(s.model!, s.prepared!), s.prepared!.origin);
    const o = s.prepared!.origin;
    const section = { ...s.section, mode: 'slab' as const, azimuth: 90, centre: [(axes.min[0] + axes.max[0]) / 2 + o[0], (axes.min[1] + axes.max[1]) / 2 + o[1]] as [number, number] };
    const faults = s.model!.faults.map((f, i) => (i === 0 ? { ...f, texts: { name: { en: f.name, fr: 'Faille du Lac' } } } : f));
    const texts = collectLabels({ ...s, model: { ...s.model!, faults }, section }, anchors, axes, plan, theme, undefined, undefined, 'fr').labels.map((l) => l.text);
    expect(texts).toContain('Faille du Lac');
    // The sample's elevation ticks (every 100 m from -200 to 400) at the start of the line.
    for (const z of ['-200 m', '-100 m', '0 m', '400 m']) expect(texts).toContain(z);
    expect(texts).toContain(`${axes.step} m`);
    expect(texts.some((t) => /^\d{3}\u202f\d{3} E$/.test(t))).toBe(true);
  });

  it('labels every shown collar, the axis ticks and the faults', () => {
    const s = store.getState();
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const axes = axisBox(dataBox(s.model!, s.prepared!), s.prepared!.origin);
    const { labels, arrows } = collectLabels(s, anchors, axes, plan, theme);
    const ids = new Set(s.model!.holes.map((h) => h.id));
    expect(labels.filter((l) => ids.has(l.text))).toHaveLength(s.model!.holes.length);
    expect(labels.some((l) => / E$/.test(l.text))).toBe(true);
    expect(labels.some((l) => / N$/.test(l.text))).toBe(true);
    for (const f of s.model!.faults) expect(labels.map((l) => l.text)).toContain(f.name);
    expect(arrows.length).toBeGreaterThan(0);
  });

  it('drops planned-hole labels when planned holes are filtered out, and all collar labels with the labels layer off', () => {
    const s = store.getState();
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const planned = s.model!.holes.filter((h) => h.status === 'planned').length;
    expect(planned).toBeGreaterThan(0);
    const drilledOnly = collectLabels({ ...s, filters: { ...s.filters, status: { drilled: true, planned: false } } }, anchors, null, plan, theme);
    expect(drilledOnly.labels).toHaveLength(s.model!.holes.length - planned + s.model!.faults.length);
    const none = collectLabels({ ...s, layerVisible: { ...s.layerVisible, labels: false, faults: false } }, anchors, null, plan, theme);
    expect(none.labels).toEqual([]);
  });

  it('for a view size, keeps only on-screen collars, the nearest per 64 x 16 px cell, and the selected hole', () => {
    const s = store.getState();
    const anchors = overlayAnchors(s.model!, s.prepared!);
    const ids = new Set(s.model!.holes.map((h) => h.id));
    // Zoomed out 20x around the local origin: every collar within a few hundred px.
    const far: Projector = (x, y, z) => [300 + x / 20, 300 - y / 20, -z / 10000];
    const all = collectLabels(s, anchors, null, far, theme).labels.filter((l) => ids.has(l.text));
    const size = { width: 600, height: 600 };
    const thin = collectLabels(s, anchors, null, far, theme, size).labels.filter((l) => ids.has(l.text));
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.length).toBeLessThan(all.length);
    const cells = new Map<string, number>();
    for (const l of thin) {
      expect(l.x).toBeGreaterThanOrEqual(-120);
      expect(l.x).toBeLessThanOrEqual(size.width);
      const key = `${Math.floor((l.x + 120) / 64)},${Math.floor((l.y + 16) / 16)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
      // The nearest of the collars in its cell.
      const rivals = all.filter((a) => Math.floor((a.x + 120) / 64) === Math.floor((l.x + 120) / 64) && Math.floor((a.y + 16) / 16) === Math.floor((l.y + 16) / 16));
      expect(Math.min(...rivals.map((a) => a.depth))).toBe(l.depth);
    }
    expect([...cells.values()].every((n) => n === 1)).toBe(true);
    // A collar off screen is dropped; the selected hole is always a candidate.
    const offscreen: Projector = (x, y, z) => [5000 + x, 300 - y / 20, -z / 10000];
    expect(collectLabels(s, anchors, null, offscreen, theme, size).labels.filter((l) => ids.has(l.text))).toEqual([]);
    const sel = collectLabels({ ...s, selection: { hole: 3, row: null, depth: 0 } }, anchors, null, far, theme, size).labels;
    expect(sel.filter((l) => l.text === s.model!.holes[3].id && l.bold)).toHaveLength(1);
  });

  it('finds grid north straight up on a plan view', () => {
    expect(northAngle(plan, [0, 0, 0])).toBeCloseTo(0, 9);
    const rotated: Projector = (x, y) => [1000 + y, 1000 + x, 0];
    expect(northAngle(rotated, [0, 0, 0])).toBeCloseTo(Math.PI / 2, 9);
  });
});

describe('wrapText', () => {
  it('wraps words to the width and keeps every word', () => {
    const text = 'Inferred mineral resources are too speculative geologically to have economic considerations applied to them';
    const lines = wrapText((s) => s.length * 6, text, 120);
    expect(lines.every((l) => l.length * 6 <= 120)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('never breaks at a no-break space, and keeps it', () => {
    const lines = wrapText((s) => s.length * 6, 'Personne qualifiée\u00a0: J. Doe, à 1\u202f234 m', 60);
    expect(lines).toEqual(['Personne', 'qualifiée\u00a0:', 'J. Doe, à', '1\u202f234 m']);
  });
});
