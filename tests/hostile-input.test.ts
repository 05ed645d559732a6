/**
 * Hostile deposit files, JSON and binary (.vsb): truncated, bit-flipped, wrong types in every field,
 * out-of-range indices and references, huge arrays and strings, deep nesting, prototype-polluting
 * keys, markup in text, and one absurd coordinate. For each: no exception escapes, the report names
 * the file and a JSON path, every valid record still loads, and nothing derived from the data's
 * extent (model box, axes ticks, contour grids, the local origin) is stretched or unbounded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDepositText, MAX_LISTED_RECORDS, validateDeposit } from '../src/data/load';
import { parseDepositBytes } from '../src/data/binary/decode';
import { encodeDeposit } from '../src/data/binary/encode';
import type { LoadReport, Model } from '../src/data/model';
import { prepare } from '../src/domain/prepare';
import { dataBox } from '../src/domain/bounds';
import { axisBox, MAX_TICKS_PER_AXIS } from '../src/domain/axes';
import { gridFor, idwField, idwGrid } from '../src/domain/contours';
import { robustExtent } from '../src/domain/extent';
import { ticksFor } from '../src/ui/longsection/view';

type Doc = Record<string, any>;
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));
const mini = (): Doc => readJson(new URL('./fixtures/mini-deposit.json', import.meta.url));
const sampleText = readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8');
const sample = (): Doc => JSON.parse(sampleText);

/** What every report must be, whatever the input: about the file, each issue with a place and a message. */
function expectSound(report: LoadReport, source: string): void {
  expect(report.source).toBe(source);
  for (const issue of [...report.errors, ...report.warnings]) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path.startsWith('$') || issue.path.startsWith(source)).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    // A report stays small enough to show: no 10 MB id or message.
    expect(issue.message.length).toBeLessThan(2000);
    expect((issue.id ?? '').length).toBeLessThan(2000);
  }
  if (!report.ok) expect(report.errors.length).toBeGreaterThan(0);
}

/** Validate a document; never throws (a throw fails the test with the case's name). */
function load(doc: unknown, source = 'hostile.json') {
  const r = validateDeposit(doc, source);
  expectSound(r.report, source);
  return r;
}

const holeIds = (m?: Model) => m?.holes.map((h) => h.id) ?? [];

describe('hostile JSON text', () => {
  it('cut at any point: a message naming the file, never an exception', () => {
    const text = JSON.stringify(mini());
    for (let cut = 0; cut < text.length; cut += 37) {
      const { model, report } = loadDepositText(text.slice(0, cut), 'cut.json');
      expectSound(report, 'cut.json');
      expect(model).toBeUndefined();
      expect(report.errors[0].path).toMatch(/^cut\.json/);
    }
  });

  it('nested 100,000 levels deep, at the top, inside a record and beside the records: the rest loads', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const top = loadDepositText(deep, 'deep.json');
    expectSound(top.report, 'deep.json');
    expect(top.report.ok).toBe(false);
    const text = JSON.stringify(mini());
    const inHoles = loadDepositText(text.replace('"holes":[', `"holes":[${deep},`), 'deep.json');
    expectSound(inHoles.report, 'deep.json');
    expect(holeIds(inHoles.model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    expect(inHoles.report.errors.map((e) => e.path)).toEqual(['$.holes[0]']);
    const inRecord = loadDepositText(text.replace('"id":"DH-2",', `"id":"DH-2","extra":${deep},`), 'deep.json');
    expect(holeIds(inRecord.model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    const inCell = loadDepositText(text.replace('["DH-2",0,160,0.1,null]', `["DH-2",0,160,${deep},null]`), 'deep.json');
    expectSound(inCell.report, 'deep.json');
    expect(inCell.report.counts.intervals).toBe(6);
    expect(inCell.report.errors[0]).toMatchObject({ path: '$.intervals[0].rows[4][3]', id: 'DH-2' });
    expect(inCell.report.errors[0].message).toMatch(/cell 3 must be a number, text or null \(found an array\); row ignored/);
  });

  it('a bad cell in a column-form table costs its row, not the table', () => {
    const doc = mini();
    const rows = doc.intervals[0].rows as unknown[][];
    const col = (k: number) => rows.map((r) => r[k]);
    doc.intervals[0] = { id: 'assays', columns: doc.intervals[0].columns, data: { hole: col(0), from: col(1), to: col(2), Au: col(3), zone: col(4) } };
    doc.intervals[0].data.Au[2] = { $buffer: 'nope' };
    doc.intervals[0].data.zone[5] = [1, 2];
    const { model, report } = load(doc);
    expect(report.counts.intervals).toBe(5);
    expect(report.errors.find((e) => e.path === '$.intervals[0].data[row 2]')?.message).toMatch(/column "Au" must hold numbers, text or null \(found object\); row ignored/);
    expect(report.errors.find((e) => e.path === '$.intervals[0].data[row 5]')).toMatchObject({ id: 'DH-2' });
    expect(Array.from(model!.intervals[0].from)).toEqual([0, 100, 151.2, 0, 161]);
  });

  it('a million garbage records: the valid ones load, the rest is counted in one line', () => {
    const doc = mini();
    doc.holes = doc.holes.concat(new Array(1_000_000).fill('garbage'));
    doc.holes.push({ id: 'LAST', collar: [612000, 5342800, 300], depth: 50 });
    const { model, report } = load(doc);
    expect(holeIds(model)).toEqual(['DH-1', 'DH-2', 'PL-1', 'LAST']);
    expect(report.dropped.holes).toBe(1_000_000);
    expect(report.errors.length).toBe(MAX_LISTED_RECORDS + 1);
    expect(report.errors[0]).toMatchObject({ path: '$.holes[3]' });
    expect(report.errors.at(-1)!.message).toMatch(/999,800 more bad records of holes not listed; 1,000,000 ignored/);
  });

  it('10 MB strings: kept in free text, refused as ids with a short message', () => {
    const big = 'x'.repeat(10_000_000);
    const doc = mini();
    doc.project.description = big;
    doc.holes[0].id = big;
    doc.intervals[0].rows.push([big, 0, 1, 1, null]);
    const { model, report } = load(doc);
    expect(model!.project.description!.length).toBe(10_000_000);
    expect(holeIds(model)).toEqual(['DH-2', 'PL-1']);
    expect(report.errors.find((e) => e.path === '$.holes[0].id')?.message).toMatch(/200/);
  });

  // Every field of one record of each kind, set to each wrong value: that record is refused with
  // its path (or, where the value happens to be valid, loads), and the holes still load.
  const wrongValues: unknown[] = [null, 'x', '', {}, [], true, -1, 0, 1e308, -1e308, 1.5, [1, 2], ['a', 'b', 'c'], { $buffer: 1 }];
  const kinds = ['zones', 'surfaces', 'faults', 'holes', 'intervals', 'workings'] as const;
  for (const kind of kinds) {
    it(`wrong types in every field of ${kind}[0]`, () => {
      for (const field of Object.keys(mini()[kind][0])) {
        for (const value of wrongValues) {
          const doc = mini();
          doc[kind][0][field] = value;
          const before = mini()[kind].length;
          const { model, report } = load(doc);
          expect(report.ok, `${kind}[0].${field} = ${JSON.stringify(value)}`).toBe(true);
          const loaded = (model as unknown as Record<string, unknown[]>)[kind].length;
          if (loaded < before) expect(report.errors.some((e) => e.path.startsWith(`$.${kind}[0]`)), `${kind}[0].${field} = ${JSON.stringify(value)}`).toBe(true);
          const keep = kind === 'holes' ? ['DH-2', 'PL-1'] : ['DH-1', 'DH-2', 'PL-1'];
          expect(holeIds(model).filter((id) => keep.includes(id))).toEqual(keep);
        }
      }
    });
  }

  it('wrong types at the top level: the header fails outright, arrays of the wrong type are named', () => {
    for (const value of [null, 1, 'x', [], true]) {
      const doc = mini();
      doc.project = value;
      expect(load(doc).report.ok).toBe(false);
    }
    for (const kind of kinds) {
      const doc = mini();
      doc[kind] = { not: 'an array' };
      const { report } = load(doc);
      expect(report.ok).toBe(true);
      expect(report.errors.find((e) => e.path === `$.${kind}`)?.message).toMatch(/must be an array/);
    }
  });

  it('prototype-polluting keys anywhere: Object.prototype untouched, such ids and columns load as plain data', () => {
    const text = JSON.stringify(mini())
      .replace('{"format"', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"format"')
      .replace('"name":"Mini test deposit"', '"__proto__":{"polluted":"project"},"name":"Mini test deposit"')
      .replace('"id":"DH-1"', '"__proto__":{"polluted":"hole"},"id":"__proto__"')
      .replace('"id":"DH-2"', '"id":"constructor"')
      .replace('"id":"PL-1"', '"id":"prototype"')
      .replaceAll('["DH-1",', '["__proto__",')
      .replaceAll('["DH-2",', '["constructor",')
      .replace('{"name":"Au","type":"numeric","unit":"g/t"}', '{"name":"__proto__","type":"numeric","unit":"g/t"}')
      .replace('{"name":"zone","type":"categorical"}', '{"name":"constructor","type":"categorical"}');
    const { model, report } = loadDepositText(text, 'proto.json');
    expectSound(report, 'proto.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(holeIds(model)).toEqual(['__proto__', 'constructor', 'prototype']);
    const t = model!.intervals[0];
    expect(report.counts.intervals).toBe(7);
    // 4 rows of "__proto__" (hole 0), 3 of "constructor" (hole 1).
    expect(Array.from(t.hole)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(Object.keys(t.numeric)).toEqual(['__proto__']);
    expect(Array.from(t.numeric['__proto__']).slice(0, 3)).toEqual([0.05, 0.2, 12.5]);
    expect(Object.keys(t.categorical)).toEqual(['constructor']);
    expect(t.categorical['constructor'].categories).toEqual(['v1']);
    expect(Object.getPrototypeOf(t.numeric)).toBe(Object.prototype);
  });

  it('markup and script in every text field load as the same plain text', () => {
    const html = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const doc = mini();
    doc.project.name = html;
    doc.project.description = html;
    doc.zones[0].name = html;
    doc.holes[0].id = html;
    doc.holes[0].program = html;
    doc.intervals[0].rows = doc.intervals[0].rows.map((r: unknown[]) => (r[0] === 'DH-1' ? [html, ...r.slice(1, 4), html] : r));
    doc.intervals[0].columns[1].name = html;
    const { model, report } = load(doc);
    expect(report.errors).toEqual([]);
    expect(model!.project.name).toBe(html);
    expect(model!.zones[0].name).toBe(html);
    expect(model!.holes[0]).toMatchObject({ id: html, program: html });
    expect(model!.intervals[0].categorical[html].categories).toEqual([html, 'v1']);
  });

  it('duplicate ids and unknown references: named, the first of each and every valid record kept', () => {
    const doc = mini();
    doc.holes.push({ ...doc.holes[0], collar: [0, 0, 0] });
    doc.zones.push({ ...doc.zones[0], name: 'again' });
    doc.surfaces.push({ ...doc.surfaces[0], id: 'ghost-zone', zone: 'nowhere' });
    doc.faults.push({ ...doc.faults[0], id: 'f2', surface: 'nowhere' });
    doc.intervals[0].rows.push(['NOBODY', 0, 1, 1, null]);
    const { model, report } = load(doc);
    expect(holeIds(model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    expect(model!.holes[0].collar).toEqual([611900, 5342850, 300]);
    const at = (p: string) => report.errors.find((e) => e.path === p)?.message;
    expect(at('$.holes[3].id')).toMatch(/duplicate id "DH-1"/);
    expect(at('$.zones[2].id')).toMatch(/duplicate id "v1"/);
    expect(at('$.surfaces[2].zone')).toMatch(/unknown zone "nowhere"/);
    expect(at('$.faults[1].surface')).toMatch(/not found/);
    expect(report.errors.find((e) => e.id === 'NOBODY')?.message).toMatch(/unknown hole "NOBODY"/);
    expect(report.counts).toMatchObject({ zones: 2, surfaces: 2, faults: 1, holes: 3, intervals: 7 });
  });

  it('surface indices out of range, negative, fractional, or counts not a multiple of 3: that surface alone is refused', () => {
    const cases: [string, (s: Doc) => void, RegExp][] = [
      ['index past the vertices', (s) => (s.triangles[5] = 1e9), /\$\.surfaces\[0\]\.triangles\[5\]/],
      ['negative index', (s) => (s.triangles[2] = -1), /\$\.surfaces\[0\]\.triangles\[2\]/],
      ['fractional index', (s) => (s.triangles[0] = 0.5), /\$\.surfaces\[0\]\.triangles\[0\]/],
      ['text index', (s) => (s.triangles[1] = '1'), /\$\.surfaces\[0\]\.triangles\[1\]/],
      ['vertices not a multiple of 3', (s) => s.vertices.push(1), /\$\.surfaces\[0\]\.vertices/],
      ['triangles not a multiple of 3', (s) => s.triangles.push(0), /\$\.surfaces\[0\]\.triangles/],
      ['a vertex beyond any coordinate', (s) => (s.vertices[4] = 1e300), /\$\.surfaces\[0\]\.vertices\[4\]/],
      ['a null vertex', (s) => (s.vertices[4] = null), /\$\.surfaces\[0\]\.vertices\[4\]/],
    ];
    for (const [name, spoil, path] of cases) {
      const doc = mini();
      spoil(doc.surfaces[0]);
      const { model, report } = load(doc);
      expect(model!.surfaces.map((s) => s.id), name).toEqual(['f1-s']);
      expect(report.errors.some((e) => path.test(e.path)), name).toBe(true);
      expect(holeIds(model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    }
  });

  it('numbers out of the trade\'s ranges: refused with the field and a plain reason; -0 is a number like 0', () => {
    const cases: [string, (d: Doc) => void, string, RegExp][] = [
      ['collar 1e300', (d) => (d.holes[0].collar[0] = 1e300), '$.holes[0].collar[0]', /coordinate/],
      ['collar -1e308', (d) => (d.holes[0].collar[2] = -1e308), '$.holes[0].collar[2]', /coordinate/],
      ['depth 1e9 m', (d) => (d.holes[0].depth = 1e9), '$.holes[0].depth', /deeper than 20000 m/],
      ['depth 0', (d) => (d.holes[0].depth = 0), '$.holes[0].depth', /> 0 m/],
      ['survey depth 1e12 m', (d) => (d.holes[0].surveys[1].depth = 1e12), '$.holes[0].surveys[1].depth', /deeper/],
      ['negative survey depth', (d) => (d.holes[0].surveys[1].depth = -5), '$.holes[0].surveys[1].depth', /≥ 0 m/],
      ['azimuth 1e9', (d) => (d.holes[0].surveys[1].azimuth = 1e9), '$.holes[0].surveys[1].azimuth', /azimuth must be 0-360/],
      ['dip -91', (d) => (d.holes[0].surveys[0].dip = -91), '$.holes[0].surveys[0].dip', /dip must be -90..90/],
      ['column-form azimuth 1e9', (d) => (d.holes[1].surveys.azimuth[1] = 1e9), '$.holes[1].surveys.azimuth[1]', /azimuth 1000000000 out of range/],
      ['column-form survey depth 1e12', (d) => (d.holes[1].surveys.depth[1] = 1e12), '$.holes[1].surveys.depth[1]', /depth 1000000000000 out of range/],
      ['collar dip 1e9', (d) => (d.holes[2].dip = 1e9), '$.holes[2].dip', /dip must be/],
    ];
    for (const [name, spoil, path, message] of cases) {
      const doc = mini();
      spoil(doc);
      const { model, report } = load(doc);
      const e = report.errors.find((x) => x.path === path);
      expect(e?.message, name).toMatch(message);
      expect(model!.holes.length, name).toBe(2);
    }
    const doc = mini();
    doc.holes[0].collar = [-0, 5342850, -0];
    doc.holes[0].surveys[0].azimuth = -0;
    const { model } = load(doc);
    expect(holeIds(model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
  });
});

/** A binary file written by hand: 16-byte header, JSON padded with spaces to 8 bytes, then the body. */
function handBuilt(json: string, body: Uint8Array = new Uint8Array(0), o: { magic?: string; version?: number; jsonLength?: number; bodyLength?: number } = {}): Uint8Array {
  let j = Buffer.from(json, 'utf8');
  j = Buffer.concat([j, Buffer.alloc((8 - (j.length % 8)) % 8, 0x20)]);
  const header = Buffer.alloc(16);
  header.write(o.magic ?? 'VSCB', 0, 'latin1');
  header.writeUInt32LE(o.version ?? 1, 4);
  header.writeUInt32LE(o.jsonLength ?? j.length, 8);
  header.writeUInt32LE(o.bodyLength ?? body.length, 12);
  return new Uint8Array(Buffer.concat([header, j, Buffer.from(body)]));
}

/** Parse and validate bytes as the loading worker does; never throws. */
function loadBytes(bytes: Uint8Array, source = 'hostile.vsb') {
  const parsed = parseDepositBytes(bytes, source);
  if (parsed.value === undefined) {
    const report: LoadReport = { source, ok: false, errors: parsed.issues, warnings: [], counts: {}, dropped: {} };
    expectSound(report, source);
    return { report, model: undefined };
  }
  return load(parsed.value, source);
}

describe('hostile binary (.vsb) files', () => {
  const good = encodeDeposit(mini()).bytes;

  it('the file as written loads whole', () => {
    expect(loadBytes(good).report.counts).toMatchObject({ holes: 3, intervals: 7, surfaces: 2 });
  });

  it('cut at any point: refused with a message naming the file', () => {
    for (let cut = 0; cut < good.length; cut += 11) {
      const { model, report } = loadBytes(good.slice(0, cut), 'cut.vsb');
      expect(model, `cut at ${cut}`).toBeUndefined();
      expect(report.errors[0].path, `cut at ${cut}`).toMatch(/^cut\.vsb/);
    }
  });

  it('any bit flipped: a message or a load, never an exception', () => {
    for (let at = 0; at < good.length; at += 5) {
      const bytes = good.slice();
      bytes[at] ^= 1 << (at % 8);
      loadBytes(bytes, 'flipped.vsb');
    }
  });

  it('wrong magic, version or lengths in the header', () => {
    const json = JSON.stringify(mini());
    const cases: [Uint8Array, RegExp][] = [
      [handBuilt(json, undefined, { magic: 'VSCX' }), /not a Veinscape binary file/],
      [handBuilt(json, undefined, { version: 99 }), /container version 99/],
      [handBuilt(json, undefined, { version: 0xffffffff }), /container version 4294967295/],
      [handBuilt(json, undefined, { bodyLength: 0xffffffff }), /truncated/],
      [handBuilt(json, undefined, { jsonLength: 0xfffffff8 }), /truncated/],
      [handBuilt(json, undefined, { jsonLength: 3 }), /multiple of 8/],
      [handBuilt(json, undefined, { jsonLength: 8 }), /not valid JSON/],
    ];
    for (const [bytes, message] of cases) {
      const { model, report } = loadBytes(bytes, 'header.vsb');
      expect(model).toBeUndefined();
      expect(report.errors[0].message).toMatch(message);
      expect(report.errors[0].path).toMatch(/^header\.vsb/);
    }
  });

  it('references outside the body, negative, fractional, huge, of unknown type or malformed: refused with their JSON path', () => {
    const refs: [unknown, RegExp][] = [
      [{ type: 'f64', offset: 8e15, length: 3 }, /outside the file/],
      [{ type: 'f64', offset: 0, length: 2 ** 40 }, /outside the file/],
      [{ type: 'f64', offset: -8, length: 3 }, /whole, non-negative/],
      [{ type: 'f64', offset: 0, length: 1.5 }, /whole, non-negative/],
      [{ type: 'f64', offset: 'NaN', length: 3 }, /whole, non-negative/],
      [{ type: 'f64', offset: 4, length: 3 }, /misaligned/],
      [{ type: 'f128', offset: 0, length: 3 }, /unknown buffer type/],
      [{ type: '__proto__', offset: 0, length: 3 }, /unknown buffer type/],
      ['not an object', /must be an object/],
      [null, /must be an object/],
    ];
    const body = new Uint8Array(new Float64Array([611900, 5342850, 0, 611950, 5342850, 0, 611900, 5342900, 0]).buffer);
    for (const [ref, message] of refs) {
      const doc = mini();
      doc.surfaces[0].vertices = { $buffer: ref };
      const { model, report } = loadBytes(handBuilt(JSON.stringify(doc), body), 'refs.vsb');
      expect(model, JSON.stringify(ref)).toBeUndefined();
      expect(report.errors[0]).toMatchObject({ path: '$.surfaces[0].vertices' });
      expect(report.errors[0].message, JSON.stringify(ref)).toMatch(message);
    }
  });

  it('triangle indices out of range and codes outside their dictionary', () => {
    const body = Buffer.concat([
      Buffer.from(new Float64Array([611900, 5342850, 0, 611950, 5342850, 0, 611900, 5342900, 0]).buffer),
      Buffer.from(new Uint32Array([0, 1, 7, 0]).buffer),
      Buffer.from(new Uint16Array([0, 5, 0, 0]).buffer),
    ]);
    const doc = mini();
    doc.surfaces[0].vertices = { $buffer: { type: 'f64', offset: 0, length: 9 } };
    doc.surfaces[0].triangles = { $buffer: { type: 'u32', offset: 72, length: 3 } };
    const tri = loadBytes(handBuilt(JSON.stringify(doc), body), 'tri.vsb');
    expect(tri.report.errors.find((e) => e.path === '$.surfaces[0].triangles[2]')?.message).toMatch(/vertex index 7 out of range \(3 vertices\)/);
    expect(tri.model!.surfaces.map((s) => s.id)).toEqual(['f1-s']);
    expect(holeIds(tri.model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    doc.surfaces[0].triangles = { $buffer: { type: 'u32', offset: 72, length: 4 } };
    const four = loadBytes(handBuilt(JSON.stringify(doc), body), 'tri.vsb');
    expect(four.report.errors.find((e) => e.path === '$.surfaces[0].triangles')?.message).toMatch(/multiple of 3/);
    const rows = mini().intervals[0].rows;
    doc.surfaces = [];
    doc.faults = [];
    doc.intervals[0] = { id: 'assays', columns: [{ name: 'zone', type: 'categorical' }], data: { hole: rows.map((r: unknown[]) => r[0]), from: rows.map((r: unknown[]) => r[1]), to: rows.map((r: unknown[]) => r[2]), zone: { $buffer: { type: 'u16', offset: 88, length: 4 }, dictionary: ['v1'] } } };
    const codes = loadBytes(handBuilt(JSON.stringify(doc), body), 'codes.vsb');
    expect(codes.model).toBeUndefined();
    expect(codes.report.errors[0]).toMatchObject({ path: '$.intervals[0].data.zone' });
    expect(codes.report.errors[0].message).toMatch(/code 5 at row 1 is outside the dictionary \(1 entries\)/);
  });

  it('a JSON chunk nested 100,000 levels deep: the rest loads', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = JSON.stringify(mini()).replace('"project":', `"deep":${deep},"project":`).replace('"holes":[', `"holes":[${deep},`);
    const { model, report } = loadBytes(handBuilt(json), 'deep.vsb');
    expect(holeIds(model)).toEqual(['DH-1', 'DH-2', 'PL-1']);
    expect(report.errors.map((e) => e.path)).toEqual(['$.holes[0]']);
  });

  it('prototype keys in the JSON chunk pollute nothing', () => {
    const json = JSON.stringify(mini()).replace('{"format"', '{"__proto__":{"polluted":1},"format"').replace('"id":"DH-1"', '"id":"__proto__"');
    const { model } = loadBytes(handBuilt(json), 'proto.vsb');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(holeIds(model)).toEqual(['__proto__', 'DH-2', 'PL-1']);
  });
});

describe('one absurd coordinate (rocmec1.json, 258 real collars, hole 5 typed wrong)', () => {
  const bulk = (() => {
    const doc = sample();
    doc.holes.splice(5, 1);
    doc.intervals[0].rows = doc.intervals[0].rows?.filter((r: unknown[]) => r[0] !== sample().holes[5].id);
    const { model } = validateDeposit(doc, 'bulk.json');
    const p = prepare(model!);
    const b = dataBox(model!, p);
    return { min: b.min.map((v, a) => v + p.origin[a]), max: b.max.map((v, a) => v + p.origin[a]) };
  })();

  const typos: [string, [number, number, number], 0 | 1 | 2][] = [
    ['5e12 m east', [5e12, 5342698, 300], 0],
    ['a northing 1000 times too large', [611285.62, 5342698940, 299.49], 1],
    ['an elevation 1e6 times too large', [611285.62, 5342698.94, 299.49e6], 2],
    ['a dropped digit in the easting (61,128 m)', [61128.56, 5342698.94, 299.49], 0],
  ];
  for (const [name, collar, axis] of typos) {
    it(`${name}: reported by JSON path and id, still loaded where it is, left out of the model box, axes and origin`, () => {
      const doc = sample();
      const id = doc.holes[5].id;
      doc.holes[5].collar = collar;
      const { model, report } = load(doc, 'outlier.json');
      expect(report.counts.holes).toBe(258);
      expect(model!.holes[5].collar).toEqual(collar);
      const w = report.warnings.filter((x) => /left out of the model extent/.test(x.message));
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ path: `$.holes[5].collar[${axis}]`, id });
      expect(w[0].message).toMatch(/from the other holes/);
      const p = prepare(model!);
      const box = dataBox(model!, p);
      // The model box is the other 257 holes' and the geology's, within the 10 m allowed for arcs.
      for (let a = 0; a < 3; a++) {
        expect(Math.abs(box.min[a] + p.origin[a] - bulk.min[a])).toBeLessThan(20);
        expect(Math.abs(box.max[a] + p.origin[a] - bulk.max[a])).toBeLessThan(20);
        // The origin stays in the bulk: every other collar keeps float32 millimetres.
        expect(p.origin[a] >= bulk.min[a] - 100 && p.origin[a] <= bulk.max[a] + 100).toBe(true);
      }
      for (const i of [0, 100, 257]) {
        for (let a = 0; a < 3; a++) expect(Math.abs(p.collars[i * 3 + a] + p.origin[a] - model!.holes[i].collar[a])).toBeLessThan(0.01);
      }
      const axes = axisBox(box, p.origin);
      expect(axes.ticks.length).toBeLessThan(3 * 20);
      for (const t of axes.ticks) {
        const a = t.axis === 'E' ? 0 : t.axis === 'N' ? 1 : 2;
        expect(t.value).toBeGreaterThanOrEqual(bulk.min[a] - axes.step * 5);
        expect(t.value).toBeLessThanOrEqual(bulk.max[a] + axes.step * 5);
      }
    });
  }

  it('a real deposit has no outlier and keeps its frame', () => {
    const { model, report } = load(sample(), 'rocmec1.json');
    expect(report.warnings.filter((x) => /model extent/.test(x.message))).toEqual([]);
    expect(prepare(model!).extent).toBeNull();
  });
});

describe('counts derived from an extent are bounded whatever the extent', () => {
  it('axes: a box of any size or magnitude gives at most MAX_TICKS_PER_AXIS ticks per axis, and returns', () => {
    const boxes: [number[], number[], number[]][] = [
      [[0, 0, 0], [5e12, 1, 1], [0, 0, 0]],
      [[-1e308, -1e308, -1e308], [1e308, 1e308, 1e308], [0, 0, 0]],
      [[0, 0, 0], [1, 1, 1], [1e17, 1e17, 0]],
      [[0, 0, 0], [Infinity, 1, 1], [0, 0, 0]],
      [[NaN, 0, 0], [1, 1, 1], [0, 0, 0]],
    ];
    for (const [min, max, origin] of boxes) {
      const a = axisBox({ min: min as [number, number, number], max: max as [number, number, number] }, origin as [number, number, number]);
      for (const axis of ['E', 'N', 'Z']) expect(a.ticks.filter((t) => t.axis === axis).length).toBeLessThanOrEqual(MAX_TICKS_PER_AXIS);
    }
  });

  it('long-section ticks: at most 200 per axis and an answer, however far from zero or however fine the step', () => {
    for (const [lo, hi, px] of [[1e17, 1e17 + 1000, 1], [0, 5e12, 1e-9], [-1e300, 1e300, 1e-300], [5e15, 5e15 + 1, 100]]) {
      const t = ticksFor(lo, hi, px, 40);
      expect(t.values.length).toBeLessThanOrEqual(200);
    }
    // An ordinary axis keeps its ticks: 0 to 1000 m at 1 px/m, 40 px apart → every 50 m.
    expect(ticksFor(0, 1000, 1, 40).values).toEqual(Array.from({ length: 21 }, (_, i) => i * 50));
  });

  it('contour grids: at most 120,000 nodes and an answer in a few steps, for points 5e12 m or 1e308 m apart', () => {
    const near = [{ x: 0, y: 0, v: 5 }, { x: 30, y: 0, v: 10 }, { x: 0, y: 30, v: 1 }];
    for (const far of [5e12, 1e300, 1.7e308]) {
      const pts = [...near, { x: far, y: -far, v: 3 }];
      const spec = gridFor(pts, 10, 60);
      expect(spec.nx * spec.ny).toBeLessThanOrEqual(120_000);
      idwGrid(pts, spec);
      // The point query still answers exactly on a data point, and NaN far from every point.
      const f = idwField(pts);
      expect(f(30, 0)).toBe(10);
      expect(f(1e6, 1e6)).toBeNaN();
    }
  });

  it('the robust extent: quartiles decide, a small project with one stray item, too few items for quartiles', () => {
    const at = (x: number) => ({ min: [x, 0, 0] as [number, number, number], max: [x, 0, 0] as [number, number, number] });
    const r = robustExtent([at(0), at(100), at(200), at(300), at(5e12)]);
    expect(r.outliers.map((o) => o.item)).toEqual([4]);
    expect(r.outliers[0].distance).toBeCloseTo(5e12 - 300, -3);
    expect(r.box).toEqual({ min: [0, 0, 0], max: [300, 0, 0] });
    // A district with a second cluster 40 km away: within the 50 km slack, nothing is left out.
    expect(robustExtent([at(0), at(100), at(200), at(300), at(40_000)]).outliers).toEqual([]);
    // Three items: no quartiles, nothing left out.
    expect(robustExtent([at(0), at(1), at(5e12)]).outliers).toEqual([]);
  });
});
