/**
 * Entry: exposes window.veinscape, opens a dataset (an inlined one in the offline roadshow build,
 * ?data=URL, or the sample) and mounts the interface. ?embed=1 hides the interface; #view=… (a
 * copied link) or ?view=<saved view name> opens that view. ?presenter=1&session=… is the presenter's
 * window of a presentation (src/ui/PresenterWindow.tsx): no dataset, no picture, notes and controls.
 *
 * Start-up is split so no task of it is long: evaluating the whole bundle was one 130-500 ms
 * module-script task on a 2-core machine with software WebGL (zod's schemas, three.js, React DOM,
 * R3F, the panels). This module (store, API facade: 6-13 ms) starts the load in its worker and
 * creates window.veinscape; three.js, R3F with the 3D view's reads, i18next, React DOM (25-60 ms)
 * and the interface (drei, the panels) are chunks evaluated in later tasks, one after another
 * (tests/entry-imports.test.ts keeps them out of this module's static imports); React's first
 * render is time-sliced (a transition), and the 3D canvas mounts once the renderer probe has
 * answered (src/scene/Viewer.tsx), its renderer created in a task of its own.
 */
import { createApi, loadSceneReads } from './api/veinscape';
import { store } from './state/store';
import { allViews } from './state/slices/views';
import { nextTask } from './domain/sliced';
import { earlierDate, isIsoDate } from './domain/disclosure';
import sampleUrl from '../data/rocmec1.json?url';
import './ui/styles.css';

window.veinscape = createApi();

const params = new URLSearchParams(location.search);
if (params.get('embed') === '1' || params.get('embed') === 'true') store.getState().setEmbed(true);
if (params.get('theme') === 'dark') store.getState().setTheme('dark');
// ?disclosed=YYYY-MM-DD, or the roadshow build's --disclosed (a meta tag: a file opened by a
// double-click has no query): "as disclosed on" that date, before anything is drawn (kept across
// loads). With both, the earlier wins: a query never lifts the date a roadshow was built for.
const disclosedMeta = document.querySelector<HTMLMetaElement>('meta[name="veinscape:disclosed"]')?.content;
const disclosed = earlierDate(isIsoDate(disclosedMeta) ? disclosedMeta : null, isIsoDate(params.get('disclosed')) ? params.get('disclosed') : null);
if (disclosed !== null) store.getState().setDisclosureLimit(disclosed);
const presenterSession = params.get('presenter') === '1' ? params.get('session') ?? '' : null;

// The saved views, the fingerprints and the link check reach i18next (a link's language): chunks
// loaded when first needed, so the entry's task does not evaluate them. One promise, so what waits
// for it runs in the order it asked.
let viewsModule: Promise<typeof import('./api/views')> | null = null;
const views = () => (viewsModule ??= import('./api/views'));

// Views saved in this browser belong to a project: reload them when the dataset changes.
store.subscribe((s, prev) => {
  if (s.model === prev.model) return;
  void views().then((v) => v.loadBrowserViews());
  // The dataset's fingerprint, once per load, ready for view links and exports.
  const model = s.model;
  if (model) void import('./api/fingerprints').then((f) => f.dataFingerprint(model));
});

async function open(): Promise<void> {
  const inlined = document.getElementById('veinscape-data');
  // Parsed in the worker like any file, so a large inlined dataset does not block the page.
  if (inlined?.textContent) await window.veinscape.load(new File([inlined.textContent], 'deposit.json', { type: 'application/json' }));
  else if (params.get('data') !== '') await window.veinscape.load(params.get('data') ?? sampleUrl);
  await window.veinscape.ready();
  const { applyView, viewFromHash } = await views();
  const fromHash = viewFromHash();
  const named = params.get('view');
  const view = fromHash ?? (named ? allViews(store.getState()).find((v) => v.name === named) : undefined);
  if (view) applyView(view, false);
  if (fromHash) await (await import('./api/verify')).checkLinkData();
}
// The presenter's window shows the audience window's steps; it needs no dataset of its own.
if (presenterSession === null) void open();

async function mountInterface(): Promise<void> {
  // A task boundary even where the chunks are inlined into one bundle (the roadshow build).
  await nextTask();
  // React DOM first (25-60 ms of evaluation): later, it met the loading worker at its busiest
  // (reading a large file) and stretched past 100 ms.
  const root = (await import('react-dom/client')).createRoot(document.getElementById('root')!);
  await nextTask();
  // three.js and R3F with the 3D view's reads, before the interface that holds the view (so no
  // view exists before the API can read it); then i18next with its catalogues (7-29 ms): each
  // library evaluated in tasks of its own, not in the interface's.
  await loadSceneReads();
  await nextTask();
  const { i18next } = await import('./i18n');
  await nextTask();
  // A count formatted once, in a task of its own while the file loads: the page's first
  // Intl.NumberFormat took 6-10 ms (its number data loaded) of the task that shows the dataset.
  (await import('./i18n/numbers')).countNumber(0, i18next.language || 'en');
  await nextTask();
  if (presenterSession !== null) {
    const { PresenterWindow } = await import('./ui/PresenterWindow');
    root.render(<PresenterWindow session={presenterSession} />);
    return;
  }
  const [{ App }, { startTransition }] = await Promise.all([import('./ui/App'), import('react')]);
  // As a transition, React renders the interface in slices of about 5 ms between other tasks; a
  // plain first render was one task of 100-220 ms while the file was being read.
  startTransition(() => root.render(<App />));
}
void mountInterface();
