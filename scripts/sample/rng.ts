/**
 * Seeded pseudo-random numbers for the sample generator.
 *
 * mulberry32 is tiny, fast and fully determined by a 32-bit seed, so the same seed always gives a
 * byte-identical data file. Each topic (veins, holes, assays...) draws from its own stream, derived
 * from the master seed and the topic name, so changing how many numbers one topic draws does not
 * reshuffle every other topic.
 */

export type Rng = () => number;

/** mulberry32: uniform floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string (topic names to seeds). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** An independent stream for one topic. */
export function stream(seed: number, topic: string): Rng {
  return mulberry32((seed ^ hashString(topic)) >>> 0);
}

export const uniform = (r: Rng, a: number, b: number): number => a + (b - a) * r();

/** Integer in [a, b] inclusive. */
export const randInt = (r: Rng, a: number, b: number): number => a + Math.floor(r() * (b - a + 1));

/** Standard normal (Box-Muller; two draws per call so the stream position is predictable). */
export function normal(r: Rng): number {
  const u1 = Math.max(r(), 1e-12);
  const u2 = r();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal with the given median and log-space standard deviation sigma. */
export const lognormal = (r: Rng, median: number, sigma: number): number => median * Math.exp(sigma * normal(r));

export function pick<T>(r: Rng, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}
