/**
 * The dataset fingerprint (src/domain/fingerprint.ts) made by the loading worker: it hashes the
 * model it built, so the page never writes the canonical text of a large dataset (hundreds of ms
 * of main-thread work at 100,000 holes). The worker's `extras` message carries it; until it
 * arrives, asking for the fingerprint waits for it. Null when the worker could not make it (then
 * the page makes it: src/api/fingerprints.ts).
 */
import type { Model } from './model';

const pending = new WeakMap<Model, { promise: Promise<string | null>; settle: (hex: string | null) => void }>();

/** Called on `done`, before the dataset reaches the store: its fingerprint is on its way. */
export function expectLoaderFingerprint(model: Model): void {
  let settle: (hex: string | null) => void = () => undefined;
  const promise = new Promise<string | null>((r) => (settle = r));
  pending.set(model, { promise, settle });
}

/** The worker's answer (null: none). */
export function adoptLoaderFingerprint(model: Model, hex: string | null): void {
  pending.get(model)?.settle(hex);
}

/** The worker's fingerprint of this model, when one is expected or was given; undefined otherwise. */
export function loaderFingerprint(model: Model): Promise<string | null> | undefined {
  return pending.get(model)?.promise;
}
