/**
 * Surpac string files (`.str`, text or binary) and DTM files (`.dtm`, text).
 *
 * String file records are `string_number, Y, X, Z[, D1, D2, ...]`: northing BEFORE easting. Vertices
 * come out as [X (east), Y (north), Z] in the file's unit (metres in practice; the file does not say).
 * A record with string number 0 ends a segment; `0, 0, 0, 0, END` ends the file. Segments are
 * polylines, grouped into one ImportedLines per string number.
 *
 * A DTM triangulates the points of its string file: its first line names the `.str`, and triangle
 * rows `id, v1, v2, v3, n1, n2, n3` give 1-based numbers of the `.str` points counted in file order
 * over all strings (separator records not counted), not the points the DTM itself lists.
 *
 * Binary string layout (undocumented; decoded from kirra/test310binary.str against test310text.str,
 * which hold the same 417 points):
 *   - two text lines, each ending CRLF: the header record and the axis record, as in the text form;
 *   - 5 bytes, zero in the sample (meaning unknown);
 *   - records, back to back: a 4-byte big-endian string number (the high two bytes are 0, so it is
 *     the 16-bit value `01 ff` = 511 seen in a dump), big-endian float64 Y, X, Z, then the D-fields as
 *     one comma-separated ASCII text ended by a NUL byte. A separator is number 0 with zero
 *     coordinates and empty text; the end record is number 0, zero coordinates, text `END`.
 */
import type { ImportedLines, ImportedMesh, ImportIssue, ImportOptions, ImportResult, Importer } from './types';
import { say, type MessageParams, type Said } from '../../domain/message';

/** What a string file holds: segments per string number, and every point in file order (for DTMs). */
interface StringData {
  format: string;
  /** string number -> segments, each flat [x, y, z, ...] (x = east) */
  strings: Map<number, number[][]>;
  /** every point record in file order, flat [x, y, z]; NaN for a point that could not be read (keeps numbering) */
  points: number[];
  issues: ImportIssue[];
}

const baseOf = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;
const stem = (fileName: string) => baseOf(fileName).replace(/\.[^.]*$/, '');

/** Calls `each(line, lineNo, start)` for every line (CR stripped), walking with indexOf: linear in the text. */
function eachLine(text: string, each: (line: string, lineNo: number, start: number) => boolean | void): void {
  let pos = 0;
  let lineNo = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    const start = pos;
    pos = nl + 1;
    if (each(line, ++lineNo, start) === false) return;
  }
}

/** Throttled progress: at most every 50 ms. */
function ticker(onProgress: ImportOptions['onProgress']) {
  let last = Date.now();
  return (fraction: number) => {
    if (!onProgress) return;
    const now = Date.now();
    if (now - last >= 50) { last = now; onProgress(fraction); }
  };
}

/** True when the bytes after the two header lines are binary records (a NUL byte), not text. */
function isBinaryString(bytes: Uint8Array): boolean {
  let lines = 0;
  for (let i = 0; i < bytes.length && i < 4096; i++) {
    if (bytes[i] === 0) return true;
    if (bytes[i] === 10 && ++lines === 2) return i + 1 < bytes.length && bytes[i + 1] === 0;
  }
  return false;
}

class Segments {
  strings = new Map<number, number[][]>();
  points: number[] = [];
  private current: number[] | null = null;
  private currentNumber = -1;
  singles = 0;
  add(n: number, x: number, y: number, z: number) {
    this.points.push(x, y, z);
    if (Number.isNaN(x)) return;
    if (n !== this.currentNumber) this.end();
    if (!this.current) { this.current = []; this.currentNumber = n; }
    this.current.push(x, y, z);
  }
  /** Ends the open segment (separator record); a one-point segment is a spot point, not a line. */
  end() {
    const seg = this.current;
    if (seg && seg.length >= 6) {
      const list = this.strings.get(this.currentNumber);
      if (list) list.push(seg); else this.strings.set(this.currentNumber, [seg]);
    } else if (seg) this.singles++;
    this.current = null;
    this.currentNumber = -1;
  }
  /** Drops the open segment (binary layout broke inside it: its points are not trusted). */
  drop() { this.current = null; this.currentNumber = -1; }
}

function readTextStrings(text: string, fileName: string, options: ImportOptions): StringData {
  const issues: ImportIssue[] = [];
  const segs = new Segments();
  const tick = ticker(options.onProgress);
  let ended = false;
  let lastLine = 0;
  eachLine(text, (line, lineNo, start) => {
    lastLine = lineNo;
    if ((lineNo & 4095) === 0) tick(start / text.length);
    if (lineNo <= 2 || line.trim() === '') return; // header record and axis record
    if (ended) {
      issues.push({ path: `${fileName}:${lineNo}`, severity: 'warning', ...say('surfaces.surpac.afterEnd') });
      return false;
    }
    const f = line.split(',');
    const n = Number(f[0]);
    if (!Number.isInteger(n) || n < 0 || f.length < 4) {
      issues.push({ path: `${fileName}:${lineNo}`, severity: 'error', ...say('surfaces.surpac.notRecord', { text: line.slice(0, 60) }) });
      return;
    }
    if (n === 0) {
      segs.end();
      if ((f[4] ?? '').trim().toUpperCase() === 'END') ended = true;
      return;
    }
    const y = Number(f[1]), x = Number(f[2]), z = Number(f[3]);
    // Number('') is 0: an empty field must not read as a coordinate
    if ([f[1], f[2], f[3]].some((t) => t.trim() === '') || ![x, y, z].every(Number.isFinite)) {
      issues.push({ path: `${fileName}:${lineNo}`, severity: 'error', ...say('surfaces.surpac.nonNumeric', { n }) });
      segs.add(n, NaN, NaN, NaN);
      return;
    }
    segs.add(n, x, y, z);
  });
  segs.end();
  if (!ended) issues.push({ path: `${fileName}:${lastLine}`, severity: 'warning', ...say('surfaces.surpac.noEnd') });
  if (segs.singles) issues.push({ path: fileName, severity: 'warning', ...say('surfaces.surpac.singles', { n: segs.singles }) });
  return { format: 'Surpac string (text)', strings: segs.strings, points: segs.points, issues };
}

function readBinaryStrings(bytes: Uint8Array, fileName: string, options: ImportOptions): StringData {
  const issues: ImportIssue[] = [];
  const segs = new Segments();
  const tick = ticker(options.onProgress);
  // The reason is a message of its own, nested in the report's line (surfaces.surpac.binary.*).
  const fail = (at: number, reason: string, params: MessageParams = {}): StringData => {
    segs.drop();
    const kept = segs.points.length / 3;
    const reasonKey = `surfaces.surpac.binary.${reason}`;
    issues.push({ path: `${fileName}@${at}`, severity: 'error', ...say(kept ? 'surfaces.surpac.binaryKept' : 'surfaces.surpac.binaryNothing', { ...params, reasonKey, kept }) });
    return { format: 'Surpac string (binary)', strings: segs.strings, points: segs.points, issues };
  };
  let p = 0;
  for (let lines = 0; lines < 2; p++) {
    if (p >= bytes.length || p > 4096) return fail(p, 'noHeader');
    if (bytes[p] === 10) lines++;
  }
  if (p + 5 > bytes.length) return fail(p, 'endsAfterHeader');
  if (bytes.subarray(p, p + 5).some((b) => b !== 0)) {
    issues.push({ path: `${fileName}@${p}`, severity: 'warning', ...say('surfaces.surpac.padding') });
  }
  p += 5;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ended = false;
  while (p < bytes.length) {
    if ((segs.points.length & 4095) === 0) tick(p / bytes.length);
    if (p + 28 > bytes.length) return fail(p, 'cutShort');
    const n = view.getUint32(p);
    const y = view.getFloat64(p + 4), x = view.getFloat64(p + 12), z = view.getFloat64(p + 20);
    let q = p + 28;
    while (q < bytes.length && bytes[q] !== 0) {
      if (bytes[q] < 32 && bytes[q] !== 9) return fail(q, 'controlByte', { byte: bytes[q], at: p });
      q++;
    }
    if (q >= bytes.length) return fail(p, 'noNul');
    if (n > 0xffff) return fail(p, 'stringRange', { n });
    // 0 or 1e-30 < |v| < 1e9 (metres or feet): anything else means misread boundaries or byte order
    if (![x, y, z].every((v) => v === 0 || (Math.abs(v) > 1e-30 && Math.abs(v) < 1e9))) return fail(p + 4, 'badFloat');
    const textField = new TextDecoder('latin1').decode(bytes.subarray(p + 28, q));
    p = q + 1;
    if (n === 0) {
      segs.end();
      if (textField.trim().toUpperCase() === 'END') { ended = true; break; }
      continue;
    }
    segs.add(n, x, y, z);
  }
  segs.end();
  if (!ended) issues.push({ path: `${fileName}@${p}`, severity: 'warning', ...say('surfaces.surpac.noEnd') });
  else if (p < bytes.length) issues.push({ path: `${fileName}@${p}`, severity: 'warning', ...say('surfaces.surpac.bytesAfterEnd', { n: bytes.length - p }) });
  if (segs.singles) issues.push({ path: fileName, severity: 'warning', ...say('surfaces.surpac.singles', { n: segs.singles }) });
  return { format: 'Surpac string (binary)', strings: segs.strings, points: segs.points, issues };
}

function readStrings(bytes: Uint8Array, fileName: string, options: ImportOptions): StringData {
  return isBinaryString(bytes)
    ? readBinaryStrings(bytes, fileName, options)
    : readTextStrings(new TextDecoder('utf-8').decode(bytes), fileName, options);
}

/** Surpac `.str`: one ImportedLines per string number, named `<file base> string <n>`. */
export const importSurpacString: Importer = (bytes, fileName, options = {}) => {
  const data = readStrings(bytes, fileName, options);
  const base = stem(fileName);
  const objects: ImportedLines[] = [...data.strings].map(([n, list]) => ({
    type: 'lines', name: `${base} string ${n}`, lines: list.map((s) => Float64Array.from(s)),
  }));
  if (objects.length === 0 && !data.issues.some((i) => i.severity === 'error')) {
    data.issues.push({ path: fileName, severity: 'warning', ...say('surfaces.surpac.noString') });
  }
  options.onProgress?.(1);
  return { objects, issues: data.issues, meta: { format: data.format } };
};

/**
 * Surpac `.dtm` with its `.str` (from options.companions, keyed by lower-case base name): one mesh
 * per TRISOLATION, named `<dtm base> (TRISOLATION n)` (`(OBJECT o, TRISOLATION n)` when the file has
 * several objects). Every point of the `.str` is kept as a vertex, used or not, so that vertex
 * number k in the DTM is vertex k - 1 of the mesh.
 */
export const importSurpacDtm: Importer = (bytes, fileName, options = {}) => {
  const meta = { format: 'Surpac DTM (text)' };
  const fail = (said: Said, path = fileName): ImportResult => ({ objects: [], issues: [{ path, severity: 'error', ...said }], meta });
  if (bytes.subarray(0, 4096).includes(0)) return fail(say('surfaces.surpac.binaryDtm'));
  const text = new TextDecoder('utf-8').decode(bytes);
  const nl = text.indexOf('\n');
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  let strName = baseOf(first.split(',')[0].trim());
  if (!strName) return fail(say('surfaces.surpac.noStringName'), `${fileName}:1`);
  if (!/\.[^.]+$/.test(strName)) strName += '.str';
  const strBytes = options.companions?.get(strName.toLowerCase());
  if (!strBytes) return fail(say('surfaces.surpac.needsString', { file: strName }), `${fileName}:1`);
  const data = readStrings(strBytes, strName, {});
  const issues: ImportIssue[] = [...data.issues];
  const count = data.points.length / 3;
  const vertices = Float64Array.from(data.points);
  const meshes: { object: number; tri: number; line: number; tris: number[] }[] = [];
  let object = 0;
  let current: (typeof meshes)[number] | null = null;
  const tick = ticker(options.onProgress);
  eachLine(text, (line, lineNo, start) => {
    if ((lineNo & 4095) === 0) tick(start / text.length);
    if (lineNo === 1) return;
    const f = line.split(',');
    const head = f[0].trim().toUpperCase();
    if (head === 'OBJECT') { object = Number(f[1]) || object + 1; current = null; return; }
    if (head === 'TRISOLATION') {
      current = { object, tri: Number(f[1]) || meshes.length + 1, line: lineNo, tris: [] };
      meshes.push(current);
      return;
    }
    if (head === 'END' && object > 0) return false;
    if (!current || head === '') return; // the DTM's own point records, before OBJECT
    const v = [Number(f[1]), Number(f[2]), Number(f[3])];
    const bad = v.filter((k) => !Number.isInteger(k) || k < 1 || k > count || Number.isNaN(vertices[(k - 1) * 3]));
    if (f.length < 4 || bad.length) {
      issues.push({ path: `${fileName}:${lineNo}`, severity: 'error', ...(bad.length ? say('surfaces.surpac.badPoint', { tri: f[0].trim(), points: bad.join(', '), file: strName, max: count }) : say('surfaces.surpac.missingPoint', { tri: f[0].trim(), file: strName, max: count })) });
      return;
    }
    current.tris.push(v[0] - 1, v[1] - 1, v[2] - 1);
  });
  const base = stem(fileName);
  const several = new Set(meshes.map((m) => m.object)).size > 1;
  const objects: ImportedMesh[] = [];
  for (const m of meshes) {
    const name = several ? `${base} (OBJECT ${m.object}, TRISOLATION ${m.tri})` : `${base} (TRISOLATION ${m.tri})`;
    if (m.tris.length === 0) { issues.push({ path: `${fileName}:${m.line}`, severity: 'warning', ...say('surfaces.surpac.noTriangles', { name }), id: name }); continue; }
    objects.push({ type: 'mesh', name, vertices: vertices.slice(), triangles: Uint32Array.from(m.tris) });
  }
  if (meshes.length === 0) issues.push({ path: fileName, severity: 'error', ...say('surfaces.surpac.noTrisolation') });
  options.onProgress?.(1);
  return { objects, issues, meta };
};
