/**
 * A view in a link: JSON, compacted (coordinates to 0.01 m, small numbers such as an orthographic
 * zoom to 6 significant digits), in base64url so it survives being
 * pasted into e-mail and slides. Decoding never throws: a damaged link gives null.
 */
export function encodeView(view: unknown): string {
  const compact = (v: number) => (Math.abs(v) >= 100 ? Math.round(v * 100) / 100 : Number(v.toPrecision(6)));
  const json = JSON.stringify(view, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? compact(v) : v));
  const bytes = new TextEncoder().encode(json);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeView(text: string): unknown | null {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/**
 * The page's address turned into a link to `view`, in the sender's interface language: whoever
 * opens it sees the view as it was shown (words, number formats), and can still switch. The rest
 * of the query (?data=, ?embed=) is kept; a #view= already there is replaced.
 */
export function viewUrl(pageHref: string, view: unknown, lang: string): string {
  const url = new URL(pageHref);
  url.searchParams.set('lang', lang);
  url.hash = `view=${encodeView(view)}`;
  return url.toString();
}
