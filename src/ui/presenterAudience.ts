/**
 * The audience side of the presenter view: "Presenter view" opens the presenter's window and makes
 * this one the audience — the picture only, interface hidden, no caption card (the captions are the
 * presenter's notes). This window keeps the presentation's state (the store's tour) and tells the
 * presenter's window about every change; the presenter's window only asks. Closing or stopping
 * either side ends the session on both.
 */
import { store } from '../state/store';
import { allViews } from '../state/slices/views';
import { stepTo, type AudienceReport, type PresenterCommand } from '../state/presenterSession';
import { openPresenterLink, type PresenterLink } from './presenterLink';
import { stopPresentation } from './presentation';
import { ready } from '../api/ready';

interface Session {
  popup: Window;
  link: PresenterLink<AudienceReport>;
  startedAt: number;
  stop: () => void;
}

let session: Session | null = null;

/** The presenter's window's address: this page (the roadshow file too) with presenter=1. */
export function presenterUrl(href: string, id: string): string {
  const url = new URL(href);
  url.searchParams.set('presenter', '1');
  url.searchParams.set('session', id);
  // A #view= link would be applied by nothing there; the audience holds the views.
  url.hash = '';
  return url.href;
}

function report(s: Session): void {
  const st = store.getState();
  if (!st.presenting || !st.tour) return;
  const steps = allViews(st).map((v) => ({ name: v.name, caption: v.caption, texts: v.texts }));
  s.link.send({ kind: 'state', steps, index: st.tour.index, startedAt: s.startedAt });
}

/** Width of the presenter's copy of the picture, px: enough to recognise the view, small to send. */
const PICTURE_WIDTH = 480;

/**
 * The 3D view and its labels as the audience sees them, small, or null when the 3D view is not the
 * picture (a full-screen long section covers it) or cannot be read.
 */
function pictureNow(): string | null {
  if (store.getState().longSection?.fullScreen) return null;
  const gl = document.querySelector<HTMLCanvasElement>('.viewer canvas:not(.overlay)');
  if (!gl || gl.width === 0 || gl.height === 0) return null;
  const out = document.createElement('canvas');
  out.width = PICTURE_WIDTH;
  out.height = Math.round((PICTURE_WIDTH * gl.height) / gl.width);
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  // The view's background under the drawing (the WebGL canvas may be transparent).
  ctx.fillStyle = getComputedStyle(gl.closest('.view-area') ?? gl).backgroundColor || '#eef1f4';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(gl, 0, 0, out.width, out.height);
  const labels = document.querySelector<HTMLCanvasElement>('.viewer canvas.overlay');
  if (labels && labels.width > 0) ctx.drawImage(labels, 0, 0, out.width, out.height);
  return out.toDataURL('image/jpeg', 0.8);
}

/** Once step `index` is drawn and still, send its picture (unless the step changed meanwhile). */
async function sendPicture(s: Session, index: number): Promise<void> {
  await ready();
  if (session !== s || store.getState().tour?.index !== index) return;
  s.link.send({ kind: 'picture', index, src: pictureNow() });
}

function obey(body: PresenterCommand): void {
  const s = session;
  if (!s) return;
  const st = store.getState();
  if (body.kind === 'hello') {
    report(s);
    if (st.tour) void sendPicture(s, st.tour.index);
  }
  else if (body.kind === 'go' && st.tour) {
    const index = stepTo(st.tour.index, allViews(st).length, body.to);
    if (index !== st.tour.index) st.setTour({ ...st.tour, index });
  } else if (body.kind === 'stop' || body.kind === 'bye') endPresenterView();
}

/**
 * Opens the presenter's window and starts presenting here; a second call brings that window
 * forward. False when the browser blocked the window (nothing starts then).
 */
export function openPresenterView(): boolean {
  if (session && !session.popup.closed) {
    session.popup.focus();
    return true;
  }
  const id = Math.random().toString(36).slice(2, 10);
  const popup = window.open(presenterUrl(location.href, id), `veinscape-presenter-${id}`, 'popup,width=960,height=640');
  // A blocked pop-up: nothing to drive the presentation, so it does not start.
  if (!popup) return false;
  const st = store.getState();
  st.setPresenting(true);
  st.setTour({ index: 0, timed: false, presenter: true });
  const link = openPresenterLink<AudienceReport, PresenterCommand>(id, 'audience', () => popup, obey);
  const unsubscribe = store.subscribe((now, before) => {
    if (!now.presenting || !now.tour) endPresenterView();
    else if (now.tour !== before.tour || now.browserViews !== before.browserViews || now.model !== before.model) {
      report(s);
      if (now.tour.index !== before.tour?.index) void sendPicture(s, now.tour.index);
    }
  });
  // A closed window may not say goodbye (a crash, a killed process): look once a second.
  const watch = window.setInterval(() => {
    if (popup.closed) endPresenterView();
  }, 1000);
  const onLeave = () => endPresenterView();
  window.addEventListener('pagehide', onLeave);
  const s: Session = {
    popup,
    link,
    startedAt: Date.now(),
    stop: () => {
      unsubscribe();
      window.clearInterval(watch);
      window.removeEventListener('pagehide', onLeave);
      link.close();
    },
  };
  session = s;
  report(s);
  void sendPicture(s, 0);
  return true;
}

/** Ends the session: the presenter's window is told, this window leaves the presentation. */
export function endPresenterView(): void {
  const s = session;
  if (!s) return;
  session = null;
  s.link.send({ kind: 'ended' });
  s.stop();
  if (store.getState().presenting) stopPresentation();
}
