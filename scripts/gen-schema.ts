/**
 * Generates the published JSON Schema (draft 2020-12) of the Veinscape deposit file from the zod
 * schema `Deposit` in src/data/schema.ts, and writes it to public/schema/veinscape-1.schema.json
 * (Vite copies public/ into the build, so it ships as schema/veinscape-1.schema.json).
 *
 *   npm run schema
 *
 * The schema is generated for the *input* side (io: 'input'), so fields with defaults are optional,
 * exactly as a hand-written file may omit them. zod `refine` checks (finite numbers, "a surface
 * belongs to exactly one zone or one fault", "rows or data, not both") cannot be expressed in JSON
 * Schema and are only enforced by the app's loader.
 *
 * tests/json-schema.test.ts regenerates the schema with `buildSchema()` and fails when the committed
 * file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Deposit, FORMAT_NAME, SCHEMA_VERSION } from '../src/data/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SCHEMA_FILE = resolve(ROOT, 'public', 'schema', `${FORMAT_NAME}-${SCHEMA_VERSION}.schema.json`);
export const SCHEMA_ID = `urn:veinscape:schema:${FORMAT_NAME}-${SCHEMA_VERSION}`;

/** The JSON Schema object for the current `Deposit` zod schema. */
export function buildSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Deposit, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  // Put the identifying keywords first so the file reads well.
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: `Veinscape deposit file, version ${SCHEMA_VERSION}`,
    description:
      'One JSON document per gold deposit for the Veinscape 3D viewer. Lengths in metres, grades in g/t, ' +
      'azimuth in degrees clockwise from grid north [0, 360), dip in degrees from horizontal, negative ' +
      'downward [-90, 90], depths measured along the hole from the collar; coordinates are real-world ' +
      'easting / northing / elevation in metres. Generated from src/data/schema.ts by `npm run schema`; ' +
      'do not edit by hand. Some rules (finite numbers, a surface belongs to exactly one zone or fault, ' +
      'an interval table has rows or data but not both) are checked only by the Veinscape loader.',
    ...rest,
  };
}

/** The exact text written to SCHEMA_FILE (pretty printed, trailing newline). */
export function schemaText(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

function main(): void {
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE.slice(ROOT.length + 1)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main();
}
