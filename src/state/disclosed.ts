/**
 * What the disclosure date lets out of the store, for the places that show more than the view
 * filters keep (the intercept table with "only in view" unticked, its CSV): filters are a view's
 * choice, the disclosure date is not, so those lists never hold an undisclosed hole's intercepts;
 * and whether a picture would show results not yet released (the export dialog's question).
 */
import { disclosedMask, showsUndisclosed } from '../domain/disclosure';
import type { VeinscapeState } from './store';

let cache: { holes: unknown; on: string | null; mask: Uint8Array | null } | null = null;

/** 1 per hole disclosed on `filters.disclosedOn`; null when no disclosure date is set. */
export function disclosedHolesOf(s: Pick<VeinscapeState, 'model' | 'filters'>): Uint8Array | null {
  const holes = s.model?.holes;
  const on = s.filters.disclosedOn ?? null;
  if (cache && cache.holes === holes && cache.on === on) return cache.mask;
  const mask = holes && on !== null ? disclosedMask(holes, s.model?.releases ?? [], on) : null;
  cache = { holes, on, mask };
  return mask;
}

/** Today as the calendar date 'YYYY-MM-DD' where the user is (a release dated today is out today). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Whether a picture of the store's state would show drilling results not released today: the
 * export dialog asks for an explicit choice then, and such images are marked internal.
 */
export function undisclosedShown(s: Pick<VeinscapeState, 'model' | 'prepared' | 'filters'>, shown: Uint8Array, today = todayIso()): boolean {
  if (!s.model) return false;
  return showsUndisclosed(s.model.holes, s.model.releases ?? [], s.filters.disclosedOn ?? null, today, shown);
}
