/**
 * The benchmark's "100 real holes" (`--sizes real100`): the forrestania drill database
 * (/work/shared/data/external/forrestania/, or ../shared/data/... beside the clone: 100 collars,
 * 144 survey rows, 4,073 assay rows; provenance in that folder's README) turned once into a deposit
 * JSON by the app's own CSV importer (importCsv, then the loader's validator), so the JSON and the
 * three original CSV files hold the same holes, surveys and assays.
 *
 *   npx tsx scripts/bench/real-data.ts [--out data/stress/forrestania-100.json]
 *
 * Prints the counts (holes, intervals) and the number of errors and warnings; exits 1 when the
 * validator rejects the document.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv } from '../../src/data/csv/index';
import { validateDeposit } from '../../src/data/load';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The three CSV files of the real database, in the order the app's Open… picker gets them. */
export const REAL_CSV = ['collar.csv', 'survey.csv', 'assay.csv'];

/** The folder of the forrestania tables: the shared data beside the clone, or the machine's copy. */
export function realFolder(): string {
  const candidates = [join(ROOT, '../shared/data/external/forrestania'), '/work/shared/data/external/forrestania'];
  const found = candidates.find((d) => existsSync(join(d, 'collar.csv')));
  if (!found) throw new Error(`forrestania tables not found in ${candidates.join(' or ')}`);
  return found;
}

export function convertReal(out: string): { holes: number; intervals: number; errors: number; warnings: number } {
  const dir = realFolder();
  const files = REAL_CSV.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const { document } = importCsv(files);
  const text = JSON.stringify(document);
  // The same check the viewer runs on a JSON file: the twin must load as the CSV set does.
  const { model, report } = validateDeposit(JSON.parse(text), 'forrestania-100.json');
  if (!model) throw new Error(`the converted document does not validate: ${report.errors.slice(0, 3).map((e) => JSON.stringify(e)).join('; ')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return { holes: model.holes.length, intervals: report.counts?.intervals ?? 0, errors: report.errors.length, warnings: report.warnings.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = resolve(i > 0 ? process.argv[i + 1] : join(ROOT, 'data/stress/forrestania-100.json'));
  try {
    const r = convertReal(out);
    console.log(`${out}: ${r.holes} holes, ${r.intervals} intervals (${r.errors} errors, ${r.warnings} warnings)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
