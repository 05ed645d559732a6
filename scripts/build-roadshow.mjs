#!/usr/bin/env node
/**
 * Offline roadshow build: one HTML file with the app, its worker and the dataset inside, that opens
 * from the file system (double-click) in Chrome, Edge or Firefox on a laptop with no network.
 *
 *   npm run build:roadshow [-- --data path/to/deposit.json] [--out roadshow] [--lang fr] [--disclosed 2006-01-01]
 *
 * Writes <out>/veinscape-roadshow.html (default data: the sample, data/rocmec1.json). `--lang fr`
 * opens it in French (a file opened by a double-click has no ?lang=); a language the presenter
 * picks in the top bar on that laptop is still kept, and ?lang= still wins. `--disclosed YYYY-MM-DD`
 * opens it "as disclosed on" that date (holes released later or never are hidden; a ?disclosed=
 * query can only make it earlier), for a roadshow that must show only released results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const data = resolve(opt('data', 'data/rocmec1.json'));
const out = resolve(opt('out', 'roadshow'));
// Without --lang the page follows the browser's preference, like the web app.
const lang = opt('lang', undefined);
// The interface's languages (src/i18n LANGUAGES).
if (lang !== undefined && !['en', 'fr'].includes(lang)) throw new Error(`--lang ${lang}: the interface speaks en or fr`);
const disclosed = opt('disclosed', undefined);
if (disclosed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(disclosed)) throw new Error(`--disclosed ${disclosed}: a date YYYY-MM-DD`);
const tmp = resolve('.roadshow-build');

rmSync(tmp, { recursive: true, force: true });
execFileSync('npx', ['vite', 'build', '--mode', 'roadshow', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });

let html = readFileSync(join(tmp, 'index.html'), 'utf8');
const asset = (href) => readFileSync(join(tmp, href.replace(/^\.\//, '')), 'utf8');
// Text that would end the inline element early is escaped; both escapes keep the meaning.
const safeScript = (code) => code.replace(/<\/script/gi, '<\\/script');
html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_m, src) => `<script type="module">${safeScript(asset(src))}</script>`);
html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_m, href) => `<style>${asset(href)}</style>`);
if (/src="\.\/assets|href="\.\/assets/.test(html)) throw new Error('an asset was left outside the single file');
// The dataset, validated as JSON here so a broken file fails the build rather than the roadshow.
const text = readFileSync(data, 'utf8');
JSON.parse(text);
const inlined = `<script type="application/json" id="veinscape-data">${text.replace(/<\//g, '<\\/')}</script>`;
html = html.replace('</body>', `${inlined}\n</body>`);
// The language the page opens in when nothing else chose one (read by src/i18n before the first render).
if (lang) {
  html = html.replace('<html lang="en">', `<html lang="${lang}">`).replace('<head>', `<head>\n    <meta name="veinscape:lang" content="${lang}" />`);
  if (!html.includes(`<meta name="veinscape:lang" content="${lang}"`)) throw new Error('the page language was not written');
}

// The disclosure date the page opens with (read by src/main.tsx before the dataset is drawn).
if (disclosed) {
  html = html.replace('<head>', `<head>\n    <meta name="veinscape:disclosed" content="${disclosed}" />`);
  if (!html.includes(`<meta name="veinscape:disclosed" content="${disclosed}"`)) throw new Error('the disclosure date was not written');
}

mkdirSync(out, { recursive: true });
const file = join(out, 'veinscape-roadshow.html');
writeFileSync(file, html);
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${file} (${(html.length / 1e6).toFixed(1)} MB, data: ${data}, language: ${lang ?? 'the browser\'s'}, disclosed: ${disclosed ?? 'everything'}); left: ${readdirSync(out).join(', ')}`);
