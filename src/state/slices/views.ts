/** Saved views (from the dataset and from this browser), tours, presentation and embed modes. */
import type { StateCreator } from 'zustand';
import type { VeinscapeState } from '../store';
import type { SavedViewT } from '../../data/schema';

export interface TourState {
  index: number;
  /** advance by each view's duration (timed) or by click / key only */
  timed: boolean;
  /** driven from a presenter's window: the caption is the presenter's notes, not on the picture */
  presenter?: boolean;
}

/**
 * The long section on screen: its vein system (null: the default one), whether it fills the view,
 * and whether its contours are veiled by distance to data. All three are here, not in the panel,
 * because a saved view (a tour or presentation step, a link) must show them as they were saved.
 */
export interface LongSectionState {
  system: string | null;
  fullScreen: boolean;
  /** the veil of distance classes (≤ 25 m informed … > 100 m extrapolated) over the contours */
  distanceShading: boolean;
}

export interface ViewsSlice {
  /** views saved in this browser for this project (the dataset's own are in model.views) */
  browserViews: SavedViewT[];
  tour: TourState | null;
  /** full screen, interface hidden */
  presenting: boolean;
  /** embedded in another page: no interface chrome */
  embed: boolean;
  /** the long section, when open (a saved view can open it, full screen as a presentation step) */
  longSection: LongSectionState | null;
  setLongSection: (ls: LongSectionState | null) => void;
  setBrowserViews: (views: SavedViewT[]) => void;
  setTour: (tour: TourState | null) => void;
  setPresenting: (on: boolean) => void;
  setEmbed: (on: boolean) => void;
}

export const createViewsSlice: StateCreator<VeinscapeState, [], [], ViewsSlice> = (set) => ({
  browserViews: [],
  tour: null,
  presenting: false,
  embed: false,
  longSection: null,
  setLongSection: (longSection) => set({ longSection }),
  setBrowserViews: (browserViews) => set({ browserViews }),
  setTour: (tour) => set({ tour }),
  setPresenting: (presenting) => set({ presenting }),
  setEmbed: (embed) => set({ embed }),
});

/** Every view available, dataset first (their order is the tour order), then this browser's. */
export function allViews(s: Pick<VeinscapeState, 'model' | 'browserViews'>): SavedViewT[] {
  const own = s.model?.views ?? [];
  const names = new Set(own.map((v) => v.name));
  return [...own, ...s.browserViews.filter((v) => !names.has(v.name))];
}
