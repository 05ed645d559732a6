/**
 * The fingerprint of what is on screen (src/domain/fingerprint.ts): the loaded dataset's hash
 * (computed once per load and kept with the model) and the view's settings, which are everything
 * that changes the picture of the same data: the saved view (camera, layers, zones, filters, fault
 * offsets, colouring, long section) and the desurvey method, intercept parameters, colour classes,
 * intercept labels, section, model clip and vertical exaggeration.
 */
import { store, type VeinscapeState } from '../state/store';
import type { Model } from '../data/model';
import type { SavedViewT } from '../data/schema';
import { datasetContent } from '../data/datasetContent';
import { loaderFingerprint } from '../data/loaderFingerprint';
import { contentHash, FINGERPRINT_VERSION, fingerprintCode, viewHash, type Fingerprint } from '../domain/fingerprint';
import { DESURVEY_METHOD_LABEL } from '../domain/desurvey';
import { redesurvey } from '../data/loadSource';
import { applyView, captureView } from './views';

const hashes = new WeakMap<Model, Promise<string>>();
const known = new WeakMap<Model, string>();

/** SHA-256 hex of the dataset's content; the same promise for every call on one loaded model. */
export function dataFingerprint(model: Model): Promise<string> {
  let h = hashes.get(model);
  if (!h) {
    // Made by the loading worker for a loaded dataset (src/data/loaderFingerprint.ts); here only
    // for a model the page made, or when the worker could not.
    const fromLoader = loaderFingerprint(model);
    h = fromLoader ? fromLoader.then((hex) => hex ?? contentHash(datasetContent(model))) : contentHash(datasetContent(model));
    hashes.set(model, h);
    void h.then((hex) => known.set(model, hex), () => undefined);
  }
  return h;
}

/** The dataset's hash if it has been computed already (a view link is written synchronously). */
export const dataFingerprintNow = (model: Model): string | undefined => known.get(model);

/** The settings beyond a saved view that change the picture. */
export function pictureSettings(s: VeinscapeState = store.getState()) {
  const { mode, azimuth, centre, width, box } = s.section;
  return {
    desurveyMethod: s.desurveyMethod,
    interceptQuery: s.interceptQuery,
    interceptLabels: s.interceptLabels,
    bins: s.bins,
    section: { mode, azimuth, centre, width, box },
    modelClip: s.modelClip,
    verticalExaggeration: s.verticalExaggeration,
  };
}

export type PictureSettings = ReturnType<typeof pictureSettings>;

/** The current view, restorable: a saved view with the other settings under `settings` (what a PNG's `veinscape:view` chunk holds). */
export function pictureView(name: string): SavedViewT & { settings: PictureSettings } {
  return { ...captureView(name), settings: pictureSettings() };
}

/**
 * The view part of a fingerprint: a picture view without its name and caption. The long section's
 * distance shading is hashed only when on: pictures exported before views had it keep their hash
 * (a long section without the shading is hashed as it was then), and one with it differs.
 */
export function viewContent(v: SavedViewT & { settings: PictureSettings }): unknown {
  const { name: _name, caption: _caption, ...rest } = v;
  if (!rest.longSection || rest.longSection.distanceShading) return rest;
  const { distanceShading: _off, ...longSection } = rest.longSection;
  return { ...rest, longSection };
}

/** The fingerprint of the loaded data and the current view. */
export async function currentFingerprint(view = pictureView('')): Promise<Fingerprint & { version: number }> {
  const model = store.getState().model;
  if (!model) throw new Error('no dataset is loaded');
  const [data, viewHex] = await Promise.all([dataFingerprint(model), viewHash(viewContent(view))]);
  return { data, view: viewHex, code: fingerprintCode(data, viewHex), version: FINGERPRINT_VERSION };
}

/**
 * Put a picture's view back: its desurvey method first (new hole paths), then the view and the
 * other settings, each through the store's own setter (a PNG is outside data: a value of the wrong
 * kind is left as it is on screen).
 */
export async function restorePictureView(view: SavedViewT, settings: Partial<PictureSettings> = {}): Promise<void> {
  if (settings.desurveyMethod && settings.desurveyMethod in DESURVEY_METHOD_LABEL && settings.desurveyMethod !== store.getState().desurveyMethod) await redesurvey(store, settings.desurveyMethod);
  applyView(view, false);
  const s = store.getState();
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (typeof settings.verticalExaggeration === 'number') s.setVerticalExaggeration(settings.verticalExaggeration);
  if (typeof settings.interceptLabels === 'boolean') s.setInterceptLabels(settings.interceptLabels);
  if (isObject(settings.modelClip)) s.setModelClip(settings.modelClip);
  if (isObject(settings.section)) s.setSection(settings.section);
  if (isObject(settings.bins)) store.setState({ bins: settings.bins });
  if (isObject(settings.interceptQuery)) {
    try {
      s.setInterceptQuery(settings.interceptQuery);
    } catch {
      // Parameters this version refuses: the rest is restored, and the view's hash then says it differs.
    }
  }
}
