/**
 * Entry: mounts the app, exposes window.veinscape and opens a dataset: an inlined one (offline
 * roadshow build), ?data=URL, or the sample. ?embed=1 hides the interface; #view=… (a copied link)
 * or ?view=<saved view name> opens that view.
 */
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { createApi } from './api/veinscape';
import { store } from './state/store';
import { applyView, loadBrowserViews, viewFromHash } from './api/views';
import { allViews } from './state/slices/views';
import sampleUrl from '../data/rocmec1.json?url';
import './ui/styles.css';

window.veinscape = createApi();
createRoot(document.getElementById('root')!).render(<App />);

const params = new URLSearchParams(location.search);
if (params.get('embed') === '1' || params.get('embed') === 'true') store.getState().setEmbed(true);
if (params.get('theme') === 'dark') store.getState().setTheme('dark');

// Views saved in this browser belong to a project: reload them when the dataset changes.
store.subscribe((s, prev) => {
  if (s.model !== prev.model) loadBrowserViews();
});

async function open(): Promise<void> {
  const inlined = document.getElementById('veinscape-data');
  // Parsed in the worker like any file, so a large inlined dataset does not block the page.
  if (inlined?.textContent) await window.veinscape.load(new File([inlined.textContent], 'deposit.json', { type: 'application/json' }));
  else if (params.get('data') !== '') await window.veinscape.load(params.get('data') ?? sampleUrl);
  await window.veinscape.ready();
  const fromHash = viewFromHash();
  const named = params.get('view');
  const view = fromHash ?? (named ? allViews(store.getState()).find((v) => v.name === named) : undefined);
  if (view) applyView(view, false);
}
void open();
