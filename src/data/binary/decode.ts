/**
 * Reads the binary form (see format.ts) into the same document JSON.parse gives for the JSON
 * form, except that the big arrays are typed-array views of the file (no copy when aligned) and
 * dictionary-coded columns are DictionaryColumn objects; validateDeposit accepts both where it
 * accepts the big arrays. A damaged container (bad magic or version, truncated, a reference
 * outside the body, misaligned or of an unknown type, a code outside its dictionary) refuses the
 * file as a whole, each problem reported with its JSON path; what the container holds is then
 * validated record by record like any JSON file.
 */
import { say, type Said } from '../../domain/message';
import type { LoadIssue, Model } from '../model';
import { jsonPath, parseJsonText } from '../load';
import { ALIGN, BUFFER_TYPES, CONTAINER_VERSION, DictionaryColumn, HEADER_BYTES, MAGIC, MISSING_CODE, hasBinaryMagic, type BufferArray, type BufferType } from './format';

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface DecodedDeposit {
  /** the document, when the container is sound */
  value?: unknown;
  issues: LoadIssue[];
}

interface Body {
  u8: Uint8Array;
  /** byte offset of the body in `u8` */
  start: number;
  /** bytes */
  length: number;
}

/**
 * Where the validator takes typed arrays and dictionary columns: surface vertices and triangles,
 * interval tables' data columns. A reference anywhere else (survey columns, say) is decoded into a
 * plain array, so every other record is validated exactly as in the JSON form.
 */
function isBulkPosition(keys: readonly (string | number)[]): boolean {
  if (keys.length === 3 && keys[0] === 'surfaces') return keys[2] === 'vertices' || keys[2] === 'triangles';
  return keys.length === 4 && keys[0] === 'intervals' && keys[2] === 'data';
}

function view(body: Body, type: BufferType, offset: number, length: number): BufferArray {
  const Ctor = BUFFER_TYPES[type];
  const at = body.u8.byteOffset + body.start + offset;
  // In place when the host is little-endian and the element is aligned in the underlying buffer
  // (a Node Buffer from the pool may start anywhere); otherwise a copy read as little-endian.
  if (LITTLE_ENDIAN_HOST && at % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(body.u8.buffer as ArrayBuffer, at, length);
  // slice() gives a buffer of its own, starting at 0: aligned.
  const bytes = body.u8.slice(body.start + offset, body.start + offset + length * Ctor.BYTES_PER_ELEMENT);
  if (LITTLE_ENDIAN_HOST) return new Ctor(bytes.buffer, 0, length);
  const out = new Ctor(length);
  const dv = new DataView(bytes.buffer);
  const get = { f64: dv.getFloat64, f32: dv.getFloat32, u32: dv.getUint32, i32: dv.getInt32, u16: dv.getUint16, u8: dv.getUint8 }[type];
  for (let i = 0; i < length; i++) out[i] = get.call(dv, i * Ctor.BYTES_PER_ELEMENT, true);
  return out;
}

/** Checks one reference object; returns its array (or dictionary column), or an issue message. */
function resolve(ref: Record<string, unknown>, body: Body): BufferArray | DictionaryColumn | Said {
  const b = ref.$buffer as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') return say('binary.bufferObject');
  const { type, offset, length } = b;
  if (typeof type !== 'string' || !Object.hasOwn(BUFFER_TYPES, type)) {
    const expected = Object.keys(BUFFER_TYPES).join(', ');
    const found = JSON.stringify(type);
    return found === undefined ? say('binary.noBufferType', { expected }) : say('binary.bufferType', { found, expected });
  }
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset as number) < 0 || (length as number) < 0) {
    return say('binary.offsetLength', { offset: `${JSON.stringify(offset)}`, length: `${JSON.stringify(length)}` });
  }
  const t = type as BufferType;
  const off = offset as number;
  const len = length as number;
  const bytes = len * BUFFER_TYPES[t].BYTES_PER_ELEMENT;
  if (off % ALIGN !== 0) return say('binary.misaligned', { offset: off, align: ALIGN });
  if (off + bytes > body.length) {
    return say('binary.outside', { offset: off, length: len, type: t, bytes, body: body.length });
  }
  const arr = view(body, t, off, len);
  if (!('dictionary' in ref)) return arr;
  const dict = ref.dictionary;
  if (t !== 'u16' && t !== 'u32') return say('binary.codeType', { type: t });
  if (!Array.isArray(dict) || dict.some((s) => typeof s !== 'string')) return say('binary.dictionary');
  const missing = MISSING_CODE[t];
  const codes = arr as Uint16Array | Uint32Array;
  const n = dict.length;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r];
    if (c >= n && c !== missing) return say('binary.code', { code: c, row: r, entries: n });
  }
  return new DictionaryColumn(codes, dict as string[], missing);
}

/**
 * How deep references are looked for: a valid file has them 4 levels down ($.intervals[0].data.Au);
 * deeper nesting (a hostile chunk nested 100,000 levels) is left to the validator, never recursed into.
 */
const MAX_REFERENCE_DEPTH = 32;

/** Replaces every reference object under `node` (in place), collecting issues with their paths. */
function walk(node: unknown, keys: (string | number)[], body: Body, issues: LoadIssue[]): unknown {
  if (node === null || typeof node !== 'object' || keys.length > MAX_REFERENCE_DEPTH) return node;
  const rec = node as Record<string | number, unknown>;
  if (!Array.isArray(node) && Object.hasOwn(rec, '$buffer')) {
    const out = resolve(rec, body);
    if (!ArrayBuffer.isView(out) && !(out instanceof DictionaryColumn)) {
      issues.push({ path: jsonPath('$', keys), ...out });
      return node;
    }
    if (isBulkPosition(keys)) return out;
    return out instanceof DictionaryColumn ? out.toArray() : Array.from(out);
  }
  const visit = (k: string | number) => {
    const v = rec[k];
    if (v === null || typeof v !== 'object') return;
    keys.push(k);
    rec[k] = walk(v, keys, body, issues);
    keys.pop();
  };
  // Arrays by index: Object.keys would make a string per element.
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) visit(i);
  else for (const k of Object.keys(rec)) visit(k);
  return node;
}

/** Decode a binary deposit file (the whole file's bytes). */
export function decodeDeposit(bytes: ArrayBuffer | Uint8Array, source: string): DecodedDeposit {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const fail = (said: Said, path = source): DecodedDeposit => ({ issues: [{ path, ...said }] });
  if (u8.length < HEADER_BYTES || !hasBinaryMagic(u8)) {
    return fail(say('binary.notBinary', { magic: MAGIC, header: HEADER_BYTES }));
  }
  const dv = new DataView(u8.buffer, u8.byteOffset, HEADER_BYTES);
  const version = dv.getUint32(4, true);
  if (version !== CONTAINER_VERSION) {
    return fail(say('binary.version', { version, reads: CONTAINER_VERSION }));
  }
  const jsonBytes = dv.getUint32(8, true);
  const bodyBytes = dv.getUint32(12, true);
  if (jsonBytes % ALIGN !== 0) return fail(say('binary.chunkLength', { length: jsonBytes, align: ALIGN }));
  const need = HEADER_BYTES + jsonBytes + bodyBytes;
  if (u8.length < need) {
    return fail(say('binary.truncated', { need, header: HEADER_BYTES, json: jsonBytes, body: bodyBytes, has: u8.length }));
  }
  const text = new TextDecoder('utf-8').decode(u8.subarray(HEADER_BYTES, HEADER_BYTES + jsonBytes));
  const parsed = parseJsonText(text, `${source} (JSON chunk)`);
  if (parsed.issue) return { issues: [parsed.issue] };
  const issues: LoadIssue[] = [];
  const value = walk(parsed.value, [], { u8, start: HEADER_BYTES + jsonBytes, length: bodyBytes }, issues);
  return issues.length ? { issues } : { value, issues };
}

/**
 * The document in a deposit file's bytes, whichever form it is in: the binary form when the bytes
 * start with its magic (whatever the file's name or the server's content type), else JSON text.
 */
export function parseDepositBytes(bytes: ArrayBuffer | Uint8Array, source: string): DecodedDeposit {
  if (hasBinaryMagic(bytes)) return decodeDeposit(bytes, source);
  const text = new TextDecoder('utf-8').decode(bytes);
  // A file named .vsb that is neither: "not a Veinscape binary file" says more than a JSON syntax error.
  if (/\.vsb$/i.test(source) && !/^\uFEFF?\s*[{[]/.test(text.slice(0, 64))) return decodeDeposit(bytes, source);
  const parsed = parseJsonText(text, source);
  return parsed.issue ? { issues: [parsed.issue] } : { value: parsed.value, issues: [] };
}

/**
 * Surface arrays adopted from a binary file are views of the whole file's buffer; sending them to
 * the page would move the entire file there (interval columns and JSON chunk included, about 35 MB
 * more at 10,000 holes × 100 intervals). Each becomes a copy of its own bytes (a memory copy, some
 * 10 ms for 48 MB, in the worker) so the file's buffer stays in the worker, where it is collected once
 * the document is dropped (the worker lives on as the dataset's counter, countHost.ts).
 */
export function ownSurfaceArrays(model: Model): void {
  const own = <T extends Float64Array | Uint32Array>(a: T): T => (a.byteLength === a.buffer.byteLength ? a : (a.slice() as T));
  for (const s of model.surfaces) {
    s.vertices = own(s.vertices);
    s.triangles = own(s.triangles);
  }
}
