/**
 * The page's first task evaluates the entry (src/main.tsx) and every module it imports statically.
 * three.js, R3F, i18next and React DOM are loaded later, each in a task of its own
 * (src/api/veinscape.ts loadSceneReads, src/main.tsx mountInterface): evaluated with the entry they
 * made that task 60-180 ms on a 2-core machine. This checks the entry's static imports, followed
 * through the source files, reach none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

/** The module a relative specifier names: a .ts / .tsx file, a folder's index, or the file itself (JSON, CSS). */
function resolveFile(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const p of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) if (existsSync(p) && /\.(tsx?|json|css)$/.test(p)) return p;
  return null;
}

/**
 * Packages reached from `entry` through static imports that are evaluated (`import type` and
 * `export type` are erased; dynamic `import()` is a later task), with the chain that reaches each.
 */
function staticPackages(entry: string): Map<string, string> {
  const seen = new Set<string>([entry]);
  const packages = new Map<string, string>();
  const queue: [string, string][] = [[entry, relative(SRC, entry)]];
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?([^'";]*?\bfrom\s+|\s*)['"]([^'"]+)['"]/g)) {
      if (m[2]) continue;
      if (m[1] === 'export' && !/\bfrom\s+$/.test(m[3])) continue;
      const spec = m[4];
      if (!spec.startsWith('.')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.has(name)) packages.set(name, `${chain} → ${spec}`);
        continue;
      }
      const target = resolveFile(file, spec);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      queue.push([target, `${chain} → ${relative(SRC, target)}`]);
    }
  }
  return packages;
}

const LATER = ['three', '@react-three/fiber', '@react-three/drei', 'i18next', 'react-i18next', 'react-dom'];

describe("the entry's first task", () => {
  it('finds packages through the source: the 3D view\'s reads reach three.js and R3F (through the surfaces\' levels)', () => {
    const reads = staticPackages(resolve(SRC, 'api/sceneReads.ts'));
    expect(reads.get('three')).toBe('api/sceneReads.ts → three');
    expect(reads.get('@react-three/fiber')).toBe('api/sceneReads.ts → scene/surfaceLodDraw.ts → @react-three/fiber');
    expect(staticPackages(resolve(SRC, 'i18n/index.ts')).has('i18next')).toBe(true);
  });

  it('imports none of three.js, R3F, drei, i18next or React DOM', () => {
    const reached = staticPackages(resolve(SRC, 'main.tsx'));
    expect(reached.has('zustand')).toBe(true);
    expect(LATER.filter((p) => reached.has(p)).map((p) => reached.get(p))).toEqual([]);
  });
});
