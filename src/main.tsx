/** Entry: mounts the app, exposes window.veinscape and opens the sample (or ?data=URL). */
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { createApi } from './api/veinscape';
import sampleUrl from '../data/rocmec1.json?url';
import './ui/styles.css';

window.veinscape = createApi();
createRoot(document.getElementById('root')!).render(<App />);

const params = new URLSearchParams(location.search);
const src = params.get('data') ?? sampleUrl;
if (params.get('data') !== '') void window.veinscape.load(src);
