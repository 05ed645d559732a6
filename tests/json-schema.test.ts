/**
 * The published JSON Schema (public/schema/veinscape-1.schema.json) must
 *  - match what `npm run schema` generates from src/data/schema.ts (never stale),
 *  - accept the sample deposit data/rocmec1.json,
 *  - reject broken documents with errors at the right JSON path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { buildSchema, SCHEMA_FILE } from '../scripts/gen-schema';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SAMPLE_FILE = resolve(ROOT, 'data', 'rocmec1.json');

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new Error(`${file} is missing`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('\n');
}

/** A small valid document built by hand, independent of the sample file. */
function minimalDeposit(): Record<string, any> {
  return {
    format: 'veinscape',
    schemaVersion: 1,
    project: { name: 'Test', crs: { name: 'local grid' } },
    holes: [
      { id: 'H1', collar: [1000, 2000, 300], depth: 150, azimuth: 45, dip: -60 },
      { id: 'H2', collar: [1010, 2000, 300], depth: 80, surveys: [{ depth: 0, azimuth: 90, dip: -45 }] },
    ],
  };
}

let cached: { committed: Record<string, unknown>; validate: ValidateFunction } | undefined;
/** The committed schema file and its compiled ajv validator (read once; each test fails on its own). */
function committedSchema(): { committed: Record<string, unknown>; validate: ValidateFunction } {
  if (!cached) {
    if (!existsSync(SCHEMA_FILE)) throw new Error(`${SCHEMA_FILE} is missing: run \`npm run schema\``);
    const committed = readJson(SCHEMA_FILE) as Record<string, unknown>;
    // strict mode flags unknown keywords; Cell is legitimately a ["number", "string", "null"] union.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    cached = { committed, validate: ajv.compile(committed) };
  }
  return cached;
}

describe('JSON Schema public/schema/veinscape-1.schema.json', () => {

  it('is up to date with src/data/schema.ts (run `npm run schema` if this fails)', () => {
    const { committed } = committedSchema();
    expect(committed, 'public/schema/veinscape-1.schema.json is stale: run `npm run schema`').toEqual(buildSchema());
  });

  it('is a draft 2020-12 schema with $id, title and description', () => {
    const { committed } = committedSchema();
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof committed.$id).toBe('string');
    expect(committed.title).toMatch(/Veinscape/);
    expect(typeof committed.description).toBe('string');
  });

  it('keeps fields with defaults optional (input schema)', () => {
    const { committed, validate } = committedSchema();
    expect(committed.required).toEqual(expect.arrayContaining(['format', 'schemaVersion', 'project']));
    expect(committed.required).not.toContain('holes');
    expect(validate(minimalDeposit()), describeErrors(validate.errors)).toBe(true);
  });

  it('accepts the sample deposit data/rocmec1.json', () => {
    const { validate } = committedSchema();
    expect(existsSync(SAMPLE_FILE), `${SAMPLE_FILE} is missing (npm run data:sample)`).toBe(true);
    const sample = readJson(SAMPLE_FILE);
    const ok = validate(sample);
    expect(describeErrors(validate.errors)).toBe('');
    expect(ok).toBe(true);
  });

  it('rejects a hole with dip 120 at /holes/1/dip', () => {
    const { validate } = committedSchema();
    const doc = minimalDeposit();
    doc.holes[1] = { ...doc.holes[0], id: 'H3', dip: 120 };
    expect(validate(doc)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ instancePath: '/holes/1/dip', keyword: 'maximum' })]),
    );
  });

  it('rejects a survey station with a negative depth at /holes/1/surveys/0/depth', () => {
    const { validate } = committedSchema();
    const doc = minimalDeposit();
    doc.holes[1].surveys[0].depth = -5;
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/holes/1/surveys/0/depth');
  });

  it('rejects schemaVersion 2 at /schemaVersion', () => {
    const { validate } = committedSchema();
    const doc = { ...minimalDeposit(), schemaVersion: 2 };
    expect(validate(doc)).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/schemaVersion', keyword: 'const' })]);
  });

  it('rejects a document without a project and a zone with a bad colour', () => {
    const { validate } = committedSchema();
    const { project: _project, ...doc } = minimalDeposit();
    doc.zones = [{ id: 'Z1', name: 'Vein', color: 'gold', kind: 'vein' }];
    expect(validate(doc)).toBe(false);
    const where = validate.errors!.map((e) => `${e.instancePath}:${e.keyword}`);
    expect(where).toContain(':required');
    expect(where).toContain('/zones/0/color:pattern');
  });
});
