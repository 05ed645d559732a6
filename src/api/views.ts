/**
 * Saved views: capture the current camera, layers, filters, fault offsets and long section under a
 * name; apply one (with a smooth flight) over the dataset's defaults; keep them in this browser; put
 * the whole view in the page's URL.
 */
import { datasetDefaults, store, type VeinscapeState, type ViewDefaults } from '../state/store';
import type { Filters } from '../state/slices/filters';
import { earlierDate } from '../domain/disclosure';
import { currentPose } from './cameraPose';
import type { SavedViewT } from '../data/schema';
import { checkSavedView } from '../data/savedViewCheck';
import { decodeView, viewUrl } from '../domain/viewLink';
import { LINK_DATA_DIGITS } from '../domain/fingerprint';
import { dataFingerprintNow } from './fingerprints';
import { i18next } from '../i18n';
import { animateFaultOffsets, cancelFaultAnimation } from '../state/faultAnimation';

const storageKey = () => `veinscape:views:${store.getState().model?.project.name ?? ''}`;

export function captureView(name: string, caption?: string): SavedViewT {
  const s = store.getState();
  return {
    name,
    ...(caption ? { caption } : {}),
    camera: currentPose(),
    layers: { ...s.layerVisible },
    zones: { ...s.zoneVisible },
    filters: { ...s.filters },
    faultOffsets: { ...s.faultOffsets },
    holesFollowFaults: s.holesFollowFaults,
    colorBy: s.colorBy,
    veinColour: s.veinColour,
    gradeWidth: s.gradeWidth,
    ...(s.longSection ? { longSection: { ...s.longSection } } : {}),
  };
}

/**
 * The whole state a view stands for: the dataset's defaults (`datasetDefaults`) with the view's
 * fields over them. A view never inherits what happened to be on screen, so a tour or presentation
 * step looks the same whichever step came before it, forward or back.
 */
export function viewState(view: SavedViewT, base: ViewDefaults): ViewDefaults {
  const f = view.filters ?? {};
  return {
    layerVisible: { ...base.layerVisible, ...view.layers },
    zoneVisible: { ...base.zoneVisible, ...view.zones },
    filters: { ...base.filters, ...f, programs: { ...base.filters.programs, ...f.programs } } as Filters,
    faultOffsets: { ...base.faultOffsets, ...view.faultOffsets },
    holesFollowFaults: view.holesFollowFaults ?? base.holesFollowFaults,
    colorBy: view.colorBy !== undefined ? view.colorBy : base.colorBy,
    veinColour: view.veinColour ?? base.veinColour,
    gradeWidth: view.gradeWidth ?? base.gradeWidth,
    longSection: view.longSection ? { system: view.longSection.system, fullScreen: view.longSection.fullScreen, distanceShading: view.longSection.distanceShading } : null,
  };
}

/** Apply a view: store fields at once, camera (and fault offsets when animating) smoothly. */
export function applyView(view: SavedViewT, animate = true): void {
  const s = store.getState();
  if (!s.model || !s.prepared) return;
  const { faultOffsets, ...next } = viewState(view, datasetDefaults(s.model, s.prepared));
  // A view shows its own disclosure date, never later than the limit the user, the address or the
  // roadshow set (domain/disclosure.ts earlierDate): a tour by release steps forward up to it.
  next.filters = { ...next.filters, disclosedOn: earlierDate(s.disclosureLimit ?? null, view.filters?.disclosedOn) };
  store.setState(next as Partial<VeinscapeState>);
  if (animate) void animateFaultOffsets(store, faultOffsets, 1600);
  else {
    cancelFaultAnimation();
    store.setState({ faultOffsets });
  }
  s.setPose({ ...view.camera, projection: view.camera.projection ?? 'perspective' }, animate);
}

export function loadBrowserViews(): void {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey()) ?? '[]');
    const views = (Array.isArray(raw) ? raw : []).flatMap((v: unknown) => {
      const r = checkSavedView(v);
      return r.success ? [r.data] : [];
    });
    store.getState().setBrowserViews(views);
  } catch {
    store.getState().setBrowserViews([]);
  }
}

export function saveBrowserView(view: SavedViewT): void {
  const views = [...store.getState().browserViews.filter((v) => v.name !== view.name), view];
  store.getState().setBrowserViews(views);
  try {
    localStorage.setItem(storageKey(), JSON.stringify(views));
  } catch {
    // Private browsing or a full quota: the view still lives for this session.
  }
}

export function deleteBrowserView(name: string): void {
  const views = store.getState().browserViews.filter((v) => v.name !== name);
  store.getState().setBrowserViews(views);
  try {
    localStorage.setItem(storageKey(), JSON.stringify(views));
  } catch {
    /* as above */
  }
}

/**
 * A link that reopens exactly the current view in the current language (dataset URL kept from the
 * page's own query), with the start of the dataset's hash (`&data-fp=`) so a link opened on other
 * data says so (src/api/verify.ts).
 */
export function viewLink(view: SavedViewT = captureView('Link')): string {
  const url = viewUrl(location.href, view, i18next.language || 'en');
  const model = store.getState().model;
  const fp = model && dataFingerprintNow(model);
  return fp ? `${url}&data-fp=${fp.slice(0, LINK_DATA_DIGITS)}` : url;
}

/** The view in the page's URL hash (#view=…), validated, or null. */
export function viewFromHash(hash = location.hash): SavedViewT | null {
  const m = /(?:^#|&)view=([^&]+)/.exec(hash);
  if (!m) return null;
  const r = checkSavedView(decodeView(m[1]));
  return r.success ? r.data : null;
}
