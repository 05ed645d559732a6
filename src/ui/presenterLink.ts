/**
 * The line between the audience window and the presenter's window (src/state/presenterSession.ts).
 * Each message goes both by BroadcastChannel and by postMessage to the other window (the opener, or
 * the window it opened): a browser without BroadcastChannel, or one that does not share it between
 * pages opened from the file system (Firefox treats each file as its own origin; Chromium shares
 * it), still gets it the second way. The receiver drops the copy it has already seen.
 */
import { PRESENTER_CHANNEL, readEnvelope, type Envelope, type Side } from '../state/presenterSession';

export interface PresenterLink<Out> {
  send: (body: Out) => void;
  close: () => void;
}

let counter = 0;

/** Opens the line for `me` in `session`; `peer` is the other window when there is one. */
export function openPresenterLink<Out, In extends { kind: string }>(
  session: string,
  me: Side,
  peer: () => Window | null,
  onMessage: (body: In) => void,
): PresenterLink<Out> {
  const from: Side = me === 'audience' ? 'presenter' : 'audience';
  const seen = new Set<string>();
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PRESENTER_CHANNEL);
  } catch {
    channel = null;
  }
  const receive = (data: unknown) => {
    const e = readEnvelope<In>(data, session, from);
    if (!e || seen.has(e.id)) return;
    seen.add(e.id);
    onMessage(e.body);
  };
  const onChannel = (e: MessageEvent) => receive(e.data);
  // Only the other window of this session: a page opened from a file has the origin "null", so the
  // window, not the origin, is what is checked.
  const onWindow = (e: MessageEvent) => {
    if (e.source && e.source === peer()) receive(e.data);
  };
  channel?.addEventListener('message', onChannel);
  window.addEventListener('message', onWindow);
  return {
    send(body) {
      const envelope: Envelope<Out> = { session, from: me, id: `${me}-${session}-${++counter}`, body };
      channel?.postMessage(envelope);
      const other = peer();
      try {
        // '*': a file:// page's origin is opaque; the message holds step names and captions only.
        if (other && !other.closed) other.postMessage(envelope, '*');
      } catch {
        // The other window is gone: the channel (if any) was the only way.
      }
    },
    close() {
      channel?.removeEventListener('message', onChannel);
      channel?.close();
      window.removeEventListener('message', onWindow);
    },
  };
}
