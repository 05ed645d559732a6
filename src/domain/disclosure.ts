/**
 * "As disclosed on <date>": which holes a news release had made public by a date. A hole is
 * disclosed when it names a release whose date is on or before the disclosure date; a hole with no
 * release, an unknown release or a release without a valid date is undisclosed (nothing may be
 * shown that no release vouches for). Dates are ISO calendar dates 'YYYY-MM-DD', compared as text
 * (same length, most significant first), so no time zone moves a release across midnight.
 */

export interface ReleaseDate {
  id: string;
  /** 'YYYY-MM-DD'; undefined when the file's date was not a valid calendar date */
  date?: string;
}

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (2006-02-30 is not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Per hole: 1 when its release is dated on or before `disclosedOn`, else 0. */
export function disclosedMask(holes: readonly { release?: string }[], releases: readonly ReleaseDate[], disclosedOn: string): Uint8Array {
  const dateOf = new Map(releases.map((r) => [r.id, r.date]));
  return Uint8Array.from(holes, (h) => {
    const date = h.release === undefined ? undefined : dateOf.get(h.release);
    return date !== undefined && isIsoDate(date) && date <= disclosedOn ? 1 : 0;
  });
}

/**
 * Whether a picture would show drilling results not yet released on `today` ('YYYY-MM-DD'). With a
 * disclosure date, when that date is after today (a release planned but not yet out). With none,
 * when the dataset lists releases and a drilled hole the filters keep (`shown`: 1 per hole, empty =
 * all) has no release or a later one. Planned holes carry no results (no assays), so they alone
 * never make a picture internal.
 */
export function showsUndisclosed(
  holes: readonly { release?: string; status: 'drilled' | 'planned' }[],
  releases: readonly ReleaseDate[],
  disclosedOn: string | null,
  today: string,
  shown: Uint8Array = new Uint8Array(0),
): boolean {
  if (disclosedOn !== null) return disclosedOn > today;
  // A dataset that lists no release says nothing about disclosure: its pictures are not checked.
  if (releases.length === 0) return false;
  const out = disclosedMask(holes, releases, today);
  return holes.some((h, i) => h.status === 'drilled' && out[i] === 0 && (shown.length !== holes.length || shown[i] === 1));
}

/**
 * The disclosure date after a view is applied: the earlier of the view's and the limit the user,
 * the address or the roadshow set (null = none). A view (a tour step, a link) can hold results
 * back, and a later step show more, but never past that limit, so a presentation opened "as
 * disclosed on" a date stays within it at every step.
 */
export function earlierDate(inForce: string | null, fromView: string | null | undefined): string | null {
  if (inForce === null) return fromView ?? null;
  if (fromView === null || fromView === undefined) return inForce;
  return fromView < inForce ? fromView : inForce;
}

/** Two masks (1 shown) combined: 1 where both show; a null mask limits nothing. */
export function bothMasks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  return a.map((v, i) => (v && b[i] ? 1 : 0));
}
