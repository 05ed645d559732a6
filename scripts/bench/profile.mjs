/**
 * Top self-time functions of a V8 CPU profile (CDP Profiler), for both benchmarks: over the whole
 * profile or over a window of the page's performance.now() (profile timestamps are monotonic
 * microseconds, like CDP's NavigationStart, given in seconds as `navStartSec`); with `callers`,
 * each function named with that many of its callers ("f ← g ← h").
 */
import { basename } from 'node:path';

export function profileTop(profile, n = 12, window = null, navStartSec = 0, callers = 0) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parents.set(c, node);
  const name = (node) => {
    const f = node.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const dt = profile.timeDeltas;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += dt[i];
    const d = (dt[i + 1] ?? 0) / 1000;
    if (window) {
      const pageMs = t / 1000 - navStartSec * 1000;
      if (pageMs < window.from || pageMs > window.to) continue;
    }
    const node = byId.get(profile.samples[i]);
    let key = name(node);
    for (let k = 0, p = parents.get(node.id); k < callers && p && p.callFrame.functionName !== '(root)'; k++, p = parents.get(p.id)) key += ` ← ${name(p)}`;
    self.set(key, (self.get(key) ?? 0) + d);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, ms }));
}
