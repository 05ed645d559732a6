/**
 * The app served over plain http from another host (an office server without TLS): the browser
 * gives such a page no WebCrypto (`crypto.subtle`), and exports and their verification used to
 * fail there. The picture's fingerprint is then made by a SHA-256 in JavaScript: the same data
 * fingerprint as on a secure page, and the exported PNG verifies.
 *
 * The test reaches the app through this machine's own network address (a relay to the test
 * server), which Chromium treats as insecure; a machine with no such address, or a browser that
 * cannot reach it, skips it, saying so.
 */
import { createServer, request, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** This machine's first IPv4 address that is not loopback, if any. */
function ownAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

/** Relays http://address:<free port>/… to the test server. */
async function relay(address: string, target: string): Promise<{ base: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const up = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, address, ok));
  return { base: `http://${address}:${(server.address() as AddressInfo).port}`, server };
}

/** Export a small PNG, keep it in the page; its fingerprint's data hash. */
const exportPicture = (page: Page) =>
  page.evaluate(async () => {
    const blob = await window.veinscape.screenshot({ width: 480, height: 300 });
    (window as unknown as { __png: Blob }).__png = blob;
    const text = new TextDecoder('latin1').decode(new Uint8Array(await blob.arrayBuffer()));
    return /"data":"([0-9a-f]{64})"/.exec(text)?.[1] ?? null;
  });

test('on a page over plain http from another host, an exported PNG carries the same data fingerprint and verifies', async ({ page, baseURL }) => {
  const address = ownAddress();
  test.skip(address === null, 'this machine has no network address other than loopback');
  // The fingerprint on a secure page (the test server on 127.0.0.1).
  await openApp(page);
  const secure = await exportPicture(page);
  expect(secure).toMatch(/^[0-9a-f]{64}$/);

  const { base, server } = await relay(address!, baseURL!);
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A browser that cannot reach this machine's own address (a proxy set for it, say) cannot
    // run this test: that says nothing of the app, so the test is skipped with the reason.
    const reached = await page.goto(`${base}/`).then(
      () => null,
      (e: Error) => e.message.split('\n')[0],
    );
    test.skip(reached !== null, `the browser cannot reach ${base}: ${reached}`);
    await page.waitForFunction(() => 'veinscape' in window);
    await page.evaluate(() => window.veinscape.ready());
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof globalThis.crypto?.subtle }))).toEqual({ secure: false, subtle: 'undefined' });
    expect(await exportPicture(page)).toBe(secure);
    expect(await page.evaluate(() => window.veinscape.verify((window as unknown as { __png: Blob }).__png))).toEqual({ match: true, data: true, view: true });
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});
