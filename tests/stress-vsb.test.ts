/**
 * The stress generator's binary writer (scripts/stress/vsb.ts, `gen-stress.ts --vsb`) writes the
 * deposit that `npm run data:pack` makes from the generator's JSON: same bytes, same decoded
 * document, and the counts the options ask for. 50,000 vein triangles make the vertex buffers
 * longer than one write (65,536 elements, not a multiple of 3), so a chunk starts inside a vertex.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDeposit } from '../src/data/binary/decode';
import { DictionaryColumn } from '../src/data/binary/format';
import { validateDeposit } from '../src/data/load';
import { generateStress } from '../scripts/gen-stress';
import { generateStressVsb } from '../scripts/stress/vsb';
import { defaultTriangles } from '../scripts/stress/document';
import { packDeposit } from '../scripts/pack-deposit';

const dir = mkdtempSync(join(tmpdir(), 'stress-vsb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Doc = Record<string, any>;

describe('gen-stress --vsb', () => {
  const o = { holes: 20, intervals: 10, triangles: 50_000, seed: 3 };
  const json = join(dir, 'a.json');
  generateStress(o, json);
  const packed = join(dir, 'packed.vsb');
  packDeposit(json, packed);
  const direct = join(dir, 'direct.vsb');
  const summary = generateStressVsb(o, direct);

  it('writes the same file as packing the JSON form', () => {
    const a = readFileSync(packed);
    const b = readFileSync(direct);
    expect(b.length).toBe(a.length);
    expect(b.equals(a)).toBe(true);
  });

  it('decodes to the same document, with the rows and triangles asked for', () => {
    const a = decodeDeposit(readFileSync(packed), 'file');
    const b = decodeDeposit(readFileSync(direct), 'file');
    expect(b.issues).toEqual([]);
    expect(b.value).toEqual(a.value);
    const doc = b.value as Doc;
    const data = doc.intervals[0].data;
    // 20 holes × 10 rows, holes coded in order ST-00001 ... ST-00020, ten rows each.
    expect(data.hole).toBeInstanceOf(DictionaryColumn);
    expect(data.hole.length).toBe(200);
    expect(data.hole.dictionary).toEqual(Array.from({ length: 20 }, (_, i) => `ST-${String(i + 1).padStart(5, '0')}`));
    expect(data.hole.at(0)).toBe('ST-00001');
    expect(data.hole.at(199)).toBe('ST-00020');
    expect(data.from.length).toBe(200);
    // Contiguous sampling: each row starts where the one before ended in the same hole.
    for (let r = 1; r < 200; r++) if (r % 10) expect(data.from[r]).toBe(data.to[r - 1]);
    const veins = doc.surfaces.filter((s: Doc) => s.zone);
    expect(veins.map((s: Doc) => s.id)).toEqual(['vein-a-sheet', 'vein-b-sheet', 'vein-c-sheet', 'vein-d-sheet']);
    const triangles = veins.reduce((t: number, s: Doc) => t + s.triangles.length / 3, 0);
    expect(Math.abs(triangles - 50_000)).toBeLessThan(200);
    expect(summary.triangles).toBe(triangles);
  });

  it('loads through the viewer with the JSON form\'s report', () => {
    const fromJson = validateDeposit(JSON.parse(readFileSync(json, 'utf8')), 'file');
    const fromVsb = validateDeposit(decodeDeposit(readFileSync(direct), 'file').value, 'file');
    expect(fromVsb.report.errors).toEqual([]);
    expect(fromVsb.report.counts).toEqual(fromJson.report.counts);
  });
});

describe('default vein triangles', () => {
  it('two per interval up to 2,000,000, then 2,000,000', () => {
    expect(defaultTriangles({ holes: 1000, intervals: 100 })).toBe(200_000);
    expect(defaultTriangles({ holes: 10_000, intervals: 100 })).toBe(2_000_000);
    expect(defaultTriangles({ holes: 10_000, intervals: 1000 })).toBe(2_000_000);
    expect(defaultTriangles({ holes: 100_000, intervals: 100 })).toBe(2_000_000);
  });
});
