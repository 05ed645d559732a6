/**
 * Opened files go to the loading worker as Blobs and are read there (csv/sources.ts): a table given
 * as a Blob (with Windows-1252 bytes, as a French-locale spreadsheet saves it) imports exactly as
 * the same table given as text, and text or bytes pass through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../src/data/csv';
import { readCsvSources } from '../src/data/csv/sources';

const COLLAR = 'Trou;Est;Nord;Élévation\nDH-1;612000,5;5343000;300\n';

describe('CSV tables handed over as Blobs', () => {
  it('import the same holes as the same tables given as text, read in their own encoding', async () => {
    // "Élévation" in Windows-1252: É is the single byte 0xC9.
    const bytes = Uint8Array.from([...COLLAR].map((c) => c.charCodeAt(0)));
    const files = await readCsvSources([{ name: 'collar.csv', blob: new Blob([bytes]) }]);
    const fromBlob = importCsv(files);
    const fromText = importCsv([{ name: 'collar.csv', text: COLLAR }]);
    expect(fromBlob.document.holes).toEqual([{ id: 'DH-1', collar: [612000.5, 5343000, 300], depth: 1 }]);
    expect(fromBlob.document.holes).toEqual(fromText.document.holes);
    expect(fromBlob.tables[0].encoding).toBe('Windows-1252');
  });

  it('pass text and bytes through as they are', async () => {
    const text = { name: 'a.csv', text: 'x' };
    const bytes = { name: 'b.csv', bytes: new Uint8Array([65]) };
    expect(await readCsvSources([text, bytes])).toEqual([text, bytes]);
  });
});
