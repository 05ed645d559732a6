/**
 * Smooth animation of fault offsets between two states (restored ⇄ as mapped). Each animation
 * frame writes the interpolated offsets to the store; the scene turns them into uniforms, so no
 * geometry is rebuilt while it plays.
 */
import type { VeinscapeStore } from './store';

let running: number | null = null;

/** Ease in and out (smoothstep), t in [0, 1]. */
export const ease = (t: number) => t * t * (3 - 2 * t);

/** Stop a running animation where it is (an offset set at once must not be overwritten by it). */
export function cancelFaultAnimation(): void {
  if (running !== null) cancelAnimationFrame(running);
  running = null;
}

export function animateFaultOffsets(store: VeinscapeStore, target: Record<string, number>, durationMs = 1400): Promise<void> {
  if (running !== null) cancelAnimationFrame(running);
  const from = { ...store.getState().faultOffsets };
  const start = performance.now();
  return new Promise((resolve) => {
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / durationMs);
      const k = ease(t);
      const next: Record<string, number> = {};
      for (const id of Object.keys(target)) next[id] = (from[id] ?? 0) + (target[id] - (from[id] ?? 0)) * k;
      store.getState().setFaultOffsets(next);
      if (t < 1) running = requestAnimationFrame(step);
      else {
        running = null;
        resolve();
      }
    };
    running = requestAnimationFrame(step);
  });
}
