/**
 * Writes a Veinscape document (parsed JSON) in the binary form (format.ts). Pure: runs in Node
 * (scripts/pack-deposit.ts, scripts/gen-stress.ts) and in the browser; the input is not changed.
 *
 * What moves into the body, and only when the binary form loads to the same model and the same
 * report as the JSON (anything else stays JSON in the JSON chunk, where the loader reports it as
 * usual):
 * - surface `vertices` as f64 (UTM northings near 5,000,000 m keep 1e-9 m; f32 would keep 0.5 m)
 *   and `triangles` as u32;
 * - interval tables, row-form ones turned into columns: `from`, `to` and numeric columns as f64,
 *   or f32 when every value of the column is exactly a float32 (depths such as 120.5 m); missing
 *   values as NaN; text such as "<0.005" or "NS" as the number that reads back the same (-0.005,
 *   NaN); `hole` and categorical columns dictionary-coded (u16 codes up to 65,535 entries, else u32).
 */
import { readNumericCell, writeNumericCell } from '../intervals';
import { CONTAINER_VERSION, HEADER_BYTES, MAGIC, MISSING_CODE, alignUp, isTypedArray, type BufferRef, type BufferType } from './format';

type Rec = Record<string, unknown>;
type NumberArray = Float64Array | Float32Array | Uint32Array | Uint16Array;

export interface EncodeOptions {
  /** write float32 for interval columns that it holds exactly (default true) */
  f32?: boolean;
}

export interface EncodeResult {
  bytes: Uint8Array;
  /** bytes of the JSON chunk, padding included */
  jsonBytes: number;
  /** bytes of the binary body */
  bodyBytes: number;
  /** number of arrays moved into the body */
  buffers: number;
}

class Body {
  private parts: { offset: number; bytes: Uint8Array }[] = [];
  length = 0;

  /** Appends a typed array 8-byte aligned and returns its reference object. */
  add(type: BufferType, a: NumberArray, extra: Rec = {}): Rec {
    const offset = alignUp(this.length);
    this.parts.push({ offset, bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength) });
    this.length = offset + a.byteLength;
    const ref: BufferRef = { type, offset, length: a.length };
    return { $buffer: ref, ...extra };
  }

  get count(): number {
    return this.parts.length;
  }

  writeInto(out: Uint8Array, at: number): void {
    // Typed arrays are little-endian on every platform a browser or Node runs on today.
    for (const p of this.parts) out.set(p.bytes, at + p.offset);
  }
}

const isList = (a: unknown): a is ArrayLike<unknown> => Array.isArray(a) || isTypedArray(a);

/** Every element a finite number: the JSON would validate, so f64 loads the same. */
function finiteColumn(a: unknown): Float64Array | null {
  if (!isList(a)) return null;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    out[i] = v;
  }
  return out;
}

function indexColumn(a: unknown): Uint32Array | null {
  if (!isList(a)) return null;
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) return null;
    out[i] = v;
  }
  return out;
}

/** A cell of a numeric column as the number that reads back as the same value and kind, if any. */
function numericCell(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return NaN;
  if (typeof v !== 'string') return undefined;
  const cell = readNumericCell(v);
  // Written as a saved project writes it (writeNumericCell): "<0" (below a zero limit) stays text,
  // which no number reads back as below-detection, so the column stays JSON.
  const w = writeNumericCell(cell.value, cell.kind === 'below-detection');
  return w === null ? NaN : typeof w === 'number' ? w : undefined;
}

/** from / to: numbers or null only (a text depth keeps the JSON's exact message, so it stays JSON). */
const depthCell = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? NaN : undefined);

function numberColumn(a: unknown[], cell: (v: unknown) => number | undefined): Float64Array | null {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const n = cell(a[i]);
    if (n === undefined) return null;
    out[i] = n;
  }
  return out;
}

function addNumbers(body: Body, a: Float64Array, f32: boolean): Rec {
  if (f32) {
    let exact = true;
    for (let i = 0; i < a.length && exact; i++) exact = Math.fround(a[i]) === a[i] || a[i] !== a[i];
    if (exact) return body.add('f32', Float32Array.from(a));
  }
  return body.add('f64', a);
}

/** Text cells as dictionary codes; null, undefined and '' are missing, numbers become their text. */
function addDictionary(body: Body, a: unknown[]): Rec | null {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === null || v === undefined || v === '') {
      codes[i] = MISSING_CODE.u32;
      continue;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    const s = String(v);
    let c = index.get(s);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(s);
      index.set(s, c);
    }
    codes[i] = c;
  }
  if (dictionary.length < MISSING_CODE.u16) {
    return body.add('u16', Uint16Array.from(codes, (c) => (c === MISSING_CODE.u32 ? MISSING_CODE.u16 : c)), { dictionary });
  }
  return body.add('u32', codes, { dictionary });
}

function encodeSurface(s: unknown, body: Body): unknown {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
  const out: Rec = { ...(s as Rec) };
  const v = finiteColumn(out.vertices);
  if (v) out.vertices = body.add('f64', v);
  const t = indexColumn(out.triangles);
  if (t) out.triangles = body.add('u32', t);
  return out;
}

const isCell = (v: unknown) => v === null || v === undefined || typeof v === 'number' || typeof v === 'string';

/** Row-form cells as columns { hole, from, to, <column>... }, or null when the rows cannot be. */
function rowsToColumns(rows: unknown, names: string[]): Record<string, unknown[]> | null {
  if (!Array.isArray(rows) || new Set(names).size !== names.length) return null;
  const data: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, new Array(rows.length)]));
  const cols = names.map((n) => data[n]);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || !row.every(isCell)) return null;
    for (let c = 0; c < cols.length; c++) cols[c][r] = row[c] ?? null;
  }
  return data;
}

function encodeTable(t: unknown, body: Body, f32: boolean): unknown {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return t;
  const table = t as Rec;
  const columns = Array.isArray(table.columns) ? (table.columns as { name?: unknown; type?: unknown }[]) : null;
  if (!columns || !columns.every((c) => c && typeof c.name === 'string')) return t;
  const types = new Map(columns.map((c) => [c.name as string, c.type]));
  const names = ['hole', 'from', 'to', ...columns.map((c) => c.name as string)];
  let data: Record<string, unknown> | null = null;
  if (table.rows !== undefined && table.data === undefined) data = rowsToColumns(table.rows, names);
  else if (table.rows === undefined && table.data && typeof table.data === 'object' && !Array.isArray(table.data)) data = table.data as Rec;
  if (!data) return t;
  const out: Rec = { ...table, data: { ...data } };
  delete out.rows;
  const cols = out.data as Rec;
  for (const [name, col] of Object.entries(cols)) {
    if (!Array.isArray(col)) continue;
    let ref: Rec | null = null;
    if (name === 'hole' || (types.get(name) === 'categorical' && name !== 'from' && name !== 'to')) ref = addDictionary(body, col);
    else if (name === 'from' || name === 'to') ref = wrap(numberColumn(col, depthCell), body, f32);
    else if (types.get(name) === 'numeric') ref = wrap(numberColumn(col, numericCell), body, f32);
    if (ref) cols[name] = ref;
  }
  return out;
}

const wrap = (a: Float64Array | null, body: Body, f32: boolean) => (a ? addNumbers(body, a, f32) : null);

/** The binary form of a Veinscape document. */
export function encodeDeposit(doc: unknown, options: EncodeOptions = {}): EncodeResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('a deposit document must be a JSON object');
  const f32 = options.f32 ?? true;
  const body = new Body();
  const d: Rec = { ...(doc as Rec) };
  if (Array.isArray(d.surfaces)) d.surfaces = d.surfaces.map((s) => encodeSurface(s, body));
  if (Array.isArray(d.intervals)) d.intervals = d.intervals.map((t) => encodeTable(t, body, f32));
  const json = new TextEncoder().encode(JSON.stringify(d));
  const jsonBytes = alignUp(json.length);
  const bodyBytes = alignUp(body.length);
  // The header's lengths are u32: 4 GiB each (more than a browser tab can hold anyway).
  if (jsonBytes > 0xffffffff || bodyBytes > 0xffffffff) throw new Error(`too large for the binary form (JSON ${jsonBytes} bytes, body ${bodyBytes} bytes; at most 4 GiB each)`);
  const out = new Uint8Array(HEADER_BYTES + jsonBytes + bodyBytes);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, CONTAINER_VERSION, true);
  dv.setUint32(8, jsonBytes, true);
  dv.setUint32(12, bodyBytes, true);
  out.set(json, HEADER_BYTES);
  // JSON allows trailing white space: the chunk is padded with spaces (0x20), like GLB's.
  out.fill(0x20, HEADER_BYTES + json.length, HEADER_BYTES + jsonBytes);
  body.writeInto(out, HEADER_BYTES + jsonBytes);
  return { bytes: out, jsonBytes, bodyBytes, buffers: body.count };
}
