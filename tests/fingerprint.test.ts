import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson, contentHash, finishContentHash, fingerprintCode, sha256, startContentHash, toHex, viewHash } from '../src/domain/fingerprint';
import { validateDeposit } from '../src/data/load';
import { datasetContent } from '../src/data/datasetContent';
import { packStations, unpackStations } from '../src/data/pathTransfer';

const text = readFileSync(new URL('./fixtures/mini-deposit.json', import.meta.url), 'utf8');
const doc = () => JSON.parse(text);
const dataHash = (d: unknown) => {
  const { model } = validateDeposit(d, 'mini.json');
  return contentHash(datasetContent(model!));
};

/** The same document with every object's keys in the reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
  return v;
}

describe('dataset fingerprint', () => {
  it('is the same for the same file loaded twice, and for its keys in another order', async () => {
    const a = await dataHash(doc());
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await dataHash(doc())).toBe(a);
    const reversed = reversedKeys(doc());
    expect(Object.keys(reversed as object)[0]).toBe('workings');
    expect(await dataHash(reversed)).toBe(a);
  });

  it('changes with one assay, one collar coordinate or one zone name', async () => {
    const a = await dataHash(doc());
    const assay = doc();
    assay.intervals[0].rows[2][3] = 12.6;
    const collar = doc();
    collar.holes[0].collar[2] = 300.01;
    const zone = doc();
    zone.zones[0].name = 'Vein 1';
    const hashes = [a, await dataHash(assay), await dataHash(collar), await dataHash(zone)];
    expect(new Set(hashes).size).toBe(4);
  });

  it('tells a missing assay from a zero', async () => {
    const missing = doc();
    missing.intervals[0].rows[0][3] = null;
    const zero = doc();
    zero.intervals[0].rows[0][3] = 0;
    expect(await dataHash(missing)).not.toBe(await dataHash(zero));
  });

  it('is the SHA-256 of the sorted-key JSON when there are no typed arrays (checked with node:crypto)', async () => {
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    // The text and no column digests: the plain document hashes as its canonical JSON.
    expect(await contentHash({ b: 2, a: [1, 'x'] })).toBe(sha('{"a":[1,"x"],"b":2}'));
    expect(await viewHash({ z: 0.5, a: true })).toBe(sha('{"a":true,"z":0.5}'));
  });
});

describe('a page without WebCrypto (plain http from another host)', () => {
  it('digests bytes in JavaScript to the SHA-256 node:crypto makes: empty, "abc", 1 MB, a view at an offset', async () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const big = new Uint8Array(1 << 20).map((_, i) => (i * 2654435761) >>> 24);
    const view = new Float64Array(big.buffer, 8, 1000);
    for (const b of [new Uint8Array(0), new TextEncoder().encode('abc'), big]) expect(toHex(await sha256(b, undefined))).toBe(sha(b));
    expect(toHex(await sha256(view, undefined))).toBe(sha(big.subarray(8, 8 + 8000)));
    // The one everybody knows: SHA-256("abc").
    expect(toHex(await sha256(new TextEncoder().encode('abc'), undefined))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('digests the columns as the hash starts: the same fingerprint when they are sent away (detached) before it finishes', async () => {
    const { model } = validateDeposit(doc(), 'mini.json');
    const whole = await contentHash(datasetContent(model!));
    vi.stubGlobal('crypto', {});
    try {
      const content = datasetContent(model!);
      const started = startContentHash(content);
      const buffers = [...new Set([...started.keys()].map((a) => a.buffer as ArrayBuffer))];
      structuredClone(buffers, { transfer: buffers });
      expect([...started.keys()].every((a) => a.byteLength === 0)).toBe(true);
      expect(await finishContentHash(content, started)).toBe(whole);
    } finally {
      vi.unstubAllGlobals();
    }
  });
  it('gives the mini deposit the same dataset fingerprint as with WebCrypto', async () => {
    const withCrypto = await dataHash(doc());
    vi.stubGlobal('crypto', {});
    try {
      expect(globalThis.crypto.subtle).toBeUndefined();
      expect(await dataHash(doc())).toBe(withCrypto);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('dataset fingerprint made in the loading worker', () => {
  it('is the same when the columns were sent away (detached) between its two halves', async () => {
    const { model } = validateDeposit(doc(), 'mini.json');
    const whole = await contentHash(datasetContent(model!));
    const content = datasetContent(model!);
    const started = startContentHash(content);
    // What the worker does next: transfer every column to the page, which detaches it here.
    const buffers = [...started.keys()].map((a) => a.buffer as ArrayBuffer);
    expect(buffers.length).toBeGreaterThan(0);
    structuredClone(buffers, { transfer: [...new Set(buffers)] });
    expect([...started.keys()].every((a) => a.byteLength === 0)).toBe(true);
    expect(await finishContentHash(content, started)).toBe(whole);
  });

  it('is the hash the page would make of the model it receives (stations sent packed, put back)', async () => {
    const { model } = validateDeposit(doc(), 'mini.json');
    expect(model!.holes.some((h) => h.stations.length > 1)).toBe(true);
    const inWorker = await contentHash(datasetContent(model!));
    const sent = structuredClone({ ...model!, holes: model!.holes.map((h) => ({ ...h, stations: [] })) });
    unpackStations(sent.holes, packStations(model!.holes));
    expect(await contentHash(datasetContent(sent))).toBe(inWorker);
  });

  it('digests each column from its own bytes: the hash is the text followed by the columns\' SHA-256 (node:crypto)', async () => {
    const sha = (b: Buffer | string) => createHash('sha256').update(b).digest();
    const col = new Float64Array([1.5, -2, 3.25]);
    const text = '{"a":{"$typed":"Float64Array","length":3,"part":0},"b":"x"}';
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from(text), sha(Buffer.from(col.buffer))])).digest('hex');
    expect(await contentHash({ b: 'x', a: col })).toBe(expected);
  });
});

describe('view fingerprint', () => {
  const view = () => ({
    camera: { position: [612000.25, 5343100.5, 450.125], target: [611950, 5342900, 150], projection: 'perspective' },
    filters: { gradeCutoff: 0.5, belowCutoff: 'dim' },
    faultOffsets: { f1: 12.5 },
    colorBy: null,
  });

  it('changes for a camera move, a filter or a fault offset', async () => {
    const a = await viewHash(view());
    const moved = view();
    moved.camera.position[0] += 0.5;
    const filtered = view();
    filtered.filters.gradeCutoff = 1;
    const restored = view();
    restored.faultOffsets.f1 = 0;
    expect(new Set([a, await viewHash(moved), await viewHash(filtered), await viewHash(restored)]).size).toBe(4);
  });

  it('does not change for float noise below the stated precision (1 mm, 6 digits below 1)', async () => {
    const a = await viewHash(view());
    const noisy = view();
    noisy.camera.position = [612000.25 + 3e-7, 5343100.5 - 2e-6, 450.125 + 1e-9];
    noisy.camera.target[2] = 150.0000004;
    expect(await viewHash(noisy)).toBe(a);
    expect(await viewHash({ zoom: 0.0421337 })).toBe(await viewHash({ zoom: 0.04213370000002 }));
    expect(await viewHash({ zoom: 0.0421337 })).not.toBe(await viewHash({ zoom: 0.0421347 }));
    // 2 mm is a move.
    const twoMm = view();
    twoMm.camera.position[2] += 0.002;
    expect(await viewHash(twoMm)).not.toBe(a);
  });

  it('writes coordinates to the millimetre and keeps key order out of it', () => {
    expect(canonicalJson({ b: [612345.6784999, -0], a: undefined, c: NaN }, (v) => (Math.abs(v) >= 1 ? Math.round(v * 1000) / 1000 : v))).toBe('{"b":[612345.678,0],"c":{"$num":"NaN"}}');
  });
});

describe('short code', () => {
  it('is VS- then four hex digits of the data hash and four of the view hash, upper case', () => {
    expect(fingerprintCode('3f9a' + '0'.repeat(60), '21c7' + 'f'.repeat(60))).toBe('VS-3F9A-21C7');
  });
});
