/**
 * Generates data/rocmec1.json, the illustrative Rocmec 1 (Russian Kid) sample deposit.
 *
 *   npm run data:sample            (tsx scripts/gen-sample.ts [--seed N] [--out path])
 *
 * Seeded and deterministic: the same seed gives a byte-identical file. The veins are built in the
 * restored state (faults at zero offset), cut at the north-trending faults into one surface per
 * fault block and moved with their block; holes are drilled in the as-mapped frame and sampled
 * where they actually cross the moved vein pieces. Modules live in scripts/sample/; the published
 * figures are checked again, independently, by tests/sample-figures.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deposit, FORMAT_NAME, SCHEMA_VERSION } from '../src/data/schema';
import { blockMask } from '../src/domain/faults';
import { positionAtDepth } from '../src/domain/desurvey';
import { SEED } from './sample/frame';
import { buildFaults, type FaultCut } from './sample/faults';
import { buildVeins, envelopeSheets, MCDOWELL_STRIKE_LENGTH, type VeinModel } from './sample/veins';
import { cutSheet, meshPiece, meshSlab, pieceVertices, type Piece } from './sample/pieces';
import { hostMesh } from './sample/host';
import { buildWorkings, pathLength } from './sample/workings';
import { RELEASES, withReleases } from './sample/releases';
import { buildViews } from './sample/views';
import { MCD_FRAME } from './sample/frame';
import { designHoles } from './sample/programs';
import { TriIndex, pierceHole, type TriSurface } from './sample/pierce';
import { keptHits, veinSamples, isMcDowell } from './sample/intercepts';
import { buildAssays } from './sample/assays';
import { buildResources } from './sample/resources';
import { FAULT_COLOUR, PROJECT, ZONES } from './sample/meta';
import { mcdowellFigures, planPca, pointsOf, sampleWidths, type MeshLike } from './sample/figures';
import { serialise } from './sample/write';
import type { Vec3 } from '../src/domain/vec3';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** As-mapped strike extent (m) of the McDowell vein sets for a restored Set 1 range. */
function mcdowellExtent(v: VeinModel, faults: FaultCut[]): number {
  const verts = v.sheets.filter((s) => isMcDowell(s.zone)).flatMap((s) => cutSheet(s, faults).map(pieceVertices));
  return planPca(pointsOf(verts)).along;
}

/** Tune the restored Set 1 range (symmetrically) until the as-mapped extent is 1,660 m. */
function tuneVeins(seed: number, faults: FaultCut[]): VeinModel {
  let range: [number, number] = [-830, 830];
  let v = buildVeins(seed, range);
  for (let it = 0; it < 10; it++) {
    const err = MCDOWELL_STRIKE_LENGTH - mcdowellExtent(v, faults);
    if (Math.abs(err) < 0.002) break;
    range = [range[0] - err / 2, range[1] + err / 2];
    v = buildVeins(seed, range);
  }
  return v;
}

/** Every vertex of a piece must lie on its block's side of every fault (the viewer moves vertices by block). */
function checkMasks(mesh: MeshLike, mask: number, faults: FaultCut[], id: string): void {
  const models = faults.map((f) => f.model);
  for (let i = 0; i < mesh.vertices.length; i += 3) {
    const p: Vec3 = [mesh.vertices[i], mesh.vertices[i + 1], mesh.vertices[i + 2]];
    if (blockMask(models, p) !== mask) throw new Error(`${id}: vertex ${i / 3} is outside its fault block`);
  }
}

export function generate(seed = SEED) {
  const faults = buildFaults();
  const veins = tuneVeins(seed, faults);
  const pieces = veins.sheets.map((s) => cutSheet(s, faults));
  // Blocks numbered 1.. west to east along McDowell Set 1.
  const meanU = (p: Piece) => p.rows.reduce((s, r) => s + r.us.reduce((a, b) => a + b, 0) / r.us.length, 0) / p.rows.length;
  const blockNumber = new Map([...pieces[0]].sort((a, b) => meanU(a) - meanU(b)).map((p, i) => [p.mask, i + 1] as const));

  const surfaces: { id: string; name: string; zone?: string; fault?: string; vertices: number[]; triangles: number[] }[] = [];
  const veinSurfaces: TriSurface[] = [];
  for (const sheetPieces of pieces) {
    for (const p of sheetPieces) {
      const n = blockNumber.get(p.mask);
      if (n === undefined) throw new Error(`${p.sheet.id}: block ${p.mask} is not crossed by McDowell Set 1`);
      const mesh = meshPiece(p);
      const id = `${p.sheet.id}-b${n}`;
      checkMasks(mesh, p.mask, faults, id);
      const s = { id, name: `${p.sheet.name}, fault block ${n}`, zone: p.sheet.zone, ...mesh };
      surfaces.push(s);
      veinSurfaces.push(s);
    }
  }
  const [envA, envB] = envelopeSheets(veins).map((s) => cutSheet(s, faults));
  for (const a of envA) {
    const b = envB.find((x) => x.mask === a.mask);
    if (!b) throw new Error(`envelope block ${a.mask} has one side only`);
    const mesh = meshSlab(a, b);
    const id = `mcdowell-alteration-b${blockNumber.get(a.mask)}`;
    checkMasks(mesh, a.mask, faults, id);
    surfaces.push({ id, name: `McDowell alteration envelope, fault block ${blockNumber.get(a.mask)}`, zone: 'mcdowell-alteration', ...mesh });
  }
  surfaces.push({ id: 'host-intrusive', name: 'Host intrusive', zone: 'host-intrusive', ...hostMesh() });
  for (const f of faults) surfaces.push({ id: f.surface.id, name: `${f.def.name} surface`, fault: f.def.id, vertices: f.surface.vertices, triangles: f.surface.triangles });

  const { workings, stations } = buildWorkings(veins.set1);
  const holes = designHoles(seed, veins, faults, stations);
  const drilled = holes.filter((h) => h.rec.status === 'drilled');
  const index = new TriIndex(veinSurfaces);
  let dropped = 0;
  const hits = drilled.map((h) => {
    const k = keptHits(h, pierceHole(index, h.path, h.rec.depth));
    dropped += k.dropped;
    return k.kept;
  });
  const vein = veinSamples(seed, drilled, hits, index);
  const assays = buildAssays(seed, drilled, vein, veins, faults);
  const resourceCategories = buildResources(pieces[0], blockNumber, faults);

  const deposit = {
    format: FORMAT_NAME, schemaVersion: SCHEMA_VERSION, project: PROJECT, zones: ZONES, surfaces,
    faults: faults.map((f) => ({ id: f.def.id, name: { en: f.def.name, fr: `Faille ${f.def.id}` }, surface: f.surface.id, color: FAULT_COLOUR, movingSide: f.def.movingSide, slip: f.def.slip })),
    releases: RELEASES, holes: withReleases(holes), intervals: [assays], resourceCategories, workings,
    views: buildViews(
      veinSurfaces,
      Object.fromEntries(faults.map((f) => [f.def.id, Math.round(Math.hypot(f.def.slip.strikeSlip, f.def.slip.dipSlip) * 100) / 100])),
      ZONES.filter((z) => z.system === 'McDowell' && z.kind === 'vein').map((z) => z.id),
      ZONES.map((z) => z.id),
      MCD_FRAME.strike,
    ),
  };
  const parsed = Deposit.safeParse(deposit);
  if (!parsed.success) throw new Error(`generated deposit fails the schema:\n${JSON.stringify(parsed.error.issues.slice(0, 10), null, 1)}`);

  // Published figures, measured on the written (rounded) values.
  const meshesByZone = new Map<string, MeshLike[]>();
  for (const s of veinSurfaces) meshesByZone.set(s.zone, [...(meshesByZone.get(s.zone) ?? []), s]);
  const pathById = new Map(drilled.map((h) => [h.rec.id, h.path]));
  const d = assays.data;
  const mcd: { hw: number; au: number }[] = [];
  d.zone.forEach((z, i) => {
    if (z && isMcDowell(z)) mcd.push({ hw: sampleWidths(pathById.get(d.hole[i])!, d.from[i], d.to[i], meshesByZone.get(z)!).hw, au: d.Au[i] as number });
  });
  const fig = mcdowellFigures(mcd);
  const mcdVerts = pointsOf(veinSurfaces.filter((s) => isMcDowell(s.zone)).map((s) => s.vertices));
  const planned = holes.filter((h) => h.rec.status === 'planned');
  const stats = {
    holes: holes.length, drilled: drilled.length, planned: planned.length,
    underground: drilled.filter((h) => h.rec.type === 'underground').length,
    intervals: d.hole.length, veinSamples: vein.length, droppedCrossings: dropped,
    surfaces: surfaces.length, triangles: surfaces.reduce((s, x) => s + x.triangles.length / 3, 0),
    mcdowellExtent: planPca(mcdVerts).along, mcdowellDepth: 300 - Math.min(...mcdVerts.map((p) => p[2])),
    mcdowellIntercepts: fig.n, meanHw: fig.meanHw, cappedGrade: fig.grade, above45: mcd.filter((x) => x.au > 45).length,
    plannedMinEnd: Math.min(...planned.map((h) => positionAtDepth(h.path, h.rec.depth)[2])),
    drifts: workings.filter((w) => w.kind === 'drift').reduce((s, w) => s + pathLength(w.path as Vec3[]), 0),
    decline: pathLength(workings.find((w) => w.kind === 'decline')!.path as Vec3[]),
  };
  return { deposit, stats };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const seed = Number(opt('--seed') ?? SEED);
  const out = resolve(ROOT, opt('--out') ?? 'data/rocmec1.json');
  const t0 = performance.now();
  const { deposit, stats } = generate(seed);
  const text = serialise(deposit as unknown as Record<string, unknown>);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(JSON.stringify({ ...stats, bytes: text.length, seconds: +((performance.now() - t0) / 1000).toFixed(1), out }, null, 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
