/**
 * Surpac string (.str, text and binary) and DTM importers (src/data/surfaces/surpac.ts) against the
 * Kirra reference files in ../shared/data/external/surfaces/kirra/ (counts from
 * /work/shared/data/README.md), the DTM checked face for face against the DXF of the same surface
 * (read here by a few lines of group-code reading, independent of any importer), and damaged inputs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSurpacDtm, importSurpacString } from '../src/data/surfaces/surpac';
import type { ImportedLines, ImportedMesh, ImportResult } from '../src/data/surfaces/types';

const DIR = path.resolve(__dirname, '../../shared/data/external/surfaces/kirra');
const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));
const str = (bytes: Uint8Array, name: string) => importSurpacString(bytes, name) as ImportResult;
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const STR = '24m-west-wall-presplits.str';
const DTM = '24m-west-wall-presplits.dtm';
const withStr = () => ({ companions: new Map([[STR, bytesOf(STR)]]) });

type Box = [[number, number], [number, number], [number, number]];
function boxOf(arrays: Float64Array[], used?: Set<number>): Box {
  const b: Box = [[Infinity, -Infinity], [Infinity, -Infinity], [Infinity, -Infinity]];
  for (const a of arrays) {
    for (let i = 0; i < a.length; i += 3) {
      if (used && !used.has(i / 3)) continue;
      for (let c = 0; c < 3; c++) { b[c][0] = Math.min(b[c][0], a[i + c]); b[c][1] = Math.max(b[c][1], a[i + c]); }
    }
  }
  return b;
}

/** 3DFACE corners of an ASCII DXF: pairs of lines (group code, value); corners 10/20/30 .. 13/23/33. */
function dxfFaces(text: string): number[][][] {
  const lines = text.split(/\r?\n/);
  const faces: number[][][] = [];
  let face: number[][] | null = null;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number(lines[i].trim());
    const value = lines[i + 1].trim();
    if (code === 0) { face = value === '3DFACE' ? [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]] : null; if (face) faces.push(face); continue; }
    if (face && code >= 10 && code <= 33 && code % 10 <= 3) face[code % 10][Math.floor(code / 10) - 1] = Number(value);
  }
  return faces;
}
const key = (p: number[]) => p.map((v) => v.toFixed(3)).join(',');
const triKey = (ps: number[][]) => ps.map(key).sort().join(' | ');

describe('Surpac string files', () => {
  it('24m-west-wall-presplits.str: 219 points in one segment on string 32000, Y X Z columns read as east, north', () => {
    const r = str(bytesOf(STR), STR);
    expect(r.issues).toEqual([]);
    expect(r.meta.format).toBe('Surpac string (text)');
    expect(r.objects).toHaveLength(1);
    const l = r.objects[0] as ImportedLines;
    expect(l).toMatchObject({ type: 'lines', name: '24m-west-wall-presplits string 32000' });
    expect(l.lines).toHaveLength(1);
    expect(l.lines[0].length / 3).toBe(219);
    // first record `32000, 6771826.348, 477743.285, 334.000,`: Y (north) first in the file
    expect(Array.from(l.lines[0].slice(0, 3))).toEqual([477743.285, 6771826.348, 334]);
    expect(boxOf(l.lines)).toEqual([[477743.285, 478342.248], [6771812.573, 6772382.417], [310, 334]]);
  });

  it('test310text.str and test310binary.str: 417 points, 21 segments on string 511, identical coordinates', () => {
    const text = str(bytesOf('test310text.str'), 'test310text.str');
    const bin = str(bytesOf('test310binary.str'), 'test310binary.str');
    expect(text.issues).toEqual([]);
    expect(bin.issues).toEqual([]);
    expect(text.meta.format).toBe('Surpac string (text)');
    expect(bin.meta.format).toBe('Surpac string (binary)');
    const [t] = text.objects as ImportedLines[];
    const [b] = bin.objects as ImportedLines[];
    expect(text.objects).toHaveLength(1);
    expect(bin.objects).toHaveLength(1);
    expect(t.name).toBe('test310text string 511');
    expect(b.name).toBe('test310binary string 511');
    for (const l of [t, b]) {
      expect(l.lines).toHaveLength(21);
      expect(l.lines.reduce((n, a) => n + a.length / 3, 0)).toBe(417);
    }
    // float64 from the binary equal parseFloat of the text to the last bit
    expect(b.lines.map((a) => Array.from(a))).toEqual(t.lines.map((a) => Array.from(a)));
    expect(boxOf(t.lines)).toEqual([[477741.121, 478534.812], [6771783.893, 6772392.832], [310, 310]]);
    // independent: the text file's point lines, in order, columns swapped
    const rows = readFileSync(path.join(DIR, 'test310text.str'), 'utf8').split('\n').slice(2).map((s) => s.split(',')).filter((f) => f[0] === '511');
    expect(rows).toHaveLength(417);
    expect(t.lines.flatMap((a) => Array.from(a))).toEqual(rows.flatMap((f) => [Number(f[2]), Number(f[1]), Number(f[3])]));
  });

  it('binary files that do not fit the layout: an error with a byte offset, no garbage', () => {
    const good = bytesOf('test310binary.str');
    const headerEnd = good.indexOf(10, good.indexOf(10) + 1) + 1;
    // 1. the same records with little-endian float64 (a plausible other writer): rejected at the first record
    const le = good.slice();
    const view = new DataView(le.buffer);
    let p = headerEnd + 5;
    while (p + 28 <= le.length) {
      for (let k = 0; k < 3; k++) view.setFloat64(p + 4 + k * 8, view.getFloat64(p + 4 + k * 8), true);
      p = le.indexOf(0, p + 28) + 1;
    }
    const r1 = str(le, 'le.str');
    expect(r1.objects).toEqual([]);
    expect(errors(r1)).toEqual([expect.objectContaining({ path: `le.str@${headerEnd + 5 + 4}` })]);
    expect(errors(r1)[0].message).toMatch(/not the binary string layout/);
    // 2. header then bytes of 0xff: string number out of range
    const junk = new Uint8Array(headerEnd + 5 + 64).fill(0xff);
    junk.set(good.subarray(0, headerEnd + 5));
    const r2 = str(junk, 'junk.str');
    expect(r2.objects).toEqual([]);
    expect(errors(r2)[0].path).toBe(`junk.str@${headerEnd + 5}`);
    // 3. cut in the middle: the segments completed before the cut load, the open one is dropped
    const cut = str(good.subarray(0, 16000), 'cut.str');
    expect(errors(cut)).toHaveLength(1);
    expect(errors(cut)[0].path).toMatch(/^cut\.str@\d+$/);
    const lines = (cut.objects[0] as ImportedLines).lines;
    const full = ((str(good, 'x.str').objects[0]) as ImportedLines).lines;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(21);
    expect(lines.map((a) => Array.from(a))).toEqual(full.slice(0, lines.length).map((a) => Array.from(a)));
  });

  it('text string file: a non-numeric coordinate is an error with its line; a missing END is a warning', () => {
    const text = 'pit,1-Jan-25,,\n0, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000\n7, 100, 200, 5,\n7, 101, x201, 5,\n7, 102, 202, 5,\n0, 0.000, 0.000, 0.000,\n';
    const r = str(new TextEncoder().encode(text), 'pit.str');
    expect(errors(r)).toEqual([expect.objectContaining({ path: 'pit.str:4' })]);
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => i.path)).toEqual(['pit.str:6']);
    expect((r.objects[0] as ImportedLines).lines.map((a) => Array.from(a))).toEqual([[200, 100, 5, 202, 102, 5]]);
  });
});

describe('Surpac DTM', () => {
  it('24m-west-wall-presplits.dtm with its .str: 292 triangles over the 219 .str points, the DXF faces', () => {
    const r = importSurpacDtm(bytesOf(DTM), DTM, withStr()) as ImportResult;
    expect(r.issues).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const m = r.objects[0] as ImportedMesh;
    expect(m.name).toBe('24m-west-wall-presplits (TRISOLATION 1)');
    expect(m.vertices.length / 3).toBe(219); // every .str point kept, so DTM number k = vertex k - 1
    expect(m.triangles.length / 3).toBe(292);
    const used = new Set(m.triangles);
    const faces = dxfFaces(readFileSync(path.join(DIR, '24m-west-wall-presplits.dxf'), 'utf8'));
    expect(faces).toHaveLength(292);
    const dxfCorners = faces.flatMap((f) => f.slice(0, 3).map((c) => Float64Array.from(c)));
    expect(boxOf([m.vertices], used)).toEqual(boxOf(dxfCorners));
    // the same 292 triangles as the DXF (corner sets, to the millimetre)
    const at = (i: number) => Array.from(m.vertices.slice(i * 3, i * 3 + 3));
    const ours = new Set<string>();
    for (let t = 0; t < m.triangles.length; t += 3) ours.add(triKey([at(m.triangles[t]), at(m.triangles[t + 1]), at(m.triangles[t + 2])]));
    expect(ours).toEqual(new Set(faces.map((f) => triKey(f.slice(0, 3)))));
    // the first row `1, 2, 3, 1, ...` names .str points 2, 3, 1
    expect(Array.from(m.triangles.slice(0, 3))).toEqual([1, 2, 0]);
  });

  it('without its .str: one error naming the file', () => {
    const r = importSurpacDtm(bytesOf(DTM), DTM, { companions: new Map() }) as ImportResult;
    expect(r.objects).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: `${DTM}:1`, severity: 'error', message: 'needs its string file 24m-west-wall-presplits.str opened with it' });
    expect((importSurpacDtm(bytesOf(DTM), DTM) as ImportResult).issues[0].message).toMatch(/needs its string file 24m-west-wall-presplits\.str/);
  });

  it('a point number out of range: error with the line, the triangle skipped', () => {
    const text = readFileSync(path.join(DIR, DTM), 'utf8').replace('\n1, 2, 3, 1, 8, 4, 0, \n', '\n1, 2, 3, 999, 8, 4, 0, \n');
    const r = importSurpacDtm(new TextEncoder().encode(text), DTM, withStr()) as ImportResult;
    expect(errors(r)).toEqual([expect.objectContaining({ path: `${DTM}:151` })]);
    expect(errors(r)[0].message).toMatch(/999 is not a point of 24m-west-wall-presplits\.str \(1\.\.219\)/);
    expect((r.objects[0] as ImportedMesh).triangles.length / 3).toBe(291);
  });
});
