/**
 * Generates a synthetic stress-test deposit file for the benchmark (`npm run bench`) and the scale
 * end-to-end test.
 *
 *   npm run data:stress -- --holes 10000 --intervals 100 [--triangles 2000000] [--seed 1] [--out path] [--check] [--binary]
 *
 *   --holes N        number of drill holes (default 1000)
 *   --intervals M    assay intervals per hole (default 100): N × M rows in all
 *   --triangles T    vein surface triangles in all, over four gridded veins (default 2 per interval
 *                    up to 2,000,000, which 10,000 holes × 100 intervals reach; larger sizes keep 2,000,000)
 *   --seed S         random seed (default 1); the same arguments give a byte-identical file
 *   --out path       default data/stress/stress-<N>h-<M>i.json (with -<T>t when T is not the default)
 *   --check          parse the written file and validate it with the zod `Deposit` schema and the
 *                    viewer's own loader (for small files: it holds the whole document in memory)
 *   --binary         also write the binary form next to the JSON (same name, .vsb; scripts/pack-deposit.ts):
 *                    it parses the written JSON whole, about 1.5 GB of heap at 10,000 × 100
 *   --vsb            write the binary form (.vsb) directly instead of the JSON (stress/vsb.ts), streamed
 *                    buffer by buffer: the only way past about 1,000,000 intervals, whose JSON text
 *                    would be too long for a JavaScript string (10,000 × 1,000 needs about 0.3 GB of heap)
 *   --csv            write the drilling as CSV tables instead (stress/csv.ts): a folder (default
 *                    data/stress/stress-<N>h-<M>i-csv) with collar.csv, survey.csv, assay.csv and
 *                    holes.json, the same holes and assays as a JSON document (no surfaces, no faults)
 *
 * The file is a valid Veinscape JSON document (docs/data-format.md) in the style of the Rocmec 1
 * sample: UTM coordinates (EPSG:26917), four veins striking 070° and dipping 60° south, three
 * north-trending faults with slip, holes with column-wise surveys, one column-wise assay table
 * (hole, from, to, Au, zone) and a few workings. It is written as it is generated (see
 * stress/writer.ts), so a million intervals and two million triangles need a few tens of MB of heap.
 * The data are synthetic and say so in the project's disclaimer.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_NAME, SCHEMA_VERSION } from '../src/data/schema';
import { designDrilling, writeAssays, writeHoles } from './stress/holes';
import { writeSurface } from './stress/surfaces';
import { defaultTriangles, stressProject, stressSurfaces, workingRecords, zoneRecords, type StressOptions, type StressSummary } from './stress/document';
import { generateStressVsb } from './stress/vsb';
import { JsonWriter } from './stress/writer';
import { binaryPathFor, packDeposit } from './pack-deposit';
import { BINARY_EXTENSION } from '../src/data/binary/format';
import { generateStressCsv } from './stress/csv';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { defaultTriangles, type StressOptions, type StressSummary };

export function defaultOut(o: StressOptions, extension = '.json'): string {
  const t = o.triangles ?? defaultTriangles(o);
  const suffix = t === defaultTriangles(o) ? '' : `-${t}t`;
  return resolve(ROOT, 'data/stress', `stress-${o.holes}h-${o.intervals}i${suffix}${extension}`);
}

/** Write the deposit to `path`; returns what was written. */
export function generateStress(o: StressOptions, path: string): StressSummary {
  const t0 = performance.now();
  const seed = o.seed ?? 1;
  const triangles = o.triangles ?? defaultTriangles(o);
  const drilling = designDrilling(seed, o.holes, o.intervals);
  mkdirSync(dirname(path), { recursive: true });
  const out = new JsonWriter(path);

  out.write(`{\n  "format": ${JSON.stringify(FORMAT_NAME)},\n  "schemaVersion": ${SCHEMA_VERSION},\n  "project": ${JSON.stringify(stressProject(o, triangles, seed))},\n  "zones": [`);
  zoneRecords().forEach((zone, i) => out.write(`${i ? ',' : ''}\n    ${JSON.stringify(zone)}`));
  out.write('\n  ],\n  "surfaces": [\n');

  const { veins, faults, faultRecords } = stressSurfaces(drilling, triangles);
  let veinTriangles = 0;
  for (const v of veins) {
    veinTriangles += writeSurface(out, v);
    out.write(',\n');
  }
  let faultTriangles = 0;
  faults.forEach((f, i) => {
    faultTriangles += writeSurface(out, f);
    out.write(i < faults.length - 1 ? ',\n' : '\n');
  });
  out.write('  ],\n  "faults": [');
  faultRecords.forEach((rec, i) => out.write(`${i ? ',' : ''}\n    ${JSON.stringify(rec)}`));
  out.write('\n  ],\n  "holes": [');
  writeHoles(out, drilling.holes);
  out.write('\n  ],\n  "intervals": [');
  writeAssays(out, drilling.holes, drilling.assays);
  out.write('\n  ],\n  "workings": [');
  workingRecords(drilling).forEach((w, i) => out.write(`${i ? ',' : ''}\n    ${JSON.stringify(w)}`));
  out.write('\n  ]\n}\n');
  out.close();
  return {
    path,
    bytes: statSync(path).size,
    holes: o.holes,
    intervals: o.holes * o.intervals,
    triangles: veinTriangles,
    faultTriangles,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Validate a written file with the zod schema and the viewer's loader (whole document in memory). */
async function check(path: string): Promise<void> {
  const { Deposit } = await import('../src/data/schema');
  const { validateDeposit } = await import('../src/data/load');
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const strict = Deposit.safeParse(doc);
  if (!strict.success) throw new Error(`not a valid Deposit: ${strict.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { report } = validateDeposit(doc, path);
  const issues = [...report.errors, ...report.warnings];
  if (!report.ok || report.errors.length > 0) throw new Error(`the loader reports errors: ${JSON.stringify(report.errors.slice(0, 5))}`);
  console.log(`check: valid Deposit; loader counts ${JSON.stringify(report.counts)}; ${issues.length} warning(s)${issues.length ? ': ' + issues.slice(0, 3).map((w) => w.message).join(' | ') : ''}`);
}

function parseArgs(argv: string[]): StressOptions & { out?: string; check: boolean; binary: boolean; csv: boolean; vsb: boolean } {
  const o: StressOptions & { out?: string; check: boolean; binary: boolean; csv: boolean; vsb: boolean } = { holes: 1000, intervals: 100, check: false, binary: false, csv: false, vsb: false };
  const int = (flag: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer ≥ ${min} (got ${v})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--holes') o.holes = int(flag, value(), 1);
    else if (flag === '--intervals') o.intervals = int(flag, value(), 1);
    else if (flag === '--triangles') o.triangles = int(flag, value(), 2);
    else if (flag === '--seed') o.seed = int(flag, value(), 0);
    else if (flag === '--out') o.out = value();
    else if (flag === '--check') o.check = true;
    else if (flag === '--binary') o.binary = true;
    else if (flag === '--csv') o.csv = true;
    else if (flag === '--vsb') o.vsb = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: tsx scripts/gen-stress.ts --holes N --intervals M [--triangles T] [--seed S] [--out path] [--check] [--binary] [--csv] [--vsb]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.csv) {
    const dir = o.out ? resolve(o.out) : resolve(ROOT, 'data/stress', `stress-${o.holes}h-${o.intervals}i-csv`);
    const c = generateStressCsv(o, dir);
    console.log(`wrote ${relative(process.cwd(), c.dir) || c.dir}/: ${(c.csvBytes / 1e6).toFixed(1)} MB of CSV (collar, survey, assay) and holes.json ${(c.jsonBytes / 1e6).toFixed(1)} MB, ${c.holes} holes, ${c.intervals} intervals in ${c.seconds.toFixed(1)} s`);
    return;
  }
  if (o.vsb) {
    const path = o.out ? resolve(o.out) : defaultOut(o, BINARY_EXTENSION);
    mkdirSync(dirname(path), { recursive: true });
    const v = generateStressVsb(o, path);
    console.log(`wrote ${relative(process.cwd(), v.path) || v.path}: ${(v.bytes / 1e6).toFixed(1)} MB (binary form), ${v.holes} holes, ${v.intervals} intervals, ${v.triangles} vein + ${v.faultTriangles} fault triangles in ${v.seconds.toFixed(1)} s`);
    return;
  }
  const path = o.out ? resolve(o.out) : defaultOut(o);
  const s = generateStress(o, path);
  console.log(
    `wrote ${relative(process.cwd(), s.path) || s.path}: ${(s.bytes / 1e6).toFixed(1)} MB, ${s.holes} holes, ${s.intervals} intervals, ` +
      `${s.triangles} vein + ${s.faultTriangles} fault triangles in ${s.seconds.toFixed(1)} s`,
  );
  if (o.check) await check(path);
  if (o.binary) {
    const out = binaryPathFor(path);
    const b = packDeposit(path, out);
    console.log(`wrote ${relative(process.cwd(), out) || out}: ${(b.bytes.length / 1e6).toFixed(1)} MB, the binary form (${((100 * b.bytes.length) / b.inputBytes).toFixed(0)} % of the JSON)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`gen-stress: ${(e as Error).message}`);
    process.exit(1);
  });
}
