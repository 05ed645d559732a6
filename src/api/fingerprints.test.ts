import { afterEach, describe, expect, it } from 'vitest';
import { store, type VeinscapeState } from '../state/store';
import { viewHash } from '../domain/fingerprint';
import { checkSavedView } from '../data/savedViewCheck';
import { pictureView, viewContent } from './fingerprints';
import { viewState } from './views';

/**
 * Every store field a picture view reads, set by hand (no default of the store's slices in it),
 * with the long section open on McDowell, full screen. No 3D view: the camera is the fixed pose
 * currentPose gives without one.
 */
const fixed = {
  layerVisible: { veins: true, faults: true, labels: false },
  zoneVisible: { talus: false, 'mcdowell-2': true },
  filters: {
    gradeCutoff: 1, belowCutoff: 'dim', elevationMin: null, elevationMax: null, status: { drilled: true, planned: false },
    type: { surface: true, underground: true }, programs: { '2005': true }, yearMin: null, yearMax: 2021, depthMin: null, depthMax: null,
    holeSearch: '', categories: { measured: true, indicated: true, inferred: false }, onlyHoles: null, disclosedOn: null,
  },
  faultOffsets: { F1: 40, F2: 0 }, holesFollowFaults: true, colorBy: null, veinColour: 'gradeThickness', gradeWidth: true,
  desurveyMethod: 'minimum-curvature', interceptLabels: true, bins: {}, modelClip: null, verticalExaggeration: 2,
  interceptQuery: { cutoff: 1, minLength: 0.5, maxDilution: 2, topCut: 45, includeCutoff: 10, system: null, widthBasis: 'horizontal', unsampled: 'zero' },
} as unknown as Partial<VeinscapeState>;

/**
 * The view hashes of that state made by the code before the long section's distance shading was
 * saved with views (commit 4fb4ae7, run in a clean worktree): pictures exported then carry them.
 */
const HASH_BEFORE = '9f73eb25a21041d0d34e270555049b9e8b59749da852df1b0770e5a6f927bd67';
const HASH_BEFORE_CLOSED = '3280fc02b9170bb4b91f7e4d7d63ce65fdb39f6e6e57d6909378b83e2d9ceae3';

const hashNow = () => viewHash(viewContent(pictureView('x')));
function setUp(distanceShading: boolean | null): void {
  const s = store.getState();
  store.setState({
    ...fixed,
    longSection: distanceShading === null ? null : { system: 'mcdowell', fullScreen: true, distanceShading },
    section: { ...s.section, mode: 'off', azimuth: 45, centre: [612400, 5401300], width: 50, box: null },
  } as Partial<VeinscapeState>);
}

describe('view fingerprint and the long section\'s distance shading', () => {
  afterEach(() => store.setState({ longSection: null }));

  it('a long section without the shading hashes exactly as before the shading was saved with views', async () => {
    setUp(false);
    expect(await hashNow()).toBe(HASH_BEFORE);
    setUp(null);
    expect(await hashNow()).toBe(HASH_BEFORE_CLOSED);
  });

  it('the shading on changes the hash', async () => {
    setUp(true);
    const on = await hashNow();
    expect(on).not.toBe(HASH_BEFORE);
    setUp(false);
    expect(await hashNow()).not.toBe(on);
  });

  it('a picture\'s view saved before the shading, checked and applied as verify does, hashes as it did', async () => {
    setUp(false);
    const old = JSON.parse(JSON.stringify(pictureView('x')));
    old.longSection = { system: 'mcdowell', fullScreen: true }; // as written then: no distanceShading key
    store.setState({ longSection: null });
    const checked = checkSavedView(old);
    expect(checked.success).toBe(true);
    // applyView needs a loaded model; the long section it sets is viewState's.
    if (checked.success) store.setState({ longSection: viewState(checked.data, store.getState()).longSection });
    expect(store.getState().longSection).toEqual({ system: 'mcdowell', fullScreen: true, distanceShading: false });
    expect(await hashNow()).toBe(HASH_BEFORE);
  });
});
