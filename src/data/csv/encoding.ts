/**
 * Bytes of a CSV file → text, with the encoding it was read in. Spreadsheets save CSV as UTF-8
 * (with or without a byte-order mark), UTF-16 (Excel's "Unicode text", always with a BOM) or the
 * Windows code page of the locale: Windows-1252 in western Europe and Quebec. Windows-1252 is a
 * superset of Latin-1's printable characters, so it reads Latin-1 files too.
 */

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** a byte-order mark was found (and removed) */
  bom: boolean;
}

/**
 * UTF-16 by its BOM; else UTF-8 when the bytes are valid UTF-8 (a Windows-1252 file with accents is
 * not: "é" is the lone byte 0xE9); else Windows-1252, which maps every byte to a character.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', bom: true };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: false removes the BOM, so it never sticks to the first header name.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252', bom: false };
  }
}

/** Text given as text (already decoded by the caller) keeps only a leading BOM to strip. */
export function fromText(text: string): DecodedText {
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, encoding: 'UTF-8', bom };
}

/** Control characters other than tab, CR and LF: NUL bytes, binary data read as text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * How much of the text is control characters: a table is text; an image, a spreadsheet's binary
 * workbook (.xls, .xlsx renamed .csv) or a zip is mostly not. Checked on the first 64 KiB.
 */
export function controlShare(text: string): number {
  const head = text.slice(0, 65536);
  if (!head.length) return 0;
  return (head.match(CONTROL)?.length ?? 0) / head.length;
}

/** The text without control characters, with how many there were and the line of the first. */
export function stripControls(text: string): { text: string; removed: number; firstLine: number } {
  CONTROL.lastIndex = 0;
  const first = text.search(CONTROL);
  if (first < 0) return { text, removed: 0, firstLine: 0 };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) line++;
  let removed = 0;
  const out = text.replace(CONTROL, () => {
    removed++;
    return '';
  });
  return { text: out, removed, firstLine: line };
}
