/**
 * OMF 2.0 reader (omf-rust; files say 'Open Mining Format 2.0-beta.1' in the zip comment).
 *
 * The file is a zip (Zip64 headers, members stored) holding `index.json.gz` (gzip JSON: the Project
 * with its elements) and one Parquet table per array, GZIP-compressed pages. Tables, as omf-rust
 * writes them (checked on one_of_everything.omf and pyramid.omf):
 *   vertices  x, y, z   FLOAT or DOUBLE        triangles a, b, c / segments a, b   UINT32, 0-based
 *   scalars   scalar    FLOAT or DOUBLE        number attributes: number (DOUBLE, FLOAT, INT64, or
 *                                              INT64 timestamps for date-times), nullable
 * An array reference in the index is {filename, item_count}.
 * Positions: vertices + geometry `origin` + project `origin` (both default [0, 0, 0]), in the
 * project's `units` (empty: metres by the standard's advice). GridSurface: `orient` {origin, u, v},
 * `grid` Regular {size, count} or Tensor {u, v} (cell sizes), optional `heights` along u x v.
 * Read: Surface, GridSurface, LineSet, PointSet, Composite (recursed; children named
 * 'Composite / child'); number attributes on vertices. Reported, not loaded: BlockModel, other
 * attributes (colour, category, text, vector, boolean, date-time, on primitives) and textures.
 */
import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ImportIssue, ImportOptions, ImportResult, ImportedAttribute, ImportedObject } from './types';
import type { ZipArchive } from './omf';
import { OmfError, chainSegments, colorHex, gridMesh, isObj, part, reasonOf, shift, toIndices, vec3, type Vec3 } from './omf1';
import { say, type MessageParams } from '../../domain/message';

type Json = Record<string, unknown>;

/** Parquet columns of one table as Float64Array; `dates` lists the columns holding timestamps. */
interface Table { rows: number; cols: Record<string, Float64Array>; dates: Set<string> }

class Omf2File {
  constructor(readonly zip: ZipArchive, readonly fileName: string) {}

  /** Reads `columns` of the Parquet member an array reference names; throws OmfError located at the member. */
  async table(ref: unknown, columns: string[], what: MessageParams): Promise<Table> {
    if (!isObj(ref) || typeof ref.filename !== 'string') throw new OmfError(undefined, 'noArrayRef', what);
    const member = ref.filename;
    const bytes = this.zip.read(member);
    const at = this.zip.offsetOf(member);
    const buffer = bytes.slice().buffer; // hyparquet wants an ArrayBuffer of just this member
    const cols: Record<string, Float64Array> = {};
    const dates = new Set<string>();
    let rows = 0;
    try {
      const md = parquetMetadata(buffer);
      rows = Number(md.num_rows);
      for (const c of columns) {
        if (!md.schema.some((s) => s.name === c)) throw new Error(`no column '${c}' (columns: ${md.schema.slice(1).map((s) => s.name).join(', ')})`);
        cols[c] = new Float64Array(rows).fill(NaN);
      }
      await parquetRead({
        file: buffer, columns, compressors,
        onChunk: ({ columnName, columnData, rowStart }) => {
          const out = cols[columnName];
          if (!out) return;
          for (let i = 0; i < columnData.length && rowStart + i < rows; i++) {
            const v: unknown = columnData[i];
            if (typeof v === 'number') out[rowStart + i] = v;
            else if (typeof v === 'bigint') out[rowStart + i] = Number(v);
            else if (v instanceof Date) { dates.add(columnName); out[rowStart + i] = v.getTime(); }
            // null (no data) stays NaN
          }
        },
      });
    } catch (e) {
      throw new OmfError(at, at === undefined ? 'parquet' : 'parquetAt', { ...what, member, ...(at === undefined ? {} : { at }), error: (e as Error).message });
    }
    if (typeof ref.item_count === 'number' && ref.item_count !== rows) {
      throw new OmfError(at, 'rows', { ...what, member, rows, expected: ref.item_count });
    }
    return { rows, cols, dates };
  }

  /** Interleaves columns into one flat array of tuples (x, y, z / a, b, c / a, b / scalar). */
  async flat(ref: unknown, columns: string[], what: MessageParams): Promise<Float64Array> {
    const t = await this.table(ref, columns, what);
    const w = columns.length, out = new Float64Array(t.rows * w);
    columns.forEach((c, k) => { const col = t.cols[c]; for (let i = 0; i < t.rows; i++) out[i * w + k] = col[i]; });
    return out;
  }
}

const PRIMITIVES: Record<string, string> = { Surface: 'triangle', GridSurface: 'cell', LineSet: 'segment' };

async function readAttributes(f: Omf2File, el: Json, type: string, nVertices: number, name: string, issues: ImportIssue[]) {
  const attrs: ImportedAttribute[] = [];
  const ignored: string[] = [];
  for (const a of Array.isArray(el.attributes) ? el.attributes : []) {
    if (!isObj(a)) continue;
    const an = String(a.name ?? ''), data = isObj(a.data) ? a.data : {}, dtype = String(data.type);
    if (/Texture$/.test(dtype)) { ignored.push(`texture '${an}'`); continue; }
    if (a.location !== 'Vertices') { ignored.push(`${PRIMITIVES[type] ?? String(a.location).toLowerCase()} data '${an}'`); continue; }
    if (dtype !== 'Number') { ignored.push(`${dtype.toLowerCase()} attribute '${an}'`); continue; }
    try {
      const t = await f.table(data.values, ['number'], part('attribute', { attribute: an, element: name }));
      if (t.dates.size) ignored.push(`date-time attribute '${an}'`);
      else if (t.rows !== nVertices) ignored.push(`attribute '${an}' (${t.rows} values for ${nVertices} vertices)`);
      else attrs.push({ name: an, values: t.cols.number });
    } catch (e) {
      const off = e instanceof OmfError ? e.offset : undefined;
      issues.push({ path: off === undefined ? f.fileName : `${f.fileName}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.withoutIt', { ...reasonOf(e), name }) });
    }
  }
  if (ignored.length) issues.push({ path: f.fileName, severity: 'warning', id: name, ...say('surfaces.omf.ignoredNumeric', { name, list: ignored.join('; ') }) });
  return attrs.length ? { attributes: attrs } : {};
}

/** Cell sizes along u and v of a Grid2 (Regular: `count` cells of `size`; Tensor: arrays). */
async function gridSizes(f: Omf2File, grid: unknown, name: string): Promise<[ArrayLike<number>, ArrayLike<number>]> {
  if (!isObj(grid)) throw new OmfError(undefined, 'noGrid', { element: name });
  if (grid.type === 'Regular' && Array.isArray(grid.size) && Array.isArray(grid.count)) {
    const [su, sv] = grid.size as number[], [nu, nv] = grid.count as number[];
    return [new Float64Array(nu).fill(su), new Float64Array(nv).fill(sv)];
  }
  if (grid.type === 'Tensor') {
    return [await f.flat(grid.u, ['scalar'], part('gridU', { element: name })), await f.flat(grid.v, ['scalar'], part('gridV', { element: name }))];
  }
  throw new OmfError(undefined, 'gridType', { element: name, type: String(grid.type) });
}

async function readElement(f: Omf2File, el: Json, name: string, projectOrigin: Vec3, issues: ImportIssue[], out: ImportedObject[]): Promise<void> {
  const g = isObj(el.geometry) ? el.geometry : {};
  const type = String(g.type);
  const color = colorHex(el.color);
  if (color === null) issues.push({ path: f.fileName, severity: 'warning', id: name, ...say('surfaces.omf.colour', { name, colour: JSON.stringify(el.color) }) });
  const common = { name, ...(color ? { color } : {}) };
  const origin = vec3(g.origin);
  switch (type) {
    case 'Composite': {
      const children = Array.isArray(g.elements) ? g.elements : [];
      for (const c of children) await readGuarded(f, c, `${name} / `, projectOrigin, issues, out);
      if (Array.isArray(el.attributes) && el.attributes.length) {
        issues.push({ path: f.fileName, severity: 'warning', id: name, ...say('surfaces.omf.composite', { name }) });
      }
      return;
    }
    case 'BlockModel':
      issues.push({ path: f.fileName, severity: 'warning', id: name, ...say('surfaces.omf.blockModel', { name }) });
      return;
    case 'GridSurface': {
      const orient = isObj(g.orient) ? g.orient : {};
      const [du, dv] = await gridSizes(f, g.grid, name);
      const heights = g.heights ? await f.flat(g.heights, ['scalar'], part('heights', { element: name })) : undefined;
      const m = gridMesh(vec3(orient.origin), vec3(orient.u, [1, 0, 0]), vec3(orient.v, [0, 1, 0]), du, dv, heights);
      shift(m.vertices, projectOrigin);
      out.push({ type: 'mesh', ...common, ...m, ...(await readAttributes(f, el, type, m.vertices.length / 3, name, issues)) });
      return;
    }
    case 'Surface':
    case 'LineSet':
    case 'PointSet': {
      const vertices = shift(await f.flat(g.vertices, ['x', 'y', 'z'], part('vertices', { element: name })), origin, projectOrigin);
      const n = vertices.length / 3;
      if (type === 'PointSet') {
        out.push({ type: 'points', ...common, vertices, ...(await readAttributes(f, el, type, n, name, issues)) });
      } else if (type === 'LineSet') {
        const seg = toIndices(await f.flat(g.segments, ['a', 'b'], part('segments', { element: name })), n, part('segments', { element: name }));
        out.push({ type: 'lines', ...common, lines: chainSegments(vertices, seg), ...(await readAttributes(f, el, type, n, name, issues)) });
      } else {
        const triangles = toIndices(await f.flat(g.triangles, ['a', 'b', 'c'], part('triangles', { element: name })), n, part('triangles', { element: name }));
        out.push({ type: 'mesh', ...common, vertices, triangles, ...(await readAttributes(f, el, type, n, name, issues)) });
      }
      return;
    }
    default:
      issues.push({ path: f.fileName, severity: 'warning', id: name, ...say('surfaces.omf.otherElement', { name, type }) });
  }
}

/** One element: any failure is an error for it alone, located by byte offset when known. */
async function readGuarded(f: Omf2File, el: unknown, prefix: string, projectOrigin: Vec3, issues: ImportIssue[], out: ImportedObject[]) {
  const name = prefix + (isObj(el) && typeof el.name === 'string' && el.name ? el.name : '(unnamed)');
  try {
    if (!isObj(el)) throw new OmfError(undefined, 'notElement', { file: 'index.json' });
    await readElement(f, el, name, projectOrigin, issues, out);
  } catch (e) {
    const off = e instanceof OmfError ? e.offset : undefined;
    issues.push({ path: off === undefined ? f.fileName : `${f.fileName}@${off}`, severity: 'error', id: name, ...say('surfaces.omf.notLoaded', { ...reasonOf(e), name }) });
  }
}

export async function readOmf2(zip: ZipArchive, fileName: string, options?: ImportOptions): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const objects: ImportedObject[] = [];
  let project: unknown;
  try {
    project = JSON.parse(new TextDecoder().decode(gunzipSync(zip.read('index.json.gz'))));
  } catch (e) {
    const off = e instanceof OmfError ? e.offset : zip.offsetOf('index.json.gz');
    issues.push({ path: `${fileName}@${off ?? 0}`, severity: 'error', ...say('surfaces.omf.index2', reasonOf(e)) });
    return { objects, issues, meta: { format: 'OMF 2.0' } };
  }
  if (!isObj(project)) project = {};
  const p = project as Json;
  const meta = {
    format: 'OMF 2.0',
    ...(typeof p.units === 'string' && p.units ? { declaredUnit: p.units } : {}),
    ...(typeof p.coordinate_reference_system === 'string' && p.coordinate_reference_system ? { crs: p.coordinate_reference_system } : {}),
  };
  if (zip.comment && !/2\.0/.test(zip.comment)) issues.push({ path: fileName, severity: 'warning', ...say('surfaces.omf.comment', { comment: zip.comment }) });
  const f = new Omf2File(zip, fileName);
  const elements = Array.isArray(p.elements) ? p.elements : [];
  for (let i = 0; i < elements.length; i++) {
    await readGuarded(f, elements[i], '', vec3(p.origin), issues, objects);
    options?.onProgress?.((i + 1) / elements.length);
  }
  return { objects, issues, meta };
}
