/**
 * Which importer reads a surface file, and reading a set of files opened together. The format is
 * told by the file's content where it can be (magic bytes, first keywords), else by its extension;
 * a file whose content is another format than its extension says is read as its content and the
 * mismatch reported. Companion files (an OBJ's .mtl, a DTM's .str, a glTF's .bin) are handed to
 * the importer of the file that needs them.
 */
import type { ImportIssue, ImportResult, Importer, Progress } from './types';
import { importDxf } from './dxf';
import { importGocad } from './gocad';
import { importSurpacDtm, importSurpacString } from './surpac';
import { importObj } from './obj';
import { importStl } from './stl';
import { importGltf } from './gltf';
import { importOmf } from './omf';
import { say } from '../../domain/message';

import { BY_EXTENSION, COMPANION_EXTENSIONS, FORMAT_NAMES, baseNameOf, extensionOf, sniffFormat, type SurfaceFormat } from './names';

export * from './names';

const IMPORTERS: Record<SurfaceFormat, Importer> = {
  dxf: importDxf, obj: importObj, gocad: importGocad, 'surpac-str': importSurpacString, 'surpac-dtm': importSurpacDtm,
  stl: importStl, gltf: importGltf, omf: importOmf,
};
export interface SurfaceFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileImport extends ImportResult {
  file: string;
  format: SurfaceFormat | null;
}

/**
 * Reads every surface file of a set (companions apart). `progress` gets the fraction of all bytes
 * read so far.
 */
export async function importSurfaceFiles(files: SurfaceFile[], progress?: Progress): Promise<FileImport[]> {
  const companions = new Map(files.map((f) => [baseNameOf(f.name).toLowerCase(), f.bytes]));
  const main = files.filter((f) => !COMPANION_EXTENSIONS.has(extensionOf(f.name)));
  const total = main.reduce((n, f) => n + f.bytes.length, 0) || 1;
  let done = 0;
  const out: FileImport[] = [];
  if (main.length === 0) {
    for (const f of files) out.push({ file: f.name, format: null, objects: [], issues: [{ path: f.name, severity: 'error', ...say('surfaces.companionAlone') }], meta: { format: 'companion' } });
  }
  for (const f of main) {
    const byExt = BY_EXTENSION[extensionOf(f.name)] ?? null;
    const sniffed = sniffFormat(f.bytes);
    const format = sniffed ?? byExt;
    const issues: ImportIssue[] = [];
    if (sniffed && byExt && sniffed !== byExt && !(byExt === 'surpac-dtm' || byExt === 'surpac-str')) {
      issues.push({ path: f.name, severity: 'warning', ...say('surfaces.contentNotExtension', { content: FORMAT_NAMES[sniffed], extension: FORMAT_NAMES[byExt] }) });
    }
    if (!format) {
      out.push({ file: f.name, format: null, objects: [], issues: [{ path: f.name, severity: 'error', ...say('surfaces.unknownFormat') }], meta: { format: 'unknown' } });
      continue;
    }
    const at = done;
    try {
      const r = await IMPORTERS[format](f.bytes, f.name, { companions, onProgress: (x) => progress?.((at + x * f.bytes.length) / total) });
      out.push({ ...r, issues: [...issues, ...r.issues], file: f.name, format });
    } catch (err) {
      out.push({ file: f.name, format, objects: [], issues: [...issues, { path: f.name, severity: 'error', ...say('surfaces.unreadable', { format: FORMAT_NAMES[format], error: (err as Error).message }) }], meta: { format: FORMAT_NAMES[format] } });
    }
    done += f.bytes.length;
    progress?.(done / total);
  }
  return out;
}
