/**
 * The binary form (.vsb, src/data/binary): the same models and reports as the JSON on the sample,
 * a real drill database imported from CSV and generated stress data; clear messages with where for
 * every kind of damage, and float32 only where it is exact.
 *
 * Damaged files are built by hand here (header bytes and body written with Node's Buffer), not by the
 * encoder, so the decoder is checked against the format's description rather than against itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeDeposit } from '../src/data/binary/encode';
import { decodeDeposit, ownSurfaceArrays, parseDepositBytes } from '../src/data/binary/decode';
import { DictionaryColumn, hasBinaryMagic } from '../src/data/binary/format';
import { validateDeposit } from '../src/data/load';
import { importCsv } from '../src/data/csv';
import { generateStress } from '../scripts/gen-stress';

type Doc = Record<string, any>;

const readJson = (url: URL): Doc => JSON.parse(readFileSync(url, 'utf8'));
const sample = () => readJson(new URL('../data/rocmec1.json', import.meta.url));
const mini = () => readJson(new URL('./fixtures/mini-deposit.json', import.meta.url));

/** Loads a document through JSON text and through the binary form. */
function bothForms(doc: Doc) {
  const fromJson = validateDeposit(JSON.parse(JSON.stringify(doc)), 'file');
  const encoded = encodeDeposit(doc);
  const decoded = decodeDeposit(encoded.bytes, 'file');
  expect(decoded.issues).toEqual([]);
  const fromBinary = validateDeposit(decoded.value, 'file');
  return { fromJson, fromBinary, encoded, decoded };
}

/** The JSON chunk of a file, read with the header's own length field. */
function jsonChunk(bytes: Uint8Array): Doc {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  expect(b.toString('latin1', 0, 4)).toBe('VSCB');
  return JSON.parse(b.toString('utf8', 16, 16 + b.readUInt32LE(8)));
}

/** A binary file written by hand: 16-byte header, JSON padded with spaces to 8 bytes, then the body. */
function handBuilt(doc: unknown, body: Buffer, o: { magic?: string; version?: number; bodyLength?: number } = {}): Uint8Array {
  let json = Buffer.from(JSON.stringify(doc), 'utf8');
  json = Buffer.concat([json, Buffer.alloc((8 - (json.length % 8)) % 8, 0x20)]);
  const header = Buffer.alloc(16);
  header.write(o.magic ?? 'VSCB', 0, 'latin1');
  header.writeUInt32LE(o.version ?? 1, 4);
  header.writeUInt32LE(json.length, 8);
  header.writeUInt32LE(o.bodyLength ?? body.length, 12);
  // A fresh ArrayBuffer starting at 0 (Buffer.concat may hand out a slice of Node's pool).
  return new Uint8Array(Buffer.concat([header, json, body]));
}

const f64 = (xs: number[]) => Buffer.from(new Float64Array(xs).buffer);
const u16 = (xs: number[]) => {
  const b = Buffer.from(new Uint16Array(xs).buffer);
  return Buffer.concat([b, Buffer.alloc((8 - (b.length % 8)) % 8)]);
};
const ref = (type: string, offset: number, length: number) => ({ $buffer: { type, offset, length } });

describe('the same model and report as the JSON', () => {
  it('on the Rocmec 1 sample (row-free, column-form assays with categories)', () => {
    const doc = sample();
    const { fromJson, fromBinary, encoded } = bothForms(doc);
    expect(fromBinary.model).toEqual(fromJson.model);
    expect(fromBinary.report).toEqual(fromJson.report);
    // Independent facts, from the JSON document itself.
    const triangles = doc.surfaces.reduce((n: number, s: Doc) => n + s.triangles.length / 3, 0);
    expect(fromBinary.report.counts.triangles).toBe(triangles);
    expect(fromBinary.report.counts.intervals).toBe(doc.intervals[0].data.hole.length);
    expect(fromBinary.model!.surfaces[3].vertices[1]).toBe(doc.surfaces[3].vertices[1]);
    // Smaller than the JSON text.
    expect(encoded.bytes.length).toBeLessThan(Buffer.byteLength(JSON.stringify(doc)));
    const chunk = jsonChunk(encoded.bytes);
    expect(chunk.surfaces[0].vertices.$buffer.type).toBe('f64');
    expect(chunk.surfaces[0].triangles.$buffer.type).toBe('u32');
    expect(chunk.intervals[0].data.hole.$buffer.type).toBe('u16');
    expect(chunk.intervals[0].data.hole.dictionary).toEqual([...new Set(doc.intervals[0].data.hole)]);
    // Holes stay JSON records.
    expect(chunk.holes).toEqual(doc.holes);
  });

  it('adopts the file\'s float64 vertices and uint32 triangles in place, then owns them before they leave the worker', () => {
    const { bytes } = encodeDeposit(mini());
    const decoded = decodeDeposit(bytes, 'mini.vsb');
    const model = validateDeposit(decoded.value, 'mini.vsb').model!;
    expect(model.surfaces[0].vertices.buffer).toBe(bytes.buffer);
    expect(model.surfaces[0].triangles.buffer).toBe(bytes.buffer);
    const before = Array.from(model.surfaces[0].vertices);
    ownSurfaceArrays(model);
    expect(model.surfaces[0].vertices.buffer).not.toBe(bytes.buffer);
    expect(Array.from(model.surfaces[0].vertices)).toEqual(before);
  });

  it('on a real drill database (forrestania, imported from CSV: 50 assay columns, below-detection and blank cells)', () => {
    const folder = new URL('../../shared/data/external/forrestania/', import.meta.url);
    const files = ['collar.csv', 'survey.csv', 'assay.csv'].map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
    const doc = importCsv(files).document as Doc;
    const { fromJson, fromBinary } = bothForms(doc);
    expect(fromBinary.model).toEqual(fromJson.model);
    expect(fromBinary.report).toEqual(fromJson.report);
    // assay.csv has 4,074 rows, 44 blank and 2 negative (below-detection) gold values.
    expect(fromBinary.report.counts.intervals).toBe(4074);
    const au = fromBinary.model!.intervals[0].numeric.Au;
    expect(Array.from(au).filter(Number.isNaN)).toHaveLength(44);
    expect(fromBinary.report.notes?.find((w) => /^Au: 2 below-detection/.test(w.message))).toBeTruthy();
  });

  describe('on generated stress data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veinscape-vsb-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('200 holes × 20 intervals, 8,000 vein triangles', () => {
      const path = join(dir, 'stress.json');
      generateStress({ holes: 200, intervals: 20, triangles: 8000 }, path);
      const doc = readJson(new URL(`file://${path}`));
      const { fromJson, fromBinary } = bothForms(doc);
      expect(fromBinary.model).toEqual(fromJson.model);
      expect(fromBinary.report).toEqual(fromJson.report);
      expect(fromBinary.report.counts.intervals).toBe(4000);
      expect(fromBinary.report.counts.holes).toBe(200);
    });
  });

  it('turns row-form tables into columns; text and sentinel cells read back the same', () => {
    const doc = mini();
    const rows = doc.intervals[0].rows;
    rows.push(['DH-2', 162, 163, '<0.005', 'v1'], ['DH-2', 163, 164, 'NS', ''], ['DH-2', 164, 165, -99, 7], ['DH-2', 165, 166, ' 2.5 ', null], ['DH-2', 166, 167]);
    const { fromJson, fromBinary, encoded } = bothForms(doc);
    expect(fromBinary.model).toEqual(fromJson.model);
    expect(fromBinary.report).toEqual(fromJson.report);
    const t = jsonChunk(encoded.bytes).intervals[0];
    expect(t.rows).toBeUndefined();
    expect(Object.keys(t.data)).toEqual(['hole', 'from', 'to', 'Au', 'zone']);
    expect(t.data.zone.dictionary).toEqual(['v1', '7']);
    // Every Au cell has a number form, so the column is in the body (as -0.005, NaN, NaN, 2.5, NaN).
    expect(t.data.Au.$buffer.type).toBe('f64');
    // "<0.005" is half of 0.005; -0.01 half of 0.01; NS and -99 missing; " 2.5 " is 2.5.
    const au = Array.from(fromBinary.model!.intervals[0].numeric.Au);
    expect(au.slice(7)).toEqual([0.0025, NaN, NaN, 2.5, NaN]);
    expect(au[5]).toBe(0.005);
  });

  it('keeps a column that has no exact number form ("<0" below a zero limit) as JSON, still the same model', () => {
    const doc = mini();
    doc.intervals[0].rows.push(['DH-2', 162, 163, '<0', null]);
    const { fromJson, fromBinary, encoded } = bothForms(doc);
    expect(fromBinary.model).toEqual(fromJson.model);
    expect(fromBinary.report).toEqual(fromJson.report);
    expect(Array.isArray(jsonChunk(encoded.bytes).intervals[0].data.Au)).toBe(true);
  });

  it('reads a file that does not start 8-byte aligned in memory (a copy instead of a view)', () => {
    const { bytes } = encodeDeposit(mini());
    const shifted = new Uint8Array(bytes.length + 4);
    shifted.set(bytes, 4);
    const odd = shifted.subarray(4);
    const a = validateDeposit(decodeDeposit(bytes, 'x').value, 'x');
    const b = validateDeposit(decodeDeposit(odd, 'x').value, 'x');
    expect(b.model).toEqual(a.model);
    expect(b.model!.surfaces[0].vertices.buffer).not.toBe(shifted.buffer);
  });
});

describe('float32 only where it is exact', () => {
  it('depths on half metres go float32, grades with decimals and every vertex stay float64', () => {
    const doc = mini();
    const { encoded, fromJson, fromBinary } = bothForms(doc);
    const data = jsonChunk(encoded.bytes).intervals[0].data;
    // Every from / to of the fixture (0, 100, 150, 151.2 ...): 151.2 is not a float32, so float64.
    expect(data.from.$buffer.type).toBe('f64');
    expect(data.Au.$buffer.type).toBe('f64');
    doc.intervals[0].rows = doc.intervals[0].rows.map((r: unknown[]) => [r[0], 0.5 * Math.round(2 * (r[1] as number)), 0.5 * Math.round(2 * (r[2] as number)) + 0.5, 0.25, r[4]]);
    const halves = encodeDeposit(doc);
    const d2 = jsonChunk(halves.bytes).intervals[0].data;
    expect([d2.from.$buffer.type, d2.to.$buffer.type, d2.Au.$buffer.type]).toEqual(['f32', 'f32', 'f32']);
    expect(jsonChunk(halves.bytes).surfaces[0].vertices.$buffer.type).toBe('f64');
    const m = validateDeposit(decodeDeposit(halves.bytes, 'x').value, 'x').model!;
    expect(Array.from(m.intervals[0].from)).toEqual(doc.intervals[0].rows.map((r: number[]) => r[1]));
    expect(encodeDeposit(doc, { f32: false }).bytes.length).toBeGreaterThan(halves.bytes.length);
    expect(fromBinary.model).toEqual(fromJson.model);
  });

  it('a UTM northing is kept to the last bit (float32 would move it by up to 0.25 m)', () => {
    const doc = mini();
    doc.surfaces[0].vertices[1] = 5343105.123456789;
    const m = validateDeposit(decodeDeposit(encodeDeposit(doc).bytes, 'x').value, 'x').model!;
    expect(m.surfaces[0].vertices[1]).toBe(5343105.123456789);
    expect(Math.fround(5343105.123456789)).not.toBe(5343105.123456789);
  });
});

describe('damaged files: refused with where, or the record / row reported as in JSON', () => {
  // The fixture's first surface, by hand: 91 vertices in the body, the triangles in the JSON.
  const base = () => {
    const doc = mini();
    const verts: number[] = doc.surfaces[0].vertices;
    doc.surfaces[0].vertices = ref('f64', 0, verts.length);
    return { doc, body: f64(verts), verts };
  };

  it('checks the hand-built file itself loads like the JSON', () => {
    const { doc, body } = base();
    const bytes = handBuilt(doc, body);
    expect(hasBinaryMagic(bytes)).toBe(true);
    expect(validateDeposit(decodeDeposit(bytes, 'x').value, 'x').model).toEqual(validateDeposit(mini(), 'x').model);
  });

  it('bad magic or version: not a Veinscape binary file', () => {
    const { doc, body } = base();
    const magic = decodeDeposit(handBuilt(doc, body, { magic: 'GLTF' }), 'm.vsb');
    expect(magic.value).toBeUndefined();
    expect(magic.issues).toMatchObject([{ path: 'm.vsb', message: expect.stringMatching(/^not a Veinscape binary file/) }]);
    const version = decodeDeposit(handBuilt(doc, body, { version: 2 }), 'v.vsb');
    expect(version.issues[0].message).toMatch(/^not a Veinscape binary file .*version 2/);
    // JSON text with a .vsb name is still JSON: content decides.
    expect(parseDepositBytes(new TextEncoder().encode(JSON.stringify(mini())), 'named.vsb').value).toEqual(mini());
    // Neither: a .vsb name gets the binary form's message, any other name the JSON's.
    const zip = new TextEncoder().encode('PK\u0003\u0004 not a deposit');
    expect(parseDepositBytes(zip, 'a.vsb').issues[0].message).toMatch(/^not a Veinscape binary file/);
    expect(parseDepositBytes(zip, 'a.json').issues[0].message).toMatch(/^not valid JSON/);
  });

  it('truncated: the header announces more bytes than the file has', () => {
    const { doc, body } = base();
    const bytes = handBuilt(doc, body);
    const cut = decodeDeposit(bytes.subarray(0, bytes.length - 100), 'cut.vsb');
    expect(cut.issues).toHaveLength(1);
    expect(cut.issues[0].path).toBe('cut.vsb');
    expect(cut.issues[0].message).toMatch(/^truncated Veinscape binary file: the header announces \d+ bytes .* the file has \d+/);
    expect(decodeDeposit(bytes.subarray(0, 10), 'tiny.vsb').issues[0].message).toMatch(/not a Veinscape binary file/);
  });

  it('a reference outside the body, with its JSON path', () => {
    const { doc, body } = base();
    doc.surfaces[0].vertices = ref('f64', 0, 1000);
    const r = decodeDeposit(handBuilt(doc, body), 'x');
    expect(r.value).toBeUndefined();
    expect(r.issues).toMatchObject([{ path: '$.surfaces[0].vertices', message: expect.stringMatching(/^buffer reference outside the file \(offset 0, length 1000/) }]);
  });

  it('a misaligned reference and an unknown type, each with its path', () => {
    const { doc, body } = base();
    doc.surfaces[0].vertices = ref('f64', 4, 3);
    doc.surfaces[1].vertices = ref('f16', 0, 3);
    const r = decodeDeposit(handBuilt(doc, body), 'x');
    expect(r.issues).toMatchObject([
      { path: '$.surfaces[0].vertices', message: expect.stringMatching(/misaligned \(offset 4 is not a multiple of 8 bytes\)/) },
      { path: '$.surfaces[1].vertices', message: expect.stringMatching(/^unknown buffer type "f16"/) },
    ]);
  });

  it('a NaN vertex drops that surface with the element\'s path; the rest loads', () => {
    const { doc, verts } = base();
    const bad = [...verts];
    bad[4] = NaN;
    const loaded = validateDeposit(decodeDeposit(handBuilt(doc, f64(bad)), 'x').value, 'x');
    expect(loaded.report.ok).toBe(true);
    expect(loaded.report.errors.map((e) => [e.path, e.id])).toEqual([['$.surfaces[0].vertices[4]', 'v1-s']]);
    expect(loaded.model!.surfaces.map((s) => s.id)).toEqual(['f1-s']);
    expect(loaded.report.dropped.surfaces).toBe(1);
  });

  describe('dictionary-coded hole column', () => {
    // The fixture's 7 assay rows as columns, holes coded against a dictionary that names a hole
    // the file does not have (rows 4 and 6).
    const rows = () => mini().intervals[0].rows as unknown[][];
    const columnDoc = (dictionary: string[], codes: number[]) => {
      const r = rows();
      const doc = mini();
      const from = f64(r.map((x) => x[1] as number));
      const to = f64(r.map((x) => x[2] as number));
      const au = f64(r.map((x) => (x[3] as number | null) ?? NaN));
      const holes = u16(codes);
      const body = Buffer.concat([from, to, au, holes]);
      const n = r.length;
      doc.intervals[0] = {
        id: 'assays',
        columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }],
        data: { hole: { ...ref('u16', 3 * 8 * n, n), dictionary }, from: ref('f64', 0, n), to: ref('f64', 8 * n, n), Au: ref('f64', 16 * n, n) },
      };
      return { doc, body };
    };

    it('an unknown hole id is reported per table, row and id, as from the JSON columns', () => {
      const { doc, body } = columnDoc(['DH-1', 'DH-9'], [0, 0, 0, 0, 1, 0xffff, 1]);
      const decoded = decodeDeposit(handBuilt(doc, body), 'x');
      expect(decoded.issues).toEqual([]);
      expect(decoded.value).toMatchObject({ intervals: [{ data: { hole: expect.any(DictionaryColumn) } }] });
      const bin = validateDeposit(decoded.value, 'x');
      const r = rows();
      const plain = mini();
      plain.intervals[0] = { id: 'assays', columns: [{ name: 'Au', type: 'numeric', unit: 'g/t' }], data: { hole: ['DH-1', 'DH-1', 'DH-1', 'DH-1', 'DH-9', null, 'DH-9'], from: r.map((x) => x[1]), to: r.map((x) => x[2]), Au: r.map((x) => x[3]) } };
      const json = validateDeposit(plain, 'x');
      expect(bin.report.errors).toMatchObject([
        { path: '$.intervals[0].data[row 5]', message: 'hole id missing; row ignored' },
        { path: '$.intervals[0].data[row 4]', id: 'DH-9', message: 'unknown hole "DH-9" (2 rows); rows ignored' },
      ]);
      expect(bin.report).toEqual(json.report);
      expect(bin.model).toEqual(json.model);
      expect(bin.report.counts.intervals).toBe(4);
    });

    it('a code outside its dictionary refuses the file, with the column\'s path', () => {
      const { doc, body } = columnDoc(['DH-1'], [0, 0, 0, 0, 3, 0, 0]);
      const r = decodeDeposit(handBuilt(doc, body), 'x');
      expect(r.issues).toMatchObject([{ path: '$.intervals[0].data.hole', message: 'code 3 at row 4 is outside the dictionary (1 entries)' }]);
    });

    it('columns of different lengths: the JSON\'s message', () => {
      const { doc, body } = columnDoc(['DH-1', 'DH-2'], [0, 0, 0, 0, 1, 1, 1]);
      doc.intervals[0].data.Au.$buffer.length = 6;
      const loaded = validateDeposit(decodeDeposit(handBuilt(doc, body), 'x').value, 'x');
      expect(loaded.report.errors).toMatchObject([{ path: '$.intervals[0].data', id: 'assays', message: 'column "Au" has 6 values but "hole" has 7; table ignored' }]);
    });
  });
});
