/**
 * Saved views of the sample, in tour order: the story an investor presentation tells. Cameras are
 * placed around the centre of the vein surfaces (true world coordinates, m); orthographic zoom is
 * in pixels per metre for a typical 1,000 px tall view.
 */
import { existsSync, readFileSync } from 'node:fs';

const RAD = Math.PI / 180;

/**
 * Cameras re-framed for a 16:9 presentation (scripts/frame-sample-views.mjs): the same viewing
 * directions as below, moved so the model sits in the area the legend and caption leave free.
 */
const FRAMED_FILE = new URL('./framed.json', import.meta.url);
const framed: Record<string, { position: number[]; target: number[]; zoom?: number; viewHeight?: number }> = existsSync(FRAMED_FILE) ? JSON.parse(readFileSync(FRAMED_FILE, 'utf8')) : {};

interface MeshLike { vertices: number[] }

function centre(meshes: MeshLike[]): [number, number, number] {
  let x = 0, y = 0, z = 0, n = 0;
  for (const m of meshes) for (let i = 0; i < m.vertices.length; i += 3) { x += m.vertices[i]; y += m.vertices[i + 1]; z += m.vertices[i + 2]; n++; }
  return [x / n, y / n, z / n];
}

const round = (p: number[]) => p.map((v) => Math.round(v * 100) / 100) as [number, number, number];

/** Camera `dist` m from `t`, looking toward azimuth `az` and down `down` degrees. */
function look(t: [number, number, number], az: number, down: number, dist: number): [number, number, number] {
  const h = Math.cos(down * RAD);
  return round([t[0] - h * Math.sin(az * RAD) * dist, t[1] - h * Math.cos(az * RAD) * dist, t[2] + Math.sin(down * RAD) * dist]);
}

/** `mapped`: each fault's interpreted offset in m (the slip's length), which draws the file as mapped. */
export function buildViews(veinMeshes: MeshLike[], mapped: Record<string, number>, mcdowellZones: string[], allZones: string[], strike: number) {
  const faultIds = Object.keys(mapped);
  const t = round(centre(veinMeshes));
  const across = (strike + 270) % 360; // looking perpendicular to strike, toward the footwall
  const restored = Object.fromEntries(faultIds.map((id) => [id, 0]));
  const onlyMcDowell = Object.fromEntries(allZones.map((z) => [z, mcdowellZones.includes(z)]));
  const views = [
    {
      name: 'Rocmec 1 overview',
      caption: 'Six vein systems in a 1 km by 600 m gabbro–granodiorite intrusive, Dasserat Township, Quebec. Illustrative model.',
      camera: { position: look(t, (across + 40) % 360, 32, 2300), target: t, projection: 'perspective' },
      faultOffsets: mapped,
      filters: { gradeCutoff: 0, belowCutoff: 'dim' },
    },
    {
      name: 'Plan: north-trending faults',
      caption: 'Three north-trending faults cut the east-northeast striking, south-dipping veins.',
      camera: { position: round([t[0], t[1] - 0.5, t[2] + 2000]), target: t, projection: 'orthographic', zoom: 0.55 },
      layers: { labels: false },
      faultOffsets: mapped,
    },
    {
      name: 'Long section: McDowell',
      caption: 'McDowell: 1,660 m of strike and 317 m of depth; 6.07 g/t Au over 0.82 m horizontal width, capped at 45 g/t.',
      camera: { position: look(t, across, 0, 2000), target: t, projection: 'orthographic', zoom: 0.6 },
      zones: onlyMcDowell,
      layers: { host: false, alteration: false, labels: false },
      faultOffsets: mapped,
    },
    {
      name: 'McDowell long section: grade × thickness',
      caption: 'Each hole through McDowell where it pierces the vein, coloured by capped grade, over contours of grade × horizontal width (g/t·m), with the resource outlines and the underground levels.',
      camera: { position: look(t, across, 0, 2000), target: t, projection: 'orthographic', zoom: 0.6 },
      zones: onlyMcDowell,
      layers: { host: false, alteration: false, labels: false },
      faultOffsets: mapped,
      longSection: { system: 'McDowell', fullScreen: true },
    },
    {
      name: 'Restored: one vein system',
      caption: 'With the fault slip removed, the separately named pieces line up: one system offset by faults.',
      camera: { position: look(t, (across + 20) % 360, 40, 1900), target: t, projection: 'perspective' },
      faultOffsets: restored,
      layers: { host: false, labels: false },
    },
    {
      name: 'High grade: 5 g/t Au and above',
      caption: 'Assays of 5 g/t Au and above, drawn wider class by class, over the veins coloured by grade × horizontal width (g/t·m): the ore shoots. Lower grades hidden.',
      camera: { position: look(t, (across + 40) % 360, 28, 1700), target: t, projection: 'perspective' },
      filters: { gradeCutoff: 5, belowCutoff: 'hide' },
      faultOffsets: mapped,
      layers: { host: false, alteration: false, labels: false, axes: false },
      veinColour: 'gradeThickness',
      gradeWidth: true,
    },
  ];
  return views.map((v) => {
    const fr = FRENCH[v.name];
    return { ...v, name: { en: v.name, fr: fr.name }, caption: { en: v.caption, fr: fr.caption }, ...(framed[v.name] ? { camera: { ...v.camera, ...framed[v.name] } } : {}) };
  });
}

/** French as Quebec writes it: a no-break space before a colon, numbers as Intl writes them in French. */
const COLON = '\u00a0:';
const fr = (n: number) => new Intl.NumberFormat('fr').format(n);

/** Each view's name and caption in French, by its English name. */
const FRENCH: Record<string, { name: string; caption: string }> = {
  'Rocmec 1 overview': {
    name: 'Vue d’ensemble de Rocmec 1',
    caption: 'Six systèmes de filons dans une intrusion de gabbro–granodiorite de 1 km sur 600 m, canton de Dasserat, Québec. Modèle illustratif.',
  },
  'Plan: north-trending faults': {
    name: `Plan${COLON} failles de direction nord`,
    caption: 'Trois failles de direction nord recoupent les filons de direction est-nord-est à pendage sud.',
  },
  'Long section: McDowell': {
    name: `Section longitudinale${COLON} McDowell`,
    caption: `McDowell${COLON} ${fr(1660)} m en direction et ${fr(317)} m en profondeur; ${fr(6.07)} g/t Au sur ${fr(0.82)} m d’épaisseur horizontale, teneurs plafonnées à ${fr(45)} g/t.`,
  },
  'McDowell long section: grade × thickness': {
    name: `Section longitudinale McDowell${COLON} teneur × épaisseur`,
    caption: 'Chaque sondage au point où il recoupe le filon McDowell, coloré selon la teneur plafonnée, sur les courbes de teneur × épaisseur horizontale (g/t·m), avec les contours des ressources et les niveaux souterrains.',
  },
  'Restored: one vein system': {
    name: `Restauré${COLON} un seul système de filons`,
    caption: `Une fois le rejet des failles retiré, les segments nommés séparément s’alignent${COLON} un seul système décalé par des failles.`,
  },
  'High grade: 5 g/t Au and above': {
    name: `Haute teneur${COLON} 5 g/t Au et plus`,
    caption: `Analyses de 5 g/t Au et plus, tracées plus larges classe par classe, sur les filons colorés selon la teneur × épaisseur horizontale (g/t·m)${COLON} les colonnes minéralisées. Les teneurs plus faibles sont masquées.`,
  },
};
