/**
 * The binary form of the deposit file (.vsb): the built app opens it through `?data=` and through
 * the Open… file input, tells it from JSON by its first bytes (not its name), and draws exactly what
 * the JSON draws. A damaged one is reported like a bad JSON file and the dataset on screen stays.
 * The .vsb files are written here by the encoder from the committed sample (and a generated stress
 * file), so a fresh clone needs nothing more.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodeDeposit } from '../src/data/binary/encode';
import { generateStress } from '../scripts/gen-stress';
import { canvasPixels, openApp, pixelDifference } from './helpers';

const sampleJson = readFileSync(new URL('../data/rocmec1.json', import.meta.url), 'utf8');
const sampleVsb = Buffer.from(encodeDeposit(JSON.parse(sampleJson)).bytes);

/** What the loaded dataset is and what the last frame drew. */
function loaded(page: Page) {
  return page.evaluate(() => {
    const s = window.veinscape.store.getState();
    const { drawCalls, triangles } = window.veinscape.stats();
    return {
      source: s.report!.source,
      ok: s.report!.ok,
      counts: s.report!.counts,
      errors: s.report!.errors,
      warnings: s.report!.warnings.length,
      project: s.model!.project.name,
      drawCalls,
      triangles,
    };
  });
}

/** Opens files through the hidden Open… input and waits for that load to be drawn. */
async function openFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.waitForFunction((n) => {
    const s = window.veinscape.store.getState();
    return s.report?.source === n && !s.loading;
  }, name);
  await page.evaluate(() => window.veinscape.ready());
}

test.describe('the binary form (.vsb)', () => {
  test('?data= opens a .vsb and draws the same picture and counts as the JSON sample', async ({ page, context }) => {
    test.setTimeout(180_000);
    // The worker fetches the URL; served from memory with a plain binary content type.
    await context.route('**/e2e-data/rocmec1.vsb', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: sampleVsb }));
    await openApp(page);
    const fromJson = await loaded(page);
    const jsonPixels = await canvasPixels(page);
    expect(fromJson.counts.intervals).toBeGreaterThan(20_000);

    await openApp(page, '?data=e2e-data/rocmec1.vsb');
    const fromBinary = await loaded(page);
    expect(fromBinary.source).toMatch(/rocmec1\.vsb$/);
    expect(fromBinary.ok).toBe(true);
    expect({ ...fromBinary, source: '' }).toEqual({ ...fromJson, source: '' });
    expect(pixelDifference(jsonPixels, await canvasPixels(page))).toBeLessThan(0.001);
  });

  test('the file input opens a .vsb, and a binary file under another name by its content', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    const fromJson = await loaded(page);
    const accept = await page.getByTestId('file-input').getAttribute('accept');
    expect(accept?.split(',')).toContain('.vsb');

    await openFile(page, 'rocmec1.vsb', sampleVsb);
    const vsb = await loaded(page);
    expect({ ...vsb, source: '' }).toEqual({ ...fromJson, source: '' });

    // A small different dataset first, so the next load visibly replaces it.
    const mini = readFileSync(new URL('../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8');
    await openFile(page, 'mini.bin', Buffer.from(encodeDeposit(JSON.parse(mini)).bytes));
    expect((await loaded(page)).project).toBe('Mini test deposit');
    await openFile(page, 'deposit.data', sampleVsb);
    expect({ ...(await loaded(page)), source: '' }).toEqual({ ...fromJson, source: '' });
  });

  test('a damaged .vsb is reported with where, and the dataset on screen stays', async ({ page }) => {
    await openApp(page);
    const name = await page.getByTestId('project-name').textContent();
    const report = page.getByTestId('load-report');
    await page.getByTestId('file-input').setInputFiles({ name: 'cut.vsb', mimeType: 'application/octet-stream', buffer: sampleVsb.subarray(0, sampleVsb.length - 1000) });
    await expect(report).toContainText('Could not load cut.vsb');
    await expect(report).toContainText('truncated Veinscape binary file');
    await expect(page.getByTestId('project-name')).toHaveText(name!);

    await page.getByTestId('file-input').setInputFiles({ name: 'not-binary.vsb', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not a deposit at all') });
    await expect(report).toContainText('Could not load not-binary.vsb');
    await expect(report).toContainText('not a Veinscape binary file');
    await expect(page.getByTestId('project-name')).toHaveText(name!);
  });

  test('a generated stress dataset loads through veinscape.load as .vsb with the JSON\'s counts and draw calls', async ({ page }) => {
    test.setTimeout(240_000);
    const dir = mkdtempSync(join(tmpdir(), 'veinscape-vsb-e2e-'));
    let json = '';
    try {
      const path = join(dir, 'stress-300h-20i.json');
      generateStress({ holes: 300, intervals: 20, triangles: 20_000 }, path);
      json = readFileSync(path, 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const vsb = Buffer.from(encodeDeposit(JSON.parse(json)).bytes);
    // No dataset at first (ready() waits for one), as in scale.spec.ts.
    await page.goto('/?data=');
    await page.waitForFunction(() => !!window.veinscape);
    const load = (name: string, bytes: number[] | string) =>
      page.evaluate(async ([n, b]) => {
        const file = new File([typeof b === 'string' ? b : new Uint8Array(b)], n as string);
        const report = await window.veinscape.load(file);
        await window.veinscape.ready();
        const { drawCalls, triangles } = window.veinscape.stats();
        return { ok: report.ok, counts: report.counts, errors: report.errors, warnings: report.warnings, drawCalls, triangles };
      }, [name, bytes] as const);
    const fromJson = await load('stress.json', json);
    expect(fromJson.counts).toMatchObject({ holes: 300, intervals: 6000 });
    const fromBinary = await load('stress.vsb', [...vsb]);
    expect(fromBinary).toEqual(fromJson);
  });
});
