/**
 * Presentation mode: full screen, interface hidden, the saved views as click-to-advance steps.
 * Keys: → ↓ PageDown Space Enter next; ← ↑ PageUp Backspace previous; Home first; Esc leaves.
 * Presentation clickers send PageUp / PageDown (some send arrows), so both work.
 */
import { store } from '../state/store';
import { allViews } from '../state/slices/views';
import { commandForKey } from '../state/presenterSession';

export async function startPresentation(): Promise<void> {
  store.getState().setPresenting(true);
  if (allViews(store.getState()).length > 0) store.getState().setTour({ index: 0, timed: false });
  try {
    if (!document.fullscreenElement) await document.documentElement.requestFullscreen();
  } catch {
    // Full screen refused (an embedding page or a test browser): present in the window.
  }
}

export function stopPresentation(): void {
  store.getState().setPresenting(false);
  store.getState().setTour(null);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

export function step(delta: number): void {
  const s = store.getState();
  const n = allViews(s).length;
  if (!s.tour || n === 0) return;
  const index = Math.min(n - 1, Math.max(0, s.tour.index + delta));
  if (index !== s.tour.index) s.setTour({ ...s.tour, index });
}

/** Key handler for tours and presentations; returns true when it used the key. */
export function handleTourKey(e: KeyboardEvent): boolean {
  const s = store.getState();
  if (!s.tour && !s.presenting) return false;
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return false;
  // The same keys as in a presenter's window (one list of them).
  const command = commandForKey(e.key);
  if (!command) return false;
  if (command.kind === 'stop') stopPresentation();
  else if (command.kind === 'go' && command.to !== 'first') step(command.to === 'next' ? 1 : -1);
  else if (command.kind === 'go' && s.tour) s.setTour({ ...s.tour, index: 0 });
  else return false;
  return true;
}
