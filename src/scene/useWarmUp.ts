/**
 * A layer's warm-up as a hook: queues the job for `key` (the layer's data) and returns the job's
 * result once every job of the same dataset version is done, null until then (the layer draws
 * nothing meanwhile). A later job for the same version (a layer mounted afterwards) does not hide
 * the layers already shown. `dispose` frees a result once it is no longer drawn (new data, unmount).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { useVeinscape } from '../state/store';
import { warmQueue, type WarmJob } from './warmQueue';
import type { WarmTarget } from './warmUp';

export function useWarmUp<K extends object, T>(
  key: K | null,
  job: (key: K, target: () => WarmTarget) => WarmJob<T>,
  dispose: (value: T) => void = () => undefined,
): T | null {
  const version = useVeinscape((s) => s.version);
  const get = useThree((s) => s.get);
  const [shown, setShown] = useState<{ key: K; value: T } | null>(null);
  const latest = useRef({ job, dispose });
  useLayoutEffect(() => {
    latest.current = { job, dispose };
  });
  useLayoutEffect(() => {
    if (!key) return;
    let done: { value: T } | null = null;
    const reveal = () => {
      if (done && !warmQueue.pending(version)) setShown({ key, value: done.value });
    };
    const unsubscribe = warmQueue.subscribe(reveal);
    // The renderer, scene and camera as they are when each step runs (the camera can change).
    const target = () => get() as WarmTarget;
    const cancel = warmQueue.add(version, latest.current.job(key, target), (value) => (done = { value }));
    return () => {
      cancel();
      unsubscribe();
      // By now the layer no longer draws this result: the render that replaced `key` is committed.
      if (done) latest.current.dispose(done.value);
    };
  }, [key, version, get]);
  return shown && shown.key === key ? shown.value : null;
}
