/**
 * Every picture verifiable (issue 21): an exported PNG carries the fingerprint of the data and the
 * view that made it; veinscape.verify and a PNG opened in the app check it against what is loaded,
 * restoring the picture's view when its data matches; a view link made from other data says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

declare global {
  interface Window {
    __png?: Blob;
  }
}

/** Export a small PNG, keep it in the page, and hand back its bytes (base64) and fingerprint chunk. */
async function exportPicture(page: Page): Promise<{ b64: string; fingerprint: { data: string; view: string; code: string; version: number } }> {
  return page.evaluate(async () => {
    const blob = await window.veinscape.screenshot({ width: 480, height: 300 });
    window.__png = blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    // The iTXt chunk's data starts at its keyword; its length is the 4 bytes 8 before. Then NUL, 0, 0, NUL, NUL and the JSON (ASCII).
    const key = 'veinscape:fingerprint';
    const at = bin.indexOf(`${key}\0`);
    const length = ((bytes[at - 8] << 24) | (bytes[at - 7] << 16) | (bytes[at - 6] << 8) | bytes[at - 5]) >>> 0;
    const json = bin.slice(at + key.length + 5, at + length);
    return { b64: btoa(bin), fingerprint: JSON.parse(json) };
  });
}

const verify = (page: Page) => page.evaluate(() => window.veinscape.verify(window.__png!));

/** Move the camera somewhere else and wait until it is still. */
async function moveCamera(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const c = window.veinscape.camera();
    window.veinscape.store.getState().setPose({ ...c, position: [c.position[0] + 120, c.position[1] - 80, c.position[2] + 60] }, false);
    await window.veinscape.ready();
  });
}

test('an exported PNG verifies against the data and view that made it; a moved camera is put back', async ({ page }) => {
  await openApp(page);
  const { fingerprint } = await exportPicture(page);
  expect(fingerprint.data).toMatch(/^[0-9a-f]{64}$/);
  expect(fingerprint.view).toMatch(/^[0-9a-f]{64}$/);
  expect(fingerprint.code).toBe(`VS-${fingerprint.data.slice(0, 4)}-${fingerprint.view.slice(0, 4)}`.toUpperCase());
  expect(fingerprint.version).toBe(1);
  expect(await verify(page)).toEqual({ match: true, data: true, view: true });

  const before = await page.evaluate(() => window.veinscape.camera().position);
  await moveCamera(page);
  expect(await verify(page)).toEqual({ match: false, data: true, view: false });
  // verify put the picture's camera back.
  await page.evaluate(() => window.veinscape.ready());
  const after = await page.evaluate(() => window.veinscape.camera().position);
  after.forEach((v, i) => expect(Math.abs(v - before[i])).toBeLessThan(0.01));
  expect(await verify(page)).toEqual({ match: true, data: true, view: true });

  // A filter is part of the view too.
  await page.evaluate(() => window.veinscape.store.getState().setFilters({ gradeCutoff: 3 }));
  expect(await verify(page)).toMatchObject({ data: true, view: false });
  expect(await page.evaluate(() => window.veinscape.store.getState().filters.gradeCutoff)).not.toBe(3);
});

test('the same data loaded again verifies; the sample with one assay changed does not', async ({ page }) => {
  await openApp(page);
  await exportPicture(page);
  const doc = await page.evaluate(async () => JSON.parse(await (await window.veinscape.saveProject('json')).text()));
  // Loaded back from its own Veinscape JSON: the same content, the same fingerprint.
  await page.evaluate(async (d) => { await window.veinscape.load(d); await window.veinscape.ready(); }, doc);
  expect((await verify(page)).data).toBe(true);

  const table = doc.intervals[0];
  const column = table.columns.find((c: { type: string }) => c.type === 'numeric').name;
  const row = (table.data[column] as (number | null)[]).findIndex((v) => v !== null && v > 1);
  table.data[column][row] = Math.round((table.data[column][row] + 0.01) * 1000) / 1000;
  await page.evaluate(async (d) => { await window.veinscape.load(d); await window.veinscape.ready(); }, doc);
  const camera = await page.evaluate(() => window.veinscape.camera());
  expect(await verify(page)).toEqual({ match: false, data: false, view: expect.any(Boolean) });
  // Other data: nothing is restored.
  expect(await page.evaluate(() => window.veinscape.camera())).toEqual(camera);
});

test('a PNG opened with the file picker is checked and the outcome shown in a notice', async ({ page }) => {
  await openApp(page);
  const { b64, fingerprint } = await exportPicture(page);
  await moveCamera(page);
  await page.setInputFiles('[data-testid=file-input]', { name: 'export.png', mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') });
  const notice = page.getByTestId('verify-notice');
  await expect(notice).toContainText(`This picture (${fingerprint.code}) was made from the loaded data. Its view is restored.`);
  await page.evaluate(() => window.veinscape.ready());
  expect(await verify(page)).toEqual({ match: true, data: true, view: true });
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toBeHidden();

  // Not a Veinscape export: said, and the dataset stays.
  const plain = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = c.height = 4;
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  });
  await page.setInputFiles('[data-testid=file-input]', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(plain, 'base64') });
  await expect(notice).toContainText('This picture carries no Veinscape fingerprint, so it cannot be checked.');
  expect(await page.evaluate(() => window.veinscape.store.getState().model !== null)).toBe(true);
});

test('in French the notice says the picture matches', async ({ page }) => {
  await openApp(page, '?lang=fr');
  const { b64, fingerprint } = await exportPicture(page);
  await page.setInputFiles('[data-testid=file-input]', { name: 'export.png', mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') });
  await expect(page.getByTestId('verify-notice')).toContainText(`Cette image (${fingerprint.code}) correspond aux données chargées et à la vue à l’écran.`);
});

test('a view link carries the data fingerprint; opened on other data it says so', async ({ page }) => {
  await openApp(page, '?lang=en');
  const { fingerprint } = await exportPicture(page);
  // "Copy link" puts the link in the address bar too.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&data-fp=');
  const link = new URL(page.url());
  expect(/data-fp=([0-9a-f]+)/.exec(link.hash)![1]).toBe(fingerprint.data.slice(0, 16));
  await page.reload();
  await page.evaluate(() => window.veinscape.ready());
  await expect(page.getByTestId('verify-notice')).toHaveCount(0);

  // The same link on other data (here: a data fingerprint that is not the sample's).
  await page.evaluate(() => history.replaceState(null, '', location.href.replace(/data-fp=[0-9a-f]+/, 'data-fp=0123456789abcdef')));
  await page.reload();
  await page.evaluate(() => window.veinscape.ready());
  await expect(page.getByTestId('verify-notice')).toContainText(`This view was made from different data (VS-0123); showing it on the loaded data (VS-${fingerprint.data.slice(0, 4).toUpperCase()}).`);
});
