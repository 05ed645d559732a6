/**
 * Saved views: capture the current camera, layers, filters and fault offsets under a name; apply
 * one (with a smooth flight); keep them in this browser; put the whole view in the page's URL.
 */
import type { OrthographicCamera } from 'three';
import { store } from '../state/store';
import { sceneState } from '../scene/handle';
import type { SavedViewT } from '../data/schema';
import { checkSavedView } from '../data/savedViewCheck';
import { decodeView, encodeView } from '../domain/viewLink';
import { animateFaultOffsets } from '../state/faultAnimation';

const storageKey = () => `veinscape:views:${store.getState().model?.project.name ?? ''}`;

export function captureView(name: string, caption?: string): SavedViewT {
  const s = store.getState();
  const h = sceneState.handle;
  const o = s.prepared?.origin ?? [0, 0, 0];
  const cam = h?.camera;
  const t = sceneState.target ?? { x: 0, y: 0, z: 0 };
  const ortho = !!(cam as OrthographicCamera | undefined)?.isOrthographicCamera;
  return {
    name,
    ...(caption ? { caption } : {}),
    camera: {
      position: cam ? [cam.position.x + o[0], cam.position.y + o[1], cam.position.z + o[2]] : [o[0], o[1] - 1000, 1000],
      target: [t.x + o[0], t.y + o[1], t.z + o[2]],
      projection: ortho ? 'orthographic' : 'perspective',
      ...(ortho ? { zoom: (cam as OrthographicCamera).zoom } : {}),
    },
    layers: { ...s.layerVisible },
    zones: { ...s.zoneVisible },
    filters: { ...s.filters },
    faultOffsets: { ...s.faultOffsets },
    holesFollowFaults: s.holesFollowFaults,
    colorBy: s.colorBy,
  };
}

/** Apply a view: store fields at once, camera (and fault offsets when animating) smoothly. */
export function applyView(view: SavedViewT, animate = true): void {
  const s = store.getState();
  store.setState({
    ...(view.layers ? { layerVisible: { ...s.layerVisible, ...view.layers } } : {}),
    ...(view.zones ? { zoneVisible: { ...s.zoneVisible, ...view.zones } } : {}),
    ...(view.filters ? { filters: { ...s.filters, ...view.filters } } : {}),
    ...(view.holesFollowFaults !== undefined ? { holesFollowFaults: view.holesFollowFaults } : {}),
    ...(view.colorBy !== undefined ? { colorBy: view.colorBy } : {}),
  });
  if (view.faultOffsets) {
    if (animate) void animateFaultOffsets(store, view.faultOffsets, 1600);
    else s.setFaultOffsets(view.faultOffsets);
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

/** A link that reopens exactly the current view (dataset URL kept from the page's own query). */
export function viewLink(view: SavedViewT = captureView('Link')): string {
  const url = new URL(location.href);
  url.hash = `view=${encodeView(view)}`;
  return url.toString();
}

/** The view in the page's URL hash (#view=…), validated, or null. */
export function viewFromHash(hash = location.hash): SavedViewT | null {
  const m = /(?:^#|&)view=([^&]+)/.exec(hash);
  if (!m) return null;
  const r = checkSavedView(decodeView(m[1]));
  return r.success ? r.data : null;
}
