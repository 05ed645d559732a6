/**
 * The Veinscape binary form (".vsb"): the same document as the JSON file, with its big arrays
 * moved into a little-endian binary body, in the manner of glTF's GLB. See docs/data-format.md,
 * "The binary form".
 *
 *   bytes 0-3    magic "VSCB"
 *   bytes 4-7    u32 container version (1)
 *   bytes 8-11   u32 byte length of the JSON chunk (a multiple of 8; UTF-8, padded with spaces)
 *   bytes 12-15  u32 byte length of the binary body
 *   then the JSON chunk, then the body; every buffer in the body starts at a multiple of 8 bytes.
 *
 * The header is 16 bytes (GLB's is 12 plus 8 per chunk) so that the body, and so every float64
 * buffer in it, starts 8-byte aligned in the file: a file read into an ArrayBuffer is viewed as
 * typed arrays in place, with no copy. The body's length in the header tells a truncated file
 * from a complete one.
 *
 * Pure code: no react / three / zustand.
 */

export const MAGIC = 'VSCB';
export const CONTAINER_VERSION = 1;
/** bytes */
export const HEADER_BYTES = 16;
/** Every JSON chunk length and every buffer offset is a multiple of this many bytes. */
export const ALIGN = 8;
/** The file extension written by the tools; loading never relies on it (magic bytes decide). */
export const BINARY_EXTENSION = '.vsb';

export const BUFFER_TYPES = {
  f64: Float64Array,
  f32: Float32Array,
  u32: Uint32Array,
  i32: Int32Array,
  u16: Uint16Array,
  u8: Uint8Array,
} as const;
export type BufferType = keyof typeof BUFFER_TYPES;
export type BufferArray = InstanceType<(typeof BUFFER_TYPES)[BufferType]>;

/** Dictionary codes that mean "missing cell" (the largest value of the code type). */
export const MISSING_CODE = { u16: 0xffff, u32: 0xffffffff } as const;

/** The reference object that stands for an array in the JSON chunk. */
export interface BufferRef {
  type: BufferType;
  /** byte offset from the start of the body, a multiple of 8 */
  offset: number;
  /** number of elements (not bytes) */
  length: number;
}

/**
 * A dictionary-coded text column (hole ids, categories) as decoded: one code per row into
 * `dictionary`, `missing` for an empty cell. The validator reads it in place of a string array.
 */
export class DictionaryColumn {
  constructor(
    readonly codes: Uint16Array | Uint32Array,
    readonly dictionary: readonly string[],
    readonly missing: number,
  ) {}

  get length(): number {
    return this.codes.length;
  }

  /** The cell as the JSON column would hold it: the text, or null when missing. */
  at(row: number): string | null {
    const c = this.codes[row];
    return c === this.missing ? null : this.dictionary[c];
  }

  /** The plain array the JSON form of the column would have (for error paths and tests). */
  toArray(): (string | null)[] {
    const out = new Array<string | null>(this.codes.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** Typed arrays the validator accepts in place of number arrays (not DataView). */
export function isTypedArray(a: unknown): a is BufferArray | Float64Array {
  return ArrayBuffer.isView(a) && !(a instanceof DataView);
}

/** True when the bytes start with the binary form's magic: how files and URLs are told apart. */
export function hasBinaryMagic(bytes: ArrayBuffer | Uint8Array): boolean {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (u8.length < 4) return false;
  for (let i = 0; i < 4; i++) if (u8[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/** For a picked or dropped file: does it hold the binary form? (reads its first 4 bytes only) */
export async function isBinaryDepositFile(file: Blob): Promise<boolean> {
  if (file.size < HEADER_BYTES) return false;
  return hasBinaryMagic(await file.slice(0, 4).arrayBuffer());
}

export const alignUp = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
