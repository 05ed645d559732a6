/**
 * Fingerprints of what made a picture: a SHA-256 of the dataset's content and one of the view's
 * settings, and a short code printed in an exported image's footer ("VS-3F9A-21C7": the first four
 * hex digits of each). Pure: values in, hex out (WebCrypto's `crypto.subtle`, in browsers and
 * Node 20 alike; a page served over plain http from another host has no `crypto.subtle`, and the
 * same digest is then made by @noble/hashes, an audited SHA-256 in JavaScript).
 *
 * Both hashes are of a canonical serialisation, never of a file's bytes or an object's key order:
 * objects with their keys sorted, arrays in order. Data numbers are exact (any change of a value
 * is a change of data). View numbers are rounded to VIEW_PRECISION so the float noise of a camera
 * put back in place does not change the view's hash.
 *
 * Typed arrays (a million-interval table's columns) are not written out as text: each is digested
 * from its own bytes (little-endian, as every platform the app runs on stores them), and the
 * document names it by type, length and digest. No copy of the columns is made, and the digests
 * run in WebCrypto, off the page's script.
 */

import { sha256 as sha256InScript } from '@noble/hashes/sha2.js';

/** Version of this fingerprint scheme, stored with each fingerprint: a new scheme changes hashes. */
export const FINGERPRINT_VERSION = 1;

/**
 * View settings are rounded to 0.001 (1 mm for coordinates and widths, 0.001 g/t, 0.001° for an
 * azimuth), and numbers smaller than 1 (an orthographic zoom in pixels per metre) to 6 significant
 * digits. Differences below these never change the view's hash.
 */
export const VIEW_PRECISION = { absolute: 1e-3, significant: 6 } as const;

export interface Fingerprint {
  /** SHA-256 of the dataset's canonical content, 64 hex digits */
  data: string;
  /** SHA-256 of the view's canonical settings, 64 hex digits */
  view: string;
  /** "VS-" + first 4 hex digits of data + "-" + first 4 of view, upper case */
  code: string;
}

/** A view number at VIEW_PRECISION (a negative zero is zero). */
export function roundViewNumber(v: number): number {
  if (!Number.isFinite(v)) return v;
  // An integer count of thousandths divided by 1000 is the double nearest the decimal: it writes as 612345.678.
  return Math.abs(v) >= 1 ? Math.round(v * 1000) / 1000 : Number(v.toPrecision(VIEW_PRECISION.significant));
}

type Bytes = ArrayBufferView;

/**
 * `value` as canonical JSON: object keys sorted, `undefined` fields left out, numbers through
 * `round`, non-finite numbers as {"$num":"NaN"} (JSON would make them null, the same as a null);
 * each typed array handed to `bytes`, which returns what stands for it.
 */
export function canonicalJson(value: unknown, round: (v: number) => number = (v) => v, bytes?: (a: Bytes) => unknown): string {
  const write = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') {
      const r = round(v);
      return Number.isFinite(r) ? JSON.stringify(r === 0 ? 0 : r) : `{"$num":"${r}"}`;
    }
    if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
    if (ArrayBuffer.isView(v)) {
      if (!bytes) return write(Array.from(v as unknown as ArrayLike<number>));
      return write(bytes(v));
    }
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k])}`).join(',')}}`;
    }
    return 'null';
  };
  return write(value);
}

/**
 * SHA-256 of bytes: WebCrypto where the page has it (a secure page: https, localhost, file://),
 * else the same digest in JavaScript (a page over plain http from another host, such as an office
 * server: exports and their verification worked only on a secure page before). `subtle` is a
 * parameter for the tests.
 */
export async function sha256(bytes: Uint8Array | ArrayBufferView, subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): Promise<Uint8Array> {
  // At once, in this call (so the library is imported with the module, 6 kB of the loading worker,
  // not on demand): startContentHash lets the columns be transferred away right after it.
  if (!subtle) return sha256InScript(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // A view of shared memory cannot be handed to WebCrypto: copy that one.
  const plain = typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice() : bytes;
  return new Uint8Array(await subtle.digest('SHA-256', plain as BufferSource));
}

export const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The digest of one typed array of a dataset, started when its bytes were copied. */
interface TypedDigest {
  type: string;
  length: number;
  digest: Promise<Uint8Array>;
}

/** Typed arrays of a dataset, by identity, with their digests under way (startContentHash). */
export type StartedHash = Map<Bytes, TypedDigest>;

/**
 * The first half of contentHash: finds every typed array in `value` (in any order) and starts its
 * digest. WebCrypto copies the bytes when `digest` is called, so the arrays may then move away
 * (transferred to the page: detached) before finishContentHash writes the rest. The loading worker
 * does this before it sends the dataset, and the costly canonical text after (off the first picture).
 */
export function startContentHash(value: unknown): StartedHash {
  const found: StartedHash = new Map();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (!found.has(v)) found.set(v, { type: v.constructor.name, length: (v as unknown as ArrayLike<number>).length, digest: sha256(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) });
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) visit(o[k]);
  };
  visit(value);
  return found;
}

/**
 * The second half: the canonical text of `value`, each typed array named by type, length and its
 * place in the list of digests (canonical order), then SHA-256 of the text followed by the digests.
 */
export async function finishContentHash(value: unknown, started: StartedHash): Promise<string> {
  const parts: TypedDigest[] = [];
  const json = canonicalJson(value, undefined, (a) => {
    const d = started.get(a);
    if (!d) throw new Error('a typed array that startContentHash did not see');
    parts.push(d);
    return { $typed: d.type, length: d.length, part: parts.length - 1 };
  });
  const digests = await Promise.all(parts.map((p) => p.digest));
  const text = new TextEncoder().encode(json);
  const all = new Uint8Array(text.length + 32 * digests.length);
  all.set(text, 0);
  digests.forEach((d, i) => all.set(d, text.length + 32 * i));
  return toHex(await sha256(all));
}

/**
 * SHA-256 hex of a dataset's content (any plain structure: records, arrays, typed arrays), exact.
 * Equal for equal content whatever the key order; different for any changed value.
 */
export function contentHash(value: unknown): Promise<string> {
  return finishContentHash(value, startContentHash(value));
}

/** SHA-256 hex of view settings, at VIEW_PRECISION. */
export async function viewHash(settings: unknown): Promise<string> {
  return toHex(await sha256(new TextEncoder().encode(canonicalJson(settings, roundViewNumber))));
}

/** The short code printed in a picture: "VS-3F9A-21C7" (dataset, then view). */
export function fingerprintCode(data: string, view: string): string {
  return `VS-${data.slice(0, 4)}-${view.slice(0, 4)}`.toUpperCase();
}

/** How many hex digits of the data hash a view link carries (64 bits: no accidental match). */
export const LINK_DATA_DIGITS = 16;

/** The dataset part of a code, for saying which data something was made from: "VS-3F9A". */
export const dataCode = (data: string): string => `VS-${data.slice(0, 4).toUpperCase()}`;
