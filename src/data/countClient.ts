/**
 * The page's side of the worker counter (countHost.ts): after its `extras` message the loading
 * worker stays alive and answers in-view count requests for its dataset, so a filter change does
 * not recount a million pieces on the main thread. One counter at a time: adopting the next
 * dataset's counter ends the previous worker. A dataset with no counter (set directly, or its
 * worker failed) is counted on the page as before (ui/InViewCounts.tsx).
 */
import type { FilterState } from '../domain/holeFilter';
import type { ViewCounts } from '../domain/viewCounts';
import type { CountAnswer, CountRequest } from './countHost';

interface Counter {
  prepared: object;
  worker: Worker;
  nextId: number;
  waiting: Map<number, { resolve: (c: ViewCounts) => void; reject: (e: Error) => void }>;
  broken: boolean;
}

let current: Counter | null = null;
/** datasets whose worker will stay on as their counter once its extras arrive */
const coming = new WeakSet<object>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((f) => f());

/** On the worker's `done`: this dataset's counter is on its way. */
export function expectCounter(prepared: object): void {
  coming.add(prepared);
}

/** The worker did not become a counter (no extras, or it failed): count on the page. */
export function dropCounter(prepared: object): void {
  if (coming.delete(prepared)) notify();
}

function fail(c: Counter, why: string): void {
  c.broken = true;
  for (const w of c.waiting.values()) w.reject(new Error(why));
  c.waiting.clear();
  c.worker.terminate();
  notify();
}

/** On the worker's `extras`: from now on it answers count requests for `prepared`. */
export function adoptCounter(prepared: object, worker: Worker): void {
  coming.delete(prepared);
  if (current) fail(current, 'replaced by the next dataset');
  const c: Counter = { prepared, worker, nextId: 1, waiting: new Map(), broken: false };
  worker.onmessage = (e: MessageEvent<CountAnswer>) => {
    const w = c.waiting.get(e.data.id);
    if (!w) return;
    c.waiting.delete(e.data.id);
    if (e.data.counts) w.resolve(e.data.counts);
    else w.reject(new Error(e.data.error ?? 'the count failed'));
  };
  worker.onerror = (e) => fail(c, `counter crashed: ${e.message}`);
  current = c;
  notify();
}

/** 'ready': counted in the worker; 'pending': wait for onCounterChange; 'none': count on the page. */
export function counterState(prepared: object): 'ready' | 'pending' | 'none' {
  if (current && current.prepared === prepared && !current.broken) return 'ready';
  return coming.has(prepared) ? 'pending' : 'none';
}

export function onCounterChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * Counts holes and interval rows in the worker (counterState must be 'ready'; the intercepts are
 * counted on the page: countHost.ts CountRequest); rejects when the worker fails.
 */
export function countInWorker(prepared: object, filters: FilterState): Promise<ViewCounts> {
  const c = current;
  if (!c || c.prepared !== prepared || c.broken) return Promise.reject(new Error('no counter for this dataset'));
  const id = c.nextId++;
  const req: CountRequest = { kind: 'count', id, filters };
  return new Promise((resolve, reject) => {
    c.waiting.set(id, { resolve, reject });
    c.worker.postMessage(req);
  });
}
