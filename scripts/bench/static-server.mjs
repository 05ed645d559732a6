/**
 * A plain static file server for the benchmark: no on-the-fly compression.
 *
 * Why not `vite preview`: it gzips every response as it sends it, which took 6 s of server CPU for
 * the 107 MB stress file on this 2-core machine (identity: 0.35 s). That is the test server's cost,
 * not the viewer's: a real deployment serves pre-compressed files or compresses at a CDN. The
 * benchmark measures the app, so it serves the bytes as they are.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** Serves `root` on 127.0.0.1:port; resolves to { base, stop }. */
export function serveStatic(root, port) {
  const top = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(top, decodeURIComponent(url.pathname)));
    if (path !== top && !path.startsWith(top + sep)) return void res.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const size = statSync(path).size;
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveStart({ base: `http://127.0.0.1:${port}`, stop: () => server.close() }));
  });
}
