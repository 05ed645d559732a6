/**
 * The stress deposit written straight into the binary form (.vsb, src/data/binary/format.ts), a
 * buffer at a time: no JSON text of the whole deposit ever exists (10,000,000 intervals would be
 * over 1 GB of text, past V8's longest string), and the body is streamed to the file in chunks of
 * CHUNK elements. The document is the one gen-stress.ts writes as JSON, from the same seeded
 * design, laid out as src/data/binary/encode.ts lays out that JSON (same buffer types, same
 * dictionaries in the same order, f32 where every value of a column is exactly a float32), so it
 * decodes to the same deposit as `npm run data:pack` of the JSON file (tests/stress-vsb.test.ts).
 *
 * Memory: the assay design (17 bytes per interval) and the hole records; 10,000 × 1,000 needs
 * about 0.3 GB of heap.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { FORMAT_NAME, SCHEMA_VERSION } from '../../src/data/schema';
import { BUFFER_TYPES, CONTAINER_VERSION, HEADER_BYTES, MAGIC, MISSING_CODE, alignUp, type BufferType } from '../../src/data/binary/format';
import { VEINS } from './layout';
import { ASSAY_TABLE, designDrilling, type Assays } from './holes';
import { defaultTriangles, stressProject, stressSurfaces, workingRecords, zoneRecords, type StressOptions, type StressSummary } from './document';
import type { GridSurface } from './surfaces';
import type { Vec3 } from '../../src/domain/vec3';

/** elements per write */
const CHUNK = 1 << 16;

type Fill = (out: { [i: number]: number }, start: number, end: number) => void;

/** One buffer of the body: its type and length, and how to compute elements [start, end). */
interface Planned {
  type: BufferType;
  length: number;
  fill: Fill;
  offset: number;
}

class BodyPlan {
  readonly buffers: Planned[] = [];
  length = 0;

  /** Reserves a buffer 8-byte aligned (as encode.ts's Body.add) and returns its reference. */
  add(type: BufferType, length: number, fill: Fill, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const offset = alignUp(this.length);
    this.buffers.push({ type, length, fill, offset });
    this.length = offset + length * BUFFER_TYPES[type].BYTES_PER_ELEMENT;
    return { $buffer: { type, offset, length }, ...extra };
  }
}

const hundredths = (c: number) => c / 100;

function surfaceRecord(s: GridSurface, body: BodyPlan): Record<string, unknown> {
  const rec: Record<string, unknown> = { id: s.id, name: s.name };
  if (s.zone) rec.zone = s.zone;
  if (s.fault) rec.fault = s.fault;
  const stride = s.nu + 1;
  const nv = stride * (s.nw + 1);
  rec.vertices = body.add('f64', nv * 3, (out, start, end) => {
    // Rounded to the centimetre, as the JSON writer prints them (cents(toCents(x)) read back).
    let p: Vec3 = [0, 0, 0];
    for (let i = start; i < end; i++) {
      const v = Math.floor(i / 3);
      if (i % 3 === 0 || i === start) p = s.point(v % stride, Math.floor(v / stride));
      out[i - start] = hundredths(Math.round(p[i % 3] * 100));
    }
  });
  rec.triangles = body.add('u32', s.nu * s.nw * 6, (out, start, end) => {
    for (let i = start; i < end; i++) {
      const t = Math.floor(i / 3);
      const cell = t >> 1;
      const a = Math.floor(cell / s.nu) * stride + (cell % s.nu);
      const corner = i % 3;
      // Cell split along b-c: (a, b, c) and (b, d, c), as writeSurface.
      out[i - start] = t & 1 ? (corner === 0 ? a + 1 : corner === 1 ? a + stride + 1 : a + stride) : corner === 0 ? a : corner === 1 ? a + 1 : a + stride;
    }
  });
  return rec;
}

/** f32 when every value (NaN apart) is exactly a float32, as encode.ts's addNumbers decides. */
function numberColumn(body: BodyPlan, n: number, value: (row: number) => number): Record<string, unknown> {
  let exact = true;
  for (let i = 0; i < n && exact; i++) {
    const v = value(i);
    exact = Math.fround(v) === v || v !== v;
  }
  return body.add(exact ? 'f32' : 'f64', n, (out, start, end) => {
    for (let i = start; i < end; i++) out[i - start] = value(i);
  });
}

/** Codes into `dictionary` (missing: -1), u16 or u32 as encode.ts's addDictionary chooses. */
function dictionaryColumn(body: BodyPlan, n: number, dictionary: string[], code: (row: number) => number): Record<string, unknown> {
  const type = dictionary.length < MISSING_CODE.u16 ? 'u16' : 'u32';
  const missing = MISSING_CODE[type];
  return body.add(
    type,
    n,
    (out, start, end) => {
      for (let i = start; i < end; i++) {
        const c = code(i);
        out[i - start] = c < 0 ? missing : c;
      }
    },
    { dictionary },
  );
}

function assayTable(a: Assays, holeIds: string[], body: BodyPlan): Record<string, unknown> {
  const n = a.hole.length;
  // Zone ids in the order rows first name them (the encoder's dictionary order).
  const zoneCode = new Int32Array(VEINS.length).fill(-1);
  const zones: string[] = [];
  for (let i = 0; i < n; i++) {
    const z = a.zone[i];
    if (z >= 0 && zoneCode[z] < 0) {
      zoneCode[z] = zones.length;
      zones.push(VEINS[z].id);
    }
  }
  // Holes are written in order and every hole has rows, so a hole's code is its index.
  const data = {
    hole: dictionaryColumn(body, n, holeIds, (i) => a.hole[i]),
    from: numberColumn(body, n, (i) => hundredths(a.from[i])),
    to: numberColumn(body, n, (i) => hundredths(a.to[i])),
    Au: numberColumn(body, n, (i) => (a.au[i] < 0 ? NaN : hundredths(a.au[i]))),
    zone: dictionaryColumn(body, n, zones, (i) => (a.zone[i] < 0 ? -1 : zoneCode[a.zone[i]])),
  };
  return { ...ASSAY_TABLE, data };
}

/** Writes the stress deposit's binary form to `path`; returns what was written. */
export function generateStressVsb(o: StressOptions, path: string): StressSummary {
  const t0 = performance.now();
  const seed = o.seed ?? 1;
  const triangles = o.triangles ?? defaultTriangles(o);
  const drilling = designDrilling(seed, o.holes, o.intervals);
  const { veins, faults, faultRecords } = stressSurfaces(drilling, triangles);
  const body = new BodyPlan();
  const doc = {
    format: FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    project: stressProject(o, triangles, seed),
    zones: zoneRecords(),
    surfaces: [...veins, ...faults].map((s) => surfaceRecord(s, body)),
    faults: faultRecords,
    holes: drilling.holes,
    intervals: [assayTable(drilling.assays, drilling.holes.map((h) => h.id), body)],
    workings: workingRecords(drilling),
  };
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const jsonBytes = alignUp(json.length);
  const bodyBytes = alignUp(body.length);
  if (jsonBytes > 0xffffffff || bodyBytes > 0xffffffff) throw new Error(`too large for the binary form (JSON ${jsonBytes} bytes, body ${bodyBytes} bytes; at most 4 GiB each)`);

  const fd = openSync(path, 'w');
  try {
    const head = new Uint8Array(HEADER_BYTES + jsonBytes);
    for (let i = 0; i < 4; i++) head[i] = MAGIC.charCodeAt(i);
    const dv = new DataView(head.buffer);
    dv.setUint32(4, CONTAINER_VERSION, true);
    dv.setUint32(8, jsonBytes, true);
    dv.setUint32(12, bodyBytes, true);
    head.set(json, HEADER_BYTES);
    head.fill(0x20, HEADER_BYTES + json.length);
    writeSync(fd, head);
    let at = 0; // bytes of the body written
    const zeros = new Uint8Array(8);
    for (const b of body.buffers) {
      if (b.offset > at) writeSync(fd, zeros, 0, b.offset - at);
      const Ctor = BUFFER_TYPES[b.type];
      const chunk = new Ctor(Math.min(CHUNK, b.length));
      for (let start = 0; start < b.length; start += CHUNK) {
        const end = Math.min(b.length, start + CHUNK);
        b.fill(chunk, start, end);
        // Typed arrays are little-endian on every platform Node runs on today (as encode.ts).
        writeSync(fd, new Uint8Array(chunk.buffer, 0, (end - start) * Ctor.BYTES_PER_ELEMENT));
      }
      at = b.offset + b.length * Ctor.BYTES_PER_ELEMENT;
    }
    if (bodyBytes > at) writeSync(fd, zeros, 0, bodyBytes - at);
  } finally {
    closeSync(fd);
  }
  const cells = (s: GridSurface) => s.nu * s.nw * 2;
  return {
    path,
    bytes: statSync(path).size,
    holes: o.holes,
    intervals: o.holes * o.intervals,
    triangles: veins.reduce((t, s) => t + cells(s), 0),
    faultTriangles: faults.reduce((t, s) => t + cells(s), 0),
    seconds: (performance.now() - t0) / 1000,
  };
}
