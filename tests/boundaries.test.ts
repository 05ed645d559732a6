/**
 * The module boundaries of docs/architecture.md, checked on the import statements of every source
 * file: domain imports only domain; data never imports scene or ui; the overlay (drawn live and in
 * image exports) imports neither scene nor export, so neither of them owns it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Top-level folder of src each relative import of `file` lands in ('' for a file directly in src). */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*((?:import|export)[^'"]*?)from\s+['"](\.[^'"]+)['"]/g)) {
    const target = relative(SRC, resolve(dirname(file), m[2]));
    // The model's type is its definition, not code: domain functions take a Model.
    if (/^import type/.test(m[1]) && target === 'data/model') continue;
    out.push(target.includes('/') ? target.split('/')[0] : '');
  }
  return out;
}

const area = (file: string) => relative(SRC, file).split('/')[0];

describe('module boundaries', () => {
  const all = files(SRC);
  it('finds the source', () => expect(all.length).toBeGreaterThan(100));
  const rules: Record<string, string[]> = {
    domain: ['data', 'state', 'scene', 'ui', 'export', 'overlay', 'api'],
    data: ['scene', 'ui', 'export', 'overlay', 'api'],
    overlay: ['scene', 'export', 'ui', 'api'],
  };
  for (const [from, banned] of Object.entries(rules)) {
    it(`${from} imports none of ${banned.join(', ')}`, () => {
      const bad = all
        .filter((f) => area(f) === from)
        .flatMap((f) => importedAreas(f).filter((a) => banned.includes(a)).map((a) => `${relative(SRC, f)} → ${a}`));
      expect(bad).toEqual([]);
    });
  }
  // Messages made in the loader and the checks carry their English text from the catalogue file
  // (src/domain/message.ts): a JSON file is data; the i18n code (i18next) stays out of the workers.
  it('domain and data take from i18n only its catalogue files', () => {
    const bad = all
      .filter((f) => area(f) === 'domain' || area(f) === 'data')
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => relative(SRC, resolve(dirname(f), m[1]))).filter((t) => t.startsWith('i18n') && !/^i18n\/locales\/[a-z]+\/[\w-]+\.json$/.test(t)).map((t) => `${relative(SRC, f)} → ${t}`));
    expect(bad).toEqual([]);
  });
});
