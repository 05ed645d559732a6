import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, itxtChunk, pictureChunks, pngTime, readPngText, withPngText } from './pngText';

/** A 1 x 1 PNG (signature, IHDR, IDAT, IEND). */
const ONE_PIXEL = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

/** Chunk types of a PNG in file order, read by hand (length, then type). */
function chunkTypes(png: Uint8Array): string[] {
  const out: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = Buffer.from(png.subarray(at, at + 4)).readUInt32BE(0);
    out.push(Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1'));
    at += 12 + length;
  }
  return out;
}

describe('crc32', () => {
  it('gives the standard check values', () => {
    // The CRC-32 check value of "123456789", and the CRC every PNG's IEND chunk carries.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('iTXt chunks', () => {
  it('writes the bytes the PNG specification lays out', () => {
    const c = itxtChunk({ keyword: 'Title', text: 'é' });
    // length 12 = "Title" 5 + NUL + flag + method + empty tag NUL + empty translation NUL + é (2 UTF-8 bytes)
    const body = [...Buffer.from('iTXtTitle', 'latin1'), 0, 0, 0, 0, 0, 0xc3, 0xa9];
    const crc = zlibCrc32(Buffer.from(body));
    expect([...c]).toEqual([0, 0, 0, 12, ...body, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
  });

  it('refuses a keyword PNG readers would reject', () => {
    expect(() => itxtChunk({ keyword: '', text: 'x' })).toThrow(RangeError);
    expect(() => itxtChunk({ keyword: ' Title', text: 'x' })).toThrow(RangeError);
    expect(() => itxtChunk({ keyword: 'x'.repeat(80), text: 'x' })).toThrow(RangeError);
  });

  it('puts the words after the header and reads them back, French and all', () => {
    const caution = 'Les ressources minérales présumées sont trop spéculatives\nPersonne qualifiée\u00a0: aucune';
    const png = withPngText(ONE_PIXEL, [
      { keyword: 'Title', text: 'Rocmec 1' },
      { keyword: 'Disclaimer', text: caution },
      { keyword: 'veinscape:fingerprint', text: 'abc' },
    ]);
    expect(chunkTypes(ONE_PIXEL)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunkTypes(png)).toEqual(['IHDR', 'iTXt', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(png.length).toBe(ONE_PIXEL.length + 3 * 12 + 'Title'.length + 'Rocmec 1'.length + 'Disclaimer'.length + Buffer.byteLength(caution) + 'veinscape:fingerprint'.length + 3 + 15);
    expect(readPngText(png)).toEqual([
      { keyword: 'Title', text: 'Rocmec 1' },
      { keyword: 'Disclaimer', text: caution },
      { keyword: 'veinscape:fingerprint', text: 'abc' },
    ]);
    // The pixels are untouched: the original's chunks follow, byte for byte.
    expect(Buffer.from(png.subarray(png.length - (ONE_PIXEL.length - 33))).equals(Buffer.from(ONE_PIXEL.subarray(33)))).toBe(true);
  });

  it('skips a chunk whose CRC does not match', () => {
    const png = withPngText(ONE_PIXEL, [{ keyword: 'Title', text: 'abc' }]);
    png[33 + 8 + 6 + 4] ^= 1; // a byte of the text
    expect(readPngText(png)).toEqual([]);
  });

  it('rejects bytes that are not a PNG', () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3]), [])).toThrow(/not a PNG/);
  });

  it('writes Creation Time as RFC 1123', () => {
    expect(pngTime(new Date(Date.UTC(2026, 11, 4, 15, 0, 0)))).toBe('Fri, 04 Dec 2026 15:00:00 GMT');
  });
});

describe('pictureChunks', () => {
  it('stores the title block and the footer, one line each, with who made it and when', () => {
    const date = new Date(Date.UTC(2026, 11, 4, 15, 0, 0));
    const chunks = pictureChunks({ title: 'Rocmec 1', description: '4 décembre 2026', footer: ['Données synthétiques.', 'Personne qualifiée\u00a0: aucune'] }, date);
    expect(chunks).toEqual([
      { keyword: 'Title', text: 'Rocmec 1' },
      { keyword: 'Description', text: '4 décembre 2026' },
      { keyword: 'Disclaimer', text: 'Données synthétiques.\nPersonne qualifiée\u00a0: aucune' },
      { keyword: 'Software', text: 'Veinscape' },
      { keyword: 'Creation Time', text: 'Fri, 04 Dec 2026 15:00:00 GMT' },
    ]);
    // No footer, no Disclaimer chunk.
    expect(pictureChunks({ title: 'x', description: 'y', footer: [] }, date).map((c) => c.keyword)).toEqual(['Title', 'Description', 'Software', 'Creation Time']);
  });
});
