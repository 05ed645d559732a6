/**
 * OMF (Open Mining Format) importer: tells the version by the file's first bytes and hands the file
 * to its reader.
 *   84 83 82 81          OMF 1 (omf-python 1.x, `OMF-v0.9.0`)            → omf1.ts
 *   50 4b 03 04 ('PK')   a zip: with `index.json.gz` → OMF 2.0 (omf-rust)  → omf2.ts
 *                               with `project.json`  → omf-python's 2.0 alpha draft (schemas
 *                               `org.omf.v2.*`), which is not the OMF 2.0 standard; it is read too,
 *                               since its arrays are plain little-endian members → omf2draft.ts
 *
 * The zip reader is our own, not fflate's `unzipSync`: fflate does read omf-rust's Zip64 headers,
 * but it reads the whole archive or throws, and checks no CRC of stored members; reading one member
 * at a time lets a corrupt member (CRC-32 mismatch, located by byte offset) cost only the element
 * that uses it. Members are stored (omf-rust) or deflated (omf-python's draft). APPNOTE 6.3.
 */
import { inflateSync } from 'fflate';
import type { ImportOptions, ImportResult, Importer } from './types';
import { OMF1_MAGIC, OmfError, readOmf1, reasonOf } from './omf1';
import { say, type Said } from '../../domain/message';
import { readOmf2 } from './omf2';
import { readOmf2Draft } from './omf2draft';

/** For the docs: which OMF versions Veinscape reads. */
export const OMF_VERSIONS_READ =
  'OMF 1 (omf-python 1.x files, header OMF-v0.9.0), OMF 2.0 (omf-rust, 2.0-beta.1 files) and omf-python\'s 2.0 alpha ' +
  'draft: surfaces, grid surfaces, line sets and point sets, with their colours and numeric vertex attributes; ' +
  'block models and volume grids are reported and not loaded.';

export interface ZipArchive {
  /** member names in central-directory order */
  names: string[];
  /** the archive comment (omf-rust writes 'Open Mining Format 2.0-beta.1') */
  comment: string;
  /** a member's bytes, CRC-checked; throws OmfError with the member's byte offset */
  read(name: string): Uint8Array;
  /** byte offset of a member's local header, for messages */
  offsetOf(name: string): number | undefined;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry { method: number; crc: number; csize: number; usize: number; local: number }

/** Reads the central directory (Zip64 where the 32-bit fields say 0xFFFFFFFF); throws OmfError. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => d.getUint16(o, true), u32 = (o: number) => d.getUint32(o, true);
  const u64 = (o: number) => Number(d.getBigUint64(o, true));
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(o) === 0x06054b50) { eocd = o; break; }
  }
  if (eocd < 0) throw new OmfError(bytes.length, 'zipNoEnd', { bytes: bytes.length });
  let count = u16(eocd + 10), cdSize = u32(eocd + 12), cdAt = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) { // Zip64 locator → Zip64 end record
    const z = u64(eocd - 12);
    if (z + 56 > bytes.length || u32(z) !== 0x06064b50) throw new OmfError(eocd - 20, 'zip64', { at: z });
    count = u64(z + 32); cdSize = u64(z + 40); cdAt = u64(z + 48);
  }
  if (cdAt + cdSize > bytes.length) throw new OmfError(cdAt, 'zipDirectory', { at: cdAt, size: cdSize });
  const comment = new TextDecoder().decode(bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + u16(eocd + 20))));
  const entries = new Map<string, Entry>();
  for (let i = 0, p = cdAt; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== 0x02014b50) throw new OmfError(p, 'zipEntry', { entry: i + 1, at: p });
    const nameLen = u16(p + 28), extraLen = u16(p + 30), commentLen = u16(p + 32);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const e: Entry = { method: u16(p + 10), crc: u32(p + 16), csize: u32(p + 20), usize: u32(p + 24), local: u32(p + 42) };
    // Zip64 extended information (id 1): only the fields whose 32-bit value is 0xFFFFFFFF, in this order
    for (let x = p + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + u16(x + 2)) {
      if (u16(x) !== 1) continue;
      let q = x + 4;
      if (e.usize === 0xffffffff) { e.usize = u64(q); q += 8; }
      if (e.csize === 0xffffffff) { e.csize = u64(q); q += 8; }
      if (e.local === 0xffffffff) e.local = u64(q);
    }
    entries.set(name, e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {
    names: [...entries.keys()],
    comment,
    offsetOf: (name) => entries.get(name)?.local,
    read(name) {
      const e = entries.get(name);
      if (!e) throw new OmfError(undefined, 'memberMissing', { member: name });
      if (e.local + 30 > bytes.length || u32(e.local) !== 0x04034b50) throw new OmfError(e.local, 'memberHeader', { member: name, at: e.local });
      const at = e.local + 30 + u16(e.local + 26) + u16(e.local + 28);
      if (at + e.csize > bytes.length) throw new OmfError(at, 'memberPast', { member: name, at, size: e.csize });
      let out = bytes.subarray(at, at + e.csize);
      if (e.method === 8) {
        try { out = inflateSync(out, { out: new Uint8Array(e.usize) }); } catch (err) {
          throw new OmfError(at, 'memberDeflate', { member: name, at, error: (err as Error).message });
        }
      } else if (e.method !== 0) throw new OmfError(at, 'memberMethod', { member: name, method: e.method });
      if (out.length !== e.usize || crc32(out) !== e.crc) throw new OmfError(at, 'memberCrc', { member: name, at });
      return out;
    },
  };
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

export const importOmf: Importer = async (bytes: Uint8Array, fileName: string, options?: ImportOptions): Promise<ImportResult> => {
  const error = (at: number, said: Said, format = 'OMF'): ImportResult =>
    ({ objects: [], issues: [{ path: `${fileName}@${at}`, severity: 'error', ...said }], meta: { format } });
  if (OMF1_MAGIC.every((x, i) => bytes[i] === x)) return readOmf1(bytes, fileName, options);
  if (bytes.length < 4 || !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return error(0, bytes.length ? say('surfaces.omf.magic', { start: hex(bytes.subarray(0, 4)) }) : say('surfaces.omf.empty'));
  }
  let zip: ZipArchive;
  try {
    zip = openZip(bytes);
  } catch (e) {
    const off = e instanceof OmfError && e.offset !== undefined ? e.offset : 0;
    return error(off, say('surfaces.omf.zip', reasonOf(e)), 'OMF 2 (zip)');
  }
  if (zip.names.includes('index.json.gz')) return readOmf2(zip, fileName, options);
  if (zip.names.includes('project.json')) return readOmf2Draft(zip, fileName, options);
  return error(0, say('surfaces.omf.notOmfZip'), 'zip');
};
