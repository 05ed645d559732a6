/**
 * Writes the binary form (.vsb) of a Veinscape JSON deposit file (docs/data-format.md, "The binary
 * form") and prints the sizes.
 *
 *   npm run data:pack -- <in.json> [out.vsb] [--no-f32] [--check]
 *
 *   out.vsb    default: the input's path with .vsb in place of .json
 *   --no-f32   float64 for every interval column, even those float32 holds exactly
 *   --check    decode the written file and validate both forms with the viewer's loader: the models
 *              and the reports must be the same (holds both documents in memory)
 *
 * The whole document is parsed in memory: a 107 MB file (10,000 holes × 100 intervals) needs about
 * 1.5 GB of heap (`NODE_OPTIONS=--max-old-space-size=4096` if Node's default is smaller).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeDeposit, type EncodeResult } from '../src/data/binary/encode';
import { BINARY_EXTENSION } from '../src/data/binary/format';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export const binaryPathFor = (json: string) => json.replace(/\.json$/i, '') + BINARY_EXTENSION;

/** Packs `input` into `output`; returns the encoder's result and the input's size in bytes. */
export function packDeposit(input: string, output: string, f32 = true): EncodeResult & { inputBytes: number } {
  const text = readFileSync(input, 'utf8');
  const result = encodeDeposit(JSON.parse(text), { f32 });
  writeFileSync(output, result.bytes);
  return { ...result, inputBytes: Buffer.byteLength(text) };
}

/** Loads both forms through the viewer's loader and throws if the models or reports differ. */
async function check(input: string, output: string): Promise<void> {
  const { validateDeposit } = await import('../src/data/load');
  const { decodeDeposit } = await import('../src/data/binary/decode');
  const fromJson = validateDeposit(JSON.parse(readFileSync(input, 'utf8')), 'file');
  const decoded = decodeDeposit(readFileSync(output), 'file');
  if (decoded.value === undefined) throw new Error(`the written file does not decode: ${JSON.stringify(decoded.issues)}`);
  const fromBinary = validateDeposit(decoded.value, 'file');
  if (!isDeepStrictEqual(fromJson.report, fromBinary.report)) throw new Error('the two forms give different load reports');
  if (!isDeepStrictEqual(fromJson.model, fromBinary.model)) throw new Error('the two forms give different models');
  console.log(`check: same model and report from both forms (${JSON.stringify(fromJson.report.counts)})`);
}

function parseArgs(argv: string[]): { input: string; output?: string; f32: boolean; check: boolean } {
  const files: string[] = [];
  let f32 = true;
  let doCheck = false;
  for (const a of argv) {
    if (a === '--no-f32') f32 = false;
    else if (a === '--check') doCheck = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run data:pack -- <in.json> [out.vsb] [--no-f32] [--check]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length < 1 || files.length > 2) throw new Error('usage: npm run data:pack -- <in.json> [out.vsb] [--no-f32] [--check]');
  return { input: resolve(files[0]), output: files[1] && resolve(files[1]), f32, check: doCheck };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const output = o.output ?? binaryPathFor(o.input);
  if (output === o.input) throw new Error('the output would overwrite the input; name the .vsb file');
  const t0 = performance.now();
  const r = packDeposit(o.input, output, o.f32);
  const name = (p: string) => relative(process.cwd(), p) || p;
  console.log(
    `wrote ${name(output)}: ${mb(r.bytes.length)} (JSON chunk ${mb(r.jsonBytes)}, body ${mb(r.bodyBytes)} in ${r.buffers} buffers) ` +
      `from ${name(o.input)}: ${mb(r.inputBytes)}, ${((100 * r.bytes.length) / r.inputBytes).toFixed(0)} % of its size, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (o.check) await check(o.input, output);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`pack-deposit: ${(e as Error).message}`);
    process.exit(1);
  });
}
