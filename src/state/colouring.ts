/** The current interval colouring, memoised on the store fields it depends on. */
import { colouringFor, type Colouring } from '../domain/colouring';
import type { VeinscapeState } from './store';

let last: { key: unknown[]; value: Colouring | null } | null = null;

export function currentColouring(s: Pick<VeinscapeState, 'model' | 'prepared' | 'colorBy' | 'bins'>): Colouring | null {
  const key = [s.model, s.prepared, s.colorBy, s.bins];
  if (last && last.key.every((k, i) => k === key[i])) return last.value;
  const value = s.model && s.prepared ? colouringFor(s.model, s.prepared, s.colorBy, s.bins) : null;
  last = { key, value };
  return value;
}
