/**
 * Checking a picture or a view link against what is loaded: `veinscape.verify(blob)`, a PNG
 * dropped on the app or opened with the file picker, and a link's `data-fp`. A picture made from
 * the loaded data has its view restored; one made from other data leaves the screen as it is.
 */
import { store } from '../state/store';
import type { VerifyNotice } from '../state/slices/verify';
import { checkSavedView } from '../data/savedViewCheck';
import { loadInto, type LoadOptions } from '../data/loadSource';
import { dataCode, LINK_DATA_DIGITS } from '../domain/fingerprint';
import { FINGERPRINT_KEYWORD, readPngText, VIEW_KEYWORD } from '../export/pngText';
import { currentFingerprint, dataFingerprint, restorePictureView, type PictureSettings } from './fingerprints';

export interface VerifyResult {
  /** data and view both as on screen */
  match: boolean;
  /** the picture was made from the loaded dataset */
  data: boolean;
  /** the picture's view is the one on screen (before any restore) */
  view: boolean;
}

/** Check a picture against the loaded data and view; restore its view when its data matches. Never throws on a bad file: all false. */
export async function verifyPicture(blob: Blob): Promise<VerifyResult & { notice: VerifyNotice }> {
  const none = { match: false, data: false, view: false };
  let chunks: { keyword: string; text: string }[];
  try {
    chunks = readPngText(new Uint8Array(await blob.arrayBuffer()));
  } catch {
    return { ...none, notice: { kind: 'noFingerprint' } };
  }
  const text = (k: string) => chunks.find((c) => c.keyword === k)?.text;
  let stored: { data?: unknown; view?: unknown; code?: unknown } | null = null;
  try {
    stored = JSON.parse(text(FINGERPRINT_KEYWORD) ?? 'null');
  } catch {
    stored = null;
  }
  if (!stored || typeof stored.data !== 'string' || typeof stored.view !== 'string' || !store.getState().model) return { ...none, notice: { kind: 'noFingerprint' } };
  const now = await currentFingerprint();
  const code = typeof stored.code === 'string' ? stored.code : dataCode(stored.data);
  const data = stored.data === now.data;
  const view = stored.view === now.view;
  if (!data) return { match: false, data, view, notice: { kind: 'otherData', code, loaded: dataCode(now.data) } };
  if (!view) {
    let raw: (Record<string, unknown> & { settings?: Partial<PictureSettings> }) | null = null;
    try {
      raw = JSON.parse(text(VIEW_KEYWORD) ?? 'null');
    } catch {
      raw = null;
    }
    const checked = raw ? checkSavedView(raw) : null;
    if (checked?.success) await restorePictureView(checked.data, raw!.settings ?? {});
  }
  return { match: data && view, data, view, notice: { kind: view ? 'match' : 'restored', code } };
}

/** `veinscape.verify(blob)`. */
export async function verify(blob: Blob): Promise<VerifyResult> {
  const { match, data, view } = await verifyPicture(blob);
  return { match, data, view };
}

const isPng = (f: File) => /\.png$/i.test(f.name) || f.type === 'image/png';

/**
 * Files opened or dropped: a PNG is a picture to verify (the outcome in a notice), anything else a
 * dataset as before.
 */
export async function openFiles(files: File[], options?: LoadOptions): Promise<void> {
  const pictures = files.filter(isPng);
  const rest = files.filter((f) => !isPng(f));
  if (rest.length) await loadInto(store, rest, options);
  if (pictures.length) store.getState().setVerifyNotice((await verifyPicture(pictures[0])).notice);
}

/** The data hash a view link was made from (`&data-fp=` in its #hash), or null. */
export function linkDataFingerprint(hash = location.hash): string | null {
  const m = /(?:^#|&)data-fp=([0-9a-f]+)/i.exec(hash);
  return m ? m[1].toLowerCase() : null;
}

/** A view link made from other data: say so (the view is still shown, on the loaded data). */
export async function checkLinkData(hash = location.hash): Promise<void> {
  const linked = linkDataFingerprint(hash);
  const model = store.getState().model;
  if (!linked || !model) return;
  const loaded = await dataFingerprint(model);
  if (loaded.slice(0, LINK_DATA_DIGITS) !== linked) store.getState().setVerifyNotice({ kind: 'linkOtherData', code: dataCode(linked), loaded: dataCode(loaded) });
}
