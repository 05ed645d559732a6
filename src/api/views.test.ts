import { describe, expect, it } from 'vitest';
import { captureView, viewState } from './views';
import { store } from '../state/store';
import { checkSavedView } from '../data/savedViewCheck';
import { DEFAULT_LAYERS } from '../state/slices/layers';
import { DEFAULT_FILTERS } from '../state/slices/filters';
import type { ViewDefaults } from '../state/store';
import type { SavedViewT } from '../data/schema';

const base: ViewDefaults = {
  zoneVisible: { a: true, b: true },
  layerVisible: { ...DEFAULT_LAYERS },
  filters: { ...DEFAULT_FILTERS, programs: { '2005': true, '2007': true } },
  faultOffsets: { F1: 40, F2: 30 },
  holesFollowFaults: true,
  colorBy: null,
  veinColour: 'zone',
  gradeWidth: false,
  longSection: null,
};
const camera = { position: [1, 2, 3], target: [0, 0, 0], projection: 'perspective' } as SavedViewT['camera'];

describe('viewState', () => {
  it('is the defaults for everything a view leaves out', () => {
    expect(viewState({ name: 'bare', camera }, base)).toEqual(base);
  });

  it('puts the keys a view gives over the defaults, one by one', () => {
    const v: SavedViewT = {
      name: 'x', camera,
      zones: { b: false }, layers: { labels: false }, filters: { gradeCutoff: 5, programs: { '2007': false } },
      faultOffsets: { F2: 0 }, holesFollowFaults: false, colorBy: 'Cu', longSection: { system: 'McDowell', fullScreen: true, distanceShading: true },
    };
    const s = viewState(v, base);
    expect(s.zoneVisible).toEqual({ a: true, b: false });
    expect(s.layerVisible).toEqual({ ...DEFAULT_LAYERS, labels: false });
    expect(s.filters).toEqual({ ...DEFAULT_FILTERS, gradeCutoff: 5, programs: { '2005': true, '2007': false } });
    expect(s.faultOffsets).toEqual({ F1: 40, F2: 0 });
    expect([s.holesFollowFaults, s.colorBy, s.longSection]).toEqual([false, 'Cu', { system: 'McDowell', fullScreen: true, distanceShading: true }]);
  });

  it('gives the long section back as captured, distance shading included; a view saved before the shading opens without it', () => {
    for (const distanceShading of [true, false]) {
      const longSection = { system: 'McDowell', fullScreen: false, distanceShading };
      store.setState({ longSection });
      // Through the check a stored or linked view goes through (JSON, then checkSavedView).
      const saved = checkSavedView(JSON.parse(JSON.stringify(captureView('ls'))));
      expect(saved.success && viewState(saved.data, base).longSection).toEqual(longSection);
    }
    const before = checkSavedView({ name: 'old', camera, longSection: { system: 'McDowell', fullScreen: true } });
    expect(before.success && viewState(before.data, base).longSection).toEqual({ system: 'McDowell', fullScreen: true, distanceShading: false });
    store.setState({ longSection: null });
  });

});
