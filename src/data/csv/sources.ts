/** Tables handed over as Files or Blobs, read into bytes where the import runs (the loading worker). */
import type { CsvFile, CsvSource } from './types';

export async function readCsvSources(sources: CsvSource[]): Promise<CsvFile[]> {
  return Promise.all(sources.map(async (s): Promise<CsvFile> => ('blob' in s && s.blob ? { name: s.name, bytes: new Uint8Array(await s.blob.arrayBuffer()) } : (s as CsvFile))));
}
