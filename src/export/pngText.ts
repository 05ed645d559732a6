/**
 * Words stored in a PNG file beside its pixels: iTXt chunks (PNG specification §11.3.3.4, UTF-8
 * text, so French accents and no-break spaces survive), one per keyword. An exported image carries
 * its title block, footer and date this way ("Title", "Description", "Disclaimer", "Software",
 * "Creation Time" are the specification's registered keywords), so what it says can be read back by
 * any PNG tool and checked by tests without reading pixels. Pure: bytes in, bytes out.
 */

export interface PngText {
  /** 1-79 Latin-1 characters, no leading, trailing or double spaces */
  keyword: string;
  /** any Unicode text (stored as UTF-8, uncompressed) */
  text: string;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG chunks use it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** One chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An iTXt chunk: keyword, NUL, no compression (0, 0), empty language tag and translated keyword (NUL, NUL), UTF-8 text. */
export function itxtChunk({ keyword, text }: PngText): Uint8Array {
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) throw new RangeError(`not a PNG keyword: ${JSON.stringify(keyword)}`);
  const key = Uint8Array.from(keyword, (c) => c.charCodeAt(0));
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // key.length: the keyword's NUL; then compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set(body, key.length + 5);
  return chunk('iTXt', data);
}

/** `png` with an iTXt chunk per entry, right after the header (IHDR), so readers meet the words before the pixels. */
export function withPngText(png: Uint8Array, entries: readonly PngText[]): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG file');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = entries.map(itxtChunk);
  const out = new Uint8Array(png.length + chunks.reduce((a, c) => a + c.length, 0));
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** Every tEXt and iTXt entry of a PNG, in file order (iTXt text read as UTF-8, uncompressed only); chunks whose CRC is wrong are left out. */
export function readPngText(png: Uint8Array): PngText[] {
  if (!isPng(png)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: PngText[] = [];
  const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = latin1(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    at += 12 + length;
    if (!crcOk || (type !== 'tEXt' && type !== 'iTXt')) continue;
    const nul = data.indexOf(0);
    if (nul < 0) continue;
    const keyword = latin1(data.subarray(0, nul));
    if (type === 'tEXt') {
      out.push({ keyword, text: latin1(data.subarray(nul + 1)) });
      continue;
    }
    if (data[nul + 1] !== 0) continue; // compressed: not written by this module
    const tagEnd = data.indexOf(0, nul + 3);
    const translatedEnd = tagEnd < 0 ? -1 : data.indexOf(0, tagEnd + 1);
    if (translatedEnd < 0) continue;
    out.push({ keyword, text: new TextDecoder().decode(data.subarray(translatedEnd + 1)) });
  }
  return out;
}

/**
 * A PNG keyword-value date as the specification recommends for "Creation Time" (RFC 1123, as
 * Date#toUTCString writes it: "Fri, 04 Dec 2026 15:00:00 GMT").
 */
export function pngTime(d: Date): string {
  return d.toUTCString();
}

/** What an exported picture says: its title, the line under it, and its footer's lines. */
export interface PictureWords {
  title: string;
  description: string;
  footer: readonly string[];
}

/** The text chunks of an exported picture made on `date`: Title, Description, Disclaimer (the footer, one line each), Software, Creation Time. */
export function pictureChunks(w: PictureWords, date: Date): PngText[] {
  return [
    { keyword: 'Title', text: w.title },
    { keyword: 'Description', text: w.description },
    ...(w.footer.length ? [{ keyword: 'Disclaimer', text: w.footer.join('\n') }] : []),
    { keyword: 'Software', text: 'Veinscape' },
    { keyword: 'Creation Time', text: pngTime(date) },
  ];
}

/** A PNG blob with the picture's words stored in it (see pictureChunks), and any `extra` chunks after them (the fingerprint). */
export async function pngWithWords(png: Blob, w: PictureWords, date: Date, extra: readonly PngText[] = []): Promise<Blob> {
  const bytes = withPngText(new Uint8Array(await png.arrayBuffer()), [...pictureChunks(w, date), ...extra]);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}

/** Keyword of the chunk holding a picture's fingerprint: JSON { data, view, code, version } (src/domain/fingerprint.ts). */
export const FINGERPRINT_KEYWORD = 'veinscape:fingerprint';
/** Keyword of the chunk holding the picture's view: a saved view with `settings`, to restore it (src/api/fingerprints.ts). */
export const VIEW_KEYWORD = 'veinscape:view';
