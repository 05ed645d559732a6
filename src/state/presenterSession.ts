/**
 * Presenter view (issue 21): what the audience window (the picture) and the presenter's window
 * (notes, next step, time, controls) say to each other, and the pure rules both follow. The
 * transport is src/ui/presenterLink.ts; the audience side src/ui/presenterAudience.ts; the
 * presenter's window src/ui/PresenterWindow.tsx.
 */
import type { SavedViewT } from '../data/schema';

/** BroadcastChannel name; one session of it per presenter window (the session id in each message). */
export const PRESENTER_CHANNEL = 'veinscape-present';

/** A step's texts as the dataset gives them: the presenter's window picks its own language. */
export type StepText = Pick<SavedViewT, 'name' | 'caption' | 'texts'>;

/** Presenter → audience. */
export type PresenterCommand =
  | { kind: 'hello' }
  | { kind: 'go'; to: 'next' | 'previous' | 'first' }
  | { kind: 'stop' }
  /** the presenter's window is closing */
  | { kind: 'bye' };

/** Audience → presenter: the whole state each time (a message may be lost or come twice). */
export type AudienceReport =
  | { kind: 'state'; steps: StepText[]; index: number; startedAt: number }
  /** a small copy of the picture once step `index` is drawn (JPEG data URL); null: none to show */
  | { kind: 'picture'; index: number; src: string | null }
  | { kind: 'ended' };

export type Side = 'audience' | 'presenter';

export interface Envelope<B> {
  session: string;
  from: Side;
  /** unique per message: the same message may come by BroadcastChannel and by postMessage */
  id: string;
  body: B;
}

/** The message, when `data` is an envelope of this session sent by the other side. */
export function readEnvelope<B extends { kind: string }>(data: unknown, session: string, from: Side): Envelope<B> | null {
  if (typeof data !== 'object' || data === null) return null;
  const e = data as Partial<Envelope<B>>;
  if (e.session !== session || e.from !== from || typeof e.id !== 'string') return null;
  if (typeof e.body !== 'object' || e.body === null || typeof e.body.kind !== 'string') return null;
  return e as Envelope<B>;
}

/** The step `to` leads to from `index` of `total` steps, kept within the presentation. */
export function stepTo(index: number, total: number, to: 'next' | 'previous' | 'first'): number {
  if (total <= 0) return 0;
  const wanted = to === 'first' ? 0 : to === 'next' ? index + 1 : index - 1;
  return Math.min(total - 1, Math.max(0, wanted));
}

/**
 * Keys a presentation clicker or keyboard sends (clickers send PageUp / PageDown, some arrows): the
 * presenter's window and a presentation in the audience window (src/ui/presentation.ts) read both.
 */
const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** The command a key gives in a presentation, if any. */
export function commandForKey(key: string): PresenterCommand | null {
  if (NEXT.has(key)) return { kind: 'go', to: 'next' };
  if (PREVIOUS.has(key)) return { kind: 'go', to: 'previous' };
  if (key === 'Home') return { kind: 'go', to: 'first' };
  if (key === 'Escape') return { kind: 'stop' };
  return null;
}

/** Elapsed time as a presenter's clock shows it: "07:05", "1:02:03" past the hour; never negative. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/** The presenter's slide: this step, the next one (none after the last), n of N. */
export function presenterSlide(steps: readonly StepText[], index: number): { current: StepText | undefined; next: StepText | undefined; n: number; total: number } {
  return { current: steps[index], next: steps[index + 1], n: index + 1, total: steps.length };
}
