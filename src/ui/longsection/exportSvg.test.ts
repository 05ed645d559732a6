import { describe, expect, it } from 'vitest';
import { INFERRED_CAUTION, ILLUSTRATIVE_MARK, NO_QP } from '../../overlay/captions';
import { assembleSvg, escapeXml, exportFileName, exportText, legendGroups, splitAlpha, type TextInput } from './exportSvg';

const base: TextInput = {
  project: { name: 'Rocmec 1', disclaimer: 'Synthetic data.', qualifiedPerson: 'J. Doe, P.Geo.', crs: { name: 'NAD83 / UTM zone 17N', code: 'EPSG:26917' } },
  system: 'McDowell',
  strike: 69.4,
  lookAzimuth: 339.4,
  veText: 'VE 1:1 (true scale)',
  labelHint: 'Capped grade (g/t) over horizontal width (m)',
  method: 'g/t·m = capped grade × horizontal width (HW).',
  inferred: false,
  date: new Date(2025, 5, 1),
};
const HEADING = 'Long section (vertical longitudinal projection)';
const theme = { background: '#fefefe', text: '#1f2933', muted: '#616e7c', line: '#d9dee4', gold: '#c99a2e' };
const plot = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><circle class="ls-pp" r="3"/></svg>', width: 600, height: 300 };

/** Text content of every <text> element, unescaped (the assembler writes no nested markup in them). */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
  m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

describe('long-section SVG export', () => {
  it('escapes the five XML specials, ampersand first', () => {
    expect(escapeXml(`<b>&"'</b>`)).toBe('&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
    expect(escapeXml('2–5 g/t·m ≥ 20')).toBe('2–5 g/t·m ≥ 20');
  });

  it('names the files after the project, as the 3D exports do', () => {
    expect(exportFileName('Rocmec 1 (Russian Kid) - illustrative model', 'svg')).toBe('rocmec-1-russian-kid-illustrative-model-long-section.svg');
    expect(exportFileName('<b>&</b> Dépôt', 'png')).toBe('b-b-depot-long-section.png');
    expect(exportFileName(undefined, 'png')).toBe('veinscape-long-section.png');
  });

  it('splits rgba() into an SVG 1.1 colour and an opacity', () => {
    expect(splitAlpha('rgba(97, 110, 124, 0.08)')).toEqual({ colour: '#616e7c', alpha: 0.08 });
    expect(splitAlpha('rgb(31, 41, 51)')).toEqual({ colour: '#1f2933', alpha: 1 });
    expect(splitAlpha('rgba(0, 0, 0, 0)').alpha).toBe(0);
    expect(splitAlpha('none')).toEqual({ colour: 'none', alpha: 1 });
  });

  it('words the title block and footer: project, heading, date, view azimuth, scale, labels, disclosure', () => {
    const t = exportText(base);
    expect(t.title).toBe('Rocmec 1');
    expect(t.heading).toBe(`${HEADING} · McDowell`);
    expect(t.details).toBe('June 1, 2025 · Strike 069°, looking 339° · VE 1:1 (true scale) · NAD83 / UTM zone 17N (EPSG:26917)');
    expect(t.mark).toBeNull();
    expect(t.notes).toEqual(['Pierce-point labels: Capped grade (g/t) over horizontal width (m).', 'g/t·m = capped grade × horizontal width (HW).']);
    expect(t.disclosure.map((d) => d.text)).toEqual(['Synthetic data.', 'Qualified person: J. Doe, P.Geo.']);

    const bare = exportText({ ...base, project: { illustrative: true }, vein: 'McDowell Main', inferred: true });
    expect(bare.title).toBe('Veinscape');
    expect(bare.heading).toBe(`${HEADING} · McDowell: McDowell Main`);
    expect(bare.mark).toBe(ILLUSTRATIVE_MARK);
    expect(bare.disclosure).toEqual([{ text: NO_QP, strong: false }, { text: INFERRED_CAUTION, strong: true }]);
  });

  it('in French: title block, notes, disclosure and legend words in French, figures with a decimal comma', () => {
    const t = exportText({ ...base, veText: 'Exag. verticale 1:1 (vraie grandeur)', labelHint: 'Teneur plafonnée (g/t) sur épaisseur horizontale (m)', language: 'fr' });
    expect(t.heading).toBe('Section longitudinale (projection longitudinale verticale) · McDowell');
    expect(t.details).toBe('1 juin 2025 · Direction 069°, vue vers 339° · Exag. verticale 1:1 (vraie grandeur) · NAD83 / UTM zone 17N (EPSG:26917)');
    expect(t.notes[0]).toBe('Étiquettes des points de percée\u00a0: Teneur plafonnée (g/t) sur épaisseur horizontale (m).');
    expect(t.disclosure.map((d) => d.text)).toEqual(['Synthetic data.', 'Personne qualifiée\u00a0: J. Doe, P.Geo.']);
    const bare = exportText({ ...base, project: { illustrative: true }, inferred: true, language: 'fr' });
    expect(bare.mark).not.toBe(ILLUSTRATIVE_MARK);
    expect(bare.disclosure[1].text).not.toBe(INFERRED_CAUTION);
    const g = legendGroups({
      gradeTitle: 'Au, plafonné à 45 g/t', grades: [], gtUnit: 'g/t·m (ÉH)',
      sizes: [{ gramMetres: 2.5, r: 4 }], bands: [{ lo: 0.5, hi: 5, colour: '#e5f5e0' }], resources: ['inferred'], workings: true, language: 'fr',
    });
    expect(g.map((x) => x.title)).toEqual(['Au, plafonné à 45 g/t', 'Taille\u00a0: g/t·m (ÉH)', 'Contours, g/t·m (ÉH)', undefined]);
    expect(g[1].items.map((i) => i.label)).toEqual(['2,5', 'projeté', 'aucune intersection analysée']);
    expect(g[2].items[0].label).toBe('0,5–5');
    expect(g[3].items.map((i) => i.label)).toEqual(['présumée', 'ouvrages', 'filon modélisé']);
  });

  it('builds the legend from the panel legend, with the plot classes to resolve', () => {
    const g = legendGroups({
      gradeTitle: 'Au, capped at 45 g/t', grades: [{ label: '< 1 g/t', colour: '#4575b4' }, { label: '≥ 10 g/t', colour: '#d73027' }],
      sizes: [{ gramMetres: 1, r: 4.1 }], bands: [{ lo: 1, hi: 5, colour: '#e5f5e0' }, { lo: 20, hi: Infinity, colour: '#4fae5f' }],
      resources: ['measured', 'inferred'], workings: true,
    });
    expect(g.map((x) => x.title)).toEqual(['Au, capped at 45 g/t', 'Size: g/t·m', 'Contours, g/t·m', undefined]);
    expect(g[0].items[1]).toEqual({ label: '≥ 10 g/t', shape: 'circle', r: 4, className: 'ls-pp intercept', fill: '#d73027' });
    expect(g[1].items.map((i) => i.label)).toEqual(['1', 'planned', 'no assayed intercept']);
    expect(g[2].items).toEqual([
      { label: '1–5', shape: 'rect', className: 'ls-band', fill: '#e5f5e0' },
      { label: '≥ 20', shape: 'rect', className: 'ls-band', fill: '#4fae5f' },
    ]);
    expect(g[3].items.map((i) => i.className)).toEqual(['ls-resource measured', 'ls-resource inferred', 'ls-working drift', 'ls-vein']);
  });

  it('assembles a standalone document: size, viewBox, xmlns, background, title block, plot, legend, footer', () => {
    const legend = legendGroups({ gradeTitle: 'Au', grades: [{ label: '≥ 10 g/t', colour: '#d73027' }], sizes: [], bands: [{ lo: 1, hi: 5, colour: '#e5f5e0' }], resources: [], workings: false });
    legend[2].items[0].attrs = { opacity: '0.85' };
    const { svg, width, height } = assembleSvg({ plot, text: exportText({ ...base, project: { ...base.project, illustrative: true } }), legend, theme });
    expect(width).toBe(600);
    expect(svg).toMatch(new RegExp(`^<\\?xml[^>]*>\\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="600" height="${height}" viewBox="0 0 600 ${height}" font-family="[^"]*sans-serif"`));
    expect(height).toBeGreaterThan(300 + 100);
    expect(svg).toContain(`<rect width="600" height="${height}" fill="#fefefe"/>`);
    expect(svg).toContain(plot.markup);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const t = texts(svg);
    expect(t.slice(0, 3)).toEqual(['Rocmec 1', `${HEADING} · McDowell`, expect.stringMatching(/^June 1, 2025/)]);
    expect(t).toContain(ILLUSTRATIVE_MARK);
    expect(t).toEqual(expect.arrayContaining(['Au', '≥ 10 g/t', 'Contours, g/t·m', '1–5', 'modelled vein', 'Synthetic data.', 'Qualified person: J. Doe, P.Geo.']));
    expect(svg).toMatch(/<rect [^>]*fill="#e5f5e0" opacity="0.85"\/>/);
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain('class="ls-band"');
  });

  it('shaded by distance to data: the classes in the legend, each swatch a veil over a contour colour, and a footer note', () => {
    const input = { gradeTitle: 'Au', grades: [], sizes: [], bands: [], resources: [], workings: false };
    expect(legendGroups(input).map((g) => g.title)).not.toContain('Distance to nearest pierce point');
    const g = legendGroups({ ...input, distance: true });
    expect(g[4].title).toBe('Distance to nearest pierce point');
    expect(g[4].items.map((i) => i.label)).toEqual(['≤ 25 m informed', '25–50 m interpolated', '50–100 m sparse', '> 100 m extrapolated']);
    expect(g[4].items.map((i) => i.attrs?.['fill-opacity'])).toEqual(['0', '0.3', '0.55', '0.75']);
    const fr = legendGroups({ ...input, distance: true, language: 'fr' });
    expect(fr[4].title).toBe('Distance au point de percée le plus proche');
    expect(fr[4].items.map((i) => i.label)).toEqual(['≤ 25 m renseigné', '25–50 m interpolé', '50–100 m peu renseigné', '> 100 m extrapolé']);
    // In the file the swatch is the contour colour, then the veil over it.
    const { svg } = assembleSvg({ plot, text: exportText(base), legend: g, theme });
    expect(svg).toMatch(/<rect [^>]*fill="#78c679"\/><rect [^>]*fill-opacity="0.75"\/>/);
    expect(exportText(base).notes).toHaveLength(2);
    expect(exportText({ ...base, distance: true }).notes[2]).toBe(
      'Shaded by distance in the section plane to the nearest pierce point with a g/t·m: ≤ 25 m informed, 25–50 m interpolated, 50–100 m sparse, > 100 m extrapolated. The paler, the farther from data.');
    expect(exportText({ ...base, distance: true, language: 'fr' }).notes[2]).toBe(
      'Ombré selon la distance, dans le plan de la section, au point de percée le plus proche ayant une valeur en g/t·m\u00a0: ≤ 25 m renseigné; 25–50 m interpolé; 50–100 m peu renseigné; > 100 m extrapolé. Plus c’est pâle, plus on est loin des données.');
  });

  it('puts data text in as escaped text, never as markup', () => {
    const evil = exportText({ ...base, project: { name: 'Mine <b>&</b> "x"', disclaimer: '<script>alert(1)</script> & co', qualifiedPerson: "O'Hara" } });
    const { svg } = assembleSvg({ plot, text: evil, legend: [], theme });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Mine &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Mine <b>&</b> "x"', "Qualified person: O'Hara"]));
    // No bare ampersand anywhere: every & starts an entity.
    expect(svg.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
  });

  it('wraps long text within the width, so nothing runs off the page', () => {
    const long = 'word '.repeat(400).trim();
    const { svg, width } = assembleSvg({ plot, text: exportText({ ...base, project: { ...base.project, disclaimer: long } }), legend: [], theme });
    const lines = texts(svg).filter((s) => s.startsWith('word'));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.length * 10 * 0.58).toBeLessThanOrEqual(width - 32);
    expect(lines.join(' ')).toBe(long);
  });
});
