/**
 * The app in French shows no English interface text (issue 20), checked against the catalogues:
 * with ?lang=fr on the sample, every panel, card and dialog reachable through the interface is
 * opened, and every visible text, option, tooltip (title), aria-label, placeholder and alt is
 * collected. None may contain, as a whole phrase, an English catalogue text that French writes
 * differently (src/i18n/locales/en vs fr, read here in Node). Numbers follow the language: thousands
 * grouped by a narrow no-break space, a decimal comma.
 *
 * Limits: text drawn into the 3D overlay canvas and into exported images is pixels, not DOM (the
 * export specs check those); English that no catalogue holds yet is caught by
 * tests/i18n-strings.test.ts instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

type Tree = { [k: string]: string | Tree };
// Playwright runs from the repository's root (playwright.config.ts).
const LOCALES = join(process.cwd(), 'src/i18n/locales');

function catalogue(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) typeof v === 'string' ? out.set(prefix + k, v) : walk(v, `${prefix}${k}.`);
  };
  for (const f of readdirSync(join(LOCALES, lang)).filter((x) => x.endsWith('.json'))) walk(JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8')), `${f.replace(/\.json$/, '')}:`);
  return out;
}

const LETTERS = /\p{L}/gu;
// Not inside a longer word, nor a data path or identifier ("$.intervals[0]", "from_m").
const wholePhrase = (p: string) => new RegExp(`(?<![\\p{L}\\p{N}$._/])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The English phrases a French screen must not show: the fixed parts of each English text (around
 * its {{placeholders}}) whose French differs, of 4 letters or more, and that no French text uses too
 * ("Contours", "Zone", "Veinscape" are the same words in both).
 */
function englishPhrases(): { phrase: string; key: string; re: RegExp }[] {
  const en = catalogue('en');
  const fr = catalogue('fr');
  const frAll = [...fr.values()];
  const out = new Map<string, string>();
  for (const [key, e] of en) {
    if (fr.get(key) === e) continue;
    for (const part of e.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)) {
      const phrase = part.trim().replace(/^[\s·,:;.()–—-]+|[\s·,:;.()–—…-]+$/g, '');
      if ((phrase.match(LETTERS) ?? []).length < 4 || out.has(phrase)) continue;
      const re = wholePhrase(phrase);
      if (frAll.some((f) => re.test(f))) continue;
      out.set(phrase, key);
    }
  }
  return [...out].map(([phrase, key]) => ({ phrase, key, re: wholePhrase(phrase) }));
}

/** Every text the page shows now: visible text nodes, select options, and title / aria-label / placeholder / alt of every element. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const add = (s: string | null | undefined) => {
      const t = s?.replace(/\s+/g, ' ').trim();
      if (t) out.add(t);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style')) continue;
      if (el.closest('option') || el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) add(n.textContent);
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) add(el.getAttribute(a));
    }
    add(document.title);
    return [...out];
  });
}

/** French words a step's button carries (the catalogue's French, so the test follows the translator). */
const fr = catalogue('fr');
const frText = (key: string) => {
  const v = fr.get(key);
  if (v === undefined) throw new Error(`no French text for ${key}`);
  return v;
};

test('the app in French shows no English interface text, and numbers are written the French way', async ({ page }) => {
  test.setTimeout(240_000);
  const phrases = englishPhrases();
  expect(phrases.length, 'English phrases to look for').toBeGreaterThan(200);
  const seen = new Map<string, string>(); // text → the step it was first seen in
  /** Collects what the page shows; a step that opened something must have shown new text (else it reached nothing). */
  const collect = async (step: string, opensSomething = true) => {
    const before = seen.size;
    for (const t of await shownTexts(page)) if (!seen.has(t)) seen.set(t, step);
    if (opensSomething) expect(seen.size, `new texts in ${step}`).toBeGreaterThan(before);
  };

  await openApp(page, '?lang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Numbers: the status bar's interval count, grouped by hand with U+202F (French), not by Intl.
  const intervals = await page.evaluate(() => window.veinscape.store.getState().model!.intervals.reduce((n, t) => n + t.hole.length, 0));
  expect(intervals, 'the sample has thousands of intervals').toBeGreaterThan(999);
  const grouped = String(intervals).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  await expect(page.locator('footer.statusbar')).toContainText(`${grouped} intervalles`);

  // The side panels, every collapsed part opened.
  // Each click opens one, so the first closed one is a different part each time.
  const closed = page.locator('.sidebar details:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) await closed.first().click({ timeout: 5_000 });
  await collect('side panels');

  // Significant intercepts: the preset, the summary (decimal commas), the table, a row → selection card and strip log.
  await page.getByTestId('intercept-preset').click();
  const summary = page.getByTestId('intercept-summary');
  await expect(summary).toContainText(/\d+,\d+ g\/t Au/);
  expect(await summary.textContent(), 'no decimal point in French').not.toMatch(/\d\.\d/);
  await page.getByTestId('intercept-table-toggle').click();
  await expect(page.getByTestId('intercept-row').first()).toBeVisible();
  await collect('intercept table');
  await page.getByTestId('intercept-row').first().click();
  await expect(page.getByTestId('info-panel')).toBeVisible();
  await expect(page.getByTestId('strip-log')).toBeVisible();
  await collect('selection card and strip log');

  // The long section.
  await page.locator('header.topbar').getByRole('button', { name: frText('app:longSection'), exact: true }).click();
  await expect(page.getByTestId('long-section')).toBeVisible();
  await collect('long section');
  await page.locator('header.topbar').getByRole('button', { name: frText('app:longSection'), exact: true }).click();

  // The load report, when the sample gives warnings.
  const chip = page.getByTestId('load-report-chip');
  if (await chip.isVisible()) {
    await chip.click();
    await expect(page.getByTestId('load-report')).toBeVisible();
    await collect('load report');
  }

  // Measuring.
  await page.getByRole('button', { name: frText('faults:measure') }).click();
  await collect('measuring');
  await page.getByRole('button', { name: frText('faults:measuring') }).click().catch(() => undefined);

  // The image export dialog.
  await page.locator('header.topbar').getByRole('button', { name: frText('app:exportImage'), exact: true }).click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await collect('export dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  // The tour, then the presentation.
  await page.getByRole('button', { name: frText('views:playTour') }).click();
  await expect(page.getByTestId('tour-caption')).toBeVisible();
  await collect('tour');
  await page.getByRole('button', { name: frText('tour:stopLabel') }).click();
  await page.getByRole('button', { name: frText('views:present'), exact: true }).click();
  await expect(page.getByTestId('tour-caption')).toBeVisible();
  await collect('presentation', false);
  await page.keyboard.press('Escape');

  // Embed mode.
  await openApp(page, '?lang=fr&embed=1');
  await collect('embed', false);

  // Identifiers from the drill database are data, shown as the file gives them, in any language
  // (docs/i18n.md): the collar table's programme names ("1996 Underground"), like hole ids.
  const programmes = await page.evaluate(() => [...new Set(window.veinscape.store.getState().model!.holes.map((h) => h.program))]);
  expect(programmes.length, 'the sample has programmes').toBeGreaterThan(1);
  const withoutData = (t: string) => programmes.reduce((x, p) => x.split(p).join(' '), t);

  const english: string[] = [];
  for (const [raw, step] of seen) {
    const text = withoutData(raw);
    const found = phrases.filter((p) => p.re.test(text));
    const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
    if (found.length) english.push(`${step}: "${shown}" has ${found.map((p) => `"${p.phrase.length > 40 ? `${p.phrase.slice(0, 40)}…` : p.phrase}" (en ${p.key})`).join(', ')}`);
  }
  expect(seen.size, 'texts collected').toBeGreaterThan(150);
  expect(english, `${english.length} English texts on the French screen:\n${english.join('\n')}`).toEqual([]);
});
