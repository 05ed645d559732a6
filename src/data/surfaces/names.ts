/**
 * Surface file names and formats, told from names and first bytes: small, so the page can tell
 * surface files apart without loading the importers (they run in the loading worker).
 */
export type SurfaceFormat = 'dxf' | 'obj' | 'gocad' | 'surpac-str' | 'surpac-dtm' | 'stl' | 'gltf' | 'omf';

export const BY_EXTENSION: Record<string, SurfaceFormat> = {
  dxf: 'dxf', obj: 'obj', ts: 'gocad', ml: 'gocad', pl: 'gocad', gp: 'gocad', str: 'surpac-str', dtm: 'surpac-dtm',
  stl: 'stl', glb: 'gltf', gltf: 'gltf', omf: 'omf',
};
export const FORMAT_NAMES: Record<SurfaceFormat, string> = {
  dxf: 'DXF', obj: 'Wavefront OBJ', gocad: 'GOCAD', 'surpac-str': 'Surpac string', 'surpac-dtm': 'Surpac DTM', stl: 'STL', gltf: 'glTF', omf: 'OMF',
};
/** Files read only as another file's companion. */
export const COMPANION_EXTENSIONS = new Set(['mtl', 'bin', 'png', 'jpg', 'jpeg']);

export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

export function baseNameOf(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** True when a file of this name is a surface file or a companion of one. */
export function isSurfaceFileName(name: string): boolean {
  const ext = extensionOf(name);
  return ext in BY_EXTENSION || COMPANION_EXTENSIONS.has(ext);
}

function startsWith(b: Uint8Array, bytes: number[]): boolean {
  return bytes.every((x, i) => b[i] === x);
}

/** The format the bytes themselves show, or null when they do not say. */
export function sniffFormat(b: Uint8Array): SurfaceFormat | null {
  if (startsWith(b, [0x67, 0x6c, 0x54, 0x46])) return 'gltf'; // 'glTF'
  if (startsWith(b, [0x84, 0x83, 0x82, 0x81])) return 'omf'; // OMF 1 magic
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'omf'; // a zip: OMF 2 (and omf-python's draft)
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512));
  if (head.startsWith('AutoCAD Binary DXF')) return 'dxf';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^GOCAD\s/.test(text)) return 'gocad';
  if (/^0\s*\r?\n\s*SECTION/.test(text) || /^999\s*\r?\n/.test(text)) return 'dxf';
  if (b.length >= 84) {
    const n = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(80, true);
    if (84 + 50 * n === b.length) return 'stl';
  }
  if (/^solid\b/.test(text) && /facet\s+normal|endsolid/.test(head)) return 'stl';
  if (/^\{/.test(text) && /"asset"/.test(head)) return 'gltf';
  if (/^(#.*\r?\n\s*)*(mtllib|o|g|v|vn|vt)\s/m.test(text) && /(^|\n)v\s+-?[\d.]/.test(head)) return 'obj';
  return null;
}


/** True when a file of this name is itself a surface file (not only another file's companion). */
export function isSurfaceMainFileName(name: string): boolean {
  return extensionOf(name) in BY_EXTENSION;
}
