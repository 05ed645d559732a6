#!/usr/bin/env node
/**
 * Offline roadshow build: one HTML file with the app, its worker and the dataset inside, that opens
 * from the file system (double-click) in Chrome, Edge or Firefox on a laptop with no network.
 *
 *   npm run build:roadshow [-- --data path/to/deposit.json] [--out roadshow] [--lang fr]
 *
 * Writes <out>/veinscape-roadshow.html (default data: the sample, data/rocmec1.json). `--lang fr`
 * opens it in French (a file opened by a double-click has no ?lang=); a language the presenter
 * picks in the top bar on that laptop is still kept, and ?lang= still wins.
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

mkdirSync(out, { recursive: true });
const file = join(out, 'veinscape-roadshow.html');
writeFileSync(file, html);
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${file} (${(html.length / 1e6).toFixed(1)} MB, data: ${data}, language: ${lang ?? 'the browser\'s'}); left: ${readdirSync(out).join(', ')}`);
