/**
 * Reads a response body into one ArrayBuffer, reporting progress at most every 100 ms (a 100 MB
 * file arrives in thousands of chunks; a message or store update per chunk would cost more than
 * the reading). Runs in the loading worker, so the page stays free while a large file arrives.
 */
const PROGRESS_INTERVAL_MS = 100;

export async function readWithProgress(res: Response, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  const total = Number(res.headers.get('content-length')) || 0;
  if (!res.body || !total) return res.arrayBuffer();
  const reader = res.body.getReader();
  const out = new Uint8Array(total);
  let got = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > out.length) return concatFallback(out.subarray(0, got), value, reader);
    out.set(value, got);
    got += value.length;
    const now = performance.now();
    if (now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      onProgress(got / total);
    }
  }
  onProgress(1);
  // No copy when the length was right (the usual case).
  return got === total ? out.buffer : out.buffer.slice(0, got);
}

/** A compressed response can be longer than its content-length: finish reading into a list. */
async function concatFallback(head: Uint8Array, value: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ArrayBuffer> {
  const parts = [head.slice(), value];
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    parts.push(r.value);
  }
  return new Blob(parts as BlobPart[]).arrayBuffer();
}

/** Fetches a deposit file; throws with a plain reason when the answer is not one. */
export async function fetchDeposit(url: string, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  // Single-page servers answer unknown paths with their index page: say so plainly.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) throw new Error('the server returned an HTML page, not a deposit file (check the URL)');
  return readWithProgress(res, onProgress);
}
